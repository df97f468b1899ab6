"""Sources that disagree on a figure: pure logic on hand-made passages, then end to end with the local model."""

from __future__ import annotations

from datetime import date

import pytest

import rag
from rag import disagree
from rag.citations import Checker
from rag.models import Passage
from rag.render import render_answer
from rag.settings import Settings


def passage(n: int, doc: str, text: str, source: str) -> Passage:
    return Passage(f"{doc}:0", doc, 0, 0, len(text), text, f"Story {n}", date(2025, 3, n), source, f"https://{doc}.test/story", 0.5)


HERALD = passage(1, "herald", "The storm killed 21 people across the region, the civil protection agency said on Sunday. Power was restored to most homes.", "Coast Herald")
TIMES = passage(2, "times", "Officials said the storm killed 19 people across the region by Sunday evening. Schools reopen on Tuesday.", "Valley Times")


def found(answer_text: str, passages):
    checked = Checker(passages).check(answer_text)
    return disagree.find(list(checked.claims), passages)


@pytest.mark.parametrize(
    "other, expected",
    [
        (TIMES, ("21 people", "19 people")),  # the same count, two values
        (passage(2, "times", "The storm killed 21 people across the region, officials said on Sunday.", "Valley Times"), None),  # they agree
        (passage(2, "times", "The death toll of the storm rose from 19 people to 21 people across the region on Sunday.", "Valley Times"), None),  # a change, not a dispute
        (passage(2, "times", "Volunteers rescued 19 people from flooded cellars in the old town.", "Valley Times"), None),  # another thing counted
        (passage(2, "times", "The storm killed 19 cows across the region, farmers said on Sunday.", "Valley Times"), None),  # another unit
        (passage(2, "herald", "Officials said the storm killed 19 people across the region by Sunday evening.", "Coast Herald"), None),  # same article
    ],
)
def test_disagreement_needs_the_same_thing_counted_differently_by_another_article(other, expected):
    got = found("The storm killed 21 people across the region [1].", [HERALD, other])
    assert [(d.ours_figure, d.theirs_figure) for d in got] == ([expected] if expected else [])


def test_money_percent_and_dates():
    a = passage(1, "a", "The port authority said the harbour project will cost 38 million euros in total.", "Coast Herald")
    b = passage(2, "b", "The harbour project will cost 42 million euros in total, the port authority said.", "Valley Times")
    (d,) = found("The harbour project will cost 38 million euros [1].", [a, b])
    assert (d.ours_figure, d.theirs_figure) == ("38 million euros", "42 million euros")
    c = passage(1, "c", "Turnout in the city election was 61 percent, the electoral office said.", "Coast Herald")
    e = passage(2, "e", "The electoral office said turnout in the city election was 58 percent.", "Valley Times")
    assert [x.theirs_figure for x in found("Turnout in the city election was 61 percent [1].", [c, e])] == ["58 percent"]
    f = passage(1, "f", "The new bridge over the river will open to traffic on March 4, the city said.", "Coast Herald")
    g = passage(2, "g", "The city said the new bridge over the river will open to traffic on March 6.", "Valley Times")
    assert [x.theirs_figure for x in found("The new bridge will open to traffic on March 4 [1].", [f, g])] == ["March 6"]


def test_both_sides_are_cited_at_exact_offsets_and_one_sentence_each():
    (d,) = found("The storm killed 21 people [1]. It killed 21 people across the region [1].", [HERALD, TIMES])
    (claim,) = disagree.claims_for([d], [HERALD, TIMES])
    assert claim.text == "Sources differ: Coast Herald gives 21 people [1]; Valley Times gives 19 people [2]."
    theirs = claim.citations[1]
    assert TIMES.text[theirs.start : theirs.end] == theirs.quote and "19 people" in theirs.quote and theirs.verified


def dated(day: int, doc: str, text: str) -> Passage:
    return Passage(f"{doc}:0", doc, 0, 0, len(text), text, f"Rates {day}", date(2022, 12, day), "news", f"https://{doc}.test/r", 0.5)


