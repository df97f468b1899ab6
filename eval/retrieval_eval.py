"""Retrieval quality on a ../shared/data set: hit@k and MRR, dense vs BM25 vs hybrid.

    .venv/bin/python eval/retrieval_eval.py realtimeqa-2023 --limit 200
    .venv/bin/python eval/retrieval_eval.py hotpotqa-100 --chunk-tokens 120

Builds (once, cached under eval/out/) an index of the docs the questions need,
then prints one row per retrieval mode. Questions without gold docs are skipped.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402

import rag  # noqa: E402
from rag.context import embedder_for, store_for  # noqa: E402
from rag.ingest import EMBED_FORMAT  # noqa: E402
from rag.settings import Settings  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def build_index(ds: data.Dataset, settings: Settings) -> None:
    embedder = embedder_for(settings)
    store = store_for(settings, embedder)
    feed = ds.write_feed(OUT / f"{ds.name}-feed.jsonl")
    report = rag.ingest([feed], settings=settings, store=store, embedder=embedder)
    if report.chunks:
        print(f"indexed {report.added} docs, {report.chunks} chunks in {report.seconds:.0f}s "
              f"({report.chunks / max(report.seconds, 1e-9):.1f} chunks/s)", file=sys.stderr)


def evaluate(ds: data.Dataset, settings: Settings, mode: str, k: int, depth: int = 10) -> dict:
    s = settings.model_copy(update={"retrieval": mode})
    hits, rr, times = [], [], []
    for q in ds.questions:
        gold = set(q.get("gold_doc_ids") or [])
        if not gold:
            continue
        t0 = time.perf_counter()
        passages = rag.search(q["question"], k=depth, settings=s)
        times.append(time.perf_counter() - t0)
        ranks = [i for i, p in enumerate(passages, 1) if p.doc_id in gold]
        hits.append(bool(ranks) and ranks[0] <= k)
        rr.append(1.0 / ranks[0] if ranks else 0.0)
    return {
        "mode": mode,
        "questions": len(hits),
        f"hit@{k}": sum(hits) / len(hits),
        "mrr@10": sum(rr) / len(rr),
        "median_ms": 1000 * statistics.median(times),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--limit", type=int, default=None, help="first N questions that have gold docs")
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--chunk-tokens", type=int, default=None)
    ap.add_argument("--min-fill", type=float, default=None, help="chunk_min_fill (share of a chunk filled before a paragraph may end it)")
    ap.add_argument("--embedder", default=None, help="minilm (default) or minilm-int8; each gets its own index")
    ap.add_argument("--modes", default="dense,bm25,hybrid")
    ap.add_argument("--max-per-article", type=int, default=None)
    ap.add_argument("--candidates", type=int, default=None)
    ap.add_argument("--rrf-k", type=int, default=None)
    args = ap.parse_args()

    ds = data.load(args.dataset, limit=args.limit, gold_only=True)
    over = {k: v for k, v in {"chunk_tokens": args.chunk_tokens, "max_per_article": args.max_per_article, "candidates": args.candidates, "rrf_k": args.rrf_k, "embedder": args.embedder, "chunk_min_fill": args.min_fill}.items() if v is not None}
    base = Settings(**over)
    tag = f"{args.dataset}-{len(ds.questions)}q-c{base.chunk_tokens}f{base.chunk_min_fill}" + ("" if base.embedder == "minilm" else f"-{base.embedder}") + f"-e{EMBED_FORMAT}"
    settings = base.model_copy(update={"index": OUT / f"index-{tag}"})
    build_index(ds, settings)
    print(f"{args.dataset}: {len(ds.questions)} questions, {len(ds.docs)} docs, embedder={settings.embedder}, chunk_tokens={settings.chunk_tokens}, min_fill={settings.chunk_min_fill}, "
          f"max_per_article={settings.max_per_article}, candidates={settings.candidates}, rrf_k={settings.rrf_k}")
    print(f"{'mode':8} {'hit@' + str(args.k):>7} {'MRR@10':>7} {'ms':>6}")
    for mode in args.modes.split(","):
        r = evaluate(ds, settings, mode, args.k)
        print(f"{mode:8} {r[f'hit@{args.k}']:7.3f} {r['mrr@10']:7.3f} {r['median_ms']:6.0f}")


if __name__ == "__main__":
    main()
