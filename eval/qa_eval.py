"""Answer quality with the embedded default model on a ../shared/data set.

    .venv/bin/python eval/qa_eval.py realtimeqa-2023 --limit 200
    .venv/bin/python eval/qa_eval.py squad2-500
    .venv/bin/python eval/qa_eval.py squad2-500 --summary     # re-print from saved rows

Per question it records retrieval hit@5 (gold doc among the top 5 passages),
answer accuracy (a gold answer string appears in the answer), citations and how
many verified, refusal, and latency (time to first token, total). Rows go to
eval/out/qa-<set>.jsonl as they finish, so a run can stop and resume.
realtimeqa questions are asked as of their question_date.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
from retrieval_eval import OUT, build_index  # noqa: E402

import rag  # noqa: E402
from rag.settings import Settings  # noqa: E402


def norm(text: str) -> str:
    """SQuAD-style answer normalisation: lower case, no punctuation, articles or extra spaces."""
    text = text.lower().replace("’", "'")
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def correct(answer: str, golds: list[str]) -> bool:
    a = norm(answer)
    return any(norm(g) and norm(g) in a for g in golds)


def run_one(q: dict, settings: Settings) -> dict:
    today = q.get("question_date", "").replace("/", "-") or None
    t0 = time.perf_counter()
    top5 = rag.search(q["question"], k=5, settings=settings)
    ans = rag.ask(q["question"], today=today, settings=settings)
    gold = set(q.get("gold_doc_ids") or [])
    return {
        "id": q["id"],
        "question": q["question"],
        "answerable": q.get("answerable", True),
        "has_gold": bool(gold),
        "hit5": bool(gold & {p.doc_id for p in top5}),
        "answer": ans.text,
        "raw": ans.raw,
        "golds": q.get("answers", []),
        "correct": (not ans.refused) and correct(ans.text, q.get("answers", [])),
        "refused": ans.refused,
        "citations": len(ans.citations),
        "verified": sum(c.verified for c in ans.citations),
        "claims": len(ans.claims),
        "claims_verified": sum(c.verified for c in ans.claims),
        "first_token_s": ans.timings.get("first_token_s"),
        "total_s": ans.timings.get("total_s"),
        "wall_s": round(time.perf_counter() - t0, 3),
        "prompt_tokens": ans.tokens.get("prompt", 0),
    }


def summarize(rows: list[dict], name: str) -> None:
    def share(xs):
        xs = list(xs)
        return f"{sum(xs) / len(xs):.3f} ({sum(xs)}/{len(xs)})" if xs else "n/a"

    ans = [r for r in rows if r["answerable"]]
    unans = [r for r in rows if not r["answerable"]]
    gold = [r for r in rows if r["has_gold"]]
    cites = sum(r["citations"] for r in rows)
    first = [r["first_token_s"] for r in rows if r["first_token_s"]]
    print(f"== {name}: {len(rows)} questions ({len(ans)} answerable, {len(unans)} unanswerable)")
    print(f"retrieval hit@5 (questions with gold docs)   {share(r['hit5'] for r in gold)}")
    print(f"answer accuracy (answerable)                 {share(r['correct'] for r in ans)}")
    print(f"citations verified                           {sum(r['verified'] for r in rows) / max(cites, 1):.3f} ({sum(r['verified'] for r in rows)}/{cites})")
    print(f"answer sentences verified (non-refused)      {share(r['claims_verified'] == r['claims'] > 0 for r in rows if not r['refused'])}")
    print(f"refusal rate, answerable                     {share(r['refused'] for r in ans)}")
    print(f"refusal rate, unanswerable                   {share(r['refused'] for r in unans)}")
    print(f"median time to first token                   {statistics.median(first):.2f}s" if first else "median time to first token n/a")
    print(f"median total                                 {statistics.median(r['total_s'] for r in rows):.2f}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--gold-only", action="store_true", help="only questions with gold docs (realtimeqa)")
    ap.add_argument("--summary", action="store_true", help="only print the summary of saved rows")
    args = ap.parse_args()

    gold_only = args.gold_only or args.dataset == "realtimeqa-2023"
    ds = data.load(args.dataset, limit=args.limit, gold_only=gold_only)
    tag = f"{args.dataset}-{len(ds.questions)}q"
    out = OUT / f"qa-{tag}.jsonl"
    rows = [json.loads(line) for line in open(out)] if out.exists() else []
    if not args.summary:
        base = Settings()
        settings = base.model_copy(update={"index": OUT / f"index-{tag}-c{base.chunk_tokens}f{base.chunk_min_fill}"})
        build_index(ds, settings)
        done = {r["id"] for r in rows}
        with open(out, "a") as fh:
            for i, q in enumerate(ds.questions, 1):
                if q["id"] in done:
                    continue
                row = run_one(q, settings)
                rows.append(row)
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                fh.flush()
                print(f"[{i}/{len(ds.questions)}] {'OK ' if row['correct'] else 'REF' if row['refused'] else '-- '} "
                      f"{row['total_s']:.1f}s {q['question'][:70]}", file=sys.stderr)
    summarize(rows, tag)


if __name__ == "__main__":
    main()
