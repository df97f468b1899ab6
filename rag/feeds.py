"""Follow news feeds: RSS 0.9x/1.0/2.0 and Atom (feedparser), and OPML lists of feeds.

``rag ingest FEED_URL`` reads the feed, ingests each item's linked article
through the HTML path (trafilatura), and from then on the index *follows* the
feed: its record (URL, title, ETag, Last-Modified, the items seen) is kept in
a Chroma collection beside the articles, so a team's Chroma server shares it.
``rag ingest --feeds`` reads every followed feed again:

- the feed itself is a conditional GET: an unchanged feed is one 304;
- an item already ingested (same guid, or same canonical URL) is not fetched
  again unless the feed marks it updated; a changed article replaces its chunks;
- a page without a title, date, author or text takes the feed's (the item's
  summary stands in for text that cannot be extracted).

Faults are one line each and lose nothing: a feed that is down or malformed
keeps its state and its articles; an item that fails (404, 500, a PDF, over the
size cap) is skipped, and a failed fetch is retried next time.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlparse, urlunparse

from .errors import LoadError
from .fetch import Fetched, Limits, fetch, fetch_all
from .models import Article

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml", "text/x-opml")
HTML_TYPES = ("text/html", "application/xhtml+xml", "")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)


@dataclass(frozen=True)
class Item:
    """One entry of a feed, as the feed describes it."""

    guid: str
    link: str
    title: str = ""
    published: date | None = None
    updated: str = ""  # the feed's own stamp; a new one means the article changed
    author: str = ""
    summary: str = ""  # plain text


@dataclass(frozen=True)
class Feed:
    url: str
    title: str
    kind: str  # feedparser's version: rss20, rss10, rss091u, atom10, ...
    items: tuple[Item, ...] = ()


@dataclass
class FeedState:
    """What the index remembers of a followed feed."""

    url: str
    title: str = ""
    etag: str = ""
    modified: str = ""
    checked: str = ""  # when it was last read (UTC, ISO)
    status: str = ""  # "ok", "not modified", or the last error
    items: dict[str, list[str]] = field(default_factory=dict)  # guid -> [doc_id, updated]

    @property
    def record_id(self) -> str:
        return feed_id(self.url)


def feed_id(url: str) -> str:
    return "f" + hashlib.sha1(url.encode()).hexdigest()[:15]


def canonical(url: str) -> str:
    """An article URL without its fragment and tracking parameters, so one story has one id.

    >>> canonical("https://news.example/a?id=7&utm_source=rss#top")
    'https://news.example/a?id=7'
    """
    url = url.strip()
    parts = urlparse(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not parts.fragment and not any(_TRACKING.match(k) for k, _ in pairs):
        return url  # as it is: re-encoding the query could change the id of an article ingested before
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)])
    return urlunparse(parts._replace(query=query, fragment=""))


def url_doc_id(url: str) -> str:
    """The doc_id of the article at ``url``: the same whether it came from a feed or from ``rag ingest URL``."""
    return "u" + hashlib.sha1(canonical(url).encode()).hexdigest()[:15]


def sniff(got: Fetched) -> str:
    """``"feed"``, ``"opml"`` or ``"html"``: by the start of the body, then the declared type."""
    head = got.body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith((b"<!--", b"<?xml-stylesheet")):
            head = head[head.find(b">") + 1 :].lstrip()
    if head.startswith(b"<opml"):
        return "opml"
    if head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")):
        return "feed"
    if got.content_type in FEED_TYPES and not head.startswith((b"<!doctype html", b"<html")):
        return "feed"
    return "html"


def _plain(text: str) -> str:
    """Feed HTML (summaries) -> plain text."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text or ""))).strip()


def _day(parsed) -> date | None:
    return date(*parsed[:3]) if parsed else None


