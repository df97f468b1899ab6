"""Errors for people: each message says what happened and what to do next.

The CLI prints ``str(err)`` as one line; ``RAG_DEBUG=1`` shows the traceback.
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
