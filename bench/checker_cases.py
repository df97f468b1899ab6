"""Made-up claim/quote cases through the citation checker: how many true claims verify, how many false ones do.

    .venv/bin/python bench/checker_cases.py eval/checker-cases/*.jsonl
    .venv/bin/python bench/checker_cases.py eval/checker-cases/*.jsonl --root /path/to/other/checkout --show

Each case is one passage (its quote and title) and the claim citing it, checked as an answer sentence is
(``Checker([passage], embed).check(claim + " [1]")``, MiniLM meaning on). ``--root`` imports ``rag`` from another
checkout (a worktree at an older commit) to compare; ``--show`` lists the cases it gets wrong, with the reason.
No model, no index: a few seconds a file.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="checkout to import rag from")
    ap.add_argument("--show", action="store_true", help="list the cases the checker gets wrong")
    args = ap.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    from rag.citations import Checker
    from rag.embeddings import make_embedder
    from rag.models import Passage
    from rag.settings import Settings

    embed = make_embedder(Settings()).embed
    print(f"rag from {args.root}\n")
    print("| file | true claims verified | false claims verified |")
    print("|---|---|---|")
    wrong = []
    for path in args.files:
        counts = {"true": [0, 0], "false": [0, 0]}
        for line in path.read_text(encoding="utf-8").splitlines():
            c = json.loads(line)
            text = c["quote"]
            day = date.fromisoformat(c["published"]) if c.get("published") else date(2024, 5, 1)  # the case's article date, if any
            p = Passage("d:0", "d", 0, 0, len(text), text, c.get("title") or "News", day, "news", "", 0.5)
            (claim,) = Checker([p], embed).check(c["claim"].rstrip(".") + " [1].").claims
            counts[c["label"]][0] += claim.verified
            counts[c["label"]][1] += 1
            if claim.verified != (c["label"] == "true"):
                wrong.append((path.name, c, claim.citations[0].reason if claim.citations else ""))
        (tv, tn), (fv, fn) = counts["true"], counts["false"]
        print(f"| {path.name} | {tv} of {tn} | {fv} of {fn} |")
    if args.show:
        for name, c, reason in wrong:
            print(f"\n{name} {c['id']} ({c['family']}, {c['label']}): {c['claim']}\n  quote: {c['quote']}\n  reason: {reason or 'verified'}")


if __name__ == "__main__":
    main()
