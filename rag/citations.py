"""Check every cited sentence against the passage it cites, and attach the exact quote.

The model cites passage numbers like ``[2]``. Small local models cite poorly, so
nothing it says is trusted: this module drops citations to passages it was never
shown, verifies each sentence against its passage (numbers, words, meaning),
finds the supporting quote with its character offsets in the article, and
re-aligns or flags sentences whose citations are missing or wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .chunking import sentence_spans
from .dates import days_stated
from .errors import visible
from .models import CheckedText, Citation, Claim, Passage
from .numeric import numbers_in, unsupported_numbers
from .relations import (
    CALENDAR,
    about_same,
    after_the_article,
    as_spelled,
    bare_doer,
    bounded_superlative,
    conflict,
    deal_figure,
    death_cause,
    denied,
    framed_deed,
    framed_win,
    headline_comparison,
    headline_denies,
    lead_name,
    missing_names,
    moved_to,
    names,
    other_place_name,
    other_year,
    out_of_period,
    pending_finding,
    planned_event,
    points_for_percent,
    replaced_figure,
    result,
    spelling,
    subject,
    tallied_win,
    this_week_for_last,
    uncertain_future,
    universal,
    unquoted_part,
    unstated_act,
    unstated_cause,
    unstated_loss,
    unstated_move,
    unstated_placing,
    unstated_record,
    unstated_win,
    weaker_deed,
    weekday_for_year,
)
from .stemming import stem

_ASKS = re.compile(r"\?[\"'’”)]*\s*$")  # a sentence that ends in a question mark
_YES_NO = re.compile(r"(?:will|would|could|can|should|shall|may|might|is|are|was|were|do|does|did|has|have|had)\b", re.I)
_MARK = re.compile(r"\s*\[(?:(?:passage|source|doc)\s*)?(\d+(?:\s*[,;–-]\s*(?:(?:passage|source)\s*)?\d+)*)\]", re.I)
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being it its this that these those "
    "has have had will would can could should may might do does did not no than then so such which who whom whose what "
    "when where why how also into over under about after before during said says say according there their they he she "
    "his her we our you your i".split()
)

# Thresholds, tuned on hand-made cases (tests/test_citations.py). A sentence is
# supported when its numbers all appear in the passage and either most of its
# content words do, or enough do and its meaning is close to a passage sentence.
LEXICAL_STRONG = 0.6
LEXICAL_WEAK = 0.3
SEMANTIC_MIN = 0.6
# A verified citation is re-pointed to another passage shown only when that one's words + meaning score is this much
# higher (tuned on the tuning halves' replays: docs/design.md, "Dated claims, the strongest quote, and a question's figure").
STRONGER = 0.2
REPOINT_DAYS = 7  # ... and only to one at most this much older than the one cited
# Two plain nouns are other doers (relations.bare_doer) only when MiniLM puts them further apart than this: synonyms and
# near kinds score 0.58-0.86 ("police" and "officers" 0.68, "troops" and "soldiers" 0.86, "exports" and "imports" 0.62),
# SQuAD's swapped "cilia" and "ctenophores" 0.31 (12 pairs, measured in session 58; docs/design.md).
BARE_DOER_APART = 0.5


_SPACED_GROUPS = re.compile(r"(?<![\d,.])\d{1,3}(?:, \d{3})+(?![\d]|[.,]\d)")


def joined_figures(answer: str, passages: Sequence[Passage]) -> str:
    """``answer`` with a figure the model wrote with spaces between its digit groups ("c. 1, 300, 000 people")
    written as the passages write it ("1,300,000"), when one of them does; a list ("1, 300, 500") stays.

    >>> from rag.retrieval import _p
    >>> joined_figures("In 1939, c. 1, 300, 000 people lived in Warsaw [1].", [_p("In 1939 c. 1,300,000 people lived there.")])
    'In 1939, c. 1,300,000 people lived in Warsaw [1].'
    >>> joined_figures("Rounds 1, 300 and 500 [1].", [_p("Rounds 1, 300 and 500 were played.")])
    'Rounds 1, 300 and 500 [1].'
    """
    if not _SPACED_GROUPS.search(answer):
        return answer
    shown = " ".join(f"{p.title} {p.text}" for p in passages)

    def join(m: re.Match) -> str:
        figure = m.group(0).replace(", ", ",")
        return figure if re.search(rf"(?<![\d,.]){re.escape(figure)}(?![\d]|[.,]\d)", shown) else m.group(0)

    return _SPACED_GROUPS.sub(join, answer)


# "True or false: X" and "X. True or false?": the statement X a bare "True." affirms.
_TRUE_OR_FALSE = re.compile(r"\s*(?:true or false|yes or no)\s*[:?,-]\s*(.+)", re.I | re.S)
_TRUE_OR_FALSE_AFTER = re.compile(r"\s*(.+?[.!?])\s*(?:true or false|yes or no)\s*\??\s*$", re.I | re.S)


def words(text: str) -> set[str]:
    """Content words, lower-cased, plural 's' dropped.

    >>> sorted(words("The investments were announced"))
    ['announced', 'investment']
    """
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def stems(text: str) -> set[str]:
    """Content words as stems (:func:`words`, then :func:`stem`).

    >>> sorted(stems("Alibaba is investing; investments rose"))
    ['alibaba', 'invest', 'rise']
    """
    return {stem(w) for w in words(text)}


def parse_markers(sentence: str) -> tuple[str, list[int]]:
    """Strip citation markers; return the clean sentence and the cited numbers.

    >>> parse_markers("It rose 8% [1][3, 4].")
    ('It rose 8%.', [1, 3, 4])
    >>> parse_markers("Shares jumped [Passage 2].")
    ('Shares jumped.', [2])
    """
    numbers: list[int] = []
    for m in _MARK.finditer(sentence):
        for n in re.findall(r"\d+", m.group(1)):
            if int(n) not in numbers:
                numbers.append(int(n))
    clean = _MARK.sub("", sentence)
    clean = re.sub(r"\s+([.,;:!?])", r"\1", clean).strip()
    return clean, numbers


@dataclass
class _Support:
    lexical: float
    semantic: float
    missing_numbers: set[float]
    quote: tuple[int, int]  # span in passage text: the best sentence, with a neighbour when it brings what the claim says
    relation: str = ""  # why the quote says something else (rag.relations), or names it lacks
    new_words: float | None = None  # share of the claim's words not taken from the question that the quote holds

    @property
    def ok(self) -> bool:
        if self.missing_numbers or self.relation:
            return False
        if self.lexical >= LEXICAL_STRONG or (self.lexical >= LEXICAL_WEAK and self.semantic >= SEMANTIC_MIN):
            return True
        # An answer restates its question ("OPEC and its allies announced a surprise move to slash oil output ...");
        # most of what it adds must be in the quote (its names and figures all are: checked above), and the quote
        # must share some of the rest.
        return self.new_words is not None and self.new_words >= 0.5 and self.lexical >= LEXICAL_WEAK

    @property
    def score(self) -> float:
        return self.lexical + self.semantic - (1.0 if self.missing_numbers else 0.0) - (0.5 if self.relation else 0.0)

    def reason(self) -> str:
        if self.missing_numbers:
            nums = ", ".join(figure(n) for n in sorted(self.missing_numbers))
            return f"number(s) {nums} not in the quoted sentence"
        if self.relation:
            return self.relation
        return f"weak support (words {self.lexical:.2f}, meaning {self.semantic:.2f})"


def restated(c: Citation) -> bool:
    """Verified only as a restated question: the quote holds the names and figures the answer adds, but
    neither most of its words nor its meaning (the last test of :attr:`_Support.ok`).

    >>> c = lambda lex, sem: Citation(1, "c", "d", "T", "", None, "q", 0, 1, True, lexical=lex, semantic=sem)
    >>> restated(c(0.4, 0.5)), restated(c(0.4, 0.7)), restated(c(0.7, 0.2))
    (True, False, False)
    """
    return c.verified and not (c.lexical >= LEXICAL_STRONG or (c.lexical >= LEXICAL_WEAK and c.semantic >= SEMANTIC_MIN))


def figure(x: float) -> str:
    """A number as a reader writes it.

    >>> figure(6e10), figure(14.0), figure(2.4e6), figure(38000.0), figure(2026.0)
    ('60 billion', '14', '2.4 million', '38,000', '2026')
    """
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            return f"{x / scale:g} {name}"
    if x == int(x) and 1800 <= x <= 2100:  # most likely a year
        return f"{x:.0f}"
    return f"{x:,.0f}" if x == int(x) else f"{x:g}"


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` mentions ``name`` in any case or form: its word ("eggs" for "Eggs are ..."), its stem, or
    its people's word ("German" for Germany).

    >>> _mentions("Egg prices rose 60% last year.", "Eggs"), _mentions("Microsoft plans to spend $80 billion.", "Nvidia")
    (True, False)
    >>> _mentions("Zelensky met Biden.", "Zelenskyy")
    True
    """
    spelt = {spelling(w) for w in words(name)}
    return bool(spelt & {spelling(w) for w in words(text)}) or about_same(f"{name}'s", text)


