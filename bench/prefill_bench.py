"""How fast llama.cpp reads a prompt and writes tokens on this CPU, for one build of llama-cpp-python or two.

    .venv/bin/python bench/prefill_bench.py                                  # this venv's build
    .venv/bin/python bench/prefill_bench.py --other /tmp/avx2 --runs 3      # against another build, interleaved

``--other DIR`` is a build installed with ``pip install --no-deps --target DIR WHEEL`` (for instance one built
with another CMAKE_ARGS, see the Makefile). Each run is a fresh process per build, alternating, so load on the
machine falls on both alike; the table gives medians and the ratio. The prompt is 700 tokens of corpus/'s first
article (about what an answer's prompt is past its cached instructions), read three times per process (the
middle time counts), then 32 tokens written greedily.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, child, machine, median  # noqa: E402

CODE = r"""
import os, sys, time
import llama_cpp
from rag.llm.local import build_features
from rag.llm.model_files import resolve_model
from rag.settings import Settings
path = str(resolve_model("qwen2.5-1.5b", Settings().cache_dir))
t = time.perf_counter()
llm = llama_cpp.Llama(model_path=path, n_ctx=4096, n_threads=2, n_threads_batch=2, n_batch=512, verbose=False, seed=0)
load = time.perf_counter() - t
text = sorted((os.path.join("corpus", f) for f in os.listdir("corpus")))[0]
toks = llm.tokenize(open(text, encoding="utf-8").read().encode())[:700]
reads, writes = [], []
for _ in range(3):
    llm.reset()
    t = time.perf_counter(); llm.eval(toks); reads.append(time.perf_counter() - t)
    t = time.perf_counter()
    for n, _tok in enumerate(llm.generate([], temp=0.0, reset=False), 1):
        if n == 32:
            break
    writes.append(time.perf_counter() - t)
read, write = sorted(reads)[1], sorted(writes)[1]
RESULT = {"load_s": load, "prompt_tokens": len(toks), "read_tok_s": len(toks) / read, "write_tok_s": 32 / write, "features": build_features()}
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--other", type=Path, help="folder of another llama-cpp-python build (pip install --target)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    builds = {"this venv": None}
    if args.other:
        builds[f"other ({args.other})"] = str(args.other.resolve())
    results: dict[str, list[dict]] = {name: [] for name in builds}
    for _ in range(args.runs):
        for name, where in builds.items():
            env = {"PYTHONPATH": os.pathsep.join(p for p in (where, str(ROOT)) if p)}
            results[name].append(child(CODE, env=env))
    print(f"### llama.cpp prompt and token speed by build ({machine()}, 2 threads, medians of {args.runs})\n")
    print("| build | CPU features | prompt tokens/s | tokens written/s | model load (s) |")
    print("|---|---|---|---|---|")
    for name, rs in results.items():
        print(f"| {name} | {' '.join(rs[0]['features'])} | {median(r['read_tok_s'] for r in rs):.1f} | "
              f"{median(r['write_tok_s'] for r in rs):.1f} | {median(r['load_s'] for r in rs):.2f} |")
    if args.other:
        a, b = (median(r["read_tok_s"] for r in rs) for rs in results.values())
        ratios = [x["read_tok_s"] / y["read_tok_s"] for x, y in zip(*results.values())]
        print(f"\nprompt speed, this venv / other: {a / b:.2f}x (per run: {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
