"""Dates in questions: table-driven resolution against fixed days, and how windows combine with --since/--until and as-of."""

from __future__ import annotations

from datetime import date

import pytest

from rag.dates import plan, resolve
from rag.models import Filters

WED = date(2025, 3, 5)  # a Wednesday
MON = date(2025, 3, 3)
JAN2 = date(2025, 1, 2)  # early in a year: "last month", "in December" reach back into 2024

D = date


@pytest.mark.parametrize(
    ("question", "today", "since", "until", "phrase"),
    [
        ("What happened yesterday in Kyiv?", WED, D(2025, 3, 4), D(2025, 3, 4), "yesterday"),
        ("What did Alibaba announce last week?", WED, D(2025, 2, 24), D(2025, 3, 2), "last week"),
        ("What did Alibaba announce last week?", MON, D(2025, 2, 24), D(2025, 3, 2), "last week"),
        ("Who resigned last month?", WED, D(2025, 2, 1), D(2025, 2, 28), "last month"),
        ("Who resigned last month?", JAN2, D(2024, 12, 1), D(2024, 12, 31), "last month"),
        ("What was announced 3 days ago?", WED, D(2025, 3, 2), D(2025, 3, 2), "3 days ago"),
        ("What changed two weeks ago?", WED, D(2025, 2, 17), D(2025, 2, 23), "two weeks ago"),
        ("What did the Fed do a month ago?", WED, D(2025, 2, 1), D(2025, 2, 28), "a month ago"),
        ("Which storms hit in the past 10 days?", WED, D(2025, 2, 23), D(2025, 3, 5), "the past 10 days"),
        ("What happened over the past week?", WED, D(2025, 2, 26), D(2025, 3, 5), "over the past week"),
        ("Who won in 2024?", WED, D(2024, 1, 1), D(2024, 12, 31), "in 2024"),
        ("What did the court rule in March?", WED, D(2025, 3, 1), D(2025, 3, 31), "in March"),
        ("What happened in December?", JAN2, D(2024, 12, 1), D(2024, 12, 31), "in December"),
        ("What happened in Feb. 2025?", WED, D(2025, 2, 1), D(2025, 2, 28), "in Feb. 2025"),
        ("What has changed since February 10, 2025?", WED, D(2025, 2, 10), None, "since February 10, 2025"),
        ("What has changed since 3 March?", WED, D(2025, 3, 3), None, "since 3 March"),
        ("What was said before Feb 10, 2025?", WED, None, D(2025, 2, 9), "before Feb 10, 2025"),
        ("What happened after 2025-01-15?", WED, D(2025, 1, 16), None, "after 2025-01-15"),
        ("What happened on March 3?", WED, D(2025, 3, 3), D(2025, 3, 3), "on March 3"),
        ("Who was elected in May?", WED, D(2024, 5, 1), D(2024, 5, 31), "in May"),  # the month, capitalised
        ("Which deals were signed between January and February 2025?", WED, D(2025, 1, 1), D(2025, 2, 28), "between January and February 2025"),
    ],
)
def test_past_periods_become_windows(question, today, since, until, phrase):
    got = resolve(question, today)
    assert (got.since, got.until, got.phrase, got.current) == (since, until, phrase, False)


@pytest.mark.parametrize(
    ("question", "since", "until", "phrase"),
    [
        ("Who won the race this week?", D(2025, 3, 3), D(2025, 3, 5), "this week"),
        ("What did the mayor say today?", WED, WED, "today"),
        ("How much has the index risen this month?", D(2025, 3, 1), D(2025, 3, 5), "this month"),
        ("Who has won the most races this year?", D(2025, 1, 1), D(2025, 3, 5), "this year"),
    ],
)
def test_periods_up_to_today_ask_for_recency_not_a_filter(question, since, until, phrase):
    got = resolve(question, WED)
    assert (got.since, got.until, got.phrase, got.current, got.recent) == (since, until, phrase, True, True)
    filters, when = plan(question, as_of=WED)
    assert filters.since is None and filters.until == WED and when.recent and not when.implied


@pytest.mark.parametrize(
    ("question", "recent"),
    [
        ("What is the latest on the ceasefire?", True),
        ("Who is the current chief executive of Alibaba?", True),
        ("Who leads the league now?", True),
        ("What are the most recent figures?", True),
        ("How much is Alibaba investing?", False),
        ("Which team does Damar Hamlin play for?", False),
        ("What did USA TODAY report about the storm?", False),  # the newspaper, not the day
    ],
)
def test_recency_words(question, recent):
    assert resolve(question, WED).recent is recent


