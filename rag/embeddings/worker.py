"""An embedder in a child process, so embedding runs while this process writes to Chroma.

Why a process and not a thread: chromadb's native calls hold Python's GIL until they
return (measured: Python in another thread ran at 7-13% of its speed during an
``add``), so an embedding thread stalls whenever a write is in flight. In a child
process the embedding never waits for the writes; only their CPU is shared.
Measured on a real 500-article ingest (2 cores), newsrag time / embedding floor:
1.09x with the worker, 1.17x with a writer thread alone (README, "Ingest runs three stages at once").

``EmbedWorker(config).submit(texts)`` queues a request; ``take()`` returns the vectors
of the oldest request not yet taken. Requests are embedded one at a time, in order,
each with the same ``embed()`` call the parent would make, so the vectors are the
same. The child is ``python -m rag.embeddings.worker`` (not multiprocessing: that
re-imports the caller's ``__main__``), reading length-prefixed JSON on stdin and
writing vectors on stdout. It ignores Ctrl-C (the parent handles it) and exits when
its stdin closes, so it never outlives the parent.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_HEAD = struct.Struct(">cI")  # kind (b"V" vectors, b"E" error), then rows or message length
_LEN = struct.Struct(">I")


class WorkerFailed(RuntimeError):
    """The worker process died or could not embed; the caller may embed in-process instead."""


class EmbedWorker:
    def __init__(self, config: dict, dim: int):
        self.dim = dim
        self.pending = 0
        self._stderr = tempfile.TemporaryFile()
        package_root = str(Path(__file__).resolve().parents[2])  # so `-m rag...` imports this very rag
        env = {**os.environ, "ORT_DISABLE_TELEMETRY": "1", "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "rag.embeddings.worker", json.dumps(config)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=env,
            )  # fmt: skip
        except OSError as err:
            self._stderr.close()
            raise WorkerFailed(f"could not start the embedding worker ({err})") from None

    def submit(self, texts: Sequence[str]) -> None:
        data = json.dumps(list(texts)).encode()
        try:
            self._proc.stdin.write(_LEN.pack(len(data)) + data)
            self._proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            raise self._failure("exited") from None
        self.pending += 1

    def take(self) -> np.ndarray:
        """Vectors of the oldest request not yet taken; blocks until they are ready."""
        if not self.pending:
            raise ValueError("take() without a request in flight")
        kind, n = _HEAD.unpack(self._read(_HEAD.size))
        self.pending -= 1
        if kind == b"E":
            raise WorkerFailed(self._read(n).decode(errors="replace"))
        return np.frombuffer(self._read(n * self.dim * 4), dtype=np.float32).reshape(n, self.dim).copy()

    def _read(self, size: int) -> bytes:
        chunks, left = [], size
        while left:
            got = self._proc.stdout.read(left)
            if not got:
                raise self._failure("exited")
            chunks.append(got)
            left -= len(got)
        return b"".join(chunks)

    def _failure(self, what: str) -> WorkerFailed:
        try:
            code = self._proc.wait(timeout=2)  # its output ended: it is exiting; wait so its stderr is complete
        except subprocess.TimeoutExpired:
            code = None
        self._stderr.seek(0)
        lines = self._stderr.read().decode(errors="replace").strip().splitlines()
        last = lines[-1] if lines else "no message"
        return WorkerFailed(f"the embedding worker {what} (exit code {code}): {last}")

    def close(self) -> None:
        """Stop the child: at once if requests are still in flight, else after it reads end of input."""
        proc = self._proc
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=5 if not self.pending else 0.01)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        self._stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def main() -> None:
    import queue
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it closes our stdin
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else printed (by us or a native library) goes to stderr, not into the frames
    sys.stdout = sys.stderr
    inp = sys.stdin.buffer

    def send(kind: bytes, n: int, payload: bytes) -> None:
        out.write(_HEAD.pack(kind, n) + payload)
        out.flush()

    requests: queue.Queue = queue.Queue()

    def reader() -> None:  # a thread, so reading requests never waits for a write of vectors
        while True:
            head = inp.read(_LEN.size)
            if len(head) < _LEN.size:
                requests.put(None)
                return
            requests.put(json.loads(inp.read(_LEN.unpack(head)[0])))

    from .minilm import MiniLMEmbedder

    embedder = MiniLMEmbedder(**json.loads(sys.argv[1]))
    threading.Thread(target=reader, daemon=True).start()
    try:
        while (texts := requests.get()) is not None:
            try:
                vectors = np.ascontiguousarray(embedder.embed(texts), dtype=np.float32)
            except Exception as err:  # reported to the parent, which embeds in-process instead
                message = f"{type(err).__name__}: {err}".encode()
                send(b"E", len(message), message)
                continue
            send(b"V", len(vectors), vectors.tobytes())
    except BrokenPipeError:  # the parent is gone
        pass


if __name__ == "__main__":
    main()
