"""Ingest into a real embedded Chroma: incremental, idempotent, no duplicates, removals."""

from __future__ import annotations

import json
import os
from datetime import date

import numpy as np
import pytest
from conftest import SEED_ID

from rag import api
from rag.errors import EmbedderMismatch
from rag.store import CHUNK_TEXT_KEY, Store, make_client

BOTH_STORES = True  # every test here that uses the index runs on an embedded folder and on a `chroma run` server


def run(paths, settings, store, embedder):
    return api.ingest(paths, settings=settings, store=store, embedder=embedder)


def chunk_ids(store):
    return store.chunks.get(include=[])["ids"]


def test_ingest_twice_embeds_nothing_the_second_time(corpus_copy, settings, store, embedder):
    first = run([corpus_copy], settings, store, embedder)
    assert first.added == 12 and first.failed == 0 and first.chunks > 11
    assert first.skipped == 1  # SOURCES has no supported extension
    again = run([corpus_copy], settings, store, embedder)
    assert (again.added, again.updated, again.removed, again.chunks) == (0, 0, 0, 0)
    assert again.unchanged == 12
    ids = chunk_ids(store)
    assert len(ids) == len(set(ids)) == first.chunks


def test_changed_article_is_reembedded_alone_and_not_duplicated(corpus_copy, settings, store, embedder):
    run([corpus_copy], settings, store, embedder)
    before = len(chunk_ids(store))
    seed = corpus_copy / f"{SEED_ID}.txt"
    seed.write_text(seed.read_text() + "\nAnalysts called the plan ambitious.")
    report = run([corpus_copy], settings, store, embedder)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 11)
    assert report.chunks == len(store.chunks.get(where={"doc_id": SEED_ID}, include=[])["ids"])
    after = chunk_ids(store)
    assert len(after) == len(set(after)) and abs(len(after) - before) <= 1
    assert "ambitious" in store.article(SEED_ID).text


def test_shorter_article_leaves_no_stale_chunks(tmp_path, settings, store, embedder):
    folder = tmp_path / "news"
    folder.mkdir()
    long = " ".join(f"Fact number {i} was reported on Monday by the ministry." for i in range(120))
    (folder / "a.txt").write_text(long)
    n_long = run([folder], settings, store, embedder).chunks
    (folder / "a.txt").write_text("Only one sentence remains now.")
    run([folder], settings, store, embedder)
    assert n_long > 3
    assert chunk_ids(store) == ["a:0"]


def test_removed_file_is_removed_from_index(corpus_copy, settings, store, embedder):
    run([corpus_copy], settings, store, embedder)
    (corpus_copy / "007_harbour-city-marathon.txt").unlink()
    report = run([corpus_copy], settings, store, embedder)
    assert report.removed == 1
    assert "007_harbour-city-marathon" not in store.manifest()
    assert not store.chunks.get(where={"doc_id": "007_harbour-city-marathon"}, include=[])["ids"]


def test_ingesting_one_file_does_not_remove_the_rest(corpus_copy, settings, store, embedder):
    run([corpus_copy], settings, store, embedder)
    report = run([corpus_copy / "briefs.json"], settings, store, embedder)
    assert report.removed == 0 and report.unchanged == 2
    assert store.counts()[0] == 12


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path, settings, store, embedder):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Rain fell across the north on Sunday, forecasters said.")
    (folder / "empty.txt").write_text("")
    (folder / "bin.txt").write_bytes(b"\x00\x01\x02")
    (folder / "feed.jsonl").write_text('{"title": "T", "text": "Wind picked up overnight."}\n{broken\n')
    report = run([folder, tmp_path / "missing-folder"], settings, store, embedder)
    assert report.added == 2 and report.failed == 4
    text = "\n".join(report.errors)
    for expected in ("empty.txt: empty file", "bin.txt: binary file", "feed.jsonl:2: malformed JSON", "missing-folder: no such file"):
        assert expected in text


def test_failed_file_keeps_its_articles(tmp_path, settings, store, embedder):
    folder = tmp_path / "n"
    folder.mkdir()
    feed = folder / "feed.jsonl"
    feed.write_text('{"doc_id": "x", "title": "T", "text": "Wind picked up overnight."}\n')
    run([folder], settings, store, embedder)
    feed.write_text('{"doc_id": "x", "title": "T", "text": "Wind picked up overnight."}\n{broken\n')
    report = run([folder], settings, store, embedder)
    assert report.removed == 0 and "x" in store.manifest()


def test_same_file_name_in_two_folders_are_two_articles(tmp_path, settings, store, embedder):
    for sub, text in (("a", "Markets rose on Monday."), ("b", "Markets fell on Tuesday.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text)
    run([tmp_path / "a"], settings, store, embedder)
    run([tmp_path / "b"], settings, store, embedder)
    assert store.counts()[0] == 2


def test_two_files_stories_with_one_title_are_two_articles(tmp_path, settings, store, embedder):
    # No doc_id or url: the id is the file's and the title's, so one day's "Daily briefing" never replaces another's.
    for day, text in (("mon", "A storm hit Arland on Monday."), ("tue", "A bakery in Brevik won a prize on Tuesday.")):
        (tmp_path / f"{day}.jsonl").write_text(json.dumps({"title": "Daily briefing", "text": text}) + "\n")
        run([tmp_path / f"{day}.jsonl"], settings, store, embedder)
    assert store.counts()[0] == 2
    assert run([tmp_path / "mon.jsonl"], settings, store, embedder).unchanged == 1  # the same file again: the same article


def test_a_doc_id_of_another_file_is_refused_not_overwritten(tmp_path, settings, store, embedder):
    (tmp_path / "x1.jsonl").write_text('{"doc_id": "a1", "title": "X", "text": "A storm hit Arland on Monday."}\n')
    (tmp_path / "x2.jsonl").write_text('{"doc_id": "a1", "title": "Y", "text": "A bakery won a prize."}\n')
    run([tmp_path / "x1.jsonl"], settings, store, embedder)
    report = run([tmp_path / "x2.jsonl"], settings, store, embedder)
    assert report.added == report.updated == 0 and "already the article from" in report.errors[0]
    assert "storm" in store.article("a1").text
    (tmp_path / "x1.jsonl").unlink()  # the file moved: its id now names the other file's article
    assert run([tmp_path / "x2.jsonl"], settings, store, embedder).updated == 1


def test_a_record_moved_to_another_file_is_moved_not_lost_or_doubled(tmp_path, settings, store, embedder):
    folder = tmp_path / "news"
    folder.mkdir()
    rows = [json.dumps({"doc_id": f"x{i}", "title": f"T{i}", "text": f"Story number {i} about rain."}) for i in range(3)]
    (folder / "a.jsonl").write_text("\n".join(rows) + "\n")
    run([folder], settings, store, embedder)
    (folder / "a.jsonl").write_text("\n".join(rows[:2]) + "\n")  # x2 moves to b.jsonl, a.jsonl stays
    (folder / "b.jsonl").write_text(rows[2] + "\n")
    report = run([folder], settings, store, embedder)
    assert report.errors == [] and report.removed == 0 and "b.jsonl" in store.manifest()["x2"]["origin"]
    # Records without ids: a file moved elsewhere holds the same stories, not copies of them.
    (tmp_path / "e").mkdir()
    (tmp_path / "e" / "feed.jsonl").write_text('{"title": "Daily briefing", "text": "Snow fell."}\n')
    run([tmp_path / "e" / "feed.jsonl"], settings, store, embedder)
    (tmp_path / "e" / "archive").mkdir()
    (tmp_path / "e" / "feed.jsonl").rename(tmp_path / "e" / "archive" / "feed.jsonl")
    report = run([tmp_path / "e" / "archive" / "feed.jsonl"], settings, store, embedder)
    assert report.added == 0 and store.counts()[0] == 4


def test_a_dangling_link_says_where_it_points(tmp_path, settings, store, embedder):
    (tmp_path / "news.txt").symlink_to(tmp_path / "gone.txt")
    report = run([tmp_path / "news.txt"], settings, store, embedder)
    assert report.errors == [f"{tmp_path / 'news.txt'}: a link to {tmp_path / 'gone.txt'}, which does not exist; fix or remove the link"]


def test_an_empty_path_and_an_undecodable_file_name_are_one_line_each(tmp_path, settings, store, embedder):
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "ok.txt").write_text("Rain fell across the north on Sunday, forecasters said.")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text("Wind picked up overnight.")
    report = run(["", folder], settings, store, embedder)
    assert report.added == 1 and report.failed == 2
    assert "an empty path was given" in report.errors[0] and "file name is not valid UTF-8" in report.errors[1]


def test_index_remembers_its_embedder(settings, store, embedder, corpus_copy):
    run([corpus_copy / f"{SEED_ID}.txt"], settings, store, embedder)
    with pytest.raises(EmbedderMismatch, match="RAG_EMBEDDER"):
        Store(make_client(settings.index, settings.chroma_url), "openai:text-embedding-3-small", 1536, prefix=settings.collection, location="x")


def test_search_finds_seed_first_and_filters_by_date(corpus_copy, settings, store, embedder):
    run([corpus_copy], settings, store, embedder)
    hits = api.search("Alibaba investment in AI", k=3, settings=settings, store=store, embedder=embedder)
    assert hits[0].doc_id == SEED_ID and hits[0].published == date(2025, 2, 24)
    assert hits[0].text in store.article(SEED_ID).text
    late = api.search("Alibaba investment in AI", since="2025-03-01", settings=settings, store=store, embedder=embedder)
    assert late and all(h.published >= date(2025, 3, 1) for h in late)
    early = api.search("AI spending", until="2025-01-31", settings=settings, store=store, embedder=embedder)
    assert early and all(h.published and h.published <= date(2025, 1, 31) for h in early)


def test_url_ingest_from_a_local_server(tmp_path, settings, store, embedder, corpus_copy):
    import http.server
    import threading
    from functools import partial

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(corpus_copy))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        page = next(p.name for p in corpus_copy.glob("*.html"))
        upper = base.replace("http://", "HTTP://")  # a scheme in capitals is still a URL, not a path
        report = run([f"{upper}/{page}", f"{base}/missing.html", "http://127.0.0.1:9/none.html"], settings, store, embedder)
    finally:
        server.shutdown()
    assert report.added == 1 and report.failed == 2
    assert "HTTP 404" in report.errors[0] and "unreachable" in report.errors[1]
    (meta,) = store.manifest().values()
    assert meta["url"].endswith(page) and meta["published"]


