"""Syndicated copies in realtimeqa-2023: how many near-duplicate groups, how fast, and at which threshold.

Signs all 7,584 articles with ``rag.dedup.signature`` (the ingest code), groups
them with ``rag.dedup.components`` at several thresholds, and prints, for the
chosen one, the groups and the articles in them. ``--sample N`` writes N groups
(doc ids, URLs, titles, dates, similarity; no article text) to a JSON file for
checking by hand; eval/dedup-check.json holds the checked sample.

    .venv/bin/python bench/dedup_bench.py [--sample 50 --out /tmp/groups.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATA  # noqa: E402
from rag import dedup  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0, help="write this many groups for a hand check")
    ap.add_argument("--out", default="/tmp/newsrag-groups.json")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    rows = [json.loads(line) for line in gzip.open(DATA / "corpus.jsonl.gz", "rt")]
    t0 = time.perf_counter()
    sigs = {r["doc_id"]: dedup.signature(r["text"]) for r in rows}
    sign_s = time.perf_counter() - t0
    print(f"articles {len(rows)}; signing {sign_s:.1f} s ({1000 * sign_s / len(rows):.2f} ms an article)")
    chosen = Settings().near_duplicate
    by_id = {r["doc_id"]: r for r in rows}
    print("threshold  groups  articles  largest  grouping_s")
    found = {}
    for threshold in (0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        t0 = time.perf_counter()
        groups = dedup.components(sigs, threshold)
        found[threshold] = groups
        mark = "  <- settings.near_duplicate" if threshold == chosen else ""
        print(f"{threshold:9.2f}  {len(groups):6d}  {sum(map(len, groups)):8d}  {max(map(len, groups), default=0):7d}  "
              f"{time.perf_counter() - t0:10.2f}{mark}")  # fmt: skip
    groups = found.get(chosen) or dedup.components(sigs, chosen)
    exact = sum(1 for g in groups if len({by_id[d]["text"] for d in g}) == 1)
    print(f"at {chosen}: {len(groups)} groups, {sum(map(len, groups))} articles; {exact} groups are byte-identical texts")
    if args.sample:
        rng = random.Random(args.seed)
        picked = rng.sample(groups, min(args.sample, len(groups)))
        out = []
        for g in picked:
            members = [{"doc_id": d, "url": by_id[d].get("url", ""), "title": by_id[d].get("title", ""), "published": by_id[d].get("published", ""),
                        "words": len(by_id[d]["text"].split())} for d in g[:6]]  # fmt: skip
            sims = [round(dedup.similarity(sigs[g[0]], sigs[d]), 3) for d in g[1:6]]
            out.append({"size": len(g), "similarity_to_first": sims, "members": members})
        Path(args.out).write_text(json.dumps(out, indent=1, ensure_ascii=False))
        print(f"wrote {len(out)} groups to {args.out}")


if __name__ == "__main__":
    main()
