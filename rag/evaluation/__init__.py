"""The evaluation harness: run a question set through the public API, score it, report.

>>> from rag.evaluation import evaluate                 # doctest: +SKIP
>>> summary = evaluate("../shared/data/squad2-500", limit=100, config="vanilla")  # doctest: +SKIP
>>> summary["answers"]["accuracy"]                     # doctest: +SKIP

Modules: datasets (question sets), configs (default, vanilla, files, --set),
runner (ask and record, resumable), metrics (pure scores), summary
(aggregates), report (JSON, Markdown, HTML with plots), compare (two runs).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ..settings import Settings
from . import configs, datasets, report, runner


def default_out(dataset: str, config: str, n: int) -> Path:
    return Path("eval-runs") / f"{Path(dataset).name}-{config}-{n}q"


def evaluate(
    dataset: str | Path,
    *,
    limit: int | None = None,
    sample_seed: int | None = None,
    gold_only: bool = False,
    config: str | None = None,
    sets: list[str] | None = None,
    out: str | Path | None = None,
    concurrency: int = 4,
    base: Settings | None = None,
    index_root: str | Path | None = None,
    on_record: Callable[[dict, int, int], None] | None = None,
    log: Callable[[str], None] = runner.log_stderr,
) -> dict:
    """Run (or resume) an evaluation and write its reports; returns the summary."""
    from ..llm import model_name

    ds = datasets.load(dataset, limit=limit, seed=sample_seed, gold_only=gold_only)
    name, _ = configs.read(config)
    over = configs.overrides(config, sets or [])
    settings = runner.index_settings(ds, (base or Settings()).model_copy(update=over), index_root)
    folder = Path(out) if out else default_out(str(ds.path), name, len(ds.questions))
    meta = {
        "dataset": ds.name,
        "dataset_path": str(ds.path),
        "dataset_key": ds.corpus_key(),
        "config": name,
        "overrides": {k: str(v) if isinstance(v, Path) else v for k, v in over.items()},
        "limit": limit,
        "sample_seed": sample_seed,
        "gold_only": gold_only,
        "question_ids": [q["id"] for q in ds.questions],
        "model": model_name(settings),
        "backend": settings.backend,
        "index": str(settings.index),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    run = runner.open_run(folder, meta)
    log(f"{ds.name}: {len(ds.questions)} questions ({len(run.records)} already done), config {name}, out {folder}")
    runner.build_index(ds, settings, log)
    try:
        runner.run(ds, settings, run, concurrency=concurrency, on_record=on_record)
    finally:  # reports of what is done, even after Ctrl-C
        summary = report.write(folder, run.records, run.meta)
    summary["out"] = str(folder)
    return summary
