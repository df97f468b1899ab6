"""Feeds end to end: a real HTTP server on 127.0.0.1 serving RSS, Atom and OPML, their pages, and every fault.

Ingest runs for real (MiniLM, Chroma embedded and `chroma run`); only the web is local.
"""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from feed_site import Site, atom, opml, page, rss

from rag import api, feeds
from rag.cli import cli
from rag.errors import LoadError

BOTH_STORES = True

STORIES = {
    "/news/harbour.html": ("Harbour dredging to start in May", [
        "The port authority said on Tuesday that dredging of the inner harbour will start in May and last eleven weeks.",
        "Ships of up to 14 metres draught will be able to berth once the work is done, the authority's director told reporters.",
        "The project costs 38 million euros, most of it paid by the regional government.",
    ], "2025-03-04", "Ana Ruiz", "Coast Herald"),
    "/news/library.html": ("City library opens on Sundays", [
        "The central library will open on Sundays from next month after the council approved extra funding for staff.",
        "Visitor numbers rose by a fifth last year, and weekend demand for study rooms was highest, the librarian said.",
        "Opening hours on Sunday will run from ten in the morning until four in the afternoon.",
    ], "2025-03-03", "Li Wei", "Coast Herald"),
}


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def serve_stories(site: Site, stories=STORIES) -> list[dict]:
    items = []
    for path, (title, paras, published, author, source) in stories.items():
        site.html(path, page(title, paras, published=published, author=author, site=source))
        items.append({"title": title, "link": site.url(path), "guid": f"tag:{path}", "pubDate": "Tue, 04 Mar 2025 09:00:00 GMT"})
    return items


def ingest(paths, settings, store, embedder, **kw):
    return api.ingest(paths, settings=settings, store=store, embedder=embedder, **kw)


def test_rss_feed_is_ingested_followed_and_read_again_with_one_request(site, settings, store, embedder):
    site.feed("/rss.xml", rss("Coast Herald", serve_stories(site)))
    report = ingest([site.url("/rss.xml")], settings, store, embedder)
    assert (report.added, report.failed, report.feeds) == (2, 0, 1), report.errors
    harbour = store.article(feeds.url_doc_id(site.url("/news/harbour.html")))
    assert harbour.title == "Harbour dredging to start in May" and harbour.published == date(2025, 3, 4)
    assert harbour.author == "Ana Ruiz" and harbour.source == "Coast Herald" and "eleven weeks" in harbour.text
    (followed,) = api.list_feeds(settings=settings, store=store, embedder=embedder)
    assert (followed.url, followed.title, followed.items, followed.status) == (site.url("/rss.xml"), "Coast Herald", 2, "ok")
    if settings.chroma_url:  # a team's Chroma server: another client sees the same followed feeds
        from rag.store import Store, make_client

        other = Store(make_client(settings.index, settings.chroma_url), embedder.name, embedder.dim, prefix=settings.collection)
        assert [f.url for f in feeds.followed(other)] == [site.url("/rss.xml")]

    site.log.clear()
    again = ingest([], settings, store, embedder, feeds=True)
    assert site.log == ["/rss.xml"], "an unchanged feed costs one request: the 304"
    assert (again.added, again.updated, again.not_modified, again.failed) == (0, 0, 1, 0)
    hits = api.search("when does harbour dredging start", settings=settings, store=store, embedder=embedder)
    assert hits[0].title == "Harbour dredging to start in May"


def test_a_changed_feed_fetches_only_new_and_updated_items(site, settings, store, embedder):
    items = serve_stories(site)
    site.feed("/rss.xml", rss("Coast Herald", items))
    ingest([site.url("/rss.xml")], settings, store, embedder)
    chunks_before = store.counts()[1]

    title, paras, published, author, source = STORIES["/news/library.html"]
    site.html("/news/library.html", page(title, [*paras[:2], "Opening hours on Sunday will run from noon until six."], published=published, author=author, site=source))
    items[1] = {**items[1], "pubDate": "Wed, 05 Mar 2025 09:00:00 GMT"}  # the feed marks it updated
    site.html("/news/bridge.html", page("Old bridge closes for repairs", [
        "The old stone bridge closes to cars on Monday for repairs that the city expects to take three months.",
        "Pedestrians and cyclists can still cross on a temporary walkway beside the bridge, the city engineer said.",
    ], published="2025-03-05"))  # fmt: skip
    items.append({"title": "Old bridge closes for repairs", "link": site.url("/news/bridge.html"), "guid": "tag:bridge"})
    site.feed("/rss.xml", rss("Coast Herald", items), etag='"v2"')
    site.log.clear()

    report = ingest([], settings, store, embedder, feeds=True)
    assert sorted(site.log) == ["/news/bridge.html", "/news/library.html", "/rss.xml"], "the unchanged item is not fetched"
    assert (report.added, report.updated, report.known, report.failed) == (1, 1, 1, 0)
    library = store.chunks_of(feeds.url_doc_id(site.url("/news/library.html")))
    assert any("noon until six" in p.text for p in library) and not any("ten in the morning" in p.text for p in library)
    assert len({p.chunk_id for p in store.all_chunks()}) == store.counts()[1] >= chunks_before


