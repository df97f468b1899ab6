"""`rag serve`: one warm process that `rag ask`, `rag summarize` and `rag verify` use when it runs.

A cold `rag ask` pays, before its answer, for imports, opening the index and the
embedder, loading the GGUF model (~1 GB) and reading the answer prompt's fixed
instructions. ``rag serve`` does all of that once and then answers over a Unix
socket; the CLI looks for a server started with the same settings (index or
Chroma server, embedder, model and every other setting, hashed into the socket's
name), streams its answer from there and prints what it would have printed
itself. Without one, or with ``RAG_USE_SERVER=0``, it answers in process as before.

The socket lives in ``$XDG_RUNTIME_DIR`` (else the cache folder), mode 0600:
only its owner can ask. One request is one JSON line; the reply is JSON lines:
``{"text": ...}`` as the model writes, then ``{"result": ..., "rendered": ...}``,
or ``{"error": ...}`` (a RagError's one line). Requests are served one at a time
by the model (it has one context); a client that goes away stops its answer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import socketserver
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import RagError
from .settings import Settings

log = logging.getLogger(__name__)

# Settings that do not change an answer, so a server started without them serves a client with them.
_NOT_KEYED = {"use_server", "debug"}
OPS = ("ask", "summarize", "verify", "ping")


def address(settings: Settings) -> Path:
    """The socket of a server for exactly these settings (index resolved to an absolute path)."""
    key = settings.model_dump(mode="json", exclude=_NOT_KEYED)
    if not settings.chroma_url:
        key["index"] = str(Path(settings.index).resolve())
    digest = hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()[:16]
    folder = Path(os.environ.get("XDG_RUNTIME_DIR") or settings.cache_dir) / "newsrag-serve"
    path = folder / f"{digest}.sock"
    if len(str(path)) > 100:  # AF_UNIX paths stop at 107 bytes
        path = Path(tempfile.gettempdir()) / f"newsrag-{os.getuid()}" / f"{digest}.sock"
    return path


@dataclass
class Served:
    """An answer or a summary as the server sent it: its JSON and its text as the CLI prints it."""

    data: dict
    rendered: str

    def to_dict(self) -> dict:
        return self.data


def _connect(path: Path, timeout: float = 2.0) -> socket.socket | None:
    if not path.exists():
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except OSError as err:  # a server that died left its socket behind
        log.debug("no server at %s: %s", path, err)
        sock.close()
        return None
    sock.settimeout(None)
    return sock


def request(settings: Settings, op: str, args: dict) -> Iterator[str | Served] | None:
    """Stream ``op`` from a running server for these settings; None when there is none (answer in process).

    Yields text pieces, then a :class:`Served`; a server-side error is raised here as a RagError.
    """
    if not settings.use_server:
        return None
    sock = _connect(address(settings))
    if sock is None:
        return None
    sock.sendall((json.dumps({"op": op, "args": args}) + "\n").encode())
    return _replies(sock)


def _replies(sock: socket.socket) -> Iterator[str | Served]:
    with sock, sock.makefile("r", encoding="utf-8") as lines:
        for line in lines:
            reply = json.loads(line)
            if "text" in reply:
                yield reply["text"]
            elif "error" in reply:
                raise RagError(reply["error"])
            else:
                yield Served(reply["result"], reply["rendered"])
                return
    raise RagError("rag serve stopped before the answer was complete; retry (or stop the server: it answers in process then)")


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        from . import api, factcheck
        from .errors import one_line
        from .render import render_answer, render_summary

        def send(obj: dict) -> None:
            self.wfile.write((json.dumps(obj, ensure_ascii=False) + "\n").encode())
            self.wfile.flush()

        try:
            req = json.loads(self.rfile.readline() or "{}")
            op, args = req.get("op"), req.get("args") or {}
            if op not in OPS:
                send({"error": f"rag serve: unknown request {op!r}; upgrade the client or the server"})
                return
            if op == "ping":
                send({"result": {"pid": os.getpid()}, "rendered": ""})
                return
            settings = self.server.settings  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            if op == "verify":  # no stream: one verdict per sentence, each a search and at most two yes/no questions
                verdicts = api.verify_all(**args, settings=settings)
                send({"result": {"verdicts": [v.to_dict() for v in verdicts]}, "rendered": factcheck.render(verdicts)})
                print(f"verify {args.get('text')!r}: {time.perf_counter() - t0:.1f} s", flush=True)
                return
            stream = api.ask_stream(**args, settings=settings) if op == "ask" else api.summarize_stream(**args, settings=settings)
            for item in stream:
                if isinstance(item, str):
                    send({"text": item})
                else:
                    rendered = render_answer(item) if op == "ask" else render_summary(item)
                    send({"result": item.to_dict(), "rendered": rendered})
            what = args.get("question") or args.get("topic") or args.get("doc_id")
            print(f"{op} {what!r}: {time.perf_counter() - t0:.1f} s", flush=True)
        except (BrokenPipeError, ConnectionResetError):
            log.debug("the client went away; its answer stopped")
        except RagError as err:
            send({"error": one_line(err)})
        except Exception as err:  # noqa: BLE001 - one request failing must not end the server
            log.exception("request failed")
            send({"error": f"rag serve failed on this request: {one_line(err)}"})


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def warm(settings: Settings) -> None:
    """Open the index and the embedder, load the model and evaluate the fixed part of the answer prompt and of
    rag verify's yes/no question."""
    from .context import open_context
    from .models import REFUSAL
    from .prompts import load

    ctx = open_context(settings)
    ctx.store.counts()
    ctx.embedder.embed(["warm"])
    if hasattr(ctx.llm, "model_path"):  # a local model: its fixed prefix is then cached (rag.llm.local.PrefixStates)
        messages = load("answer").messages(today="2000-01-01", refusal=REFUSAL, passages="", question="?")
        ctx.llm.invoke(messages, max_tokens=1)
        if settings.verify_entailment:
            ctx.llm.invoke(load("entail").messages(claim="?", source="?", quote="?"), max_tokens=1)


def serve(settings: Settings, *, ready=None) -> None:
    """Answer CLI requests for ``settings`` until interrupted; the socket is removed on the way out."""
    path = address(settings)
    if _connect(path) is not None:
        raise RagError(f"a rag serve for this index and these settings is already running ({path}); stop it first")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.unlink(missing_ok=True)
    warm(settings)
    old = os.umask(0o177)  # the socket: owner only
    try:
        server = _Server(str(path), _Handler)
    finally:
        os.umask(old)
    server.settings = settings  # type: ignore[attr-defined]
    try:
        if ready:
            ready(path)
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()
        path.unlink(missing_ok=True)


def main(settings: Settings) -> None:
    def ready(path: Path) -> None:
        where = settings.chroma_url or Path(settings.index).resolve()
        print(f"rag serve: {where} is open and the model warm; rag ask, summarize and verify with these settings use it.", flush=True)
        print(f"socket {path}; Ctrl-C stops.", flush=True)

    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill` cleans up as Ctrl-C does
    try:
        serve(settings, ready=ready)
    except KeyboardInterrupt:
        print("rag serve: stopped.", file=sys.stderr)
