"""The openai backend against a real OpenAI-compatible server on 127.0.0.1.

The server is llama-cpp-python's (``python -m llama_cpp.server``) running
SmolLM2-135M, started once for this module. The model writes poor answers, so
these tests check the plumbing (requests, streaming, timings, token counts, and
one-line errors for a server that is down, slow or not configured), not quality.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, free_port, guarded_env

from rag import api
from rag.answer import Answer
from rag.cli import cli
from rag.errors import BackendError, MissingDependency
from rag.llm import make_llm
from rag.settings import Settings

QUESTION = "How much is Alibaba investing?"
# k=3 and 32 answer tokens keep each request to a few seconds on two shared cores.
K = 3
SMALL = {"context_window": 2048, "max_answer_tokens": 32, "threads": 2}


def _wait_for_model(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> str:
    """Poll /v1/models until the server answers; returns the model id it serves."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"llama_cpp.server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with opener.open(f"{url}/v1/models", timeout=2) as resp:
                return json.load(resp)["data"][0]["id"]
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"llama_cpp.server did not listen within {timeout:g}s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(base URL, model id) of a llama.cpp OpenAI-compatible server running SmolLM2-135M."""
    from rag.llm.model_files import smollm2_gguf

    try:
        gguf = smollm2_gguf()
    except MissingDependency as err:
        pytest.skip(str(err))
    for module in ("uvicorn", "fastapi", "sse_starlette", "starlette_context"):
        pytest.importorskip(module, reason="the server needs: pip install 'llama-cpp-python[server]'")

    port = free_port()
    # The GGUF carries SmolLM2's chat template (ChatML), so no --chat_format is needed.
    # Half the cores: this test process embeds and streams on the other half, and
    # llama.cpp threads that wait for a busy core make prompt processing ~2x slower.
    threads = str(max(1, (os.cpu_count() or 2) // 2))
    cmd = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", "smollm2",
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
        "--n_threads", threads, "--n_threads_batch", threads, "--verbose", "False",
    ]  # fmt: skip
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=guarded_env())
    url = f"http://127.0.0.1:{port}"
    try:
        yield url, _wait_for_model(url, proc, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def index(tmp_path_factory, embedder):
    """(index folder, store) holding a copy of corpus/, ingested once for the module."""
    from rag.store import Store, make_client

    root = tmp_path_factory.mktemp("openai-index")
    shutil.copytree(CORPUS, root / "corpus")
    folder = root / "index"
    store = Store(make_client(folder), embedder.name, embedder.dim, prefix="newsrag", location=str(folder))
    report = api.ingest([root / "corpus"], settings=Settings(index=folder, threads=2), store=store, embedder=embedder)
    assert report.failed == 0 and report.chunks > 0, report
    return folder, store


def openai_settings(folder: Path, base_url: str | None, model: str = "smollm2", **more) -> Settings:
    return Settings(index=folder, backend="openai", openai_base_url=base_url, model=model, **{**SMALL, **more})


def _cli_ask(folder: Path, env: dict):
    args = ["ask", QUESTION, "--backend", "openai", "--index", str(folder), "-k", str(K), "--json"]
    return CliRunner().invoke(cli, args, env={"RAG_DEBUG": None, **env})  # RAG_DEBUG would show tracebacks


def test_ask_and_invoke_through_the_server(server, index, embedder):
    url, model = server
    folder, store = index
    settings = openai_settings(folder, f"{url}/v1", model)

    answer = api.ask(QUESTION, k=K, settings=settings, store=store, embedder=embedder)

    assert isinstance(answer, Answer) and answer.raw.strip()
    assert answer.model == model
    # The passages are the retrieved ones, in rank order, numbered 1..n as the model saw them.
    hits = [h.chunk_id for h in api.search(QUESTION, k=K, settings=settings, store=store, embedder=embedder)]
    shown = [p.chunk_id for p in answer.passages]
    assert shown and shown == [h for h in hits if h in shown]
    for c in answer.citations:
        assert answer.passages[c.number - 1].chunk_id == c.chunk_id
    assert 0 < answer.timings["first_token_s"] <= answer.timings["total_s"]
    assert answer.tokens["prompt"] > 0 and answer.tokens["completion"] > 0

    reply = make_llm(settings).invoke("Say hello")
    assert isinstance(reply.content, str) and reply.content.strip()


def test_ask_stream_yields_pieces_then_the_answer(server, index, embedder):
    url, model = server
    folder, store = index
    settings = openai_settings(folder, f"{url}/v1", model)

    *pieces, answer = api.ask_stream(QUESTION, k=K, settings=settings, store=store, embedder=embedder)

    assert isinstance(answer, Answer)
    assert all(isinstance(p, str) for p in pieces)
    assert len([p for p in pieces if p]) > 1  # streamed token by token, not in one piece
    assert "".join(pieces) == answer.raw


def test_cli_ask_json(server, index):
    url, model = server
    folder, _ = index
    env = {"RAG_OPENAI_BASE_URL": f"{url}/v1", "RAG_MODEL": model, "RAG_CONTEXT_WINDOW": "2048", "RAG_MAX_ANSWER_TOKENS": "32"}

    res = _cli_ask(folder, env)

    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {"text", "citations", "passages", "refused"} <= data.keys()
    assert data["model"] == model and data["raw"].strip()


def test_slow_server_is_a_timeout_error(server, index, embedder):
    url, model = server
    folder, store = index
    settings = openai_settings(folder, f"{url}/v1", model, openai_timeout=0.01, openai_max_retries=0)
    # A question unlike the ones before, with five passages: the server cannot reuse
    # its cached prompt and must read ~800 new tokens before the first token, which
    # takes 10-100 times longer than 10 ms on a CPU. (The server sends its headers at
    # once, so this is the read timeout between chunks; a slow connect gives the same error.)
    question = "How much will Microsoft spend on AI data centres?"

    with pytest.raises(BackendError) as err:
        api.ask(question, k=5, settings=settings, store=store, embedder=embedder)

    assert str(err.value) == f"{url}/v1 did not answer within 0.01s; retry, or raise RAG_OPENAI_TIMEOUT"


def test_server_down_is_a_fast_clear_error(index, embedder):
    folder, store = index
    base_url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    settings = openai_settings(folder, base_url, openai_timeout=5, openai_max_retries=0)

    start = time.perf_counter()
    with pytest.raises(BackendError) as err:
        api.ask(QUESTION, k=K, settings=settings, store=store, embedder=embedder)

    assert time.perf_counter() - start < 10
    assert str(err.value) == f"cannot reach {base_url}; is the server running? (RAG_OPENAI_BASE_URL)"


def test_cli_server_down_is_one_line(index):
    folder, _ = index
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    env = {"RAG_OPENAI_BASE_URL": base_url, "RAG_MODEL": "smollm2", "RAG_CONTEXT_WINDOW": "2048", "RAG_OPENAI_MAX_RETRIES": "0"}

    res = _cli_ask(folder, env)

    assert res.exit_code == 1
    assert res.stdout == ""
    assert res.stderr.splitlines() == [f"Error: cannot reach {base_url}; is the server running? (RAG_OPENAI_BASE_URL)"]
    assert "Traceback" not in res.output


def test_missing_api_key_names_the_variable(index, embedder, monkeypatch):
    folder, store = index
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    settings = openai_settings(folder, None, model="gpt-4o-mini")

    with pytest.raises(BackendError, match="OPENAI_API_KEY is not set"):
        make_llm(settings)
    with pytest.raises(BackendError, match="OPENAI_API_KEY is not set"):
        api.ask(QUESTION, settings=settings, store=store, embedder=embedder)


def test_multiple_choice_reads_letter_probabilities_from_the_server(server, index, embedder):
    url, model = server
    folder, store = index
    settings = openai_settings(folder, f"{url}/v1", model)

    answer = api.ask(QUESTION, choices=["$5 billion", "$50 billion"], k=K, settings=settings, store=store, embedder=embedder)

    p = [answer.signals.get("p_A"), answer.signals.get("p_B")]
    assert None not in p, answer.reason  # the model was asked (not declined before it)
    assert abs(sum(p) - 1) < 1e-6 and 0 < p[0] < 1, p  # the server's logprobs, not a one-word reply read as 0 or 1
    assert answer.tokens["completion"] == 1
    assert answer.refused or (answer.verified and answer.claims[0].text in ("(A) $5 billion.", "(B) $50 billion."))