def test_a_page_without_title_date_or_author_takes_the_feeds(site, settings, store, embedder):
    site.html("/bare.html", page("", [
        "Fishermen in the northern bay landed a record catch of sardines this week, the cooperative said on Friday.",
        "Prices at the morning auction fell by a third as buyers waited for the glut to pass, traders said.",
    ]))  # fmt: skip
    item = {"title": "Record sardine catch in the bay", "link": site.url("/bare.html"), "guid": "tag:bare",
            "pubDate": "Fri, 07 Mar 2025 06:00:00 GMT", "author": "desk@herald.test (Marta Gil)"}  # fmt: skip
    site.feed("/rss.xml", rss("Coast Herald", [item]))
    assert ingest([site.url("/rss.xml")], settings, store, embedder).added == 1
    art = store.article(feeds.url_doc_id(site.url("/bare.html")))
    assert (art.title, art.published, art.source) == ("Record sardine catch in the bay", date(2025, 3, 7), "Coast Herald")
    assert "Marta Gil" in art.author and "sardines" in art.text


def test_atom_rss1_and_rss091_parse(site):
    entries = [{"title": "A", "link": "http://x.test/a", "id": "urn:a", "author": "Jo Li", "updated": "2025-03-05T10:00:00Z"}]
    feed = feeds.parse_feed(atom("Atom Wire", entries), "http://x.test/atom")
    assert (feed.kind, feed.title, feed.items[0].guid, feed.items[0].author, feed.items[0].published) == (
        "atom10", "Atom Wire", "urn:a", "Jo Li", date(2025, 3, 5))
    rdf = (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
           b'<channel rdf:about="http://x.test/"><title>R</title><link>http://x.test/</link><description>d</description></channel>'
           b'<item rdf:about="http://x.test/c"><title>C</title><link>http://x.test/c</link></item></rdf:RDF>')  # fmt: skip
    assert feeds.parse_feed(rdf, "u").kind == "rss10" and feeds.parse_feed(rdf, "u").items[0].link == "http://x.test/c"
    old = b'<?xml version="1.0"?><rss version="0.91"><channel><title>O</title><link>http://x.test/</link><description>d</description><item><title>D</title><link>http://x.test/d</link></item></channel></rss>'
    assert feeds.parse_feed(old, "u").kind.startswith("rss09")


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://n.test/a?id=7&utm_source=rss&utm_medium=feed", "https://n.test/a?id=7"),
        ("https://n.test/a#comments", "https://n.test/a"),
        ("https://n.test/a?q=a%20b", "https://n.test/a?q=a%20b"),  # nothing to strip: left exactly as it was
    ],
)
def test_canonical_urls(url, expected):
    assert feeds.canonical(url) == expected


def test_atom_feed_and_opml_list_over_http_and_from_a_file(site, settings, store, embedder, tmp_path):
    items = serve_stories(site)
    site.feed("/rss.xml", rss("Coast Herald", items[:1]))
    site.feed("/atom.xml", atom("Valley Times", [{"title": "City library opens on Sundays", "link": items[1]["link"], "id": "urn:lib"}]),
              kind="application/atom+xml")  # fmt: skip
    site.routes["/subs.opml"] = (200, {"Content-Type": "text/x-opml"}, opml([site.url("/rss.xml"), site.url("/atom.xml")]))
    report = ingest([site.url("/subs.opml")], settings, store, embedder)
    assert (report.added, report.feeds, report.failed) == (2, 2, 0), report.errors
    assert {f.url for f in api.list_feeds(settings=settings, store=store, embedder=embedder)} == {site.url("/rss.xml"), site.url("/atom.xml")}

    local = tmp_path / "subs.opml"
    local.write_bytes(opml([site.url("/rss.xml"), site.url("/atom.xml")]))
    site.log.clear()
    again = ingest([local], settings, store, embedder)
    assert sorted(site.log) == ["/atom.xml", "/rss.xml"] and again.not_modified == 2 and again.failed == 0


