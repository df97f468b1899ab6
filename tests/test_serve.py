"""`rag serve`: the CLI answers through a warm server with the same settings, and in process without one.

End to end with real processes: a `rag serve` on corpus/ with SmolLM2 (llama.cpp),
the CLI as a user runs it, a Unix socket in a private runtime folder.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, guarded_env

import rag
from rag import serve
from rag.settings import Settings

QUESTION = "How much is Alibaba investing?"
CLAIMS = "Hiwot Bekele won the women's race in 2:21:58. Jack Ma is the chief executive of Alibaba."


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "index"
    rag.ingest([CORPUS], settings=Settings(index=path))
    return path


def env_for(index, run_dir, **extra):
    return guarded_env(RAG_INDEX=str(index), RAG_MODEL="smollm2-135m", RAG_MAX_ANSWER_TOKENS="48", XDG_RUNTIME_DIR=str(run_dir), **extra)


def rag_cli(env, *args, check=True):
    out = subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True, env=env, timeout=300)
    if check:
        assert out.returncode == 0, out.stderr
    return out


def test_ask_summarize_and_verify_through_a_warm_server_give_the_same_answers(index, tmp_path):
    env = env_for(index, tmp_path / "run")
    alone = json.loads(rag_cli({**env, "RAG_USE_SERVER": "0"}, "ask", QUESTION, "--today", "2025-04-20", "--json").stdout)
    checked = rag_cli({**env, "RAG_USE_SERVER": "0"}, "verify", CLAIMS, "--json", check=False)
    server = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert "is open and the model warm" in server.stdout.readline()
        sock = server.stdout.readline().split()[1].rstrip(";")
        served = json.loads(rag_cli(env, "ask", QUESTION, "--today", "2025-04-20", "--json").stdout)
        assert f"ask {QUESTION!r}" in server.stdout.readline()  # the server answered it
        assert served["text"] == alone["text"] and served["citations"] == alone["citations"]
        assert served["tokens"]["evaluated"] < served["tokens"]["prompt"]  # the fixed prompt was already read
        text = rag_cli(env, "ask", QUESTION, "--today", "2025-04-20").stdout
        assert "ources:" in text and "Alibaba" in text
        assert "ask" in server.stdout.readline()
        summary = json.loads(rag_cli(env, "summarize", "--topic", "Alibaba", "--json").stdout)
        assert summary["text"] and "summarize 'Alibaba'" in server.stdout.readline()
        # rag verify: the same verdicts and quotes (the first sentence's P(yes) is the warm model's), the same exit code.
        served_check = rag_cli(env, "verify", CLAIMS, "--json", check=False)
        assert 'verify "Hiwot Bekele' in server.stdout.readline()
        assert served_check.returncode == checked.returncode == 1  # Jack Ma is not the chief executive
        pick = lambda out: [(v["label"], [c["quote"] for c in v["citations"]]) for v in json.loads(out.stdout)]  # noqa: E731
        assert pick(served_check) == pick(checked) and pick(checked)[1][0] == "contradicted"
        shown = rag_cli(env, "verify", CLAIMS, check=False).stdout
        assert "CONTRADICTED: Jack Ma" in shown and "1 contradicted" in shown and "verify" in server.stdout.readline()
        # Bad input is the same one line from the server as in process, and the server lives on.
        bad = rag_cli(env, "ask", "   ", check=False)
        assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Error:" in bad.stderr
        # One server per settings.
        second = rag_cli(env, "serve", check=False)
        assert second.returncode == 1 and "already running" in second.stderr
        # Other settings (another model) are not this server's: answered in process.
        other = json.loads(rag_cli({**env, "RAG_MAX_ANSWER_TOKENS": "40"}, "ask", QUESTION, "--json").stdout)
        assert other["text"]
        assert rag_cli(env, "stats").returncode == 0
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert server.returncode == 0 and "Traceback" not in server.stderr.read()
    assert not Path(sock).exists()  # removed on the way out


def test_a_dead_servers_socket_is_passed_over(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    settings = Settings(index=tmp_path / "index")
    path = serve.address(settings)
    path.parent.mkdir(parents=True)
    left = socket.socket(socket.AF_UNIX)
    left.bind(str(path))  # bound, never listening: what a killed server leaves
    left.close()
    assert path.exists() and serve.request(settings, "ask", {"question": QUESTION}) is None
    assert serve.request(settings.model_copy(update={"use_server": False}), "ask", {}) is None


def test_the_socket_is_keyed_by_every_setting_that_shapes_an_answer(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    base = Settings(index=tmp_path / "index")
    assert serve.address(base) == serve.address(base.model_copy(update={"debug": True, "use_server": False}))
    for change in ({"model": "smollm2-135m"}, {"k": 3}, {"index": tmp_path / "other"}, {"min_support": 0.0}):
        assert serve.address(base.model_copy(update=change)) != serve.address(base)
