"""Plain-text views of answers and passages, shared by the CLI and the REPL."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Answer, Passage, Summary, When
from .policy import dropped_reason, signals_text


def render_answer(answer: Answer) -> str:
    """The checked answer, then numbered sources with quotes (plain text); sentences the policy left out last."""
    lines = [answer.text, ""]
    if answer.refused:
        lines += _dropped_lines(answer)
        if not answer.passages:
            if not answer.when.bounded:  # with a window, the reply already says no article is in it
                lines.append("No passages matched at all; is anything ingested? (rag stats, rag ingest PATH)")
        else:
            lines += closest_lines(answer.passages)
        return "\n".join(lines).rstrip()
    lines.append("Sources:")
    for c in answer.citations:
        mark = "verified" if c.verified else f"UNVERIFIED: {c.reason}"
        lines.append(f"[{c.number}] {c.title} ({c.published or 'undated'}) {c.doc_id} chars {c.start}-{c.end} [{mark}]")
        lines.append(f"    \"{c.quote}\"")
        if 0 < c.number <= len(answer.passages) and answer.passages[c.number - 1].also_in:
            lines.append(f"    {also_line(answer.passages[c.number - 1])}")
    lines += _dropped_lines(answer)
    return "\n".join(lines).rstrip()


def closest_lines(passages: Iterable[Passage]) -> list[str]:
    """A declined answer's or summary's closest sources: each article once, at its best passage."""
    firsts: dict[str, Passage] = {}
    for p in passages:
        firsts.setdefault(p.doc_id, p)
    lines = ["Closest sources:"]
    for p in firsts.values():
        lines.append(f"  - {source_line(p)}")
        if p.also_in:
            lines.append(f"    {also_line(p)}")
    return lines


def _dropped_lines(answer: Answer | Summary) -> list[str]:
    """What the model wrote that did not verify, each with its reason: shown as left out, never as fact. Sentences
    that verified but were declined with the whole answer (weak support, an unsure pick) are said to be so.

    >>> from rag.models import Citation, Claim
    >>> held = Claim("Alibaba will invest $50 billion.", (Citation(1, "c", "d", "T", "", None, "q", 0, 1, True),))
    >>> _dropped_lines(Answer("q", "t", [], [], [], True, dropped=[held, Claim("Mars base.", ())], reason="weak support (0.30, needs 0.42): the quote lacks Texas"))
    ['Left out, not verified (1):', '  - "Mars base." (cites no passage that supports it)', 'Held back, verified but declined: weak support (0.30, needs 0.42): the quote lacks Texas', '  - "Alibaba will invest $50 billion."', '']
    """
    if not answer.dropped:
        return []
    lines = []
    unverified = [c for c in answer.dropped if not c.verified]
    held = [c for c in answer.dropped if c.verified]
    if unverified:
        lines += [f"Left out, not verified ({len(unverified)}):"]
        lines += [f"  - \"{c.text}\" ({dropped_reason(c)})" for c in unverified]
    if held:
        lines += [f"Held back, verified but declined: {answer.reason}"]
        lines += [f"  - \"{c.text}\"" for c in held]
    return lines + [""]


def policy_lines(answer: Answer) -> list[str]:
    """The answer policy's reading of an answer, for ``/why``: its signals, its decision, each left-out sentence.

    >>> from rag.models import Answer
    >>> policy_lines(Answer("q", "t", [], [], [], False, signals={"dense": 0.61, "coverage": 0.8, "answerable": 0.7},
    ...                     reason="1 of 1 sentences verified"))
    ['policy:   1 of 1 sentences verified', 'signals:  dense 0.61, coverage 0.80, answerable 0.70']
    """
    lines = [f"policy:   {answer.reason or '-'}"]
    if answer.signals:
        lines.append("signals:  " + signals_text(answer.signals))
    for c in answer.claims:
        lines.append(f"  kept:    \"{c.text}\"")
    for c in answer.dropped:
        lines.append(f"  dropped: \"{c.text}\" ({dropped_reason(c)})")
    return lines


def when_line(when: When) -> str:
    """What the dates of a search were, for ``/why``.

    >>> from datetime import date
    >>> when_line(When(date(2025, 2, 24), date(2025, 3, 2), today=date(2025, 3, 5), phrase="last week", implied=True))
    'published between 2025-02-24 and 2025-03-02 ("last week", resolved against 2025-03-05)'
    >>> when_line(When(until=date(2025, 3, 5), as_of=date(2025, 3, 5), today=date(2025, 3, 5), phrase="latest", recent=True))
    'published on or before 2025-03-05 (as of 2025-03-05); newest first ("latest")'
    """
    parts = []
    if when.bounded:
        why = []
        if when.implied:
            why.append(f'"{when.phrase}", resolved against {when.today}')
        if when.as_of:
            why.append(f"as of {when.as_of}")
        parts.append(f"published {when.describe()}" + (f" ({'; '.join(why)})" if why else ""))
    if when.recent:
        parts.append("newest first" + (f' ("{when.phrase}")' if when.phrase and not when.implied else ""))
    return "; ".join(parts) or "any date"


def source_line(p: Passage) -> str:
    return f"{p.title} ({p.published or 'undated'}{', ' + p.source if p.source else ''})"


def also_line(p: Passage) -> str:
    """The other outlets that ran the same story (``Passage.also_in``).

    >>> from datetime import date
    >>> from rag.models import Copy
    >>> from rag.retrieval import _p
    >>> from dataclasses import replace
    >>> also_line(replace(_p("x"), also_in=(Copy("b", "T", "", "https://www.cnn.com/a", date(2025, 3, 5)),)))
    'also in: www.cnn.com (2025-03-05, https://www.cnn.com/a)'
    """
    copies = [f"{c.outlet} ({', '.join(x for x in (str(c.published or 'undated'), c.url or c.doc_id) if x)})" for c in p.also_in]
    return "also in: " + "; ".join(copies)


def scores_line(p: Passage) -> str:
    """``dense 0.612 (#1) · bm25 7.10 (#3) · fused 0.0325``"""
    parts = []
    for name in ("dense", "bm25"):
        if name in p.scores:
            rank = p.scores.get(f"{name}_rank")
            parts.append(f"{name} {p.scores[name]:.3f}" + (f" (#{int(rank)})" if rank else ""))
    if "dense_rank" in p.scores or "bm25_rank" in p.scores:
        parts.append(f"fused {p.score:.4f}")
    return " · ".join(parts) or f"score {p.score:.3f}"


def highlight(p: Passage, spans: Iterable[tuple[int, int]], mark: tuple[str, str] = (">>>", "<<<")) -> str:
    """The passage with every article span [start, end) wrapped in markers; overlapping spans merge.

    >>> from rag.retrieval import _p
    >>> highlight(_p("abcdef"), [(3, 5), (1, 2)])
    'a>>>b<<<c>>>de<<<f'
    >>> highlight(_p("abcdef"), [(1, 3), (2, 4)])
    'a>>>bcd<<<ef'
    """
    merged: list[list[int]] = []
    for s, e in sorted((max(0, s - p.start), min(len(p.text), e - p.start)) for s, e in spans):
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out += [p.text[pos:s], mark[0], p.text[s:e], mark[1]]
        pos = e
    return "".join(out) + p.text[pos:]


def render_summary(summary: Summary) -> str:
    """The checked summary, its sources with dates, then the quotes behind each citation; a refused one: the refusal,
    the sentences left out and the closest sources, as for an answer."""
    if summary.refused:
        lines = [summary.text, "", *_dropped_lines(summary), *closest_lines(summary.passages)]
        lines.append(f"0 of {len(summary.dropped)} sentences verified against their passages.")
        return "\n".join(lines)
    lines = [summary.text, "", "Sources:"]
    for src in summary.sources:
        lines.append(f"  - {src.title} ({src.published or 'undated'}{', ' + src.source if src.source else ''}) {src.doc_id}")
    lines.append("Citations:")
    for c in sorted(summary.citations, key=lambda c: c.number):
        mark = "verified" if c.verified else f"UNVERIFIED: {c.reason}"
        lines.append(f"[{c.number}] {c.doc_id} chars {c.start}-{c.end} [{mark}] \"{c.quote}\"")
    lines += ["", *_dropped_lines(summary)] if summary.dropped else []
    written = [*summary.claims, *summary.dropped]
    lines.append(f"{sum(cl.verified for cl in written)} of {len(written)} sentences verified against their passages.")
    return "\n".join(lines)