def test_item_faults_are_one_line_each_and_lose_nothing(site, settings, store, embedder):
    items = serve_stories(site)
    site.routes["/gone.html"] = (404, {"Content-Type": "text/html"}, b"<html>gone</html>")
    site.routes["/broken.html"] = (500, {"Content-Type": "text/html"}, b"<html>oops</html>")
    site.routes["/report.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 ...")
    site.routes["/photo.jpg"] = (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff")
    site.routes["/loop"] = (302, {"Location": "/loop2"}, b"")
    site.routes["/loop2"] = (302, {"Location": "/loop"}, b"")
    site.html("/huge.html", page("Huge", ["word " * 6000]))
    site.html("/empty.html", b"<html><body><nav>Home</nav></body></html>")
    faulty = ["/gone.html", "/broken.html", "/report.pdf", "/photo.jpg", "/loop", "/huge.html", "/empty.html"]
    items += [{"title": f"Item {p}", "link": site.url(p), "guid": p} for p in faulty]
    items[-1]["description"] = "Ferry timetable changes: the morning ferry now leaves at 7:15 from the north pier."
    site.feed("/rss.xml", rss("Coast Herald", items))
    small = settings.model_copy(update={"fetch_max_bytes": 20_000})

    report = ingest([site.url("/rss.xml")], small, store, embedder)
    assert report.added == 3, report.errors  # two stories, and the page with no text from its feed summary
    assert report.failed == 6 and all("\n" not in e for e in report.errors)
    text = "\n".join(report.errors)
    for needle in ("HTTP 404", "HTTP 500", "a PDF (application/pdf)", "an image (image/jpeg)", "redirects (a redirect loop?)", "20,000-byte cap"):
        assert needle in text, (needle, text)
    ferry = store.article(feeds.url_doc_id(site.url("/empty.html")))
    assert "7:15" in ferry.text and ferry.title == "Item /empty.html" and ferry.source == "Coast Herald"

    site.feed("/rss.xml", rss("Coast Herald", items), etag='"v2"')
    site.log.clear()
    again = ingest([], small, store, embedder, feeds=True)
    retried = {"/gone.html", "/broken.html", "/loop", "/loop2", "/huge.html"}
    assert set(site.log) - {"/rss.xml"} == retried, "failed fetches are retried; the PDF and the image are not fetched again"
    assert again.added == 0 and again.failed == 4


def test_a_failed_item_is_retried_though_the_feed_is_unchanged_and_relative_links_resolve(site, settings, store, embedder):
    items = serve_stories(site)
    items[0] = {**items[0], "link": "/news/harbour.html"}  # relative to the feed's URL
    items.append({"title": "Late story", "link": site.url("/news/late.html"), "guid": "tag:late"})
    site.routes["/news/late.html"] = (404, {"Content-Type": "text/html"}, b"<html>not yet</html>")
    site.feed("/rss.xml", rss("Coast Herald", items))
    first = ingest([site.url("/rss.xml")], settings, store, embedder)
    assert (first.added, first.failed) == (2, 1) and "HTTP 404" in first.errors[0]
    (followed,) = api.list_feeds(settings=settings, store=store, embedder=embedder)
    assert followed.status.startswith("1 item(s) failed, retried next time: HTTP 404")
    site.html("/news/late.html", page("Late story", ["The late story is about the ferry timetable, which changes on Monday."]))
    again = ingest([], settings, store, embedder, feeds=True)  # the feed did not change: no 304 for it, the item is retried
    assert (again.added, again.failed) == (1, 0), again.errors
    assert api.list_feeds(settings=settings, store=store, embedder=embedder)[0].status == "ok"
    site.log.clear()
    assert ingest([], settings, store, embedder, feeds=True).not_modified == 1 and site.log == ["/rss.xml"]


def test_feed_faults_keep_the_state_and_the_articles(site, settings, store, embedder):
    site.feed("/rss.xml", rss("Coast Herald", serve_stories(site)))
    ingest([site.url("/rss.xml")], settings, store, embedder)
    before = store.counts()

    site.feed("/rss.xml", b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title><item><title>A</item></channel>", etag='"bad"')
    report = ingest([], settings, store, embedder, feeds=True)
    assert report.failed == 1 and "not well-formed XML" in report.errors[0] and store.counts() == before
    (state,) = api.list_feeds(settings=settings, store=store, embedder=embedder)
    assert "not well-formed" in state.status and state.items == 2

    site.close()  # the feed's server is down
    down = ingest([], settings, store, embedder, feeds=True)
    assert down.failed == 1 and "unreachable" in down.errors[0] and store.counts() == before


def test_only_http_urls_are_fetched():
    with pytest.raises(LoadError, match="only http:// and https://"):
        feeds.fetch("ftp://example.org/feed.xml")


def test_cli_feeds_lists_unfollows_and_explains(site, settings, store, embedder, monkeypatch):
    if settings.chroma_url:
        pytest.skip("the CLI reads its settings from the environment: covered on the embedded index")
    monkeypatch.setenv("RAG_INDEX", str(settings.index))
    runner = CliRunner()
    empty = runner.invoke(cli, ["ingest", "--feeds"])
    assert empty.exit_code == 1 and "follows no feeds yet" in empty.output

    site.feed("/rss.xml", rss("Coast Herald", serve_stories(site)))
    first = runner.invoke(cli, ["ingest", site.url("/rss.xml")])
    assert first.exit_code == 0 and "feeds: 1 read" in first.output
    listed = runner.invoke(cli, ["feeds"])
    assert "Coast Herald" in listed.output and "2 items" in listed.output and "· ok" in listed.output
    assert runner.invoke(cli, ["ingest", "--feeds"]).exit_code == 0, "cron-friendly: nothing new is not a failure"
    gone = runner.invoke(cli, ["feeds", "--unfollow", site.url("/rss.xml")])
    assert gone.exit_code == 0 and "no longer following" in gone.output
    assert "follows no feeds" in runner.invoke(cli, ["feeds"]).output
    again = runner.invoke(cli, ["feeds", "--unfollow", site.url("/rss.xml")])
    assert again.exit_code == 1 and "does not follow" in again.output
