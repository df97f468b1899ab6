"""Summaries: map-reduce over long articles, timelines in order, every sentence checked.

Plumbing runs on SmolLM2 (fast, poor prose); the seed-article summary with the
default model is in tests/test_answer_local.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

import rag
from rag.cli import cli
from rag.context import store_for
from rag.models import SUMMARY_REFUSAL, Passage
from rag.settings import Settings
from rag.summarize import _timeline, windows


@pytest.fixture(scope="module")
def long_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("summ")
    paras = [
        f"On day {i} of the inquiry, witness number {i} told the committee that the port spent {i * 3} million dollars on cranes."
        for i in range(1, 41)
    ]
    (root / "news").mkdir()
    (root / "news" / "inquiry.txt").write_text("---\ntitle: Port inquiry hears 40 witnesses\npublished: 2025-03-03\n---\n" + "\n".join(paras))
    settings = Settings(index=root / "index", model="smollm2-135m", context_window=1024, passage_budget=300, max_answer_tokens=64)
    rag.ingest([root / "news"], settings=settings)
    return settings


def test_article_longer_than_the_context_is_map_reduced(long_index):
    article = store_for(long_index).article("inquiry")
    summary = rag.summarize(doc_id="inquiry", settings=long_index)
    assert summary.calls > 2  # several map calls and one reduce
    if summary.refused:  # SmolLM2's prose may verify nowhere: then the refusal, with the closest passages
        assert summary.text == SUMMARY_REFUSAL and summary.passages[0].doc_id == "inquiry" and not summary.citations
    else:
        assert len(summary.passages) > 5 and summary.sources[0].doc_id == "inquiry"
    for c in summary.citations:
        assert 1 <= c.number <= len(summary.passages)
        assert article.text[c.start : c.end] == c.quote
    for claim in summary.claims:  # verified means every number is in the cited passage
        for c in claim.citations:
            if c.verified:
                assert not c.reason


def test_summary_streams_the_final_stage(long_index):
    items = list(rag.summarize_stream(doc_id="inquiry", settings=long_index))
    assert isinstance(items[-1], rag.Summary)
    assert "".join(i for i in items if isinstance(i, str)) == items[-1].raw


def test_windows_respect_the_budget():
    ps = [Passage(f"d:{i}", "d", i, 0, 1, "x" * 40, "T", None, "", "", 0.0) for i in range(10)]
    groups = windows(ps, 100, len)
    assert [n for g in groups for n in g] == list(range(1, 11))
    assert all(sum(len(f"[{n}] T (published date unknown)\n" + "x" * 40) for n in g) <= 100 or len(g) == 1 for g in groups)


def test_timeline_lines_are_checked_and_sorted():
    text = "Acme said on 3 March 2025 it will hire 200 workers. Acme opened its Ohio plant in January 2025."
    p = [Passage("a:0", "a", 0, 10, 10 + len(text), text, "Acme", date(2025, 3, 3), "", "", 0.0)]
    raw = "2025-03-03 - Acme will hire 200 workers [1].\n2025-01-15 - Acme opened its Ohio plant [1].\nnot a dated line\n"
    summary = _timeline(p, "Acme", raw, None, 1, 0.0)
    assert summary.text.splitlines() == ["2025-01-15 - Acme opened its Ohio plant [1].", "2025-03-03 - Acme will hire 200 workers [1]."]
    assert all(c.verified for c in summary.claims)
    # A sentence that does not verify is shown as such, never as plain fact (none verifying: the refusal, tested in
    # tests/test_summary_limits.py).
    wrong = _timeline(p, "Acme", "2025-03-03 - Acme will hire 200 workers [1].\n2025-03-04 - Acme will hire 900 workers [1].\n",
                      None, 1, 0.0)  # fmt: skip
    assert wrong.text.splitlines()[1] == "2025-03-04 - (unverified) Acme will hire 900 workers [1]."
    assert summary.citations[0].start >= 10  # offsets in the article, not the passage
    # The same events as records: dates stay dates, each with its checked citations.
    assert [(e.day, e.text) for e in summary.events] == [
        (date(2025, 1, 15), "Acme opened its Ohio plant [1]."), (date(2025, 3, 3), "Acme will hire 200 workers [1]."),
    ]  # fmt: skip
    assert all(e.citations and e.citations[0].doc_id == "a" for e in summary.events)
    assert summary.to_dict()["events"][0]["day"] == "2025-01-15"


def test_a_timeline_dates_events_by_what_their_quotes_say():
    """The model's date is shown only where the quote (or, the quote naming no day, the article's date or passage)
    may mean it: "on Monday, 14 April" in an article of the 15th is the 14th, whatever the model wrote (a user pass
    found the publication date shown for it, and Microsoft's date on OpenAI's venture)."""
    text = "Temperatures on the coast climbed to 38.4C on Monday, 14 April, the highest since 1951. The venture adds to AI spending."
    p = [Passage("h:0", "h", 0, 0, len(text), text, "Heat", date(2025, 4, 15), "", "", 0.0)]
    raw = "2025-04-15 - Temperatures on the coast climbed to 38.4C [1].\n2025-01-04 - The venture adds to AI spending [1].\n"
    summary = _timeline(p, "heat", raw, None, 1, 0.0)
    assert [(e.day.isoformat(), e.claim.verified) for e in summary.events] == [("2025-01-04", False), ("2025-04-14", True)]
    assert summary.text.splitlines()[0] == "2025-01-04 - (unverified) The venture adds to AI spending [1]."
    assert summary.events[0].citations[0].reason.startswith("date: neither the quote nor its article gives 2025-01-04")


def test_a_timeline_line_is_one_event_and_a_headline_is_not_listed_twice():
    """A user pass saw 7 events for --sentences 6: two lines held two sentences each, one was a list's heading,
    and the headline came again under the article's date."""
    text = "Storm Halvard swept across the coast on Friday, 17 January 2025, cutting power to 38,000 homes. Key figures:"
    p = [Passage("s:0", "s", 0, 0, len(text), text, "Storm Halvard cuts power to 38,000 homes", date(2025, 1, 18), "", "", 0.0)]
    raw = (
        "2025-01-17 - Storm Halvard cut power to 38,000 homes [1]. It swept across the coast [1].\n"
        "2025-01-17 - Key figures: [1]\n"
        "2025-01-18 - Storm Halvard cuts power to 38,000 homes [1].\n"
    )
    summary = _timeline(p, "storm", raw, None, 1, 0.0)
    assert [(e.day.isoformat(), e.text) for e in summary.events] == [("2025-01-17", "Storm Halvard cut power to 38,000 homes [1].")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summarize"], "give one of --doc ID"),
        (["summarize", "--doc", "x", "--topic", "y"], "give one of --doc ID"),
        (["summarize", "--doc", "no-such-article"], "no article with id 'no-such-article'"),
        (["summarize", "--doc", "inquiry", "--since", "2025-01-01"], "an article (--doc) is summarized whole"),
        (["summarize", "--doc", "inquiry", "--today", "2025-01-01"], "published on 2025-03-03, after the as-of date 2025-01-01"),
        (["summarize", "--topic", "cranes", "--source", "BBC"], "--source 'BBC' matches nothing"),
    ],
)
def test_cli_errors(long_index, args, message):
    res = CliRunner().invoke(cli, [*args, "--index", str(long_index.index)])
    assert res.exit_code == 1 and message in res.output


def test_cli_topic_timeline(long_index):
    env = {"RAG_MODEL": "smollm2-135m", "RAG_CONTEXT_WINDOW": "1024", "RAG_PASSAGE_BUDGET": "300", "RAG_MAX_ANSWER_TOKENS": "64"}
    res = CliRunner().invoke(cli, ["summarize", "--topic", "port cranes", "--timeline", "--index", str(long_index.index)], env=env)
    assert res.exit_code == 0, res.output
    assert "ources:" in res.output  # "Sources:" or, when nothing verified, "Closest sources:"
    assert "sentences verified against their passages." in res.output
