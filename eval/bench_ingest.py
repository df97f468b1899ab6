"""Ingest speed on the first N articles of a ../shared/data corpus.

    .venv/bin/python eval/bench_ingest.py --limit 500 [--data ../shared/data/realtimeqa-2023]

Prints articles, chunks, seconds and chunks/s for a cold ingest into a fresh
index, then the time of an idempotent re-ingest. The article text is read by
path and written only to a temporary folder, never into the project.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import tempfile
import time
from pathlib import Path

import rag
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "realtimeqa-2023")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "articles.jsonl"
        with gzip.open(args.data / "corpus.jsonl.gz", "rt") as src:
            feed.write_text("".join(itertools.islice(src, args.limit)))
        over = {"index": Path(tmp) / "index"}
        if args.threads:
            over["threads"] = args.threads
        settings = Settings(**over)
        t0 = time.perf_counter()
        from rag.context import embedder_for

        embedder = embedder_for(settings)
        embedder.embed(["warm up"])  # model build/load is timed separately
        load_s = time.perf_counter() - t0

        report = rag.ingest([feed], settings=settings, embedder=embedder)
        again = rag.ingest([feed], settings=settings, embedder=embedder)
        print(f"data            {args.data.name} (first {args.limit} records)")
        print(f"embedder        {embedder.name}, threads={settings.threads}, model load {load_s:.2f}s")
        print(f"articles        {report.added} added, {report.failed} failed")
        print(f"chunks          {report.chunks}")
        print(f"ingest          {report.seconds:.1f}s  ->  {report.chunks / report.seconds:.1f} chunks/s, "
              f"{report.added / report.seconds:.1f} articles/s")
        print(f"re-ingest       {again.seconds:.1f}s, {again.chunks} chunks embedded, {again.unchanged} unchanged")


if __name__ == "__main__":
    main()
