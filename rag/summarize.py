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
from datetime import date

from . import disagree
from .answer import format_passage, token_counter
from .citations import Checker, render
from .errors import ConfigError
from .llm import context_window, model_name, text_output
from .models import Claim, Passage, Source, Summary, TimelineEvent, unique_citations
from .prompts import load
from .settings import Settings
from .store import Store

_DATED = re.compile(r"^\s*[-*•]?\s*(\d{4}-\d{2}-\d{2})\s*[-–—:]+\s*(.+?)\s*$")


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


def sources_of(passages: Sequence[Passage]) -> list[Source]:
    """One Source per article, oldest first (undated last)."""
    seen: dict[str, Source] = {}
    for p in passages:
        seen.setdefault(p.doc_id, Source(p.doc_id, p.title, p.published, p.source))
    return sorted(seen.values(), key=lambda s: s.published or date.max)


# --- what to summarize --------------------------------------------------------------


def article_passages(store: Store, doc_id: str) -> tuple[list[Passage], str]:
    """An article's chunks in reading order, and the focus the prompt names."""
    passages = store.chunks_of(doc_id)
    if not passages:
        raise ConfigError(f"no article with id {doc_id!r} in the index; `rag search` shows ids")
    return passages, f"the article \"{passages[0].title}\""


def topic_passages(
    topic: str, retrieved: Sequence[Passage], *, keep: float, timeline: bool, window: bool = True
) -> tuple[list[Passage], str]:
    """What is really about the topic (dense score within ``keep`` x the best), and the focus.

    A timeline reads each article in order, articles by date (undated last).
    """
    best = max((p.scores.get("dense", 0.0) for p in retrieved), default=0.0)
    passages = [p for p in retrieved if p.scores.get("dense", 0.0) >= keep * best]
    if not passages:
        if window:
            raise ConfigError(f"no articles about {topic!r} in that window; widen --since/--until or ingest more")
        raise ConfigError(f"no articles about {topic!r}; ingest some first (rag ingest PATH)")
    if timeline:
        passages = sorted(passages, key=lambda p: (p.published or date.max, p.doc_id, p.index))
    return passages, f"the news about {topic}"


def budget_for(settings: Settings) -> int:
    """Tokens of passages per model call: the passage budget, inside what the context leaves."""
    return max(200, min(settings.passage_budget, context_window(settings) - settings.max_answer_tokens - 400))


def stream_summary(
    passages: Sequence[Passage],
    focus: str,
    *,
    llm,
    embed,
    settings: Settings,
    sentences: int,
    timeline: bool = False,
) -> Iterator[str | Summary]:
    """Yield the final stage's text as it streams, then the checked :class:`Summary`."""
    t0 = time.perf_counter()
    passages = list(passages)
    max_tokens = settings.max_answer_tokens
    groups = windows(passages, budget_for(settings), token_counter(model_name(settings)))
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
    claims, citations = list(checked.claims), checked.citations
    text = render(claims, mark=True)  # a sentence that did not verify is shown as such, not as fact
    differ = disagree.claims_for(disagree.find(claims, passages), passages)  # a topic's articles may give a figure two ways
    if differ:
        text, claims = text + "\n" + " ".join(c.text for c in differ), claims + differ
        citations = unique_citations(claims)
    yield Summary(focus, text, claims, citations, passages, sources_of(passages), raw=raw,
                  calls=calls, timings={"total_s": round(time.perf_counter() - t0, 3)})


def dated_lines(raw: str) -> list[tuple[date, str]]:
    """The ``YYYY-MM-DD - text`` lines of a timeline reply; other lines and impossible dates are dropped.

    >>> dated_lines("Intro\\n- 2025-02-24 - Alibaba said it will invest [1].\\n2025-02-30: no such day")
    [(datetime.date(2025, 2, 24), 'Alibaba said it will invest [1].')]
    """
    out = []
    for line in raw.splitlines():
        m = _DATED.match(line)
        if not m:
            continue
        try:
            out.append((date.fromisoformat(m.group(1)), m.group(2)))
        except ValueError:
            continue
    return out


def _timeline(passages, focus, raw, embed, calls, t0) -> Summary:
    checker = Checker(passages, embed)
    events: list[TimelineEvent] = []
    for day, text in dated_lines(raw):
        for claim in checker.check(text).claims:
            events.append(TimelineEvent(day, render([claim], mark=True), claim))
    events.sort(key=lambda e: e.day)  # chronological, whatever order the model wrote
    claims: list[Claim] = [e.claim for e in events]
    text = "\n".join(f"{e.day.isoformat()} - {e.text}" for e in events)
    return Summary(focus, text, claims, unique_citations(claims), passages, sources_of(passages), True, events, raw, calls,
                   {"total_s": round(time.perf_counter() - t0, 3)})
