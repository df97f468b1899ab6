"""The Python API. The CLI, the REPL and the eval harness are thin clients of it.

Each function opens the heavy parts once (:func:`rag.context.open_context`) and
makes a few straight calls down the stages; nothing calls back up.

>>> import rag
>>> report = rag.ingest(["corpus/"])                      # doctest: +SKIP
>>> rag.search("Alibaba investment in AI")[0].title       # doctest: +SKIP
'Alibaba to invest $50 billion in AI and cloud computing over three years'
>>> first = rag.ask("How much is Alibaba investing?")     # doctest: +SKIP
>>> rag.ask("When was that announced?", history=[first])  # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import inspect
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from . import choice, conversation, dates, dedup, factcheck, policy, retrieval
from . import feeds as _feeds
from . import ingest as _ingest
from . import summarize as _summarize
from .answer import stream_answer
from .context import Context, embedder_for, open_context
from .conversation import Turn
from .embeddings import Embedder
from .errors import ConfigError, RagError, one_line
from .judge import entailment
from .llm import backend_errors
from .models import Answer, Filters, IngestReport, Passage, Stats, Summary, Verdict, When, to_date
from .settings import Settings
from .store import Store

__all__ = ["ask", "ask_stream", "final", "ingest", "list_feeds", "search", "stats", "summarize", "summarize_stream", "to_date", "unfollow", "verify", "verify_all"]
log = logging.getLogger(__name__)


def ingest(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
    progress=None,
    feeds: bool = False,
) -> IngestReport:
    """Ingest files, folders, article URLs, RSS/Atom feeds and OPML lists; returns counts and per-input errors.

    A feed URL is followed from then on: ``feeds=True`` reads every followed feed again (new items only).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    elif isinstance(paths, bytes) or not isinstance(paths, Iterable):  # bytes would be read byte by byte
        raise ConfigError(f"paths must be a path, a URL, or a list of them (str or Path), not {type(paths).__name__}")
    settings = settings if settings is not None else Settings()
    embedder = embedder or embedder_for(settings)
    with _ingest.writer_lock(settings):
        ctx = open_context(settings, store=store, embedder=embedder, create=True)
        return _ingest.ingest(paths, settings=ctx.settings, store=ctx.store, embedder=ctx.embedder, progress=progress, feeds=feeds)


def list_feeds(*, settings: Settings | None = None, store: Store | None = None, embedder: Embedder | None = None) -> list[_feeds.Followed]:
    """The feeds the index follows, with when each was last read and how that went."""
    return _feeds.followed(open_context(settings, store=store, embedder=embedder).store)


def unfollow(url: str, *, settings: Settings | None = None, store: Store | None = None, embedder: Embedder | None = None) -> bool:
    """Stop following a feed (its articles stay in the index); False if it was not followed."""
    return _feeds.unfollow(open_context(settings, store=store, embedder=embedder).store, url)


def search(
    query: str,
    *,
    k: int | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    source: str | None = None,
    today: date | str | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
) -> list[Passage]:
    """Top passages for ``query``, best first, each with title, date, score and text.

    Dates work as in :func:`ask_stream`: "last week" in the query is a window,
    "latest" ranks newer articles first, and ``today`` is the as-of date.
    ``source`` may be any unambiguous part of a source's name, case aside
    (:func:`source_name`); one the index lacks is an error that lists its sources.
    """
    filters, as_of = Filters.of(since, until, source), to_date(today, "today")
    retrieval.check_query(query)
    ctx = open_context(settings, store=store, embedder=embedder)
    filters = _with_source(ctx, filters)
    return _retrieve(ctx, query, *dates.plan(query, filters, as_of), k)


def _with_source(ctx: Context, filters: Filters) -> Filters:
    """The filters with the source as the index names it ("reuters" finds "Reuters"); an unknown one is an error."""
    if not filters.source:
        return filters
    return replace(filters, source=retrieval.source_name(filters.source, ctx.store))


