"""Cited summaries of an article, a topic or a time window, and dated timelines.

Short inputs take one model call. Inputs longer than the token budget are
summarized map-reduce: each window of passages is summarized with citations
(map), then the partial summaries are merged (reduce). Passage numbers are
global across windows, so the checker verifies the final sentences against the
passages they cite, exactly as for answers.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from .answer import format_passage
from .citations import Checker, Citation, Claim, render
from .llm import text_output
from .models import Passage
from .prompts import load

_DATED = re.compile(r"^\s*[-*•]?\s*(\d{4}-\d{2}-\d{2})\s*[-–—:]+\s*(.+?)\s*$")


@dataclass
class Summary:
    focus: str
    text: str
    claims: list[Claim]
    citations: list[Citation]
    passages: list[Passage]  # numbered 1..n, as cited
    sources: list[dict]  # one per article: doc_id, title, published, source
    timeline: bool = False
    raw: str = ""
    calls: int = 0  # model calls: 1 = direct, more = map-reduce
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def verified_share(self) -> float:
        return sum(c.verified for c in self.claims) / len(self.claims) if self.claims else 0.0

    def to_dict(self) -> dict:
        d = asdict(self)
        d["verified_share"] = self.verified_share
        return d


def windows(passages: Sequence[Passage], budget: int, count: Callable[[str], int]) -> list[list[int]]:
    """Split passage numbers (1-based) into consecutive groups of at most ``budget`` tokens.

    >>> from rag.retrieval import _p
    >>> windows([_p("a"), _p("b"), _p("c")], 6, lambda s: 3)
    [[1, 2], [3]]
    """
    out: list[list[int]] = [[]]
    used = 0
    for n, p in enumerate(passages, 1):
        cost = count(format_passage(n, p))
        if out[-1] and used + cost > budget:
            out.append([])
            used = 0
        out[-1].append(n)
        used += cost
    return [w for w in out if w]


def _chain(name: str, llm, max_tokens: int):
    from langchain_core.runnables import RunnableLambda

    prompt = load(name)
    return RunnableLambda(lambda v: prompt.messages(**v)) | llm.bind(max_tokens=max_tokens) | text_output()


def _passages_text(passages: Sequence[Passage], numbers: Sequence[int]) -> str:
    return "\n\n".join(format_passage(n, passages[n - 1]) for n in numbers)


def sources_of(passages: Sequence[Passage]) -> list[dict]:
    seen: dict[str, dict] = {}
    for p in passages:
        seen.setdefault(p.doc_id, {"doc_id": p.doc_id, "title": p.title, "published": p.published, "source": p.source})
    return sorted(seen.values(), key=lambda s: s["published"] or "9999")


def stream_summary(
    passages: Sequence[Passage],
    focus: str,
    *,
    llm,
    embed=None,
    sentences: int = 4,
    budget: int = 1400,
    count: Callable[[str], int],
    timeline: bool = False,
    max_tokens: int = 300,
) -> Iterator[str | Summary]:
    """Yield the final stage's text as it streams, then the checked :class:`Summary`."""
    t0 = time.perf_counter()
    passages = list(passages)
    groups = windows(passages, budget, count)
    calls = 0
    if timeline:
        # Timelines need no reduce call: each window's dated lines are merged and sorted.
        raw = ""
        for i, group in enumerate(groups):
            chain = _chain("timeline", llm, max_tokens)
            variables = {"focus": focus, "passages": _passages_text(passages, group)}
            part = ""
            for token in chain.stream(variables) if i == len(groups) - 1 else [chain.invoke(variables) or ""]:
                part += token
                if i == len(groups) - 1:
                    yield token
            raw += part.strip() + "\n"
            calls += 1
        yield _timeline(passages, focus, raw, embed, calls, t0)
        return

    partials = []
    if len(groups) > 1:  # map
        per = max(2, sentences // 2)
        for group in groups:
            partials.append((_chain("summarize", llm, max_tokens).invoke(
                {"sentences": per, "focus": focus, "passages": _passages_text(passages, group)}
            ) or "").strip())
            calls += 1
        final = _chain("reduce", llm, max_tokens)
        variables = {"sentences": sentences, "focus": focus, "partials": "\n\n".join(f"Part {i}:\n{t}" for i, t in enumerate(partials, 1))}
    else:
        final = _chain("summarize", llm, max_tokens)
        variables = {"sentences": sentences, "focus": focus, "passages": _passages_text(passages, groups[0] if groups else [])}
    raw = ""
    for token in final.stream(variables):
        raw += token
        yield token
    calls += 1
    checked = Checker(passages, embed).check(raw)
    yield Summary(focus, checked.text, checked.claims, checked.citations, passages, sources_of(passages), False, raw, calls,
                  {"total_s": round(time.perf_counter() - t0, 3)})


def _timeline(passages, focus, raw, embed, calls, t0) -> Summary:
    checker = Checker(passages, embed)
    events: list[tuple[str, Claim]] = []
    for line in raw.splitlines():
        m = _DATED.match(line)
        if not m:
            continue
        for claim in checker.check(m.group(2)).claims:
            events.append((m.group(1), claim))
    events.sort(key=lambda e: e[0])  # chronological, whatever order the model wrote
    lines = [f"{day} - {render([claim])}" for day, claim in events]
    claims = [c for _, c in events]
    citations = list({(c.number, c.start): c for cl in claims for c in cl.citations}.values())
    return Summary(focus, "\n".join(lines), claims, citations, passages, sources_of(passages), True, raw, calls,
                   {"total_s": round(time.perf_counter() - t0, 3)})