_LINK_LINE = re.compile(
    r"^\W*(?:read\s+more|read|more|related|see\s+also|watch|listen|also\s+read|recommended|earlier|opinion|previously|"
    r"latest|analysis|explainer|what\s+to\s+know)\s*:",
    re.I,
)  # "READ: 'That was lit' - Stunning Russo back-heel goal ...", "Earlier:Nashville Council to consider ..." (an eleventh pass)
_TITLE_MARKS = re.compile(r"[\"“”]")


def _furniture(sentence: str) -> bool:
    """A line of the page, not a statement: a link to another story ("MORE: Giants' confidence is growing"), or a
    list's line that only names a work ('"Avatar: The Way of Water"', 'Jason Sudeikis, "Ted Lasso"'): quotation
    marks and no word in lower case but small ones.

    >>> _furniture("MORE:San Francisco Giants' confidence is quietly growing"), _furniture('“Avatar: The Way of Water”')
    (True, True)
    >>> _furniture("Earlier:Nashville Council to consider draft agreement"), _furniture("Analysts said: rates will rise.")
    (True, False)
    >>> _furniture('Jason Sudeikis, “Ted Lasso”'), _furniture('She starred in "Ted Lasso" last year.')
    (True, False)
    """
    if _LINK_LINE.match(sentence):
        return True
    return bool(_TITLE_MARKS.search(sentence)) and not any(w[:1].islower() and w not in _STOP for w in re.findall(r"[A-Za-z]+", sentence))


