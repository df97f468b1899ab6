"""When to answer, and what of an answer to show: the answer policy in one place.

Decisions measured rather than left to a 1.5B model's own judgement:

- Before the model, :func:`answerability` scores whether the retrieved text can
  answer the question at all: a logistic model of the best dense score and how
  much of the question one sentence of a passage covers (with its neighbours
  and the headline). Its weights and threshold are fitted on dev splits by
  ``bench/abstain_fit.py`` and live in Settings (``answerable_weights``,
  ``min_answerable``). Below the threshold the reply is the refusal, and the
  model is never asked.
- After the model, :func:`decide` keeps only the sentences that verified
  against their quoted sentence (:mod:`rag.citations`). If none did, the reply
  is the refusal with the closest sources; the rest are left out, each with
  its reason, never shown as fact. If the first sentence (the answer; the
  rest explains it) did not verify, the reply is the refusal too.
- Then the verified answer must answer its question: :func:`restates`,
  :func:`lacks_asked`, :func:`twisted`, :func:`reversed_move`, :func:`unnegated` and
  :func:`other_time` decline one that says nothing new, lacks the month, year or figure
  asked for, speaks of the opposite of what was asked (or of a rise for a fall), of
  another month or quarter, tells the deed asked about only as bid for or expected (:func:`framed_answer`),
  or picks the wrong one of two (:func:`wrong_pick`), answers "Why did X ...?" about
  someone else (:func:`other_subject`), or "What caused X?" with X alone (:func:`no_cause`); :func:`unsupported` declines one whose support
  score (a logistic model fitted like the one above) is below ``min_support``.

>>> from rag.models import Citation, Claim
>>> ok = Claim("Alibaba will invest $50 billion.", (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))
>>> bad = Claim("It is the largest ever.", (Citation(1, "c", "d", "T", "", None, "q", 0, 1, False, reason="weak"),))
>>> d = decide("...", CheckedText("", (ok, bad)))
>>> d.refused, [c.text for c in d.kept], d.reason
(False, ['Alibaba will invest $50 billion.'], '1 of 2 sentences verified; 1 left out')
>>> decide("...", CheckedText("", (bad,))).reason
'no sentence of the answer verified against the passage it cites'
>>> d = decide("...", CheckedText("", (bad, ok)))
>>> d.refused, [c.text for c in d.dropped]
(True, ['It is the largest ever.', 'Alibaba will invest $50 billion.'])
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .chunking import sentence_spans
from .citations import _STOP, _WORD, figure, parse_markers, restated, stems, words
from .dates import _MONTHS as _MONTH_NUMBER
from .models import CheckedText, Claim, Passage, When
from .numeric import CARDINAL_WORDS, numbers_in
from .relations import (
    _BE,
    _DOWN,
    _LESS_WORDS,
    _MONTHS,
    _MORE_WORDS,
    _PAST_BASE,
    _ROLES,
    _UP,
    _YEAR,
    _frame,
    _money,
    amounts_held,
    counted_kind,
    kinds_counted,
    names,
    tokens,
)
from .stemming import stem

_QUESTION_WORDS = frozenset("which whose many much long far often did does kind type name named called".split())


def question_words(question: str) -> set[str]:
    """The content words of a question as stems, its wh-words and auxiliaries left out.

    >>> sorted(question_words("How much is Alibaba investing in AI?"))
    ['ai', 'alibaba', 'invest']
    """
    return stems(" ".join(words(question) - _QUESTION_WORDS))


def coverage(question: str, passages: Sequence[Passage]) -> float:
    """The largest share of the question's content words that one sentence of a passage holds, counting the
    sentences either side of it and the passage's headline.

    >>> from rag.retrieval import _p
    >>> coverage("Who won the wheelchair race?", [_p("The wheelchair race was won by Reyes. He was fast.")])
    1.0
    >>> coverage("Who won the wheelchair race?", [_p("Reyes trained all year.")])
    0.0
    """
    q = question_words(question)
    if not q:
        return 0.0
    best = 0
    for p in passages:
        head = stems(p.title)
        sents = [stems(p.text[s:e]) for s, e in sentence_spans(p.text)] or [set()]
        for j, w in enumerate(sents):
            near = w | head | (sents[j - 1] if j else set()) | (sents[j + 1] if j + 1 < len(sents) else set())
            best = max(best, len(q & near))
    return best / len(q)


_NEGATED = re.compile(r"\b(?:not|never|no|none|cannot|without)\b|n['’]t\b", re.I)
_NAME = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][\w'’-]*|\d[\d,.]*(?:st|nd|rd|th|s)?)")  # "20th", not 20


def key_terms(question: str) -> set[str]:
    """The question's names and figures (capitalised words past its first, numbers), as stems: what an answer's
    quote must be about. SQuAD 2.0's unanswerable questions often swap in such a term.

    >>> sorted(key_terms("How much did southern California grow in the year 2000?"))
    ['2000', 'california']
    >>> sorted(key_terms("What shifted in the second half of the 20th century, and in the 1990s?"))
    ['1990s', '20th']
    >>> sorted(key_terms("Who scored in Tuesday’s win at the Women's World Cup?"))  # a possessive is its name
    ['cup', 'tuesday', 'women', 'world']
    """
    terms = {stem(re.sub(r"['’]s?$", "", m.lower().rstrip(".,"))) for m in _NAME.findall(question.strip())}
    return terms - _QUESTION_WORDS - {"i", ""}


# News writes these both ways: a question's "capital spending" is a quote's "capex", its "CEO" a quote's "chief executive"
# (the roles' short forms are the checker's own, relations._ROLES).
_SHORT_FOR = {
    "capex": ("capital expenditure", "capital expenditures", "capital spending"),
    **{short: (role,) for short, role in _ROLES.items() if " " not in short and len(short) <= 3},
    "cto": ("chief technology officer",),
    "gdp": ("gross domestic product",),
    "ipo": ("initial public offering",),
    "ai": ("artificial intelligence",),
}


def _spelled_out(text: str) -> set[str]:
    """Stems ``text`` holds in another spelling: an abbreviation's words where it writes the abbreviation, and the
    abbreviation where it writes the words.

    >>> sorted(_spelled_out("Meta confirmed its capex plan.")), sorted(_spelled_out("Its chief executive, Ada Orr, said so."))
    (['capit', 'expenditur', 'spend'], ['ceo'])
    """
    low = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
    out: set[str] = set()
    for short, long in _SHORT_FOR.items():
        if re.search(rf"\b{short}\b", low):
            out |= {stem(w) for phrase in long for w in phrase.split()}
        if any(re.search(rf"\b{phrase}\b", low) for phrase in long):
            out.add(stem(short))
    return out


def _quoted(claims: Sequence[Claim], question: str = "") -> set[str]:
    """The stems the kept sentences' verified quotes hold, with their headlines and years; and a first name of the
    ``question``'s whose surname they hold ("Todd" of "Todd Boehly" when the quote says "Boehly": a follow-up's
    rewrite names people in full).

    >>> from rag.models import Citation
    >>> c = Claim("Todd Boehly owns the Dodgers.", (Citation(1, "c", "d", "T", "", None, "Boehly owns the Dodgers.", 0, 1, True),))
    >>> "todd" in _quoted([c], "What teams does Todd Boehly own?"), "todd" in _quoted([c])
    (True, False)
    """
    have: set[str] = set()
    for claim in claims:
        for c in claim.citations:
            if c.verified:
                have |= stems(c.quote) | stems(c.title) | {stem(w) for w in _WORD.findall(c.quote)} | _spelled_out(f"{c.quote} {c.title}")
                if c.published:
                    have |= {str(c.published.year)}
    # only a name the answer repeats in full, as the checker took it: its quote's "Boehly" for "Todd Boehly"
    said = " ".join(claim.text for claim in claims)
    pairs = re.findall(r"(?<!\bthe )(?<!\bThe )\b([A-Z][a-z]+)\s+([A-Z][\w'’-]+)", question)  # not "the Brooklyn Nets"
    return have | {stem(first.lower()) for first, last in pairs if stem(last.lower()) in have and f"{first} {last}" in said}


def missing_terms(question: str, claims: Sequence[Claim]) -> list[str]:
    """The question's names and figures (:func:`key_terms`) that no verified quote holds, as the question writes
    them; neighbours joined ("Ime Udoka").

    >>> from rag.models import Citation
    >>> c = Claim("Nash was fired.", (Citation(1, "c", "d", "Nets fire Nash", "", None, "The Nets fired Steve Nash.", 0, 1, True),))
    >>> missing_terms("When did the Brooklyn Nets hire Ime Udoka in 2022?", [c])
    ['Brooklyn', 'Ime Udoka', '2022']
    """
    have, runs, end = _quoted(claims, question), [], -1
    for m in _NAME.finditer(question.strip()):
        word = m.group(1).rstrip(".,")
        if stem(word.lower()) in have or stem(word.lower()) in _QUESTION_WORDS | {"i"}:
            continue
        if runs and question.strip()[end : m.start()].strip() == "":
            runs[-1] += " " + word
        else:
            runs.append(word)
        end = m.end()
    return runs


def quote_signals(question: str, claims: Sequence[Claim]) -> dict[str, float]:
    """How much of the question the kept sentences' verified quotes (with their headlines) cover, and how many of
    its names and figures they lack: the quote must answer *this* question, not a related one.

    >>> from rag.models import Citation
    >>> c = Claim("Reyes won.", (Citation(1, "c", "d", "Marathon", "", None, "The wheelchair race was won by Reyes.", 0, 1, True),))
    >>> quote_signals("Who won the wheelchair race in 2024?", [c])
    {'quote_coverage': 0.75, 'terms_missing': 1.0, 'negation': 0.0}
    >>> quote_signals("Who did not win the wheelchair race?", [c])["negation"]
    1.0
    >>> c = Claim("Korvane confirmed its capex plan.", (Citation(1, "c", "d", "Korvane confirms capex plan", "", None, "Korvane confirmed its capex plan for 2025.", 0, 1, True),))
    >>> quote_signals("What did Korvane say about capital spending?", [c])["quote_coverage"]  # "capex" is capital spending
    1.0
    """
    have = _quoted(claims, question)
    q = question_words(question)
    cover = len(q & have) / len(q) if q else 1.0
    # "Which team did not ...": SQuAD 2.0 makes many unanswerable questions by negating an answerable one.
    negated = _NEGATED.search(question) is not None and not any(
        _NEGATED.search(c.quote) for claim in claims for c in claim.citations if c.verified
    )
    return {"quote_coverage": round(cover, 4), "terms_missing": float(len(key_terms(question) - have)), "negation": float(negated)}


RELATED = 0.5  # a passage counts for the lag when its dense score is at least this share of the best one's


def evidence_lag(claims: Sequence[Claim], passages: Sequence[Passage]) -> float:
    """How much older the answer's newest verified source is than the newest related passage it was given, as
    log10(1 + days); 0 when undated. News questions are answered from the newest reporting: an answer that
    passes over this week's articles for one from years ago is usually about an earlier event. A passage that
    only filled a place (dense score under ``RELATED`` x the best) does not set the clock: a newer story about
    something else says nothing about how current the answer is. One found by its words alone (no dense score)
    still counts.

    >>> from datetime import date
    >>> from rag.models import Citation
    >>> from rag.retrieval import _p
    >>> from dataclasses import replace
    >>> c = Claim("x.", (Citation(1, "c", "d", "T", "", date(2020, 1, 1), "q", 0, 1, True),))
    >>> round(evidence_lag([c], [replace(_p("a"), published=date(2020, 4, 10))]), 2)
    2.0
    >>> related, filler = replace(_p("a"), scores={"dense": 0.6}), replace(_p("b"), published=date(2020, 4, 10), scores={"dense": 0.2})
    >>> evidence_lag([c], [replace(related, published=date(2020, 1, 1)), filler])
    0.0
    """
    cited = [c.published for claim in claims for c in claim.citations if c.verified and c.published]
    best = max((p.scores.get("dense", 0.0) for p in passages), default=0.0)
    given = [p.published for p in passages if p.published and p.scores.get("dense", best) >= RELATED * best]  # no dense score: found by its words
    if not cited or not given:
        return 0.0
    return round(math.log10(1 + max(0, (max(given) - max(cited)).days)), 4)


def signals(question: str, passages: Sequence[Passage]) -> dict[str, float]:
    """What the answerability score reads: the best dense cosine and the question's coverage."""
    dense = max((p.scores.get("dense", 0.0) for p in passages), default=0.0)
    return {"dense": round(dense, 4), "coverage": round(coverage(question, passages), 4)}


