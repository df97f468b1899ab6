"""The Python API. The CLI, the REPL and the eval harness are thin clients of it.

>>> import rag
>>> report = rag.ingest(["corpus/"])                      # doctest: +SKIP
>>> rag.search("Alibaba investment in AI")[0].title       # doctest: +SKIP
'Alibaba to invest $50 billion in AI and cloud computing over three years'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import ingest as _ingest
from . import retrieval
from .answer import Answer, stream_answer
from .summarize import Summary
from .context import embedder_for, llm_for, settings_or_default, store_for
from .embeddings import Embedder
from .errors import ConfigError
from .models import IngestReport, Passage
from .settings import Settings
from .store import Store


def to_date(value: date | str | None, name: str = "date") -> date | None:
    """Accept a date or ``YYYY-MM-DD`` text.

    >>> to_date("2025-02-24")
    datetime.date(2025, 2, 24)
    """
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{name} {value!r} is not a date; use YYYY-MM-DD") from None


def ingest(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
    progress=None,
) -> IngestReport:
    """Ingest files, folders and article URLs; returns counts and per-input errors."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    settings = settings_or_default(settings)
    embedder = embedder or embedder_for(settings)
    with _ingest.writer_lock(settings):
        store = store or store_for(settings, embedder)
        return _ingest.ingest(paths, settings=settings, store=store, embedder=embedder, progress=progress)


def search(
    query: str,
    *,
    k: int | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
) -> list[Passage]:
    """Top passages for ``query``, best first, each with title, date, score and text."""
    settings = settings_or_default(settings)
    embedder = embedder or embedder_for(settings)
    store = store or store_for(settings, embedder)
    return retrieval.retrieve(
        query,
        store=store,
        embedder=embedder,
        k=k or settings.k,
        mode=settings.retrieval,
        candidates=settings.candidates,
        rrf_k=settings.rrf_k,
        max_per_article=settings.max_per_article,
        dedupe_threshold=settings.dedupe_threshold,
        since=to_date(since, "since"),
        until=to_date(until, "until"),
        source=source,
    )


def ask_stream(
    question: str,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    source: str | None = None,
    k: int | None = None,
    today: date | str | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
    llm=None,
) -> Iterator[str | Answer]:
    """Stream an answer: text pieces (str) as the model writes, then the checked :class:`Answer`."""
    settings = settings_or_default(settings)
    embedder = embedder or embedder_for(settings)
    store = store or store_for(settings, embedder)
    since, until, today = to_date(since, "since"), to_date(until, "until"), to_date(today, "today")
    retrieval.check_query(question, since, until)
    from .llm import backend_errors, context_window, model_name

    llm = llm or llm_for(settings)
    preload(llm)  # a cold `rag ask` loads the model while retrieval runs

    def retrieve(q: str) -> list[Passage]:
        return search(q, k=k, since=since, until=until, source=source, settings=settings, store=store, embedder=embedder)

    with backend_errors(settings):
        yield from stream_answer(
            question,
            retrieve=retrieve,
            llm=llm,
            embed=embedder.embed,
            budget=settings.passage_budget,
            context_window=context_window(settings),
            max_answer_tokens=settings.max_answer_tokens,
            min_relevance=settings.min_relevance,
            today=today,
            model=model_name(settings),
            repair=settings.citation_repair,
        )


def preload(llm) -> None:
    """Start loading a local model in the background (no-op when loaded or remote).

    The first model call waits for it under the same lock; a failure here is
    ignored, because that call raises it again with its proper message.
    """
    if not hasattr(llm, "model_path"):
        return
    import threading

    from .llm.local import load_llama

    def work():
        try:
            load_llama(llm.model_path, llm.n_ctx, llm.threads)
        except Exception:
            pass

    # Not a daemon: exiting mid-load (say, after a quick refusal) would tear the
    # interpreter down under llama.cpp; waiting for the load is the safe cost.
    threading.Thread(target=work, name="rag-model-load").start()


def ask(question: str, **kwargs) -> Answer:
    """Answer ``question`` from the indexed articles, every sentence cited and checked.

    Takes the same keyword arguments as :func:`ask_stream`.
    """
    result = None
    for item in ask_stream(question, **kwargs):
        result = item
    assert isinstance(result, Answer)
    return result


def summarize_stream(
    *,
    doc_id: str | None = None,
    topic: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    timeline: bool = False,
    sentences: int = 4,
    k: int | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
    llm=None,
) -> Iterator[str | Summary]:
    """Stream a cited summary of one article (``doc_id``) or of a topic in a date window."""
    from .answer import token_counter
    from .llm import backend_errors, context_window, model_name
    from .summarize import stream_summary

    if bool(doc_id) == bool(topic):
        raise ConfigError("summarize needs exactly one of: an article id (--doc) or a topic (--topic)")
    settings = settings_or_default(settings)
    embedder = embedder or embedder_for(settings)
    store = store or store_for(settings, embedder)
    if doc_id:
        passages = store.chunks_of(doc_id)
        if not passages:
            raise ConfigError(f"no article with id {doc_id!r} in the index; `rag search` shows ids")
        focus = f"the article \"{passages[0].title}\""
    else:
        passages = search(topic, k=k or 2 * settings.k, since=since, until=until, settings=settings, store=store, embedder=embedder)
        # Keep what is really about the topic: fusion also surfaces loosely related articles.
        best = max((p.scores.get("dense", 0.0) for p in passages), default=0.0)
        passages = [p for p in passages if p.scores.get("dense", 0.0) >= 0.6 * best]
        if not passages:
            raise ConfigError(f"no articles about {topic!r} in that window; widen --since/--until or ingest more")
        if timeline:  # in reading order per article, articles by date
            passages = sorted(passages, key=lambda p: (p.published or "9999", p.doc_id, p.index))
        focus = f"the news about {topic}"
    llm = llm or llm_for(settings)
    count = token_counter(model_name(settings))
    budget = max(200, min(settings.passage_budget, context_window(settings) - settings.max_answer_tokens - 400))
    with backend_errors(settings):
        yield from stream_summary(
            passages, focus, llm=llm, embed=embedder.embed, sentences=sentences, budget=budget, count=count,
            timeline=timeline, max_tokens=settings.max_answer_tokens,
        )


def summarize(**kwargs) -> Summary:
    """A cited summary; same keyword arguments as :func:`summarize_stream`."""
    result = None
    for item in summarize_stream(**kwargs):
        result = item
    return result


@dataclass(frozen=True)
class Stats:
    articles: int
    chunks: int
    index: str
    index_bytes: int | None  # None for a Chroma server
    embedder: str
    dim: int


def stats(*, settings: Settings | None = None, store: Store | None = None, embedder: Embedder | None = None) -> Stats:
    settings = settings_or_default(settings)
    embedder = embedder or embedder_for(settings)
    store = store or store_for(settings, embedder)
    articles, chunks = store.counts()
    size = None
    if not settings.chroma_url:
        size = sum(p.stat().st_size for p in Path(settings.index).rglob("*") if p.is_file())
    return Stats(articles, chunks, store.location, size, store.embedder_name, store.dim)
