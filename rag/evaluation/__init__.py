"""The evaluation harness: the one place a metric is computed. Runs a question set (or a
summary set) through the public API, scores it, reports.

>>> from rag.evaluation import evaluate                 # doctest: +SKIP
>>> summary = evaluate("../shared/data/squad2-500", limit=100, config="vanilla")  # doctest: +SKIP
>>> summary["answers"]["accuracy"]                     # doctest: +SKIP
>>> evaluate("../shared/data/hotpotqa-100", retrieval_only=True)["modes"]["hybrid"]["mrr@10"]  # doctest: +SKIP

Modules: datasets (question and summary sets), configs (default, vanilla, files,
--set), runner (ask or search and record, resumable), summaries (summary runs),
metrics (pure scores), summary (aggregates), report (JSON, Markdown, HTML with
plots), compare (two runs).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..settings import Settings
from . import claims, configs, datasets, report, runner, summaries


def default_out(dataset: str, config: str, n: int, kind: str = "questions") -> Path:
    suffix = {"retrieval": "-retrieval", "summaries": "-summaries", "claims": "-claims"}.get(kind, "")
    return Path("eval-runs") / f"{Path(dataset).name}-{config}-{n}q{suffix}"


def evaluate(
    dataset: str | Path,
    *,
    limit: int | None = None,
    skip: int = 0,
    half: str | None = None,
    sample_seed: int | None = None,
    gold_only: bool = False,
    retrieval_only: bool = False,
    choices: bool = False,
    config: str | None = None,
    sets: list[str] | None = None,
    out: str | Path | None = None,
    concurrency: int = 4,
    base: Settings | None = None,
    index_root: str | Path | None = None,
    on_record: Callable[[dict, int, int], None] | None = None,
    log: Callable[[str], None] = runner.log_stderr,
) -> dict:
    """Run (or resume) an evaluation and write its reports; returns the summary.

    ``retrieval_only``: rank with dense, BM25 and hybrid side by side, no model,
    only questions with gold documents. ``choices``: put each question's options
    (``choices``) to the model and score the option it picks. A summary set is
    always a summary run.
    """
    ds = datasets.load(dataset, limit=limit, seed=sample_seed, gold_only=gold_only or retrieval_only, skip=skip, half=half)
    if choices and not any(q.get("choices") for q in ds.questions):
        from ..errors import ConfigError

        raise ConfigError(f"{ds.name} has no multiple-choice options (a `choices` field); run it without --choices")
    kind = ds.kind if ds.kind in ("summaries", "claims") else "retrieval" if retrieval_only else "questions"
    name, _ = configs.read(config)
    over = configs.overrides(config, sets or [])
    settings = runner.index_settings(ds, (base or Settings()).model_copy(update=over), index_root)
    folder = Path(out) if out else default_out(str(ds.path), name + ("-choices" if choices else "") + (f"-{half}" if half else ""), len(ds.questions), kind)
    meta = _meta(ds, kind, name, over, settings) | {"limit": limit, "skip": skip, "half": half, "sample_seed": sample_seed, "gold_only": gold_only}
    meta["choices"] = choices
    run = runner.open_run(folder, meta)
    log(f"{ds.name}: {len(ds.questions)} questions ({len(run.records)} already done), config {name}, out {folder}")
    runner.build_index(ds, settings, log)
    work, score = WORK[kind]
    if choices and kind in ("questions", "retrieval"):
        work = partial(work, choices=True)
    try:
        runner.run(ds, settings, run, work=work, score=score, concurrency=concurrency, on_record=on_record)
    finally:  # reports of what is done, even after Ctrl-C
        summary = report.write(folder, run.records, run.meta)
    summary["out"] = str(folder)
    return summary


# What each kind of run does per item, and how a record is scored as it is kept.
WORK = {
    "questions": (runner.ask_one, runner.judge),
    "retrieval": (runner.search_one, None),
    "summaries": (summaries.summarize_one, None),
    "claims": (claims.verify_one, None),
}


def _meta(ds: datasets.Dataset, kind: str, config: str, over: dict, settings: Settings) -> dict:
    """``run.json``: what was run, so a resumed run can refuse to mix in another."""
    from ..llm import engine, model_name

    return {
        "kind": kind,
        "dataset": ds.name,
        "dataset_path": str(Path(ds.path).resolve()),  # replay and resume from any folder
        "dataset_key": ds.corpus_key(),
        "config": config,
        "overrides": {k: str(v) if isinstance(v, Path) else v for k, v in over.items()},
        "question_ids": [q["id"] for q in ds.questions],
        "model": model_name(settings),
        "backend": settings.backend,
        "engine": engine(settings),
        "environment": runner.environment(),
        "index": str(settings.index),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
