"""Which evidence selection keeps the answer in front of the model in the fewest tokens (no model needed).

    .venv/bin/python bench/evidence_fit.py                       # realtimeqa tuning split (gold-only, 200 after the first 200)
    .venv/bin/python bench/evidence_fit.py --skip 0 --limit 200  # the report split
    RAG_CHUNK_TOKENS=100 RAG_CHUNK_OVERLAP=20 RAG_K=8 .venv/bin/python bench/evidence_fit.py --budgets 0 --ks 4,5,6,7,8
                                                                 # other chunks (their own index) and more passages
    .venv/bin/python bench/evidence_fit.py --budgets 0 --ks 5 --share 0.85 --first 3   # passage_share: fewer passages

For each question, searched as of its date like ``rag eval``: the passages an
answer would get (``rag.answer.pack``), then what the model reads under each
setting of ``evidence_tokens`` (0 = whole passages) and of the lexical weight.
Printed per setting: the share of questions whose shown text holds a gold answer
string (answer@k, DPR's measure, on what the model reads), and the prompt tokens
(mean, as ``rag eval`` counts them). Tune here, then confirm with the model.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, table  # noqa: E402

import rag  # noqa: E402
from rag import evidence  # noqa: E402
from rag.answer import close_ones, pack, passage_blocks, token_counter  # noqa: E402
from rag.context import open_context  # noqa: E402
from rag.evaluation import datasets, metrics, runner  # noqa: E402
from rag.models import REFUSAL  # noqa: E402
from rag.prompts import load  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="../shared/data/realtimeqa-2023")
    ap.add_argument("--skip", type=int, default=200)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--budgets", default="0,100,150,200,300")
    ap.add_argument("--lexical", default="0.5")
    ap.add_argument("--ks", default="5", help="passages shown (the first k packed)")
    ap.add_argument("--each", default="1", help="1: every passage keeps its best sentence; 0: the budget decides")
    ap.add_argument("--whole", default="0", help="the first N passages shown whole (evidence_whole), the budget for the rest")
    ap.add_argument("--share", type=float, default=0.0, help="passage_share: past --first, only passages scored within this share of the best")
    ap.add_argument("--first", type=int, default=3, help="passage_first: the passages always shown with --share")
    args = ap.parse_args()

    ds = datasets.load(args.dataset, limit=args.limit, gold_only=True, skip=args.skip)
    settings = runner.index_settings(ds, Settings())
    runner.build_index(ds, settings)
    ctx = open_context(settings)
    count = token_counter("qwen2.5-1.5b")
    prompt = load("answer")
    configs = sorted({(k, b, lx if b else 0.0, each if b else 1, w if b else 0) for k in map(int, args.ks.split(",")) for b in map(int, args.budgets.split(","))
                      for lx in map(float, args.lexical.split(",")) for each in map(int, args.each.split(",")) for w in map(int, args.whole.split(","))})
    system = count(prompt.render(today="", refusal=REFUSAL, passages="", question="")[0])
    held = {c: [] for c in configs}
    tokens = {c: [] for c in configs}
    spent = []
    for q in ds.questions:
        today = runner.as_of(q)
        ranked = rag.search(q["question"], k=settings.k, today=today, settings=settings)
        overhead = count("\n".join(prompt.render(today=today or "", refusal=REFUSAL, passages="", question=q["question"])))
        passages = close_ones(pack(ranked, settings.passage_budget, count), args.first, args.share)
        for k, budget, lexical, each, whole in configs:
            t0 = time.perf_counter()
            evidence.LEXICAL = lexical
            top = passages[:k]
            shown = [p.text for p in top[:whole]] + evidence.select(
                q["question"], [p.text for p in top[whole:]], budget, count, ctx.embedder.embed, each=bool(each)
            ) if budget else [None] * len(top)
            if budget:
                spent.append(time.perf_counter() - t0)
            kept = [(p, t) for p, t in zip(top, shown) if t is not None or not budget]
            blocks = passage_blocks([p for p, _ in kept], [t for _, t in kept])  # as the answer's prompt shows them
            held[(k, budget, lexical, each, whole)].append(metrics.answer_rank(blocks, q.get("answers") or []) is not None)
            tokens[(k, budget, lexical, each, whole)].append(overhead + count("\n\n".join(blocks)))
    rows = [
        [k, str(b) if b else "whole passages", w if b else "-", f"{lx:g}" if b else "-", ("yes" if each else "no") if b else "-",
         f"{metrics.mean(held[c]):.3f}", f"{metrics.mean(tokens[c]):.0f}", f"{metrics.mean(tokens[c]) - system:.0f}"]
        for c in configs for k, b, lx, each, w in [c]
    ]  # fmt: skip
    cut = f", passage_share {args.share:g} past the first {args.first}" if args.share else ""
    print(f"### Evidence selection, {ds.name}, {len(ds.questions)} gold-only questions (skip {args.skip}){cut}\n")
    print(table(["k", "evidence_tokens", "first passages whole", "lexical weight", "every passage", "gold answer in what the model reads",
                 "prompt tokens (mean)", "past the fixed system prompt"], rows))  # fmt: skip
    if spent:
        print(f"\nselection time per question, median: {1000 * median(spent):.0f} ms")


if __name__ == "__main__":
    main()