def support(sig: dict[str, float], weights: dict[str, float]) -> float:
    """P(the answer is right to give) after the model: a logistic model over named signals.

    ``weights`` maps a signal to its weight, ``bias`` to the intercept; a signal
    the answer lacks (no judge asked) counts as 0.

    >>> round(support({"judge": 0.9, "quote_coverage": 1.0}, {"bias": -2.0, "judge": 2.0, "quote_coverage": 1.0}), 3)
    0.69
    """
    z = weights.get("bias", 0.0) + sum(w * sig.get(k, 0.0) for k, w in weights.items() if k != "bias")
    return 1.0 / (1.0 + math.exp(-z))


def unsupported(sig: dict[str, float], weights: dict[str, float], threshold: float, missing: Sequence[str] = ()) -> str:
    """After the model: why a verified answer is still declined (its support is below ``threshold``), or "". The
    reason says in words what weakened the support (:func:`weaknesses`); the scores are in ``/why`` and ``--json``.

    >>> unsupported({"judge": 0.1}, {"bias": -1.0, "judge": 3.0}, 0.5)
    'weak support (0.33, needs 0.50): the model doubted that the quote answers the question (P(yes) 0.10)'
    >>> unsupported({"judge": 0.9}, {"bias": -1.0, "judge": 3.0}, 0.5)
    ''
    """
    p = support(sig, weights)
    if p >= threshold:
        return ""
    return f"weak support ({below(p, threshold).replace(' is below ', ', needs ')}): " + "; ".join(weaknesses(sig, missing))


def weaknesses(sig: dict[str, float], missing: Sequence[str] = ()) -> list[str]:
    """What in the signals weakens an answer's support, in words a reader can check against the quote.

    >>> weaknesses({"dense": 0.63, "quote_coverage": 0.57, "terms_missing": 2.0, "lag": 1.415}, ["Ime Udoka"])
    ['the quote lacks Ime Udoka', "it holds 57% of the question's words", 'its article is 25 days older than the newest related one']
    >>> weaknesses({"dense": 0.41, "quote_coverage": 1.0})
    ['the closest passage is only loosely about the question']
    """
    out = []
    if sig.get("terms_missing", 0) >= 1:
        out.append(f"the quote lacks {', '.join(missing)}" if missing else
                   f"the quote lacks {int(sig['terms_missing'])} of the question's names or figures")
    if sig.get("negation"):
        out.append("the question asks about a \"not\" the quote does not have")
    if (cover := sig.get("quote_coverage", 1.0)) < 0.8:
        out.append(f"it holds {cover:.0%} of the question's words")
    if (lag := sig.get("lag", 0.0)) >= 0.5:
        out.append(f"its article is {round(10 ** lag - 1)} days older than the newest related one")
    if "judge" in sig and sig["judge"] < 0.5:
        out.append(f"the model doubted that the quote answers the question (P(yes) {sig['judge']:.2f})")
    if sig.get("dense", 1.0) < 0.55 or not out:
        out.append("the closest passage is only loosely about the question")
    return out


def below(score: float, threshold: float) -> str:
    """ "0.33 is below 0.50", with as many decimals as it takes to show the score under its threshold.

    >>> below(0.1996, 0.2)
    '0.1996 is below 0.20'
    """
    digits = 2
    while digits < 6 and round(score, digits) >= round(threshold, 2):
        digits += 1
    return f"{score:.{digits}f} is below {threshold:.2f}"


_NOW_ASKED = re.compile(r"\b(?:is|are|am|has|have|does|do|now|currently|still)\b", re.I)


def stale_restatement(claims: Sequence[Claim], old: date | None, when: When, question: str = "") -> str:
    """Why an answer from old news that only restates its question is declined, or "".

    For a question about a time ("this week", "latest") or the present ("Which brand is facing ...?"), an answer
    whose every quote only holds the name it adds (:func:`rag.citations.restated`), from articles more than
    ``stale_days`` older than the date asked, is mostly another story that shares the question's words: the
    nominee of an earlier election, a play about someone else. A question about a past event ("Who won the Georgia
    Senate runoff?", asked weeks later) has its answer in that event's story. Measured on realtimeqa-2023 and its
    nota set (docs/design.md, "Old news that only restates", and "A ninth user pass").

    >>> from rag.models import Citation
    >>> weak = Claim("Geoff Hurst inspired a new play.", (Citation(1, "c", "d", "T", "", date(2022, 12, 29), "q", 0, 1, True,
    ...              lexical=0.43, semantic=0.52),))
    >>> stale_restatement([weak], date(2022, 12, 29), When(as_of=date(2023, 2, 24), today=date(2023, 2, 24), phrase="this week"))
    'the answer only restates the question, from articles 57 days before 2023-02-24 (another story?)'
    >>> stale_restatement([weak], date(2022, 12, 29), When(as_of=date(2023, 2, 24), today=date(2023, 2, 24)), "Who won the runoff?")
    ''
    >>> stale_restatement([weak], date(2022, 12, 29), When(as_of=date(2023, 2, 24), today=date(2023, 2, 24)), "Which play is about Hurst?")
    'the answer only restates the question, from articles 57 days before 2023-02-24 (another story?)'
    >>> stale_restatement([weak], date(2022, 12, 29), When(today=date(2023, 2, 24)))  # an archive, asked today
    ''
    """
    cited = [c for claim in claims for c in claim.citations if c.verified]
    if old is None or not cited or not all(restated(c) for c in cited):
        return ""
    if not (when.phrase or when.recent or _NOW_ASKED.search(question)):
        return ""  # only for a question about a time ("this week", "latest") or the present ("Which brand is facing
        # criticism?"): "Who won the Georgia Senate runoff?" asked weeks later has its answer in the runoff's story
    return f"the answer only restates the question, from articles {(when.today - old).days} days before {when.today} (another story?)"


_CAPITAL = re.compile(r"\b[A-Z][\w'’-]*")
_POLAR = re.compile(r"\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|must)\b", re.I)
_EITHER = re.compile(r"\b(?:true or false|yes or no)\b", re.I)


