"""Errors for people: each message says what happened and what to do next.

The CLI, the REPL and ``rag eval`` print ``Error: <message>`` as one line through
:func:`report`; ``RAG_DEBUG=1`` shows the traceback as well.
"""

from __future__ import annotations


class RagError(Exception):
    """Base class for every error newsrag reports to a user."""


class ConfigError(RagError):
    """A setting or argument is invalid."""


class MissingDependency(RagError):
    """An optional package is not installed; the message has the install command."""

    def __init__(self, what: str, install: str):
        super().__init__(f"{what} is not installed; run: {install}")
        self.install = install


class StoreError(RagError):
    """The index cannot be opened or is inconsistent."""


class NoIndex(StoreError):
    """A command that only reads found no index: nothing has been ingested there yet."""


class IndexBusy(StoreError):
    """Another process is writing to the same embedded index."""


class EmbedderMismatch(StoreError):
    """The index was built with a different embedding model."""


class LoadError(RagError):
    """One input (file, record, URL) could not be read; the batch goes on."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class BackendError(RagError):
    """The LLM or embedding backend failed (unreachable, timeout, bad key)."""


_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")


def visible(text: str) -> str:
    """``text`` without invisible format characters (zero-width spaces and joiners, soft hyphens, a stray BOM) that
    copy-pasted text carries: "$50\u200b billion" is "$50 billion" to a reader, and must be to the checker.

    >>> visible("$50\u200b billion"), visible("bil\u00adlion")
    ('$50 billion', 'billion')
    """
    return text.translate(_INVISIBLE)


def check_text(text: str, what: str = "the query") -> None:
    r"""Text a person typed must be text: bytes a terminal could not decode arrive as lone surrogates, which no
    embedder or index takes.

    >>> check_text("who won\udcff?")
    Traceback (most recent call last):
    rag.errors.ConfigError: the query is not valid UTF-8 (character 8); type it again, or set the terminal to UTF-8
    """
    if not isinstance(text, str):
        raise ConfigError(f"{what} must be text (a str), not {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ConfigError(f"{what} is not valid UTF-8 (character {err.start + 1}); type it again, or set the terminal to UTF-8") from None


# --- the one reporter: CLI, REPL and `rag eval` all show errors through here ----------


def one_line(err: BaseException) -> str:
    """What a person reads: a RagError's own message; anything else named by its type.

    >>> one_line(ConfigError("k must be positive")), one_line(ValueError("bad\\nmore"))
    ('k must be positive', 'ValueError: bad')
    """
    if isinstance(err, RagError):
        return str(err)
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


def debug_enabled() -> bool:
    """RAG_DEBUG, read through Settings like every other variable (a bad environment reads as off)."""
    from pydantic import ValidationError

    from .settings import Settings

    try:
        return Settings().debug
    except ValidationError:
        return False


def report(err: BaseException, emit, *, debug: bool | None = None, prefix: str = "Error: ", trace=None) -> None:
    """Emit ``<prefix><one line>``; with RAG_DEBUG the traceback first (to ``trace``, default ``emit``)."""
    if debug if debug is not None else debug_enabled():
        import traceback

        (trace or emit)("".join(traceback.format_exception(err)).rstrip())
    emit(prefix + one_line(err))


def exits_on_error(fn):
    """For Click commands: a RagError prints one red line and exits 1, Ctrl-C exits 130.

    With RAG_DEBUG=1 the error propagates, so the traceback shows. Anything that is
    not a RagError is a bug and keeps its traceback.
    """
    import functools
    import sys

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        import click

        try:
            return fn(*args, **kwargs)
        except RagError as err:
            if debug_enabled():
                raise
            report(err, lambda line: click.secho(line, fg="red", err=True), debug=False)
            sys.exit(1)
        except KeyboardInterrupt:
            click.secho("Interrupted.", fg="yellow", err=True)
            sys.exit(130)

    return wrapper


class CtrlC:
    """Ctrl-C that is never lost while a ``with`` block streams an answer (main thread; elsewhere a no-op).

    Python raises KeyboardInterrupt wherever it is when SIGINT lands. If that is a
    ctypes callback (llama.cpp's log hook runs during every model call), ctypes
    prints the exception and drops it, and the answer ran to its end (about 1
    interrupt in 15 in a pty loop). So the handler also sets a flag, and
    :meth:`check`, called at every streamed piece, raises it again.
    """

    def __init__(self) -> None:
        import threading

        self.pressed = threading.Event()
        self._previous = None

    def _on(self, signum, frame):
        self.pressed.set()
        raise KeyboardInterrupt

    def __enter__(self) -> CtrlC:
        import signal
        import threading

        self.pressed.clear()
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on)
        return self

    def __exit__(self, *exc) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def check(self) -> None:
        """Raise KeyboardInterrupt if Ctrl-C was pressed inside the block, even where it was dropped."""
        if self.pressed.is_set():
            raise KeyboardInterrupt

    def checked(self, stream):
        """The items of ``stream``, checking for a dropped Ctrl-C before each."""
        for item in stream:
            self.check()
            yield item
