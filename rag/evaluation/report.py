"""Reports of a run: ``summary.json``, ``summary.md`` and a self-contained ``report.html``.

The HTML has no scripts and no external files: plots are inline SVG drawn here,
so the report opens anywhere, offline, and can be mailed as one file.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from .summary import ROWS, fmt, summarize, value


def markdown(summary: dict, title: str) -> str:
    """The run's table in Markdown, for any kind of run."""
    kind = summary["run"].get("kind")
    if kind == "retrieval":
        return markdown_retrieval(summary, title)
    if kind == "summaries":
        from .summaries import markdown as summaries_markdown

        return summaries_markdown(summary, title)
    if kind == "claims":
        from .claims import markdown as claims_markdown

        return claims_markdown(summary, title)
    return markdown_questions(summary, title)


RETRIEVAL_COLUMNS = ("hit@1", "hit@3", "hit@5", "hit@10", "recall@5", "mrr@10", "answer@1", "answer@5")


def markdown_retrieval(summary: dict, title: str) -> str:
    lines = [
        f"# {title}",
        "",
        f"{summary['modes']['hybrid']['questions']} questions with gold documents, retrieval only (no model); "
        f"{summary['errors']} errors. Document-level: each article counts once, at its best passage's rank. "
        "answer@k: a passage among the first k holds a gold answer string (passage-level, no gold documents needed).",
        "",
        "| mode | " + " | ".join(c.replace("mrr@10", "MRR@10") for c in RETRIEVAL_COLUMNS) + " | search p50 |",
        "|---|" + "---|" * (len(RETRIEVAL_COLUMNS) + 1),
    ]
    for mode, scores in summary["modes"].items():
        ms = scores.get("search_ms_p50")
        lines.append(f"| {mode} | " + " | ".join(fmt(scores.get(c), "share") for c in RETRIEVAL_COLUMNS) + f" | {fmt(ms, 'count')} ms |")
    d = summary.get("dates") or {}
    if d.get("questions_with_as_of"):
        lines += ["", f"Searched as of each question's date ({d['questions_with_as_of']} questions): "
                  f"{d['retrieved_after_as_of']} passages from articles published after it, over all modes."]  # fmt: skip
    return "\n".join(lines) + "\n"


def markdown_questions(summary: dict, title: str) -> str:
    run = summary["run"]
    lines = [
        f"# {title}",
        "",
        f"{summary['questions']} questions, config `{run.get('config')}`"
        + (f" with {json.dumps(run.get('overrides'))}" if run.get("overrides") else "")
        + f", model {run.get('model')}; {summary['errors']} errors.",
        "",
        "| metric | value |",
        "|---|---|",
    ]
    lines += [f"| {label} | {fmt(value(summary, s, k), kind)} |" for s, k, label, kind in ROWS]
    lines += ["", "| question type | questions | pass |", "|---|---|---|"]
    lines += [f"| {t} | {v['questions']} | {fmt(v['pass'], 'share')} |" for t, v in summary["by_type"].items()]
    return "\n".join(lines) + "\n"


# --- SVG plots -------------------------------------------------------------

W, H, PAD = 420, 220, 36


def _frame(title: str, body: str, xlabel: str, ylabel: str) -> str:
    return (
        f'<figure><svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{escape(title)}">'
        f'<line x1="{PAD}" y1="{H - PAD}" x2="{W - 10}" y2="{H - PAD}" class="axis"/>'
        f'<line x1="{PAD}" y1="10" x2="{PAD}" y2="{H - PAD}" class="axis"/>{body}'
        f'<text x="{W / 2}" y="{H - 4}" class="label" text-anchor="middle">{escape(xlabel)}</text>'
        f'<text x="10" y="{H / 2}" class="label" transform="rotate(-90 10 {H / 2})" text-anchor="middle">{escape(ylabel)}</text>'
        f"</svg><figcaption>{escape(title)}</figcaption></figure>"
    )