def parse_feed(body: bytes, url: str) -> Feed:
    """RSS or Atom bytes -> a :class:`Feed`; malformed XML is a LoadError (nothing half-read is used)."""
    import xml.sax

    import feedparser

    doc = feedparser.parse(body, response_headers={"content-location": url})  # relative links resolve against the feed
    if doc.get("bozo") and isinstance(doc.get("bozo_exception"), xml.sax.SAXException):
        err = doc["bozo_exception"]
        where = f"line {err.getLineNumber()}: " if hasattr(err, "getLineNumber") else ""
        raise LoadError(url, f"the feed is not well-formed XML ({where}{err.getMessage() if hasattr(err, 'getMessage') else err}); "
                        "nothing from it was ingested this time, what it gave before stays")  # fmt: skip
    if not doc.get("version") and not doc.entries:
        raise LoadError(url, "not an RSS or Atom feed, and not an article page either")
    items = []
    for e in doc.entries:
        link = e.get("link") or ""
        if not link and e.get("links"):
            link = e["links"][0].get("href", "")
        if e.get("guidislink") and not urlparse(str(e.get("id") or "")).scheme:
            link = ""  # feedparser's stand-in for a missing <link>: a bare guid ("g13") names no page
        link = urljoin(url, link) if link else ""  # a relative link feedparser left as it was
        guid = str(e.get("id") or link or "").strip()
        if not guid or not link or urlparse(link).scheme not in ("http", "https"):
            continue  # an item with no link (feedparser may offer its guid) has no article to ingest
        items.append(
            Item(
                guid=guid,
                link=link,
                title=_plain(e.get("title", "")),
                published=_day(e.get("published_parsed") or e.get("updated_parsed")),
                updated=str(e.get("updated") or e.get("published") or ""),
                author=_plain(e.get("author", "")),
                summary=_plain(e.get("summary", "")),
            )
        )
    return Feed(url, _plain(doc.feed.get("title", "")) or urlparse(url).netloc, str(doc.get("version") or ""), tuple(items))


