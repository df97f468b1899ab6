"""Peak memory of ingest as the corpus grows: it should stay flat (streamed, batched), not grow with N.

    .venv/bin/python bench/memory_bench.py --sizes 250 1000 5000

Each size is ingested into a fresh index in a fresh process; the child reports its
own peak RSS (ru_maxrss), so numbers are per ingest, and its embedding worker's.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, child, first_articles, table, write_feed  # noqa: E402

INGEST = """
import sys, time
from pathlib import Path
import rag
from rag.settings import Settings
t0 = time.perf_counter()
r = rag.ingest([sys.argv[1]], settings=Settings(index=Path(sys.argv[2]), threads=2))
RESULT = {"seconds": time.perf_counter() - t0, "chunks": r.chunks, "articles": r.added}
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 5000])
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        feed = write_feed(first_articles(n), OUT / f"memory-feed-{n}.jsonl")
        index = OUT / f"memory-index-{n}"
        shutil.rmtree(index, ignore_errors=True)
        r = child(INGEST, str(feed), str(index))
        shutil.rmtree(index, ignore_errors=True)
        rows.append([n, r["chunks"], f"{r['seconds']:.0f}", f"{r['peak_rss_mb']:.0f}", f"{r.get('worker_peak_rss_mb', 0):.0f}",
                     f"{feed.stat().st_size / 2**20:.0f}"])
        print(f"{n} articles: {r}", file=sys.stderr)
    print("### Peak memory of ingest by corpus size (fresh process and index each)\n")
    print(table(["articles", "chunks", "seconds", "peak RSS MB", "embedding worker peak RSS MB", "input MB"], rows))


if __name__ == "__main__":
    main()
