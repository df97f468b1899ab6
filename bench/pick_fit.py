"""Choose ``min_pick`` (rag.pick, the second chance) on tuning runs, and print what each threshold would give.

    .venv/bin/python bench/pick_fit.py TUNE_REPLAY [TUNE_REPLAY ...] [--max-decline-loss 0.05]

Each folder is a `rag eval replay --model --set min_pick=0` of a recorded tuning run:
the model's first replies are the recorded ones, and every declined answer got its
second chance with no threshold, so each record holds the picked sentence's
probability (``signals.pick_p``) and what the answer policy then made of it.

A threshold t only turns picks with P below t back into the refusal they were, so
every t is read from the same records:

- a question with no ``pick_p`` did not reach the second chance: unchanged;
- a pick below t: refused (not right);
- otherwise as recorded (answered, or declined by the support gate after the pick).

The threshold chosen is the lowest at which no run with unanswerable questions
(realtimeqa-2023-nota, squad2's unanswerable half) declines more than
``--max-decline-loss`` fewer of them than with no second chance at all: the second
chance must not give back what the answer policy declines. The report splits are
replayed afterwards with that setting, never fitted on.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def outcome(r: dict, t: float) -> tuple[bool, bool]:
    """(refused, right) of record ``r`` had min_pick been ``t``."""
    sig = r.get("signals") or {}
    if "pick_p" in sig and sig["pick_p"] < t:
        return True, False
    return bool(r["refused"]), bool(r.get("correct")) and not r["refused"]


def table(records: list[dict], t: float) -> dict:
    ans = [r for r in records if r["answerable"]]
    una = [r for r in records if not r["answerable"]]
    out = {}
    if ans:
        res = [outcome(r, t) for r in ans]
        out["right"] = sum(ok for _, ok in res) / len(ans)
        out["refused_answerable"] = sum(ref for ref, _ in res) / len(ans)
    if una:
        out["declined"] = sum(outcome(r, t)[0] for r in una) / len(una)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--max-decline-loss", type=float, default=0.05)
    ap.add_argument("--grid", default="0,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95,1.01")
    args = ap.parse_args()
    runs = {p.name: [json.loads(x) for x in (p / "records.jsonl").read_text().splitlines() if x.strip()] for p in args.runs}
    runs = {k: [r for r in v if not r.get("error")] for k, v in runs.items()}
    grid = [float(x) for x in args.grid.split(",")]
    for name, recs in runs.items():
        picks = [r for r in recs if "pick_p" in (r.get("signals") or {})]
        print(f"{name}: {len(recs)} questions, {len(picks)} reached the second chance")
        for t in grid:
            print(f"  min_pick {t:.2f}: " + ", ".join(f"{k} {v:.3f}" for k, v in table(recs, t).items()))
    chosen = None
    for t in sorted(grid):
        ok = True
        for recs in runs.values():
            if any(not r["answerable"] for r in recs):
                base = table(recs, 2.0)["declined"]  # every pick below: no second chance
                ok &= table(recs, t)["declined"] >= base - args.max_decline_loss - 1e-9
        if ok:
            chosen = t
            break
    print(f"lowest min_pick losing at most {args.max_decline_loss:.2f} of any run's declines: {chosen}")


if __name__ == "__main__":
    main()
