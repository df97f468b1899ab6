"""Ingest throughput: newsrag vs the LangChain tutorial pipeline vs the embedding floor, side by side.

    .venv/bin/python bench/ingest_bench.py --sizes 500 2000 --runs 3

For each size N (the first N realtimeqa-2023 articles) and run, in fresh processes:
- newsrag: `rag.ingest` of the articles into a fresh index (embedder warmed first);
  then the unchanged re-ingest, and a re-ingest with 1% of articles changed;
- each of those for --embedders (default minilm-int8, the default, then float minilm);
- floor: newsrag's own chunks (their text, as ingest embeds them) embedded
  with the same MiniLM session and batch groups, and nothing else;
- tutorial: RecursiveCharacterTextSplitter(1000, 200) -> Chroma.from_documents with
  HuggingFaceEmbeddings on the same weights (torch 2.13.0 CPU, bench/.venv-tutorial;
  `make bench-env` builds it).
All with the same thread count. Prints a Markdown table of medians, and ratios
computed within each run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, TUTORIAL_PY, child, first_articles, median, table, write_feed  # noqa: E402

NEWSRAG = """
import json, sys, time
from pathlib import Path
import chromadb  # imported before the clock, as the tutorial's langchain_chroma import does
import rag
from rag.context import embedder_for
from rag.settings import Settings
feed, index, threads, embedder = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
s = Settings(index=index, threads=threads, embedder=embedder)
embedder_for(s).embed(["warm up"])
t0 = time.perf_counter(); r = rag.ingest([feed], settings=s); first = time.perf_counter() - t0
t0 = time.perf_counter(); r2 = rag.ingest([feed], settings=s); unchanged = time.perf_counter() - t0
docs = [json.loads(l) for l in open(feed)]
step = max(1, len(docs) // max(1, len(docs) // 100))
for d in docs[::step][: max(1, len(docs) // 100)]:
    d["text"] += " This article was updated."
with open(feed, "w") as fh:
    fh.writelines(json.dumps(d) + "\\n" for d in docs)
t0 = time.perf_counter(); r3 = rag.ingest([feed], settings=s); changed = time.perf_counter() - t0
RESULT = {"seconds": first, "chunks": r.chunks, "articles": r.added, "errors": len(r.errors),
          "unchanged_s": unchanged, "unchanged_chunks": r2.chunks, "changed_s": changed, "changed_articles": r3.updated, "changed_chunks": r3.chunks}
"""

FLOOR = """
import json, sys, time
from rag.ingest import chunk_with
from rag.embeddings.minilm import MiniLMEmbedder
from rag.settings import Settings
feed, threads, embedder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = Settings(threads=threads)
texts = [c.text for d in map(json.loads, open(feed))
         for c in chunk_with(s, d["doc_id"], d["text"].strip())]
emb = MiniLMEmbedder(threads=threads, batch_size=s.embed_batch_size, int8=embedder == "minilm-int8")
emb.embed(["warm up"])
t0 = time.perf_counter()
for i in range(0, len(texts), s.ingest_group):
    emb.embed(texts[i : i + s.ingest_group])
RESULT = {"seconds": time.perf_counter() - t0, "chunks": len(texts)}
"""


def minilm_dir() -> str:
    from rag.embeddings.minilm import find_model_dir

    return str(find_model_dir())


def suffix(embedder: str) -> str:
    return "" if embedder == "minilm" else f" ({embedder})"


def one_run(n: int, feed: Path, threads: int, tutorial: bool, embedders: list[str]) -> dict:
    work = OUT / "ingest-work"
    row = {}
    for e in embedders:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        fresh = write_feed([json.loads(line) for line in open(feed)], work / "feed.jsonl")
        row["newsrag" + suffix(e)] = child(NEWSRAG, str(fresh), str(work / "index"), str(threads), e)
        row["floor" + suffix(e)] = child(FLOOR, str(feed), str(threads), e)
    if tutorial:
        code = (Path(__file__).parent / "tutorial_pipeline.py").read_text()
        row["tutorial"] = child(code, str(feed), str(work / "tutorial-index"), minilm_dir(), str(threads), python=TUTORIAL_PY)
    shutil.rmtree(work, ignore_errors=True)
    return row


def wordpieces(feed: Path) -> tuple[int, int]:
    """MiniLM word pieces each pipeline embeds for this feed: (newsrag, tutorial).

    The work each has to do, counted outside the timed runs with the same tokenizer
    (256-piece truncation, as both models apply it)."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from rag.embeddings.minilm import MiniLMEmbedder
    from rag.ingest import chunk_with
    from rag.settings import Settings

    s, docs = Settings(), [json.loads(line) for line in open(feed)]
    tok = MiniLMEmbedder()._tokenizers()[0]
    ours = [c.text for d in docs
            for c in chunk_with(s, d["doc_id"], d["text"].strip())]
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    theirs = [t for d in docs for t in splitter.split_text(d["text"])]
    return tuple(sum(len(e.ids) for e in tok.encode_batch(texts)) for texts in (ours, theirs))


def report(n: int, runs: list[dict], embedders: list[str], pieces: tuple[int, int] | None = None) -> str:
    def med(kind, key):
        return median([r[kind][key] for r in runs if kind in r])

    lines = []
    for kind in [k + suffix(e) for e in embedders for k in ("newsrag", "floor")] + ["tutorial"]:
        if not any(kind in r for r in runs):
            continue
        secs, chunks = med(kind, "seconds"), med(kind, "chunks")
        rss, worker = med(kind, "peak_rss_mb"), med(kind, "worker_peak_rss_mb") if kind.startswith("newsrag") else None
        lines.append([kind, f"{secs:.1f}", f"{chunks:.0f}", f"{chunks / secs:.1f}", f"{n / secs:.2f}", f"{rss:.0f}" + (f" + {worker:.0f}" if worker else "")])
    out = [f"### Ingest, first {n} realtimeqa-2023 articles ({len(runs)} runs, medians)" if len(runs) > 1 else f"### Ingest, first {n} realtimeqa-2023 articles (1 run)", "",
           table(["pipeline", "seconds", "chunks", "chunks/s", "articles/s", "peak RSS MB"], lines), "",
           "Peak RSS of newsrag is its own + its embedding worker's (each process's peak; they need not coincide).", ""]  # fmt: skip
    for e in embedders:
        ours = "newsrag" + suffix(e)
        vs_floor = median([r[ours]["seconds"] / r["floor" + suffix(e)]["seconds"] for r in runs])
        out.append(f"- {ours} time / floor{suffix(e)} time: **{vs_floor:.3f}x** (target <= 1.15x)")
        if all("tutorial" in r for r in runs):
            speed = median([r["tutorial"]["seconds"] / r[ours]["seconds"] for r in runs])
            out.append(f"- {ours} articles/s / tutorial articles/s: **{speed:.2f}x** (target >= 3x)")
    if pieces and all("tutorial" in r for r in runs):
        e = embedders[0]
        per_piece = median([r["tutorial"]["seconds"] / pieces[1] / (r["floor" + suffix(e)]["seconds"] / pieces[0]) for r in runs])
        out.append(f"- word pieces embedded: newsrag {pieces[0]:,}, tutorial {pieces[1]:,} ({pieces[0] / pieces[1]:.2f}x; the tutorial "
                   f"repeats up to 200 characters between chunks); per word piece, floor{suffix(e)} is **{per_piece:.2f}x** the tutorial's speed")
    ours = "newsrag" + suffix(embedders[0])
    first = med(ours, "seconds")
    out.append(f"- re-ingest unchanged ({ours}): {med(ours, 'unchanged_s'):.2f}s = **{100 * med(ours, 'unchanged_s') / first:.2f}%** of the first ingest "
               f"({med(ours, 'unchanged_chunks'):.0f} chunks embedded; target <= 2%)")
    out.append(f"- re-ingest with 1% changed ({med(ours, 'changed_articles'):.0f} articles, {med(ours, 'changed_chunks'):.0f} chunks): "
               f"{med(ours, 'changed_s'):.2f}s = {100 * med(ours, 'changed_s') / first:.1f}% of the first ingest")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--embedders", nargs="+", default=["minilm-int8", "minilm"], choices=["minilm", "minilm-int8"],
                    help="newsrag and floor rows for each; re-ingest figures are for the first")
    ap.add_argument("--no-tutorial", action="store_true", help="skip the tutorial pipeline (no bench/.venv-tutorial)")
    args = ap.parse_args()
    tutorial = not args.no_tutorial and TUTORIAL_PY.exists()
    if not tutorial and not args.no_tutorial:
        print("bench/.venv-tutorial is missing (make bench-env); running without the tutorial pipeline", file=sys.stderr)
    for n in args.sizes:
        feed = write_feed(first_articles(n), OUT / f"realtimeqa-first{n}.jsonl")
        runs = []
        for i in range(args.runs):
            runs.append(one_run(n, feed, args.threads, tutorial, args.embedders))
            print(f"[{n} articles] run {i + 1}/{args.runs}: " + json.dumps({k: round(v["seconds"], 1) for k, v in runs[-1].items()}), file=sys.stderr)
        (OUT / f"ingest-{n}.json").write_text(json.dumps(runs, indent=1))
        print(report(n, runs, args.embedders, wordpieces(feed)))


if __name__ == "__main__":
    main()
