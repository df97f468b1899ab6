"""Chat models for answering: local llama.cpp (default, offline) or OpenAI-compatible.

Both are LangChain chat models, so the answer chain is one code path.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from ..errors import BackendError, ConfigError
from ..settings import Settings

DEFAULT_MODELS = {"local": "qwen2.5-1.5b", "openai": "gpt-4o-mini"}
DEFAULT_CONTEXT = {"local": 4096, "openai": 128_000}


def model_name(settings: Settings) -> str:
    return settings.model or DEFAULT_MODELS[settings.backend]


def engine(settings: Settings) -> str:
    """What computes the answers, for a run's record: llama-cpp-python's version and the CPU features its build uses
    (two builds can reply differently to the same prompt: sums in another order turn a near tie), or the server."""
    if settings.backend != "local":
        return f"{settings.backend} {re.sub(r'//[^/@]*@', '//', settings.openai_base_url or '')}".strip()  # no user:password@
    try:
        import llama_cpp
    except ImportError:
        return "llama-cpp-python not installed"
    from .local import build_features

    return f"llama-cpp-python {llama_cpp.__version__} ({' '.join(build_features())})"


def context_window(settings: Settings) -> int:
    return settings.context_window or DEFAULT_CONTEXT[settings.backend]


def make_llm(settings: Settings):
    """The chat model the settings ask for (loading a local model is deferred to first use)."""
    if settings.backend == "local":
        from .local import LlamaCppChat
        from .model_files import resolve_model

        return LlamaCppChat(
            model_path=str(resolve_model(model_name(settings), settings.cache_dir)),
            n_ctx=context_window(settings),
            threads=settings.threads,
            temperature=settings.temperature,
            max_tokens=settings.max_answer_tokens,
            state_dir=str(settings.cache_dir / "prefix-states") if settings.prefix_cache else None,
        )
    if settings.backend == "openai":
        key = api_key(settings)
        if not key and not settings.openai_base_url:
            raise BackendError(
                "OPENAI_API_KEY is not set; export it, set RAG_OPENAI_BASE_URL for a compatible server, "
                "or use --backend local"
            )
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=model_name(settings),
            api_key=key or "not-needed",  # local OpenAI-compatible servers accept any key
            base_url=settings.openai_base_url,
            timeout=settings.openai_timeout,
            max_retries=settings.openai_max_retries,  # the openai client backs off exponentially
            temperature=settings.temperature,
            max_tokens=settings.max_answer_tokens,
            stream_usage=True,
        )
    raise ConfigError(f"unknown backend {settings.backend!r}; use local or openai")


def finish_reason(message) -> str:
    """Why the model stopped, as a chat chunk says it ("stop", "length": the token limit), or "" mid-stream."""
    meta = getattr(message, "response_metadata", None) or {}
    return str(meta.get("finish_reason") or meta.get("done_reason") or meta.get("stop_reason") or "")


def _finished(message) -> bool:
    return bool(finish_reason(message))


def _text_until_finish(chunks):
    """Chat chunks -> text; a stream that ends without a finish reason was cut off, and says so."""
    finished = False
    for chunk in chunks:
        finished = finished or _finished(chunk)
        text = chunk.content if isinstance(chunk.content, str) else ""
        if text:
            yield text
    if not finished:
        raise BackendError("the model's answer broke off mid-answer (the stream ended without finishing); retry")


def text_output():
    """LCEL step after a chat model: the text, checked to be complete (replaces StrOutputParser)."""
    from langchain_core.runnables import RunnableGenerator

    return RunnableGenerator(_text_until_finish)


def api_key(settings: Settings) -> str | None:
    return settings.openai_api_key.get_secret_value() if settings.openai_api_key else None


def redact(text: str, settings: Settings) -> str:
    """Remove the API key from text that may echo it (a server's error body, say)."""
    key = api_key(settings)
    return text.replace(key, "[redacted key]") if key and len(key) >= 8 else text


@contextmanager
def backend_errors(settings: Settings):
    """Turn the OpenAI client's exceptions into one-line BackendErrors."""
    try:
        yield
    except ImportError:
        raise
    except Exception as err:
        try:
            import openai
        except ImportError:  # pragma: no cover
            raise err from None
        import json

        import httpx

        where = settings.openai_base_url or "the OpenAI API"
        if isinstance(err, (httpx.RemoteProtocolError, httpx.ReadError)):
            raise BackendError(f"the connection to {where} broke off mid-answer; retry") from None
        if isinstance(err, (json.JSONDecodeError, openai.APIResponseValidationError)) or (
            isinstance(err, ValueError) and "No generation chunks" in str(err)
        ):
            raise BackendError(f"{where} sent a response that is not valid OpenAI JSON; is it an OpenAI-compatible server?") from None
        if isinstance(err, openai.APITimeoutError):
            raise BackendError(f"{where} did not answer within {settings.openai_timeout:g}s; retry, or raise RAG_OPENAI_TIMEOUT") from None
        if isinstance(err, openai.APIConnectionError):
            raise BackendError(f"cannot reach {where}; is the server running? (RAG_OPENAI_BASE_URL)") from None
        if isinstance(err, openai.AuthenticationError):
            raise BackendError(f"{where} rejected the API key; check OPENAI_API_KEY") from None
        if isinstance(err, openai.NotFoundError):
            raise BackendError(f"{where} has no model {model_name(settings)!r}; set --model / RAG_MODEL") from None
        if isinstance(err, openai.APIStatusError):
            raise BackendError(redact(f"{where} answered HTTP {err.status_code}: {err.message}", settings)) from None
        raise
