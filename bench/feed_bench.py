"""Feed ingest from a local server: 200 items, then the same feed again.

Serves the first N articles of realtimeqa-2023 as article pages (built in memory
from the corpus, read by path) and an RSS 2.0 feed of them on 127.0.0.1, then
runs ``rag ingest FEED_URL`` into a fresh index twice and prints the time and
the requests each run made. The second run should cost one request: the feed's
304 Not Modified.

    .venv/bin/python bench/feed_bench.py [N]
"""

from __future__ import annotations

import html
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import first_articles  # noqa: E402


def pages(docs: list[dict]) -> dict[str, bytes]:
    out = {}
    for i, d in enumerate(docs):
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in d["text"].split("\n") if p.strip())
        day = (d.get("published") or "2023-01-01").replace("/", "-")
        out[f"/a/{i}.html"] = (
            f'<!doctype html><html><head><title>{html.escape(d["title"])}</title><meta property="article:published_time" content="{day}">'
            f"</head><body><article><h1>{html.escape(d['title'])}</h1>{paras}</article></body></html>"
        ).encode()
    return out


def feed(base: str, docs: list[dict]) -> bytes:
    items = []
    for i, d in enumerate(docs):
        day = datetime.fromisoformat((d.get("published") or "2023-01-01").replace("/", "-")).replace(tzinfo=UTC)
        items.append(f"<item><title>{html.escape(d['title'])}</title><link>{base}/a/{i}.html</link><guid>bench-{i}</guid>"
                     f"<pubDate>{format_datetime(day)}</pubDate></item>")  # fmt: skip
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench wire</title><link>{base}/</link>{"".join(items)}</channel></rss>'.encode()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    docs = first_articles(n)
    routes: dict[str, bytes] = pages(docs)
    log: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            log.append(self.path)
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                body, kind = routes["/feed.xml"], "application/rss+xml"
            elif self.path in routes:
                body, kind = routes[self.path], "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_port}"
    routes["/feed.xml"] = feed(base, docs)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    import rag
    from rag.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index=Path(tmp) / "index")
        for run in ("first", "second"):
            log.clear()
            t0 = time.perf_counter()
            report = rag.ingest([f"{base}/feed.xml"], settings=settings)
            seconds = time.perf_counter() - t0
            print(f"{run} run: {seconds:.1f} s, {len(log)} requests; added {report.added}, known {report.known}, "
                  f"not modified {report.not_modified}, failed {report.failed}, {report.chunks} chunks embedded")  # fmt: skip
    server.shutdown()


if __name__ == "__main__":
    main()
