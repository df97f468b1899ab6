"""Hostile and broken input: property-based tests (hypothesis) on the loaders and the chunker.

Whatever the bytes, a loader returns articles and/or clear LoadErrors, never an
exception; whatever the text, every chunk is an exact span of its article.
Then one folder of nasty files goes through the real `rag ingest`.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

from conftest import ROOT, guarded_env
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag.chunking import chunk_text
from rag.loaders import load_path

SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".jsonl.gz"]
NASTY = ["\u200b", "\u200f", "\u202e", "\ufeff", "\x00", "\r", "\r\n", "\u2028", "\t", " ", "\n\n", "é", "中文", "🙂", "$50bn", "<", "&amp;"]
text_parts = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=40)), max_size=60).map("".join)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def check_loaded(loaded) -> None:
    for err in loaded.errors:
        assert str(err) and "\n" not in str(err).strip() and "Traceback" not in str(err)
    for art in loaded.articles:
        assert art.text.strip() and art.doc_id
        for ch in chunk_text(art.doc_id, art.text, max_tokens=160, overlap=30, min_fill_ratio=0.4):
            assert art.text[ch.start : ch.end] == ch.text


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and data[:1] != b"x" else data)
    check_loaded(load_path(path))


@FUZZ
@given(text=text_parts, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_odd_text_never_raises_and_offsets_stay_exact(tmp_path_factory, text, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(text.encode("utf-8", "replace"))
    check_loaded(load_path(path))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "doc_id": json_values, "id": json_values, "title": json_values, "text": json_values | text_parts,
        "published": json_values | st.sampled_from(["2025-02-30", "yesterday", "1e308", "2025-02-24"]),
        "date": json_values, "url": json_values, "source": json_values,
    },
)  # fmt: skip


@FUZZ
@given(rows=st.lists(records | json_values, max_size=6), as_lines=st.booleans())
def test_json_with_wrong_types_gives_clear_errors(tmp_path_factory, rows, as_lines):
    folder = tmp_path_factory.mktemp("fuzz")
    if as_lines:
        path = folder / "f.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows))
    else:
        path = folder / "f.json"
        path.write_text(json.dumps(rows))
    check_loaded(load_path(path))


@FUZZ
@given(text=text_parts, max_tokens=st.integers(16, 200), overlap=st.integers(0, 60))
def test_chunker_offsets_are_exact_for_any_text(text, max_tokens, overlap):
    for ch in chunk_text("d", text, max_tokens=max_tokens, overlap=overlap, min_fill_ratio=0.4):
        assert text[ch.start : ch.end] == ch.text and ch.text.strip()


def nasty_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "huge_line.txt").write_text("word " * 40_000)  # one 200 kB line, no sentence ends
    (folder / "nested.html").write_text("<div>" * 20_000 + "<p>Deep text with enough words to count as an article body.</p>" + "</div>" * 20_000)
    (folder / "nul.txt").write_bytes(b"Some text\x00with a NUL byte " * 1000)
    (folder / "late_nul.txt").write_bytes(b"Plain text for a while. " * 500 + b"\x00 and then a NUL.")
    (folder / "zero_width.md").write_text("# Zero\u200bwidth\n\nA line with\u200b zero\u200d width and \u202eRTL override\u202c text. Another sentence here.")
    (folder / "truncated.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n' * 100)[:-20])
    (folder / "types.json").write_text(json.dumps([{"text": 5}, {"text": ["a"]}, {"text": "ok text here", "published": {"y": 1}}, "str", {"text": "fine article body", "published": 1e30}]))
    (folder / "bad_utf8.txt").write_bytes(b"caf\xe9 au lait")
    (folder / "empty.md").write_text("   \n")
    (folder / "good.txt").write_text("---\ntitle: A good one\npublished: 2025-01-02\n---\nThe good article survives its neighbours.")
    return folder


def test_a_folder_of_nasty_files_through_the_real_cli(tmp_path):
    folder = nasty_folder(tmp_path / "nasty")
    rag = ROOT / ".venv" / "bin" / "rag"
    env = guarded_env(RAG_INDEX=str(tmp_path / "index"))
    res = subprocess.run([str(rag), "ingest", str(folder), "--json"], capture_output=True, text=True, env=env, timeout=600)
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    report = json.loads(res.stdout)
    errors = "\n".join(report["errors"])
    for name in ("nul.txt", "late_nul.txt", "truncated.jsonl.gz", "types.json", "bad_utf8.txt", "empty.md"):
        assert name in errors, (name, errors)
    assert report["added"] >= 3  # good.txt, zero_width.md, huge_line.txt (and the good JSON records)
    again = subprocess.run([str(rag), "ingest", str(folder), "--json"], capture_output=True, text=True, env=env, timeout=600)
    assert json.loads(again.stdout)["chunks"] == 0  # nothing half-written, nothing redone
    stats = json.loads(subprocess.run([str(rag), "stats", "--json"], capture_output=True, text=True, env=env, timeout=120).stdout)
    assert stats["articles"] == report["added"]
