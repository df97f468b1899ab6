"""Failing OpenAI-compatible servers: clear errors in bounded time, retries where sensible, no leaked keys.

A real HTTP server on 127.0.0.1 (tests/misbehaving_server.py) plays each fault;
the index and embedder are real.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from conftest import CORPUS, SEED_ID, guarded_env
from misbehaving_server import MisbehavingServer

import rag
from rag.errors import BackendError
from rag.settings import Settings

CANARY = "sk-canary-7f3b9c2e5d1a4f60"


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("faults") / "index"
    rag.ingest([CORPUS / f"{SEED_ID}.txt"], settings=Settings(index=path, threads=2))
    return path


@pytest.fixture(autouse=True)
def canary_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", CANARY)


def ask(index, server, **over):
    settings = Settings(index=index, backend="openai", model="m", openai_base_url=server.url, threads=2,
                        **{"openai_max_retries": 0, "openai_timeout": 3.0, **over})  # fmt: skip
    t0 = time.perf_counter()
    try:
        return rag.ask("How much is Alibaba investing?", today="2025-04-20", settings=settings), time.perf_counter() - t0
    except BackendError as err:
        assert CANARY not in str(err) and "\n" not in str(err)
        return err, time.perf_counter() - t0


def test_a_well_behaved_server_answers(index):
    with MisbehavingServer("ok") as srv:
        answer, _ = ask(index, srv)
    assert "50 billion" in answer.text and answer.citations[0].verified


@pytest.mark.parametrize(
    "mode, retries, message, requests",
    [
        ("error500", 1, "answered HTTP 500", 2),  # retried once, then a clear error
        ("badjson", 0, "not valid OpenAI JSON", 1),
        ("badstream", 0, "not valid OpenAI JSON", 1),
        ("cutstream", 0, "broke off mid-answer", 1),
        ("hang", 0, "did not answer within 3s", 1),
        ("echo_auth", 0, "rejected the API key", 1),
    ],
)
def test_faults_are_clear_bounded_errors(index, mode, retries, message, requests):
    with MisbehavingServer(mode) as srv:
        err, seconds = ask(index, srv, openai_max_retries=retries)
        assert isinstance(err, BackendError), err
        assert message in str(err)
        assert srv.requests == requests
    assert seconds < 15


def test_transient_503s_are_retried_with_backoff(index):
    with MisbehavingServer("flaky503") as srv:
        answer, seconds = ask(index, srv, openai_max_retries=3)
        assert srv.requests == 3 and "50 billion" in answer.text
    assert seconds < 15


def test_chat_survives_a_broken_stream(index):
    with MisbehavingServer("cutstream") as srv:
        lines = "How much is Alibaba investing?\n/sources\nWhat is Alibaba investing in?\n/exit\n"
        env = guarded_env(RAG_INDEX=str(index), RAG_BACKEND="openai", RAG_MODEL="m", RAG_OPENAI_BASE_URL=srv.url,
                          RAG_OPENAI_MAX_RETRIES="0", RAG_OPENAI_TIMEOUT="3", OPENAI_API_KEY=CANARY, TERM="dumb")  # fmt: skip
        out = subprocess.run([sys.executable, "-m", "rag.cli", "chat"], input=lines, capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr.count("broke off mid-answer") == 2, out.stderr  # each question: one line, then the next prompt
    assert "no answer yet; ask a question first" in out.stderr  # /sources after a failed answer
    assert "Traceback" not in out.stderr and CANARY not in out.stdout + out.stderr


def test_the_canary_key_is_never_written_anywhere(tmp_path, monkeypatch):
    """Ingest, ask (ok and a 401 that echoes the key), chat history and an eval run: no file holds the key."""
    import rag.evaluation as ev

    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    index = tmp_path / "index"
    rag.ingest([CORPUS / f"{SEED_ID}.txt"], settings=Settings(index=index, threads=2))
    messages = []
    with MisbehavingServer("ok") as ok, MisbehavingServer("echo_auth") as bad:
        messages.append(ask(index, ok)[0].text)
        messages.append(str(ask(index, bad)[0]))
        env = guarded_env(RAG_INDEX=str(index), RAG_BACKEND="openai", RAG_MODEL="m", RAG_OPENAI_BASE_URL=bad.url,
                          RAG_OPENAI_MAX_RETRIES="0", OPENAI_API_KEY=CANARY, HOME=str(home), TERM="dumb")  # fmt: skip
        chat = subprocess.run([sys.executable, "-m", "rag.cli", "chat"], input="How much is Alibaba investing?\n", capture_output=True, text=True, env=env, timeout=120)
        messages += [chat.stdout, chat.stderr]
        data = tmp_path / "data"
        data.mkdir()
        (data / "questions.jsonl").write_text(json.dumps({"id": "q", "question": "How much is Alibaba investing?", "answers": ["50 billion"], "answerable": True, "gold_doc_ids": [SEED_ID]}) + "\n")
        (data / "dataset.json").write_text(json.dumps({"corpus": str(CORPUS / f"{SEED_ID}.txt")}))
        ev.evaluate(data, out=tmp_path / "run", sets=["backend=openai", "model=m", f"openai_base_url={bad.url}", "openai_max_retries=0"],
                    index_root=tmp_path / "eval-index", log=messages.append)  # fmt: skip
    assert "rejected the API key" in messages[1] and "rejected the API key" in chat.stderr
    assert all(CANARY not in m for m in messages)
    leaks = [p for p in tmp_path.rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]
    assert leaks == []
