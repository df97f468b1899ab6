"""Throughput of the onnxruntime MiniLM embedder: chunks/s per (threads, batch size).

Usage::

    python bench/embedder_bench.py [--n 300] [--runs 3] [--threads 1 2] [--batch 16 32 64]

Input: ~300 synthetic news-like passages of ~150 words (120-180, seeded, so
every run embeds the same text). Output: a table of the median chunks/s over
``--runs`` runs for each combination, plus one-off costs (ONNX build/load).
Used to pick DEFAULT_THREADS / DEFAULT_BATCH in rag/embeddings/minilm.py.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rag.embeddings.minilm import MiniLMEmbedder  # noqa: E402

_SUBJECTS = ["The central bank", "Officials in Brussels", "The company", "Local residents", "Analysts",
             "The prime minister", "Investors", "The city council", "Researchers", "Union leaders"]
_VERBS = ["announced", "warned about", "rejected", "welcomed", "criticised", "delayed", "approved",
          "reported", "questioned", "expanded"]
_OBJECTS = ["a new budget plan", "rising energy prices", "the merger agreement", "flood defences",
            "interest rates", "a vaccine trial", "quarterly earnings", "the trade deal", "housing reforms",
            "a climate target"]
_TAILS = ["on Monday", "after weeks of talks", "despite strong opposition", "amid growing concern",
          "in a statement", "ahead of the election", "for the third time this year", "by 2030",
          "worth $4.2 billion", "according to people familiar with the matter"]


def passages(n: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words: list[str] = []
        target = rng.randint(120, 180)
        while len(words) < target:
            sent = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."
            words += sent.split()
        out.append(" ".join(words[:target]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch", type=int, nargs="+", default=[16, 32, 64])
    args = ap.parse_args()

    texts = passages(args.n)
    with tempfile.TemporaryDirectory() as cache:
        t = time.perf_counter()
        probe = MiniLMEmbedder(cache_dir=Path(cache))
        probe.onnx_path()
        build_s = time.perf_counter() - t
        t = time.perf_counter()
        probe.onnx_path()
        reuse_s = time.perf_counter() - t
        toks = [probe.count_tokens(x) for x in texts]
        print(f"{len(texts)} passages, {statistics.mean(toks):.0f} word pieces on average "
              f"({sum(x > probe.max_tokens for x in toks)} truncated at {probe.max_tokens})")
        print(f"ONNX build (parse safetensors + graph + write): {build_s:.2f}s; cached lookup: {reuse_s:.2f}s")

        print(f"\n{'threads':>7} {'batch':>5} {'chunks/s':>9}  (median of {args.runs}; runs)")
        for threads in args.threads:
            emb = MiniLMEmbedder(cache_dir=Path(cache), threads=threads)
            t = time.perf_counter()
            emb.embed(texts[:4])  # session load + warm-up, not timed below
            load_s = time.perf_counter() - t
            for batch in args.batch:
                emb.batch_size = batch
                rates = []
                for _ in range(args.runs):
                    t = time.perf_counter()
                    emb.embed(texts)
                    rates.append(len(texts) / (time.perf_counter() - t))
                runs = " ".join(f"{r:.1f}" for r in rates)
                print(f"{threads:>7} {batch:>5} {statistics.median(rates):>9.1f}  ({runs})", flush=True)
            print(f"{'':>7} session load + first call with {threads} thread(s): {load_s:.2f}s")


if __name__ == "__main__":
    main()
