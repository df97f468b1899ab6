"""OpenAI (or OpenAI-compatible) embeddings behind the Embedder interface."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..errors import BackendError

_DIMS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}


class OpenAIEmbedder:
    def __init__(
        self,
        model: str = "text-embedding-3-small",
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        batch_size: int = 64,
        dim: int | None = None,
    ):
        self.model = model
        self.name = f"openai:{model}"
        self.batch_size = batch_size
        key = api_key
        if not key and not base_url:
            raise BackendError("OPENAI_API_KEY is not set; export it, or set RAG_EMBEDDER=minilm for the offline embedder")
        from openai import OpenAI

        # A local OpenAI-compatible server usually accepts any key.
        self._client = OpenAI(api_key=key or "not-needed", base_url=base_url, timeout=timeout, max_retries=max_retries)
        self._dim = dim or _DIMS.get(model)

    @property
    def dim(self) -> int:
        if self._dim is None:  # unknown model: ask once
            self._dim = int(self.embed(["dimension probe"]).shape[1])
        return self._dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import openai

        out = []
        for i in range(0, len(texts), self.batch_size):
            try:
                resp = self._client.embeddings.create(model=self.model, input=list(texts[i : i + self.batch_size]))
            except openai.AuthenticationError:
                raise BackendError("the embeddings server rejected the API key; check OPENAI_API_KEY") from None
            except openai.APITimeoutError:
                raise BackendError("the embeddings server timed out; retry, or raise RAG_OPENAI_TIMEOUT") from None
            except openai.APIConnectionError:
                raise BackendError("cannot reach the embeddings server; check RAG_OPENAI_BASE_URL and your network") from None
            except openai.APIError as err:
                raise BackendError(f"embeddings request failed: {err}") from None
            out.extend(d.embedding for d in resp.data)
        vecs = np.asarray(out, dtype=np.float32).reshape(len(texts), -1)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.maximum(norms, 1e-12)
