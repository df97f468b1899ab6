"""`rag eval` end to end on a tiny dataset made here, with the small real local model (SmolLM2)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from rag.cli import cli

DOCS = [
    {"doc_id": "ferry", "title": "Harbour ferry fares rise to 4.20 euros", "published": "2025-03-02",
     "text": "The city's harbour ferry will charge 4.20 euros per trip from April, up from 3.80 euros. "
             "The operator said fuel costs had risen by a quarter over the past year."},
    {"doc_id": "library", "title": "Central library reopens after two-year renovation", "published": "2025-03-05",
     "text": "The central library reopened on Saturday after a renovation that took two years and cost 18 million euros. "
             "The new building has a rooftop reading room and 40 study booths."},
    {"doc_id": "orchard", "title": "Cherry harvest expected to be early", "published": "2025-03-06",
     "text": "Growers in the valley expect the cherry harvest to start in late May, about ten days earlier than usual, "
             "after a warm and dry March."},
]  # fmt: skip
QUESTIONS = [
    {"id": "q-fare", "question": "How much will a harbour ferry trip cost from April?", "answers": ["4.20 euros"], "answerable": True, "gold_doc_ids": ["ferry"], "type": "figure"},
    {"id": "q-library", "question": "How much did the library renovation cost?", "answers": ["18 million euros"], "answerable": True, "gold_doc_ids": ["library"], "type": "figure"},
    {"id": "q-none", "question": "Who won the national chess championship?", "answers": [], "answerable": False, "gold_doc_ids": []},
]  # fmt: skip
SMALL = ["--set", "model=smollm2-135m", "--set", "threads=2"]


@pytest.fixture
def dataset(tmp_path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    with gzip.open(folder / "corpus.jsonl.gz", "wt") as fh:
        fh.writelines(json.dumps(d) + "\n" for d in DOCS)
    (folder / "questions.jsonl").write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    return folder


def run(*args):
    result = CliRunner().invoke(cli, ["eval", *map(str, args)], catch_exceptions=False)
    return result


def records(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "records.jsonl").read_text().splitlines()]


def test_run_writes_reports_then_resumes_and_compares(dataset, tmp_path):
    out_a, out_b, idx = tmp_path / "a", tmp_path / "b", tmp_path / "indexes"
    result = run("run", dataset, "--out", out_a, "--index-root", idx, *SMALL)
    assert result.exit_code == 0, result.output
    assert "| retrieval hit@5 |" in result.output and "report.html" in result.output

    summary = json.loads((out_a / "summary.json").read_text())
    assert summary["questions"] == 3 and summary["errors"] == 0
    assert summary["retrieval"]["questions"] == 2 and summary["retrieval"]["hit@5"] == 1.0  # 3 docs: gold is always in the top 5
    assert 0 <= summary["answers"]["accuracy"] <= 1 and summary["run"]["model"] == "smollm2-135m"
    rows = records(out_a)
    assert [r["id"] for r in rows] == ["q-fare", "q-library", "q-none"]
    for r in rows:  # every record carries what the report and a later comparison need
        assert {"answer", "citations", "passages", "retrieved", "timings", "tokens", "pass", "f1"} <= set(r)
        assert r["timings"]["total_s"] > 0
    assert (out_a / "summary.md").read_text().startswith("# newsrag eval: tiny")
    html = (out_a / "report.html").read_text()
    assert "<svg" in html and "Questions (failures first)" in html and "<script" not in html

    # A crash mid-write: the last record is cut off. Rerunning asks only that question again.
    lines = (out_a / "records.jsonl").read_text().splitlines()
    (out_a / "records.jsonl").write_text("\n".join(lines[:2]) + "\n" + lines[2][:25])
    result = run("run", dataset, "--out", out_a, "--index-root", idx, *SMALL)
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in records(out_a)] == ["q-fare", "q-library", "q-none"]

    # The same folder with another config is refused rather than mixed.
    result = run("run", dataset, "--out", out_a, "--index-root", idx, "--config", "vanilla", *SMALL)
    assert result.exit_code == 1 and "another dataset, sample or config" in result.output

    result = run("run", dataset, "--out", out_b, "--index-root", idx, "--config", "vanilla", *SMALL)
    assert result.exit_code == 0, result.output
    assert json.loads((out_b / "run.json").read_text())["overrides"]["retrieval"] == "dense"
    assert len(list(idx.iterdir())) == 1  # both configs share the dataset's index

    result = run("compare", out_a, out_b)
    assert result.exit_code == 0, result.output
    assert "| retrieval hit@5 | 1.000 | 1.000 | +0.000 |" in result.output
    assert "fixed in B (fail -> pass):" in result.output and "broken in B (pass -> fail):" in result.output


def test_retrieval_only_ranks_each_mode_without_a_model(dataset, tmp_path):
    out = tmp_path / "r"
    # A model that does not exist: the run must never build one.
    result = run("run", dataset, "--retrieval-only", "--out", out, "--index-root", tmp_path / "idx", "--set", "model=/no/such.gguf")
    assert result.exit_code == 0, result.output
    assert "| hybrid |" in result.output and "| dense |" in result.output and "| bm25 |" in result.output
    summary = json.loads((out / "summary.json").read_text())
    assert set(summary["modes"]) == {"dense", "bm25", "hybrid"} and summary["run"]["kind"] == "retrieval"
    assert all(s["questions"] == 2 and s["hit@5"] == 1.0 for s in summary["modes"].values())  # only questions with gold docs
    per_mode = ("search_ms_p50", "answer@1", "answer@5")  # search time and the passage-level answer check: retrieval-only runs
    assert summary["retrieval"] == {k: v for k, v in summary["modes"]["hybrid"].items() if k not in per_mode}
    assert all(0 <= s["answer@1"] <= s["answer@5"] <= 1 for s in summary["modes"].values())
    assert sorted(r["id"] for r in records(out)) == ["q-fare", "q-library"]
    assert "<svg" in (out / "report.html").read_text()
    # A full run cannot resume into a retrieval-only folder.
    result = run("run", dataset, "--out", out, "--index-root", tmp_path / "idx", "--gold-only", *SMALL)
    assert result.exit_code == 1 and "another dataset, sample or config" in result.output


def test_summary_set_is_scored_with_rouge_beside_lead3(tmp_path):
    folder = tmp_path / "summ"
    folder.mkdir()
    articles = [{"doc_id": d["doc_id"], "text": d["text"], "references": [d["title"]]} for d in DOCS]
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles))
    out = tmp_path / "s"
    result = run("run", folder, "--limit", "2", "--out", out, "--index-root", tmp_path / "idx", *SMALL)
    assert result.exit_code == 0, result.output
    assert "| lead-3 |" in result.output and "| newsrag |" in result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["questions"] == 2 and summary["errors"] == 0 and summary["run"]["kind"] == "summaries"
    s = summary["summaries"]
    assert 0 < s["lead3_rouge1"] <= 1 and 0 <= s["ours_rouge1"] <= 1 and s["seconds_p50"] > 0
    rows = records(out)
    assert [r["id"] for r in rows] == ["ferry", "library"] and all(set(r["rouge"]) == {"rouge1", "rouge2", "rougeL"} for r in rows)
    assert "text" not in rows[0]  # article text is read by path, never copied into the run


def test_a_failing_backend_is_recorded_and_the_run_goes_on(dataset, tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-canary-eval-0000")
    out = tmp_path / "down"
    result = run(
        "run", dataset, "--out", out, "--index-root", tmp_path / "idx", "--set", "backend=openai",
        "--set", "openai_base_url=http://127.0.0.1:9/v1", "--set", "openai_max_retries=0", "--set", "openai_timeout=3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in records(out)}  # questions run 4 at a time (remote backend): any order
    # The two answerable questions reach the (dead) server; the off-topic one is declined by retrieval alone.
    assert {i: bool(r.get("error")) for i, r in rows.items()} == {"q-fare": True, "q-library": True, "q-none": False}
    assert rows["q-none"]["refused"] and "cannot reach http://127.0.0.1:9/v1" in rows["q-fare"]["error"]
    assert json.loads((out / "summary.json").read_text())["errors"] == 2
    assert "sk-canary" not in (out / "records.jsonl").read_text() + (out / "report.html").read_text()


def test_a_run_is_not_resumed_under_other_rag_variables(dataset, tmp_path, monkeypatch):
    out = tmp_path / "r"
    assert run("run", dataset, "--retrieval-only", "--out", out, "--index-root", tmp_path / "idx").exit_code == 0
    (out / "records.jsonl").write_text((out / "records.jsonl").read_text().splitlines()[0] + "\n")  # as if stopped
    monkeypatch.setenv("RAG_RETRIEVAL", "bm25")
    monkeypatch.setenv("RAG_OPENAI_API_KEY", "sk-canary")  # a secret is neither compared nor written
    result = run("run", dataset, "--retrieval-only", "--out", out, "--index-root", tmp_path / "idx")
    assert result.exit_code == 1 and "was run with another environment" in result.output
    assert "sk-canary" not in result.output + (out / "run.json").read_text()
    # nor on another llama.cpp build: its greedy replies can differ
    monkeypatch.delenv("RAG_RETRIEVAL")
    meta = json.loads((out / "run.json").read_text())
    assert meta["engine"].startswith("llama-cpp-python ")
    (out / "run.json").write_text(json.dumps(meta | {"engine": "llama-cpp-python 0.0.1 (AVX2)"}))
    result = run("run", dataset, "--retrieval-only", "--out", out, "--index-root", tmp_path / "idx")
    assert result.exit_code == 1 and "was run with another engine" in result.output and "on the same llama.cpp build" in result.output


def test_bad_dataset_is_one_line(tmp_path):
    result = run("run", tmp_path / "nowhere")
    assert result.exit_code == 1 and "no questions.jsonl" in result.output and result.output.count("\n") == 1


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"dataset.json": "{}"}, "dataset.json lacks the field 'corpus'"),
        ({"dataset.json": "{not json"}, "is not a dataset newsrag can read"),
        ({"questions.jsonl": "[1, 2]\n"}, "question 1: needs string fields id and question"),
        ({"questions.jsonl": '{"id": "a", "question": "Q?", "answerable": "false"}\n'}, "answerable must be true or false"),
        ({"questions.jsonl": '{"id": "a", "question": "Q?", "gold_doc_ids": "d1"}\n'}, "gold_doc_ids must be a list of strings"),
        ({"questions.jsonl": ""}, "has no questions to run"),
        ({"questions.jsonl": '{"id": "a", "question": "Q?", "question_date": "yesterday"}\n'}, "question 1: question_date must be YYYY-MM-DD"),
        ({"corpus.jsonl.gz": "not gzip"}, "is not a dataset newsrag can read"),
    ],
    ids=["no-corpus", "bad-json", "not-an-object", "answerable-string", "ids-string", "empty", "question-date", "bad-gzip"],
)
def test_a_malformed_dataset_is_one_line(tmp_path, files, message):
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "questions.jsonl").write_text('{"id": "a", "question": "Q?", "gold_doc_ids": ["d1"]}\n')
    for name, text in files.items():
        (folder / name).write_text(text)
    result = run("run", folder, "--retrieval-only", "--out", tmp_path / "out")
    assert result.exit_code == 1 and message in result.output and result.output.count("\n") == 1, result.output


def test_a_set_that_uses_an_id_twice_resumes_both_and_compare_skips_a_cut_line(dataset, tmp_path):
    """A user pass: the second question of a shared id was never asked on resume, and `compare` crashed on the line a
    crash cuts short, which `run`, `report` and `replay` skip."""
    twice = [dict(QUESTIONS[0]), dict(QUESTIONS[1], id=QUESTIONS[0]["id"])]
    (dataset / "questions.jsonl").write_text("".join(json.dumps(q) + "\n" for q in twice))
    out = tmp_path / "r"
    assert run("run", dataset, "--retrieval-only", "--out", out, "--index-root", tmp_path / "idx").exit_code == 0
    first = (out / "records.jsonl").read_text().splitlines()[0]
    (out / "records.jsonl").write_text(first + "\n" + '{"id": "cut')  # a crash after the first record
    result = run("run", dataset, "--retrieval-only", "--out", out, "--index-root", tmp_path / "idx")
    assert result.exit_code == 0 and [r["question"] for r in records(out)] == [q["question"] for q in twice]
    with (out / "records.jsonl").open("a") as fh:
        fh.write('{"id": "cut')
    result = run("compare", out, out)
    assert result.exit_code == 0 and "Traceback" not in result.output


def test_a_follow_up_is_asked_after_its_history_in_one_conversation(dataset, tmp_path):
    follow = {"id": "q-follow", "history": ["How much will a harbour ferry trip cost from April?"], "question": "And before?",
              "answers": ["3.80 euros"], "answerable": True, "gold_doc_ids": ["ferry"], "type": "figure"}  # fmt: skip
    (dataset / "questions.jsonl").write_text(json.dumps(follow) + "\n")
    result = run("run", dataset, "--out", tmp_path / "f", "--index-root", tmp_path / "idx", *SMALL)
    assert result.exit_code == 0, result.output
    (r,) = records(tmp_path / "f")
    assert [h["question"] for h in r["history"]] == [follow["history"][0]] and "answer" in r["history"][0]
    assert r["searched"] and r["searched"] != "And before?"  # searched as rewritten with the conversation
    result = run("run", dataset, "--out", tmp_path / "r", "--index-root", tmp_path / "idx", "--retrieval-only")
    assert result.exit_code == 1 and "q-follow is a follow-up" in result.output and result.output.count("\n") <= 3


def test_replay_puts_the_recorded_replies_through_todays_code(dataset, tmp_path):
    out, idx = tmp_path / "a", tmp_path / "idx"
    assert run("run", dataset, "--out", out, "--index-root", idx, *SMALL).exit_code == 0
    # The same code and replies: the same decisions, without the model.
    result = run("replay", out, "--out", tmp_path / "same")
    assert result.exit_code == 0, result.output
    for was, now in zip(records(out), records(tmp_path / "same"), strict=True):
        assert (now["refused"], now["answer"], now["pass"]) == (was["refused"], was["answer"], was["pass"]), now["id"]
        if was["raw"]:  # the model's cost is the recorded one
            assert now["tokens"] == was["tokens"] and now["timings"]["first_token_s"] == was["timings"]["first_token_s"]
    # Edited replies stand for what a changed model said: a wrong figure is declined, a right one kept,
    # and a question that reaches the model with no recorded reply is an error to ask with the model.
    rows = records(out)
    rows[0] |= {"raw": "A harbour ferry trip will cost 9.99 euros from April [1]."}
    rows[1] |= {"raw": "The library renovation cost 18 million euros [1]."}
    (out / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run("replay", out, "--out", tmp_path / "edited")
    assert result.exit_code == 0, result.output
    got = {r["id"]: r for r in records(tmp_path / "edited")}
    assert got["q-fare"]["refused"] and got["q-fare"]["reason"] == "no sentence of the answer verified against the passage it cites"
    assert not got["q-library"]["refused"] and got["q-library"]["correct"]
    assert "run.json" in {p.name for p in (tmp_path / "edited").iterdir()}
    assert json.loads((tmp_path / "edited" / "run.json").read_text())["replayed_from"] == str(out)
    result = run("compare", out, tmp_path / "edited")
    assert result.exit_code == 0 and "| answer accuracy" in result.output
    # The off-topic question was declined before the model; with those gates off it reaches the model, which
    # has no recorded reply for it: an error in the record and a warning, never an invented answer.
    assert not rows[2]["raw"]
    result = run("replay", out, "--out", tmp_path / "open", "--set", "min_relevance=0", "--set", "min_answerable=0")
    assert result.exit_code == 0 and "1 question(s) reached the model but have no recorded reply" in result.output
    assert "no reply for it" in records(tmp_path / "open")[2]["error"]
    # With --model, the model answers what the recording lacks; the recorded replies are still the ones given.
    sets = ["--set", "min_relevance=0", "--set", "min_answerable=0"]
    assert run("replay", out, "--out", tmp_path / "live", "--model", *sets).exit_code == 0
    live = records(tmp_path / "live")
    assert not any(r.get("error") for r in live) and live[2]["raw"] and live[0]["raw"] == rows[0]["raw"]


def test_replay_of_a_run_without_single_replies_is_one_line(dataset, tmp_path):
    out = tmp_path / "r"
    assert run("run", dataset, "--retrieval-only", "--out", out, "--index-root", tmp_path / "idx").exit_code == 0
    result = run("replay", out, "--out", tmp_path / "x")
    assert result.exit_code == 1 and "only question runs" in result.output and result.output.count("\n") == 1


@pytest.mark.parametrize(("name", "unanswerable"), [("cases", 4), ("followups", 3)])
def test_project_cases_are_well_formed(name, unanswerable):
    from rag.evaluation import datasets

    ds = datasets.load(Path(__file__).resolve().parent.parent / "eval" / name)
    ids = {q["id"] for q in ds.questions}
    assert len(ids) == len(ds.questions) >= 20
    assert sum(not q["answerable"] for q in ds.questions) >= unanswerable
    corpus_ids = {p.stem for p in ds.corpus_path.iterdir()} | {"brief-2025-01-22-stargate", "brief-2025-02-07-amazon-capex"}
    for q in ds.questions:
        assert q["answerable"] == bool(q["answers"]) and set(q["gold_doc_ids"]) <= corpus_ids


@pytest.mark.skipif(not shutil.which("chromium") and not os.environ.get("CI"), reason="Debian chromium is not installed (.ci/run installs it)")
def test_html_report_renders_in_headless_chromium(dataset, tmp_path):
    out = tmp_path / "r"
    assert run("run", dataset, "--out", out, "--index-root", tmp_path / "idx", "--limit", "1", *SMALL).exit_code == 0
    shot = tmp_path / "shot.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}", "--window-size=1200,1600",
         (out / "report.html").as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pixels = png_pixels(shot.read_bytes())
    assert len(pixels) > 1200 * 1600 and len(set(pixels)) > 10  # text and plots, not a blank page


def png_pixels(data: bytes) -> bytes:
    """The decompressed image bytes of a PNG (enough to tell a blank page from a drawn one)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)