def source_name(source: str, *, settings: Settings | None = None, store: Store | None = None, embedder: Embedder | None = None) -> str:
    """The index's name for ``source`` (itself, or the one source whose name holds it, case aside); else a ConfigError
    that lists the sources there are."""
    return retrieval.source_name(source, open_context(settings, store=store, embedder=embedder).store)


def _check_count(value, name: str) -> None:
    """``k`` and friends from Python: a whole number of at least 1, or None for the setting's default."""
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ConfigError(f"{name} must be a whole number of at least 1 (or None for the default), not {value!r}")


def _retrieve(ctx: Context, query: str, filters: Filters, when: When, k: int | None) -> list[Passage]:
    _check_count(k, "k")
    # A question that names no time (no window of its own or from --since/--until, no "latest") is about the news
    # of its day: articles published near the as-of date, else today, rank a little higher.
    near = None if when.phrase or when.since or (when.until and when.until != when.as_of) else when.today
    return retrieval.retrieve(
        dates.search_words(query, when), store=ctx.store, embedder=ctx.embedder, settings=ctx.settings, filters=filters,
        k=k, recent=when.recent, near=near,
    )  # fmt: skip


def ask_stream(
    question: str,
    *,
    history: Iterable[Turn] = (),
    since: date | str | None = None,
    until: date | str | None = None,
    source: str | None = None,
    k: int | None = None,
    today: date | str | None = None,
    choices: Iterable[str] = (),
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
    llm=None,
) -> Iterator[str | Answer]:
    """Stream an answer: text pieces (str) as the model writes, then the checked :class:`Answer`.

    ``history`` holds the earlier turns of a conversation (``Answer`` objects or
    ``(question, answer)`` pairs): a follow-up such as "When was that announced?"
    is then rewritten into a standalone question first (``Answer.question``; what
    was typed is ``Answer.asked``).

    ``today`` is the as-of date: no article published after it is searched or
    cited. Words of the question such as "last week" or "in March" become a
    publication window (explicit ``since``/``until`` win), resolved against
    ``today`` or the clock; "latest", "now" and "this week" rank newer articles
    first. ``Answer.when`` says what was applied.

    ``choices``: the options of a multiple-choice question. The search uses the
    question and its options (``search_choices``); the model sees the options
    and picks a letter, and the answer is the most probable option a passage
    names, cited to that sentence (:mod:`rag.choice`); when no passage names
    one, the refusal.
    """
    filters, today, choices = Filters.of(since, until, source), to_date(today, "today"), list(choices)
    retrieval.check_query(question)
    ctx = open_context(settings, store=store, embedder=embedder, llm=llm)
    ctx.store  # noqa: B018 - a missing index fails here, before a model starts loading
    filters = _with_source(ctx, filters)  # and so does an unknown source
    preload(ctx.llm)  # a cold `rag ask` loads the model while retrieval runs
    t0 = time.perf_counter()
    with backend_errors(ctx.settings):
        standalone = conversation.standalone_question(question, history, ctx.llm, ctx.settings)
        searched, when = dates.plan(standalone, filters, today)
        if not when.phrase and standalone != question:  # the rewrite may have dropped "last week"
            searched, when = dates.plan(question, filters, today)
        query = choice.search_text(standalone, choices) if ctx.settings.search_choices else standalone
        retrieved = _retrieve(ctx, query, searched, when, k)
        yield from stream_answer(
            standalone, retrieved, llm=ctx.llm, embed=ctx.embedder.embed, settings=ctx.settings, when=when, choices=choices, started=t0,
            asked=question if standalone != question else "",
        )  # fmt: skip


def ask(question: str, **kwargs) -> Answer:
    """Answer ``question`` from the indexed articles, every sentence cited and checked.

    Takes the same keyword arguments as :func:`ask_stream`, ``history=`` among them.
    """
    return final(ask_stream(question, **kwargs), Answer)


VERIFY_PASSAGES = 8  # passages a claim is checked against (more when k asks for more)


