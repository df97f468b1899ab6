"""Fit and re-score the multiple-choice answer gate from `rag eval run --choices` records.

A multiple-choice answer (rag/choice.py) records, for every option, the model's
letter probability (``p_A`` ...) and how well a passage names it (``grounded_A``
...), plus the grounded pick (``picked``) and the free-text support score
(``support``). The gate runs after the model, so these records decide exactly what
any threshold would have answered; no model call is needed to compare gates.

    python bench/choice_gate.py eval-runs/tune-a eval-runs/tune-b            # fit on tuning runs
    python bench/choice_gate.py eval-runs/report --min-choice-p 0.35         # re-score a report run

Fitting uses min_support's rule: the highest threshold at which the tuning runs
lose no more than ``--max-right-loss`` of the right picks that no gate would lose.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def picks(folders: list[str]) -> list[dict]:
    """One row per question: the grounded pick (-1: none), its letter probability, right or not, support score."""
    rows = []
    for folder in folders:
        for line in (Path(folder) / "records.jsonl").read_text().splitlines():
            r = json.loads(line)
            s = r.get("signals") or {}
            asked = "p_A" in s  # declined before the model was asked: no pick
            pick = int(s.get("picked", -1)) if asked else -1
            p = s.get(f"p_{chr(65 + pick)}", 0.0) if pick >= 0 else 0.0
            rows.append({"pick": pick, "p": p, "right": pick in set(r.get("answer_idx") or []), "support": s.get("support", 0.0)})
    return rows


def auc(rows: list[dict]) -> float:
    """How well the pick's probability ranks right picks above wrong ones (0.5: not at all)."""
    right = [r["p"] for r in rows if r["pick"] >= 0 and r["right"]]
    wrong = [r["p"] for r in rows if r["pick"] >= 0 and not r["right"]]
    pairs = [(a > b) + 0.5 * (a == b) for a in right for b in wrong]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def score(rows: list[dict], keep) -> tuple[int, int]:
    """(right, answered) when only the grounded picks ``keep`` accepts are answered."""
    kept = [r for r in rows if r["pick"] >= 0 and keep(r)]
    return sum(r["right"] for r in kept), len(kept)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("runs", nargs="+", help="run folders of `rag eval run --choices`")
    ap.add_argument("--max-right-loss", type=float, default=0.10)
    ap.add_argument("--min-choice-p", type=float, help="re-score at this threshold only")
    ap.add_argument("--min-support", type=float, default=0.42, help="the free-text support gate, for comparison")
    args = ap.parse_args()
    rows = picks(args.runs)
    n = len(rows)
    base, answered = score(rows, lambda r: True)

    def line(name: str, keep) -> None:
        right, ans = score(rows, keep)
        print(f"{name:<22} right {right:>4} ({right / n:.3f})  answered {ans:>4}  precision {right / max(ans, 1):.3f}  "
              f"right picks lost {1 - right / max(base, 1):.3f}")  # fmt: skip

    print(
        f"{n} questions, {answered} grounded picks, {base} right; ROC AUC of the pick's P, right against wrong: {auc(rows):.3f}"
    )
    line("no gate", lambda r: True)
    line(f"support >= {args.min_support:.2f}", lambda r: r["support"] >= args.min_support)
    if args.min_choice_p is not None:
        line(f"p >= {args.min_choice_p:.2f}", lambda r: r["p"] >= args.min_choice_p)
        return
    best = 0.0
    for t in [x / 100 for x in range(0, 100)]:
        right, _ = score(rows, lambda r, t=t: r["p"] >= t)
        if 1 - right / max(base, 1) <= args.max_right_loss:
            best = t
    for t in sorted({max(0.0, best - 0.05), best, min(1.0, best + 0.05)}):
        line(f"p >= {t:.2f}", lambda r, t=t: r["p"] >= t)
    print(f"fitted min_choice_p: {best:.2f} (the highest that loses <= {args.max_right_loss:.2f} of the right picks)")


if __name__ == "__main__":
    main()
