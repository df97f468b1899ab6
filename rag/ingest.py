"""Ingest files, folders and URLs into the index: incremental and idempotent.

Unchanged articles (same content hash) embed nothing; changed ones have their
chunks replaced; articles gone from an ingested folder (or JSON file) are removed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .chunking import chunk_text
from .embeddings import Embedder
from .errors import IndexBusy, LoadError
from .loaders import SUPPORTED, Loaded, load_path, load_url, slug, suffix_of, walk
from .models import Article, IngestReport
from .settings import Settings
from .store import Store

Progress = Callable[[int, int], None]  # (chunks embedded so far, total chunks)


@dataclass
class _Batch:
    loaded: list[Loaded] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)  # folders/files whose stale articles may be removed
    errors: list[str] = field(default_factory=list)
    skipped: int = 0


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def collect(paths: Iterable[str | os.PathLike]) -> _Batch:
    """Load everything named by ``paths``; nothing touches the index yet."""
    batch = _Batch()
    for raw in paths:
        name = str(raw)
        if is_url(name):
            batch.loaded.append(load_url(name))
            continue
        path = Path(name).expanduser()
        if path.is_dir():
            batch.scopes.append(str(path.resolve()) + os.sep)
            for file in walk(path):
                if suffix_of(file) in SUPPORTED:
                    batch.loaded.append(load_path(file))
                else:
                    batch.skipped += 1
        elif path.is_file():
            batch.scopes.append(str(path.resolve()))
            batch.loaded.append(load_path(path))
        else:
            batch.errors.append(f"{name}: no such file, folder or URL")
    return batch


def _dedupe(batch: _Batch, manifest: dict[str, dict], errors: list[str]) -> list[Article]:
    """One article per doc_id. Two files named alike get distinct ids; a repeated
    explicit doc_id (JSON, front matter) keeps the first and reports the rest."""
    seen: dict[str, str] = {}
    out = []
    for loaded in batch.loaded:
        for art in loaded.articles:
            derived = art.doc_id == slug(Path(art.origin).stem) and not is_url(art.origin)
            taken = seen.get(art.doc_id) or (manifest.get(art.doc_id) or {}).get("origin")
            if taken and taken != art.origin and derived and (art.doc_id in seen or Path(taken).exists()):
                art = Article(**{**art.__dict__, "doc_id": f"{art.doc_id}-{hashlib.sha1(art.origin.encode()).hexdigest()[:6]}"})
            elif art.doc_id in seen:
                errors.append(f"{art.origin}: duplicate doc_id {art.doc_id!r} (also in {seen[art.doc_id]}); kept the first")
                continue
            seen[art.doc_id] = art.origin
            out.append(art)
    return out


@contextmanager
def writer_lock(settings: Settings):
    """One writer per embedded index: a second ``rag ingest`` fails at once with a clear message.

    An OS file lock (flock), so it is released when the process dies, even by SIGKILL.
    Readers take no lock. A Chroma server serialises writes itself.
    """
    if settings.chroma_url:
        yield
        return
    import fcntl

    folder = Path(settings.index)
    folder.mkdir(parents=True, exist_ok=True)
    fh = open(folder / ".ingest.lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise IndexBusy(
                f"another ingest ({holder}) is writing to {folder}; wait for it to finish, then run this again"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fh.truncate(0)  # empty while nobody writes (a SIGKILLed writer leaves its pid: harmless)
    finally:
        fh.close()  # closing releases the lock


def ingest(
    paths: Iterable[str | os.PathLike],
    *,
    settings: Settings,
    store: Store,
    embedder: Embedder,
    progress: Progress | None = None,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    batch = collect(paths)
    report.skipped = batch.skipped
    report.errors.extend(batch.errors)
    for loaded in batch.loaded:
        report.errors.extend(str(e) for e in loaded.errors)
    failed_origins = {ld.origin for ld in batch.loaded if ld.errors}

    manifest = store.manifest()
    articles = _dedupe(batch, manifest, report.errors)
    todo: list[Article] = []
    for art in articles:
        old = manifest.get(art.doc_id)
        if old is None:
            report.added += 1
            todo.append(art)
        elif old.get("hash") != art.content_hash:
            report.updated += 1
            todo.append(art)
        else:
            report.unchanged += 1

    # Stale: stored from a scope we just read in full, and not seen this time.
    seen = {a.doc_id for a in articles}
    stale = [
        doc_id
        for doc_id, meta in manifest.items()
        if doc_id not in seen
        and meta.get("origin") not in failed_origins
        and any(meta.get("origin", "") == s or (s.endswith(os.sep) and meta.get("origin", "").startswith(s)) for s in batch.scopes)
    ]
    store.remove(stale)
    report.removed = len(stale)

    report.chunks = _embed_and_write(todo, manifest, settings, store, embedder, progress)
    report.failed = len(report.errors)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def embed_text(title: str, text: str) -> str:
    """What the embedder sees for a chunk: the headline gives a mid-article chunk its subject.

    The stored chunk text stays the exact article span; only the vector includes the title.
    """
    return f"{title}\n{text}" if title else text


def _embed_and_write(todo, manifest, settings, store, embedder, progress) -> int:
    planned = [(a, chunk_text(a.doc_id, a.text, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)) for a in todo]
    total = sum(len(c) for _, c in planned)
    done = 0
    if progress:
        progress(0, total)
    group: list = []

    def flush():
        nonlocal done
        texts = [embed_text(art.title, c.text) for art, chunks in group for c in chunks]
        vectors = embedder.embed(texts) if texts else []
        items, pos = [], 0
        for art, chunks in group:
            items.append((art, chunks, vectors[pos : pos + len(chunks)]))
            pos += len(chunks)
        store.write(items, replace=[a.doc_id for a, _ in group if a.doc_id in manifest])
        done += len(texts)
        if progress:
            progress(done, total)
        group.clear()

    for art, chunks in planned:
        group.append((art, chunks))
        if sum(len(c) for _, c in group) >= settings.ingest_group:
            flush()
    if group:
        flush()
    return total


__all__ = ["ingest", "collect", "LoadError"]
