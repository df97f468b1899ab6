"""Read the benchmark sets in ../shared/data by path (never copied into the project)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


@dataclass
class Dataset:
    name: str
    questions: list[dict]
    docs: list[dict]  # the corpus records these questions need

    def write_feed(self, path: Path) -> Path:
        """The docs as a JSONL file that ``rag.ingest`` reads (a temp/eval-out path)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w") as fh:
            for d in self.docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        return path


def load(name: str, *, limit: int | None = None, gold_only: bool = False, data: Path = DATA) -> Dataset:
    """Questions (first ``limit``, optionally only those with gold docs) and the docs they need.

    realtimeqa-2023: the docs are each question's ten search candidates (the
    corpus the dataset was built from); other sets: the whole (small) corpus.
    """
    folder = data / name
    questions = [json.loads(line) for line in open(folder / "questions.jsonl")]
    if gold_only:
        questions = [q for q in questions if q.get("gold_doc_ids")]
    if limit:
        questions = questions[:limit]
    with gzip.open(folder / "corpus.jsonl.gz", "rt") as fh:
        corpus = [json.loads(line) for line in fh]
    if any("candidate_doc_ids" in q for q in questions):
        wanted = {d for q in questions for d in q.get("candidate_doc_ids", []) + q.get("gold_doc_ids", [])}
        corpus = [d for d in corpus if d["doc_id"] in wanted]
    return Dataset(name, questions, corpus)
