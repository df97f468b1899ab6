"""Fit the answer policy (rag.policy) on tuning runs of `rag eval`, and print what it would have declined.

    .venv/bin/python bench/abstain_fit.py eval-runs/TUNE_RUN [eval-runs/TUNE_RUN ...]

Each run is a `rag eval run` folder made with the policy open, so that every
question reaches the model and every answer records its signals:

    rag eval run ../shared/data/squad2-500 --half even --limit 120 \\
        --set min_answerable=0 --set min_support=0 --out eval-runs/tune-squad2-even

Two logistic models, each fitted with every run weighing the same:

- before the model (``answerable_weights``, ``min_answerable``): P(answerable)
  from the best dense score and the question's coverage by one passage sentence.
  Its threshold is the highest at which no run declines more than ``--pre-budget``
  of its answerable questions: a refusal here costs a model call's worth of
  evidence, so it is kept cautious.
- after the model (``support_weights``, ``min_support``), on the answers that
  verified: P(answerable) from the pre-model signals and the answer's own
  (quote_coverage, terms_missing, negation, lag, judge). Its threshold is the
  highest at which no run loses more than ``--budget`` of its answerable
  questions to the two scores (the verifier's own refusals are not counted
  against it: they are reported beside).

What the model and verifier decided is read from the records, so the fit runs in
a second and the printed shares are what `rag eval` would report on these runs
with the fitted settings. The report splits are run afterwards with those
settings, never fitted on.
"""

from __future__ import annotations

import argparse
import json
import math
from datetime import date
from pathlib import Path

import numpy as np

from rag.models import Citation, Claim
from rag.policy import quote_signals

PRE = ("dense", "coverage")
POST = ("dense", "coverage", "quote_coverage", "terms_missing", "negation", "lag", "judge")


def auc(pos: list[float], neg: list[float]) -> float | None:
    """ROC AUC: the chance that a random positive scores above a random negative (ties count half).

    >>> auc([0.9, 0.8], [0.1, 0.8])
    0.875
    """
    if not pos or not neg:
        return None
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def aucs(runs: dict[str, list[dict]], names: tuple[str, ...]) -> dict[str, tuple[float | None, int, int]]:
    """Per signal: how well it tells an answer worth giving (answerable, and right) from the rest, over the
    answers that verified, every run pooled; (AUC, positives, negatives). A signal "less is better" is negated."""
    shown = [r for recs in runs.values() for r in recs if not r.get("error") and not r["refused"] and "quote_coverage" in (r.get("signals") or {})]
    out = {}
    for n in names:
        have = [r for r in shown if n in r["signals"]]
        sign = -1.0 if n in ("terms_missing", "negation", "lag") else 1.0
        pos = [sign * r["signals"][n] for r in have if r["answerable"] and correct(r)]
        neg = [sign * r["signals"][n] for r in have if not (r["answerable"] and correct(r))]
        out[n] = (auc(pos, neg), len(pos), len(neg))
    return out


def load(folder: Path, recheck: bool = False) -> list[dict]:
    """A run's records, with the policy's deterministic signals after the model recomputed from each record's
    question and shown citations (so a signal added since the run needs no second model run; the judge's
    P(yes) is the model's and is kept as recorded).

    ``recheck``: also re-run today's checker and answer policy on the model's recorded reply, over the same
    passages read back from the run's index (by chunk id), so a checker change is measured without asking the
    model again. An answer that now verifies but did not then has no judge reading.
    """
    records = [json.loads(line) for line in (folder / "records.jsonl").read_text().splitlines() if line.strip()]
    if recheck:
        _recheck(records, json.loads((folder / "run.json").read_text())["index"])
    for r in records:
        sig = r.get("signals") or {}
        if r.get("error") or r["refused"] or "quote_coverage" not in sig:
            continue
        titles = {p["n"]: p for p in r["passages"]}
        cites = tuple(
            Citation(c["n"], "", c["doc_id"], titles.get(c["n"], {}).get("title", ""), "",
                     date.fromisoformat(c["published"]) if c["published"] else None, c["quote"], c["start"], c["end"], c["verified"])
            for c in r["citations"]
        )  # fmt: skip
        sig.update(quote_signals(r["question"], [Claim("", cites)]))
        cited = [c.published for c in cites if c.verified and c.published]
        given = [p["published"] for p in r["passages"] if p["published"]]
        days = (date.fromisoformat(max(given)) - max(cited)).days if cited and given else 0
        sig["lag"] = round(math.log10(1 + max(0, days)), 4)
    return records