def line_plot(ys: list[float | None], title: str, xlabel: str, ylabel: str) -> str:
    pts = [(i, y) for i, y in enumerate(ys, 1) if y is not None]
    if not pts:
        return f"<p>{escape(title)}: no data</p>"
    sx = (W - PAD - 20) / max(1, len(ys) - 1)
    coords = [(PAD + (x - 1) * sx, H - PAD - y * (H - PAD - 20)) for x, y in pts]
    body = f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in coords)}" class="series"/>'
    body += "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" class="dot"><title>k={k}: {v:.3f}</title></circle>' for (x, y), (k, v) in zip(coords, pts))
    body += "".join(f'<text x="{PAD + (k - 1) * sx:.1f}" y="{H - PAD + 14}" class="tick" text-anchor="middle">{k}</text>' for k, _ in pts)
    body += "".join(f'<text x="{PAD - 4}" y="{H - PAD - t * (H - PAD - 20) + 4:.1f}" class="tick" text-anchor="end">{t:.1f}</text>' for t in (0, 0.5, 1))
    return _frame(title, body, xlabel, ylabel)


def bar_plot(labels: list[str], values: list[float], title: str, xlabel: str, ylabel: str, top: float | None = None) -> str:
    if not values:
        return f"<p>{escape(title)}: no data</p>"
    top = top or max(values) or 1
    bw = (W - PAD - 20) / len(values)
    body = ""
    for i, (lab, v) in enumerate(zip(labels, values)):
        h = v / top * (H - PAD - 20)
        x = PAD + i * bw + 2
        body += f'<rect x="{x:.1f}" y="{H - PAD - h:.1f}" width="{max(1, bw - 4):.1f}" height="{h:.1f}" class="bar"><title>{escape(lab)}: {v:g}</title></rect>'
        if len(values) <= 12:
            body += f'<text x="{x + bw / 2 - 2:.1f}" y="{H - PAD + 14}" class="tick" text-anchor="middle">{escape(lab[:14])}</text>'
    body += f'<text x="{PAD - 4}" y="24" class="tick" text-anchor="end">{top:g}</text>'
    return _frame(title, body, xlabel, ylabel)


def histogram(values: list[float], title: str, xlabel: str, bins: int = 12) -> str:
    if not values:
        return f"<p>{escape(title)}: no data</p>"
    lo, hi = min(values), max(values)
    width = (hi - lo) / bins or 1
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - lo) / width))] += 1
    labels = [f"{lo + i * width:.1f}" for i in range(bins)]
    return bar_plot(labels, counts, title, xlabel, "questions")