class Checker:
    """Verifies claims against passages. ``embed`` maps texts to unit vectors (or None: words only).

    A claim is supported by a sentence of the passage it cites (with at most one
    neighbour, when that brings words or figures the claim has), not by words
    scattered over the passage: its figures must be in that span, its names in
    the span or the headline, and the span must not state a different relation
    (:func:`rag.relations.conflict`).
    """

    def __init__(
        self, passages: Sequence[Passage], embed=None, *, repair: bool = True, question: str = "", today: date | None = None
    ):
        self.passages = list(passages)
        self.today = today  # the as-of date: a claim about "this week" needs an article of this week
        self.question = question  # an answer's words, names and figures taken from its question need not be quoted
        self.question_words = words(question)
        self.embed = embed
        self.repair = repair  # align uncited or miscited sentences to their best-supporting passage
        self._sent_spans = [sentence_spans(p.text) or [(0, len(p.text))] for p in self.passages]
        self._sent_vecs: dict[int, np.ndarray] = {}
        self._sent_facts: dict[int, list[tuple[set[str], set[float]]]] = {}

    def _vectors(self, i: int) -> np.ndarray | None:
        if self.embed is None:
            return None
        if i not in self._sent_vecs:
            p = self.passages[i]
            self._sent_vecs[i] = self.embed([p.text[s:e] for s, e in self._sent_spans[i]])
        return self._sent_vecs[i]

    def _facts(self, i: int) -> list[tuple[set[str], set[float]]]:
        """Each sentence's content words and numbers."""
        if i not in self._sent_facts:
            text = self.passages[i].text
            self._sent_facts[i] = [(words(text[s:e]), numbers_in(text[s:e])) for s, e in self._sent_spans[i]]
        return self._sent_facts[i]

    def support(self, claim: str, i: int, claim_vec: np.ndarray | None) -> _Support:
        """How well passage ``i`` (0-based) supports ``claim``."""
        p = self.passages[i]
        claim = as_spelled(claim, f"{p.text} {p.title}")  # "Beyonce" as the article writes it, "Beyoncé"
        cw, cn = words(claim), numbers_in(claim)
        spans, facts = self._sent_spans[i], self._facts(i)
        vecs = self._vectors(i)
        sims = vecs @ claim_vec if vecs is not None and claim_vec is not None else np.zeros(len(spans))
        # The quote: the sentence that best matches by shared words, meaning,
        # and above all the claim's numbers (a quote without the figure proves nothing).
        fit = np.asarray([len(cw & w) / max(1, len(cw)) + len(cn & n) for w, n in facts]) + sims
        # The headline may name who or what the quote is about ("Alibaba" for "the company"); its other words
        # do not make the quote say more.
        title = words(p.title) & words(" ".join(n for _, _, n in names(claim)))
        # The article's date as a claim would write it ("January 24, 2023"): its day and year may go unquoted, its
        # month's number may not ("1 hour" is not the "01" of 2023-01-24).
        day = f"{p.published:%B} {p.published.day}, {p.published.year}" if p.published else ""
        if p.published and p.published.isoformat() in claim:  # the model may copy the date as the passage shows it
            day += f" {p.published.month}"
        elif p.published and not re.search(rf"\b{p.published:%b}", claim, re.I):
            day = str(p.published.year)  # its day only beside its month: the "1" of a "3-1" win is not May 1's
        if p.published and _ASKS_YEAR.search(self.question):
            # ... but a year the question asks for is the answer, and the article's date does not give it: "They last
            # went on strike in 2023" is not stated by a 2023 article's "for the first time in 15 years"
            day = re.sub(rf"\b{p.published.year}\b", " ", day)

        # A past year the answer repeats from its question need not be quoted only in an article of that year or the
        # next: "Lula won 50.9% in Brazil's 2018 election" is not stated by a 2022 article's "Lula won 50.90%". (A
        # coming year may be: "a theme park ... will open in Texas in 2024", in a 2023 article.)
        asked = self.question
        if p.published and asked:
            asked = _QUESTION_YEAR.sub(lambda m: " " if p.published.year - int(m.group(0)) >= 2 else m.group(0), asked)

        def window_at(best: int) -> tuple[list[int], float, set[float]]:
            """The quote around sentence ``best``: it, plus the one neighbour that brings most of what the claim says.

            One neighbour at most: a claim that needs three sentences to find its words is
            stitched together, not stated.
            """
            have_w, have_n = facts[best]

            def brings(j: int) -> int:
                return len((cw - have_w) & facts[j][0]) + 2 * len((cn - have_n) & facts[j][1])

            def listed(a: int, b: int) -> bool:
                """Two items of a list (short lines apart): "142 km/h: peak gust, Carrick Head" and "96 mm: highest
                24-hour rainfall, Glenmoor" are two facts, and a claim stitched from both is stated by neither."""
                (s1, e1), (s2, e2) = sorted((spans[a], spans[b]))
                lines = [p.text[x:y] for x, y in ((s1, e1), (s2, e2))]
                # Items of the "label: value" kind; not short paragraphs ("She was first elected in 1992." and the
                # next, which names her), nor a line that introduces its list ("... goals for the year:").
                labelled = [":" in " ".join(t.split()[:4]) and not t.rstrip().endswith(":") for t in lines]
                return "\n" in p.text[e1:s2] and all(labelled) and all(len(t.split()) <= 12 for t in lines)

            def heading(j: int) -> bool:
                """A short line with no end mark on a line of its own: a section's heading ("Southwest cancels more
                flights" after a paragraph on road deaths), about what follows it, never joined to what comes before."""
                s, e = spans[j]
                line = p.text[s:e].strip()
                return "\n" in p.text[spans[j - 1][1] : s] and not re.search(r"[.!?\"”')]$", line) and len(line.split()) <= 8

            window = [best]
            near = [
                j for j in (best - 1, best + 1)
                if 0 <= j < len(spans) and brings(j) and not listed(best, j) and not heading(max(j, best))
            ]  # fmt: skip
            if near:
                j = max(near, key=brings)
                window.append(j)
                have_w, have_n = have_w | facts[j][0], have_n | facts[j][1]
            window.sort()
            quote = p.text[spans[window[0]][0] : spans[window[-1]][1]]
            # Numbers must be in the quote (or be the article's date), not only in the title or elsewhere in the passage.
            # A figure the answer repeats from its question ("a 24-hour licence") need not be quoted again.
            # ... nor a day the quote names by its weekday ("met on Monday", in a Tuesday's article, is "March 11")
            told = " ".join(f"{d:%B} {d.day}, {d.year}" for d in days_stated(quote, p.published)[1] if re.search(rf"\b{d:%b}", claim, re.I)) if p.published else ""
            missing = unsupported_numbers(claim, f"{quote} {day} {told} {asked}")
            return window, (len(cw & (have_w | title)) / len(cw) if cw else 0.0), missing, have_w | title

        # A few best-fitting sentences compete: one that supports the claim if any does, else the one whose quote
        # holds every figure, then the most words (its reason is the one shown).
        new = cw - self.question_words

        def supported_by(window: list[int], lexical: float, missing: set[float], held: set[str]) -> _Support:
            s, e = spans[window[0]][0], spans[window[-1]][1]
            quote = p.text[s:e]
            relation = conflict(claim, quote) or (bare_doer(claim, quote, self._apart) if self.embed is not None else "")
            main = max(window, key=lambda j: len(cw & facts[j][0]))  # the sentence that holds most of the claim
            sentence = p.text[spans[main][0] : spans[main][1]]
            if relation.startswith("negation") and len(window) == 2:
                # A "not" of the neighbour added for context is not the claim's sentence's: "... beating the previous
                # April high of 36.1°C recorded in 2011" against its next sentence's "temperature not falling below".
                other = window[0] if main == window[1] else window[1]
                brought = (cw - facts[main][0]) & facts[other][0], (cn - facts[main][1]) & facts[other][1]
                # ... but "he would not travel to Brussels" brings the claim's place: a name, a date or a figure counts
                said = {w for _, _, n in names(claim) for w in words(n)} | words(" ".join(CALENDAR))
                if len(brought[0]) <= 1 and not brought[1] and not brought[0] & said and not conflict(claim, sentence):
                    relation = ""  # "No injuries were reported" after "19 small wildfires" brings the claim's predicate
                elif (cw & facts[other][0]) <= said and not brought[1] and not conflict(claim, sentence):
                    relation = ""  # "It turns out that not everyone is watching Netflix." before "The streamer lost 970,000
                    # subscribers": the neighbour shares only a name with the claim, its "not" is of something else
            # A name the answer repeats from its question must be in the quote or its headline too: "Apple plans to
            # spend $80 billion" is not stated by "Microsoft aims to spend around $80 billion".
            if not relation and (absent := missing_names(claim, f"{quote} {p.title}", named=self.question)):
                relation = f"names: {', '.join(absent)} not in the quoted sentence"
            # So must the claim's subject when it opens the sentence, in the passage at least (a list's item may quote
            # its introduction's subject): "Nvidia plans to spend about $80 billion" is not stated by "Microsoft expects
            # to spend roughly $80 billion".
            if not relation and (lead := lead_name(claim)) and not _mentions(f"{p.text} {p.title}", lead):
                relation = f"names: {lead} not in the quoted sentence"
            relation = relation or unstated_move(claim, quote, p.title) or unstated_win(claim, quote, p.title) or unstated_loss(claim, quote, p.title)
            relation = relation or unstated_act(claim, quote, p.title, self.question) or framed_win(claim, quote, self.question)
            relation = relation or framed_deed(claim, quote, self.question) or planned_event(claim, quote)
            relation = relation or pending_finding(claim, quote) or universal(claim, quote)
            relation = relation or unstated_cause(claim, quote)
            relation = relation or bounded_superlative(claim, quote) or unstated_record(claim, quote, p.title)
            relation = relation or unstated_placing(claim, quote, p.title) or uncertain_future(claim, quote)
            relation = relation or other_place_name(claim, quote, p.title)
            relation = relation or weaker_deed(claim, quote) or denied(claim, quote) or points_for_percent(claim, quote)
            relation = relation or death_cause(claim, quote, p.title) or deal_figure(claim, quote)
            relation = relation or headline_comparison(claim, quote, p.title) or headline_denies(claim, quote, p.title)
            relation = relation or moved_to(claim, p.title).replace("the quote", "the headline")
            # ... and a game's result with the claim's score: "China beat England 6-1" on "... in a 6-1 rout", under
            # "England routs China 6-1" (a third user pass)
            relation = relation or result(claim, p.title).replace("the quote", "the headline")
            relation = relation or unstated_part(claim, quote, p.title, self.question)
            relation = relation or unquoted_part(claim, quote, p.title, self.question) or tallied_win(claim, quote)
            if not relation and (len(words(sentence)) < 3 or _furniture(sentence)):
                # a byline or a credit ("The Associated Press"), a link to another story ("MORE: ..."), a line of a
                # list of nominees ('"Avatar: The Way of Water"') states nothing
                relation = f"unstated: the quoted sentence '{sentence.strip()[:40]}' is a fragment, not a statement"
            # A yes-or-no question states nothing: "Could the Fever get Aliyah Boston?" is no support for "The Fever
            # drafted her", whatever its neighbour says ("Why did Intel cut 15,000 jobs?" takes the cut as said).
            asked = _ASKS.search(sentence) and _YES_NO.match(sentence.lstrip("\"'“‘ "))
            if not relation and asked and not re.search(r"\bask", claim, re.I):
                relation = "unstated: the quoted sentence asks a question, it does not state the claim"
            # The neighbour that brings the claim's name does not make it the doer: "Sweden formally joined NATO" is not
            # stated by "Finland formally joined NATO yesterday. Finland and Sweden began seeking membership ...".
            if not relation and len(window) == 2:
                relation = subject(claim, sentence, before_only=True)
            relation = relation or out_of_period(claim, p.published, self.today)
            relation = relation or after_the_article(claim, p.published, quote)
            relation = relation or this_week_for_last(claim, quote, p.published, self.today)
            relation = relation or other_year(claim, quote, p.published, p.title, self.question)
            relation = relation or weekday_for_year(claim, quote, p.published)
            # ... but not where the quote gives another figure in the same words: "Meta announced 10,000 job cuts" (the
            # question's figure) is not stated by "Meta: 11,000".
            if not relation and self.question and unsupported_numbers(claim, f"{quote} {day}"):
                relation = replaced_figure(claim, quote, tolerant=True)
            semantic = float(max(sims[j] for j in window)) if len(sims) else 0.0
            new_words = len(new & held) / len(new) if new and self.question_words else None
            return _Support(lexical, semantic, missing, (s, e), relation, new_words)

        tried = [window_at(int(b)) for b in np.argsort(-fit, kind="stable")[:3]]
        tried.sort(key=lambda t: (len(t[2]), -t[1]))
        supports = [supported_by(*t) for t in tried]
        return next((sup for sup in supports if sup.ok), supports[0])

    def _apart(self, a: str, b: str) -> bool:
        """Whether two words are far apart in meaning (cosine under :data:`BARE_DOER_APART`; the embedder's rows are unit
        vectors, as ``sims`` in :meth:`support` takes them)."""
        va, vb = self.embed([a, b])
        return float(va @ vb) < BARE_DOER_APART

    def citation(self, number: int, sup: _Support, *, repaired: bool = False) -> Citation:
        p = self.passages[number - 1]
        s, e = sup.quote
        return Citation(
            number=number,
            chunk_id=p.chunk_id,
            doc_id=p.doc_id,
            title=p.title,
            url=p.url,
            published=p.published,
            quote=p.text[s:e],
            start=p.start + s,
            end=p.start + e,
            verified=sup.ok,
            repaired=repaired,
            lexical=round(sup.lexical, 3),
            semantic=round(sup.semantic, 3),
            reason="" if sup.ok else sup.reason(),
        )

    def _about_question(self, n: int, sup: _Support) -> bool:
        """Passage ``n``'s quote is about the question: it holds at least half of the question's words. A short
        answer ("Doc Films") says nothing by itself, so it is moved only to a sentence that answers the question
        ("the nation's longest continuously running student film society Doc Films"), never to any that names it
        (a footballer's tribute to Pele for "Which former England footballer inspired a new play?")."""
        quote = words(self.passages[n - 1].text[sup.quote[0] : sup.quote[1]])
        return not self.question_words or len(quote & self.question_words) >= len(self.question_words) / 2

    def _affirmed(self, text: str) -> str:
        """The statement a bare "True." or "Yes." affirms, for a "True or false: ..." question; else ``text``.

        >>> Checker([], question="True or false: Biden is the oldest president.")._affirmed("True.")
        'Biden is the oldest president.'
        >>> Checker([], question="Phil saw his shadow this year. True or False?")._affirmed("True.")
        'Phil saw his shadow this year.'
        """
        m = _TRUE_OR_FALSE.match(self.question) or _TRUE_OR_FALSE_AFTER.match(self.question)
        if m and words(text) <= {"true", "yes", "correct"} and words(text):
            return m.group(1).strip()
        return text

    def check(self, answer: str) -> CheckedText:
        answer = visible(answer)  # a zero-width space inside "$50 billion" must not split the figure from its unit
        answer = joined_figures(answer, self.passages)
        sentences = [answer[s:e] for s, e in sentence_spans(answer)]
        parsed = [parse_markers(s) for s in sentences]
        parsed = [(t, n) for t, n in parsed if t]
        vecs = self.embed([t for t, _ in parsed]) if self.embed is not None and parsed else [None] * len(parsed)
        claims = []
        for (text, cited), vec in zip(parsed, vecs, strict=True):
            claims.append(self._check_claim(text, cited, vec))
        return CheckedText(render(claims), tuple(claims))

    def _check_claim(self, text: str, cited: list[int], vec) -> Claim:
        valid = [n for n in cited if 1 <= n <= len(self.passages)]  # drop passages never shown
        shown, said = text, self._affirmed(text)
        if said != text:  # "True." to "True or false: X?" states X: X is what must be quoted
            text, vec = said, (self.embed([said])[0] if self.embed is not None else None)
        supports = {n: self.support(text, n - 1, vec) for n in valid}
        good = [self.citation(n, s) for n, s in supports.items() if s.ok]
        short = len(words(text)) < 3  # "Yes.", "Doc Films.": only the question says what it claims
        if good and self.repair and not short:
            # A small model often cites a passage that merely mentions the claim's words ("Democrats urge a national
            # emergency for the virus", 2020) when another it was shown states it ("the Senate passed ... ending the
            # national emergency declaration", this week): the claim is re-pointed to one that is clearly stronger.
            # Never to an older story, nor to one that lacks a name the cited one has ("the company" of the question's
            # Alibaba is not Tencent's).
            first = max((n for n, s in supports.items() if s.ok), key=lambda n: supports[n].score)
            held, was = supports[first].score, self.passages[first - 1]
            wanted = {n.lower() for _, _, n in names(f"{self.question} {text}")}

            def named(p: Passage) -> set[str]:
                return {n for n in wanted if n in f"{p.title} {p.text}".lower()}

            def fits(p: Passage) -> bool:
                newer = not (p.published and was.published) or p.published >= was.published - timedelta(days=REPOINT_DAYS)
                return newer and named(was) <= named(p)

            rest = {n: self.support(text, n - 1, vec) for n in range(1, len(self.passages) + 1) if n not in supports}
            if stronger := [n for n, s in rest.items() if s.ok and s.score >= held + STRONGER and fits(self.passages[n - 1])]:
                best = max(stronger, key=lambda n: rest[n].score)
                return Claim(shown, (self.citation(best, rest[best], repaired=True),))
        if good:
            return Claim(shown, tuple(good))
        if not self.repair or (short and not (names(text) or numbers_in(text))):
            # "Yes." and friends carry no checkable claim; "Doc Films [2]." does: the name must be in the passage
            return Claim(shown, tuple(self.citation(n, s) for n, s in supports.items()))
        # A game's result the cited passage gives the other way is the answer's error, not a mis-numbered citation: "The
        # Suns beat the Bucks 116-104" on "... a 116-104 victory over the Phoenix Suns" is not re-pointed to a passage
        # that states only the question's words ("Phoenix struggled to slow down Antetokounmpo").
        if any(s.relation.startswith("result:") for s in supports.values()):
            return Claim(shown, tuple(self.citation(n, s) for n, s in supports.items()))
        # Missing or failing citations: align to the best-supporting passage if it is strong.
        every = {n: supports.get(n) or self.support(text, n - 1, vec) for n in range(1, len(self.passages) + 1)}
        ok = [n for n in every if every[n].ok and (not short or self._about_question(n, every[n]))]
        if ok:
            best = max(ok, key=lambda n: every[n].score)
            return Claim(shown, (self.citation(best, every[best], repaired=True),))
        return Claim(shown, tuple(self.citation(n, s) for n, s in supports.items()))