def verify_all(
    text: str,
    *,
    k: int | None = None,
    today: date | str | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
    llm=None,
) -> list[Verdict]:
    """Check each sentence of ``text`` against the articles: one :class:`Verdict` per sentence.

    The rules decide (``rag.factcheck``); a sentence they find stated is also put
    to the model as one yes/no question (``verify_entailment``, on by default;
    ``llm`` overrides the settings' model). ``today`` bounds the search as in
    :func:`ask_stream`; dates inside the claim are checked, not used as a window.
    """
    _check_count(k, "k")
    claims = factcheck.claims_of(text)
    as_of = to_date(today, "today")
    ctx = open_context(settings, store=store, embedder=embedder, llm=llm)
    if ctx.store.counts()[0] == 0:
        raise RagError(f"the index at {ctx.store.location} is empty; add articles first: rag ingest PATH")
    when = When(until=as_of, as_of=as_of, today=as_of) if as_of else When()
    filters = Filters.of(None, as_of, None) if as_of else Filters()
    out = []
    entails = None
    if ctx.settings.verify_entailment:

        def entails(claim: str, cite) -> float:
            try:
                with backend_errors(ctx.settings):
                    return entailment(claim, cite, ctx.llm)
            except RagError as err:  # no model to ask: say how to check without one
                hint = "rag verify asks the model whether a quote states the claim; RAG_VERIFY_ENTAILMENT=0 uses the rules alone"
                raise RagError(f"{one_line(err)} ({hint})") from None

    # Every passage that may state the claim is checked on its own: the cap on passages from one article, which
    # keeps one long story from filling an answer's context, would hide the third relevant chunk of an article.
    depth = max(k or ctx.settings.k, VERIFY_PASSAGES)
    checked = ctx.settings.model_copy(update={"max_per_article": max(ctx.settings.max_per_article, depth)})
    for claim in claims:
        passages = retrieval.retrieve(claim, store=ctx.store, embedder=ctx.embedder, settings=checked, filters=filters,
                                      k=depth, recent=when.recent)  # fmt: skip
        out.append(factcheck.judge(claim, passages, ctx.embedder.embed, entails, ctx.settings.min_entailment,
                                   today=as_of or date.today()))  # fmt: skip
    return out


def verify(claim: str, **kwargs) -> Verdict:
    """Check one statement against the articles: ``supported``, ``contradicted`` or ``not_found``, with its quotes.

    Takes the keyword arguments of :func:`verify_all`; a text of several sentences goes to :func:`verify_all`.
    """
    verdicts = verify_all(claim, **kwargs)
    if len(verdicts) != 1:
        raise RagError(f"{len(verdicts)} sentences given; rag.verify checks one (rag.verify_all checks each)")
    return verdicts[0]


def preload(llm) -> None:
    """Start loading a local model in the background (no-op when loaded or remote).

    The first model call waits for it under the same lock and raises any failure
    with its proper message, so here a failure is only logged.
    """
    if not hasattr(llm, "model_path"):
        return
    from .llm.local import load_llama

    def work():
        try:
            load_llama(llm.model_path, llm.n_ctx, llm.threads)
        except Exception as err:  # noqa: BLE001 - the first model call raises it again, for the user
            log.debug("preloading %s failed: %s", llm.model_path, err)

    # Not a daemon: exiting mid-load (say, after a quick refusal) would tear the
    # interpreter down under llama.cpp; waiting for the load is the safe cost.
    threading.Thread(target=work, name="rag-model-load").start()


# A topic is summarized when one passage sentence (with its neighbours and headline) holds all its words, or a
# passage is this close in meaning (MiniLM cosine). On corpus/, 15 topics it covers and 15 it does not (2026-12-05):
# "AI spending" 0.64, "Nvidia results" 0.47, "stock market reaction" 0.40 (two of three words); "Premier League
# title race" 0.38, "cricket world cup final" 0.25 (a user pass got a marathon summary for it: "final" is in
# "the final five kilometres"). Single words the corpus holds ("heatwave", "chips") pass on their words.
TOPIC_MIN_DENSE = 0.40


def summarize_stream(
    *,
    doc_id: str | None = None,
    topic: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    today: date | str | None = None,
    source: str | None = None,
    timeline: bool = False,
    sentences: int | None = None,
    k: int | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    embedder: Embedder | None = None,
    llm=None,
) -> Iterator[str | Summary]:
    """Stream a cited summary of one article (``doc_id``) or of a topic in a date window.

    ``timeline=True`` gives dated events, oldest first (``Summary.events``).
    A topic's dates and source work as in :func:`ask_stream` ("last week", ``today`` as the as-of date). An
    article is summarized whole: a window or a source for it is an error, and so is an article published
    after ``today``.
    """
    _check_count(sentences, "sentences")
    _check_count(k, "k")
    if bool(doc_id) == bool(topic):
        raise ConfigError("summarize needs exactly one of: an article id (doc_id=, --doc) or a topic (topic=, --topic)")
    filters, as_of = Filters.of(since, until, source), to_date(today, "today")
    if doc_id and (filters.since or filters.until or filters.source):
        raise ConfigError("--since, --until and --source choose a topic's articles; an article (--doc) is summarized whole")
    ctx = open_context(settings, store=store, embedder=embedder, llm=llm)
    filters = _with_source(ctx, filters)
    if doc_id:
        passages, focus = _summarize.article_passages(ctx.store, doc_id)
        published = passages[0].published if passages else None
        if as_of and published and published > as_of:
            raise ConfigError(f"{doc_id} was published on {published}, after the as-of date {as_of}; nothing published after it is used")
    else:
        retrieval.check_query(topic)
        retrieved = _retrieve(ctx, topic, *dates.plan(topic, filters, as_of), k or 2 * ctx.settings.k)
        if retrieved and policy.coverage(topic, retrieved) < 1 and policy.signals(topic, retrieved)["dense"] < TOPIC_MIN_DENSE:
            raise ConfigError(f"no articles about {topic!r}: no passage holds all its words or comes close in meaning; try other words")
        searched, when = dates.plan(topic, filters, as_of)
        passages, focus = _summarize.topic_passages(
            topic, retrieved, keep=ctx.settings.topic_keep, timeline=timeline, window=bool(searched.since or searched.until)
        )
    with backend_errors(ctx.settings):
        yield from _summarize.stream_summary(
            passages, focus, llm=ctx.llm, embed=ctx.embedder.embed, settings=ctx.settings,
            sentences=sentences or ctx.settings.summary_sentences, timeline=timeline,
        )  # fmt: skip


def summarize(**kwargs) -> Summary:
    """A cited summary; same keyword arguments as :func:`summarize_stream`.

    >>> summarize(doc="000_6177586f370daf91")
    Traceback (most recent call last):
    ...
    rag.errors.ConfigError: summarize has no argument 'doc' (did you mean doc_id?); it takes doc_id, topic, since, until, today, source, timeline, sentences, k, settings, store, embedder, llm
    """
    known = list(inspect.signature(summarize_stream).parameters)
    for name in kwargs:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5) or [n for n in known if n.startswith(name)]
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise ConfigError(f"summarize has no argument {name!r}{hint}; it takes {', '.join(known)}")
    return final(summarize_stream(**kwargs), Summary)


def stats(*, settings: Settings | None = None, store: Store | None = None, embedder: Embedder | None = None) -> Stats:
    """Articles, chunks, where the index is, its size on disk and its embedder."""
    ctx = open_context(settings, store=store, embedder=embedder)
    articles, chunks = ctx.store.counts()
    size = None
    if not ctx.settings.chroma_url:
        size = sum(p.stat().st_size for p in Path(ctx.settings.index).rglob("*") if p.is_file())
    groups = dedup.groups_for(ctx.store)
    grouped = sum(len(m) for m in groups.members.values())
    return Stats(articles, chunks, ctx.store.location, size, ctx.store.embedder_name, ctx.store.dim, len(groups), grouped, ctx.store.feed_count(),
                 ctx.store.sources())  # fmt: skip


def final(stream, kind):
    """The record that ends a stream of text pieces (an Answer or a Summary); the pieces are dropped."""
    result = None
    for item in stream:
        result = item
    if not isinstance(result, kind):
        raise RagError("the answer stream ended before its checked result; retry")
    return result
