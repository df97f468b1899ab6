"""Ingest files, folders and URLs into the index: incremental and idempotent.

Unchanged articles (same content hash) embed nothing; changed ones have their
chunks replaced; articles gone from an ingested folder (or JSON file) are removed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import dedup
from .chunking import chunk_text
from .embeddings import Embedder
from .embeddings.worker import WorkerFailed
from .errors import IndexBusy, LoadError
from .feeds import FeedReader, parse_opml
from .fetch import Limits
from .loaders import SUPPORTED, iter_articles, load_url, slug, suffix_of, walk
from .models import Article, Chunk, IngestReport
from .settings import Settings
from .store import Store, index_folder

Progress = Callable[[int, int | None], None]  # (chunks embedded so far, total if known)

# What a chunk's vector is computed from; part of cached evaluation index keys.
# 1: headline + chunk text. 2: the chunk text alone (see _Writer.flush).
EMBED_FORMAT = 2


def chunk_with(settings: Settings, doc_id: str, text: str) -> list[Chunk]:
    """``chunk_text`` with the chunking settings: ingest and the benchmarks' floor cut alike."""
    return chunk_text(doc_id, text, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap, min_fill_ratio=settings.chunk_min_fill)


def is_url(text: str) -> bool:
    """An http(s) URL, whatever the case of its scheme.

    >>> is_url("HTTP://example.org/news"), is_url("news/http.txt")
    (True, False)
    """
    return text.lower().startswith(("http://", "https://"))


def limits(settings: Settings) -> Limits:
    return Limits(settings.fetch_timeout, settings.fetch_max_bytes, settings.fetch_max_redirects, settings.fetch_workers)


@dataclass
class _Scan:
    """What the inputs named, as they are read: scopes to prune, origins that failed, ids seen."""

    scopes: list[str] = field(default_factory=list)  # folders/files whose stale articles may be removed
    failed: set[str] = field(default_factory=set)  # origins with errors keep their old articles
    seen: dict[str, str] = field(default_factory=dict)  # doc_id -> origin
    read: set[str] = field(default_factory=set)  # origins (files, URLs) read this time


def stream(paths: Iterable[str | os.PathLike], scan: _Scan, report: IngestReport, reader: FeedReader | None = None) -> Iterator[Article]:
    """Every article the inputs hold, one at a time; errors go to the report as they are met.

    Nothing is held beyond the current file (or JSON line), so memory does not grow with the corpus.
    URLs (article pages, feeds, OPML lists) are read through ``reader``; without one, as single pages.
    """
    for raw in paths:
        name = str(raw)
        path = Path(name).expanduser()
        if not name.strip():  # `rag ingest "$DIR"` with DIR unset: not the whole current folder
            report.errors.append("an empty path was given; name a file, folder or URL (use . for this folder)")
            continue
        if is_url(name):
            if reader is None:
                loaded = load_url(name)
                files = [(name, [*loaded.articles, *loaded.errors])]
            else:
                files = [(name, reader.read(name))]
        elif path.is_file() and path.suffix.lower() == ".opml":
            try:
                urls = parse_opml(path.read_bytes(), name)
            except (LoadError, OSError) as err:
                report.errors.append(str(err) if isinstance(err, LoadError) else f"{name}: cannot read ({err.strerror})")
                continue
            files = [(url, reader.read(url) if reader else _pages(url)) for url in urls]
        else:
            if path.is_dir():
                if str(path.resolve()) + os.sep in scan.scopes:
                    continue  # named twice ("corpus corpus/"): read once
                scan.scopes.append(str(path.resolve()) + os.sep)
                files = []
                for file in walk(path):
                    if suffix_of(file) in SUPPORTED and _utf8_name(file, report):
                        files.append((str(file.resolve()), iter_articles(file)))
                    elif suffix_of(file) not in SUPPORTED:
                        report.skipped += 1
            elif path.is_file():
                scan.scopes.append(str(path.resolve()))
                files = [(str(path.resolve()), iter_articles(path))] if _utf8_name(path, report) else []
            elif path.is_symlink():
                report.errors.append(f"{name}: a link to {os.readlink(path)}, which does not exist; fix or remove the link")
                continue
            else:
                report.errors.append(f"{name}: no such file, folder or URL")
                continue
        for origin, items in files:
            if origin in scan.read:  # a file named twice, or alone and inside a folder named too: read once
                continue
            scan.read.add(origin)
            for item in items:
                if isinstance(item, LoadError):
                    report.errors.append(str(item))
                    scan.failed.add(origin)
                else:
                    yield item


def _in_scope(origin: str, scopes: list[str]) -> bool:
    """Whether ``origin`` is one of the files or under one of the folders this ingest reads."""
    return any(origin == s or (s.endswith(os.sep) and origin.startswith(s)) for s in scopes)


