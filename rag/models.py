"""Plain data that flows between stages: Article -> Chunk -> Passage."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article, as loaded. ``text`` is the body that chunk offsets point into."""

    doc_id: str
    title: str
    text: str
    published: date | None = None
    source: str = ""
    url: str = ""
    origin: str = ""  # resolved file path or URL it came from; drives removal on re-ingest

    @property
    def content_hash(self) -> str:
        """Changes whenever anything stored for the article changes.

        >>> Article("a", "T", "x").content_hash == Article("a", "T", "x ").content_hash
        False
        """
        payload = json.dumps(
            [self.title, self.text, self.published.isoformat() if self.published else "", self.source, self.url],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode()).hexdigest()


@dataclass(frozen=True)
class Chunk:
    """A span of an article: ``article.text[start:end] == text``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.index}"


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the article facts needed to show and cite it."""

    chunk_id: str
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    title: str
    published: str  # ISO date or ""
    source: str
    url: str
    score: float
    scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0  # chunks embedded in this run
    failed: int = 0
    skipped: int = 0  # files with an extension we do not read
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