@pytest.mark.parametrize(
    "question",
    [
        "How much is Alibaba investing?",
        "Will the plant open by 2030?",  # "by" a year: a forecast, not a publication window
        "What is the emissions goal in 2046?",  # a future year: what the story forecasts
        "Which bands may play in may?",  # lower-case "may" is the verb
        "Thousands joined the march on Sunday.",  # a march, not March
        "What happened on February 30?",  # no such day: no window rather than an error
        "How much will a ferry trip cost from April?",  # "from" a month is mostly when a price or rule starts
        "What did USA TODAY report about the storm?",
    ],
)
def test_no_window(question):
    got = resolve(question, WED)
    assert (got.since, got.until, got.phrase) == (None, None, "")


DEC5 = date(2026, 12, 5)  # D13: "in December" as of December 5 was the window from December 1, 2026


@pytest.mark.parametrize(
    ("question", "today"),
    [
        ("How much revenue did Alibaba report for the quarter ending in December?", DEC5),
        ("How much revenue did Alibaba report for the quarter ending in December?", WED),
        ("What did Alibaba earn in the fiscal year ending in March 2025?", WED),
        ("What did Meta spend in the year that ended on December 31?", WED),
        ("How much did Nvidia make in the three months that ended in January?", WED),
        ("What was Microsoft's capex for the quarter ended in June 2024?", WED),
        ("What did Alphabet report for the fiscal year ending December?", WED),  # no preposition: no window either
        ("Which quarter ends in June?", WED),
        ("When is the next loan payment due in May?", WED),
        ("Which licence expires in June?", WED),
        ("Which permits are expiring on March 1?", WED),
        ("How much debt is maturing in 2024?", WED),
        ("How much debt matures sometime in 2024?", WED),  # a word between
    ],
)
def test_a_date_that_describes_a_thing_is_no_window(question, today):
    got = resolve(question, today)
    assert (got.since, got.until, got.phrase) == (None, None, "")
    assert plan(question, as_of=today)[0].since is None


@pytest.mark.parametrize(
    ("question", "since", "phrase"),
    [
        # the window comes from the date that says when, not from the one that describes
        ("What did Alibaba report in February for the quarter ending in December?", D(2025, 2, 1), "in February"),
        ("What did Alibaba say about the quarter ending in December in February 2025?", D(2025, 2, 1), "in February 2025"),
        ("Which prices fell due to tariffs in February?", D(2025, 2, 1), "in February"),  # "due to": a cause
        ("What happened at the end of the talks in February?", D(2025, 2, 1), "in February"),  # three words between
        ("Whose contract expiring in 2030 was signed in February?", D(2025, 2, 1), "in February"),
        ("What happened in March?", D(2025, 3, 1), "in March"),
        # an event that ends is news: its month is when it happened
        ("Why did the strike end in March?", D(2025, 3, 1), "in March"),
        ("Why did shares end lower in March?", D(2025, 3, 1), "in March"),
    ],
)
def test_a_describing_date_leaves_the_others(question, since, phrase):
    got = resolve(question, WED)
    assert (got.since, got.phrase) == (since, phrase)


def test_explicit_since_until_win_over_the_question():
    filters, when = plan("What did Alibaba announce last week?", Filters(since=D(2025, 1, 1)), as_of=WED)
    assert (filters.since, filters.until) == (D(2025, 1, 1), WED)  # --since kept, as-of caps the end
    assert when.phrase == "last week" and not when.implied


@pytest.mark.parametrize(
    ("question", "since", "until"),
    [
        ("Who won last week?", D(2025, 2, 24), WED),  # reported then or since: the period's end does not bound it
        ("What did Liz Cheney do after her ouster last year?", D(2024, 1, 1), WED),
        ("Who was arrested on Jan. 8?", D(2025, 1, 8), WED),
        ("What was said before Feb 10, 2025?", None, D(2025, 2, 9)),  # "before" bounds the end
        ("What has changed since 3 March?", D(2025, 3, 3), WED),
    ],
)
def test_a_named_period_starts_the_search_and_as_of_ends_it(question, since, until):
    filters, when = plan(question, as_of=WED)
    assert (filters.since, filters.until, when.implied) == (since, until, True)


def test_as_of_caps_every_window_and_no_as_of_caps_nothing():
    assert plan("Who won?", as_of=WED)[0] == Filters(until=WED)
    assert plan("Who won since 2025-01-01?", as_of=WED)[0] == Filters(since=D(2025, 1, 1), until=WED)
    assert plan("Who won?")[0] == Filters()
    assert plan("Who won?", Filters(until=D(2025, 4, 1)), as_of=WED)[0].until == WED


def test_a_window_after_the_as_of_date_is_empty_not_an_error():
    filters, when = plan("What happened?", Filters(since=D(2025, 3, 10)), as_of=WED)
    assert filters.since > filters.until  # searches nothing; the answer names the window
    assert when.describe() == "on or after 2025-03-10, which is after the as-of date 2025-03-05"
    assert resolve("What happened since March 10?", WED).since == D(2024, 3, 10)  # no year: the last March 10 not after today
