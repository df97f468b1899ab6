"""Assemble docs/benchmarks.md from the section tables in bench/out/ (ingest, search, ask, memory).

    .venv/bin/python bench/write_docs.py [--note "how this pass was run"]

Sections are whatever each script last printed into bench/out/<section>.md; a
missing section is listed as not run, never filled in.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, machine  # noqa: E402

SECTIONS = ("ingest", "search", "ask", "memory")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--note", default="", help="a line under the header, e.g. which sizes and runs this pass used")
    args = ap.parse_args()
    parts, missing = [], []
    for name in SECTIONS:
        # ingest.md, plus ingest-<more>.md from a separate pass (e.g. --sizes 2000 --runs 1)
        paths = sorted(OUT.glob(f"{name}.md")) + sorted(OUT.glob(f"{name}-*.md"))
        if not paths:
            missing.append(name)
        for path in paths:
            stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime(path.stat().st_mtime))
            parts.append(f"<!-- {path.stem}: measured {stamp} UTC -->\n" + path.read_text().strip() + "\n")
    head = (
        "# Benchmarks\n\n"
        f"Written {time.strftime('%Y-%m-%d')} on: {machine()}.\n"
        "Reproduce with `make bench-env && make bench` (several hours on 2 cores); each script in\n"
        "`bench/` also runs alone, see its docstring. Figures are medians; ratios are taken within a run.\n"
    )
    if args.note:
        head += f"\n{args.note}\n"
    if missing:
        head += f"\nNot run for this page: {', '.join(missing)}.\n"
    out = ROOT / "docs" / "benchmarks.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(head + "\n" + "\n".join(parts))
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
