"""Compare two runs: metric deltas, and the questions whose pass/fail flipped."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ConfigError
from .summary import ROWS, fmt, summarize, value


def run_meta(folder: Path) -> dict:
    """A run folder's ``run.json``; a folder that is not a run is one clear line."""
    try:
        return json.loads((Path(folder) / "run.json").read_text())
    except FileNotFoundError:
        raise ConfigError(f"{folder} is not an eval run (no run.json); give a folder written by `rag eval run`") from None
    except json.JSONDecodeError as err:
        raise ConfigError(f"{folder}/run.json is damaged ({err.msg}); run the eval again into a new folder") from None


def _records(text: str) -> list[dict]:
    """The records of a run; a line a crash cut short (the run resumes by asking that question again) is skipped."""
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def load(folder: Path) -> tuple[dict, dict[str, dict]]:
    try:
        summary = json.loads((folder / "summary.json").read_text())
        records = {r["id"]: r for r in _records((folder / "records.jsonl").read_text())}
    except FileNotFoundError as err:
        raise ConfigError(f"{folder} is not a finished eval run (no {Path(err.filename).name}); run `rag eval run` first") from None
    return summary, records


_CLAIM_ROWS = (
    ("accuracy", "verdict = label"),
    ("supported_precision", '"supported" precision'),
    ("supported_recall", '"supported" recall'),
    ("false_contradicted", "false claims called contradicted"),
    ("absent_not_found", "absent claims called not found"),
)


def _label(run: dict) -> str:
    """A run's config for a table header, with its --set overrides ("default, min_support=0.0")."""
    over = ", ".join(f"{k}={v}" for k, v in (run.get("overrides") or {}).items())
    return f"{run.get('config')}, {over}" if over else str(run.get("config"))


def compare(a: Path, b: Path) -> str:
    """A Markdown table of A, B and B - A for every metric, then the flipped questions (or claims)."""
    sa, ra = load(a)
    sb, rb = load(b)
    kinds = [sa["run"].get("kind") or "questions", sb["run"].get("kind") or "questions"]
    if kinds.count("claims") == 1:
        raise ConfigError(f"{a} is a {kinds[0]} run and {b} a {kinds[1]} run; compare a claim run with another claim run")
    if kinds == ["claims", "claims"]:
        return _compare_claims(sa, ra, sb, rb)
    both = [i for i in ra if i in rb]
    shared = len(both) < max(len(ra), len(rb))
    if shared:  # e.g. a 500-question run against a --limit 100 one: score both on the same questions
        sa = summarize([ra[i] for i in both], sa["run"])
        sb = summarize([rb[i] for i in both], sb["run"])
    lines = [f"| metric | A: {_label(sa['run'])} | B: {_label(sb['run'])} | B - A |", "|---|---|---|---|"]
    for section, key, label, kind in ROWS:
        va, vb = value(sa, section, key), value(sb, section, key)
        delta = "n/a" if va is None or vb is None else f"{vb - va:+.3f}" + ("s" if kind == "seconds" else "")
        lines.append(f"| {label} | {fmt(va, kind)} | {fmt(vb, kind)} | {delta} |")
    lines.append(f"\n{len(both)} questions in both runs (A {len(ra)}, B {len(rb)})"
                 + ("; the metrics above are over those only." if shared else "."))
    engines = [s["run"].get("engine") for s in (sa, sb)]
    if all(engines) and engines[0] != engines[1]:
        lines.append(f"\nThe runs used different engines (A: {engines[0]}; B: {engines[1]}): their times are not comparable, "
                     "and a greedy reply can differ between builds.")
    for title, flip in (("fixed in B (fail -> pass)", (False, True)), ("broken in B (pass -> fail)", (True, False))):
        ids = [i for i in both if (ra[i]["pass"], rb[i]["pass"]) == flip]
        lines.append(f"\n{title}: {len(ids)}")
        for i in ids:
            lines.append(f"- {i}: {ra[i]['question'][:90]}\n  A: {(ra[i].get('answer') or ra[i].get('error', ''))[:120]}\n  B: {(rb[i].get('answer') or rb[i].get('error', ''))[:120]}")
    return "\n".join(lines) + "\n"


def _compare_claims(sa: dict, ra: dict[str, dict], sb: dict, rb: dict[str, dict]) -> str:
    """Two claim runs: the claim scores side by side, then each claim whose verdict changed."""
    from .claims import aggregate

    both = [i for i in ra if i in rb]
    if len(both) < max(len(ra), len(rb)):
        sa = aggregate([ra[i] for i in both], sa["run"])
        sb = aggregate([rb[i] for i in both], sb["run"])
    lines = [f"| measure | A: {_label(sa['run'])} | B: {_label(sb['run'])} | B - A |", "|---|---|---|---|"]
    for key, label in _CLAIM_ROWS:
        va, vb = sa["claims"].get(key), sb["claims"].get(key)
        delta = "n/a" if va is None or vb is None else f"{vb - va:+.3f}"
        lines.append(f"| {label} | {fmt(va, 'share')} | {fmt(vb, 'share')} | {delta} |")
    pa, pb = sa["latency"]["wall_p50_s"], sb["latency"]["wall_p50_s"]
    delta = "n/a" if pa is None or pb is None else f"{pb - pa:+.3f}s"
    lines.append(f"| verdict p50 | {fmt(pa, 'seconds')} | {fmt(pb, 'seconds')} | {delta} |")
    lines.append(f"\n{len(both)} claims in both runs (A {len(ra)}, B {len(rb)}).")
    moved = [i for i in both if ra[i].get("verdict") != rb[i].get("verdict")]
    lines.append(f"\nverdict changed: {len(moved)} (fixed {sum(rb[i]['pass'] > ra[i]['pass'] for i in moved)}, "
                 f"broken {sum(rb[i]['pass'] < ra[i]['pass'] for i in moved)})")  # fmt: skip
    for i in moved:
        x, y = ra[i], rb[i]
        lines.append(f"- {i} ({x['label']}): {x.get('verdict', 'error')} -> {y.get('verdict', 'error')}: {x['question'][:90]}\n"
                     f"  B: {(y.get('reason') or y.get('error', ''))[:120]}")  # fmt: skip
    return "\n".join(lines) + "\n"
