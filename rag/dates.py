"""Dates in a question: "last week", "since March", "in 2024" -> a publication window.

News questions are about time. A phrase that names a period becomes a filter on
when an article was published, resolved against ``today`` (the question's as-of
date); a phrase that asks for the newest news ("latest", "now", "this week")
turns on recency ranking. The rules are deterministic and table-tested
(tests/test_dates.py); explicit dates are read by ``dateutil``.

Windows are inclusive and name publication days:

>>> from datetime import date
>>> w = resolve("What did Alibaba announce last week?", date(2025, 3, 5))  # a Wednesday
>>> w.since, w.until, w.phrase
(datetime.date(2025, 2, 24), datetime.date(2025, 3, 2), 'last week')
>>> resolve("What is the latest on the ceasefire?", date(2025, 3, 5)).recent
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .models import Filters, When

__all__ = ["Implied", "days_stated", "plan", "resolve"]


@dataclass(frozen=True)
class Implied:
    """What a question's words say about time: a window (either end may be open) and whether it wants the newest."""

    since: date | None = None
    until: date | None = None
    phrase: str = ""  # the words that implied the window (else the word asking for recency), as written
    recent: bool = False  # the question asks for the newest news: rank newer articles first
    current: bool = False  # the window runs up to today ("this week"): a preference, not a filter


_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        1,
    )  # fmt: skip
    for m in names
}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip

_MONTH = r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_N = r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + ")"
_UNIT = r"(?P<unit>day|week|month|year)s?"
# A point in time a preposition can take: an ISO date, "March 3, 2025", "3 March 2025", "March 2025", "March", "2025".
def _point_re(x: str = "") -> str:
    """A point in time a preposition can take: an ISO date, "March 3, 2025", "3 March 2025", "March 2025", "March", "2025"."""
    return (
        rf"(?P<iso{x}>\d{{4}}-\d{{2}}-\d{{2}})"
        rf"|{_MONTH.format(g='m1' + x)}\s+(?P<d1{x}>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1{x}>\d{{4}}))?"
        rf"|(?P<d2{x}>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(g='m2' + x)}(?:,?\s+(?P<y2{x}>\d{{4}}))?"
        rf"|{_MONTH.format(g='m3' + x)}(?:,?\s+(?P<y3{x}>\d{{4}}))?"
        rf"|(?P<y4{x}>(?:19|20)\d{{2}})"
    )


_POINT = _point_re()

# Words that ask for the newest articles. "This week" and "today" both name a window and want recency.
_RECENT = re.compile(
    r"\b(latest|most recent(ly)?|newest|recent(ly)?|current(ly)?|now|right now|as of now|so far|this week|(?<!usa )today|tonight|"
    r"this month|up to date|still|anymore)\b",
    re.I,
)
# Periods that run up to today. Their window is a preference (newest first), not a filter: "who won this
# week" is often answered by an article from last Friday, and an older article still beats none (the
# answer then says "as of" its date). Past periods ("last week", "in March") are filters.
_CURRENT = re.compile(r"^((this|the current) (week|month|year)|today|tonight)$", re.I)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, first + relativedelta(months=1) - timedelta(days=1)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _point(m: re.Match, today: date, x: str = "") -> tuple[date, date] | None:
    """The span of days a matched point names; a month or day without a year is the latest one not after today."""
    g = {k[: len(k) - len(x)] if x and k.endswith(x) else k: v for k, v in m.groupdict().items() if not x or k.endswith(x)}
    try:
        if g.get("iso"):
            d = date.fromisoformat(g["iso"])
            return d, d
        for mg, dg, yg in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
            if g.get(mg) and g.get(dg):
                month, day = _MONTHS[g[mg].lower().rstrip(".")], int(g[dg])
                year = int(g[yg]) if g.get(yg) else today.year
                d = date(year, month, day)
                if not g.get(yg) and d > today:
                    d = date(year - 1, month, day)
                return d, d
        if g.get("m3"):
            month = _MONTHS[g["m3"].lower().rstrip(".")]
            year = int(g["y3"]) if g.get("y3") else (today.year if month <= today.month else today.year - 1)
            return _month_span(year, month)
        if g.get("y4"):
            year = int(g["y4"])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # "February 30": no such day, so no window
        return None
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_POINT = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|\b{_MONTH.format(g='m1')}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(g='m2')}(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|\b{_MONTH.format(g='m3')}(?:,?\s+(?P<y3>\d{{4}}))?(?![\w-])"
    rf"|\b(?P<next>next\s+|last\s+)?(?P<wd>{'|'.join(_WEEKDAYS)})\b"
    rf"|\b(?P<rel>yesterday|today)\b",
    re.I,
)


