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
    """The real default embedder (all-MiniLM-L6-v2, int8 MatMuls, on onnxruntime), loaded once."""
    from rag.embeddings import make_embedder
    from rag.settings import Settings

    return make_embedder(Settings(threads=2))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_chroma(path: Path, port: int):
    """A real `chroma run` server on loopback; returns the process once it accepts connections."""
    import socket
    import subprocess
    import time

    chroma = ROOT / ".venv" / "bin" / "chroma"
    proc = subprocess.Popen(
        [str(chroma if chroma.exists() else shutil.which("chroma")), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=guarded_env(ANONYMIZED_TELEMETRY="False"),
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("chroma run did not start")


@pytest.fixture(scope="session")
def chroma_server_url(tmp_path_factory):
    """One `chroma run` for the session; tests isolate themselves by collection name."""
    port = free_port()
    proc = start_chroma(tmp_path_factory.mktemp("chroma-server"), port)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture
def index_mode(request) -> str:
    """embedded (a folder) unless a module parametrizes it: ``indirect`` over ["embedded", "server"]."""
    return getattr(request, "param", "embedded")


@pytest.fixture
def settings(tmp_path, index_mode, request):
    from uuid import uuid4

    from rag.settings import Settings

    if index_mode == "server":
        url = request.getfixturevalue("chroma_server_url")
        return Settings(index=tmp_path / "index", chroma_url=url, collection=f"t{uuid4().hex[:10]}", threads=2)
    return Settings(index=tmp_path / "index", threads=2)


@pytest.fixture
def store(settings, embedder):
    from rag.store import Store, make_client

    where = settings.chroma_url or str(settings.index)
    return Store(make_client(settings.index, settings.chroma_url), embedder.name, embedder.dim, prefix=settings.collection, location=where)


def pytest_generate_tests(metafunc):
    """Modules with ``BOTH_STORES = True`` run every test that uses the index on both stores."""
    if getattr(metafunc.module, "BOTH_STORES", False) and "index_mode" in metafunc.fixturenames:
        metafunc.parametrize("index_mode", ["embedded", "server"], indirect=True)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


collect_ignore_glob = ["fixtures/*", "offline_guard/*"]
