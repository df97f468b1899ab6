"""Cited summaries of an article, a topic or a time window, and dated timelines.

Short inputs take one model call. Inputs longer than the token budget are
summarized map-reduce: each window of passages is summarized with citations
(map), then the partial summaries are merged (reduce). Passage numbers are
global across windows, so the checker verifies the final sentences against the
passages they cite, exactly as for answers.

What is shown follows the answer's rules where they fit: a reply the model
stopped at its token limit loses its unfinished last sentence (never repaired
into a cited one), at most the asked number of sentences is shown, each that
repeats an earlier one left out, and a summary none of whose shown sentences
verified is :data:`~rag.models.SUMMARY_REFUSAL` with the closest sources.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import replace
from datetime import date

from . import disagree
from .answer import format_passage, token_counter
from .chunking import sentence_spans
from .citations import Checker, parse_markers, render, stems
from .dates import days_stated
from .errors import ConfigError
from .llm import context_window, finish_reason, model_name, text_output
from .models import SUMMARY_REFUSAL, Claim, Passage, Source, Summary, TimelineEvent, unique_citations
from .numeric import numbers_in
from .prompts import load
from .relations import names, tokens
from .settings import Settings
from .store import Store

_DATED = re.compile(r"^\s*[-*•]?\s*(\d{4}-\d{2}-\d{2})\s*[-–—:]+\s*(.+?)\s*$")
# How a finished sentence ends: closing punctuation (then quotes or brackets) or a citation marker.
_ENDED = re.compile(r"(?:[.!?…][\"'”’)\]]*|\])\s*$")
REPEATS = 0.6  # a sentence this much of whose content words (stems) one earlier shown sentence holds repeats it
REPEAT_WORDS = 4  # ... when it has at least this many: a short sentence shares most of its few words by chance


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


def _generate(name: str, llm, max_tokens: int, variables: dict) -> Generator[str, None, tuple[str, bool]]:
    """Yield one model call's text as it streams; return the text and whether the call stopped at ``max_tokens``
    (finish reason "length", which llama.cpp and OpenAI-compatible servers both report)."""
    from langchain_core.runnables import RunnableGenerator, RunnableLambda

    prompt, reasons = load(name), []

    def noted(chunks):  # the chunks pass through; their finish reasons are kept
        for chunk in chunks:
            reasons.append(finish_reason(chunk))
            yield chunk

    chain = RunnableLambda(lambda v: prompt.messages(**v)) | llm.bind(max_tokens=max_tokens) | RunnableGenerator(noted) | text_output()
    text = ""
    for token in chain.stream(variables):
        text += token
        yield token
    return text, "length" in reasons


def _drained(pieces: Generator[str, None, tuple[str, bool]]) -> tuple[str, bool]:
    """What :func:`_generate` returns, its text not streamed."""
    try:
        while True:
            next(pieces)
    except StopIteration as stop:
        return stop.value


def finished(text: str) -> str:
    """A reply cut off at the token limit, less its last sentence when that breaks off unfinished (no closing
    punctuation or citation): a fragment is never checked, or given a citation by the checker's repair.

    >>> finished("Alibaba will invest [1]. Its shares rose on a weak property market, Alibaba's")
    'Alibaba will invest [1].'
    >>> finished("2025-02-24 - Alibaba will invest [1].\\n2025-03-06 - Alibaba released")
    '2025-02-24 - Alibaba will invest [1].'
    >>> finished("Alibaba will invest [1].")
    'Alibaba will invest [1].'
    """
    text = text.rstrip()
    spans = sentence_spans(text)
    if not spans or _ENDED.search(text):
        return text
    return text[: spans[-1][0]].rstrip()


def repeats(sentence: str, earlier: str) -> bool:
    """Whether ``sentence`` says again what ``earlier`` said: most of its content words (stems), all its figures
    and all its names are in it. Another figure or another name in the same words is news, not a repeat.

    >>> repeats("Alibaba will invest $50 billion in AI.", "Alibaba said it will invest $50 billion in AI and cloud.")
    True
    >>> repeats("Alibaba's shares rose 8% after it said it will invest in AI.", "Alibaba will invest $50 billion in AI.")
    False
    >>> repeats("Acme will hire 900 workers.", "Acme will hire 200 workers.")
    False
    >>> repeats("Tencent shares rose 8% on the news.", "Alibaba shares rose 8% on the news.")
    False
    >>> repeats("Workers at Boeing went on strike again.", "Workers at Airbus went on strike again.")
    False
    """
    said = stems(sentence)
    if len(said) < REPEAT_WORDS or _swapped_name(sentence, earlier):
        return False  # "The Fed held rates." is news after "The Fed raised rates"; "Tencent shares rose 8%" after Alibaba's
    return len(said & stems(earlier)) >= REPEATS * len(said) and numbers_in(sentence) <= numbers_in(earlier)


def _swapped_name(sentence: str, earlier: str) -> bool:
    """A name of ``sentence`` that ``earlier`` lacks stands where one of ``earlier``'s stands, beside the same word
    ("Workers at Boeing" after "Workers at Airbus"); a name that only adds a detail ("The Hangzhou-based company")
    does not."""

    def around(text: str, other: str) -> set[tuple[int, str]]:
        toks = [t.lower() for t in tokens(text)]
        return {(side, toks[k]) for a, b, n in names(text) if n not in other
                for side, k in ((-1, a - 1), (1, b + 1)) if 0 <= k < len(toks)}  # fmt: skip

    return bool(around(sentence, earlier) & around(earlier, sentence))


def shown(sentences: Sequence[str], limit: int) -> list[int]:
    """Which sentences to show: the first ``limit`` in the model's order, each that :func:`repeats` one kept left out.

    >>> shown(["Alibaba will invest $50 billion in AI.", "Its shares rose 8%.",
    ...        "Alibaba will invest $50 billion in AI, it said.", "Tencent also spends.", "More."], 3)
    [0, 1, 3]
    """
    kept: list[int] = []
    for i, sentence in enumerate(sentences):
        if len(kept) < limit and not any(repeats(sentence, sentences[j]) for j in kept):
            kept.append(i)
    return kept


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
    """Yield the final stage's text as it streams, then the checked :class:`Summary`: at most ``sentences``
    sentences (a timeline's: dated events), or the refusal when none of them verified."""
    t0 = time.perf_counter()
    passages = list(passages)
    max_tokens = settings.max_answer_tokens
    groups = windows(passages, budget_for(settings), token_counter(model_name(settings)))
    texts = [_passages_text(passages, group) for group in groups] or [""]
    if timeline:
        # Timelines need no reduce call: each window's dated lines are merged and sorted; the last window streams.
        asked = [{"sentences": sentences, "focus": focus, "passages": t} for t in texts]
        parts = [_drained(_generate("timeline", llm, max_tokens, v)) for v in asked[:-1]]
        parts.append((yield from _generate("timeline", llm, max_tokens, asked[-1])))
        # Each window's first ``sentences`` events: a cap on the whole would keep the oldest windows' and drop the newest.
        read = "\n".join(first_events(finished(t) if cut else t, sentences) for t, cut in parts)
        raw = "\n".join(t.strip() for t, _ in parts)
        yield _timeline(passages, focus, read, embed, len(parts), t0, raw=raw)
        return
    calls = 0
    if len(texts) > 1:  # map, then reduce
        per = max(2, sentences // 2)
        partials = [_drained(_generate("summarize", llm, max_tokens, {"sentences": per, "focus": focus, "passages": t})) for t in texts]
        calls = len(partials)
        merged = "\n\n".join(f"Part {i}:\n{(finished(t) if cut else t).strip()}" for i, (t, cut) in enumerate(partials, 1))
        name, variables = "reduce", {"sentences": sentences, "focus": focus, "partials": merged}
    else:
        name, variables = "summarize", {"sentences": sentences, "focus": focus, "passages": texts[0]}
    raw, cut = yield from _generate(name, llm, max_tokens, variables)
    calls += 1
    checked = Checker(passages, embed).check(finished(raw) if cut else raw)
    claims = [checked.claims[i] for i in shown([c.text for c in checked.claims], sentences)]
    if not any(c.verified for c in claims):
        yield _refused(focus, passages, claims, raw, calls, t0)
        return
    # A sentence that did not verify is left out of the prose and listed with its reason, as an answer's is: a mark
    # in running text ("(unverified) ...") left a reader unsure which sentence it was about.
    dropped = [c for c in claims if not c.verified]
    claims = [c for c in claims if c.verified]
    text = render(claims)
    citations = unique_citations(claims)
    differ = disagree.claims_for(disagree.find(claims, passages), passages)  # a topic's articles may give a figure two ways
    if differ:
        text, claims = text + "\n" + " ".join(c.text for c in differ), claims + differ
        citations = unique_citations(claims)
    yield Summary(focus, text, claims, citations, passages, sources_of(passages), raw=raw, calls=calls,
                  timings={"total_s": round(time.perf_counter() - t0, 3)}, dropped=dropped)


def _refused(focus, passages, dropped, raw, calls, t0, timeline=False) -> Summary:
    """The refusal, as an answer's: the closest three passages (best score first), nothing cited, no sources."""
    closest = sorted(passages, key=lambda p: -p.score)[:3]
    reason = "no sentence of the summary verified against the passage it cites" if dropped else "the model wrote no sentence to check"
    return Summary(focus, SUMMARY_REFUSAL, [], [], closest, [], timeline, raw=raw, calls=calls,
                   timings={"total_s": round(time.perf_counter() - t0, 3)}, refused=True, dropped=list(dropped), reason=reason)


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


def first_events(text: str, n: int) -> str:
    """The first ``n`` dated lines of one timeline reply.

    >>> first_events("2025-01-02 - A [1].\\nnote\\n2025-01-03 - B [1].\\n2025-01-04 - C [1].", 2)
    '2025-01-02 - A [1].\\n2025-01-03 - B [1].'
    """
    return "\n".join([line for line in text.splitlines() if _DATED.match(line)][:n])


def event_day(day: date, claim: Claim, passages: Sequence[Passage]) -> tuple[date, Claim]:
    """The day an event happened by what its quote says, not by what the model wrote: the model's day when the
    quote may mean it; else the one day the quote names ("on Monday, 14 April" for an article of the 15th);
    else, the quote naming no day, the model's day when the article's date or its passage gives it. Otherwise the
    event's citations no longer verify, with the reason.

    >>> from rag.models import Citation
    >>> def event(quote): return Claim("x [1].", (Citation(1, "d:0", "d", "T", "", date(2025, 4, 15), quote, 0, 1, True),))
    >>> event_day(date(2025, 4, 15), event("It hit 38.4C on Monday, 14 April."), [])[0]
    datetime.date(2025, 4, 14)
    >>> day, claim = event_day(date(2025, 1, 4), event("The venture adds to AI spending."), [])
    >>> claim.verified, claim.citations[0].reason
    (False, 'date: neither the quote nor its article gives 2025-01-04 (published 2025-04-15)')
    >>> event_day(date(2025, 4, 15), event("The venture adds to AI spending."), [])[1].verified
    True
    """
    cited = [c for c in claim.citations if c.verified]
    if not cited:
        return day, claim
    sure: set[date] = set()
    most: list[date] = []
    for c in cited:
        s, m = days_stated(c.quote, c.published)
        sure |= s
        most += m
    if day in sure:
        return day, claim
    if len(set(most)) == 1:
        return most[0], claim
    if most:
        said = ", ".join(sorted({d.isoformat() for d in most}))
        return day, _unverified(claim, f"date: the quote says {said}, not {day.isoformat()}")
    texts = {p.chunk_id: p.text for p in passages}
    if any(day == c.published or day in days_stated(texts.get(c.chunk_id, ""), c.published)[0] for c in cited):
        return day, claim
    published = ", ".join(sorted({c.published.isoformat() for c in cited if c.published})) or "undated"
    return day, _unverified(claim, f"date: neither the quote nor its article gives {day.isoformat()} (published {published})")


def _published_on_day(claim: Claim, day: date) -> bool:
    return any(c.published == day for c in claim.citations)


def _published_on(event: TimelineEvent) -> bool:
    """The event is dated the day its article was published: the date a model writes when it knows no other."""
    return _published_on_day(event.claim, event.day)


def _unverified(claim: Claim, reason: str) -> Claim:
    return replace(claim, citations=tuple(replace(c, verified=False, reason=reason) for c in claim.citations))


def _timeline(passages, focus, lines, embed, calls, t0, *, raw: str | None = None) -> Summary:
    """The dated events of ``lines``, one a line (its first sentence that is not a list's heading, "Key figures:"),
    each dated by its quote (:func:`event_day`) and checked, sorted by day (or the refusal, none verifying). An
    event that repeats an earlier one of the same day is left out, and so is one that repeats another's on the day
    its article was published (the model's default date: a headline listed again). A rate rise on two days is two
    events. ``raw``: the model's own text, when ``lines`` lost an unfinished end."""
    checker = Checker(passages, embed)
    events: list[TimelineEvent] = []
    for written, text in dated_lines(lines):
        checked = next((c for c in checker.check(text).claims if not parse_markers(c.text)[0].endswith(":")), None)
        if checked is None:
            continue
        day, claim = event_day(written, checked, passages)
        same = [k for k, e in enumerate(events) if repeats(claim.text, e.claim.text) and (e.day == day or _published_on(e) or _published_on_day(claim, day))]
        if not same:
            events.append(TimelineEvent(day, render([claim], mark=True), claim))
        elif all(_published_on(events[k]) for k in same) and not _published_on_day(claim, day):
            for k in reversed(same):  # the one dated by what its quote says stays
                del events[k]
            events.append(TimelineEvent(day, render([claim], mark=True), claim))
    raw = lines if raw is None else raw
    if not any(e.claim.verified for e in events):
        return _refused(focus, passages, [e.claim for e in events], raw, calls, t0, timeline=True)
    events.sort(key=lambda e: e.day)  # chronological, whatever order the model wrote
    claims: list[Claim] = [e.claim for e in events]
    text = "\n".join(f"{e.day.isoformat()} - {e.text}" for e in events)
    return Summary(focus, text, claims, unique_citations(claims), passages, sources_of(passages), True, events, raw, calls,
                   {"total_s": round(time.perf_counter() - t0, 3)})
