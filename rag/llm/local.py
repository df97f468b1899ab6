"""llama.cpp as a LangChain chat model, so the local and OpenAI backends share one chain."""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from ..errors import MissingDependency, RagError

log = logging.getLogger(__name__)
_ROLES = {"human": "user", "ai": "assistant", "system": "system"}
_LOCK = threading.Lock()  # one llama.cpp context is not safe to use from two threads at once


_LAST: dict[str, int] = {}  # llama.cpp's evaluated-token count around the last call (under _LOCK)


def _kind(messages: list[BaseMessage]) -> str:
    """A call's fixed part: its system message (the prompt file it came from)."""
    return messages[0].content if messages and messages[0].type == "system" else ""


_LOAD_LOCK = threading.Lock()  # the REPL preloads in a thread; a second load would double the memory


def load_llama(path: str, n_ctx: int, threads: int):
    """Load a GGUF model once per process (seconds, and ~1 GB of memory)."""
    with _LOAD_LOCK:
        return _load(path, n_ctx, threads)


_CALLBACKS: list = []  # llama.cpp keeps a pointer to its log callback: keep the Python object alive


@cache
def _quiet_llama_cpp() -> None:
    """Keep llama.cpp quiet without taking the process's stdout and stderr away.

    llama-cpp-python hides llama.cpp's load messages by pointing file descriptors
    1 and 2 at /dev/null while a model loads. That is process-wide: whatever
    another thread printed meanwhile was lost. ``rag ask`` preloads the model in
    a thread, so a question declined before the load finished printed nothing at
    all. Instead, llama.cpp's log goes to a callback that drops it (its errors
    still surface as Python exceptions), and the redirect becomes a no-op.
    """
    import contextlib
    import ctypes

    import llama_cpp
    from llama_cpp import _internals
    from llama_cpp import llama as llama_module

    for module in (llama_module, _internals):
        module.suppress_stdout_stderr = lambda disable=False: contextlib.nullcontext()

    @llama_cpp.llama_log_callback
    def drop(level, text, user_data):
        return None

    _CALLBACKS.append(drop)
    llama_cpp.llama_log_set(drop, ctypes.c_void_p(0))


@cache
def _load(path: str, n_ctx: int, threads: int):
    try:
        from llama_cpp import Llama
    except ImportError:
        raise MissingDependency("llama-cpp-python (the local backend)", "pip install 'newsrag[local]'") from None
    _quiet_llama_cpp()
    try:
        llama = Llama(model_path=path, n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads, n_batch=512, verbose=False, seed=0)
    except ValueError as err:  # llama.cpp could not read it: not a GGUF file, cut short, or a kind it does not know
        raise RagError(f"cannot load the model at {path} ({err}); is it a complete GGUF file?") from None
    # Free it before interpreter teardown; llama.cpp's own finaliser runs too late and prints a TypeError.
    atexit.register(llama.close)
    return llama


