"""Claim runs: each labelled claim goes through ``rag.verify`` and its verdict is scored against the label.

A claim set is a folder with ``dataset.json`` (``"kind": "claims"``, its
``corpus`` and its ``claims`` file) and a JSONL of ``{"id", "claim", "label",
"kind"}``, label one of supported, contradicted, not_found (``eval/claims``), and
``"today"`` where the claim says "last week" or "yesterday": the day it was written
as of (``rag verify --today``).

The scores are the ones a fact-checker needs: of the claims called supported,
how many are true (precision: a false "supported" is the costly error), how
many true claims were found (recall), and the share of false claims called
contradicted rather than only not found.
"""

from __future__ import annotations

import time

import rag

from ..errors import RagError
from ..settings import Settings
from . import metrics as m

LABELS = ("supported", "contradicted", "not_found")


def verify_one(q: dict, settings: Settings) -> dict:
    """One claim through ``rag.verify``: the verdict, its reason and quotes, and the time it took."""
    t0 = time.perf_counter()
    row = {"id": q["id"], "question": q["question"], "label": q["label"], "type": q.get("kind", ""), "doc": q.get("doc", "")}
    try:
        v = rag.verify(q["question"], today=q.get("today"), settings=settings)
    except RagError as err:
        return {**row, "error": str(err), "pass": False, "wall_s": round(time.perf_counter() - t0, 3)}
    return {
        **row,
        "verdict": v.label,
        "reason": v.reason,
        "entailment": v.entailment,
        "quotes": [{"doc_id": c.doc_id, "start": c.start, "end": c.end, "quote": c.quote} for c in v.citations],
        "pass": v.label == q["label"],
        "wall_s": round(time.perf_counter() - t0, 3),
    }


def scores(records: list[dict]) -> dict:
    """Precision and recall of "supported", false claims called contradicted, and the confusion counts.

    >>> r = lambda label, verdict: {"label": label, "verdict": verdict}
    >>> s = scores([r("supported", "supported"), r("contradicted", "supported"), r("contradicted", "contradicted"),
    ...             r("not_found", "not_found"), r("supported", "not_found")])
    >>> s["supported_precision"], s["supported_recall"], s["false_contradicted"], s["accuracy"]
    (0.5, 0.5, 0.5, 0.6)
    """
    ok = [r for r in records if not r.get("error")]
    said = [r for r in ok if r["verdict"] == "supported"]
    true = [r for r in ok if r["label"] == "supported"]
    false = [r for r in ok if r["label"] == "contradicted"]
    return {
        "claims": len(ok),
        "accuracy": m.ratio(sum(r["verdict"] == r["label"] for r in ok), len(ok)),
        "supported_precision": m.ratio(sum(r["label"] == "supported" for r in said), len(said)),
        "supported_recall": m.ratio(sum(r["verdict"] == "supported" for r in true), len(true)),
        "false_contradicted": m.ratio(sum(r["verdict"] == "contradicted" for r in false), len(false)),
        "absent_not_found": m.ratio(sum(r["verdict"] == "not_found" for r in ok if r["label"] == "not_found"),
                                    sum(r["label"] == "not_found" for r in ok)),  # fmt: skip
        "confusion": {a: {b: sum(r["label"] == a and r["verdict"] == b for r in ok) for b in LABELS} for a in LABELS},
    }


def aggregate(records: list[dict], meta: dict) -> dict:
    from .summary import run_meta

    by_kind: dict[str, list[dict]] = {}
    for r in records:
        by_kind.setdefault(r.get("type") or "-", []).append(r)
    walls = [r["wall_s"] for r in records if "wall_s" in r]
    return {
        "run": run_meta(meta),
        "questions": len(records),
        "errors": sum(bool(r.get("error")) for r in records),
        "pass": m.mean(r["pass"] for r in records),
        "claims": scores(records),
        "by_type": {k: {"questions": len(rs), "pass": m.mean(r["pass"] for r in rs)} for k, rs in sorted(by_kind.items())},
        "latency": {"wall_p50_s": m.percentile(walls, 50), "wall_p95_s": m.percentile(walls, 95)},
    }


def markdown(summary: dict, title: str) -> str:
    s = summary["claims"]
    f = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    lines = [
        f"# {title}", "",
        f"{summary['questions']} claims, {summary['errors']} errors; verdict p50 {f(summary['latency']['wall_p50_s'])} s.", "",
        "| measure | value |", "|---|---|",
        f"| verdict = label | {f(s['accuracy'])} |",
        f"| \"supported\" precision | {f(s['supported_precision'])} |",
        f"| \"supported\" recall | {f(s['supported_recall'])} |",
        f"| false claims called contradicted | {f(s['false_contradicted'])} |",
        f"| absent claims called not found | {f(s['absent_not_found'])} |", "",
        "| label \\ verdict | " + " | ".join(LABELS) + " |", "|---|---|---|---|",
    ]  # fmt: skip
    lines += [f"| {a} | " + " | ".join(str(s["confusion"][a][b]) for b in LABELS) + " |" for a in LABELS]
    lines += ["", "| kind | claims | right |", "|---|---|---|"]
    lines += [f"| {k} | {v['questions']} | {f(v['pass'])} |" for k, v in summary["by_type"].items()]
    return "\n".join(lines) + "\n"


def html(summary: dict, records: list[dict], title: str) -> str:
    from html import escape

    from .report import table_page

    rows = "".join(
        f"<tr><td>{escape(r['id'])}</td><td>{escape(r['label'])}</td><td>{escape(r.get('verdict', 'error'))}</td>"
        f"<td class=q>{escape(r['question'])}</td><td class=q>{escape(r.get('reason') or r.get('error', ''))}</td></tr>"
        for r in records
    )
    head = "<tr><th>id</th><th>label</th><th>verdict</th><th>claim</th><th>why</th></tr>"
    return table_page(summary, title, f"<h2>Claims</h2><table>{head}{rows}</table>")
