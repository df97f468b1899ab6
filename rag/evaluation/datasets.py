"""Question sets and summary sets for the harness, in the ../shared/data schema.

A question set is a folder with ``questions.jsonl`` (one question per line:
``id``, ``question``, ``answers``, ``answerable``, ``gold_doc_ids``, optional
``type`` and ``question_date``) and its articles, either

- ``corpus.jsonl.gz`` (``doc_id``, ``title``, ``text``, ``published``?, ``url``?), or
- ``dataset.json`` with ``{"corpus": "<folder or file, relative to the dataset>"}``
  (the project's own cases in ``eval/cases`` point at ``corpus/``).

A summary set (news-summ-100) is a folder with ``articles.jsonl``: ``doc_id``,
``text`` and human-written ``references``. Each article is one item; it is
ingested untitled, summarized and scored against its references.

Article text is read by path and never copied into the project: the index
the harness builds lives in the cache folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import loaders
from ..errors import ConfigError, RagError, one_line

SHARED_DATA = Path("../shared/data")


@dataclass
class Dataset:
    name: str
    path: Path
    questions: list[dict]
    docs: list[dict] = field(default_factory=list)  # corpus records (corpus.jsonl.gz and summary sets)
    corpus_path: Path | None = None  # a folder or file to ingest (dataset.json sets)
    kind: str = "questions"  # or "summaries": ``questions`` then holds {id, references, text} per article

    def corpus_key(self) -> str:
        """Content hash of the articles: an index is reused only for the same articles."""
        h = hashlib.sha256()
        if self.corpus_path is not None:
            h.update(f"text{loaders.TEXT_VERSION}".encode())  # files are read into text by rag.loaders: a new reading, a new index
            files = [self.corpus_path] if self.corpus_path.is_file() else sorted(p for p in self.corpus_path.rglob("*") if p.is_file())
            for p in files:
                h.update(str(p.relative_to(self.corpus_path.parent)).encode() + b"\0" + p.read_bytes())
        for d in self.docs:
            h.update(json.dumps(d, sort_keys=True, ensure_ascii=False).encode())
        return h.hexdigest()[:12]

    def ingest_paths(self, folder: Path) -> list[Path]:
        """What to hand ``rag.ingest``: the corpus folder, or the records written as JSONL in ``folder``."""
        if self.corpus_path is not None:
            return [self.corpus_path]
        feed = folder / "corpus.jsonl"
        if not feed.exists():
            folder.mkdir(parents=True, exist_ok=True)
            tmp = feed.with_suffix(".tmp")
            with open(tmp, "w") as fh:
                for d in self.docs:
                    fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            tmp.replace(feed)
        return [feed]


MARKERS = ("questions.jsonl", "articles.jsonl", "dataset.json")


def resolve(name_or_path: str | Path) -> Path:
    """A dataset folder: a path, or a bare name under ../shared/data."""
    p = Path(name_or_path)
    for folder in (p, SHARED_DATA / p):
        if any((folder / m).exists() for m in MARKERS):
            return folder
    raise ConfigError(
        f"no questions.jsonl (or articles.jsonl) in {str(p)!r}; give a dataset folder such as "
        "../shared/data/squad2-500, ../shared/data/news-summ-100 or eval/cases"
    )


def _read_jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in open(path) if line.strip()]
    except json.JSONDecodeError as err:
        raise ConfigError(f"{path} line {err.lineno}: not JSON ({err.msg})") from None


def load_summaries(folder: Path, *, limit: int | None, seed: int | None) -> Dataset:
    """A summary set: each article is an item to summarize; only the chosen articles are indexed."""
    articles = _read_jsonl(folder / "articles.jsonl")
    for i, a in enumerate(articles, 1):
        if not isinstance(a.get("doc_id"), str) or not isinstance(a.get("text"), str) or not a.get("references"):
            raise ConfigError(f"{folder / 'articles.jsonl'} article {i}: needs doc_id, text and references")
    # The text rides along for the lead-3 baseline; records never copy it.
    items = [{"id": a["doc_id"], "references": a["references"], "text": a["text"]} for a in articles]
    items = select(items, limit=limit, seed=seed, gold_only=False)
    chosen = {q["id"] for q in items}
    docs = [{"doc_id": a["doc_id"], "title": "", "text": a["text"]} for a in articles if a["doc_id"] in chosen]
    return Dataset(folder.resolve().name, folder, items, docs=docs, kind="summaries")


def load_claims(folder: Path, meta: dict, *, limit, seed, skip, half) -> Dataset:
    """A claim set (``eval/claims``): each labelled claim is an item for ``rag.verify``."""
    path = folder / meta.get("claims", "claims.jsonl")
    if not path.exists():
        raise ConfigError(f"{folder / 'dataset.json'} names claims file {path.name!r}, which does not exist")
    items = []
    for i, c in enumerate(_read_jsonl(path), 1):
        if not isinstance(c.get("claim"), str) or c.get("label") not in ("supported", "contradicted", "not_found"):
            raise ConfigError(f"{path} line {i}: needs a claim and a label (supported, contradicted or not_found)")
        items.append({**c, "id": str(c.get("id", i)), "question": c["claim"]})
    items = select(items, limit=limit, seed=seed, gold_only=False, skip=skip, half=half)
    corpus = (folder / meta["corpus"]).resolve()
    return Dataset(meta.get("name", folder.resolve().name), folder, items, corpus_path=corpus, kind="claims")


def select(
    questions: list[dict], *, limit: int | None, seed: int | None, gold_only: bool, skip: int = 0, half: str | None = None
) -> list[dict]:
    """The questions to run: optionally only those with gold docs, then a sample (seeded) or the first ``limit``.

    ``skip`` drops the first N (after ``gold_only``, before the sample): a tuning
    split that does not overlap the first-N report split. ``half`` ("even" or
    "odd") keeps the questions at even or odd positions of the file (counting
    from 0), before anything else: a tuning half and a report half.

    >>> qs = [{"id": str(i)} for i in range(10)]
    >>> [q["id"] for q in select(qs, limit=3, seed=None, gold_only=False)]
    ['0', '1', '2']
    >>> [q["id"] for q in select(qs, limit=3, seed=1, gold_only=False)] == [q["id"] for q in select(qs, limit=3, seed=1, gold_only=False)]
    True
    >>> [q["id"] for q in select(qs, limit=2, seed=None, gold_only=False, skip=8)]
    ['8', '9']
    >>> [q["id"] for q in select(qs, limit=3, seed=None, gold_only=False, half="odd")]
    ['1', '3', '5']
    """
    if half:
        questions = questions[("even", "odd").index(half) :: 2]
    if gold_only:
        questions = [q for q in questions if q.get("gold_doc_ids")]
    questions = questions[skip:]
    if limit is not None and limit < len(questions):
        if seed is None:
            return questions[:limit]
        keep = set(random.Random(seed).sample(range(len(questions)), limit))
        return [q for i, q in enumerate(questions) if i in keep]  # original order
    return questions


def load(name_or_path: str | Path, **kwargs) -> Dataset:
    """The dataset at ``name_or_path`` (see :func:`_load` for the options); a file it cannot read is one line."""
    try:
        return _load(name_or_path, **kwargs)
    except RagError:
        raise
    except KeyError as err:
        raise ConfigError(f"{name_or_path}/dataset.json lacks the field {err}; the formats are in rag/evaluation/datasets.py") from None
    except (OSError, EOFError, ValueError, AttributeError, TypeError) as err:  # json and gzip errors are these
        raise ConfigError(
            f"{name_or_path} is not a dataset newsrag can read ({one_line(err)}); the formats are in rag/evaluation/datasets.py"
        ) from None


_LISTS = ("answers", "gold_doc_ids", "candidate_doc_ids", "choices")


def _check_questions(path: Path, questions: list) -> None:
    """Fields of the wrong type would be scored wrongly, not refused: "answerable": "false" reads as true."""
    # (Ids are not checked for uniqueness: realtimeqa-2023 itself uses one twice, and its splits are fixed.)
    for i, q in enumerate(questions, 1):
        if not isinstance(q, dict) or not isinstance(q.get("id"), str) or not isinstance(q.get("question"), str):
            raise ConfigError(f"{path} question {i}: needs string fields id and question")
        if "answerable" in q and not isinstance(q["answerable"], bool):
            raise ConfigError(f"{path} question {i}: answerable must be true or false, not {q['answerable']!r}")
        for key in _LISTS:
            if key in q and not (isinstance(q[key], list) and all(isinstance(x, str) for x in q[key])):
                raise ConfigError(f"{path} question {i}: {key} must be a list of strings")
        if q.get("question_date") is not None:  # found at load, not as an error record in the middle of a run
            try:
                date.fromisoformat(str(q["question_date"]).replace("/", "-"))
            except ValueError:
                raise ConfigError(f"{path} question {i}: question_date must be YYYY-MM-DD, not {q['question_date']!r}") from None


def _load(
    name_or_path: str | Path,
    *,
    limit: int | None = None,
    seed: int | None = None,
    gold_only: bool = False,
    skip: int = 0,
    half: str | None = None,
) -> Dataset:
    folder = resolve(name_or_path)
    meta = json.loads((folder / "dataset.json").read_text()) if (folder / "dataset.json").exists() else {}
    if meta.get("kind") == "claims":
        return load_claims(folder, meta, limit=limit, seed=seed, skip=skip, half=half)
    if not (folder / "questions.jsonl").exists():
        return load_summaries(folder, limit=limit, seed=seed)
    questions = _read_jsonl(folder / "questions.jsonl")
    _check_questions(folder / "questions.jsonl", questions)
    questions = select(questions, limit=limit, seed=seed, gold_only=gold_only, skip=skip, half=half)
    if not questions:
        raise ConfigError(f"{folder / 'questions.jsonl'} has no questions to run (with these --limit/--skip/--half/--gold-only)")
    name = folder.resolve().name
    if (folder / "dataset.json").exists():
        meta = json.loads((folder / "dataset.json").read_text())
        corpus = (folder / meta["corpus"]).resolve()
        if not corpus.exists():
            raise ConfigError(f"{folder / 'dataset.json'} names corpus {meta['corpus']!r}, which does not exist")
        return Dataset(meta.get("name", name), folder, questions, corpus_path=corpus)
    if not (folder / "corpus.jsonl.gz").exists():
        raise ConfigError(f"{folder} has neither corpus.jsonl.gz nor dataset.json naming its articles")
    with gzip.open(folder / "corpus.jsonl.gz", "rt") as fh:
        docs = [json.loads(line) for line in fh]
    if any("candidate_doc_ids" in q for q in questions):
        # realtimeqa: each question's search results are its corpus; index only what the chosen questions need.
        wanted = {d for q in questions for d in q.get("candidate_doc_ids", []) + q.get("gold_doc_ids", [])}
        docs = [d for d in docs if d["doc_id"] in wanted]
    return Dataset(name, folder, questions, docs=docs)
