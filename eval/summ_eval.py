"""Summary quality with the embedded default model on ../shared/data/news-summ-100.

    .venv/bin/python eval/summ_eval.py [--limit N]
    .venv/bin/python eval/summ_eval.py --summary        # re-print from saved rows

For each article: our cited summary (`rag.summarize(doc_id=...)`, default
settings) and the lead-3 baseline (first three sentences), both scored with
ROUGE-1/2/L F1 against the human references (best reference, rouge-score with
stemming), in the same run; plus the share of summary sentences whose citations
verify and the time per summary. Rows go to eval/out/summ-news-summ-100.jsonl
as they finish (resumable).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

import rag
from rag.chunking import sentence_spans
from rag.context import embedder_for, store_for
from rag.settings import Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news-summ-100" / "articles.jsonl"
OUT = Path(__file__).resolve().parent / "out"
METRICS = ("rouge1", "rouge2", "rougeL")


def lead3(text: str) -> str:
    return " ".join(text[s:e] for s, e in sentence_spans(text)[:3])


def strip_marks(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    articles = [json.loads(line) for line in open(DATA)][: args.limit]
    out = OUT / "summ-news-summ-100.jsonl"
    rows = [json.loads(line) for line in open(out)] if out.exists() else []
    if not args.summary:
        settings = Settings(index=OUT / "index-news-summ-100")
        feed = OUT / "news-summ-feed.jsonl"
        OUT.mkdir(exist_ok=True)
        with open(feed, "w") as fh:
            for a in articles:
                fh.write(json.dumps({"doc_id": a["doc_id"], "title": "", "text": a["text"]}) + "\n")
        embedder = embedder_for(settings)
        store = store_for(settings, embedder)
        rag.ingest([feed], settings=settings, store=store, embedder=embedder)
        done = {r["doc_id"] for r in rows}
        with open(out, "a") as fh:
            for i, a in enumerate(articles, 1):
                if a["doc_id"] in done:
                    continue
                s = rag.summarize(doc_id=a["doc_id"], settings=settings, store=store, embedder=embedder)
                ours = scorer.score_multi(a["references"], strip_marks(s.text))
                base = scorer.score_multi(a["references"], lead3(a["text"]))
                row = {
                    "doc_id": a["doc_id"],
                    "summary": s.text,
                    "ours": {m: ours[m].fmeasure for m in METRICS},
                    "lead3": {m: base[m].fmeasure for m in METRICS},
                    "sentences": len(s.claims),
                    "verified": sum(c.verified for c in s.claims),
                    "calls": s.calls,
                    "seconds": s.timings["total_s"],
                }
                rows.append(row)
                fh.write(json.dumps(row) + "\n")
                fh.flush()
                print(f"[{i}/{len(articles)}] {row['seconds']:.0f}s R1 {row['ours']['rouge1']:.3f} vs lead-3 {row['lead3']['rouge1']:.3f}", file=sys.stderr)
    n = len(rows)
    print(f"news-summ-100: {n} articles, default model, ROUGE F1 (best of the references)")
    print(f"{'':10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}")
    for who in ("ours", "lead3"):
        print(f"{who:10} " + " ".join(f"{statistics.mean(r[who][m] for r in rows):8.4f}" for m in METRICS))
    sents = sum(r["sentences"] for r in rows)
    print(f"summary sentences verified: {sum(r['verified'] for r in rows) / max(sents, 1):.3f} ({sum(r['verified'] for r in rows)}/{sents})")
    print(f"time per summary: median {statistics.median(r['seconds'] for r in rows):.1f}s, "
          f"max {max(r['seconds'] for r in rows):.1f}s; map-reduce used for {sum(r['calls'] > 1 for r in rows)} articles")


if __name__ == "__main__":
    main()
