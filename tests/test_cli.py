"""The rag command, through Click's runner and as a real subprocess; the Chroma server mode."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED_ID, free_port, guarded_env, start_chroma

from rag.cli import cli


@pytest.fixture
def runner():
    return CliRunner()


def test_ingest_search_stats(runner, corpus_copy, tmp_path):
    index = str(tmp_path / "idx")
    res = runner.invoke(cli, ["ingest", str(corpus_copy), "--index", index])
    assert res.exit_code == 0, res.output
    assert "added 12, updated 0, unchanged 0, removed 0;" in res.output
    res = runner.invoke(cli, ["ingest", str(corpus_copy), "--index", index, "--json"])
    report = json.loads(res.output)
    assert (report["added"], report["chunks"], report["unchanged"]) == (0, 0, 12)

    res = runner.invoke(cli, ["search", "Alibaba investment in AI", "--index", index, "-k", "2", "--json"])
    hits = json.loads(res.output)
    assert res.exit_code == 0 and len(hits) == 2 and hits[0]["doc_id"] == SEED_ID
    res = runner.invoke(cli, ["search", "Alibaba investment in AI", "--index", index])
    assert res.output.startswith("[1] Alibaba to invest $50 billion")

    res = runner.invoke(cli, ["stats", "--index", index])
    assert "articles  12" in res.output and "all-MiniLM-L6-v2-int8 (384-d)" in res.output
    assert "sources   8\n        4  newsrag demo desk\n" in res.output and "        1  newsrag demo desk (sport)\n" in res.output

    res = runner.invoke(cli, ["search", "marathon", "--index", index, "--source", "Sport", "-k", "1"])
    assert res.exit_code == 0 and "newsrag demo desk (sport)" in res.output
    res = runner.invoke(cli, ["search", "marathon", "--index", index, "--source", "BBC"])
    assert res.exit_code == 1 and res.output.startswith("Error: no article in the index is from source 'BBC'; its sources: ")
    assert res.output.count("\n") == 1
    # A window from the query's own words that holds no article is named, not blamed on an empty index.
    res = runner.invoke(cli, ["search", "storm last week", "--index", index, "--today", "2025-04-30"])
    assert res.exit_code == 0 and res.output.startswith("No passage matches these filters (published ") and '("last week")' in res.output


def test_failures_give_one_line_each_and_exit_1(runner, tmp_path):
    (tmp_path / "ok.txt").write_text("Snow closed the pass on Friday.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    res = runner.invoke(cli, ["ingest", str(tmp_path / "ok.txt"), str(tmp_path / "bad.txt"), "--index", str(tmp_path / "i")])
    assert res.exit_code == 1
    assert "failed: " + str(tmp_path / "bad.txt") + ": binary file" in res.output
    assert "added 1," in res.output and "1 failed" in res.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "x", "--since", "yesterday"], "Error: since 'yesterday' is not a date; use YYYY-MM-DD"),
        (["search", "x", "--since", "2025-03-01", "--until", "2025-01-01"], "is after --until"),
        (["search", "   "], "Error: the query is empty"),
        (["search", "x", "--chroma-url", "ftp://nowhere"], "is not a URL"),
        # bytes the terminal could not decode arrive as lone surrogates
        (["search", "Alibaba \udcff"], "Error: the query is not valid UTF-8 (character 9)"),
        (["verify", "Alibaba will \udcff invest."], "Error: the text to verify is not valid UTF-8"),
        (["search", "yesterday's news", "--today", "0001-01-01"], "Error: no index at"),  # no OverflowError on the way
    ],
)
def test_bad_arguments_are_one_clear_line(runner, tmp_path, args, message):
    res = runner.invoke(cli, [*args, "--index", str(tmp_path / "i")])
    assert res.exit_code == 1 and message in res.output and res.output.count("\n") == 1, res.output


def test_a_damaged_index_or_an_index_path_that_is_a_file_is_one_line(runner, tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "chroma.sqlite3").write_bytes(bytes(range(256)) * 20)
    res = runner.invoke(cli, ["stats", "--index", str(tmp_path / "bad")])
    assert res.exit_code == 1 and "cannot be opened" in res.output and "damaged" in res.output, res.output
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "chroma.sqlite3").write_bytes(b"")
    res = runner.invoke(cli, ["stats", "--index", str(tmp_path / "empty")])
    assert res.exit_code == 1 and "no index at" in res.output
    assert (tmp_path / "empty" / "chroma.sqlite3").stat().st_size == 0  # a reader builds nothing in it
    (tmp_path / "afile").write_text("x")
    res = runner.invoke(cli, ["ingest", str(tmp_path / "empty")], env={"RAG_INDEX": str(tmp_path / "afile")})
    assert res.exit_code == 1 and "is a file, not a folder" in res.output


def test_unfollow_without_a_url_says_so(runner, tmp_path):
    res = runner.invoke(cli, ["feeds", "--unfollow", "", "--index", str(tmp_path / "i")])
    assert res.exit_code == 1 and "--unfollow needs the feed's URL" in res.output


def test_a_bad_environment_variable_is_named(runner, tmp_path):
    res = runner.invoke(cli, ["search", "x", "--index", str(tmp_path / "i")], env={"RAG_K": "abc"})
    assert res.exit_code == 2 and "k (env RAG_K): Input should be a valid integer" in res.output


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "How much is Alibaba investing?"],
        ["ask", "How much is Alibaba investing?", "--json"],
        ["search", "Alibaba"],
        ["search", "Alibaba", "--json"],
        ["stats"],
        ["summarize", "--doc", "x"],
        ["summarize", "--topic", "Alibaba"],
    ],
    ids=" ".join,
)
def test_read_only_commands_before_any_ingest_say_so_and_create_nothing(runner, tmp_path, args):
    index = tmp_path / "never-ingested"
    res = runner.invoke(cli, [*args, "--index", str(index)])
    assert res.exit_code == 1, res.output
    assert res.output == f"Error: no index at {index} yet; run `rag ingest PATH` first (or point --index / RAG_INDEX at one)\n"
    assert not index.exists()
    assert "Traceback" not in res.output


def test_embedder_mismatch_is_a_clear_error(runner, tmp_path, corpus_copy):
    from rag.store import Store, make_client

    Store(make_client(tmp_path / "i"), "other-model", 8, prefix="newsrag", location="x")
    res = runner.invoke(cli, ["search", "Alibaba", "--index", str(tmp_path / "i")])
    assert res.exit_code == 1 and "built with other-model (8-d vectors)" in res.output


def test_console_script_runs_offline(tmp_path, corpus_copy):
    rag = ROOT / ".venv" / "bin" / "rag"
    exe = [str(rag)] if rag.exists() else [sys.executable, "-m", "rag.cli"]
    env = guarded_env(RAG_INDEX=str(tmp_path / "i"))
    out = subprocess.run([*exe, "ingest", f"{corpus_copy}/{SEED_ID}.txt"], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "added 1" in out.stdout and out.stderr == ""  # no progress bar or warnings when piped


@pytest.fixture
def chroma_server(tmp_path):
    """A real `chroma run` server on loopback, for this test alone."""
    port = free_port()
    proc = start_chroma(tmp_path / "server-data", port)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)


def test_chroma_server_mode(runner, chroma_server, corpus_copy):
    res = runner.invoke(cli, ["ingest", str(corpus_copy), "--chroma-url", chroma_server])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["ingest", str(corpus_copy), "--chroma-url", chroma_server, "--json"])
    assert json.loads(res.output)["unchanged"] == 12
    res = runner.invoke(cli, ["search", "Alibaba investment in AI", "--chroma-url", chroma_server, "--json"])
    assert json.loads(res.output)[0]["doc_id"] == SEED_ID
    res = runner.invoke(cli, ["stats", "--chroma-url", chroma_server])
    assert "chunks" in res.output and "on server" in res.output


def test_chroma_server_down_is_a_clear_error(runner):
    res = runner.invoke(cli, ["search", "x", "--chroma-url", f"http://127.0.0.1:{free_port()}"])
    assert res.exit_code == 1 and "cannot reach the Chroma server" in res.output


def test_a_quick_refusal_is_printed_while_the_model_still_loads(tmp_path):
    """A cold `rag ask` loads the model in a thread; a question declined before the load ends is still shown."""
    (tmp_path / "nothing").mkdir()
    env = guarded_env(RAG_INDEX=str(tmp_path / "idx"))
    rag_cmd = [sys.executable, "-m", "rag.cli"]
    assert subprocess.run([*rag_cmd, "ingest", str(tmp_path / "nothing")], env=env, capture_output=True, timeout=120).returncode == 0
    out = subprocess.run([*rag_cmd, "ask", "How much is Alibaba investing?"], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("The articles do not answer this question.") and out.stderr == ""


def test_ask_on_an_empty_index_declines_and_says_why(runner, tmp_path):
    (tmp_path / "nothing").mkdir()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "nothing"), "--index", str(tmp_path / "empty")]).exit_code == 0
    res = runner.invoke(cli, ["ask", "How much is Alibaba investing?", "--index", str(tmp_path / "empty")])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("The articles do not answer this question.")
    assert "is anything ingested?" in res.output


def test_no_room_for_the_articles_says_what_took_it(runner, corpus_copy, tmp_path):
    index = str(tmp_path / "idx")
    assert runner.invoke(cli, ["ingest", str(corpus_copy), "--index", index]).exit_code == 0
    env = {"RAG_MODEL": "smollm2-135m", "RAG_USE_SERVER": "0"}
    res = runner.invoke(cli, ["ask", "How much is Alibaba investing? " * 2000, "--index", index], env=env)
    assert res.exit_code == 1 and "Error: the question is too long" in res.output, res.output
    res = runner.invoke(cli, ["ask", "How much is Alibaba investing?", "--index", index], env={**env, "RAG_CONTEXT_WINDOW": "600"})
    assert res.exit_code == 1 and "Error: no passage fits the 0 tokens left for the articles" in res.output, res.output
