"""newsrag: ask questions of a pile of news articles and get answers you can check."""

from __future__ import annotations

from .offline import disable_telemetry

disable_telemetry()  # before chromadb or onnxruntime can load

from .answer import REFUSAL, Answer  # noqa: E402
from .api import Stats, ask, ask_stream, ingest, search, stats, summarize, summarize_stream  # noqa: E402
from .summarize import Summary  # noqa: E402
from .citations import Citation  # noqa: E402
from .errors import RagError  # noqa: E402
from .models import Article, Chunk, IngestReport, Passage  # noqa: E402
from .settings import Settings  # noqa: E402

__version__ = "0.1.0"
__all__ = ["Summary", "summarize", "summarize_stream", "REFUSAL", "Answer", "Citation", "ask", "ask_stream", "Article", "Chunk", "IngestReport", "Passage", "RagError", "Settings", "Stats", "ingest", "search", "stats"]
