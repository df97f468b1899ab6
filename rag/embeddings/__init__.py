"""Embedders: turn texts into unit vectors. One interface, two backends.

``make_embedder(settings)`` picks the backend; everything else takes an
``Embedder`` argument so tests and callers can pass their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..settings import Settings


class Embedder(Protocol):
    name: str  # recorded in the index; a different one there is an error
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    # Optional: ``worker_config() -> dict`` (MiniLMEmbedder has it) lets ingest run the same
    # embedder in a child process (``rag.embeddings.worker``); embedders without it embed in-process.


def make_embedder(settings: Settings) -> Embedder:
    if settings.embedder in ("minilm", "minilm-int8"):
        from .minilm import MiniLMEmbedder

        return MiniLMEmbedder(settings.minilm_dir, threads=settings.threads, batch_size=settings.embed_batch_size,
                              cache_dir=settings.cache_dir, int8=settings.embedder == "minilm-int8")
    if settings.embedder == "openai":
        from .openai import OpenAIEmbedder

        return OpenAIEmbedder(
            model=settings.openai_embedding_model,
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key.get_secret_value() if settings.openai_api_key else None,
            timeout=settings.openai_timeout,
            max_retries=settings.openai_max_retries,
            batch_size=settings.embed_batch_size,
        )
    raise ConfigError(f"unknown embedder {settings.embedder!r}; use minilm, minilm-int8 or openai")
