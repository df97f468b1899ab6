"""The Chroma index: a chunk collection (searched) and an article collection (the manifest).

Embedded (a persistent folder) by default; a Chroma server when ``chroma_url`` is
set. The embedder's name and dimension live in the collection metadata, so an
index is never searched with vectors from another model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from .errors import ConfigError, EmbedderMismatch, StoreError, one_line
from .models import Article, Chunk, Passage, iso
from .offline import disable_telemetry

# Where a chunk's text is stored: a metadata field, not Chroma's document. Chroma
# builds a trigram full-text index of every document; newsrag never queries it (its
# BM25 index is its own), and building it took half of each chunk write: 6.0 s of
# `add` became 3.0 s for 6,279 chunks (500 news articles), and the index folder 81 -> 63 MB.
# Readers take the document when a chunk has one (indexes written before this change).
CHUNK_TEXT_KEY = "text"


def day_number(d: date | None) -> int:
    """Dates as sortable ints, because Chroma's $gte/$lte only compare numbers.

    >>> day_number(date(2025, 2, 24))
    20250224
    """
    return d.year * 10000 + d.month * 100 + d.day if d else 0


def make_client(index: Path, chroma_url: str | None = None):
    disable_telemetry()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    cfg = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ConfigError(f"chroma_url {chroma_url!r} is not a URL; use e.g. http://127.0.0.1:8000")
        try:
            return chromadb.HttpClient(
                host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000), ssl=url.scheme == "https", settings=cfg
            )
        except Exception as err:  # chromadb raises bare ValueError/ConnectError here
            raise StoreError(f"cannot reach the Chroma server at {chroma_url} ({err}); is `chroma run` up?") from None
    index_folder(index).mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(index), settings=cfg)
    except Exception as err:  # noqa: BLE001 - chromadb raises AttributeError/ValueError/sqlite3 errors on a bad file
        raise StoreError(
            f"the index at {index} cannot be opened ({one_line(err)}); if no other program holds it, it is damaged or "
            "not a newsrag index: move it aside and run rag ingest again"
        ) from None


def index_folder(index: Path) -> Path:
    """``index``, which must be a folder (or not yet exist): RAG_INDEX naming a file is one clear line."""
    if index.exists() and not index.is_dir():
        raise ConfigError(f"the index path {index} is a file, not a folder; point --index / RAG_INDEX at a folder")
    return index


class Guarded:
    """A Chroma client or collection whose lost-connection errors become one clear StoreError.

    A Chroma server that stops or restarts mid-session gives the user a line to
    act on; the next call after it is back simply works (HTTP is stateless).
    """

    def __init__(self, target, location: str):
        self._target, self._location = target, location

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            import httpx

            try:
                return attr(*args, **kwargs)
            except httpx.RequestError as err:
                raise StoreError(
                    f"lost the Chroma server at {self._location} ({type(err).__name__}: {err}); start `chroma run` "
                    "again and retry (an interrupted ingest completes when run again)"
                ) from None

        return call


class Store:
    def __init__(self, client, embedder_name: str, dim: int, *, prefix: str, location: str = ""):
        client = client if isinstance(client, Guarded) else Guarded(client, location)
        self.client = client
        self.location = location
        self.embedder_name, self.dim, self.prefix = embedder_name, dim, prefix
        meta = {"embedder": embedder_name, "dim": dim}
        cfg = {"hnsw": {"space": "cosine"}}
        try:
            self.chunks = client.get_or_create_collection(f"{prefix}-chunks", metadata=meta, configuration=cfg, embedding_function=None)
            self.articles = client.get_or_create_collection(f"{prefix}-articles", metadata=meta, configuration=cfg, embedding_function=None)
        except Exception as err:
            raise StoreError(f"cannot open the index at {location} ({err})") from None
        self.chunks, self.articles = Guarded(self.chunks, location), Guarded(self.articles, location)
        found = (self.chunks.metadata or {}).get("embedder"), (self.chunks.metadata or {}).get("dim")
        if found != (embedder_name, dim):
            raise EmbedderMismatch(
                f"the index at {location} was built with {found[0]} ({found[1]}-d vectors) but this run uses "
                f"{embedder_name} ({dim}-d); set RAG_EMBEDDER to match, or use another --index"
            )
        self.known = str((self.chunks.metadata or {}).get("generation", ""))  # what this client has read or written

    def stale(self) -> bool:
        """Another process changed the chunks since this client opened (or last wrote) them. An embedded Chroma
        keeps its vector index in memory and never reads another process's writes, so a long-lived reader (`rag
        serve`, `rag chat`) searching on would miss what was ingested meanwhile."""
        return bool(self.known) and self.generation() != self.known

    @property
    def feeds(self):
        """The feeds this index follows (``rag.feeds``): opened on first use, so reading an index never adds it."""
        if getattr(self, "_feeds", None) is None:
            try:
                col = self.client.get_or_create_collection(f"{self.prefix}-feeds", embedding_function=None)
            except Exception as err:
                raise StoreError(f"cannot open the feed list of the index at {self.location} ({err})") from None
            self._feeds = Guarded(col, self.location)
        return self._feeds

    def feed_count(self) -> int:
        """How many feeds are followed, without creating the collection."""
        try:
            return self.client.get_collection(f"{self.prefix}-feeds", embedding_function=None).count()
        except StoreError:
            raise
        except Exception:  # noqa: BLE001 - chromadb's NotFoundError (its class moved between releases): no feeds
            return 0

    # --- the manifest ------------------------------------------------------
    def manifest(self, where: dict | None = None) -> dict[str, dict]:
        """doc_id -> stored article metadata (hash, origin, title, minhash, group, ...)."""
        got = self.articles.get(where=where or None, include=["metadatas"])
        return dict(zip(got["ids"], got["metadatas"], strict=True))

    def article_texts(self, doc_ids: Sequence[str]) -> dict[str, str]:
        got = self.articles.get(ids=list(doc_ids), include=["documents"])
        return dict(zip(got["ids"], got["documents"], strict=True))

    def set_article_fields(self, fields: dict[str, dict]) -> None:
        """Change some metadata of stored articles (Chroma merges: other fields stay)."""
        ids = list(fields)
        batch = self.client.get_max_batch_size()
        for i in range(0, len(ids), batch):
            page = ids[i : i + batch]
            self.articles.update(ids=page, metadatas=[fields[d] for d in page])

    def article(self, doc_id: str) -> Article | None:
        got = self.articles.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        m = got["metadatas"][0]
        return Article(
            doc_id=doc_id,
            title=m["title"],
            text=got["documents"][0],
            published=date.fromisoformat(m["published"]) if m.get("published") else None,
            source=m.get("source", ""),
            url=m.get("url", ""),
            origin=m.get("origin", ""),
            author=m.get("author", ""),
        )

    # --- writes ------------------------------------------------------------
    def write(
        self, items: Sequence[tuple[Article, list[Chunk], np.ndarray]], *, replace: Sequence[str] = (), extra: dict[str, dict] | None = None
    ) -> None:
        """Store articles with their chunks and chunk vectors, safe against a kill at any point.

        1. the article records are written first with an empty hash ("pending");
        2. every old chunk of those articles goes (also leftovers of a killed run);
        3. the new chunks land;
        4. the records get their content hash.
        Killed anywhere, an article's record is absent, pending or stale, so the
        next ingest redoes it (or prunes it, if its file is gone): the index then
        equals a clean ingest, never with duplicate or orphaned chunks.
        ``replace`` is accepted for callers that name the articles being replaced.
        ``extra``: more metadata per doc_id for the article records (its MinHash signature).
        """
        if not items:
            return
        doc_ids = list(dict.fromkeys([a.doc_id for a, _, _ in items] + list(replace)))
        self.bump()
        self._upsert_pending_articles(items, extra or {})
        self.chunks.delete(where={"doc_id": {"$in": doc_ids}})
        ids, vecs, metas = [], [], []
        for art, chunks, vectors in items:
            for ch, vec in zip(chunks, vectors, strict=True):
                ids.append(ch.id)
                vecs.append(vec)
                metas.append(
                    {
                        CHUNK_TEXT_KEY: ch.text,
                        "doc_id": art.doc_id,
                        "index": ch.index,
                        "start": ch.start,
                        "end": ch.end,
                        "title": art.title,
                        "published": iso(art.published),
                        "published_day": day_number(art.published),
                        "source": art.source,
                        "url": art.url,
                    }
                )
        batch = self.client.get_max_batch_size()
        for i in range(0, len(ids), batch):
            # add, not upsert: step 2 removed every chunk of these articles, and
            # upsert pays for a lookup of each id (measured ~15% of write time).
            # No documents: the text is in the metadata (see CHUNK_TEXT_KEY).
            self.chunks.add(ids=ids[i : i + batch], embeddings=np.asarray(vecs[i : i + batch]), metadatas=metas[i : i + batch])
        # Only the hash changes: update the metadata, not the text and vector again.
        self.articles.update(ids=[a.doc_id for a, _, _ in items], metadatas=self._article_metas(items, pending=False, extra=extra or {}))
        self.bump()

    # --- change tracking -----------------------------------------------------
    def generation(self) -> str:
        """A token that changes whenever chunks change (in any process): readers key caches on it.

        Reading it is one small request (~0.3 ms embedded); listing the manifest to
        notice changes took ~90 ms at 1,600 articles.
        """
        meta = self.client.get_collection(self.chunks.name, embedding_function=None).metadata or {}
        return str(meta.get("generation", ""))

    def bump(self) -> None:
        """Mark a change; called before and after every write, so a reader never keeps a half-written state."""
        from uuid import uuid4

        meta = dict(self.client.get_collection(self.chunks.name, embedding_function=None).metadata or {})
        meta["generation"] = self.known = uuid4().hex
        self.chunks.modify(metadata=meta)

    def _upsert_pending_articles(self, items, extra: dict[str, dict]) -> None:
        self.articles.upsert(
            ids=[a.doc_id for a, _, _ in items],
            # The first chunk's vector stands for the article: free, and good for finding articles by topic.
            embeddings=np.asarray([v[0] if len(v) else np.zeros(self.dim) for _, _, v in items]),
            documents=[a.text for a, _, _ in items],
            metadatas=self._article_metas(items, pending=True, extra=extra),
        )

    @staticmethod
    def _article_metas(items, *, pending: bool, extra: dict[str, dict]) -> list[dict]:
        return [
            {
                **extra.get(a.doc_id, {}),
                "title": a.title,
                "published": iso(a.published),
                "published_day": day_number(a.published),
                "source": a.source,
                "url": a.url,
                "origin": a.origin,
                "author": a.author,
                "hash": "" if pending else a.content_hash,
                "chunks": len(c),
            }
            for a, c, _ in items
        ]

    def remove(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            self.bump()
            self.chunks.delete(where={"doc_id": {"$in": list(doc_ids)}})
            self.articles.delete(ids=list(doc_ids))
            self.bump()

    # --- reads -------------------------------------------------------------
    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[Passage]:
        res = self.chunks.query(
            query_embeddings=[np.asarray(vector)], n_results=k, where=where or None, include=["documents", "metadatas", "distances"]
        )
        return [
            passage(cid, doc, meta, 1.0 - dist, {"dense": 1.0 - dist})
            for cid, doc, meta, dist in zip(res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0], strict=True)
        ]

    def vectors(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored embeddings of these chunks, by id (those not in the index left out). Empty when the index
        cannot give them now: an ingest running in another process may have written a chunk's row and not yet its
        vector, and Chroma then fails the whole read ("Error finding id")."""
        from chromadb.errors import ChromaError

        if not chunk_ids:
            return {}
        try:
            got = self.chunks.get(ids=list(chunk_ids), include=["embeddings"])
        except ChromaError:
            return {}
        return {cid: np.asarray(v, dtype=np.float32) for cid, v in zip(got["ids"], got["embeddings"], strict=True)}

    def all_chunks(self, where: dict | None = None, page: int = 5000) -> list[Passage]:
        """Every chunk, fetched in pages (one big get hits SQLite's variable limit)."""
        out: list[Passage] = []
        while True:
            got = self.chunks.get(where=where or None, include=["documents", "metadatas"], limit=page, offset=len(out))
            out += [passage(c, d, m, 0.0, {}) for c, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)]
            if len(got["ids"]) < page:
                return out

    def chunks_of(self, doc_id: str) -> list[Passage]:
        """One article's chunks in reading order."""
        got = self.chunks.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        found = [passage(c, d, m, 0.0, {}) for c, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)]
        return sorted(found, key=lambda p: p.index)

    def counts(self) -> tuple[int, int]:
        return self.articles.count(), self.chunks.count()

    def has_source(self, source: str) -> bool:
        """Whether some article has exactly this source."""
        return bool(self.articles.get(where={"source": source}, limit=1, include=[])["ids"])

    def sources(self) -> dict[str, int]:
        """Each source of the index with how many articles it has, most first (articles without one left out)."""
        got = self.articles.get(include=["metadatas"])
        return dict(Counter(m.get("source") for m in got["metadatas"] if m.get("source")).most_common())


def passage(cid: str, text: str | None, meta: dict, score: float, scores: dict[str, float]) -> Passage:
    return Passage(
        chunk_id=cid,
        doc_id=meta["doc_id"],
        index=int(meta["index"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=meta.get(CHUNK_TEXT_KEY) or text or "",  # indexes written before 2026-11-27 kept it as the document
        title=meta.get("title", ""),
        published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
        source=meta.get("source", ""),
        url=meta.get("url", ""),
        score=float(score),
        scores=scores,
    )


def date_filter(
    since: date | None = None, until: date | None = None, source: str | None = None, undated: bool = False
) -> dict | None:
    """Chroma ``where`` for a date window and source; ``undated``: articles with no date pass the window too.

    >>> date_filter(date(2025, 1, 1), None)
    {'published_day': {'$gte': 20250101}}
    >>> date_filter(date(2025, 1, 1), None, undated=True)
    {'$or': [{'published_day': 0}, {'published_day': {'$gte': 20250101}}]}
    """
    clauses = []
    if since:
        clauses.append({"published_day": {"$gte": day_number(since)}})
    if until:  # undated articles (day 0) are outside any window
        clauses.append({"published_day": {"$lte": day_number(until)}})
        clauses.append({"published_day": {"$gt": 0}})
    if undated and clauses:
        window = clauses[0] if len(clauses) == 1 else {"$and": clauses}
        clauses = [{"$or": [{"published_day": 0}, window]}]
    if source:
        clauses.append({"source": source})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