class PrefixStates:
    """The KV cache of each fixed prompt, so no call pays again for a prefix this process evaluated once.

    llama-cpp-python already reuses the longest common prefix of the previous
    call in the one context. A call with another system prompt in between (the
    follow-up rewrite, a summary) overwrote it, and the next answer read its
    ~270-token instructions again. So after every call the context's sequence is
    saved per system prompt (``llama_state_seq_get_data``: the KV cells only, not
    the logits; ~28 KB a token), and restored before the next call with that
    system prompt when another kind ran in between; llama.cpp then drops what
    follows the common prefix and evaluates only the new tokens. ``keep`` kinds
    are kept (answer, rewrite, summary, ...), the least recently used dropped.
    """

    def __init__(self, llama, keep: int = 4, folder: Path | None = None, key: str = ""):
        self.llama, self.keep = llama, keep
        self.saved: dict[str, tuple[Any, bytes]] = {}
        self.current: str | None = None  # the kind whose tokens the context holds now
        self.folder, self.key = folder, key  # on disk: each kind's fixed part, for the next process

    def _file(self, kind: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha256(f"{self.key}\0{kind}".encode()).hexdigest()[:24] + ".npz")

    def _load(self, kind: str) -> None:
        """A state of ``kind``'s fixed part that an earlier process saved (a cold `rag ask` skips reading it)."""
        path = self._file(kind)
        if path is None or not path.exists():
            return
        import numpy as np

        try:
            with np.load(path) as f:
                self.saved[kind] = (f["ids"].astype(np.intc), f["blob"].tobytes())
        except Exception as err:  # noqa: BLE001 - a damaged file: evaluate as if it were not there, and replace it
            log.debug("prefix state %s unreadable (%s); removed", path, err)
            path.unlink(missing_ok=True)

    def _store(self, kind: str) -> None:
        """Save the fixed part of ``kind`` (its system message's tokens) for later processes, once.

        The context is cut back to that part first; the next call of this process
        evaluates its question anyway, so only a repeat of the same prompt loses.
        """
        path = self._file(kind)
        if path is None or path.exists() or not kind:
            return
        import numpy as np

        if self._cut_to_fixed(kind) <= 0:
            return
        ids, blob = self._state()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:  # np.savez adds .npz to a bare name; a file object keeps ours
                np.savez(fh, ids=ids, blob=np.frombuffer(blob, dtype=np.uint8))
            os.replace(tmp, path)
        except OSError as err:  # a read-only cache: answers are the same, a cold start is slower
            log.debug("could not save prefix state %s: %s", path, err)
        for old in sorted(path.parent.glob("*.npz"), key=lambda p: p.stat().st_mtime)[:-KEEP_FILES]:
            old.unlink(missing_ok=True)

    def _state(self) -> tuple[Any, bytes]:
        import ctypes

        import llama_cpp

        ctx = self.llama._ctx.ctx
        size = llama_cpp.llama_state_seq_get_size(ctx, 0)
        buf = (ctypes.c_uint8 * size)()
        got = llama_cpp.llama_state_seq_get_data(ctx, buf, size, 0)
        return self.llama.input_ids[: self.llama.n_tokens].copy(), bytes(buf)[:got]

    def keep_fixed(self) -> None:
        """Cut the context back to the current kind's fixed part, so the next call reuses nothing of the last one.

        For benchmarks that ask one question several ways in a row: without it the
        second way would find the first's passages cached and look faster than it is.
        """
        if self.current:
            self._cut_to_fixed(self.current)
            self.saved[self.current] = self._state()

    def _cut_to_fixed(self, kind: str) -> int:
        """Drop the context's tokens after ``kind``'s fixed part; its length (0: not found, nothing dropped)."""
        n = fixed_length(self.llama, self.llama.input_ids[: self.llama.n_tokens], kind)
        if n > 0:
            self.llama._ctx.kv_cache_seq_rm(0, n, -1)
            self.llama.n_tokens = n
        return n

    def before(self, kind: str) -> None:
        if kind != self.current and kind not in self.saved:
            self._load(kind)
        if kind == self.current or kind not in self.saved:
            self.current = None
            return
        import ctypes

        import llama_cpp

        ids, blob = self.saved[kind]
        buf = (ctypes.c_uint8 * len(blob)).from_buffer_copy(blob)
        self.current = None
        if llama_cpp.llama_state_seq_set_data(self.llama._ctx.ctx, buf, len(blob), 0) != len(blob):
            del self.saved[kind]  # could not restore: the call evaluates its whole prompt, as before
            self.llama.n_tokens = 0
            return
        self.llama.input_ids[: len(ids)] = ids
        self.llama.n_tokens = len(ids)
        self.llama._requires_eval = True  # logits are not restored: llama-cpp-python replays a token first

    def after(self, kind: str) -> None:
        self._store(kind)
        self.saved.pop(kind, None)
        self.saved[kind] = self._state()
        while len(self.saved) > self.keep:
            self.saved.pop(next(iter(self.saved)))
        self.current = kind


KEEP_FILES = 16  # saved fixed parts on disk (prompt kinds x models); the oldest go


def fixed_length(llama, ids, system: str) -> int:
    """How many leading tokens of a prompt hold its system message: the part every call of its kind shares.

    Found by reading the tokens back until the system message's end has gone by,
    so it holds for any chat template that puts the system message first; 0 when
    it never does.
    """
    end = system.rstrip()[-48:].encode()
    text = b""
    for i, token in enumerate(ids):
        text += llama.detokenize([int(token)], special=True)
        if end in text[-len(end) - 32 :]:
            return i + 1
    return 0


def build_features() -> list[str]:
    """The CPU features this llama-cpp-python build uses ("AVX2", "AVX512", ...), from llama.cpp's system info."""
    import llama_cpp

    info = llama_cpp.llama_print_system_info().decode(errors="replace").split(":", 1)[-1]
    return [f.split("=")[0].strip() for f in info.split("|") if f.strip().endswith("= 1")]


@cache
def prefix_states(path: str, n_ctx: int, threads: int, folder: str | None = None) -> PrefixStates:
    """The states of one loaded model; ``folder`` keeps each fixed part on disk for the next process."""
    import llama_cpp

    where = Path(path)
    stat = where.stat()
    # the build's CPU features too: a state saved by an AVX2 build is not what an AVX-512 one computes
    build = " ".join(build_features())
    key = f"{where.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{n_ctx}\0{llama_cpp.__version__}\0{build}"
    return PrefixStates(load_llama(path, n_ctx, threads), folder=Path(folder) if folder else None, key=key)


def evaluated_prompt_tokens(llama) -> int:
    """llama.cpp's own count of prompt tokens it has evaluated in this context (cumulative)."""
    import llama_cpp

    return int(llama_cpp.llama_perf_context(llama._ctx.ctx).n_p_eval)


