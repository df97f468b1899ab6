"""`rag ask` with the default local model: where the time goes, and how fast the CLI starts.

    .venv/bin/python bench/ask_bench.py --runs 3

Over corpus/ (indexed once in bench/out) and the answerable questions of
eval/cases, after one warm-up question (the model loads once per process):
time to first token, total, and the share of time outside the model (retrieval,
packing, prompt, citation checking: total - llm_s). Then in fresh processes:
`python -c "import rag.cli"`, `rag search` (everything an answer needs before the
model: imports, embedder, index, BM25) and a full `rag ask`, medians of --runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, median, table  # noqa: E402

import rag  # noqa: E402
from rag.evaluation.metrics import percentile  # noqa: E402
from rag.settings import Settings  # noqa: E402


def wall(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT, timeout=600)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    import os

    settings = Settings(index=OUT / "ask-index")
    rag.ingest([ROOT / "corpus"], settings=settings)
    questions = [q for q in map(json.loads, open(ROOT / "eval" / "cases" / "questions.jsonl")) if q["answerable"]]
    rag.ask(questions[0]["question"], today="2025-04-20", settings=settings)  # loads the model
    rows = []
    for q in questions:
        a = rag.ask(q["question"], today="2025-04-20", settings=settings)
        t = a.timings
        if "llm_s" in t:
            rows.append({"first": t["first_token_s"], "total": t["total_s"], "outside": t["total_s"] - t["llm_s"],
                         "retrieve": t["retrieve_s"], "check": t["check_s"], "prompt": a.tokens["prompt"]})  # fmt: skip
    share = [r["outside"] / r["total"] for r in rows]
    print(f"### rag ask, default local model, {len(rows)} questions of eval/cases (warm process)\n")
    print(table(
        ["measure", "p50", "p95"],
        [["time to first token (s)", f"{percentile([r['first'] for r in rows], 50):.2f}", f"{percentile([r['first'] for r in rows], 95):.2f}"],
         ["total (s)", f"{percentile([r['total'] for r in rows], 50):.2f}", f"{percentile([r['total'] for r in rows], 95):.2f}"],
         ["outside the model (s)", f"{percentile([r['outside'] for r in rows], 50):.3f}", f"{percentile([r['outside'] for r in rows], 95):.3f}"],
         ["  of which retrieval + packing (s)", f"{percentile([r['retrieve'] for r in rows], 50):.3f}", f"{percentile([r['retrieve'] for r in rows], 95):.3f}"],
         ["  of which citation checking (s)", f"{percentile([r['check'] for r in rows], 50):.3f}", f"{percentile([r['check'] for r in rows], 95):.3f}"],
         ["share outside the model", f"{100 * percentile(share, 50):.1f}%", f"{100 * percentile(share, 95):.1f}%"],
         ["prompt tokens", f"{percentile([r['prompt'] for r in rows], 50):.0f}", f"{percentile([r['prompt'] for r in rows], 95):.0f}"]],
    ))  # fmt: skip
    env = {**os.environ, "RAG_INDEX": str(settings.index)}
    py, rag_bin = sys.executable, str(Path(sys.executable).parent / "rag")
    cold = {
        "import rag.cli": median([wall([py, "-c", "import rag.cli"], env) for _ in range(args.runs)]),
        "rag search QUESTION (all but the model)": median([wall([rag_bin, "search", questions[0]["question"]], env) for _ in range(args.runs)]),
        "rag ask QUESTION (model load + answer)": median([wall([rag_bin, "ask", questions[0]["question"], "--today", "2025-04-20"], env) for _ in range(args.runs)]),
    }
    print(f"\n### CLI cold start (fresh process, medians of {args.runs})\n")
    print(table(["command", "seconds"], [[k, f"{v:.2f}"] for k, v in cold.items()]))


if __name__ == "__main__":
    main()