def _recheck(records: list[dict], index: str) -> None:
    """Re-run the checker and ``policy.decide`` on each record's reply; update refused, answer and citations."""
    import rag
    from rag.answer import is_refusal
    from rag.citations import Checker, render
    from rag.context import open_context
    from rag.models import iso, unique_citations
    from rag.policy import decide
    from rag.settings import Settings

    ctx = open_context(Settings(index=index))
    for r in records:
        if r.get("error") or not r.get("raw") or not r["passages"] or "chunk_id" not in r["passages"][0]:
            continue
        by_id = {}
        for doc in {p["doc_id"] for p in r["passages"]}:
            by_id |= {c.chunk_id: c for c in ctx.store.chunks_of(doc)}
        passages = [by_id[p["chunk_id"]] for p in r["passages"] if p["chunk_id"] in by_id]
        if len(passages) != len(r["passages"]):
            continue
        checked = Checker(passages, ctx.embedder.embed, question=r["question"]).check(r["raw"])
        d = decide(r["raw"], checked, is_refusal(r["raw"]))
        was = r["refused"]
        r["refused"] = d.refused
        r["answer"] = rag.REFUSAL if d.refused else render(list(d.kept))
        r["citations"] = [
            {"n": c.number, "doc_id": c.doc_id, "published": iso(c.published), "verified": c.verified, "quote": c.quote,
             "start": c.start, "end": c.end}  # fmt: skip
            for c in unique_citations(list(d.kept))
        ]
        if was and not d.refused:
            r["signals"] = {**r["signals"], "quote_coverage": 0.0}  # filled in by load(); no judge reading
        r["rechecked"] = was != d.refused


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1e-2, steps: int = 50) -> np.ndarray:
    """Weighted logistic regression by Newton's method; ``x`` has a leading column of ones."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (weight * (p - y)) + l2 * w
        hess = (x.T * (weight * p * (1 - p))) @ x + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def score(sig: dict, names: tuple[str, ...], w: np.ndarray) -> float:
    z = w[0] + sum(wi * sig.get(n, 0.0) for wi, n in zip(w[1:], names, strict=True))
    return float(1 / (1 + np.exp(-z)))


def fitted(runs: dict[str, list[dict]], names: tuple[str, ...], rows) -> np.ndarray:
    xs, ys, ws = [], [], []
    for recs in runs.values():
        chosen = [r for r in recs if rows(r)]
        for r in chosen:
            xs.append([1.0] + [r["signals"].get(n, 0.0) for n in names])
            ys.append(float(r["answerable"]))
            ws.append(1.0 / max(1, len(chosen)))
    w = np.array(ws) * len(ws) / len(runs)
    return fit(np.array(xs), np.array(ys), w)


def outcome(r: dict, pre, pre_t: float, post, post_t: float) -> str:
    """What the fitted policy does with one record: pre (declined before the model), verifier, post, or answered."""
    sig = r.get("signals") or {}
    if r.get("error"):
        return "error"
    if "dense" not in sig or score(sig, PRE, pre) < pre_t:
        return "pre"
    if r["refused"]:
        return "verifier"
    if score(sig, POST, post) < post_t:
        return "post"
    return "answered"


def correct(r: dict) -> bool:
    from rag.evaluation.metrics import contains_answer

    return contains_answer(r["answer"], [g for g in r["golds"] if g])


def table(runs: dict[str, list[dict]], pre, pre_t, post, post_t) -> list[dict]:
    out = []
    for name, recs in runs.items():
        ans = [r for r in recs if r["answerable"]]
        una = [r for r in recs if not r["answerable"]]
        o = {id(r): outcome(r, pre, pre_t, post, post_t) for r in recs}
        row = {"run": name, "answerable": len(ans), "unanswerable": len(una)}
        if ans:
            row["answerable refused"] = sum(o[id(r)] != "answered" for r in ans) / len(ans)
            row["  by the policy's scores"] = sum(o[id(r)] in ("pre", "post") for r in ans) / len(ans)
            row["answerable right"] = sum(o[id(r)] == "answered" and correct(r) for r in ans) / len(ans)
            row["right, before the policy"] = sum(not r["refused"] and correct(r) for r in ans) / len(ans)
        if una:
            row["unanswerable declined"] = sum(o[id(r)] != "answered" for r in una) / len(una)
            for k in ("pre", "verifier", "post"):
                row[f"  by {k}"] = sum(o[id(r)] == k for r in una) / len(una)
        out.append(row)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--pre-budget", type=float, default=0.02, help="most answerable questions a run may lose before the model")
    ap.add_argument("--budget", type=float, default=0.05, help="most answerable questions a run may lose to both scores")
    ap.add_argument("--report", nargs="*", type=Path, default=[], help="runs made with the fitted settings, to print beside")
    ap.add_argument("--recheck", action="store_true", help="re-run today's checker on the recorded replies first")
    ap.add_argument("--without", nargs="*", default=[], help="signals to leave out of the fit after the model (e.g. judge)")
    ap.add_argument("--auc", action="store_true", help="print each signal's ROC AUC (right answers against the rest) first")
    ap.add_argument("--curve", action="store_true", help="print each run's shares over a range of thresholds after the model")
    ap.add_argument("--min-support", type=float, help="use this threshold after the model instead of the budget's")
    ap.add_argument("--max-right-loss", type=float, help="instead of --budget: the highest threshold at which no run loses more "
                    "than this share of its questions answered right (declining wrong answers costs nothing here)")
    args = ap.parse_args()
    global POST
    POST = tuple(n for n in POST if n not in args.without)
    runs = {p.name: load(p, args.recheck) for p in args.runs}
    for name, recs in runs.items():
        changed = [r for r in recs if r.get("rechecked")]
        if changed:
            print(f"{name}: {len(changed)} answers changed by the recheck")
    if args.auc:
        for n, (a, npos, nneg) in aucs(runs, POST).items():
            print(f"AUC {n}: {'-' if a is None else f'{a:.3f}'} ({npos} right, {nneg} wrong or unanswerable)")
    pre = fitted(runs, PRE, lambda r: "dense" in (r.get("signals") or {}))
    grid = np.round(np.arange(0.0, 0.96, 0.01), 2)

    def worst(pre_t, post, post_t) -> float:
        """The most answerable questions any run loses to the two scores (the verifier's refusals aside)."""
        return max(t.get("  by the policy's scores", 0.0) for t in table(runs, pre, pre_t, post, post_t))

    open_post = np.zeros(len(POST) + 1)  # P = 0.5 for every answer: with threshold 0, nothing declined after the model
    pre_t = max((t for t in grid if worst(t, open_post, 0.0) <= args.pre_budget), default=0.0)
    post = fitted(runs, POST, lambda r: not r["refused"] and "quote_coverage" in (r.get("signals") or {}))
    post_t = max((t for t in grid if worst(pre_t, post, t) <= args.budget), default=0.0)
    if args.max_right_loss is not None:
        base = {row["run"]: row.get("answerable right", 0.0) for row in table(runs, pre, pre_t, post, 0.0)}

        def loss(t: float) -> float:
            return max(base[row["run"]] - row.get("answerable right", 0.0) for row in table(runs, pre, pre_t, post, t))

        post_t = max((t for t in grid if loss(t) <= args.max_right_loss), default=0.0)
    if args.min_support is not None:
        post_t = args.min_support
    if args.curve:
        keys = ("answerable refused", "answerable right", "unanswerable declined")
        first = table(runs, pre, 0, post, 0)  # one row per run, in the order of runs
        print("min_support | " + " | ".join(f"{name}: {k}" for name, row in zip(runs, first, strict=True) for k in keys if k in row))
        for t in np.round(np.arange(0.0, 0.81, 0.05), 2):
            rows = table(runs, pre, pre_t, post, t)
            print(f"{t:.2f} | " + " | ".join(f"{row[k]:.3f}" for row in rows for k in keys if k in row))
    print("answerable_weights =", tuple(round(float(v), 3) for v in pre), f" min_answerable = {pre_t:.2f}")
    print("support_weights =", json.dumps({"bias": round(float(post[0]), 3)} | {n: round(float(v), 3) for n, v in zip(POST, post[1:], strict=True)}),
          f" min_support = {post_t:.2f}\n")  # fmt: skip
    for label, group in (("tune", runs), ("report", {p.name: load(p) for p in args.report})):
        for row in table(group, pre, pre_t, post, post_t):
            print(label, " | ".join(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
