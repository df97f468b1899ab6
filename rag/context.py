"""Heavy pieces (embedder, Chroma client, store) built once per process and shared.

The REPL, the CLI and the API all go through here, so a second question in the
same process pays nothing for loading.
"""

from __future__ import annotations

import os
import threading
from functools import cache, wraps

from .embeddings import Embedder, make_embedder
from .settings import Settings
from .store import Store, make_client


_BUILD = threading.RLock()  # the REPL warms these up in a thread while the user types


def _once(fn):
    """functools.cache, plus a lock: two threads must not build the same heavy piece at once."""
    cached = cache(fn)

    @wraps(fn)
    def locked(*args):
        with _BUILD:
            return cached(*args)

    return locked


def settings_or_default(settings: Settings | None) -> Settings:
    return settings if settings is not None else Settings()


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
    if not settings.chroma_url and not (settings.index / "chroma.sqlite3").exists():
        return None  # no index yet: do not create one just to look
    try:
        meta = _client(index, settings.chroma_url).get_collection(f"{settings.collection}-chunks").metadata or {}
    except Exception:  # noqa: BLE001 - no such collection, or a server down: store_for says which
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
    fields = ("embedder", "openai_embedding_model", "openai_base_url", "threads", "embed_batch_size", "cache_dir", "openai_timeout", "openai_max_retries")
    return _embedder(tuple((f, getattr(settings, f)) for f in fields))


@_once
def _client(index: str, chroma_url: str | None):
    from pathlib import Path

    return make_client(Path(index), chroma_url)


@_once
def _store(index: str, chroma_url: str | None, collection: str, embedder_name: str, dim: int) -> Store:
    client = _client(index, chroma_url)
    return Store(client, embedder_name, dim, prefix=collection, location=chroma_url or index)


def store_for(settings: Settings, embedder: Embedder | None = None) -> Store:
    """The store for these settings, opened once per process (opening costs ~3 ms a search)."""
    embedder = embedder or embedder_for(settings)
    index = str(settings.index.resolve()) if not settings.chroma_url else ""
    store = _store(index, settings.chroma_url, settings.collection, embedder.name, embedder.dim)
    return store


@_once
def _llm(key: tuple):
    from .llm import make_llm

    return make_llm(Settings.model_validate({k: v for k, v in key if not k.startswith("_")}))


def llm_for(settings: Settings):
    """The chat model for these settings, built once per process (a local model loads on first use)."""
    fields = (
        "backend", "model", "context_window", "threads", "temperature", "max_answer_tokens",
        "openai_base_url", "openai_timeout", "openai_max_retries", "cache_dir",
    )  # fmt: skip
    # The key is read from the environment when the model is built; a change must rebuild it.
    key = bool(os.environ.get("OPENAI_API_KEY"))
    return _llm(tuple((f, getattr(settings, f)) for f in fields) + (("_has_key", key),))
