"""Chunks are exact spans of the article, sentence-aligned, and fit the embedder."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from rag.chunking import chunk_text, sentence_spans
from rag.loaders import load_path, walk
from rag.offline import encoding


def corpus_articles():
    for path in walk(CORPUS):
        if path.name != "SOURCES":
            yield from load_path(path).articles


@pytest.mark.parametrize("art", list(corpus_articles()), ids=lambda a: a.doc_id)
def test_every_chunk_is_an_exact_span(art):
    chunks = chunk_text(art.doc_id, art.text, max_tokens=180, overlap=30, min_fill_ratio=0.4)
    assert chunks and [c.index for c in chunks] == list(range(len(chunks)))
    for c in chunks:
        assert art.text[c.start : c.end] == c.text
    # Coverage: every sentence of the article is in some chunk.
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    for s, e in sentence_spans(art.text):
        assert s in covered and e - 1 in covered


@pytest.mark.parametrize("art", list(corpus_articles()), ids=lambda a: a.doc_id)
def test_chunks_fit_the_embedder_window(art, embedder):
    # What gets embedded is the chunk text; MiniLM truncates past 256 word pieces.
    from rag.settings import Settings

    for c in chunk_text(art.doc_id, art.text, max_tokens=Settings().chunk_tokens, overlap=Settings().chunk_overlap, min_fill_ratio=Settings().chunk_min_fill):
        assert embedder.count_tokens(c.text) <= embedder.max_tokens, c.text[:80]


def test_long_sentence_is_split_by_tokens():
    text = "word " * 1000 + "end."
    chunks = chunk_text("d", text, max_tokens=100, overlap=0, min_fill_ratio=0.4)
    enc = encoding()
    assert len(chunks) >= 10
    assert all(len(enc.encode(c.text)) <= 101 for c in chunks)
    assert all(text[c.start : c.end] == c.text for c in chunks)


def test_overlap_repeats_whole_sentences_and_always_advances():
    text = " ".join(f"Sentence number {i} is here." for i in range(40))
    chunks = chunk_text("d", text, max_tokens=40, overlap=15, min_fill_ratio=0.4)
    for a, b in zip(chunks, chunks[1:]):
        assert b.start > a.start and b.start <= a.end  # overlaps, moves forward
        assert text[b.start - 1] == " " or b.start == 0  # starts on a sentence boundary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Mr. Ma met Xi. Shares rose.", ["Mr. Ma met Xi.", "Shares rose."]),
        ("It cost $50.5 billion. Done.", ["It cost $50.5 billion.", "Done."]),
        ("The U.S. economy grew. Yes.", ["The U.S. economy grew.", "Yes."]),
        ("“Great results,” Wu said. Next.", ["“Great results,” Wu said.", "Next."]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
    ],
)
def test_sentence_spans(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected
