"""Syndicated copies: grouped at ingest, searched once, named on the passage; an edited copy leaves its group.

Real ingest (MiniLM, Chroma embedded and `chroma run`); the articles are written for the test.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from rag import api, dedup
from rag.cli import cli

BOTH_STORES = True

WIRE = """BRUSSELS — European Union energy ministers agreed on Thursday to extend the bloc's emergency cap on gas prices for another year, after a late-night session in which Hungary and Slovakia dropped their objections.

The cap, first introduced in early 2023 after prices spiked, limits the price at which gas can be traded on the main European exchanges when prices rise sharply for several days in a row. It has never been triggered.

Supporters say the mechanism calmed markets at a moment of panic and should stay as insurance while storage levels remain below the five-year average. The European Commission had proposed the extension last month.

Critics, among them several large utilities, argue the cap discourages suppliers from sending cargoes of liquefied natural gas to Europe when competition with Asian buyers is fierce. They asked for a review clause, which ministers included.

Under the agreement the review will take place in September, and the cap can be lifted early if the Commission finds it is distorting trade. Ministers also agreed to keep coordinating joint gas purchases through the bloc's platform, which handled contracts for about 42 billion cubic metres last year.

Energy Commissioner Dan Jorgensen said the decision gave companies and households certainty before the next heating season. "We are not out of the woods, but we are better prepared than two years ago," he said after the meeting.

Gas prices on the Dutch TTF hub, Europe's benchmark, fell slightly after the announcement and closed at 41 euros per megawatt hour. They remain well below the record of more than 300 euros reached in August 2022.

The extension still needs formal approval by written procedure, which diplomats expect within two weeks."""

OTHER = """The city council approved a new cycling plan on Monday that adds 28 kilometres of protected bike lanes over four years.

The plan, which passed by nine votes to two, also lowers the speed limit to 30 km/h on most residential streets and sets aside money for 1,500 new bicycle parking spaces near train stations.

