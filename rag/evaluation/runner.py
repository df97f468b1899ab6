"""Run a question set through the public API and record everything, one JSON line per question.

Three kinds of run share this loop: a full run (:func:`ask_one`: retrieval,
answer, citations, timings), a retrieval-only run (:func:`search_one`: dense,
BM25 and hybrid rankings, no model) and a summary run
(``rag.evaluation.summaries.summarize_one``).

A run lives in an output folder: ``run.json`` (what was run), ``records.jsonl``
(a line per finished question, flushed as it finishes, so a crash or Ctrl-C
loses at most the questions in flight) and the reports. Running the same
command again resumes; a different configuration in the same folder is an error.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import rag

from .. import choice, policy, sentences
from ..citations import parse_markers
from ..errors import ConfigError, CtrlC, RagError
from ..ingest import EMBED_FORMAT
from ..models import Answer, iso
from ..settings import Settings
from . import metrics
from .datasets import Dataset

DEPTH = 10  # retrieval is scored to rank 10 (MRR@10, recall@1..10)
MODES = ("dense", "bm25", "hybrid")  # what a retrieval-only run compares


@dataclass
class Run:
    folder: Path
    meta: dict
    records: list[dict]

    @property
    def records_path(self) -> Path:
        return self.folder / "records.jsonl"


def index_settings(ds: Dataset, settings: Settings, root: Path | str | None = None) -> Settings:
    """Settings pointing at the dataset's cached index, keyed by its articles, embedder and chunking.

    Runs of any config share one index per key (default under the cache folder).
    """
    root = Path(root) if root else settings.cache_dir / "eval-index"
    key = f"{ds.name}-{ds.corpus_key()}-{settings.embedder}-c{settings.chunk_tokens}o{settings.chunk_overlap}f{settings.chunk_min_fill}-e{EMBED_FORMAT}-s{sentences.VERSION}"
    return settings.model_copy(update={"index": root / key, "chroma_url": None})


def build_index(ds: Dataset, settings: Settings, log=print) -> None:
    t0 = time.perf_counter()
    report = rag.ingest(ds.ingest_paths(settings.index), settings=settings)
    if report.errors:
        raise ConfigError(f"{len(report.errors)} article(s) of {ds.name} failed to load; first: {report.errors[0]}")
    if report.chunks:
        log(f"indexed {report.added} articles, {report.chunks} chunks in {time.perf_counter() - t0:.0f}s")


def as_of(q: dict) -> str | None:
    """The question's as-of date (realtimeqa's ``question_date``), as ``YYYY-MM-DD``."""
    return (q.get("question_date") or "").replace("/", "-") or None


def searched_for(q: dict, settings: Settings, choices: bool) -> str:
    """What the answer searches for: the question, with its options in a ``--choices`` run (``search_choices``).

    >>> q = {"question": "Which fare?", "choices": ["4.20 euros", "3.80 euros"]}
    >>> searched_for(q, Settings(), True), searched_for(q, Settings(search_choices=False), True)
    ('Which fare? 4.20 euros 3.80 euros', 'Which fare?')
    """
    options = list(q.get("choices") or []) if choices else []
    return choice.search_text(q["question"], options) if settings.search_choices else q["question"]


def ask_one(q: dict, settings: Settings, *, choices: bool = False, llm=None) -> dict:
    """Ask one question through the public API, as of its ``question_date``, and keep what the metrics need.

    ``choices``: put the question's options (``choices``) to the model and record which one it picked.
    ``llm``: the chat model to use instead of the one the settings name (``rag eval replay``).
    """
    t0 = time.perf_counter()
    row: dict = {
        "id": q["id"],
        "question": q["question"],
        "type": q.get("type") or ("answerable" if q.get("answerable", True) else "unanswerable"),
        "answerable": bool(q.get("answerable", True)),
        "golds": list(q.get("answers") or []),
        "gold_doc_ids": list(q.get("gold_doc_ids") or []),
        "question_date": q.get("question_date"),
    }
    today = as_of(q)
    options = list(q.get("choices") or []) if choices else []
    if choices:
        row |= {"choices": options, "answer_idx": list(q.get("answer_idx") or [])}
    earlier = list(q.get("history") or [])  # a follow-up: these are asked first, in the same conversation
    try:
        turns: list[Answer] = []
        for asked in earlier:
            turns.append(rag.ask(asked, history=turns, today=today, settings=settings, llm=llm))
        if not earlier:
            ranked = rag.search(searched_for(q, settings, choices), k=DEPTH, today=today, settings=settings)
        answer = rag.ask(q["question"], history=turns, today=today, choices=options, settings=settings, llm=llm)
        if earlier:  # the ranking the answer used: the question as rewritten with the conversation
            ranked = rag.search(answer.question, k=DEPTH, today=today, settings=settings)
            row |= {"searched": answer.question, "history": [{"question": t.question, "answer": t.text, "refused": t.refused} for t in turns]}
    except RagError as err:  # a failing backend is recorded, and the run goes on
        return {**row, "error": str(err), "wall_s": round(time.perf_counter() - t0, 3)}
    model_marks = [n for s in answer.raw.splitlines() for n in parse_markers(s)[1]] if not answer.refused else []
    return {
        **row,
        "retrieved": doc_ids(ranked, row["gold_doc_ids"]),
        # Whether one of the passages an answer is given (the first k) holds a gold answer string: a refusal
        # without one is the right call even on an "answerable" question.
        "answer_in_passages": bool(row["golds"]) and metrics.answer_rank([f"{p.title}\n{p.text}" for p in ranked[: settings.k]], row["golds"]) is not None,
        "retrieved_published": [iso(p.published) for p in ranked],
        "when": answer.when.to_dict(),
        "as_of_note": iso(answer.as_of),
        "answer": answer.text,
        "raw": answer.raw,
        "refused": answer.refused,
        "passages": [{"n": i, "doc_id": p.doc_id, "chunk_id": p.chunk_id, "title": p.title, "published": iso(p.published)} for i, p in enumerate(answer.passages, 1)],
        "citations": [
            {"n": c.number, "doc_id": c.doc_id, "published": iso(c.published), "verified": c.verified, "repaired": c.repaired,
             "quote": c.quote, "start": c.start, "end": c.end}  # fmt: skip
            for c in answer.citations
        ],
        "marks": len(model_marks),
        "marks_in_context": sum(1 <= n <= len(answer.passages) for n in model_marks),
        "sentences": len(answer.claims),
        "sentences_cited": sum(bool(c.citations) for c in answer.claims),
        "sentences_verified": sum(c.verified for c in answer.claims),
        "dropped": [{"text": c.text, "reason": policy.dropped_reason(c), "verified": c.verified} for c in answer.dropped],
        "signals": answer.signals,
        "reason": answer.reason,
        "timings": answer.timings,
        "tokens": answer.tokens,
        "wall_s": round(time.perf_counter() - t0, 3),
    }


def doc_ids(ranked, gold) -> list[str]:
    """The documents of a ranking, for the retrieval metrics. A passage stands for its group of near-identical
    copies (``Passage.also_in``), so it counts as the gold copy when one of them is gold."""
    gold = set(gold)
    out = []
    for p in ranked:
        hit = p.doc_id in gold or next((c.doc_id for c in p.also_in if c.doc_id in gold), None)
        out.append(hit if isinstance(hit, str) else p.doc_id)
    return out


def search_one(q: dict, settings: Settings, *, choices: bool = False) -> dict:
    """Rank documents for one question with each retrieval mode; no model is loaded.

    ``retrieved`` is the configured mode's ranking, so the retrieval rows of a
    report (and of ``rag eval compare`` against a full run) mean the same thing.
    ``choices``: search as a multiple-choice question does (``search_choices``).
    """
    if q.get("history"):
        raise ConfigError(f"question {q['id']} is a follow-up: it is searched as the model rewrites it; run it without --retrieval-only")
    searched = searched_for(q, settings, choices)
    row: dict = {"id": q["id"], "question": q["question"], "gold_doc_ids": list(q.get("gold_doc_ids") or []),
                 "question_date": q.get("question_date"), "by_mode": {}, "published_by_mode": {}, "answer_rank": {},
                 "search_ms": {}}  # fmt: skip
    try:
        for mode in MODES:
            t0 = time.perf_counter()
            ranked = rag.search(searched, k=DEPTH, today=as_of(q), settings=settings.model_copy(update={"retrieval": mode}))
            row["search_ms"][mode] = round(1000 * (time.perf_counter() - t0), 2)
            row["by_mode"][mode] = doc_ids(ranked, row["gold_doc_ids"])
            row["published_by_mode"][mode] = [iso(p.published) for p in ranked]
            row["answer_rank"][mode] = metrics.answer_rank([f"{p.title}\n{p.text}" for p in ranked], q.get("answers") or [])
    except RagError as err:
        return {**row, "error": str(err), "pass": False}
    row["retrieved"] = row["by_mode"][settings.retrieval]
    row["pass"] = metrics.hit_at_k(row["retrieved"], set(row["gold_doc_ids"]), 5)
    return row


def judge(row: dict) -> dict:
    """Per-question scores, stored with the record so reports and comparisons agree."""
    if row.get("error"):
        return {"pass": False, "correct": False, "em": False, "f1": 0.0}
    answer = "" if row["refused"] else row["answer"]
    picked = {}
    if "choices" in row:  # a --choices run: which option the answer names
        idx = metrics.picked_choice(answer, row["choices"]) if answer else None
        picked = {"picked": idx, "choice_correct": idx is not None and idx in row["answer_idx"]}
    if row["answerable"]:
        correct = bool(answer) and metrics.contains_answer(answer, row["golds"])
        ok = correct
    else:
        correct = False
        ok = row["refused"]
    return {
        "pass": ok,
        "correct": correct,
        "em": bool(answer) and metrics.exact_match(answer, row["golds"]),
        "f1": round(metrics.best_f1(answer, row["golds"]), 4) if answer else 0.0,
        **picked,
    }


# RAG_ variables that change no result (where things live, speed, display), and secrets, which no output may hold.
_NOT_RESULTS = {"RAG_USE_SERVER", "RAG_DEBUG", "RAG_CACHE_DIR", "RAG_INDEX", "RAG_CHROMA_URL", "RAG_THREADS", "RAG_MINILM_DIR",
                "RAG_EMBED_BATCH_SIZE", "RAG_OPENAI_TIMEOUT", "RAG_OPENAI_MAX_RETRIES"}  # fmt: skip


def environment() -> dict[str, str]:
    """The RAG_ variables set for this run that may change its results (a resumed run must not mix them)."""
    secret = ("KEY", "TOKEN", "SECRET", "PASSWORD")
    return {
        k: v for k, v in sorted(os.environ.items())
        if k.startswith("RAG_") and k not in _NOT_RESULTS and not any(s in k for s in secret)
    }  # fmt: skip


def open_run(folder: Path, meta: dict) -> Run:
    """Start or resume the run in ``folder``; refuse to mix configurations."""
    folder.mkdir(parents=True, exist_ok=True)
    meta_path = folder / "run.json"
    if meta_path.exists():
        old = {"kind": "questions", "choices": False, **json.loads(meta_path.read_text())}  # runs before retrieval-only ones had no kind
        keys = ("dataset_key", "overrides", "question_ids", "kind", "choices")
        if any(old.get(k) != meta.get(k) for k in keys):
            raise ConfigError(f"{folder} holds a run of another dataset, sample or config; choose another --out or delete it")
        # Settings from the environment and the model count too (runs recorded before they were kept are not checked).
        for k in ("environment", "model", "backend", "engine"):
            if k in old and k in meta and old[k] != meta[k]:
                how = "on the same llama.cpp build" if k == "engine" else "with the same RAG_ variables"
                raise ConfigError(f"{folder} was run with another {k} ({old[k]} then, {meta[k]} now); resume it {how}, or choose another --out")
        meta = {**old, **{k: v for k, v in meta.items() if k not in ("started",)}}
    meta_path.write_text(json.dumps(meta, indent=2, default=str))
    records = []
    path = folder / "records.jsonl"
    if path.exists():
        for line in path.read_text().splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:  # a line cut by a crash: ask that question again
                continue
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return Run(folder, meta, records)


def run(
    ds: Dataset,
    settings: Settings,
    run_: Run,
    *,
    work: Callable[[dict, Settings], dict] = ask_one,
    score: Callable[[dict], dict] | None = judge,
    concurrency: int = 1,
    on_record: Callable[[dict, int, int], None] | None = None,
) -> Run:
    """Put every item not yet recorded through ``work``; append each record, with its ``score``, as it finishes."""
    done = Counter(r["id"] for r in run_.records)  # a set may use an id twice: its nth question is done when n are
    todo = []
    for q in ds.questions:
        if done[q["id"]]:
            done[q["id"]] -= 1
        else:
            todo.append(q)
    if settings.backend == "local" or work is search_one:
        concurrency = 1  # one llama.cpp model per process, and it is not re-entrant; searches are timed alone
    total = len(ds.questions)
    with open(run_.records_path, "a") as fh:

        def keep(row: dict) -> None:
            if score:
                row.update(score(row))
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            fh.flush()
            run_.records.append(row)
            if on_record:
                on_record(row, len(run_.records), total)

        if concurrency <= 1:
            with CtrlC() as ctrl_c:  # a Ctrl-C that llama.cpp's log callback swallowed stops the run after this question
                for q in todo:
                    ctrl_c.check()
                    keep(work(q, settings))
            return run_
        with ThreadPoolExecutor(concurrency) as pool:
            pending = set()
            queue = iter(todo)
            try:
                for q in queue:
                    pending.add(pool.submit(work, q, settings))
                    if len(pending) >= concurrency:
                        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                        for f in finished:
                            keep(f.result())
                for f in pending:
                    keep(f.result())
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    return run_


def log_stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