class LlamaCppChat(BaseChatModel):
    """Chat completions from a local GGUF model through llama-cpp-python."""

    model_path: str
    n_ctx: int = 4096
    threads: int = 2
    temperature: float = 0.0
    max_tokens: int = 512

    state_dir: str | None = None  # where fixed prompt parts are kept between processes (None: memory only)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    def _states(self) -> PrefixStates:
        return prefix_states(self.model_path, self.n_ctx, self.threads, self.state_dir)

    @property
    def model_name(self) -> str:
        return Path(self.model_path).name

    def _request(self, messages: list[BaseMessage], stop, stream: bool, **kwargs: Any):
        llama = load_llama(self.model_path, self.n_ctx, self.threads)
        chat = [{"role": _ROLES.get(m.type, "user"), "content": m.content} for m in messages]
        self._states().before(_kind(messages))
        _LAST["start"] = evaluated_prompt_tokens(llama)
        return llama.create_chat_completion(
            messages=chat,
            temperature=kwargs.get("temperature", self.temperature),
            max_tokens=kwargs.get("max_tokens", self.max_tokens),
            stop=stop,
            stream=stream,
        )

    def _done(self, messages) -> None:
        """After a call: save its prefix state and record how many prompt tokens llama.cpp evaluated."""
        llama = load_llama(self.model_path, self.n_ctx, self.threads)
        _LAST["evaluated"] = evaluated_prompt_tokens(llama) - _LAST.get("start", 0)
        self._states().after(_kind(messages))

    def last_evaluated(self) -> int | None:
        """Prompt tokens llama.cpp evaluated in the last call (the rest came from a cached prefix)."""
        return _LAST.get("evaluated")

    def _next_logits(self, messages: list[BaseMessage]):
        """The logits of the token after the prompt, from llama.cpp (the cached prefix is reused).

        One token is generated so that llama-cpp-python evaluates the prompt; the
        logits of the prompt's last position are then in the context, since the
        sampled token is never evaluated.
        """
        import numpy as np

        with _LOCK:
            llama = load_llama(self.model_path, self.n_ctx, self.threads)
            self._request(messages, None, False, max_tokens=1, temperature=0.0)
            logits = np.ctypeslib.as_array(llama._ctx.get_logits(), shape=(llama.n_vocab(),)).astype(np.float64)
            self._done(messages)
        return llama, logits

    def yes_probability(self, messages: list[BaseMessage]) -> float:
        """P(yes) among the yes/no tokens after the prompt (``rag.judge``), from llama.cpp's logits."""
        return self.token_probabilities(messages, [("yes", "Yes", " yes", " Yes", "YES"), ("no", "No", " no", " No", "NO")])[0]

    def token_probabilities(self, messages: list[BaseMessage], groups) -> list[float]:
        """For each group of words, the probability that the reply starts with one of them, among the groups only.

        Each word counts by its first token when that token holds a letter or digit
        of it ("(A" is one token in Qwen's vocabulary; where "(" is a token of its own,
        it would speak for every option and is left out); a token shared by two
        groups counts for the first. ``rag.choice`` asks for an option's letter this way.
        """
        import numpy as np

        llama, logits = self._next_logits(messages)

        def first(word: str) -> set[int]:
            token = llama.tokenize(word.encode(), add_bos=False, special=False)[0]
            text = llama.detokenize([token]).decode("utf-8", "ignore")
            return {token} if any(ch.isalnum() for ch in text) else set()

        ids: list[list[int]] = []
        taken: set[int] = set()
        for words in groups:
            group = sorted(set().union(*(first(w) for w in words)) - taken)
            taken |= set(group)
            ids.append(group)
        if not any(ids):
            return [0.0] * len(ids)  # no group has a token of its own: nothing to read
        top = max(logits[i].max() for i in ids if i)
        mass = [float(np.exp(logits[i] - top).sum()) if i else 0.0 for i in ids]
        return [m / sum(mass) for m in mass]

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        with _LOCK:
            out = self._request(messages, stop, False, **kwargs)
            self._done(messages)
        usage = out.get("usage", {})
        msg = AIMessage(
            content=out["choices"][0]["message"]["content"] or "",
            response_metadata={"finish_reason": out["choices"][0].get("finish_reason") or "stop"},
            usage_metadata={
                "input_tokens": usage.get("prompt_tokens", 0),
                "output_tokens": usage.get("completion_tokens", 0),
                "total_tokens": usage.get("total_tokens", 0),
            },
        )
        return ChatResult(generations=[ChatGeneration(message=msg)])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        with _LOCK:
            for part in self._request(messages, stop, True, **kwargs):
                choice = part["choices"][0]
                if choice.get("finish_reason"):  # the end, as OpenAI streams say it
                    yield ChatGenerationChunk(message=AIMessageChunk(content="", response_metadata={"finish_reason": choice["finish_reason"]}))
                text = choice["delta"].get("content") or ""
                if not text:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
                if run_manager:
                    run_manager.on_llm_new_token(text, chunk=chunk)
                yield chunk
            self._done(messages)  # not reached when the caller stops early: the next call restores nothing stale


load_llama.cache_info = _load.cache_info  # type: ignore[attr-defined]