def parse_opml(body: bytes, where: str) -> list[str]:
    """An OPML subscription list -> its feed URLs (``xmlUrl`` of every outline, nested ones too), in order."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)
    except ET.ParseError as err:
        raise LoadError(where, f"the OPML file is not well-formed XML ({err}); fix it and ingest again") from None
    urls = [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl", "").strip()]
    if not urls:
        raise LoadError(where, "the OPML file lists no feeds (no outline with an xmlUrl)")
    return list(dict.fromkeys(urls))


# --- the followed feeds, kept in Chroma ---------------------------------------------


def load_states(store) -> dict[str, FeedState]:
    got = store.feeds.get(include=["metadatas", "documents"])
    out = {}
    for meta, doc in zip(got["metadatas"], got["documents"], strict=True):
        state = FeedState(**{k: meta.get(k, "") for k in ("url", "title", "etag", "modified", "checked", "status")})
        state.items = json.loads(doc or "{}")
        out[state.url] = state
    return out


def save_states(store, states: list[FeedState]) -> None:
    if not states:
        return
    store.feeds.upsert(
        ids=[s.record_id for s in states],
        embeddings=[[1.0]] * len(states),  # Chroma wants a vector; feeds are found by id, never by similarity
        metadatas=[{"url": s.url, "title": s.title, "etag": s.etag, "modified": s.modified, "checked": s.checked,
                    "status": s.status, "count": len(s.items)} for s in states],  # fmt: skip
        documents=[json.dumps(s.items, sort_keys=True) for s in states],
    )


@dataclass(frozen=True)
class Followed:
    """A feed the index follows, as ``rag feeds`` lists it."""

    url: str
    title: str
    items: int  # items seen in it
    checked: str  # when it was last read (UTC)
    status: str  # "ok", "not modified" or the last error


def followed(store) -> list[Followed]:
    states = load_states(store) if store.feed_count() else {}
    return [Followed(s.url, s.title, len(s.items), s.checked, s.status) for s in sorted(states.values(), key=lambda s: s.url)]


def unfollow(store, url: str) -> bool:
    """Stop following ``url``; its articles stay. False when the index did not follow it."""
    if not store.feed_count() or not store.feeds.get(ids=[feed_id(url)])["ids"]:
        return False
    store.feeds.delete(ids=[feed_id(url)])
    return True


# --- reading feeds during an ingest --------------------------------------------------


class FeedReader:
    """Turns feed URLs into articles for one ingest; ``commit()`` saves what was read once it is stored.

    Item states are saved only after the ingest wrote their articles, so a run
    killed halfway fetches those items again next time (and embeds nothing new).
    """

    def __init__(self, store, manifest: dict[str, dict], limits: Limits, stats):
        self.store, self.limits, self.stats = store, limits, stats  # stats: the IngestReport (feeds, not_modified, known)
        self.states = load_states(store) if store.feed_count() else {}
        # Only articles stored in full (a record with no hash is one a killed ingest left: it is redone).
        self.stored = {d for d, m in manifest.items() if m.get("hash")}
        self.urls = {canonical(m["url"]): d for d, m in manifest.items() if m.get("url") and d in self.stored}
        self.pending: dict[str, FeedState] = {}
        self.yielded: set[str] = set()  # doc_ids given out this run: one story in two feeds is ingested once

    def followed(self) -> list[str]:
        return sorted(self.states)

    def read(self, url: str, *, nested: bool = False) -> Iterator[Article | LoadError]:
        """What ``url`` holds: a feed's new or changed articles, an OPML list's feeds, or one article page."""
        from .loaders import page_article

        state = self.states.get(url)
        try:
            got = fetch(url, self.limits, etag=state.etag if state else "", modified=state.modified if state else "")
            kind = sniff(got) if got.status != 304 else "feed"
            if kind == "html":
                if state:
                    raise LoadError(url, "no longer serves a feed (it returned a web page); `rag feeds --unfollow URL` stops following it")
                yield page_article(got.text(), url, url=got.url)
                return
            if kind == "opml":
                if nested:
                    raise LoadError(url, "an OPML list inside an OPML list is not followed; list its feeds directly")
                for feed_url in parse_opml(got.body, url):
                    yield from self.read(feed_url, nested=True)
                return
            self.stats.feeds += 1
            if got.status == 304:
                self.stats.not_modified += 1
                self._note(replace(state, checked=_now(), status="not modified"))
                return
            feed = parse_feed(got.body, url)
        except LoadError as err:
            if state:
                self._note(replace(state, checked=_now(), status=err.reason))
            yield err
            return
        state = state or FeedState(url)
        new = FeedState(url, feed.title, got.headers.get("etag", ""), got.headers.get("last-modified", ""), _now(), "ok", dict(state.items))
        todo = []
        for item in feed.items:
            seen = state.items.get(item.guid)
            doc_id = self.urls.get(canonical(item.link)) or url_doc_id(item.link)
            if seen and seen[1] == item.updated or (not seen and doc_id in self.stored) or doc_id in self.yielded:
                self.stats.known += 1
                new.items.setdefault(item.guid, [doc_id, item.updated])
                continue
            todo.append(item)
        by_link = {item.link: item for item in todo}
        failed = 0
        for link, result in fetch_all(by_link, self.limits):
            item = by_link[link]
            if isinstance(result, LoadError):
                # Not remembered: tried again next time, and the feed is then read in full (no ETag), or an
                # unchanged feed's 304 would never give the item another try.
                failed += 1
                new = replace(new, etag="", modified="", status=f"{failed} item(s) failed, retried next time: {result.reason}")
                yield result
                continue
            try:
                art = item_article(item, result, feed)
            except LoadError as err:
                new.items[item.guid] = ["", item.updated]  # a PDF stays a PDF: not fetched again unless updated
                yield err
                continue
            new.items[item.guid] = [art.doc_id, item.updated]
            if art.doc_id not in self.yielded:
                self.yielded.add(art.doc_id)
                yield art
        self._note(new)

    def _note(self, state: FeedState) -> None:
        self.pending[state.url] = state

    def commit(self) -> None:
        save_states(self.store, list(self.pending.values()))
        self.states.update(self.pending)
        self.pending = {}


def item_article(item: Item, got: Fetched, feed: Feed) -> Article:
    """The article an item links to, with the feed's title, date, author and source where the page has none."""
    from .loaders import page_article

    if got.content_type not in HTML_TYPES:
        kind = "a PDF" if got.content_type == "application/pdf" else "an image" if got.content_type.startswith("image/") else got.content_type
        raise LoadError(item.link, f"the item links to {kind} ({got.content_type}), not a web page; skipped")
    fallback = {"title": item.title, "published": item.published, "author": item.author, "source": feed.title}
    try:
        art = page_article(got.text(), item.link, fallback=fallback, url=got.url)
    except LoadError:
        if len(item.summary.split()) < 5:
            raise LoadError(item.link, "no article text on the page and no summary in the feed; skipped") from None
        art = Article(
            doc_id=url_doc_id(item.link), title=item.title or item.link, text=item.summary, published=item.published,
            source=feed.title, url=canonical(item.link), origin=item.link, author=item.author,
        )  # fmt: skip
    return art


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()

