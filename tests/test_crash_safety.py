"""Crash safety and concurrency of ingest, with real processes and a real embedded Chroma.

`rag ingest` is killed with SIGKILL at seeded random points, rerun, killed again,
and finally run to completion; the index must then equal a clean ingest exactly:
same chunk ids, texts, metadata and vectors, same article records, nothing extra.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import CORPUS, ROOT, guarded_env

RAG = str(ROOT / ".venv" / "bin" / "rag") if (ROOT / ".venv" / "bin" / "rag").exists() else "rag"


def make_corpus(folder: Path, n: int = 30) -> Path:
    """``n`` distinct articles (about 5 chunks each), built from corpus/ texts."""
    folder.mkdir(parents=True)
    sources = [p for p in sorted(CORPUS.glob("*")) if p.suffix in (".txt", ".md")]
    for i in range(n):
        body = sources[i % len(sources)].read_text().split("---")[-1].strip()
        paras = body.split("\n")
        random.Random(i).shuffle(paras)
        text = "\n".join(f"{p} (Edition {i}.)" if p.strip() else p for p in paras)
        (folder / f"article_{i:03d}.txt").write_text(f"---\ntitle: Article {i}\npublished: 2025-03-{1 + i % 28:02d}\n---\n{text}\n")
    return folder


def env(index: Path) -> dict:
    return guarded_env(RAG_INDEX=str(index), RAG_INGEST_GROUP="8", RAG_THREADS="2")


def dump(index: Path) -> dict:
    """Everything stored, read with a fresh Chroma client in a child process."""
    code = (
        "import json,sys; from rag.store import make_client; from pathlib import Path\n"
        "c = make_client(Path(sys.argv[1]))\n"
        "out = {}\n"
        "for name in ('newsrag-chunks', 'newsrag-articles'):\n"
        "    try:\n"
        "        g = c.get_collection(name).get(include=['documents','metadatas','embeddings'])\n"
        "    except Exception:  # killed before the collections were created\n"
        "        g = {'ids': [], 'documents': [], 'metadatas': [], 'embeddings': []}\n"
        "    out[name] = {i: [d, m, [round(float(x), 5) for x in e]] for i, d, m, e in zip(g['ids'], g['documents'], g['metadatas'], g['embeddings'])}\n"
        "print(json.dumps(out))\n"
    )
    res = subprocess.run([sys.executable, "-c", code, str(index)], capture_output=True, text=True, env=env(index), timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


def same(a: dict, b: dict) -> list[str]:
    problems = []
    for coll in a:
        extra, missing = set(b[coll]) - set(a[coll]), set(a[coll]) - set(b[coll])
        problems += [f"{coll}: extra {i}" for i in sorted(extra)] + [f"{coll}: missing {i}" for i in sorted(missing)]
        for i in set(a[coll]) & set(b[coll]):
            (da, ma, ea), (db, mb, eb) = a[coll][i], b[coll][i]
            if da != db or ma != mb or not np.allclose(ea, eb, atol=1e-4):
                problems.append(f"{coll}: {i} differs")
    return problems


def wait_for_lock(index: Path, proc: subprocess.Popen) -> float:
    """When ``proc`` holds the index's writer lock: imports done, about to read, embed and write."""
    lock = index / ".ingest.lock"
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if lock.exists() and lock.read_text().startswith(f"pid {proc.pid}"):
            break
        time.sleep(0.01)
    return time.perf_counter()


def wait_for_no_worker_of(index: Path, timeout: float = 15) -> list[int]:
    """pids of embedding workers started for ``index`` still alive after ``timeout`` (they exit on their own)."""
    key = f"RAG_INDEX={index}".encode()

    def alive() -> list[int]:
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if b"rag.embeddings.worker" in Path(f"/proc/{pid}/cmdline").read_bytes() and key in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
                    found.append(int(pid))
            except OSError:
                continue
        return found

    deadline = time.time() + timeout
    while (left := alive()) and time.time() < deadline:
        time.sleep(0.1)
    return left


