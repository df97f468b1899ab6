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
        )


def ask(question: str, **kwargs) -> Answer:
    """Answer ``question`` from the indexed articles, every sentence cited and checked.

    Takes the same keyword arguments as :func:`ask_stream`.
    """
    result = None
    for item in ask_stream(question, **kwargs):
        result = item
    assert isinstance(result, Answer)
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