def _utf8_name(path: Path, report: IngestReport) -> bool:
    """Whether the file's name can be stored (the index keeps it as UTF-8); if not, one line in the report."""
    try:
        str(path.resolve()).encode("utf-8")
        return True
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "replace")
        report.errors.append(f"{shown}: the file name is not valid UTF-8; rename the file and ingest again")
        return False


def _pages(url: str):
    loaded = load_url(url)
    return [*loaded.articles, *loaded.errors]


def _unique(art: Article, scan: _Scan, manifest: dict[str, dict], errors: list[str]) -> Article | None:
    """One article per doc_id. Two files named alike get distinct ids; a repeated
    explicit doc_id (JSON, front matter) keeps the first and reports the rest."""
    seen = scan.seen
    derived = art.doc_id == slug(Path(art.origin).stem) and not is_url(art.origin)
    taken = seen.get(art.doc_id) or (manifest.get(art.doc_id) or {}).get("origin")
    if taken and taken != art.origin and derived and (art.doc_id in seen or Path(taken).exists()):
        art = Article(**{**art.__dict__, "doc_id": f"{art.doc_id}-{hashlib.sha1(art.origin.encode()).hexdigest()[:6]}"})
    elif art.doc_id in seen:
        errors.append(f"{art.origin}: duplicate doc_id {art.doc_id!r} (also in {seen[art.doc_id]}); kept the first; "
                      "give each record its own doc_id or url")  # fmt: skip
        return None
    elif (
        taken and taken != art.origin and not is_url(taken) and not is_url(art.origin) and Path(taken).exists()
        and not _in_scope(taken, scan.scopes)
    ):  # fmt: skip
        # The id an earlier ingest gave an article of another file that is still there and is not read this time
        # (one that is and still holds the id is a duplicate above, whichever comes first): not an update of it.
        errors.append(f"{art.origin}: doc_id {art.doc_id!r} is already the article from {taken}; kept that one; "
                      "give this record another doc_id, or remove that file and ingest both again")  # fmt: skip
        return None
    seen[art.doc_id] = art.origin
    return art


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

    folder = index_folder(Path(settings.index))
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
    feeds: bool = False,
) -> IngestReport:
    """Read, chunk, embed and write in groups as the inputs stream by; then prune what is gone.

    ``feeds``: also read every feed the index follows (``rag ingest --feeds``).
    """
    started = time.perf_counter()
    report = IngestReport()
    scan = _Scan()
    manifest = store.manifest()
    writer = _Writer(manifest, settings, store, embedder, progress)
    reader = FeedReader(store, manifest, limits(settings), report)
    moved: dict[str, dict] = {}
    if feeds:
        paths = list(dict.fromkeys([*map(str, paths), *reader.followed()]))  # a feed named and followed is read once
        if not reader.followed():
            report.errors.append("--feeds: this index follows no feeds yet; ingest a feed URL first (rag ingest URL)")
    try:
        for art in stream(paths, scan, report, reader):
            art = _unique(art, scan, manifest, report.errors)
            if art is None:
                continue
            old = manifest.get(art.doc_id)
            if old is not None and old.get("hash") == art.content_hash:
                report.unchanged += 1
                if old.get("origin") != art.origin:  # the same story, now in another file: it belongs to that one
                    moved[art.doc_id] = {"origin": art.origin}
                    old["origin"] = art.origin
                continue
            if old is None:
                report.added += 1
            else:
                report.updated += 1
            writer.add(art)
        writer.finish()
        if moved:
            store.set_article_fields(moved)
        reader.commit()  # only now: the items it read are stored
    finally:
        writer.close()  # on an error too: never leave a write running behind the caller

    # Stale: stored from a scope we just read in full, and not seen this time.
    stale = [
        doc_id
        for doc_id, meta in manifest.items()
        if doc_id not in scan.seen
        and meta.get("origin") not in scan.failed
        and _in_scope(meta.get("origin", ""), scan.scopes)
    ]
    store.remove(stale)
    report.removed = len(stale)
    if report.added or report.updated or report.removed or any(not m.get("minhash") for m in manifest.values()):
        grouping = dedup.regroup(store, settings.near_duplicate)
        report.groups, report.grouped = grouping.groups, grouping.grouped
    report.chunks = writer.done
    report.failed = len(report.errors)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