def _says_more(question: str, sentence: str) -> bool:
    """``sentence`` holds a word, name, figure or negation that ``question`` does not.

    >>> _says_more("Title 42 is set to expire in which month?", "Title 42 is set to expire in May.")
    True
    >>> _says_more("Which team did Durant join?", "Durant joined the team.")
    False
    """
    asked = stems(question) | {stem(w) for w in _WORD.findall(question.lower())}
    if stems(sentence) - asked or numbers_in(sentence) - numbers_in(question):
        return True
    if _NEGATED.search(sentence) and not _NEGATED.search(question):
        return True
    return any(m.lower().rstrip(".,") not in question.lower() for m in _NAME.findall(sentence.strip()))  # "May"


def asks_back(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that is itself a question is declined, or "": a headline copied as the answer ("The Brexit
    deal: can Rishi Sunak win over the DUP?") states nothing, verified or not. A title quoted in an answer ends
    with its quote mark and is a statement.

    >>> said = lambda text: [Claim(text, ())]
    >>> asks_back("What is the deal called?", said("The Brexit deal: can Rishi Sunak win over the DUP?"))
    'the answer is a question, not a statement'
    >>> asks_back("Which film won?", said('The winner was "Who Framed Roger Rabbit?"'))
    ''

    ... also with its citation after the question mark and a full stop after that (a nota answer, session 52):

    >>> asks_back("What is the deal called?", said("The Brexit deal: can Rishi Sunak win over the DUP? [2]."))
    'the answer is a question, not a statement'
    """
    first = parse_markers(claims[0].text)[0].rstrip(".") if claims else ""
    return "the answer is a question, not a statement" if first.endswith("?") else ""


def restates(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that says nothing its question did not is declined, or "".

    "LeBron James became the NBA's all-time leading scorer this week" does not answer "LeBron James became the
    NBA's all-time leading scorer this week. All of these players also rank in the top 5, except:", however well
    it verifies. A sentence restates the question when it adds no word, name, figure or negation to it and holds at
    least half of its content words ("Max." picks a name out of its question: an answer). Yes/no and true/false
    questions are answered by restating them, so they are left alone.

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> restates("SpaceX launched a crew this week. What is their destination?", said("SpaceX launched a crew this week."))
    'the answer only restates the question'
    >>> restates("SpaceX launched a crew this week. What is their destination?", said("The space station."))
    ''
    >>> restates("HBO Max and Discovery+ are merging as one service. What is its name?", said("Max."))
    ''
    >>> restates("Did SpaceX launch a crew this week?", said("SpaceX launched a crew this week."))
    ''
    >>> restates("Which team won the final, Argentina or France?", said("Argentina won the final."))
    ''
    """
    if not claims or _POLAR.match(question) or _EITHER.search(question):
        return ""
    asked = question_words(question)
    named = {w.lower() for w in _CAPITAL.findall(question)} - _STOP - _QUESTION_WORDS - {"what", "who", "how"}
    for claim in claims:
        held = stems(claim.text) & asked
        said = {w.lower() for w in _CAPITAL.findall(claim.text)} | set(_WORD.findall(claim.text.lower()))
        picked = len(named) > 1 and not named <= said  # "Argentina or France?", "Biden and Trump ... who first?"
        if _says_more(question, claim.text) or len(held) < len(asked) / 2 or picked:
            return ""
    return "the answer only restates the question"


_AMOUNT = re.compile(  # amounts numbers_in leaves out: "one", "none", "fifty", "hundreds", "a handful", "all"
    r"\b(?:one|once|none|no|nobody|zero|single|half|halved|double|doubled|both|all|every|most|many|couple|handful|"
    r"quarter|third|decade|dozens?|scores|several|few|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|first|second|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b"
)
# What can say when something happened: any figure (a year, a date, "three weeks", "the 89th minute"), a month,
# a day or a holiday, a season, a time of day, a word for a time ("yesterday", "ago", "recent years"), or a word that
# places it against another event ("after the war", "at the end of the season", "when the wall fell"). The list is
# wide on purpose: the rule it serves declines only an answer with no time at all.
_TIME_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|"
    r"winter|christmas|easter|thanksgiving|halloween|hanukkah|ramadan|eid|diwali|passover|new\s+year|"
    r"yesterday|today|tonight|tomorrow|ago|now|currently|recently|recent|soon|later|earlier|previously|once|then|"
    r"immediately|early|late|mid|eve|halftime|overtime|"
    r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|season|year|decade|century|centurie|millennium|"
    r"morning|afternoon|evening|night|term|era|age|period|reign)s?|noon|midnight|dawn|dusk|"
    r"bc|ad|bce|ce|q[1-4]|start|end|beginning|middle|outset|"
    r"after|before|during|following|since|until|till|when|while|whilst|prior|upon|amid|throughout)\b",
    re.I,
)
_CONCRETE_TIME = re.compile(  # what a question's own words fix of a time, which its answer must add to
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)


def _times(text: str) -> set[str]:
    """What in ``text`` can say when: its figures (as numbers) and its time words.

    >>> sorted(_times("It fell in the early hours of 9 November 1989."))
    ['1989.0', '9.0', 'early', 'hours', 'nov']
    """
    return {str(n) for n in numbers_in(text)} | set(_AMOUNT.findall(text.lower())) | {m.lower()[:3] if _CONCRETE_TIME.fullmatch(m) else m.lower() for m in _TIME_WORDS.findall(text)}


def _question_times(text: str) -> set[str]:
    """What a question fixes of a time: its figures, months and days; not its linking words ("when", "after")."""
    return {str(n) for n in numbers_in(text)} | {m.lower()[:3] for m in _CONCRETE_TIME.findall(text)}


# "When did ...?", not "When the Rhine turned, what did it create?": no other question word follows.
_ASKS_WHEN = re.compile(r"^\W*when\b(?![^?]*\b(?:what|which|who|whom|whose|where|why|how)\b)", re.I)
_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d\d\b|\b(?:noon|midnight|dawn|dusk|morning|afternoon|evening|night)\b", re.I)


def _days(text: str) -> set[str]:
    """What in ``text`` can name a day: a month or weekday, a numeric date, today, yesterday, tomorrow.

    >>> sorted(_days("It begins on Dec. 13, not on 12/14 or tomorrow.")), _days("a five-week course")
    (['12/14', 'dec', 'tomorrow'], set())
    """
    return ({m.lower()[:3] for m in _CONCRETE_TIME.findall(text)} | set(re.findall(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", text))
            | set(re.findall(r"\b(?:today|yesterday|tomorrow)\b", text.lower())))  # fmt: skip


_SHARE = re.compile(r"\b(?:half|third|quarter|fifth|tenth|majority|minority|most|all|none|(?:one|two|three|four|nine)\s+(?:in|out\s+of)\s+\w+)\b")
_PENALTY = re.compile(  # a term ("two years", "a 25-year sentence", "18 months") or a kind of sentence
    r"\b(?:(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
    r"[- ](?:years?|months?|weeks?|days?)|probation|life|death|prison|jail|imprisonment|community service|house arrest|fined?)\b"
)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)
_ASKS = (  # what a question asks for, how to find one in an answer, and what of it the question itself gives
    (re.compile(r"\b(?:what|which)\s+month\b", re.I), "month", lambda s: {m.lower()[:3] for m in _MONTH_NAME.findall(s)}, None),
    (re.compile(r"\b(?:what|which)\s+year\b", re.I), "year", lambda s: set(_YEAR.findall(s)), None),
    (
        re.compile(r"\bhow\s+(?:many|much|far|old|tall|fast|high|deep|long|heavy|wide)\b(?!\s+(?:longer|more|of|later|earlier|further)\b)", re.I),
        "figure",
        # "depends on how many people claim" names no figure, nor does "came from 14th" (an ordinal is no quantity)
        lambda s: numbers_in(_ORDINAL.sub(" ", s)) | set(_AMOUNT.findall(_HOW_MANY.sub(" ", s.lower()))),
        None,
    ),
    (_ASKS_WHEN, "time", _times, _question_times),
    (re.compile(r"\b(?:what|which)\s+(?:date|day)\b", re.I), "date", _days, _question_times),
    (re.compile(r"^\W*what\s+time\s+(?:did|was|were|is|are|does|do|will)\b|\bat\s+what\s+(?:time|hour)\b", re.I), "time of day",
     lambda s: {m.lower() for m in _CLOCK.findall(s)}, None),
    # "Who won the Powerball jackpot?" answered with a line about candy bars: a winner has a name
    (re.compile(r"(?:^|[.!?]\s+)\W*(?:who\s+(?:won|wins|has\s+won|will\s+win)\b|which\s+(?:team|company|country|player|club|candidate|party|"
                r"state|city|nation|firm|driver|horse|film|movie|song|album|book|athlete|golfer|runner|actor|actress|singer|"
                r"rapper|comedian|musician|band|celebrity|senator|governor|lawmaker|airline|automaker|retailer|bank|network|"
                r"university|brand)\b)", re.I),
     "name", lambda s: {n.lower() for _, _, n in names(s)}, None),
    # "How much did the recall cost Kraft Heinz?" answered with how the fault was found: a cost is a sum of money, and
    # "What sentence did she receive?" answered "The judge upheld two guilty verdicts" (a thirteenth user pass)
    (re.compile(r"\bhow\s+much\b[^?]*?\b(?:cost|costs|costing|pay|paid|pays|spend|spent|worth|fined?|owe[sd]?|charged?|"
                r"earn(?:ed|s)?|invest(?:ed|s)?|raised?|sell|sold|buy|bought|priced?)\b", re.I),
     "sum of money", lambda s: {f"{amount} {cur}" for amount, cur, _ in _money(s) if cur or " " in amount}, None),
    (re.compile(r"\bwhat\s+(?:sentence|punishment|penalty)\b", re.I), "sentence",
     lambda s: set(_PENALTY.findall(s.lower())), None),
    # "What percentage of Brits suffer from misophonia?" answered with what sufferers reported: a share is a figure
    (re.compile(r"\b(?:what|which)\s+(?:percentage|percent|share|proportion|fraction)\b", re.I), "share",
     lambda s: set(re.findall(r"\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)", s.lower())) | set(_SHARE.findall(s.lower())), None),
)
_CAUSE = re.compile(
    r"\b(?:because|due\s+to|caused\s+by|blamed\s+(?:on|for)|triggered\s+by|sparked\s+by|result(?:ed)?\s+(?:of|from)|"
    r"owing\s+to|linked\s+to|attributed\s+to|after|amid|caused|causing)\b",
    re.I,
)


def lacks_asked(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that does not give what its question asks for is declined, or "": "In what month ...?"
    answered "in the spring", "How many ...?" answered with no figure. What counts must be new: a figure the
    question already gives is not an answer to "how many".

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> lacks_asked("In what month in 1349 did the plague reach England?", said("It reached England in the spring of 1349."))
    'the question asks for a month and the answer gives none'
    >>> lacks_asked("In what month in 1349 did the plague reach England?", said("It reached England in June 1349."))
    ''
    >>> lacks_asked("How many runners finished in 2024?", said("18,420 runners finished."))
    ''
    >>> lacks_asked("How many Super Bowls did he win?", said("He won one Super Bowl."))
    ''
    >>> lacks_asked("How much is the settlement?", said("The payment depends on how many people submit claims."))
    'the question asks for a figure and the answer gives none'
    >>> q = "How far behind the winner was Max Verstappen?"  # a thirteenth user pass: "how far", "how old", "how long"
    >>> lacks_asked(q, said("Verstappen came from 14th to win.")), lacks_asked(q, said("He finished 17.8 seconds behind."))
    ('the question asks for a figure and the answer gives none', '')
    >>> [lacks_asked("How long did the strike last?", said(a)) for a in ("It lasted three weeks.", "It lasted for ages.")]
    ['', 'the question asks for a figure and the answer gives none']
    >>> q = "How much did the juice recall cost Orvel Foods?"
    >>> lacks_asked(q, said("It was found after several complaints at one of its plants.")), lacks_asked(q, said("It cost $2.5 million."))
    ('the question asks for a sum of money and the answer gives none', '')
    >>> q = "What sentence did the auditor receive?"
    >>> lacks_asked(q, said("A judge upheld two guilty verdicts.")), lacks_asked(q, said("She got two years of probation."))
    ('the question asks for a sentence and the answer gives none', '')

    "When ...?" needs a time, or a word that places the event against another:

    >>> lacks_asked("When did Britain take land in the Ohio Country?", said("Britain gave land to the Ohio Company."))
    'the question asks for a time and the answer gives none'
    >>> [lacks_asked("When did Britain take the land?", said(a)) for a in ("It took it in 1749.", "It took it after the war.")]
    ['', '']
    >>> lacks_asked("When the Rhine turned right, what did it create?", said("It created the Channel River."))
    ''
    >>> [lacks_asked("When did the bridge fall?", said(f"It fell {a}.")) for a in ("in the early hours", "at halftime", "on the 14th")]
    ['', '', '']
    >>> lacks_asked("When did the wall come down?", said("It came down when the Soviet Union collapsed."))
    ''
    >>> lacks_asked("When was the law passed in May?", said("It was passed on May 5."))
    ''
    >>> lacks_asked("When was Mongke Khan born?", said("He led a campaign against the Song dynasty."))
    'the question asks for a time and the answer gives none'
    >>> lacks_asked("In what month did the stock market peak?", said("It peaked in March."))
    ''

    "On what date ...?" needs a day, "At what time ...?" a time of day (a seventh user pass):

    >>> lacks_asked("On what date did Jin finish his training?", said("Jin's service will begin with a five-week course."))
    'the question asks for a date and the answer gives none'
    >>> lacks_asked("On what date did Jin finish his training?", said("He finished it on Dec. 13."))
    ''
    >>> lacks_asked("At what time was Smith executed?", said("Smith's execution by lethal injection was called off."))
    'the question asks for a time of day and the answer gives none'
    >>> lacks_asked("At what time was Smith executed?", said("The execution was called off at about 11:20 p.m."))
    ''
    >>> lacks_asked("He solved a Rubik's Cube in what time?", said("He solved it in 3.13 seconds."))  # a duration
    ''

    "Who won ...?" needs a name the question does not give (an eighth user pass):

    >>> lacks_asked("Who won the Powerball jackpot?", said("The winning numbers for the Powerball drawing were 13 and 19."))
    'the question asks for a name and the answer gives none'
    >>> lacks_asked("Who won the Nobel Peace Prize?", said("Ales Bialiatski won the Nobel Peace Prize."))
    ''

    ... and so does "Which actor ...?" after a sentence that sets the scene; "What percentage ...?" needs a share
    (two answers of realtimeqa's report split, 2026-12-06):

    >>> q = "Steve Martin said the show started filming again. Which actor is new this season?"
    >>> lacks_asked(q, said("Steve Martin said the show started filming again.")), lacks_asked(q, said("Meryl Streep joins."))
    ('the question asks for a name and the answer gives none', '')
    >>> lacks_asked("What percentage of Brits suffer from misophonia?", said("Sufferers reported a severe impact."))
    'the question asks for a share and the answer gives none'
    >>> [lacks_asked("What percentage of Brits suffer from it?", said(a)) for a in ("18% do.", "Nearly half do.")]
    ['', '']

    "How many people ...?" answered with a count of another kind of thing (a ninth user pass):

    >>> lacks_asked("How many people were killed in the pileup?", said("More than 200 cars were involved in the pileup."))
    'the question asks how many people and the answer counts vehicles'
    >>> lacks_asked("How many people were killed in the pileup?", said("At least 2 people died among 200 cars."))
    ''
    >>> lacks_asked("How many ants are there on Earth?", said("Ants weigh about 20% of human biomass."))
    'the question asks how many and the answer gives only a share'
    >>> lacks_asked("How many voters backed it?", said("About 62% of voters, some 7.8 million, backed it."))
    ''
    """
    for asks, what, found, asked in _ASKS:
        if asks.search(question):
            given = set().union(*(found(c.text) for c in claims)) if claims else set()
            if not given - (asked or found)(question):
                return f"the question asks for a {what} and the answer gives none"
    # "How many people were killed?" answered "More than 200 cars were involved": every figure counts another kind
    if (kind := counted_kind(question)) and claims:
        kinds = [k for c in claims for k in kinds_counted(c.text)]
        if kinds and all(k and k != kind for k in kinds):
            return f"the question asks how many {kind} and the answer counts {kinds[0]}"
    # "How many ants are there on Earth?" answered "about 20% of human biomass": a share is no count (a tenth pass)
    if re.search(r"\bhow\s+many\b", question, re.I) and not re.search(r"\b(?:percent|per\s+cent|%)", question, re.I) and claims:
        figures = [m for c in claims for m in re.finditer(r"\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)?", c.text)]
        if figures and all(re.search(r"%|percent|per\s+cent", m.group(0)) for m in figures):
            return "the question asks how many and the answer gives only a share"
    return no_cause(question, claims)


_WHAT_CAUSED = re.compile(r"^\W*what\s+(?:caused|triggered|sparked|led\s+to)\s+(.+?)(?:\s+(?:to|in|on|at|last|this)\b|\?|$)", re.I)


def no_cause(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer to "What caused X?" that only tells of X is declined, or "": "What caused the coal mine explosion
    in Amasra?" answered "The explosion inside the coal mine killed at least 40 people" (an eighth user pass). An
    answer that opens with X (its first five words hold one of X's) must give a cause in words that say one;
    one that opens with something else names the cause ("The yellow fever outbreaks ... drew visitors away").

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> no_cause("What caused the coal mine explosion in Amasra?", said("The explosion inside the coal mine killed at least 40 people."))
    'the question asks for a cause and the answer gives none'
    >>> no_cause("What caused the explosion?", said("The explosion was caused by a buildup of methane gas."))
    ''
    >>> no_cause("What caused Jacksonville's tourism to decline?", said("The yellow fever outbreaks drew visitors to other areas."))
    ''
    """
    m = _WHAT_CAUSED.match(question.strip())
    if not m or not claims:
        return ""
    effect = stems(m.group(1))
    opening = stems(" ".join(claims[0].text.split()[:5]))
    if effect & opening and not any(_CAUSE.search(c.text) for c in claims):
        return "the question asks for a cause and the answer gives none"
    return ""


# "What does not depend on ...?": the negation in the asking clause (not in a "who"/"after"/"when" clause inside
# it, nor past a comma) and the predicate it negates.
_ASKS_NOT = re.compile(
    r"\b(?:what|which|who|whom|where|when|how)\b"
    r"(?:(?!\b(?:who|whom|that|which|after|before|when|whether|if|because|since|while|once|as)\b)[^.?!:,])*?"
    r"(?:\bnot\b|\bnever\b|n['’]t\b)([^.?!:]*)\?\s*$",
    re.I,
)
# An answer that says "not" in other words: "still seeking", "failed to", "missed", "remain missing".
_NEGATIVE = re.compile(r"\b(?:yet|still|only|fail\w*|refus\w*|declin\w*|miss\w*|lack\w*|absent|remain\w*|without)\b", re.I)


def unnegated(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer to "What does not ...?" that says what does is declined, or "": "What is not the primary law
    of the EU?" answered "The primary law of the EU consists mainly of the founding treaties". It must repeat what
    the question negates, with no negation in it or its quotes, nor one in other words ("The Jets missed the
    playoffs", "Smith is still seeking his first major" answer rightly).

    >>> from rag.models import Citation
    >>> said = lambda text, quote="q": [Claim(text, (Citation(1, "c", "d", "T", "", None, quote, 0, 1, True),))]
    >>> unnegated("What is not the primary law of the EU?", said("The primary law of the EU is the treaties."))
    'the question asks what is not so; the answer says what is'
    >>> unnegated("Which team did not make the playoffs?", said("The Jets missed the playoffs."))
    ''
    >>> unnegated("Which airline did not cancel flights?", said("Southwest kept its schedule."))
    ''
    >>> unnegated("What didn't the company disclose?", said("The price.", "The price was not disclosed."))
    ''
    >>> unnegated("Feinstein will not run again. What year was she first elected?", said("She was first elected in 1992."))
    ''
    """
    m = _ASKS_NOT.search(question)
    if not claims or not m:
        return ""
    quotes = [c.quote for claim in claims for c in claim.citations if c.verified]
    if any(_NEGATED.search(t) or _NEGATIVE.search(t) for t in [c.text for c in claims] + quotes):
        return ""
    negated = question_words(m.group(1))
    if not negated or not any(negated <= stems(c.text) for c in claims):
        return ""
    return "the question asks what is not so; the answer says what is"


_WH = re.compile(r"\b(?:what|which|who|whom|whose|where|when|how|why)\b", re.I)
# "that are not found on normal cells": a thing named by what it is not (the words after it, to a comma or stop)
_DENIES = re.compile(r"\b(?:that|which|who|whose)(?: +[\w'’]+){0,2}? +(?:not|never)\b((?: +[\w'’-]+){1,6})", re.I)


def denied_asked(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that names a thing by the question's own words denied is declined, or "": "What do tumors
    express that are also found on normal cells?" answered "Tumors express antigens that are not found on normal
    cells" (SQuAD 2.0 makes questions unanswerable so). Only a relative clause counts ("that are not", "who never"):
    "Alibaba did not provide details", asked what details it gave, is an answer. The words after its "not" (to the
    end of its clause, at least two content words) must all be the question's, and none said elsewhere in the
    sentence; the question must ask what is so: it has no negation of its own and is not a yes/no question
    ("Will the Fed raise rates?" is answered by "The Fed will not raise rates").

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> denied_asked("What do tumors express that are also found on normal cells?", said("Tumors express antigens that are not found on normal cells."))
    "the question asks what is so; the answer says 'not found on normal cells'"
    >>> denied_asked("Who won the race?", said("Reyes, who had never won a race before, won it."))
    ''
    >>> denied_asked("Which team did not make the playoffs?", said("The Jets, which did not make the playoffs, fired him."))
    ''
    >>> denied_asked("What details did Alibaba provide on the funds?", said("Alibaba did not provide details on the funds."))
    ''
    >>> denied_asked("Will the Fed raise rates in June?", said("The Fed will not raise rates in June."))
    ''
    """
    asks = question.split(". ")[-1]  # after a scene-setting sentence
    if not claims or _NEGATED.search(question) or not _WH.search(asks) or _POLAR.match(asks):
        return ""
    asked = question_words(question)
    for claim in claims:
        for m in _DENIES.finditer(claim.text):
            clause = re.split(r"\b(?:but|and|or|while|although|because|who|which|that)\b", m.group(1).strip(), maxsplit=1)[0]
            denied = question_words(clause)
            rest = question_words(claim.text[: m.start()] + " " + claim.text[m.start(1) + len(m.group(1)) :])
            if len(denied) >= 2 and denied <= asked and not denied & rest:  # "Reyes, who had never won, won it" says it
                return f"the question asks what is so; the answer says 'not {clause.strip()}'"
    return ""


_UN = re.compile(r"\b(?:un|non-?)([a-z]{5,})\b", re.I)
_DENIED = r"(?:\bnot|\bno|n['’]t|\bnever|\bnothing|\bwithout|\bless|\bfew|\black\w*|\bfar from)\W+(?:\w+\W+){0,2}$"


def twisted(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer whose quotes speak of the opposite of the question's un- or non- word is declined, or "":
    "... to view unencrypted content?" answered from a sentence about "encrypted content", "What status has the
    Brotherhood obtained in the non-Islamic world?" from one about "the Islamic world". The quote must use the
    base word with the question's next word (the same phrase in its other sense), and never deny it ("not
    armed"); "unemployment rate" is not twisted by an "employment report". (The same test of the question's
    *year* lost three right news answers whose years were background, and was dropped.)

    >>> from rag.models import Citation
    >>> c = lambda quote: [Claim("x", (Citation(1, "c", "d", "Receivers", "", None, quote, 0, 1, True),))]
    >>> twisted("What is needed to view unencrypted content?", c("To view the encrypted content a receiver is needed."))
    "the question asks about 'unencrypted'; the quotes speak of 'encrypted'"
    >>> twisted("What is the unemployment rate?", c("The employment report put the jobless rate at 3.7%."))
    ''
    >>> twisted("Which nonprofit group sued?", c("The non-profit group Acme sued."))
    ''
    >>> twisted("How many unarmed protesters were shot?", c("Three protesters, who were not armed, were shot."))
    ''
    """
    cited = [c for claim in claims for c in claim.citations if c.verified]
    low = " ".join(f"{c.quote} {c.title}" for c in cited).lower()
    for m in _UN.finditer(question):
        base = m.group(1).lower()
        if not cited or m.group(0).lower().replace("-", "") in low.replace("non-", "non"):
            continue
        uses = [u.start() for u in re.finditer(rf"\b{base}\b", low)]
        if any(re.search(_DENIED, low[max(0, at - 40) : at]) for at in uses):
            continue
        after = next((w for w in re.findall(r"[a-z]+", question[m.end() :].lower()) if w not in _STOP), None)
        if after and re.search(rf"\b{base}\W+{after[:4]}", low):
            return f"the question asks about '{m.group(0)}'; the quotes speak of '{m.group(1)}'"
    return ""


# Unmistakable words of a rise or a fall, for what a question asks about ("grow" crops and "climb" a mountain,
# "sink" a ship: left out) and for what a quote's clauses other than of cause or time say against it.
_RISE = frozenset(
    "rise rose rises rising risen increase increased increases increasing jump jumped jumps jumping surge surged "
    "surges surging soar soared soars soaring".split()
)
_FALL = frozenset(
    "fall fell falls falling fallen decrease decreased decreases decreasing decline declined declines declining drop "
    "dropped drops dropping shrink shrank shrinks shrinking plunge plunged plunges plunging slump slumped slumps "
    "tumble tumbled tumbles tumbling".split()
)
_GREW = frozenset("grow grew grows growing grown climb climbed climbs climbing".split())  # in a quote, a rise
_SANK = frozenset("sink sank sinks sinking".split())
# What a quote may say the asked move with, beyond the verifier's direction words (:mod:`rag.relations`).
_LIKE_RISE = frozenset(
    "rallied rally rallies crested reached hit high higher highest record strengthened advanced peaked topped "
    "spiked swelled".split()
)
_LIKE_FALL = frozenset(
    "slid slide slides sliding lost lose loses losing shed sheds plummeted plummet plummets cooled slowed retreated "
    "contracted crashed receded low lower lowest weaker".split()
)
_CAUSES = "after|as|because|amid|following|since|while|when|despite|though|although|with|whereas|on|if|before|until"
_CONDITION = re.compile(r"\b(?:after|when|as|since|because|if|while|before|until|following|amid|despite|though)\b|[,;:]", re.I)
_NOT_A_MOVE = re.compile(
    r"\b(?:this|next|last|the|in)\s+fall\b(?!\s+(?:in|of)\b)|\bfall\s+(?:election|season|semester|term)|\b(?:fall|rise)\s+of\b"
    r"|['’]s\s+(?:fall|rise)\b|\bdrop(?:s|ped|ping)?\s+(?:out\b|(?:its|his|her|their|the|a|an)\s+(?:bid|charge|plan|case|lawsuit|suit|claim|appeal|offer|demand)s?\b)|\bdecline[sd]?\s+(?:to|the|a|an)\b"
    r"|\b(?:long|high|triple|ski)\s+jump|\b(?:rain|snow|rainfall|snowfall)\s+(?:fell|falls|fall)\b|\bstorm\s+surge|-(?:rise|fall|drop)\b",
    re.I,
)


def reversed_move(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer whose quotes speak only of a rise when the question asks about a fall (or the other way
    round) is declined, or "": "What did the report suggest had been decreasing?" answered from "temperatures and
    sea levels have been rising". Only the question's asking clause counts (not "after yields fell"), and only a
    move ("the fall of Assad", "drop out", "decline to comment", "this fall" are not); a clause of cause or time in a
    quote does not say the opposite ("Oil slid 4% as inventories grew" answers why oil fell), and any word
    of the asked direction there, "slid" or "hit a record" too, agrees with it.

    >>> from rag.models import Citation
    >>> c = lambda quote: [Claim("x", (Citation(1, "c", "d", "Climate", "", None, quote, 0, 1, True),))]
    >>> reversed_move("What did the report suggest had been decreasing?", c("Sea levels have been rising."))
    "the question asks about 'decreasing'; the quotes speak of 'rising'"
    >>> reversed_move("Which prices fell in March?", c("Fuel prices were cut by 5% in March."))
    ''
    >>> reversed_move("Why did oil prices fall?", c("Oil slid 4% after US crude inventories grew."))
    ''
    >>> reversed_move("Which stocks rallied after yields fell?", c("Tech stocks surged as yields slid."))
    ''
    >>> reversed_move("When did exports fall?", c("Exports rose 7% in March."))
    "the question asks about 'fall'; the quotes speak of 'rose'"
    """
    text = _NOT_A_MOVE.sub(" ", question).strip()
    cut = next((m.start() for m in _CONDITION.finditer(text) if m.start() > 0), len(text))  # not "When" asking
    asking = text[:cut]
    asked = [w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", asking)]
    rise, fall = [w for w in asked if w in _RISE], [w for w in asked if w in _FALL]
    if bool(rise) == bool(fall) or any(w in (_DOWN if rise else _UP) for w in asked):
        return ""
    quotes = [c.quote for claim in claims for c in claim.citations if c.verified]
    said = [w.lower() for q in quotes for w in re.findall(r"[A-Za-z]+", q)]
    same, other = (_UP | _LIKE_RISE, _FALL | _SANK) if rise else (_DOWN | _LIKE_FALL, _RISE | _GREW)
    stated = [w.lower() for q in quotes for part in re.split(r"[,;:]|(?=\b(?:" + _CAUSES + r")\b)", q, flags=re.I)
              if not re.match(r"\s*(?:" + _CAUSES + r")\b", part, re.I) for w in re.findall(r"[A-Za-z]+", part)]  # fmt: skip
    against = [w for w in stated if w in other]
    if against and not any(w in same for w in said):
        return f"the question asks about '{(rise or fall)[0]}'; the quotes speak of '{against[0]}'"
    return ""


_MONTH_NAME = re.compile(r"\b(" + "|".join(sorted(m.title() for m in _MONTHS)) + r")\b")
# A month the question names after one of these is a bound or a reference, not the time asked about.
_BOUND = re.compile(r"\b(?:since|after|before|until|till|by|from|between|to|than|and|or|prior to)\s+(?:\w+\s+)?$", re.I)


def _months(text: str, *, points: bool = False) -> set[str]:
    """The month names ``text`` names; with ``points``, only those not after "since", "before" and the like."""
    return {m.group(1) for m in _MONTH_NAME.finditer(text) if not (points and _BOUND.search(text[: m.start()]))}


def other_time(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer about another month (or quarter) than the one its question names is declined, or "": "How many
    people did it control as of February 2015?" answered "... as of March 2015"; "How much did Amazon spend in the
    third quarter?" answered with the fourth's. The answer must name a month and none that the question does; a
    month after "since", "before", "between" and the like is a bound, not what is asked about.

    The same test on years was measured twice and dropped: a question's year is often background ("Feinstein
    will not run for reelection in 2024. What year was she first elected?"; "the Scotland Act of 1978").

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> other_time("How many did it control as of February 2015?", said("It controlled ten million as of March 2015."))
    'the question asks about February; the answer is about March'
    >>> other_time("How many did it control as of February 2015?", said("It controlled ten million people."))
    ''
    >>> other_time("What changed since March?", said("In June the law changed."))
    ''
    >>> other_time("How much did Amazon spend in the third quarter of 2024?", said("Amazon spent $26.3bn in the fourth quarter of 2024."))
    'the question asks about the third quarter; the answer is about the fourth'
    """
    asked = _months(question, points=True)
    said = _months(" ".join(c.text for c in claims))
    if asked and said and not asked & said:
        return f"the question asks about {min(asked)}; the answer is about {min(said)}"
    asked, said = _quarters(question), _quarters(" ".join(c.text for c in claims))
    if asked and said and not asked & said:
        return f"the question asks about the {min(asked)} quarter; the answer is about the {min(said)}"
    return ""


_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(m.title() for m in _MONTHS)) + r")\s+((?:19|20)\d\d)\b")


_FIGURE_AT = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w%])")


_SPELLED_JOINED = re.compile(rf"\b({'|'.join(CARDINAL_WORDS[1:])})-([a-z]+)\b", re.I)


def _figure_frames(text: str) -> dict[tuple[str, ...], set[str]]:
    """Each figure of ``text`` (commas dropped) by the frame it sits in: the prefix it is joined to ("pre-1975") or
    the stems of the two words before it, a month name between them and it skipped ("as of January 2013").

    >>> _figure_frames("It was built for the pre-1975 council and printed 3.5 m an hour as of January 2013.")
    {('pre-',): {'1975'}, ('and', 'print'): {'3.5'}, ('as', 'of'): {'2013'}}
    >>> _figure_frames("After the Six-Day War")
    {('-day',): {'6'}}
    """
    out: dict[tuple[str, ...], set[str]] = {}
    for m in _SPELLED_JOINED.finditer(text):  # "the Six-Day War": a count in a name, framed by what it is joined to
        out.setdefault(("-" + m.group(2).lower(),), set()).add(str(CARDINAL_WORDS.index(m.group(1).lower())))
    for m in _FIGURE_AT.finditer(text):
        before = text[: m.start()]
        if joined := re.search(r"\b([a-z]+)-$", before, re.I):
            frame: tuple[str, ...] = (joined.group(1).lower() + "-",)
        else:
            said = [w.lower() for w in re.findall(r"[A-Za-z]+", before[-60:])]
            while said and said[-1] in _MONTHS:
                said.pop()
            if len(said) < 2:
                continue
            frame = tuple(stem(w) for w in said[-2:])
        out.setdefault(frame, set()).add(m.group(0).replace(",", ""))
    return out


def other_figure(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that gives another figure where its question gives one is declined, or "": "What was built as
    the headquarters of the pre-1875 council?" answered from "the pre-1975 council"; "As of 2014, how quickly is
    it printed?" answered "... as of January 2013". SQuAD 2.0 makes questions unanswerable so. The question's figure
    is in no claim or quote, and a claim gives another in the same frame (the prefix the figure is joined to, or the
    two words before it): a year in passing ("reelection in 2024" against "elected in 1992") is another frame.

    >>> from rag.models import Citation
    >>> said = lambda text, quote="q": [Claim(text, (Citation(1, "c", "d", "T", "", None, quote, 0, 1, True),))]
    >>> other_figure("What was built for the pre-1875 council?", said("The buildings were built for the pre-1975 council."))
    'the question says "pre-1875"; the answer says "pre-1975"'
    >>> other_figure("As of 2014, how quickly is it printed?", said("It is printed at 3.5 m an hour as of January 2013."))
    'the question says "as of 2014"; the answer says "as of 2013"'
    >>> other_figure("Feinstein will not run for reelection in 2024. What year was she first elected?", said("She was first elected in 1992."))
    ''
    >>> other_figure("As of 2014, how quickly is it printed?", said("It is printed at 3.5 m an hour.", "As of 2014 it prints 3.5 m an hour."))
    ''
    >>> other_figure("How many died in the 2023 flood?", said("In the 2022 flood, 12 died."))
    'the question says "in the 2023"; the answer says "in the 2022"'
    >>> other_figure("How many died in the 2023 flood?", said("Twelve died in 2022, the year before the flood."))
    ''
    >>> other_figure("What was the defeat during the Seven-Day War?", said("The defeat during the Six-Day War was a pivotal event."))
    'the question says "7-day"; the answer says "6-day"'
    >>> other_figure("What was the defeat during the Six-Day War?", said("The defeat during the Six-Day War was a pivotal event."))
    ''
    """
    asked = _figure_frames(question)
    if not asked or not claims:
        return ""
    held = " ".join([c.text for c in claims] + [c.quote for claim in claims for c in claim.citations if c.verified])
    have = {f.replace(",", "") for f in _FIGURE_AT.findall(held)} | {f for fs in _figure_frames(held).values() for f in fs}
    said = _figure_frames(" ".join(c.text for c in claims))
    for frame, figures in asked.items():
        for f in sorted(figures - have):
            other = sorted(said.get(frame, set()) - {f})
            if other and (len(f) == 4) == (len(other[0]) == 4):  # a year for a year, a count for a count
                shown = f"{frame[0]}{{}}" if len(frame) == 1 else " ".join(_frame_words(question, f)) + " {}"
                if frame[0].startswith("-"):  # joined after the count: "7-day"
                    shown = f"{{}}{frame[0]}"
                return f'the question says "{shown.format(f)}"; the answer says "{shown.format(other[0])}"'
    return ""


def _frame_words(question: str, figure: str) -> list[str]:
    """The two words before ``figure`` (commas dropped) in ``question``, in lower case.

    >>> _frame_words("As of 2014, how many?", "2014"), _frame_words("Did the top 1,000 firms gain?", "1000")
    (['as', 'of'], ['the', 'top'])
    """
    at = next((m.start() for m in _FIGURE_AT.finditer(question) if m.group(0).replace(",", "") == figure), len(question))
    return [w.lower() for w in re.findall(r"[A-Za-z]+", question[:at])][-2:]


_ASKED_DEED = frozenset("will would did does do to".split())  # the word before a question's deed ("will host")
_STATE = _BE | {"am"}  # before a past participle that tells a state ("are concerned")


def framed_answer(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that tells the question's deed only as bid for, hoped, planned or expected is declined, or "".
    "Which city will host the 2024 convention?" answered "Nashville will bid to host the 2024 convention" (a
    realtimeqa tuning-split answer) is true of its quote, and no answer. The question's deed is its verb after
    "will", "did", "to", ... or one in the past tense; the answer's first sentence must tell it at least once
    without a frame (:data:`rag.relations._FRAMES`) that the question does not use itself.

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> framed_answer("Which city will host the 2024 convention?", said("Nashville will bid to host the 2024 convention."))
    "the answer says only 'bid ... host', which the question does not ask"
    >>> framed_answer("Which city will host the 2024 convention?", said("Chicago will host the 2024 convention."))
    ''
    >>> framed_answer("Which team won the final?", said("The Rams are favoured to win the final."))
    "the answer says only 'favoured ... win', which the question does not ask"
    >>> framed_answer("Which team is expected to win the final?", said("The Rams are expected to win the final."))
    ''
    >>> framed_answer("Putin announced plans to station weapons in which country?", said("Russia will station them in Belarus."))
    ''
    >>> framed_answer("Residents are concerned about which gas?", said("Officials said it would release concerning gases."))
    ''
    """
    if not claims:
        return ""
    asked = [t.lower() for t in tokens(question)]
    deeds = {stem(asked[i + 1]) for i, t in enumerate(asked[:-1]) if t in _ASKED_DEED}
    # a verb in the past tense, not a state ("are concerned")
    deeds |= {stem(t) for i, t in enumerate(asked) if t in _PAST_BASE or (len(t) > 4 and t.endswith("ed") and asked[i - 1] not in _STATE)}
    # a deed the question itself tells as planned ("announced plans to station"): any answer's frame will do
    deeds -= {
        stem(m.group().lower()) for m in re.finditer(r"[A-Za-z][\w'-]*", question)
        if _frame(question[: m.start()], m.group()) not in ("", "will", "would")
    }  # fmt: skip
    text = claims[0].text
    told = [m for m in re.finditer(r"[A-Za-z][\w'-]*", text) if stem(m.group().lower()) in deeds]
    frames = [_frame(text[: m.start()], m.group()) for m in told]
    if told and all(f and f not in asked for f in frames):
        return f"the answer says only '{frames[0]} ... {told[0].group()}', which the question does not ask"
    return ""


_EDITION = re.compile(r"\b((?:19|20)\d\d)\s+(?:[A-Z][\w'’.-]*\s*)+")  # "the 2021 Belgian Grand Prix", "the 2023 Masters"


def other_edition(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer about a named year's edition of an event, told only by articles of a later year that never name
    that year, is declined, or "": "Who won the 2021 Belgian Grand Prix?" answered "Max Verstappen won the 2021 Belgian
    Grand Prix" on "... to win the Belgian Grand Prix on Sunday", an article of August 2022 (a thirteenth user pass).
    Only a year just before a name counts, and only an article published more than four months after that year ended.

    >>> from rag.models import Citation
    >>> cite = lambda quote, day: (Citation(1, "c", "d", "T", "", day, quote, 0, 1, True),)
    >>> q, won = "Who won the 2021 Kellport Grand Prix?", "Mara Venn won the 2021 Kellport Grand Prix."
    >>> other_edition(q, [Claim(won, cite("Venn won the Kellport Grand Prix on Sunday.", date(2022, 8, 28)))])
    'the question asks about the 2021 Kellport Grand Prix; the answer is from articles of 2022-08-28 that do not name 2021'
    >>> other_edition(q, [Claim(won, cite("Venn, who won in 2021, was second on Sunday.", date(2022, 8, 28)))])
    ''
    >>> other_edition(q, [Claim(won, cite("Venn won the Kellport Grand Prix on Sunday.", date(2022, 1, 10)))])
    ''
    """
    m = _EDITION.search(question)
    cited = [c for claim in claims for c in claim.citations if c.verified]
    if not m or not cited or any(c.published is None for c in cited):
        return ""
    year = m.group(1)
    if year not in claims[0].text or any(year in c.quote for c in cited):
        return ""
    if all((c.published - date(int(year), 12, 31)).days > 120 for c in cited):
        newest = max(c.published for c in cited)
        return f"the question asks about the {m.group(0).strip()}; the answer is from articles of {newest} that do not name {year}"
    return ""


def other_year_asked(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer to a question about a past month of a named year, told only by articles half a year or more
    later that never name that year, is declined, or "": "How many people died in the December 2021 Humboldt County
    earthquake?" answered with the toll of the December 2022 one (a ninth user pass). A month with its year is an
    event's date, unlike a year alone (see :func:`other_time`).

    >>> from rag.models import Citation
    >>> cite = lambda quote, day: (Citation(1, "c", "d", "T", "", day, quote, 0, 1, True),)
    >>> other_year_asked("How many died in the December 2021 earthquake?", [Claim("Two people died.", cite("Two people are dead.", date(2022, 12, 20)))])
    'the question asks about December 2021; the answer is from articles of 2022-12-20 that do not name 2021'
    >>> other_year_asked("How many died in the December 2021 earthquake?", [Claim("One died.", cite("In December 2021, one died.", date(2022, 12, 20)))])
    ''
    >>> other_year_asked("What changed since December 2021?", [Claim("Rates rose.", cite("Rates rose.", date(2022, 12, 20)))])
    ''
    >>> other_year_asked("Why was Lampard sacked in September 2022?", [Claim("He was sacked.", cite("Tuchel took charge in January 2021, a day after Lampard was let go.", date(2022, 9, 7)))])
    'the question asks about September 2022; the quote tells of January 2021'
    """
    asked = [m for m in _MONTH_YEAR.finditer(question) if not _BOUND.search(question[: m.start()])]
    cited = [c for claim in claims for c in claim.citations if c.verified]
    if not asked or not cited or any(c.published is None for c in cited):
        return ""
    month, year = asked[0].group(1), int(asked[0].group(2))
    start = date(year, _MONTH_NUMBER[month.lower()], 1)
    text = " ".join([c.quote for c in cited] + [claim.text for claim in claims])
    quoted = " ".join(c.quote for c in cited)
    told = [m for m in _MONTH_YEAR.finditer(quoted) if abs((date(int(m.group(2)), _MONTH_NUMBER[m.group(1).lower()], 1) - start).days) >= 182]
    if told and str(year) not in quoted and all(_MONTH_YEAR.search(c.quote) for c in cited):
        # "Why did Chelsea sack Frank Lampard in September 2022?" on "..., a day after Frank Lampard was let go" in a
        # sentence dated January 2021 (a tenth user pass): the quote tells of another month
        return f"the question asks about {month} {year}; the quote tells of {told[0].group(0)}"
    if str(year) in text or any((c.published - start).days < 182 for c in cited):
        return ""
    newest = max(c.published for c in cited)
    return f"the question asks about {month} {year}; the answer is from articles of {newest.isoformat()} that do not name {year}"


_QUARTER = re.compile(r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter|q([1-4]))\b", re.I)
_QUARTER_NAMES = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "1": "first", "2": "second", "3": "third", "4": "fourth"}


def _quarters(text: str) -> set[str]:
    """The quarters ``text`` names ("the third quarter", "Q3", "fourth-quarter"), as "first" to "fourth".

    >>> sorted(_quarters("Q3 sales beat the 4th-quarter record and the first fiscal quarter's."))
    ['first', 'fourth', 'third']
    """
    return {_QUARTER_NAMES.get(k, k) for m in _QUARTER.finditer(text) for k in [(m.group(1) or m.group(2)).lower()]}


_MORE = _MORE_WORDS | frozenset("most highest largest biggest greatest".split())  # the checker's words, and superlatives
_LESS = _LESS_WORDS | frozenset("least fewest lowest smallest".split())
_PICK = re.compile(r"\b(?:which|who|what)\b(?P<ask>.*?),?\s+(?P<a>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)\s+or\s+"
                   r"(?:the\s+)?(?P<b>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)\s*\?\s*$", re.I)


def wrong_pick(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that picks the wrong one of two is declined, or "": "Which company plans to spend more on AI,
    Microsoft or Meta?" answered "Meta plans to spend more on AI" from a quote that gives Microsoft $80 billion and
    Meta $60-65 billion. Only when the question asks for more or less, the answer names one of the two, and the
    verified quotes give each an amount (the highest for "more", the lowest for "less").

    >>> from rag.models import Citation
    >>> q = "Microsoft aims to spend around $80 billion, while Meta has guided to between $60 billion and $65 billion."
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, q, 0, 1, True),))]
    >>> wrong_pick("Which company plans to spend more on AI, Microsoft or Meta?", said("Meta plans to spend more on AI."))
    'the quotes give Microsoft 80 billion and Meta 65 billion'
    >>> wrong_pick("Which company plans to spend more on AI, Microsoft or Meta?", said("Microsoft plans to spend more."))
    ''
    """
    m = _PICK.search(question)
    if not m or not claims:
        return ""
    asked = {w.lower() for w in re.findall(r"[A-Za-z]+", m.group("ask"))}
    more, less = bool(asked & _MORE), bool(asked & _LESS)
    if more == less:
        return ""
    a, b = m.group("a"), m.group("b")
    answer = claims[0].text
    picked = [x for x in (a, b) if re.search(rf"\b{re.escape(x)}\b", answer, re.I)]
    if len(picked) != 1:
        return ""
    held: dict[str, list[float]] = {}
    for claim in claims:
        for c in claim.citations:
            if c.verified:
                for name, values in amounts_held(c.quote, {a, b}).items():
                    for x in (a, b):
                        if name.lower() == x.lower() or name.lower().split()[-1] == x.lower().split()[-1]:
                            held.setdefault(x, []).extend(values)
    if a not in held or b not in held:
        return ""
    pick = max if more else min
    va, vb = pick(held[a]), pick(held[b])
    right = a if (va > vb) == more else b
    if va == vb or picked[0] == right:
        return ""
    return f"the quotes give {a} {figure(va)} and {b} {figure(vb)}"


_WHY = re.compile(r"^\W*why\b", re.I)
_PRONOUN_START = re.compile(r"^\W*(?:he|she|they|it|his|her|their|its|this|that|because|due|after|as)\b", re.I)


def other_subject(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer to "Why did X ...?" that opens with someone else and never names X is declined, or "": "Why
    did Alejandro Mayorkas resign?" (he did not) answered "Magnus was criticized internally ..." (the official he
    had asked to resign). An answer that opens with a pronoun or a cause ("He ...", "Because ...") is left alone.

    >>> said = lambda *texts: [Claim(t, ()) for t in texts]
    >>> other_subject("Why did Alejandro Mayorkas resign?", said("Magnus was criticized internally.", "Miller is acting."))
    'the question asks about Alejandro Mayorkas; the answer speaks of Magnus'
    >>> other_subject("Why did Alejandro Mayorkas ask Magnus to resign?", said("Mayorkas said Magnus was disengaged."))
    ''
    >>> other_subject("Why did Pelosi step down?", said("She said it was time for a new generation."))
    ''
    """
    if not _WHY.match(question) or not claims:
        return ""
    asked, first = names(question), claims[0].text
    opens = names(first)
    if not asked or _PRONOUN_START.match(first) or not opens or opens[0][0] != 0:
        return ""
    text = " ".join(c.text for c in claims).lower()
    who = asked[0][2]
    if any(len(w) > 2 and re.search(rf"\b{re.escape(w.lower())}\b", text) for w in who.split()):
        return ""
    return f"the question asks about {who}; the answer speaks of {opens[0][2]}"


_OPPONENT = re.compile(r"\b(against|versus|vs\.?)\s+(?:the\s+)?((?:No\.\s?\d+\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")


def other_opponent(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer about a game against another side than its question's is declined, or "": "How many points did
    Ada Pell score against the Owls?" answered "Ada Pell scored 71 points against the Rovers" (a true sentence about
    another game).

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> other_opponent("How many points did Ada Pell score against the Owls?", said("Ada Pell scored 71 points against the Rovers."))
    'the question asks about the game against the Owls; the answer is about the one against the Rovers'
    >>> other_opponent("How many points did Ada Pell score against the Owls?", said("Pell scored 71 points against Ostbrook's Owls."))
    ''
    >>> other_opponent("How many points did Ada Pell score against the Owls?", said("Pell scored 71 points in a win over the Owls."))
    ''
    >>> other_opponent("Who scored against the US?", said("Ada Pell scored against the US."))
    ''
    """
    text = " ".join(c.text for c in claims)
    asked = _OPPONENT.findall(question)
    if not asked or any(re.search(rf"\b{re.escape(w)}\b", text, re.I) for _, n in asked for w in n.rstrip(".").split() if w != "No."):
        return ""  # the answer names the question's side somewhere
    said = _OPPONENT.findall(text)
    if not said:
        return ""
    (prep, theirs), (again, other) = asked[0], said[0]
    return f"the question asks about the game {prep} the {theirs.rstrip('.')}; the answer is about the one {again} the {other.rstrip('.')}"


_ASKS_WIN = re.compile(r"\b(?:who|which|what)\b[^?]{0,60}?\b(?:won|wins|win|winner|winners)\b", re.I)
_NOMINATED = re.compile(r"\b(?:nominat\w*|nominee\w*|shortlist\w*|finalists?|contenders?|in the running|up for)\b", re.I)
_WON = re.compile(r"\b(?:won|wins|win|winning|winners?|awarded|took home|picked up|claimed|received|victor\w*|beat)\b", re.I)


def nominated_only(question: str, claims: Sequence[Claim]) -> str:
    """Why an answer that tells only a nomination, asked who won, is declined, or "": "Who won the Tallis Prize in
    Physics?" answered "Ada Pell was nominated for the Tallis Peace Prize last month" (a third user pass).

    >>> from rag.models import Citation
    >>> said = lambda text: [Claim(text, (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))]
    >>> nominated_only("Who won the Tallis Prize in Physics?", said("Ada Pell was nominated for the Tallis Peace Prize last month."))
    'the question asks who won; the answer tells only of a nomination'
    >>> nominated_only("Who won the Tallis Prize?", said("Ada Pell, nominated twice before, won the Tallis Prize."))
    ''
    >>> nominated_only("Who was nominated for the Tallis Prize?", said("Ada Pell was nominated for the Tallis Prize."))
    ''
    """
    text = " ".join(c.text for c in claims)
    if not _ASKS_WIN.search(question) or _NOMINATED.search(question) or not _NOMINATED.search(text) or _WON.search(text):
        return ""
    return "the question asks who won; the answer tells only of a nomination"


def unanswered(question: str, claims: Sequence[Claim]) -> str:
    """Why a verified answer does not answer its question (the first of :func:`asks_back`, :func:`restates`, :func:`lacks_asked`,
    :func:`twisted`, :func:`reversed_move`, :func:`unnegated`, :func:`denied_asked`, :func:`other_time`, :func:`other_year_asked`, :func:`other_edition`,
    :func:`other_figure`, :func:`framed_answer`, :func:`wrong_pick`, :func:`other_subject`, :func:`other_opponent`,
    :func:`nominated_only` that
    finds a reason), or ""."""
    for check in (
        asks_back, restates, lacks_asked, twisted, reversed_move, unnegated, denied_asked, other_time, other_year_asked, other_edition,
        other_figure, framed_answer, wrong_pick,
        other_subject, other_opponent, nominated_only,
    ):  # fmt: skip
        if why := check(question, claims):
            return why
    return ""


def signals_text(sig: dict[str, float]) -> str:
    """The signals in a few words, for a refusal's reason and ``/why``.

    >>> signals_text({"dense": 0.61, "quote_coverage": 0.5, "judge": 0.2})
    'dense 0.61, quote_coverage 0.50, judge 0.20'
    """
    return ", ".join(f"{k} {v:.2f}" for k, v in sig.items())


def answerability(sig: dict[str, float], weights: Sequence[float]) -> float:
    """P(answerable) from the signals: ``sigmoid(w0 + w1 * dense + w2 * coverage)``.

    >>> round(answerability({"dense": 0.6, "coverage": 1.0}, (-4.0, 4.0, 3.0)), 3)
    0.802
    """
    w0, w1, w2 = weights
    z = w0 + w1 * sig["dense"] + w2 * sig["coverage"]
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class Decision:
    """What of a checked answer is shown: ``kept`` (verified) or, when ``refused``, nothing."""

    refused: bool
    kept: tuple[Claim, ...]
    dropped: tuple[Claim, ...]
    reason: str


# A question that asks two things: "Who was Griner exchanged for, and where did the swap take place?"
_TWO_ASKS = re.compile(r"\b(?:who|what|when|where|which|how|why)\b[^?]*?,?\s+and\s+(?:who|what|when|where|which|how|why)\b", re.I)


def decide(raw: str, checked: CheckedText | None, declined: bool = False, question: str = "") -> Decision:
    """The answer policy: only verified sentences are answers.

    ``declined``: the model's own words were a refusal (``rag.answer.is_refusal``);
    a reply that declines but also states a verified fact keeps the fact. A question that asks two things may
    keep its second answer when the first fails (it is not an explanation of the first).
    """
    if checked is None or not checked.claims:
        return Decision(True, (), (), "the model wrote nothing")
    kept = tuple(c for c in checked.claims if c.verified)
    dropped = tuple(c for c in checked.claims if not c.verified)
    if not kept:
        why = "the model declined" if declined else "no sentence of the answer verified against the passage it cites"
        return Decision(True, (), dropped, why)
    lead = checked.claims[0]
    if not lead.verified and not declined and (lead.citations or len(words(lead.text)) >= 3) and not _TWO_ASKS.search(question):
        # The answer is its first sentence; what follows only explains it. "Why was Gloria Johnson expelled?" answered
        # "She was expelled because she was first elected in 2012 [2]. After losing twice, she won the seat back
        # [2]." (she was not expelled) must not be shown as its second sentence, true but no answer.
        return Decision(True, (), tuple(checked.claims), "the answer's first sentence did not verify; the rest only explains it")
    n = len(checked.claims)
    reason = f"{len(kept)} of {n} sentences verified" + (f"; {len(dropped)} left out" if dropped else "")
    return Decision(False, kept, dropped, reason)


def dropped_reason(claim: Claim) -> str:
    """Why a sentence was left out, in a few words. A verified sentence is left out only when the answer policy
    declined the whole answer (its reason is the answer's).

    >>> dropped_reason(Claim("Mars base.", ()))
    'cites no passage that supports it'
    >>> from rag.models import Citation
    >>> dropped_reason(Claim("Alibaba will invest $50 billion.", (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),)))
    'verified, but the answer was declined'
    """
    if claim.verified:
        return "verified, but the answer was declined"
    reasons = [c.reason for c in claim.citations if c.reason]
    return "; ".join(dict.fromkeys(reasons)) or "cites no passage that supports it"
