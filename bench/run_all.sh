#!/usr/bin/env bash
# `make bench`: every benchmark, then docs/benchmarks.md with the tables and the machine.
# Run it on a quiet machine: the figures are medians, ratios come from the same run.
# On 2 cores the full run takes several hours, most of it the 2000-article ingest
# (three runs of five pipelines). A shorter pass, about 1.5 hours:
#   SIZES="500" EMBEDDERS="minilm-int8" MEM_SIZES="500 5000" make bench
# Each section writes bench/out/<section>.md; docs/benchmarks.md is assembled from
# the sections present, so a section run alone (see each script's docstring) lands too.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p bench/out
run() { local name=$1; shift; "$@" > "bench/out/$name.md.tmp" && mv "bench/out/$name.md.tmp" "bench/out/$name.md"; }
run ingest $PY bench/ingest_bench.py --sizes ${SIZES:-500 2000} --runs "${RUNS:-3}" --embedders ${EMBEDDERS:-minilm-int8 minilm}
run search $PY bench/search_bench.py --queries 100
run ask $PY bench/ask_bench.py --runs "${RUNS:-3}"
run prefill $PY bench/prefill_bench.py --runs "${RUNS:-3}"
run memory $PY bench/memory_bench.py --sizes ${MEM_SIZES:-250 1000 5000}
$PY bench/write_docs.py
