"""newsrag: ask questions of a pile of news articles and get answers you can check."""

from __future__ import annotations

from .offline import disable_telemetry

disable_telemetry()  # before chromadb or onnxruntime can load

from .api import ask, ask_stream, ingest, list_feeds, search, stats, summarize, summarize_stream, unfollow, verify, verify_all  # noqa: E402
from .errors import RagError  # noqa: E402
from .models import (  # noqa: E402
    REFUSAL,
    Answer,
    Article,
    Chunk,
    Citation,
    Claim,
    Copy,
    Filters,
    IngestReport,
    Passage,
    Source,
    Stats,
    Summary,
    TimelineEvent,
    Verdict,
)
from .settings import Settings  # noqa: E402

__version__ = "0.1.0"
__all__ = [
    "REFUSAL", "Answer", "Article", "Chunk", "Citation", "Claim", "Copy", "Filters", "IngestReport", "Passage", "RagError",
    "Settings", "Source", "Stats", "Summary", "TimelineEvent", "ask", "ask_stream", "ingest", "list_feeds", "search", "stats",
    "summarize", "summarize_stream", "unfollow", "Verdict", "verify", "verify_all",
]  # fmt: skip
