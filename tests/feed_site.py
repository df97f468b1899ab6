"""A real HTTP server on 127.0.0.1 for the feed tests: routes set per test, every request logged.

Routes are ``path -> (status, headers, body)``; a route with an ``ETag`` or
``Last-Modified`` header answers a matching conditional GET with 304, as a
feed server does.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def page(title: str, paragraphs: list[str], *, published: str = "", author: str = "", site: str = "") -> bytes:
    """An article page as news sites write them: metadata in <head>, the story in <article>."""
    meta = ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if author:
        meta += f'<meta name="author" content="{author}">'
    if site:
        meta += f'<meta property="og:site_name" content="{site}">'
    head = f"<title>{title}</title>" if title else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    heading = f"<h1>{title}</h1>" if title else ""
    return f"<!doctype html><html><head>{head}{meta}</head><body><nav>Home News Sport</nav><article>{heading}{body}</article></body></html>".encode()


def rss(title: str, items: list[dict]) -> bytes:
    """RSS 2.0; each item: title, link, guid, pubDate, author?, description?."""
    out = []
    for it in items:
        extra = "".join(f"<{k}>{it[k]}</{k}>" for k in ("author", "description", "pubDate") if it.get(k))
        out.append(f"<item><title>{it['title']}</title><link>{it['link']}</link><guid>{it.get('guid', it['link'])}</guid>{extra}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>test</description>{''.join(out)}</channel></rss>").encode()  # fmt: skip


def atom(title: str, entries: list[dict]) -> bytes:
    out = "".join(
        f'<entry><title>{e["title"]}</title><link href="{e["link"]}"/><id>{e.get("id", e["link"])}</id>'
        f'<updated>{e.get("updated", "2025-03-05T08:00:00Z")}</updated><author><name>{e.get("author", "Staff")}</name></author></entry>'
        for e in entries
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"<id>urn:test:{title}</id><updated>2025-03-05T08:00:00Z</updated>{out}</feed>").encode()  # fmt: skip


def opml(urls: list[str]) -> bytes:
    outlines = "".join(f'<outline type="rss" text="f{i}" xmlUrl="{u}"/>' for i, u in enumerate(urls))
    return f'<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body><outline text="news">{outlines}</outline></body></opml>'.encode()


class Site:
    def __init__(self):
        self.routes: dict[str, tuple[int, dict, bytes]] = {}
        self.log: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                site.log.append(self.path)
                status, headers, body = site.routes.get(self.path, (404, {"Content-Type": "text/html"}, b"<html><body>not found</body></html>"))
                etag, modified = headers.get("ETag"), headers.get("Last-Modified")
                asked_etag, asked_since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
                # RFC 9110 13.2.2: If-None-Match, when sent, decides; If-Modified-Since only without it.
                same = (asked_etag == etag) if asked_etag else bool(modified and asked_since == modified)
                if status == 200 and same:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def html(self, path: str, body: bytes) -> None:
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, body)

    def feed(self, path: str, body: bytes, etag: str = '"v1"', kind: str = "application/rss+xml") -> None:
        self.routes[path] = (200, {"Content-Type": kind, "ETag": etag, "Last-Modified": "Wed, 05 Mar 2025 08:00:00 GMT"}, body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