# --- HTML --------------------------------------------------------------------

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}
.fail{background:#fff0f0}.pass{background:#f0fff3}
figure{display:inline-block;margin:0 16px 16px 0}figcaption{font-size:12px;color:#555;text-align:center}
.axis{stroke:#888}.series{fill:none;stroke:#2b6cb0;stroke-width:2}.dot{fill:#2b6cb0}.bar{fill:#4a90d9}
.tick,.label{font-size:10px;fill:#555}.q{max-width:280px}.small{font-size:12px;color:#555}
"""


def _cites(r: dict) -> str:
    if not r.get("citations"):
        return ""
    return "<br>".join(
        f"[{c['n']}] {'✓' if c['verified'] else '✗'}{' (repaired)' if c.get('repaired') else ''} "
        f"<span class=small>{escape(c['doc_id'])}: “{escape(c['quote'][:160])}”</span>"
        for c in r["citations"]
    )


def question_table(records: list[dict]) -> str:
    rows = sorted(records, key=lambda r: (r["pass"], r["id"]))  # failures first
    out = ["<table><tr><th>#</th><th>result</th><th>question</th><th>answer</th><th>gold</th><th>citations</th><th>total</th></tr>"]
    for i, r in enumerate(rows, 1):
        gold = " | ".join(r["golds"]) if r["answerable"] else "(unanswerable: decline)"
        answer = r.get("error") and f"ERROR: {r['error']}" or r.get("answer", "")
        total = r.get("timings", {}).get("total_s")
        out.append(
            f"<tr class={'pass' if r['pass'] else 'fail'}><td class=num>{i}</td><td>{'pass' if r['pass'] else 'FAIL'}</td>"
            f"<td class=q>{escape(r['question'])}<div class=small>{escape(r['id'])} · {escape(r.get('type') or '')}</div></td>"
            f"<td class=q>{escape(answer)}</td><td>{escape(gold)}</td><td>{_cites(r)}</td>"
            f"<td class=num>{'' if total is None else f'{total:.1f}s'}</td></tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def html(summary: dict, records: list[dict], title: str) -> str:
    metric_rows = "".join(f"<tr><td>{escape(label)}</td><td class=num>{fmt(value(summary, s, k), kind)}</td></tr>" for s, k, label, kind in ROWS)
    types = summary["by_type"]
    totals = [r["timings"]["total_s"] for r in records if not r.get("error") and r.get("timings", {}).get("total_s") is not None]
    plots = [
        line_plot(summary["retrieval"]["recall_curve"], "Retrieval recall@k", "k", "recall"),
        histogram(totals, "Latency per question (total)", "seconds"),
        bar_plot(list(types), [v["pass"] or 0 for v in types.values()], "Pass rate by question type", "type", "pass", top=1),
    ]
    run = summary["run"]
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{summary['questions']} questions · config <b>{escape(str(run.get('config')))}</b> "
        f"{escape(json.dumps(run.get('overrides') or {}))} · model {escape(str(run.get('model')))} · {summary['errors']} errors · "
        f"pass rate {fmt(summary['pass'], 'share')}</p>"
        f"<h2>Summary</h2><table><tr><th>metric</th><th>value</th></tr>{metric_rows}</table>"
        f"<h2>Plots</h2>{''.join(plots)}"
        f"<h2>Questions (failures first)</h2>{question_table(records)}</body></html>"
    )


def table_page(summary: dict, title: str, body: str) -> str:
    """A page for retrieval-only and summary runs: their Markdown table as HTML, then ``body``."""
    rows = [line.strip("|").split("|") for line in markdown(summary, title).splitlines() if line.startswith("|") and "---" not in line]
    table = "".join(
        "<tr>" + "".join(f"<{'th' if i == 0 else 'td'}>{escape(c.strip())}</{'th' if i == 0 else 'td'}>" for c in row) + "</tr>"
        for i, row in enumerate(rows)
    )
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><table>{table}</table>{body}</body></html>"
    )


def html_for(summary: dict, records: list[dict], title: str) -> str:
    kind = summary["run"].get("kind")
    if kind == "retrieval":
        plots = "".join(line_plot(s["recall_curve"], f"{mode}: recall@k", "k", "recall") for mode, s in summary["modes"].items())
        return table_page(summary, title, f"<h2>Plots</h2>{plots}")
    if kind == "summaries":
        rows = "".join(
            f"<tr><td>{escape(r['id'])}</td><td class=num>{r['rouge']['rouge1']:.3f}</td><td class=num>{r['lead3']['rouge1']:.3f}</td>"
            f"<td class=num>{r['verified']}/{r['sentences']}</td><td class=q>{escape(r['answer'])}</td></tr>"
            for r in records if not r.get("error")
        )
        head = "<tr><th>article</th><th>ROUGE-1</th><th>lead-3 ROUGE-1</th><th>verified</th><th>summary</th></tr>"
        return table_page(summary, title, f"<h2>Articles</h2><table>{head}{rows}</table>")
    if kind == "claims":
        from .claims import html as claims_html

        return claims_html(summary, records, title)
    return html(summary, records, title)


def write(folder: Path, records: list[dict], meta: dict) -> dict:
    """Write summary.json, summary.md and report.html into ``folder``; return the summary."""
    summary = summarize(records, meta)
    title = f"newsrag eval: {meta.get('dataset')} · {meta.get('config')}" + {"retrieval": " · retrieval only"}.get(meta.get("kind"), "")
    (folder / "summary.json").write_text(json.dumps(summary, indent=2))
    (folder / "summary.md").write_text(markdown(summary, title))
    (folder / "report.html").write_text(html_for(summary, records, title))
    return summary
