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

No model is asked, so a verdict takes a search and a few milliseconds of
checking, and every verdict carries its quotes (with offsets) and a reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from .chunking import sentence_spans
from .citations import LEXICAL_STRONG, LEXICAL_WEAK, Checker, words
from .errors import RagError
from .models import Passage, Verdict
from .relations import replaced_figure, swapped_name

# Share of the claim's words a quote must hold before a weak sign (a qualifier, a negation, a date)
# counts as a contradiction rather than a sentence about something else.
SAME_STATEMENT = LEXICAL_STRONG


def claims_of(text: str) -> list[str]:
    """The sentences of ``text`` to check, one verdict each; bad input gets one clear line.

    >>> claims_of("Alibaba will invest $50 billion. Shares rose 14%.")
    ['Alibaba will invest $50 billion.', 'Shares rose 14%.']
    >>> claims_of("How much is Alibaba investing?")
    Traceback (most recent call last):
    ...
    rag.errors.RagError: "How much is Alibaba investing?" is a question; rag verify checks statements (ask questions with rag ask)
    """
    text = " ".join(text.split())
    if len(words(text)) < 2:
        raise RagError('nothing to verify: give a statement, e.g. rag verify "Alibaba will invest $50 billion in AI"')
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    questions = [s for s in sentences if s.rstrip().endswith("?")]
    if questions and len(questions) == len(sentences):
        raise RagError(f'"{questions[0]}" is a question; rag verify checks statements (ask questions with rag ask)')
    return [s for s in sentences if not s.rstrip().endswith("?") and len(words(s)) >= 2]


def judge(claim: str, passages: Sequence[Passage], embed=None) -> Verdict:
    """The verdict on one sentence, from the passages retrieved for it."""
    if not passages:
        return Verdict(claim, "not_found", "no passage matched the claim")
    checker = Checker(passages, embed, repair=False)
    vec = embed([claim])[0] if embed is not None else None
    supports = [checker.support(claim, i, vec) for i in range(len(passages))]
    cites = [checker.citation(i + 1, s) for i, s in enumerate(supports)]
    good = sorted((i for i, s in enumerate(supports) if s.ok), key=lambda i: -supports[i].score)
    if good:
        return Verdict(claim, "supported", f"stated in {len(good)} passage(s)", tuple(cites[i] for i in good[:3]))
    against = []
    for i, s in enumerate(supports):
        quote = passages[i].text[s.quote[0] : s.quote[1]]
        weak = s.relation.split(":")[0] in ("qualifier", "negation", "date")  # weaker signs: the same statement needed
        if s.relation and not s.relation.startswith("names:") and s.lexical >= (SAME_STATEMENT if weak else LEXICAL_WEAK):
            against.append((s.lexical, i, s.relation))
        elif s.relation.startswith("names:") and (why := swapped_name(claim, quote)):
            against.append((s.lexical, i, why))
        elif s.missing_numbers and not s.relation and s.lexical >= LEXICAL_WEAK and (why := replaced_figure(claim, quote)):
            against.append((s.lexical, i, why))
    if against:
        _, i, why = max(against)
        return Verdict(claim, "contradicted", why, (cites[i],))
    best = max(range(len(supports)), key=lambda i: supports[i].score)
    return Verdict(claim, "not_found", f"no passage states it; closest: {supports[best].reason()}", (cites[best],))


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
