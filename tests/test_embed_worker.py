"""The embedding worker process: real child, real MiniLM, real embedded Chroma.

Ingest embeds in a child process from its second group of chunks on (Chroma's calls hold
the GIL, so an in-process embedder stalls behind every write). These tests hold it to
the same result as embedding in-process, and check what happens when the child fails.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import CORPUS

from rag import api
from rag.embeddings.worker import EmbedWorker, WorkerFailed
from rag.store import Store, make_client


def texts() -> list[str]:
    body = (CORPUS / "000_6177586f370daf91.txt").read_text()
    return [p.strip() for p in body.split("\n") if len(p.strip()) > 40][:12]


def test_worker_returns_the_vectors_this_process_would(embedder):
    batch = texts()
    with EmbedWorker(embedder.worker_config(), embedder.dim) as w:
        w.submit(batch)
        w.submit(batch[:3])  # two requests in flight come back in order
        first, second = w.take(), w.take()
    want = embedder.embed(batch)
    assert first.shape == (len(batch), embedder.dim) and first.dtype == np.float32
    assert np.array_equal(first, want)  # same embed() call on the same batch: the same bits
    assert np.array_equal(second, embedder.embed(batch[:3]))


def test_a_worker_that_cannot_start_says_why(embedder, tmp_path):
    config = {**embedder.worker_config(), "model_dir": str(tmp_path / "no-model")}
    with EmbedWorker(config, embedder.dim) as w:
        w.submit(["anything"])
        with pytest.raises(WorkerFailed, match=r"exited \(exit code 1\).*all-MiniLM-L6-v2 model package is not installed"):
            w.take()


def test_a_killed_worker_fails_the_next_take(embedder):
    with EmbedWorker(embedder.worker_config(), embedder.dim) as w:
        w._proc.kill()
        w._proc.wait()
        with pytest.raises(WorkerFailed, match="exited"):
            w.submit(["after the kill"])
            w.take()


def index_state(settings, embedder):
    store = Store(make_client(settings.index), embedder.name, embedder.dim, prefix="newsrag", location=str(settings.index))
    got = store.chunks.get(include=["metadatas", "embeddings"])
    chunks = {i: (m, np.asarray(e)) for i, m, e in zip(got["ids"], got["metadatas"], got["embeddings"], strict=True)}
    return chunks, store.manifest()


@pytest.fixture
def started(monkeypatch):
    """Counts real workers started (a spy: the worker itself runs for real)."""
    count = []
    real = EmbedWorker.__init__

    def spy(self, *a, **k):
        count.append(1)
        real(self, *a, **k)

    monkeypatch.setattr(EmbedWorker, "__init__", spy)
    return count


def ingest_corpus(tmp_path, name, embedder, **overrides):
    from rag.settings import Settings

    settings = Settings(index=tmp_path / name, threads=2, **overrides)
    store = Store(make_client(settings.index), embedder.name, embedder.dim, prefix="newsrag", location=str(settings.index))
    report = api.ingest([CORPUS], settings=settings, store=store, embedder=embedder)
    assert report.failed == 0 and report.added == 12
    return settings, report


def test_ingest_through_the_worker_equals_ingest_in_process(tmp_path, embedder, started):
    # 8-chunk groups: the corpus (61 chunks) makes eight, so most are embedded by the worker.
    worker_settings, report = ingest_corpus(tmp_path, "worker", embedder, ingest_group=8)
    assert started == [1] and report.chunks > 3 * 8
    plain_settings, _ = ingest_corpus(tmp_path, "plain", embedder, ingest_group=8, embed_worker=False)
    assert started == [1]  # embed_worker=False starts none
    (wc, wm), (pc, pm) = index_state(worker_settings, embedder), index_state(plain_settings, embedder)
    assert wm.keys() == pm.keys() and all(wm[d]["hash"] == pm[d]["hash"] != "" for d in wm)
    assert wc.keys() == pc.keys()
    assert all(wc[i][0] == pc[i][0] and np.array_equal(wc[i][1], pc[i][1]) for i in wc)


def test_a_one_group_ingest_starts_no_worker(tmp_path, embedder, started):
    ingest_corpus(tmp_path, "small", embedder)  # the whole corpus fits in one 512-chunk group
    assert started == []


def test_a_failing_worker_falls_back_to_this_process_with_a_warning(tmp_path, embedder, monkeypatch, started):
    good, _ = ingest_corpus(tmp_path, "good", embedder, ingest_group=8, embed_worker=False)
    broken = {**embedder.worker_config(), "model_dir": str(tmp_path / "no-model")}
    monkeypatch.setattr(type(embedder), "worker_config", lambda self: broken)
    with pytest.warns(RuntimeWarning, match="embedding worker exited.*embedding in this process instead"):
        fallback, _ = ingest_corpus(tmp_path, "fallback", embedder, ingest_group=8)
    assert started == [1]
    (gc, gm), (fc, fm) = index_state(good, embedder), index_state(fallback, embedder)
    assert gm.keys() == fm.keys() and all(fm[d]["hash"] != "" for d in fm)
    assert gc.keys() == fc.keys() and all(np.array_equal(gc[i][1], fc[i][1]) for i in gc)


def worker_pids() -> set[int]:
    pids = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if b"rag.embeddings.worker" in cmd:
                pids.add(int(entry))
    return pids


def test_no_worker_outlives_its_ingest(tmp_path, embedder):
    before = worker_pids()
    ingest_corpus(tmp_path, "gone", embedder, ingest_group=8)
    deadline = time.time() + 10
    while worker_pids() - before and time.time() < deadline:
        time.sleep(0.1)
    assert worker_pids() - before == set()
