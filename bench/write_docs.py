"""Assemble docs/benchmarks.md from the section tables in bench/out/ (ingest, search, ask, answers, prefill, memory).

    .venv/bin/python bench/write_docs.py [--note "how this pass was run"]

Sections are whatever each script last printed into bench/out/<section>.md. A
section not measured in this pass keeps its table from the current page, with the
date it was measured (bench/out/ is not in git: a fresh checkout that runs one
benchmark must not wipe the others); one on neither is listed as not run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, machine  # noqa: E402

SECTIONS = ("ingest", "search", "ask", "answers", "prefill", "memory")
MARK = re.compile(r"^<!-- ([\w-]+): measured [^>]*-->$", re.M)


def previous_sections(page: str) -> dict[str, str]:
    """The sections of an earlier page, by name, each with its "measured" line.

    >>> previous_sections("# B\\n\\n<!-- ask: measured 2026-01-01 00:00 UTC -->\\n### Ask\\n\\n<!-- memory: measured x -->\\nM\\n")
    {'ask': '<!-- ask: measured 2026-01-01 00:00 UTC -->\\n### Ask\\n', 'memory': '<!-- memory: measured x -->\\nM\\n'}
    """
    marks = list(MARK.finditer(page))
    return {m.group(1): page[m.start() : marks[i + 1].start() if i + 1 < len(marks) else len(page)].strip() + "\n" for i, m in enumerate(marks)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--note", default="", help="a line under the header, e.g. which sizes and runs this pass used")
    args = ap.parse_args()
    out = ROOT / "docs" / "benchmarks.md"
    kept = previous_sections(out.read_text() if out.exists() else "")
    parts, missing = [], []
    for name in SECTIONS:
        # ingest.md, plus ingest-<more>.md from a separate pass (e.g. --sizes 2000 --runs 1)
        paths = sorted(OUT.glob(f"{name}.md")) + sorted(OUT.glob(f"{name}-*.md"))
        stems = {p.stem for p in paths}
        old = [block for stem, block in kept.items() if (stem == name or stem.startswith(f"{name}-")) and stem not in stems]
        if not paths and not old:
            missing.append(name)
        for path in paths:
            stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime(path.stat().st_mtime))
            parts.append(f"<!-- {path.stem}: measured {stamp} UTC -->\n" + path.read_text().strip() + "\n")
        parts += old
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
    out.parent.mkdir(exist_ok=True)
    out.write_text(head + "\n" + "\n".join(parts))
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
