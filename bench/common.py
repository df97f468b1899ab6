"""Shared pieces of the benchmarks: the realtimeqa articles, child processes that report their own peak RSS."""

from __future__ import annotations

import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "realtimeqa-2023"
OUT = ROOT / "bench" / "out"
TUTORIAL_PY = ROOT / "bench" / ".venv-tutorial" / "bin" / "python"


def first_articles(n: int) -> list[dict]:
    """The first ``n`` articles of realtimeqa-2023's corpus, in file order (read by path, never copied)."""
    out = []
    with gzip.open(DATA / "corpus.jsonl.gz", "rt") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) == n:
                break
    return out


def write_feed(docs: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def child(code: str, *args: str, python: str | Path = sys.executable, env: dict | None = None, timeout: int = 7200) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line.

    Every child appends its own peak RSS (ru_maxrss) so memory is measured per job, not per bench,
    and that of the largest process it started and waited for (newsrag's embedding worker).
    """
    wrapped = code + ("\nimport resource, json as _j\nprint(_j.dumps({**RESULT, 'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
                      "'worker_peak_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n")
    e = {**os.environ, "ORT_DISABLE_TELEMETRY": "1", "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false", **(env or {})}
    res = subprocess.run([str(python), "-c", wrapped, *args], capture_output=True, text=True, env=e, timeout=timeout, cwd=ROOT)
    if res.returncode != 0:
        raise RuntimeError(f"bench child failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)
