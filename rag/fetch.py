"""Polite, bounded HTTP GETs for article pages and feeds.

Every request: newsrag's user agent, a timeout, a cap on the bytes read, a
limit on redirects, http(s) only (the first URL and every redirect). A few run at
once (``fetch_all``), never more. Every failure is one :class:`LoadError` whose
line says what happened and what to do; nothing here raises anything else.

>>> check_scheme("file:///etc/passwd")
Traceback (most recent call last):
rag.errors.LoadError: file:///etc/passwd: only http:// and https:// URLs can be fetched
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .errors import LoadError

USER_AGENT = "newsrag/0.1 (+https://github.com/newsrag; feed and article reader)"


@dataclass(frozen=True)
class Limits:
    """How far one request may go; from the settings (``fetch_*``)."""

    timeout: float = 20.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    workers: int = 4


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: ``body`` is empty)
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    @property
    def content_type(self) -> str:
        """``text/html; charset=utf-8`` -> ``text/html``."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return "utf-8"

    def text(self) -> str:
        try:
            return self.body.decode(self.charset, errors="replace")
        except LookupError:  # a charset Python does not know
            return self.body.decode("utf-8", errors="replace")


def check_scheme(url: str) -> None:
    """An http(s) URL that parses, or a LoadError that says so (a bad port or host is not a traceback).

    >>> check_scheme("http://[::1")
    Traceback (most recent call last):
    rag.errors.LoadError: http://[::1: not a valid URL (Invalid IPv6 URL); check it
    """
    import httpx

    try:
        parsed = urlparse(url)
        parsed.port  # noqa: B018 - parsing the port is the check ("http://host:abc/")
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as err:
        raise LoadError(url, f"not a valid URL ({err}); check it") from None
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise LoadError(url, "only http:// and https:// URLs can be fetched")


def fetch(url: str, limits: Limits = Limits(), *, etag: str = "", modified: str = "", client=None) -> Fetched:
    """GET ``url``. ``etag`` / ``modified`` make it conditional: an unchanged resource is a 304 with no body."""
    import httpx

    check_scheme(url)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    own = client is None
    client = client or httpx.Client(follow_redirects=True, max_redirects=limits.max_redirects, timeout=limits.timeout)
    try:
        with client.stream("GET", url, headers=headers) as resp:
            final = str(resp.url)
            if resp.url.scheme not in ("http", "https"):
                raise LoadError(url, f"redirected to {final}, which is not http(s); not followed")
            if resp.status_code == 304:
                return Fetched(final, 304, b"", _headers(resp))
            if resp.status_code >= 400:
                hint = "check the URL" if resp.status_code < 500 else "the server failed; try again later"
                raise LoadError(url, f"HTTP {resp.status_code} {resp.reason_phrase}; {hint}")
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limits.max_bytes:
                raise LoadError(url, f"response of {int(declared):,} bytes is over the {limits.max_bytes:,}-byte cap (RAG_FETCH_MAX_BYTES); not read")
            body = bytearray()
            for piece in resp.iter_bytes():
                body += piece
                if len(body) > limits.max_bytes:
                    raise LoadError(url, f"response is over the {limits.max_bytes:,}-byte cap (RAG_FETCH_MAX_BYTES); stopped reading")
            return Fetched(final, resp.status_code, bytes(body), _headers(resp))
    except httpx.TooManyRedirects:
        raise LoadError(url, f"more than {limits.max_redirects} redirects (a redirect loop?); check the URL") from None
    except httpx.TimeoutException:
        raise LoadError(url, f"no answer within {limits.timeout:g} s; the site is slow or down, try again later") from None
    except httpx.UnsupportedProtocol:
        raise LoadError(url, "redirected to a URL that is not http(s); not followed") from None
    except (httpx.HTTPError, OSError, ValueError) as err:
        reason = str(err).strip() or type(err).__name__
        raise LoadError(url, f"unreachable ({reason}); check the URL and your network") from None
    finally:
        if own:
            client.close()


def _headers(resp) -> dict[str, str]:
    return {k.lower(): v for k, v in resp.headers.items()}


def fetch_all(urls: Iterable[str], limits: Limits = Limits(), work: Callable[[Fetched], object] | None = None) -> Iterator[tuple[str, object]]:
    """``(url, result)`` for each URL, in order, with at most ``limits.workers`` requests in flight.

    ``result`` is ``work(fetched)`` (or the :class:`Fetched`), or the :class:`LoadError` that stopped it.
    """
    import httpx

    urls = list(urls)
    if not urls:
        return
    client = httpx.Client(
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        timeout=limits.timeout,
        limits=httpx.Limits(max_connections=limits.workers, max_keepalive_connections=limits.workers),
    )

    def one(url: str):
        try:
            got = fetch(url, limits, client=client)
            return work(got) if work else got
        except LoadError as err:
            return err

    try:
        with ThreadPoolExecutor(limits.workers, thread_name_prefix="newsrag-fetch") as pool:
            yield from zip(urls, pool.map(one, urls))
    finally:
        client.close()
