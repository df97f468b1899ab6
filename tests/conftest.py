"""Shared fixtures, and a guard that makes any non-loopback connection fail the suite.

The guard proves on every run that newsrag works offline: a stray download
(a hub model, tiktoken files, telemetry) raises at once, and is reported again at
the end in case the code under test swallowed the exception.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEED_ID = "000_6177586f370daf91"

sys.path.insert(0, str(Path(__file__).parent / "offline_guard"))
import _offline_guard  # noqa: E402  (installs the guard now, before any test imports rag)

_VIOLATIONS = _offline_guard._VIOLATIONS


def guarded_env(**extra) -> dict:
    """Environment for child processes: same offline guard, no proxy surprises."""
    env = dict(os.environ)
    guard = str(Path(__file__).parent / "offline_guard")
    env["PYTHONPATH"] = guard + os.pathsep + env.get("PYTHONPATH", "") if env.get("PYTHONPATH") else guard
    env.update(extra)
    return env


def pytest_sessionfinish(session, exitstatus):
    if _VIOLATIONS:
        sys.stderr.write("\nOFFLINE GUARD: the code tried to reach the network:\n  " + "\n  ".join(_VIOLATIONS) + "\n")
        session.exitstatus = 1


# --- fixtures -------------------------------------------------------------------


@pytest.fixture(scope="session")
def embedder():
    """The real default embedder (all-MiniLM-L6-v2 on onnxruntime), loaded once."""
    from rag.embeddings.minilm import MiniLMEmbedder

    return MiniLMEmbedder(threads=2)


@pytest.fixture
def settings(tmp_path):
    from rag.settings import Settings

    return Settings(index=tmp_path / "index", threads=2)


@pytest.fixture
def store(settings, embedder):
    from rag.store import Store, make_client

    return Store(make_client(settings.index), embedder.name, embedder.dim, location=str(settings.index))


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


collect_ignore_glob = ["fixtures/*", "offline_guard/*"]