def days_stated(text: str, published: date | None) -> tuple[set[date], list[date]]:
    """The days ``text`` names for what happened, read against its article's date: every day it may mean (a
    date without a year in the article's year or either side of it, a weekday the one before or after the
    article's date), and the one it most likely means, in order ("on Monday" the last Monday up to the article's
    date, "next Monday" the one after; a date without a year the nearest to the article's date). Timelines date
    events by what the quoted text says, not by what the model wrote.

    >>> sure, most = days_stated("The temperature climbed to 38.4C on Monday, 14 April.", date(2025, 4, 15))
    >>> most, date(2025, 4, 14) in sure
    ([datetime.date(2025, 4, 14), datetime.date(2025, 4, 14)], True)
    >>> days_stated("Officials said yesterday the vote is next Friday.", date(2025, 3, 5))[1]
    [datetime.date(2025, 3, 4), datetime.date(2025, 3, 7)]
    >>> days_stated("No date here.", date(2025, 3, 5))
    (set(), [])
    >>> sure, most = days_stated("Acme opened its plant in January 2025; prices may rise.", date(2025, 3, 5))
    >>> date(2025, 1, 15) in sure, len(sure), most
    (True, 31, [])
    """
    sure: set[date] = set()
    most: list[date] = []
    for m in _DAY_POINT.finditer(text):
        g = m.groupdict()
        try:
            if g["iso"]:
                d = date.fromisoformat(g["iso"])
                sure.add(d)
                most.append(d)
            elif g["m1"] or g["m2"]:
                month = _MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
                day = int(g["d1"] or g["d2"])
                year = g["y1"] or g["y2"]
                if year:
                    d = date(int(year), month, day)
                    sure.add(d)
                    most.append(d)
                elif published:
                    options = [date(published.year + k, month, day) for k in (-1, 0, 1)]
                    sure.update(options)
                    most.append(min(options, key=lambda d: abs((d - published).days)))
            elif g["m3"]:  # a month alone: any of its days ("opened in January 2025"), never the one most meant
                if not g["m3"][:1].isupper():  # "prices may rise", "protesters march"
                    continue
                month = _MONTHS[g["m3"].lower().rstrip(".")]
                years = [int(g["y3"])] if g["y3"] else [published.year + k for k in (-1, 0, 1)] if published else []
                for year in years:
                    first, last = _month_span(year, month)
                    sure.update(first + timedelta(days=k) for k in range((last - first).days + 1))
            elif g["wd"] and published:
                back = (published.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
                before, after = published - timedelta(days=back), published + timedelta(days=(7 - back) % 7 or 7)
                sure.update((before, after))
                said = (g["next"] or "").strip().lower()
                most.append(after if said == "next" else before - timedelta(days=7) if said == "last" and back == 0 else before)
            elif g["rel"] and published:
                d = published - timedelta(days=1) if g["rel"].lower() == "yesterday" else published
                sure.add(d)
                most.append(d)
        except ValueError:  # "February 30"
            continue
    return sure, most


def _ago(n: int, unit: str, today: date) -> tuple[date, date]:
    """ "3 days ago" is that day; "two weeks ago" that calendar week; "a month ago" that month; "a year ago" that year."""
    if unit == "day":
        d = today - timedelta(days=n)
        return d, d
    if unit == "week":
        start = _monday(today) - timedelta(weeks=n)
        return start, start + timedelta(days=6)
    if unit == "month":
        d = today - relativedelta(months=n)
        return _month_span(d.year, d.month)
    return date(today.year - n, 1, 1), date(today.year - n, 12, 31)


def _past(n: int, unit: str, today: date) -> tuple[date, date]:
    """ "the past 3 days" / "the last two weeks": a rolling span ending today."""
    span = {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(months=n), "year": relativedelta(years=n)}
    return today - span[unit], today


# A date that says what a thing is, not when the news happened: "the quarter ending in December", "the year that
# ended on March 31", "a loan due in May", "a licence expiring in June", "bonds maturing in 2030". A period that
# ends is a thing; an event that ends is news ("Why did the strike end in March?" keeps March). "Due" only right
# before its date ("due to tariffs in March" is a cause); the others also with one lower-case word between ("ends
# early in June", but not "the quarter ending in December in February": February is when it was said).
_DESCRIBES = re.compile(
    r"(?:\b(?:quarter|year|half|month|period|season|term|week|day)s?\s+(?:(?:that|which)\s+)?end(?:s|ed|ing)?\s+(?-i:[a-z]+\s+)?"
    r"|\b(?:expir(?:e|es|ed|ing)|matur(?:e|es|ed|ing))\s+(?-i:[a-z]+\s+)?|\bdue\s+)$",
    re.I,
)


def _preposition(m: re.Match, today: date) -> tuple[date | None, date | None] | None:
    if _DESCRIBES.search(m.string, 0, m.start()):
        return None
    prep = re.sub(r"\s+", " ", m["prep"].lower())
    if (m["m3"] or "").lower() in ("may", "mar", "march") and m.string[m.start("m3")].islower() and not m["y3"]:
        return None  # "in may", "on march": the verb and the protest; a capital letter or a year makes it the month
    span = _point(m, today)
    if span is None:
        return None
    start, end = span
    if prep == "since":
        return start, None
    if prep == "after":
        return end + timedelta(days=1), None
    if prep in ("before", "prior to"):
        return None, start - timedelta(days=1)
    if prep in ("until", "till"):
        return None, end
    return start, end


def _between(m: re.Match, today: date) -> tuple[date, date] | None:
    first, last = _point(m, today), _point(m, today, "_b")
    if not first or not last or first[0] > last[1]:
        return None
    return first[0], last[1]


# (pattern, how to turn a match into (since, until)); the earliest match in the question wins.
_RULES: list[tuple[re.Pattern, Callable[[re.Match, date], tuple | None]]] = [
    (re.compile(r"\bbetween\s+(?:" + _POINT + r")\s+and\s+(?:" + _point_re("_b") + r")\b", re.I), _between),
    (re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+" + _N + r"\s+" + _UNIT + r"\b", re.I),
     lambda m, t: _past(_number(m["n"]), m["unit"].lower(), t)),
    (re.compile(r"\bthe\s+(?:past|last)\s+(?P<unit>day|week|month|year)\b", re.I), lambda m, t: _past(1, m["unit"].lower(), t)),
    (re.compile(r"\bover\s+the\s+(?:past|last)\s+(?P<unit>day|week|month|year)\b", re.I), lambda m, t: _past(1, m["unit"].lower(), t)),
    (re.compile(r"\b" + _N + r"\s+" + _UNIT + r"\s+ago\b", re.I), lambda m, t: _ago(_number(m["n"]), m["unit"].lower(), t)),
    (re.compile(r"(?<!usa )\btoday\b|\btonight\b", re.I), lambda m, t: (t, t)),
    (re.compile(r"\byesterday\b", re.I), lambda m, t: (t - timedelta(days=1),) * 2),
    (re.compile(r"\b(?:this|the current)\s+week\b", re.I), lambda m, t: (_monday(t), t)),
    (re.compile(r"\b(?:last|past)\s+week\b", re.I), lambda m, t: (_monday(t) - timedelta(days=7), _monday(t) - timedelta(days=1))),
    (re.compile(r"\b(?:this|the current)\s+month\b", re.I), lambda m, t: (t.replace(day=1), t)),
    (re.compile(r"\blast\s+month\b", re.I), lambda m, t: _month_span((t - relativedelta(months=1)).year, (t - relativedelta(months=1)).month)),
    (re.compile(r"\b(?:this|the current)\s+year\b", re.I), lambda m, t: (date(t.year, 1, 1), t)),
    (re.compile(r"\blast\s+year\b", re.I), lambda m, t: (date(t.year - 1, 1, 1), date(t.year - 1, 12, 31))),
    (re.compile(r"\b(?P<prep>since|after|before|until|till|prior\s+to|in|during|on)\s+(?:early\s+|late\s+|mid-?)?(?:" + _POINT + r")\b", re.I),
     _preposition),
]  # fmt: skip


def resolve(question: str, today: date) -> Implied:
    """The window and recency a question implies, resolved against ``today``.

    >>> resolve("How much is Alibaba investing?", date(2025, 3, 5))
    Implied(since=None, until=None, phrase='', recent=False, current=False)
    >>> resolve("Who won last year?", date(1, 1, 1)).since is None  # before the calendar starts: no window
    True
    """
    cue = _RECENT.search(question)
    recent = bool(cue)
    best: tuple[int, str, tuple] | None = None
    for pattern, rule in _RULES:
        for m in pattern.finditer(question):
            if best is not None and m.start() >= best[0]:
                break
            try:
                span = rule(m, today)
            except (OverflowError, ValueError):  # "yesterday" as of 0001-01-01: no such day, so no window
                span = None
            if span:
                best = (m.start(), m.group(0).strip(), span)
                break
    if best is None or (best[2][0] and best[2][0] > today):  # "in 2046": what a story forecasts, not when it was published
        return Implied(phrase=cue.group(0) if cue else "", recent=recent)
    since, until = best[2]
    current = bool(_CURRENT.match(re.sub(r"\s+", " ", best[1])))
    return Implied(since, until, best[1], recent or current, current)


def search_words(query: str, when: When) -> str:
    """The query a search runs on: the relative words that became its window taken out ("What did Alibaba announce
    last week?" searches "What did Alibaba announce?"), so that a passage saying "last week" of something else does
    not match on them. A year or a month stays: a passage may share it. A query of nothing else is kept whole.

    >>> search_words("What did Alibaba announce last week?", When(None, None, phrase="last week", implied=True))
    'What did Alibaba announce?'
    >>> search_words("How many people lived in Warsaw in 1939?", When(None, None, phrase="in 1939", implied=True))
    'How many people lived in Warsaw in 1939?'
    """
    relative = not re.search(r"\d", when.phrase) and not re.search(_MONTH.format(g="m"), when.phrase, re.I)
    if not (when.implied and when.phrase and relative):  # "in 1939", "in March" are words a passage may share
        return query
    at = query.lower().find(when.phrase.lower())
    if at < 0:
        return query
    rest = re.sub(r"\s+([?.!,])", r"\1", f"{query[:at]} {query[at + len(when.phrase):]}")
    rest = re.sub(r"\s{2,}", " ", rest).strip()
    return rest if re.search(r"\w", rest) else query


def plan(question: str, filters: Filters = Filters(), as_of: date | None = None) -> tuple[Filters, When]:
    """The filters a search runs under, and the :class:`When` that explains them.

    A period the question names ("last week", "in March", "on Jan. 8") is when
    the *event* happened; articles report it then or later. So the period's
    start becomes ``since`` and its end does not bound the search: "Liz Cheney's
    ouster last year" is news this year. Only "before"/"until" bound the end.
    Explicit ``--since``/``--until`` win over the question; the as-of date caps
    ``until`` (nothing published after it is searched). Without ``as_of``,
    relative dates resolve against the clock and nothing is capped.

    >>> f, w = plan("Who won last week?", as_of=date(2025, 3, 5))
    >>> f.since, f.until, w.implied
    (datetime.date(2025, 2, 24), datetime.date(2025, 3, 5), True)
    >>> plan("Who won last week?", Filters(since=date(2025, 1, 1)), as_of=date(2025, 3, 5))[0].since
    datetime.date(2025, 1, 1)
    """
    today = as_of or date.today()
    implied = resolve(question, today)
    since, until = filters.since, filters.until
    use_implied = bool(implied.since or implied.until) and not implied.current and not (since or until)
    if use_implied:
        since = implied.since
        until = implied.until if implied.since is None else None  # "before March": a bound; "in March": a start
    if as_of:
        until = min(until, as_of) if until else as_of
    when = When(since, until, as_of, today, implied.phrase, use_implied, implied.recent)
    # A window from the question's words cannot rule out an article with no date (an archive of undated
    # pages must still answer "who won in 2007?"); --since/--until and the as-of date are bounds, and do.
    undated = use_implied and not as_of
    return Filters(since, until, filters.source, undated), when
