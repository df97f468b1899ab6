"""Check a statement against the articles: ``rag verify``, ``rag.verify``, ``/verify`` in chat.

The same machinery as an answer's citations (:class:`rag.citations.Checker`),
turned around: the claim is searched, each retrieved passage is checked as if
the claim had cited it, and the verdict is

- ``supported``: a passage's sentence says it (words, figures and names in the
  quoted sentence, no conflicting relation);
- ``contradicted``: a sentence about the same thing says otherwise: the same
  words with another relation (placing, role, direction, negation, order), or
  the same statement with another figure;
- ``not_found``: no article says it either way.

The rules take a few milliseconds and every verdict carries its quotes (with
offsets) and a reason. What they cannot tell is a claim that keeps a sentence's
names, figures and most of its words and changes what happened ("Hiwot Bekele
was disqualified from the women's race" on "Hiwot Bekele won the women's race").
So a claim the rules find stated is also put to the model as one closed question
(``prompts/entail.md``: does the quote state the claim? P(yes) from its logits),
and below ``min_entailment`` the next quote the rules found is asked; when none
passes the verdict is not_found, with the model's probability in the reason.
``verify_entailment=false`` keeps the rules alone (no model).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date

from .chunking import sentence_spans
from .citations import LEXICAL_STRONG, LEXICAL_WEAK, Checker, figure, words
from .errors import RagError, check_text, visible
from .models import Citation, Passage, Verdict
from .numeric import numbers_in
from .relations import about_same, lead_name, names, names_other, replaced_figure, swapped_name

# Share of the claim's words a quote must hold before a weak sign (a qualifier, a negation, a date)
# counts as a contradiction rather than a sentence about something else.
SAME_STATEMENT = LEXICAL_STRONG


def claims_of(text: str) -> list[str]:
    r"""The sentences of ``text`` to check, one verdict each; bad input gets one clear line.

    >>> claims_of("Alibaba will invest $50 billion. Shares rose 14%.")
    ['Alibaba will invest $50 billion.', 'Shares rose 14%.']
    >>> claims_of("Alibaba invests\n\nAlibaba will invest $50 billion.")
    ['Alibaba invests', 'Alibaba will invest $50 billion.']
    >>> claims_of("# Round-up\n\nAlibaba reports in May. Amazon spent $26.3 billion.")
    ['Alibaba reports in May.', 'Amazon spent $26.3 billion.']
    >>> claims_of("Notes\n\nTODO")
    Traceback (most recent call last):
    ...
    rag.errors.RagError: nothing to verify: give a statement, e.g. rag verify "Alibaba will invest $50 billion in AI"
    >>> claims_of("How much is Alibaba investing?")
    Traceback (most recent call last):
    ...
    rag.errors.RagError: "How much is Alibaba investing?" is a question; rag verify checks statements (ask questions with rag ask)
    """
    sentences = _sentences(text)
    if len(words(" ".join(sentences))) < 2:
        raise RagError('nothing to verify: give a statement, e.g. rag verify "Alibaba will invest $50 billion in AI"')
    questions = [s for s in sentences if _asks(s)]
    if questions and len(questions) == len(sentences):
        raise RagError(f'"{questions[0]}" is a question; rag verify checks statements (ask questions with rag ask)')
    claims = [s for s in sentences if _checked(s)]
    if not claims:  # only headings of one word, or a question and a fragment: nothing a verdict could be about
        raise RagError('nothing to verify: give a statement, e.g. rag verify "Alibaba will invest $50 billion in AI"')
    return claims


def skipped(text: str) -> list[str]:
    """The sentences of ``text`` that :func:`claims_of` does not check: questions, and fragments of one word.

    >>> skipped("Alibaba will invest $50 billion. How much is it? Wow.")
    ['How much is it?', 'Wow.']
    """
    return [s for s in _sentences(text) if not _checked(s)]


# sentencex reads a month's full name before a full stop as an abbreviation ("results in May. Amazon spent"): a claim
# ends there. (Chunks keep sentencex's cut: their offsets and the evaluation indexes' cache key stay as they are.)
_MONTH_END = re.compile(r"\b((?:January|February|March|April|May|June|July|August|September|October|November|December)\.)\s+(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    """The sentences of ``text``, paragraph by paragraph (a heading is not the next sentence's start)."""
    check_text(text, "the text to verify")
    # A Markdown heading ("# AI spending round-up") is a title, not a statement.
    lines = [line for line in visible(text).split("\n") if not re.match(r"\s{0,3}#{1,6}\s", line)]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", "\n".join(lines))]
    return [part for p in paragraphs for s, e in sentence_spans(p) for part in _MONTH_END.sub("\\1\0", p[s:e]).split("\0")]


def _asks(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


def _checked(sentence: str) -> bool:
    """A statement a verdict can be about: not a question, and more than one word."""
    return not _asks(sentence) and len(words(sentence)) >= 2


def rescaled(missing: set[float], quote: str) -> str:
    """A figure of the claim that the quote gives a thousand, million or billion times larger or smaller: the same
    digits, another scale ("$50 million" against "$50 billion"); "" when none.

    >>> rescaled({5e7}, "Alibaba will invest $50 billion in AI.")
    'the quote gives 50 billion where the claim gives 50 million'
    >>> rescaled({5e7}, "Alibaba will invest $60 billion in AI."), rescaled({2000.0}, "He won in 2:05:31.")
    ('', '')
    """
    have = numbers_in(quote)
    for x in sorted(missing):
        for y in sorted(have):
            # both in millions or more: "2,000 volunteers" is not "2:05:31" a thousand times smaller
            if min(x, y) >= 1e6 and any(math.isclose(y, x * 10**k) for k in (3, 6, 9, -3, -6, -9)):
                return f"the quote gives {figure(y)} where the claim gives {figure(x)}"
    return ""


# Relations about who: the quote gives the role, placing or deed to someone else by design ("the quote gives chief
# executive to Eddie Wu"), so the claim's other names must be in the quote or its headline; for any other
# disagreement, one of the claim's names must be.
WHO = ("role:", "placing:", "order:", "agent:", "subject:")

# Quotes the model is asked about before a claim the rules found stated is called not found.
ENTAILMENT_TRIES = 2


def _elsewhere(claim: str, quote: str, lead: str, relation: str) -> bool:
    """Whether a quote that never names the claim's subject ``lead`` still speaks of what the claim says: the same
    deed given to another (a name other than the subject, or a figure, in both), a placing or role given to someone
    else, or a claim whose figure belongs to another name it gives before it."""
    if relation.startswith("subject:"):
        mine = {n.lower() for _, _, n in names(claim)} - {lead.lower()}
        shared = {n for n in mine & {n.lower() for _, _, n in names(quote)} if len(n) > 3 or any(c.isdigit() for c in n)}
        figures = {x for x in numbers_in(claim) & numbers_in(quote) if not (1800 <= x <= 2100 and x == int(x))}  # not a year
        return bool(shared or figures)
    if relation.startswith(WHO):
        return True
    figure_at = next((m.start() for m in re.finditer(r"\d", claim)), len(claim))
    return any(n != lead for _, _, n in names(claim[:figure_at]))


_WHO_WON = frozenset("result placing order".split())  # reasons that give a result, a placing or a deal's side to another


def judge(
    claim: str,
    passages: Sequence[Passage],
    embed=None,
    entails: Callable[[str, Citation], float] | None = None,
    min_entailment: float = 0.0,
    today: date | None = None,
) -> Verdict:
    """The verdict on one sentence, from the passages retrieved for it; ``entails(claim, citation)`` is the
    model's P(yes) that the quote states the claim (:func:`rag.judge.entailment`), asked when the rules pass.
    ``today`` is what "this week" or "yesterday" in the claim count from: an older article does not state it."""
    if not passages:
        return Verdict(claim, "not_found", "no passage matched the claim")
    checker = Checker(passages, embed, repair=False, today=today)
    vec = embed([claim])[0] if embed is not None else None
    supports = [checker.support(claim, i, vec) for i in range(len(passages))]
    cites = [checker.citation(i + 1, s) for i, s in enumerate(supports)]
    good = sorted((i for i, s in enumerate(supports) if s.ok), key=lambda i: -supports[i].score)
    against = []
    lead = lead_name(claim)
    lead_only = f"{lead}'s"  # a possessive first word is a name to about_same
    for i, s in enumerate(supports):
        quote = passages[i].text[s.quote[0] : s.quote[1]]
        # Another company's "Shares fell" is no evidence against "Meta's shares rose", nor Alibaba's chief executive
        # against "Brad Smith is Microsoft's chief executive" (the names a role's reason gives do not count).
        besides = s.relation if s.relation.startswith(WHO) else ""
        if not s.relation.startswith("names:") and not about_same(claim, f"{quote} {passages[i].title}", besides):
            continue
        # Nor is a quote that never names the claim's subject but names another ("Oracle plans to spend $40
        # billion" against "Microsoft's stated target of about $80 billion", under a headline naming Oracle), unless
        # it gives the same deed to another ("Tencent unveiled Ernie 4.5" against "Baidu ... unveiled Ernie 4.5"), a
        # placing or a role to someone else, or the claim's figure is another's it names ("Alibaba said ...
        # DeepSeek-R1, which has 236 billion parameters"). "The chipmaker expects $43 billion" under a headline
        # naming Nvidia still speaks of Nvidia.
        if lead and not about_same(lead_only, quote) and names_other(quote, lead) and not _elsewhere(claim, quote, lead, s.relation):
            continue
        # An article older than the claim's "last week" tells of another week: neither for nor against the claim
        # (not_found says why). Its figures are another week's too: "380 billion yuan" is not contradicted by "$50 billion".
        if s.relation.startswith("dated:"):
            continue
        relation = s.relation
        weak = relation.split(":")[0] in ("qualifier", "negation", "date", "ordinal")  # weaker signs: the same statement needed
        if relation and not relation.startswith(("names:", "unstated:")) and s.lexical >= (SAME_STATEMENT if weak else LEXICAL_WEAK):
            against.append((s.lexical, i, relation))
        elif relation.startswith("names:") and (why := swapped_name(claim, quote, title=passages[i].title)):
            against.append((s.lexical, i, why))
        elif s.missing_numbers and not relation and s.lexical >= LEXICAL_WEAK and (
            why := replaced_figure(claim, quote) or rescaled(s.missing_numbers, quote)
        ):
            against.append((s.lexical, i, why))
    who = [a for a in against if a[2].split(":")[0] in _WHO_WON]
    if good and who and max(who)[0] >= LEXICAL_STRONG:
        # One passage seems to state it and another that holds most of its words gives the result, placing or a
        # deal's side to someone else ("Lewis Hamilton won the Mexican Grand Prix": a sentence on Verstappen's
        # record that Hamilton had set, and "Hamilton finished in second place"): the claim is disputed, and a
        # fact-checker must see that. (Not for figures: a storm's gust of 142 km/h and an earlier report's 110 are
        # reports, not a dispute; nor for roles, which the rules misread too often.)
        _, i, why = max(who)
        return Verdict(claim, "contradicted", f"{why} (though another passage seems to state it)", (cites[i], cites[good[0]]))
    if good and entails is not None:
        asked: list[tuple[float, int]] = []
        for i in good:  # the rules' best quotes, each asked once, until the model agrees
            if any(cites[i].quote == cites[j].quote for _, j in asked):
                continue
            asked.append((entails(claim, cites[i]), i))
            if asked[-1][0] >= min_entailment or len(asked) == ENTAILMENT_TRIES:
                break
        p, i = max(asked)
        if p < min_entailment:
            why = f"the rules found it stated, but the model judged that the quote does not say it (P(yes) {p:.2f})"
            return Verdict(claim, "not_found", why, (cites[i],), p)
        same = [j for j in good if cites[j].quote == cites[i].quote]
        said = f"agrees (P(yes) {p:.2f})" if p >= 0.5 else f"did not rule it out (P(yes) {p:.2f}, at least {min_entailment:.2f} needed)"
        return Verdict(claim, "supported", f"stated in {len(same)} passage(s); the model {said}",
                       tuple(cites[j] for j in same[:3]), p)  # fmt: skip
    if good:
        return Verdict(claim, "supported", f"stated in {len(good)} passage(s)", tuple(cites[i] for i in good[:3]))
    if against:
        _, i, why = max(against)
        return Verdict(claim, "contradicted", why, (cites[i],))
    best = max(range(len(supports)), key=lambda i: supports[i].score)
    why = supports[best].reason()
    if why.startswith("dated:") and today is not None:
        why += f" (periods count back from {today.isoformat()}; --today or today= checks as of another day)"
    return Verdict(claim, "not_found", f"no passage states it; closest: {why}", (cites[best],))


def summary_line(verdicts: Sequence[Verdict]) -> str:
    """``2 supported, 1 contradicted, 0 not found``."""
    n = {label: sum(v.label == label for v in verdicts) for label in ("supported", "contradicted", "not_found")}
    return f"{n['supported']} supported, {n['contradicted']} contradicted, {n['not_found']} not found"


def render(verdicts: Sequence[Verdict]) -> str:
    """Plain text: each sentence, its verdict and reason, and the quotes behind it."""
    lines = []
    for v in verdicts:
        lines.append(f"{v.label.upper().replace('_', ' ')}: {v.claim}")
        lines.append(f"    why: {v.reason}")
        for c in v.citations:
            lines.append(f"    {c.title} ({c.published or 'undated'}) {c.doc_id} chars {c.start}-{c.end}")
            lines.append(f'      "{c.quote}"')
    if len(verdicts) > 1:
        lines.append(summary_line(verdicts))
    return "\n".join(lines)
