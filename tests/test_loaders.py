"""Loading every supported format, and one clear line for every kind of bad input."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from conftest import CORPUS, SEED_ID

from rag.loaders import load_path, parse_date, walk


def test_seed_article_has_title_date_and_exact_body():
    loaded = load_path(CORPUS / f"{SEED_ID}.txt")
    assert not loaded.errors
    (art,) = loaded.articles
    assert art.doc_id == SEED_ID
    assert "Alibaba" in art.title and "$50 billion" in art.title
    assert art.published == date(2025, 2, 24)
    seed = (CORPUS.parent.parent / "shared" / "seeds" / f"{SEED_ID}.txt").read_text()
    assert art.text == seed.strip()


def test_every_corpus_file_loads_with_title_and_date():
    files = [p for p in walk(CORPUS) if p.name != "SOURCES"]
    suffixes = {p.suffix for p in files}
    assert {".txt", ".md", ".html", ".json"} <= suffixes
    total = 0
    for path in files:
        loaded = load_path(path)
        assert not loaded.errors, loaded.errors
        for art in loaded.articles:
            assert art.title and art.text and art.published, (path, art.title)
            total += 1
    assert total >= 7


def test_html_main_text_without_boilerplate():
    (art,) = load_path(next(CORPUS.glob("*.html"))).articles
    assert art.published is not None and art.title
    assert "cookie" not in art.text.lower()  # the page's banner is not article text


def test_markdown_heading_is_title_without_front_matter(tmp_path):
    p = tmp_path / "note.md"
    p.write_text("# Storm hits coast\n\nWinds reached 120 km/h on Monday.\n")
    (art,) = load_path(p).articles
    assert art.title == "Storm hits coast" and art.published is None and art.doc_id == "note"


def test_markdown_is_read_as_its_text(tmp_path):
    p = tmp_path / "capex.md"
    p.write_text("---\ntitle: Meta's **big** plan\n---\n# Meta's plan\n\nMeta expects **capital expenditure of\nUS$60bn** in 2025, "
                 "[Susan Li](https://x.test/li) said.\n\n## Where it goes\n\n- servers\n- *data centres*\n")  # fmt: skip
    (art,) = load_path(p).articles
    assert art.title == "Meta's big plan"
    assert art.text == "Meta's plan\n\nMeta expects capital expenditure of US$60bn in 2025, Susan Li said.\n\nWhere it goes\n\nservers\n\ndata centres"
    plain = tmp_path / "capex.txt"
    plain.write_text("Meta expects **capital expenditure**.")
    assert load_path(plain).articles[0].text == "Meta expects **capital expenditure**."  # a text file is taken as written


def test_no_corpus_article_keeps_markdown_marks():
    for path in sorted(CORPUS.glob("*.md")):
        (art,) = load_path(path).articles
        assert "**" not in art.text and "](" not in art.text and "\n#" not in art.text, path.name


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
        ("latin1.txt", "Café prices rose".encode("latin-1"), "not valid UTF-8"),
        ("bad.json", b'{"title": "x", "text": ', "malformed JSON"),
        ("notext.json", b'{"title": "x"}', "no 'text'"),
        ("baddate.txt", b"---\npublished: last Tuesday\n---\nBody text here.\n", "is not a date"),
        ("frontonly.txt", b"---\ntitle: x\n---\n", "no article text"),
        ("broken.jsonl.gz", b"not gzip at all", "not a valid gzip"),
        ("slides.pdf", b"%PDF-1.4", "unsupported file type"),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_bytes(content)
    loaded = load_path(p)
    assert not loaded.articles
    (err,) = loaded.errors
    assert str(err).startswith(str(p)) and reason in str(err)
    assert "\n" not in str(err)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notepad.txt", "Café prices rose on Monday, the bureau said.".encode("utf-16")),  # UTF-16 with its byte-order mark
        ("page.html", b'<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><article><p>'
         + "Café prices rose on Monday, the bureau said, as costs climbed across the region.".encode("latin-1")
         + b"</p></article></body></html>"),
    ],
)
def test_text_in_another_declared_encoding_is_read(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content)
    loaded = load_path(p)
    assert not loaded.errors and "Café prices rose on Monday" in loaded.articles[0].text


def test_jsonl_keeps_good_lines_and_names_bad_ones(tmp_path):
    rows = [
        json.dumps({"doc_id": "a", "title": "A", "text": "Alpha text.", "published": "2024-01-02"}),
        "{oops",
        json.dumps({"title": "B", "text": "Beta text.", "url": "https://example.com/b"}),
        "",
    ]
    p = tmp_path / "feed.jsonl.gz"
    p.write_bytes(gzip.compress("\n".join(rows).encode()))
    loaded = load_path(p)
    assert [a.doc_id for a in loaded.articles][0] == "a"
    assert loaded.articles[1].doc_id.startswith("j")  # stable hash of the URL
    (err,) = loaded.errors
    assert f"{p}:2" in str(err) and "malformed JSON line" in str(err)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-24", date(2025, 2, 24)),
        ("2025-02-24T09:30:00Z", date(2025, 2, 24)),
        ("2025-02-24 09:30:00+08:00", date(2025, 2, 24)),
        ("February 24, 2025", date(2025, 2, 24)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value, "x") == expected
