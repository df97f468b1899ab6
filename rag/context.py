"""The heavy parts (settings, embedder, store, chat model), opened once and passed down.

``open_context`` builds a :class:`Context` for one call of the API; the pieces
behind it are cached per process, so the REPL's second question, or the eval
harness's thousandth, pays nothing for loading. A caller (or a test) can hand
in its own store, embedder or chat model: that is the one seam for injection.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from functools import cache, wraps

from pydantic import ValidationError

from .embeddings import Embedder, make_embedder
from .errors import ConfigError, NoIndex
from .settings import Settings, explain
from .store import Guarded, Store, index_folder, make_client

log = logging.getLogger(__name__)


_BUILD = threading.RLock()  # the REPL warms these up in a thread while the user types


def _once(fn):
    """functools.cache, plus a lock: two threads must not build the same heavy piece at once."""
    cached = cache(fn)

    @wraps(fn)
    def locked(*args):
        with _BUILD:
            return cached(*args)

    locked.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return locked


@_once
def _embedder(key: tuple) -> Embedder:
    return make_embedder(Settings.model_validate(dict(key)))


# Embedder names an index records -> the setting that rebuilds them.
_KNOWN = {"all-MiniLM-L6-v2": "minilm", "all-MiniLM-L6-v2-int8": "minilm-int8"}


_FOUND: dict[tuple, str] = {}  # an index's embedder never changes: look it up once per process


def _index_embedder(settings: Settings) -> str | None:
    """The embedder setting an existing index was built with, if it is one of ours."""
    index = str(settings.index.resolve()) if not settings.chroma_url else ""
    key = (index, settings.chroma_url, settings.collection)
    if key in _FOUND:
        return _FOUND[key]
    db = settings.index / "chroma.sqlite3"
    if not settings.chroma_url and not (db.is_file() and db.stat().st_size):
        return None  # no index yet (or an empty file): do not create one just to look
    try:
        meta = _client(index, settings.chroma_url).get_collection(f"{settings.collection}-chunks").metadata or {}
    except Exception as err:  # noqa: BLE001 - no such collection, or a server down: store_for says which
        log.debug("no embedder recorded for %s: %s", settings.chroma_url or index, err)
        return None
    found = _KNOWN.get(meta.get("embedder"))
    if found:
        _FOUND[key] = found
    return found


def adopt_index_embedder(settings: Settings) -> Settings:
    """An index keeps its embedder: unless RAG_EMBEDDER (or --embedder) says otherwise,
    open an existing index with the embedder that built it. An index made before the
    default became minilm-int8 keeps working with the float model."""
    if "embedder" in settings.model_fields_set:
        return settings
    found = _index_embedder(settings)
    return settings.model_copy(update={"embedder": found}) if found and found != settings.embedder else settings


def embedder_for(settings: Settings) -> Embedder:
    settings = adopt_index_embedder(settings)
    fields = (
        "embedder", "openai_embedding_model", "openai_base_url", "openai_api_key", "threads", "embed_batch_size", "cache_dir",
        "minilm_dir", "openai_timeout", "openai_max_retries",
    )  # fmt: skip
    return _embedder(tuple((f, getattr(settings, f)) for f in fields))


@_once
def _client(index: str, chroma_url: str | None):
    from pathlib import Path

    return make_client(Path(index), chroma_url)


@_once
def _store(index: str, chroma_url: str | None, collection: str, embedder_name: str, dim: int) -> Store:
    client = _client(index, chroma_url)
    return Store(client, embedder_name, dim, prefix=collection, location=chroma_url or index)


def store_for(settings: Settings, embedder: Embedder | None = None, *, create: bool = True) -> Store:
    """The store for these settings, opened once per process (opening costs ~3 ms a search).

    ``create=False`` is for commands that only read: a missing index is a
    :class:`NoIndex` error that says to ingest first, and nothing is created.
    """
    embedder = embedder or embedder_for(settings)
    index = str(settings.index.resolve()) if not settings.chroma_url else ""
    if not create:
        _require_index(settings)
    store = _store(index, settings.chroma_url, settings.collection, embedder.name, embedder.dim)
    if index and store.stale():  # another process ingested: read the index from disk again (a Chroma server is shared)
        _reopen(index)
        store = _store(index, settings.chroma_url, settings.collection, embedder.name, embedder.dim)
    return store


def _reopen(index: str) -> None:
    """Forget this process's clients of the embedded index at ``index``, so the next one reads it from disk.
    (A reader holding the old store keeps a working, older view.)"""
    from chromadb.api.shared_system_client import SharedSystemClient

    with _BUILD:
        log.info("the index at %s changed in another process; reopening it", index)
        SharedSystemClient._identifier_to_system.pop(index, None)
        _client.cache_clear()
        _store.cache_clear()


def _require_index(settings: Settings) -> None:
    where = settings.chroma_url or str(settings.index)
    message = f"no index at {where} yet; run `rag ingest PATH` first (or point --index / RAG_INDEX at one)"
    if not settings.chroma_url:
        db = index_folder(settings.index) / "chroma.sqlite3"
        if not db.exists() or db.stat().st_size == 0:  # an empty file is no index: a reader must not build one in it
            raise NoIndex(message)
        return
    key = (settings.chroma_url, settings.collection)
    if key in _EXISTING:  # a collection is never dropped under us: one look per process
        return
    client = Guarded(_client("", settings.chroma_url), settings.chroma_url)  # a server that is down: one clear line
    names = {getattr(c, "name", c) for c in client.list_collections()}
    if f"{settings.collection}-chunks" not in names:
        raise NoIndex(message.replace("no index at", f"no collection {settings.collection!r} on"))
    _EXISTING.add(key)


_EXISTING: set[tuple[str, str]] = set()


@_once
def _llm(key: tuple):
    from .llm import make_llm

    return make_llm(Settings.model_validate({k: v for k, v in key if not k.startswith("_")}))


def llm_for(settings: Settings):
    """The chat model for these settings, built once per process (a local model loads on first use)."""
    fields = (
        "backend", "model", "context_window", "threads", "temperature", "max_answer_tokens",
        "openai_base_url", "openai_timeout", "openai_max_retries", "cache_dir", "openai_api_key",
    )  # fmt: skip
    return _llm(tuple((f, getattr(settings, f)) for f in fields))


@dataclass
class Context:
    """What one API call works with. It holds the heavy parts; it does nothing else.

    The store opens when first used, so a command that never touches the index
    (or fails before it) does not open one; the chat model is built when first used.
    """

    settings: Settings
    embedder: Embedder
    create: bool = False  # may the store be created (ingest), or must it exist (everything else)?
    _store: Store | None = field(default=None, repr=False)
    _llm: object = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = store_for(self.settings, self.embedder, create=self.create)
        return self._store

    @property
    def llm(self):
        if self._llm is None:
            self._llm = llm_for(self.settings)
        return self._llm


def as_settings(settings) -> Settings:
    """``settings`` as :class:`Settings`: None is the environment's, a dict is read as setting names and values;
    anything else is one clear line.

    >>> as_settings({"k": 3}).k
    3
    >>> as_settings("k=3")
    Traceback (most recent call last):
    ...
    rag.errors.ConfigError: settings= takes a rag.Settings or a dict such as {"index": "news-index"}, not str
    """
    if settings is None:
        return Settings()
    if isinstance(settings, Settings):
        return settings
    if isinstance(settings, dict):
        try:
            return Settings(**settings)
        except ValidationError as e:
            raise ConfigError(f"settings: {explain(e, env=False)}") from None
    raise ConfigError(f'settings= takes a rag.Settings or a dict such as {{"index": "news-index"}}, not {type(settings).__name__}')


def open_context(
    settings: Settings | None = None, *, store: Store | None = None, embedder: Embedder | None = None, llm=None, create: bool = False
) -> Context:
    """A :class:`Context` from settings (default: the environment) and whatever the caller passes in. ``settings``
    may be a dict of setting names and values (``{"index": "news-index"}``)."""
    settings = as_settings(settings)
    return Context(settings, embedder or embedder_for(settings), create, store, llm)