Opponents said the lanes would remove too many parking spaces from shopping streets, and traders in the old town asked for a delivery exemption, which the council granted for mornings before ten."""


def article(path, title, text, source, published, url):
    path.write_text(f"---\ntitle: {title}\nsource: {source}\npublished: {published}\nurl: {url}\n---\n{text}\n")


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    article(folder / "herald.md", "EU extends gas price cap for another year", WIRE, "Coast Herald", "2025-03-06", "https://herald.test/gas-cap")
    # The same wire story in another outlet: a new headline, a dateline credit and a closing line added.
    copy = WIRE.replace("BRUSSELS —", "BRUSSELS (Wire) —") + "\n\nReporting by staff; editing by the desk."
    article(folder / "times.md", "Ministers keep emergency cap on gas prices", copy, "Valley Times", "2025-03-07", "https://times.test/eu-gas")
    article(folder / "bikes.md", "Council approves cycling plan", OTHER, "Coast Herald", "2025-03-05", "https://herald.test/bikes")
    return folder


def ingest(paths, settings, store, embedder):
    return api.ingest(paths, settings=settings, store=store, embedder=embedder)


def test_a_syndicated_pair_is_one_group_searched_once(news, settings, store, embedder):
    report = ingest([news], settings, store, embedder)
    assert (report.added, report.groups, report.grouped) == (3, 1, 2)
    manifest = store.manifest()
    assert manifest["herald"]["group"] == manifest["times"]["group"] == "herald", "the oldest copy names the group"
    assert manifest["bikes"].get("group", "") == ""

    hits = api.search("EU gas price cap extended", k=5, settings=settings, store=store, embedder=embedder)
    docs = {h.doc_id for h in hits}
    assert len(docs & {"herald", "times"}) == 1, "a group is returned once"
    best = next(h for h in hits if h.doc_id in {"herald", "times"})
    assert best.doc_id == "times", "the newest copy stands for its group (a later revision must not hide)"
    other = "times" if best.doc_id == "herald" else "herald"
    (copy,) = best.also_in
    assert copy.doc_id == other and copy.outlet == ("Valley Times" if other == "times" else "Coast Herald")
    assert copy.published == (date(2025, 3, 7) if other == "times" else date(2025, 3, 6)) and copy.url.startswith("https://")
    assert best.to_dict()["also_in"][0]["doc_id"] == other

    stats = api.stats(settings=settings, store=store, embedder=embedder)
    assert (stats.groups, stats.grouped) == (1, 2)

    # As of the herald's day, the times' copy of the next day is not named (nor anything else after the as-of date).
    then = [h for h in api.search("EU gas price cap extended", k=5, until="2025-03-06", settings=settings, store=store,
                                  embedder=embedder) if h.doc_id in {"herald", "times"}]  # fmt: skip
    assert then and {h.doc_id for h in then} == {"herald"} and not any(h.also_in for h in then)


def test_an_edited_copy_leaves_its_group_and_removal_splits_it(news, settings, store, embedder):
    ingest([news], settings, store, embedder)
    rewritten = WIRE.split("\n\n")
    rewritten[1:5] = [
        "Officials described the cap as a safety net that markets have learned to live with, though traders say it has changed little in practice.",
        "Utilities had lobbied for its end, saying Asian buyers outbid Europe for tankers whenever the cap loomed; ministers answered with a review in the autumn.",
    ]
    article(news / "times.md", "Ministers keep emergency cap on gas prices", "\n\n".join(rewritten), "Valley Times", "2025-03-07", "https://times.test/eu-gas")
    report = ingest([news], settings, store, embedder)
    assert report.updated == 1 and report.groups == 0
    assert {m.get("group", "") for m in store.manifest().values()} == {""}
    hits = api.search("EU gas price cap extended", k=5, settings=settings, store=store, embedder=embedder)
    assert {"herald", "times"} <= {h.doc_id for h in hits} and not any(h.also_in for h in hits)

    article(news / "times.md", "Ministers keep emergency cap on gas prices", WIRE, "Valley Times", "2025-03-07", "https://times.test/eu-gas")
    assert ingest([news], settings, store, embedder).groups == 1, "edited back: grouped again"
    (news / "herald.md").unlink()
    after = ingest([news], settings, store, embedder)
    assert after.removed == 1 and after.groups == 0 and store.manifest()["times"].get("group", "") == ""


def test_an_index_from_before_groups_is_signed_on_the_next_ingest(news, settings, store, embedder):
    ingest([news], settings, store, embedder)
    store.set_article_fields({d: {"minhash": "", "group": ""} for d in store.manifest()})  # as an older newsrag left it
    report = ingest([news], settings, store, embedder)
    assert report.unchanged == 3 and report.chunks == 0, "nothing is embedded again"
    assert report.groups == 1 and all(m["minhash"] for m in store.manifest().values())


def test_cli_shows_the_other_copies(news, settings, store, embedder, monkeypatch):
    if settings.chroma_url:
        pytest.skip("the CLI reads its settings from the environment: covered on the embedded index")
    monkeypatch.setenv("RAG_INDEX", str(settings.index))
    runner = CliRunner()
    assert "copies: 2 articles are near-identical copies in 1 group (" in runner.invoke(cli, ["ingest", str(news)]).output
    out = runner.invoke(cli, ["search", "EU gas price cap extended", "-k", "2"]).output
    assert "also in: " in out and ("Valley Times (2025-03-07, https://times.test/eu-gas)" in out or "Coast Herald (2025-03-06" in out)
    data = json.loads(runner.invoke(cli, ["search", "EU gas price cap extended", "--json"]).output)
    assert sum(bool(p["also_in"]) for p in data) >= 1
    assert "1 articles in" not in runner.invoke(cli, ["stats"]).output and "2 articles in 1 group of" in runner.invoke(cli, ["stats"]).output


@pytest.mark.parametrize(
    "change, grouped",
    [
        (lambda t: t, True),  # the same text
        (lambda t: t.replace("BRUSSELS —", "BRUSSELS (AP) —") + "\n\nCopyright 2025 The Wire.", True),  # credits added
        (lambda t: t.replace("41 euros", "39 euros"), True),  # a figure corrected
        (lambda t: "\n\n".join(t.split("\n\n")[:4]), False),  # cut to half: another version, not a copy
        (lambda t: OTHER, False),
    ],
)
def test_threshold_on_edits(change, grouped):
    sims = {"a": dedup.signature(WIRE), "b": dedup.signature(change(WIRE))}
    assert bool(dedup.components(sims, 0.85)) is grouped, dedup.similarity(sims["a"], sims["b"])
