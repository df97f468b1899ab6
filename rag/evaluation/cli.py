"""``rag eval``: run a question set, re-render a report, compare two runs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import exits_on_error


@click.group("eval")
def eval_group():
    """Measure retrieval, answers, citations and refusals on a question set."""


class _Progress:
    """A bar with the running pass rate on a terminal; a line per question otherwise."""

    def __init__(self):
        self.tty = sys.stderr.isatty()
        self.bar = None
        self.passed = 0

    def __enter__(self):
        if self.tty:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
            self.bar.start()
            self.task = self.bar.add_task("asking", total=None)
        return self

    def __call__(self, row: dict, done: int, total: int) -> None:
        self.passed += row["pass"]
        self.seen = getattr(self, "seen", 0) + 1
        status = "ERR " if row.get("error") else "pass" if row["pass"] else "fail"
        note = f"pass rate {self.passed / self.seen:.3f} (this session)"
        if self.bar:
            self.bar.update(self.task, completed=done, total=total, description=note)
        else:
            t = row.get("timings", {}).get("total_s")
            click.echo(f"[{done}/{total}] {status} {'' if t is None else f'{t:.1f}s '}{row['question'][:70]}  · {note}", err=True)

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()


@eval_group.command("run")
@click.argument("dataset")
@click.option("--limit", type=click.IntRange(1), help="Only N questions (the first N, or a sample with --sample-seed).")
@click.option("--skip", type=click.IntRange(0), default=0, help="Drop the first N questions first (a tuning split beside the first-N report split).")
@click.option("--half", type=click.Choice(["even", "odd"]), help="Only the questions at even or odd positions of the file (a tuning half, a report half).")
@click.option("--sample-seed", type=int, help="Sample the N questions at random with this seed.")
@click.option("--gold-only", is_flag=True, help="Only questions with gold documents (realtimeqa: those whose answer is in an article).")
@click.option("--retrieval-only", is_flag=True, help="No model: rank with dense, BM25 and hybrid side by side (questions with gold documents).")
@click.option("--choices", is_flag=True, help="Multiple choice: give the model each question's options and score the one it picks.")
@click.option("--config", help="default, vanilla, or a TOML/JSON file of settings.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Override one setting, e.g. --set k=4 (repeatable).")
@click.option("--out", type=click.Path(file_okay=False), help="Run folder (default eval-runs/<dataset>-<config>-<N>q).")
@click.option("--index-root", type=click.Path(file_okay=False), help="Where dataset indexes are kept (default ~/.cache/newsrag/eval-index).")
@click.option("--concurrency", type=click.IntRange(1, 64), default=4, show_default=True, help="Questions in flight (openai backend; local runs one at a time).")
@exits_on_error
def run_cmd(dataset, limit, skip, half, sample_seed, gold_only, retrieval_only, choices, config, sets, out, index_root, concurrency):
    """Ask every question of DATASET and write reports.

    DATASET is a folder with questions.jsonl (a question set), or with
    articles.jsonl (a summary set such as ../shared/data/news-summ-100: each
    article is summarized and scored with ROUGE beside lead-3). Running the same
    command again resumes where it stopped.
    """
    from . import evaluate
    from .report import markdown

    with _Progress() as progress:
        try:
            summary = evaluate(
                dataset, limit=limit, skip=skip, half=half, sample_seed=sample_seed, gold_only=gold_only, retrieval_only=retrieval_only,
                choices=choices, config=config,
                sets=list(sets), out=out, concurrency=concurrency, on_record=progress, index_root=index_root,
            )  # fmt: skip
        except KeyboardInterrupt:
            click.secho("Interrupted; reports cover the questions done. Run the same command to resume.", fg="yellow", err=True)
            sys.exit(130)
    click.echo(markdown(summary, f"{summary['run']['dataset']} · {summary['run']['config']}"))
    click.echo(f"reports in {summary['out']}: summary.json, summary.md, report.html")


@eval_group.command("replay")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--out", type=click.Path(file_okay=False), required=True, help="The new run folder (compare it with RUN_DIR).")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Override one setting, e.g. --set min_support=0 (repeatable).")
@click.option("--model", "live", is_flag=True, help="Ask the model where the recording has no reply (a question that reaches it now and did not then).")
@exits_on_error
def replay_cmd(run_dir, out, sets, live):
    """Put a run's recorded model replies through today's checker and answer policy, without the model.

    For changes after the model: each question is asked again as RUN_DIR asked it,
    and where the model would answer, its recorded reply is given. Then
    `rag eval compare RUN_DIR OUT` shows what changed.
    """
    from . import configs
    from .replay import replay
    from .report import markdown

    with _Progress() as progress:
        summary = replay(run_dir, out, sets=configs.overrides(None, list(sets)), on_record=progress, live=live)
    click.echo(markdown(summary, f"{summary['run']['dataset']} · replay of {run_dir}"))
    if summary["no_recorded_reply"]:
        click.secho(f"{summary['no_recorded_reply']} question(s) reached the model but have no recorded reply (errors here): "
                    "ask them with the model (--model).", fg="yellow", err=True)  # fmt: skip
    if summary["prompt_changed"]:
        click.secho(f"{summary['prompt_changed']} question(s) were given other passages than when recorded: their replies may not fit.",
                    fg="yellow", err=True)  # fmt: skip
    click.echo(f"reports in {summary['out']}: summary.json, summary.md, report.html")


@eval_group.command("report")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@exits_on_error
def report_cmd(run_dir):
    """Re-render the reports of a run folder from its records."""
    from . import report, runner
    from .compare import run_meta

    folder = Path(run_dir)
    meta = run_meta(folder)
    run = runner.open_run(folder, meta)
    summary = report.write(folder, run.records, run.meta)
    click.echo(report.markdown(summary, f"{meta['dataset']} · {meta['config']}"))


@eval_group.command("compare")
@click.argument("run_a", type=click.Path(exists=True, file_okay=False))
@click.argument("run_b", type=click.Path(exists=True, file_okay=False))
@exits_on_error
def compare_cmd(run_a, run_b):
    """Metric deltas (B - A) and the questions that flipped between two runs."""
    from .compare import compare

    click.echo(compare(Path(run_a), Path(run_b)))
