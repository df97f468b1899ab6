"""A tiny OpenAI-compatible HTTP server on 127.0.0.1 that misbehaves on purpose.

Modes (``server.mode``): ok, error500, flaky503 (503 twice, then ok), badjson,
badstream (an SSE line that is not JSON), cutstream (two tokens, then the
connection drops), hang (never answers), echo_auth (a 401 whose body repeats the
Authorization header, to prove keys are redacted from messages).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _chunk(text: str, finish: str | None = None) -> bytes:
    body = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
            "choices": [{"index": 0, "delta": {"content": text} if text else {}, "finish_reason": finish}]}  # fmt: skip
    return f"data: {json.dumps(body)}\n\n".encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # noqa: N802
        srv = self.server
        length = int(self.headers.get("Content-Length") or 0)
        request = json.loads(self.rfile.read(length) or b"{}")
        srv.requests += 1
        mode = srv.mode
        if mode == "flaky503":
            mode = "error503" if srv.requests <= 2 else "ok"
        if mode in ("error500", "error503"):
            return self._send(int(mode[-3:]), b'{"error": {"message": "internal trouble", "type": "server_error"}}')
        if mode == "echo_auth":
            msg = f"bad key {self.headers.get('Authorization')}"
            return self._send(401, json.dumps({"error": {"message": msg, "type": "invalid_request_error"}}).encode())
        if mode == "hang":
            time.sleep(srv.hang_s)
            return
        if mode == "badjson":
            return self._send(200, b"{this is not json")
        if not request.get("stream"):
            body = {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": srv.answer}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}  # fmt: skip
            return self._send(200, json.dumps(body).encode())
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        words = srv.answer.split(" ")
        if mode == "badstream":
            self.wfile.write(_chunk(words[0] + " ") + b"data: {not json at all\n\n")
            self.wfile.flush()
            return
        if mode == "cutstream":
            self.wfile.write(_chunk(words[0] + " ") + _chunk(words[1] + " "))
            self.wfile.flush()
            self.connection.shutdown(2)  # drop mid-answer: no [DONE]
            return
        for i, w in enumerate(words):
            self.wfile.write(_chunk(w + ("" if i == len(words) - 1 else " ")))
        self.wfile.write(_chunk("", "stop") + b"data: [DONE]\n\n")
        self.wfile.flush()


class MisbehavingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, mode: str = "ok", answer: str = "Alibaba will invest $50 billion [1]."):
        super().__init__(("127.0.0.1", 0), Handler)
        self.mode, self.answer, self.requests, self.hang_s = mode, answer, 0, 30.0
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
