#!/usr/bin/env bash
# `make bench`: every benchmark, then docs/benchmarks.md with the tables and the machine.
# Run it on a quiet machine: the figures are medians, ratios come from the same run.
# On 2 cores the full run takes several hours, most of it the 2000-article ingest
# (three runs of five pipelines). SIZES="500" RUNS=3 make bench is a shorter pass.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
out=bench/out/tables.md
mkdir -p bench/out
{
  $PY bench/ingest_bench.py --sizes ${SIZES:-500 2000} --runs "${RUNS:-3}"
  $PY bench/search_bench.py --queries 100
  $PY bench/ask_bench.py --runs "${RUNS:-3}"
  $PY bench/memory_bench.py --sizes 250 1000 5000
} > "$out"
$PY - "$out" <<'PY'
import sys, time
sys.path.insert(0, "bench")
from common import machine
tables = open(sys.argv[1]).read()
open("docs/benchmarks.md", "w").write(
    "# Benchmarks\n\n"
    f"Measured {time.strftime('%Y-%m-%d')} on: {machine()}.\n"
    "Reproduce with `make bench-env && make bench` (several hours on 2 cores); each script\n"
    "also runs alone, see its docstring. Figures are medians; ratios are taken within a run.\n\n"
    + tables
)
PY
echo "wrote docs/benchmarks.md"