def test_walk_skips_hidden_files_and_folders(tmp_path, settings, store, embedder):
    folder = tmp_path / "w"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "notes.txt").write_text("Internal notes text here.")
    (folder / ".hidden.txt").write_text("Secret draft text here.")
    (folder / "seen.txt").write_text("Public article text here.")
    report = run([folder], settings, store, embedder)
    assert report.added == 1 and list(store.manifest()) == ["seen"]


def test_a_chunk_vector_is_the_embedding_of_its_stored_text(corpus_copy, settings, store, embedder):
    # EMBED_FORMAT 2: the vector comes from the chunk text alone (no headline in front).
    run([corpus_copy / f"{SEED_ID}.txt"], settings, store, embedder)
    got = store.chunks.get(where={"doc_id": SEED_ID}, include=["metadatas", "embeddings"])
    assert len(got["ids"]) > 1
    want = embedder.embed([m[CHUNK_TEXT_KEY] for m in got["metadatas"]])
    # int8 activations are quantized per batch, so vectors agree to ~1e-3, not bit for bit;
    # with the headline in front, the seed article's chunks were at cosines of 0.82-0.97.
    cosines = np.sum(np.asarray(got["embeddings"]) * want, axis=1)
    assert cosines.min() > 0.995, cosines


def test_chunk_text_is_stored_as_metadata_and_old_indexes_still_read(corpus_copy, settings, store, embedder):
    # Chroma full-text indexes every document (half of the write time); the text goes in the metadata instead.
    run([corpus_copy / f"{SEED_ID}.txt"], settings, store, embedder)
    article = store.article(SEED_ID)
    got = store.chunks.get(where={"doc_id": SEED_ID}, include=["documents", "metadatas", "embeddings"])
    assert got["documents"] == [None] * len(got["ids"])
    assert all(m[CHUNK_TEXT_KEY] == article.text[m["start"] : m["end"]] for m in got["metadatas"])
    # An index written before the change has the text as the document and no text field: it still reads.
    first = got["ids"][0]
    old_meta = {k: v for k, v in got["metadatas"][0].items() if k != CHUNK_TEXT_KEY}
    store.chunks.delete(ids=[first])
    store.chunks.add(ids=[first], embeddings=[got["embeddings"][0]], metadatas=[old_meta], documents=["the old document"])
    assert CHUNK_TEXT_KEY not in store.chunks.get(ids=[first], include=["metadatas"])["metadatas"][0]
    assert next(p for p in store.chunks_of(SEED_ID) if p.chunk_id == first).text == "the old document"
    assert any(p.text == "the old document" for p in store.all_chunks())


def test_a_reader_sees_what_another_process_ingested(tmp_path):
    """A long-lived reader (rag serve, rag chat) must search what another process ingested since it opened the
    index: an embedded Chroma keeps its vectors in memory and never rereads them (a user pass found `rag serve`
    declining a question about an article `rag ingest` had just added)."""
    import subprocess
    import sys

    from conftest import CORPUS, guarded_env

    from rag.settings import Settings

    settings = Settings(index=tmp_path / "index")
    api.ingest([CORPUS / "000_6177586f370daf91.txt"], settings=settings)
    question = "When did the Lakeside ferry resume service?"
    assert "ferry" not in api.search(question, k=1, settings=settings)[0].title.lower()
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "ferry.txt").write_text(
        "---\ntitle: Lakeside ferry resumes\npublished: 2025-04-04\n---\nThe Lakeside ferry resumed service on 3 April 2025, operators said.\n"
    )
    cmd = [sys.executable, "-m", "rag.cli", "ingest", str(tmp_path / "new"), "--index", str(settings.index)]
    subprocess.run(cmd, check=True, capture_output=True, env=guarded_env(), timeout=300)
    hit = api.search(question, k=1, settings=settings)[0]
    assert hit.title == "Lakeside ferry resumes" and hit.scores.get("dense_rank") == 1  # the vectors too, not only BM25