_QUESTION_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ASKS_YEAR = re.compile(r"\b(?:what|which)\s+year\b", re.I)  # "In what year ...?"
# A second predicate joined to the first: "Brooks was found guilty ... and was belligerent and disruptive at trial".
_CONJUNCT = re.compile(
    r",?\s+(?:and|but|while)\s+(?:then\s+|also\s+|later\s+)?"
    r"(?=(?:was|were|is|are|has|have|had|will|would|could|can|did|said|says|[a-z]\w*ed)\b)"
    r"|,\s+(?=(?!according\b)[a-z]+ing\b)"  # "Musk has taken control of Twitter, firing its top executives"
)


def unstated_part(claim: str, quote: str, title: str = "", question: str = "") -> str:
    """A claim of two predicates whose second the quote says nothing of: a summary's "Brooks was found guilty of
    intentionally driving through the crowd and was belligerent and disruptive at trial" passed on the lead
    paragraph, which holds most of the first half's words. Each predicate after the first must share a content
    word with the quote (or its headline), unless it has fewer than two words of its own (not the question's).

    >>> lead = "A jury found Brooks, 40, guilty of driving into the crowd on all 76 counts."
    >>> unstated_part("Brooks was found guilty of driving into the crowd and was belligerent and disruptive at trial.", lead)
    'unstated: the quote says nothing of "was belligerent and disruptive at trial"'
    >>> unstated_part("Brooks was found guilty and sentenced to life.", lead + " He was sentenced to life.")
    ''
    >>> unstated_part("Brooks was found guilty and was jailed.", lead)  # one word of its own: too little to judge
    ''
    >>> unstated_part("Musk has taken control of Twitter, firing its top executives.", "Musk has taken control of Twitter.")
    'unstated: the quote says nothing of "firing its top executives"'
    """
    parts = _CONJUNCT.split(claim)
    if len(parts) < 2:
        return ""
    have, asked = stems(f"{quote} {title}"), stems(question)
    for part in parts[1:]:
        own = stems(part) - asked
        if len(own) >= 2 and not own & have:
            return f'unstated: the quote says nothing of "{part.strip().rstrip(".!?")}"'
    return ""


UNVERIFIED = "(unverified) "  # before a sentence shown although it did not verify (a summary's), never as plain fact


def render(claims: Sequence[Claim], *, mark: bool = False) -> str:
    """Claims back to text with normalised markers: ``"Sentence [1][2]."``; with ``mark``, a sentence that did not
    verify starts with :data:`UNVERIFIED`.

    >>> from rag.models import Citation
    >>> render([Claim("It can meet, vote, etc..", (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))])
    'It can meet, vote, etc [1].'
    """
    parts = []
    for c in claims:
        marks = "".join(f"[{n}]" for n in dict.fromkeys(x.number for x in c.citations))
        text = c.text if c.verified or not mark else UNVERIFIED + c.text
        text = re.sub(r"(?<!\.)\.\.$", ".", text)  # "meeting, voting, etc. [1]." read as "etc..", not an ellipsis
        if marks:
            m = re.search(r"[.!?]+[\"'”’)]*$", text)
            text = text[: m.start()] + " " + marks + text[m.start() :] if m else text + " " + marks
        parts.append(text)
    return " ".join(parts)