class _Writer:
    """Chunks articles as they come; embeds and writes them ``settings.ingest_group`` chunks at a time.

    Three stages run at once: this thread reads and chunks, the embedder embeds, and a
    writer thread stores the last embedded group. chromadb's native calls hold the GIL
    until they return (Python in another thread ran at 7-13% of its speed during an
    ``add``), so an embedder in this process stalls behind every write. So from the
    second group on, a local embedder runs in a child process (``rag.embeddings.worker``,
    ``settings.embed_worker``), which always has the next group queued: newsrag / floor
    on 500 articles went 1.17x -> 1.09x. The first group is embedded here while the
    child starts, so a small ingest never pays for starting it. If the child fails,
    the rest is embedded here (a warning says so), with the same vectors.

    At most one write is in flight and groups land in order (the crash-safety argument
    of ``Store.write`` holds per group); memory stays at a few groups. ``finish()`` writes
    what is left; ``close()`` stops the child and waits for the last write, re-raising
    its error. Groups not yet written when an error stops the ingest are simply not
    written: their articles keep no record or their old hash, so the next ingest does them.
    """

    def __init__(self, manifest, settings: Settings, store: Store, embedder: Embedder, progress: Progress | None):
        self.manifest, self.settings, self.store, self.embedder, self.progress = manifest, settings, store, embedder, progress
        self.group: list = []
        self.pending = 0
        self.done = 0
        self._queued: deque = deque()  # (group, texts, in_worker), oldest first, not yet written
        self._groups = 0
        self._worker = None
        self._pool = self._inflight = None

    def add(self, art: Article) -> None:
        chunks = chunk_with(self.settings, art.doc_id, art.text)
        # Signed here, while the child process embeds the group before: ~1.5 ms an article.
        self.group.append((art, chunks, dedup.encode(dedup.signature(art.text))))
        self.pending += len(chunks)
        if self.pending >= self.settings.ingest_group:
            self.flush()

    def flush(self, last: bool = False) -> None:
        """Send the gathered group to be embedded, and write groups whose turn has come."""
        if self.group:
            group, self.group, self.pending = self.group, [], 0
            # The chunk text alone is embedded (EMBED_FORMAT 2). A headline in front of every
            # chunk cost 13% more word pieces on news for no measurable retrieval gain (README,
            # "What is embedded"); BM25 still indexes the headline with each chunk.
            texts = [c.text for _, chunks, _ in group for c in chunks]
            self._groups += 1
            if self._groups == 1 and not last:
                self._start_worker()  # it loads while the first group is embedded here
            elif self._worker is not None:
                try:
                    self._worker.submit(texts)
                except WorkerFailed as err:
                    self._drop_worker(err)
            self._queued.append((group, texts, self._groups > 1 and self._worker is not None))
        # A group in the worker waits until the next one is queued behind it, so the worker never idles.
        while self._queued and (not self._queued[0][2] or len(self._queued) > 1):
            self._write_next()

    def finish(self) -> None:
        """Embed and write everything still queued."""
        self.flush(last=True)
        while self._queued:
            self._write_next()

    def _start_worker(self) -> None:
        config = getattr(self.embedder, "worker_config", None)
        if not self.settings.embed_worker or config is None:
            return
        from .embeddings.worker import EmbedWorker

        try:
            self._worker = EmbedWorker(config(), self.embedder.dim)
        except WorkerFailed as err:
            self._drop_worker(err)

    def _drop_worker(self, err: Exception) -> None:
        import warnings

        warnings.warn(f"{err}; embedding in this process instead (slower, same vectors)", RuntimeWarning, stacklevel=2)
        if self._worker is not None:
            self._worker.close()
            self._worker = None
        self._queued = deque((g, t, False) for g, t, _ in self._queued)

    def _write_next(self) -> None:
        group, texts, in_worker = self._queued.popleft()
        vectors = None
        if in_worker:  # _drop_worker re-marks the queue, so a worker is running
            try:
                vectors = self._worker.take()
            except WorkerFailed as err:
                self._drop_worker(err)
        if vectors is None:
            vectors = self.embedder.embed(texts) if texts else []
        items, pos = [], 0
        for art, chunks, _ in group:
            items.append((art, chunks, vectors[pos : pos + len(chunks)]))
            pos += len(chunks)
        replace = [a.doc_id for a, _, _ in group if a.doc_id in self.manifest]
        extra = {a.doc_id: {"minhash": sig} for a, _, sig in group}
        self._wait()
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(1, thread_name_prefix="newsrag-write")
        self._inflight = self._pool.submit(self._write, items, replace, extra, len(texts))

    def _write(self, items, replace, extra, n: int) -> None:
        self.store.write(items, replace=replace, extra=extra)
        self.done += n
        if self.progress:
            self.progress(self.done, None)

    def _wait(self) -> None:
        if self._inflight is not None:
            inflight, self._inflight = self._inflight, None
            inflight.result()

    def close(self) -> None:
        """Stop the worker; wait for the write in flight (its error, if any, is raised here)."""
        try:
            if self._worker is not None:
                self._worker.close()
                self._worker = None
            self._wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None


__all__ = ["ingest", "stream", "LoadError"]