OLD_RATE = dated(8, "usat", "Meanwhile, the average rate for a 30-year fixed mortgage trended down to 6.33% as of Dec. 8, according to Freddie Mac.")


@pytest.mark.parametrize(
    "other, expected",
    [
        # a later week's figure, told beside the one before it: the newer one is shown (a ninth user pass)
        (dated(15, "cnn", "The 30-year fixed-rate mortgage averaged 6.31% in the week ending December 15, down from 6.33% the week "
                          "before, according to Freddie Mac."), "6.31%"),
        (dated(15, "cnn", "The 15-year fixed-rate mortgage averaged 5.54% in the week ending December 15, according to Freddie Mac."), None),
        (dated(8, "cnn", "The 30-year fixed-rate mortgage averaged 6.31% in the week ending December 8, according to Freddie Mac."), None),
    ],
)  # fmt: skip
def test_a_newer_article_with_another_value_for_a_latest_figure(other, expected):
    checked = Checker([OLD_RATE, other]).check("The latest average rate on a 30-year fixed mortgage is 6.33% [1].")
    got = disagree.newer(list(checked.claims), [OLD_RATE, other])
    assert [d.theirs_figure for d in got] == ([expected] if expected else [])
    if expected:
        (claim,) = disagree.newer_claims(got, [OLD_RATE, other])
        assert claim.text == "Newer: news gives 6.31% on 2022-12-15 [2]."


def test_a_later_week_that_gives_the_same_value_again_is_nothing_newer():
    """An eleventh user pass: "Newer: ... gives 5.54%" was the week before's value, after "down from", in a later
    article that gives the answer's 5.30% again."""
    old = dated(8, "usat", "The 30-year fixed-rate mortgage averaged 5.30% in the week ending December 8, down from 5.70% the week before.")
    new = dated(29, "cnn", "The 30-year fixed-rate mortgage averaged 5.30% in the week ending December 29, down from 5.54% the week "
                           "before, according to Freddie Mac.")
    checked = Checker([old, new]).check("The latest average rate on a 30-year fixed mortgage is 5.30% [1].")
    assert disagree.newer(list(checked.claims), [old, new]) == []


@pytest.mark.parametrize("text", ["The storm hit in 2023 Reuters reported.", "The ferry leaves at 7:15 from pier 4.", "It was 2019."])
def test_years_clock_times_and_bare_numbers_are_not_figures(text):
    assert disagree.figures(text) == []


# --- end to end: the local model, a real index ----------------------------------------------


@pytest.mark.slow
def test_a_disagreeing_pair_is_answered_with_both_figures_cited(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "herald.md").write_text(
        "---\ntitle: Storm death toll rises to 21\nsource: Coast Herald\npublished: 2025-03-09\n---\n"
        "The storm that hit the coast on Saturday killed 21 people, the regional civil protection agency said on Sunday.\n\n"
        "Most of the victims were caught by flash floods in two river valleys. More than 3,000 homes were still without power on Sunday night.\n"
    )
    (folder / "times.md").write_text(
        "---\ntitle: Nineteen dead after coastal storm\nsource: Valley Times\npublished: 2025-03-09\n---\n"
        "The storm that hit the coast on Saturday killed 19 people, regional officials said on Sunday evening.\n\n"
        "Rescue teams were still searching for two people reported missing near the harbour, the officials added.\n"
    )
    settings = Settings(index=tmp_path / "index")
    rag.ingest([folder], settings=settings)
    answer = rag.ask("How many people did the storm kill?", today="2025-03-10", settings=settings)
    assert not answer.refused, answer.raw
    assert answer.disagreements, (answer.raw, answer.text)
    d = answer.disagreements[0]
    assert {d.ours_figure, d.theirs_figure} == {"21 people", "19 people"}
    assert {d.ours.doc_id, d.theirs.doc_id} == {"herald", "times"} and d.ours.verified and d.theirs.verified
    assert "Sources differ:" in answer.text and "Coast Herald" in answer.text and "Valley Times" in answer.text
    shown = render_answer(answer)
    assert "19 people" in shown and "21 people" in shown
