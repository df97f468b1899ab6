"""Summary runs: each article of a summary set summarized through ``rag.summarize``, scored
with ROUGE against its human references, beside the lead-3 baseline in the same run.

A record holds the summary, ROUGE-1/2/L F1 for it and for lead-3 (the article's
first three sentences, the standard news baseline), how many of its sentences
verified against their passages, model calls (1 = direct, more = map-reduce)
and seconds.
"""

from __future__ import annotations

import time

import rag

from ..chunking import sentence_spans
from ..errors import RagError
from ..settings import Settings
from . import metrics as m
from .summary import run_meta


def lead3(text: str) -> str:
    """The first three sentences.

    >>> lead3("One. Two. Three. Four.")
    'One. Two. Three.'
    """
    return " ".join(text[s:e] for s, e in sentence_spans(text)[:3])


def summarize_one(item: dict, settings: Settings) -> dict:
    row: dict = {"id": item["id"], "question": f"summarize {item['id']}"}
    t0 = time.perf_counter()
    try:
        summary = rag.summarize(doc_id=item["id"], settings=settings)
    except RagError as err:
        return {**row, "error": str(err), "pass": False, "wall_s": round(time.perf_counter() - t0, 3)}
    ours = m.rouge(summary.text, item["references"])
    return {
        **row,
        "answer": summary.text,
        "rouge": ours,
        "lead3": m.rouge(lead3(item["text"]), item["references"]),
        "sentences": len(summary.claims) + len(summary.dropped),
        "verified": sum(c.verified for c in [*summary.claims, *summary.dropped]),
        "calls": summary.calls,
        "seconds": summary.timings.get("total_s"),
        "pass": bool(summary.claims) and not summary.dropped and all(c.verified for c in summary.claims),
    }


def aggregate(records: list[dict], meta: dict) -> dict:
    ok = [r for r in records if not r.get("error")]
    sentences = sum(r["sentences"] for r in ok)
    return {
        "run": run_meta(meta),
        "questions": len(records),
        "errors": len(records) - len(ok),
        "pass": m.mean(r["pass"] for r in records),
        "summaries": {
            **{f"ours_{k}": m.mean(r["rouge"][k] for r in ok) for k in m.ROUGE},
            **{f"lead3_{k}": m.mean(r["lead3"][k] for r in ok) for k in m.ROUGE},
            "sentences_verified": m.ratio(sum(r["verified"] for r in ok), sentences),
            "sentences": sentences,
            "verified": sum(r["verified"] for r in ok),
            "map_reduce": sum(r["calls"] > 1 for r in ok),
            "seconds_p50": m.percentile([r["seconds"] for r in ok], 50),
            "seconds_max": max((r["seconds"] for r in ok), default=None),
        },
    }


def markdown(summary: dict, title: str) -> str:
    s = summary["summaries"]

    def fmt(v, digits=4):
        return "n/a" if v is None else f"{v:.{digits}f}"

    lines = [
        f"# {title}",
        "",
        f"{summary['questions']} articles, model {summary['run'].get('model')}; {summary['errors']} errors. "
        "ROUGE F1 against the best of the human references (rouge-score, stemmed).",
        "",
        "| | ROUGE-1 | ROUGE-2 | ROUGE-L |",
        "|---|---|---|---|",
        "| newsrag | " + " | ".join(fmt(s[f"ours_{k}"]) for k in m.ROUGE) + " |",
        "| lead-3 | " + " | ".join(fmt(s[f"lead3_{k}"]) for k in m.ROUGE) + " |",
        "",
        f"Summary sentences verified: {s['verified']} of {s['sentences']} ({fmt(s['sentences_verified'], 3)}); "
        f"map-reduce for {s['map_reduce']} articles; seconds per summary p50 {fmt(s['seconds_p50'], 1)}, "
        f"max {fmt(s['seconds_max'], 1)}.",
    ]
    return "\n".join(lines) + "\n"
