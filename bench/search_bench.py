"""Search latency at 1k, 10k and 50k chunks: rag.search (hybrid) vs a dense-only Chroma query vs numpy brute force.

    .venv/bin/python bench/search_bench.py --queries 100

Builds once (cached in bench/out/) an index of realtimeqa-2023 articles with at
least 50,000 chunks; the 1k and 10k indexes are copies of its first chunks with the
same vectors (no re-embedding). Each query is timed end to end, including
embedding the query; p50/p95 over the first N realtimeqa questions, after warm-up.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, OUT, first_articles, table, write_feed  # noqa: E402

import rag  # noqa: E402
from rag.context import embedder_for, store_for  # noqa: E402
from rag.evaluation.metrics import percentile  # noqa: E402
from rag.settings import Settings  # noqa: E402

SIZES = (1_000, 10_000, 50_000)


def big_index(target: int) -> Settings:
    settings = Settings(index=OUT / f"search-index-{target}", threads=2)
    store = store_for(settings)
    n = 2800  # about 18 chunks per article
    while store.counts()[1] < target:
        report = rag.ingest([write_feed(first_articles(n), OUT / "search-feed.jsonl")], settings=settings)
        print(f"indexed {report.chunks} chunks in {report.seconds:.0f}s; now {store.counts()[1]}", file=sys.stderr)
        n += 400
    return settings


def sub_index(src: Settings, size: int) -> Settings:
    """The first ``size`` chunks of ``src`` (vectors copied, articles for those chunks)."""
    dst = Settings(index=OUT / f"search-index-sub{size}", threads=2)
    store = store_for(dst)
    if store.counts()[1] >= size:
        return dst
    got = store_for(src).chunks.get(include=["documents", "metadatas", "embeddings"], limit=size)
    for i in range(0, len(got["ids"]), 5000):
        sl = slice(i, i + 5000)
        store.chunks.upsert(ids=got["ids"][sl], documents=got["documents"][sl], metadatas=got["metadatas"][sl], embeddings=np.asarray(got["embeddings"][sl]))
    store.bump()
    return dst


def timed(fn, queries) -> list[float]:
    for q in queries[:5]:
        fn(q)  # warm-up: model session, BM25 build, caches
    out = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = ap.parse_args()
    queries = [json.loads(line)["question"] for line in open(DATA / "questions.jsonl")][: args.queries]
    big = big_index(max(args.sizes))
    rows = []
    for size in args.sizes:
        settings = big if size == max(args.sizes) else sub_index(big, size)
        store, embedder = store_for(settings), embedder_for(settings)
        chunks = store.counts()[1]
        got = store.chunks.get(include=["embeddings"])
        matrix = np.asarray(got["embeddings"], dtype=np.float32)
        hybrid = timed(lambda q: rag.search(q, k=5, settings=settings), queries)
        dense = timed(lambda q: store.query(embedder.embed([q])[0], 5), queries)
        brute = timed(lambda q: np.argpartition(-(matrix @ embedder.embed([q])[0]), 5)[:5], queries)
        for name, xs in (("rag.search (hybrid)", hybrid), ("Chroma dense query", dense), ("numpy brute force", brute)):
            rows.append([f"{chunks:,}", name, f"{percentile(xs, 50):.1f}", f"{percentile(xs, 95):.1f}"])
    print(f"### Search latency ({len(queries)} realtimeqa questions, ms, query embedding included)\n")
    print(table(["chunks", "method", "p50 ms", "p95 ms"], rows))


if __name__ == "__main__":
    main()