TRIALS = 6  # each: two kills, then a run to the end; 12 kill points in all (up to 24 when they bunch up)


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_equals_a_clean_ingest(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", n=16)
    clean = tmp_path / "clean"
    proc = subprocess.Popen([RAG, "ingest", str(corpus)], env=env(clean), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    locked = wait_for_lock(clean, proc)
    assert proc.wait(timeout=600) == 0
    work = time.perf_counter() - locked  # embedder load, reading, embedding, writing
    expected = dump(clean)
    assert len(expected["newsrag-articles"]) == 16 and len(expected["newsrag-chunks"]) > 60

    rng = random.Random(20261126)
    kill_points, problems, trial = [], [], 0
    # Kill times are drawn against the clean run's duration. On a loaded machine the ingest runs slower and the kills
    # bunch up early, so more trials (at most TRIALS more, each drawing over a longer span) run until the kills have
    # landed at four different stages.
    while trial < TRIALS or (len(set(kill_points)) < 4 and trial < 2 * TRIALS):
        crashed = tmp_path / f"crashed-{trial}"
        for _ in range(2):
            proc = subprocess.Popen([RAG, "ingest", str(corpus)], env=env(crashed), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wait_for_lock(crashed, proc)
            time.sleep(rng.uniform(0, work * (1 + 0.5 * max(0, trial - TRIALS + 1))))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            orphans = wait_for_no_worker_of(crashed)
            assert not orphans, f"embedding worker(s) {orphans} outlived the killed ingest"
            state = dump(crashed)
            done = sum(m["hash"] != "" for _, m, _ in state["newsrag-articles"].values())
            kill_points.append((len(state["newsrag-chunks"]), done))
        res = subprocess.run([RAG, "ingest", str(corpus), "--json"], env=env(crashed), capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, res.stderr
        problems += [f"trial {trial}: {p}" for p in same(expected, dump(crashed))]
        trial += 1
    print(f"kill points (chunks stored, articles complete) of {len(expected['newsrag-chunks'])} chunks, 16 articles: {kill_points}")
    assert problems == [], problems[:10]
    assert len(set(kill_points)) >= 4, kill_points  # the kills landed at different stages of the ingest


def test_second_writer_fails_clearly_and_readers_keep_working(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", n=80)
    index = tmp_path / "index"
    subprocess.run([RAG, "ingest", str(CORPUS)], env=env(index), check=True, capture_output=True, timeout=600)
    writer = subprocess.Popen([RAG, "ingest", str(corpus)], env=env(index), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not (index / ".ingest.lock").read_text().startswith(f"pid {writer.pid}"):
            time.sleep(0.05)
        second = subprocess.run([RAG, "ingest", str(CORPUS)], env=env(index), capture_output=True, text=True, timeout=120)
        assert writer.poll() is None, "the writer finished too early for this test"
        assert second.returncode == 1
        assert second.stderr.strip().startswith("Error: another ingest (pid ") and "wait for it to finish" in second.stderr
        assert len(second.stderr.strip().splitlines()) == 1
        # A reader during the ingest: `rag ask` (small model) answers from what is already there.
        assert writer.poll() is None, "the writer finished too early for this test"
        res = subprocess.run([RAG, "ask", "How much is Alibaba investing?", "--json"], env={**env(index), "RAG_MODEL": "smollm2-135m", "RAG_MAX_ANSWER_TOKENS": "40"},
                             capture_output=True, text=True, timeout=300)  # fmt: skip
        assert res.returncode == 0, res.stderr
        assert "000_6177586f370daf91" in {p["doc_id"] for p in json.loads(res.stdout)["passages"]}
        # make_corpus rewrites the seed too (article_000, article_008, ...): a copy may rank first.
        sources = [p for p in sorted(CORPUS.glob("*")) if p.suffix in (".txt", ".md")]
        seed_copies = {f"article_{i:03d}" for i in range(80) if sources[i % len(sources)].stem == "000_6177586f370daf91"}
        searches = 0
        while writer.poll() is None and searches < 5:
            res = subprocess.run([RAG, "search", "Alibaba investment", "--json"], env=env(index), capture_output=True, text=True, timeout=120)
            assert res.returncode == 0, res.stderr
            assert json.loads(res.stdout)[0]["doc_id"] in {"000_6177586f370daf91"} | seed_copies
            searches += 1
    finally:
        out, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err
    final = subprocess.run([RAG, "stats", "--json"], env=env(index), capture_output=True, text=True, timeout=120)
    assert json.loads(final.stdout)["articles"] == 92
    assert os.path.exists(index / ".ingest.lock")
