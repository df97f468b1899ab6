"""`rag ask` with the default local model: where the time goes, and how fast the CLI starts.

    .venv/bin/python bench/ask_bench.py --runs 3

Over corpus/ (indexed once in bench/out) and the answerable questions of
eval/cases, after one warm-up question (the model loads once per process):
time to first token, total, time outside the model (retrieval, evidence,
packing, citation checking: total - llm_s) and tokens, for whole chunks (the
default) and evidence_tokens=250, interleaved question by question. Then a follow-up to each answer, as `rag chat` asks it
(rewritten, then answered). Then in fresh processes: `python -c "import rag.cli"`,
`rag search` (everything an answer needs before the model: imports, embedder,
index, BM25), a full `rag ask` as before #20 (no prefix kept on disk), as now,
with evidence, and while a `rag serve` runs, medians of --runs.

``--before-llama DIR`` runs the "as before #20" row on another llama-cpp-python build (``pip install --no-deps
--target DIR`` of the x86-64-v3 wheel the Makefile built before AVX-512), so the row is the code and the build
of then; ``--cold-only`` measures only the fresh processes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, median, table  # noqa: E402

import rag  # noqa: E402
from rag.context import open_context  # noqa: E402
from rag.evaluation.metrics import percentile  # noqa: E402
from rag.settings import Settings  # noqa: E402


def wall(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT, timeout=600)
    return time.perf_counter() - t0


TODAY = "2025-04-20"
FOLLOW_UPS = ("When was that announced?", "Who said that?", "Why does that matter?")
MEASURES = [
    ("time to first token (s)", "first", "{:.2f}".format),
    ("total (s)", "total", "{:.2f}".format),
    ("outside the model (s)", "outside", "{:.3f}".format),
    ("  of which retrieval + evidence + packing (s)", "retrieve", "{:.3f}".format),
    ("  of which citation checking (s)", "check", "{:.3f}".format),
    ("prompt tokens", "prompt", "{:.0f}".format),
    ("tokens llama.cpp evaluated", "evaluated", "{:.0f}".format),
]


def measures(a) -> dict:
    t = a.timings
    return {"first": t["first_token_s"], "total": t["total_s"], "outside": t["total_s"] - t["llm_s"], "retrieve": t["retrieve_s"],
            "check": t["check_s"], "prompt": a.tokens["prompt"], "evaluated": a.tokens.get("evaluated", 0)}  # fmt: skip


@contextlib.contextmanager
def warm_server(rag_bin: str, env: dict):
    """`rag serve` on the bench index, up and warm for the block."""
    server = subprocess.Popen([rag_bin, "serve"], stdout=subprocess.PIPE, text=True, env=env)
    try:
        server.stdout.readline()  # "... is open and the model warm ..."
        yield server
    finally:
        server.terminate()
        server.wait(timeout=60)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--questions", type=int, default=None, help="only the first N answerable questions (default: all 19)")
    ap.add_argument("--before-llama", type=Path, help="llama-cpp-python build for the 'as before #20' row (pip --target folder)")
    ap.add_argument("--cold-only", action="store_true", help="only the CLI cold start")
    args = ap.parse_args()
    import os

    settings = Settings(index=OUT / "ask-index")
    rag.ingest([ROOT / "corpus"], settings=settings)
    questions = [q for q in map(json.loads, open(ROOT / "eval" / "cases" / "questions.jsonl")) if q["answerable"]][: args.questions]
    evidence = settings.model_copy(update={"evidence_tokens": 250})
    if not args.cold_only:
        warm_process(questions, settings, evidence)
    env = {**os.environ, "RAG_INDEX": str(settings.index), "RAG_USE_SERVER": "0"}
    py, rag_bin = sys.executable, str(Path(sys.executable).parent / "rag")
    ask = [rag_bin, "ask", questions[0]["question"], "--today", TODAY]
    before = "rag ask QUESTION, as before #20 (RAG_PREFIX_CACHE=0" + (", x86-64-v3 build)" if args.before_llama else ")")
    then = {"PYTHONPATH": str(args.before_llama.resolve())} if args.before_llama else {}
    cold = {
        "import rag.cli": median([wall([py, "-c", "import rag.cli"], env) for _ in range(args.runs)]),
        "rag search QUESTION (all but the model)": median([wall([rag_bin, "search", questions[0]["question"]], env) for _ in range(args.runs)]),
        before: median([wall(ask, env | {"RAG_PREFIX_CACHE": "0", **then}) for _ in range(args.runs)]),
        "rag ask QUESTION (fixed prompt read from disk)": median([wall(ask, env) for _ in range(args.runs)]),
        "rag ask QUESTION, RAG_EVIDENCE_TOKENS=250": median([wall(ask, env | {"RAG_EVIDENCE_TOKENS": "250"}) for _ in range(args.runs)]),
    }
    env.pop("RAG_USE_SERVER")
    with warm_server(rag_bin, env):  # a new question each time: a repeated one would find its whole prompt cached
        others = [[rag_bin, "ask", q["question"], "--today", TODAY] for q in questions[1 : args.runs + 1]]
        cold["rag ask QUESTION, a rag serve running (warm model)"] = median([wall(cmd, env) for cmd in others])
    base = cold[before]
    print(f"\n### CLI cold start (fresh process, medians of {args.runs})\n")
    print(table(["command", "seconds", "vs before #20"], [[k, f"{v:.2f}", f"{v / base:.2f}x" if "rag ask" in k else ""] for k, v in cold.items()]))


def warm_process(questions: list[dict], settings: Settings, evidence: Settings) -> None:
    """Whole chunks against evidence in one warm process, interleaved, and follow-ups: the first two tables."""
    rag.ask(questions[0]["question"], today=TODAY, settings=settings)  # loads the model
    llm = open_context(settings).llm
    rows: dict[str, list[dict]] = {"whole chunks (default)": [], "evidence_tokens=250": []}
    follow: list[dict] = []
    for i, q in enumerate(questions):  # interleaved, so both columns see the same machine
        got = {}
        for name, s in (("whole chunks (default)", settings), ("evidence_tokens=250", evidence)):
            llm._states().keep_fixed()  # reuse only the instructions, not the other way's passages
            got[name] = rag.ask(q["question"], today=TODAY, settings=s)
            if "llm_s" in got[name].timings:
                rows[name].append(measures(got[name]))
        a = got["whole chunks (default)"]
        if not a.refused:  # a follow-up to the answer just given, as in rag chat: rewritten, then answered
            f = rag.ask(FOLLOW_UPS[i % len(FOLLOW_UPS)], history=[a], today=TODAY, settings=settings)
            if "llm_s" in f.timings:
                follow.append(measures(f) | {"after": a.timings["first_token_s"]})
    print(f"### rag ask, default local model, {len(questions)} answerable questions of eval/cases (warm process, interleaved)\n")
    names = list(rows)
    print(table(["measure"] + [f"{n} p50" for n in names] + ["evidence / whole"], [
        [label] + [fmt(percentile([r[key] for r in rows[n]], 50)) for n in names]
        + [f"{percentile([r[key] for r in rows[names[1]]], 50) / percentile([r[key] for r in rows[names[0]]], 50):.2f}x"]
        for label, key, fmt in MEASURES
    ]))  # fmt: skip
    print(f"\n### A follow-up in rag chat ({len(follow)} follow-ups, each after the answer it follows)\n")
    print(table(["measure", "p50", "p95"], [
        ["first token of the question before (s)", f"{percentile([r['after'] for r in follow], 50):.2f}", f"{percentile([r['after'] for r in follow], 95):.2f}"],
        ["first token of the follow-up, rewrite included (s)", f"{percentile([r['first'] for r in follow], 50):.2f}", f"{percentile([r['first'] for r in follow], 95):.2f}"],
        ["follow-up / its question, per pair", f"{percentile([r['first'] / r['after'] for r in follow], 50):.2f}x", f"{percentile([r['first'] / r['after'] for r in follow], 95):.2f}x"],
    ]))  # fmt: skip


if __name__ == "__main__":
    main()
