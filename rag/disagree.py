"""Sources that disagree: the answer states a figure, another article gives a different one for the same thing.

Checked for numbers (amounts, percentages, counts with their noun) and dates
("March 4"), where "the same thing" can be tested without a model:

- the figures have the same unit: both money in one currency, both percent,
  both a count of the same noun ("21 people" / "19 people"), or both a date;
- the words around them (six on each side, content words only) share at least
  ``MIN_SHARED`` and a Jaccard of ``MIN_JACCARD``: "killed ... in the blast" vs
  "died ... in the explosion" is not enough, "the death toll from the blast
  rose to" twice is;
- the values differ, and the other sentence does not also give the answer's
  value (then it is a change over time, "rose from 19 to 21", not a dispute).

Each side cites its own article at the exact sentence, so both can be checked.

>>> [(f.value, f.unit) for f in figures("The toll rose to 21 people, and 14% of homes lost power on March 4.")]
[(21.0, 'people'), (14.0, '%'), (304.0, 'date')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from .chunking import sentence_spans
from .citations import words
from .models import Citation, Claim, Disagreement, Passage
from .numeric import SCALE

MIN_SHARED = 3
MIN_JACCARD = 0.3
WINDOW = 6  # words on each side of a figure that say what it counts
NEWER_JACCARD = 0.25  # a later article's figure for a question about the latest: its sentence tells of another week
SAME_DAYS = 3  # articles further apart than this report a figure at different times (weekly rates are a series, not a dispute)
# Words that say which measure a figure is: "the average grant" and "the maximum grant" are two things.
_MEASURES = frozenset("average median maximum minimum max min total mean annual monthly weekly daily record".split())

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_CURRENCY = {"$": "$", "us$": "$", "usd": "$", "£": "£", "gbp": "£", "€": "€", "eur": "€", "¥": "¥", "ksh": "ksh", "kes": "ksh"}
_FIG = re.compile(
    r"(?P<date>\b(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<day>\d{1,2})\b(?!:))"
    r"|(?P<cur>US\$|\$|£|€|¥|\b(?:USD|GBP|EUR|KES|Ksh)\.?\s?)?(?P<num>(?<![\d.:,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d:])|(?<![\d.:,])\d+(?:\.\d+)?(?![\d:]))"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|tn)\b|(?P<short>[mb])\b)?"
    r"(?:\s?(?P<pct>%|per ?cent\b))?"
    r"(?:\s+(?P<noun>(?!(?:and|or|to|of|in|on|at|the|a|per|from|by|for)\b)[A-Za-z][a-z-]+))?",
    re.I,
)
_UNIT_WORDS = {"euros": "€", "euro": "€", "dollars": "$", "dollar": "$", "pounds": "£", "yen": "¥", "shillings": "ksh"}


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # "$", "€", "%", "date", or the counted noun ("people", "vote")
    start: int  # offsets of the figure in the text it came from
    end: int
    context: frozenset[str]  # content words around it: what it counts

    def same_thing(self, other: Figure, jaccard: float = MIN_JACCARD) -> bool:
        shared = self.context & other.context
        return (
            self.unit == other.unit
            and self.context & _MEASURES == other.context & _MEASURES
            and len(shared) >= MIN_SHARED
            and len(shared) / len(self.context | other.context) >= jaccard
        )


def _noun(word: str) -> str:
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def figures(text: str) -> list[Figure]:
    """The figures of ``text`` with their units and surrounding words; bare years and clock times are skipped."""
    out = []
    for m in _FIG.finditer(text):
        if m.group("date"):
            value, unit = float(_MONTHS[m.group("month")[:3].lower()] * 100 + int(m.group("day"))), "date"
        else:
            value = float(m.group("num").replace(",", ""))
            scale = m.group("scale") or (m.group("short") if m.group("cur") else None)
            value *= SCALE.get((scale or "").lower(), 1.0)
            cur, noun = (m.group("cur") or "").strip().rstrip(".").lower(), (m.group("noun") or "")
            if m.group("pct"):
                unit = "%"
            elif cur:
                unit = _CURRENCY.get(cur, cur)
            elif noun.lower() in _UNIT_WORDS:
                unit = _UNIT_WORDS[noun.lower()]
            elif noun:
                unit = _noun(noun)
            else:
                continue  # a bare number: nothing says what it counts
            if unit and 1900 <= value <= 2100 and not m.group("cur") and not m.group("pct") and not scale:
                if not noun or noun[0].isupper():
                    continue  # a year ("in 2023 Reuters"), not a count
        end = m.end()
        if unit in ("$", "€", "£", "¥", "ksh", "%", "date") and m.group("noun") and unit != _UNIT_WORDS.get(m.group("noun").lower()):
            end = m.start("noun") - 1  # "$50 billion over": the figure ends before the next word
        before = text[max(0, m.start() - 200) : m.start()].split()[-WINDOW:]
        if before and before[-1].lower() in ("by", "than"):
            unit += " (change)"  # "rose by $500", "$3 trillion more than": a difference, not a level
        after = text[m.end() : m.end() + 200].split()[:WINDOW]
        context = frozenset(w for w in words(" ".join(before + after)) if not any(ch.isdigit() for ch in w))
        out.append(Figure(round(value, 6), unit, m.start(), end, context))
    return out


def _differs(a: float, b: float) -> bool:
    return abs(a - b) > 0.005 * max(abs(a), abs(b))


def _cite(i: int, p: Passage, s: int, e: int) -> Citation:
    """Passage ``i``'s sentence at ``s``-``e`` (offsets in its text) as a verified citation at exact article offsets."""
    return Citation(
        number=i + 1, chunk_id=p.chunk_id, doc_id=p.doc_id, title=p.title, url=p.url, published=p.published,
        quote=p.text[s:e], start=p.start + s, end=p.start + e, verified=True, reason="",
    )  # fmt: skip


def find(claims: Sequence[Claim], passages: Sequence[Passage]) -> list[Disagreement]:
    """Every figure of a verified claim that a passage from another article gives differently.

    ``passages`` are numbered 1..n as the model saw them; each figure is reported once.
    """
    out: list[Disagreement] = []
    seen: set[tuple] = set()
    # Each passage's sentences with their figures, parsed once for every claim and figure below.
    parsed = [[(s, e, figures(p.text[s:e])) for s, e in sentence_spans(p.text) or [(0, len(p.text))]] for p in passages]
    for claim in claims:
        if not claim.verified:
            continue
        stated = figures(claim.text)
        for cite in claim.citations:
            ours_all = figures(cite.quote)
            quoted = [f for f in ours_all if any(not _differs(f.value, g.value) and f.unit == g.unit for g in stated)]
            for fig in quoted:
                for i, p in enumerate(passages):
                    if p.doc_id == cite.doc_id or any(c.doc_id == cite.doc_id for c in p.also_in):
                        continue
                    if p.published and cite.published and abs((p.published - cite.published).days) > SAME_DAYS:
                        continue
                    for s, e, found in parsed[i]:
                        sentence = p.text[s:e]
                        theirs = [g for g in found if fig.same_thing(g)]
                        if not theirs or any(not _differs(g.value, fig.value) for g in theirs):
                            continue  # it agrees, or gives both values (a change over time, not a dispute)
                        g = theirs[0]
                        if any(o.unit == g.unit and not _differs(o.value, g.value) for o in ours_all):
                            continue  # our own sentence gives their value too: a comparison
                        if bool(_ESTIMATE.search(sentence)) != bool(_ESTIMATE.search(cite.quote)):
                            continue  # a poll's 45% is not a dispute with the count's 50.90% (an eighth user pass)
                        if not _same_people(cite.quote, sentence):
                            continue  # another person's "33 hours of community service", not hers
                        if fig.unit != "date" and _dates_differ(ours_all, found):
                            continue  # the two sentences are about different days
                        key = (fig.unit, frozenset((fig.value, g.value)))  # 21 vs 19 and 19 vs 21 are one dispute
                        if key in seen:
                            continue
                        seen.add(key)
                        other = _cite(i, p, s, e)
                        out.append(Disagreement(cite, cite.quote[fig.start : fig.end], other, sentence[g.start : g.end]))
                        break
    return out


def newer(claims: Sequence[Claim], passages: Sequence[Passage]) -> list[Disagreement]:
    """For a question about the latest news: each figure of a verified claim that a passage published later gives
    with another value for the same thing, the newest such ("the 30-year rate ... 6.33% as of Dec. 8" answered, while
    a December 15 article says "averaged 6.31% in the week ending December 15, down from 6.33%"). Unlike
    :func:`find`, the other sentence may give both values (a change over time is the point here) and its day may
    differ. A ninth user pass found "latest" answered with the older figure.
    """
    out: list[Disagreement] = []
    seen: set[tuple[str, float]] = set()
    parsed = [[(s, e, figures(p.text[s:e])) for s, e in sentence_spans(p.text) or [(0, len(p.text))]] for p in passages]
    for claim in claims:
        if not claim.verified:
            continue
        stated = figures(claim.text)
        for cite in claim.citations:
            if cite.published is None:
                continue
            ours_all = figures(cite.quote)
            for fig in [f for f in ours_all if any(f.value == g.value and f.unit == g.unit for g in stated)]:  # "up from 6.92%" is not 6.94%
                if fig.unit == "date" or (fig.unit, fig.value) in seen:
                    continue  # a day is not a level that moves; each figure once
                seen.add((fig.unit, fig.value))
                best, agrees = None, None  # agrees: the newest later passage that gives our value again
                for i, p in enumerate(passages):
                    if p.doc_id == cite.doc_id or not p.published or p.published <= cite.published + timedelta(days=1):
                        continue
                    for s, e, found in parsed[i]:
                        sentence = p.text[s:e]
                        same = [g for g in found if fig.same_thing(g, NEWER_JACCARD) and g.value == fig.value and not _FROM.search(sentence[: g.start])]
                        if same and (agrees is None or p.published > agrees):
                            agrees = p.published
                        if best and p.published <= best[0].published:
                            continue  # a newer one found already (or this passage's first)
                        theirs = [
                            g for g in found
                            if fig.same_thing(g, NEWER_JACCARD) and g.value != fig.value  # 6.31% after 6.33%: any change
                            and not _other_label(cite.quote[: fig.start], sentence[: g.start])
                            and not _FROM.search(sentence[: g.start])  # "down from 5.54%" is the week before's (an eleventh pass)
                        ]  # fmt: skip
                        if not theirs or bool(_ESTIMATE.search(sentence)) != bool(_ESTIMATE.search(cite.quote)):
                            continue
                        if not _same_people(cite.quote, sentence):
                            continue
                        g = theirs[0]
                        best = (p, Disagreement(cite, cite.quote[fig.start : fig.end], _cite(i, p, s, e), sentence[g.start : g.end]))
                if best and not (agrees and agrees >= best[0].published):  # July 28's 5.30% again: nothing newer differs
                    out.append(best[1])
    return out


_FROM = re.compile(r"\bfrom\s*[$€£¥]?\s*$", re.I)


def _other_label(before_ours: str, before_theirs: str) -> bool:
    """The words before two figures name different kinds of one measure: "the 30-year fixed-rate mortgage" and "the
    15-year" (a figure joined to its word, such as "30-year", in the 8 words before each).

    >>> _other_label("The 30-year fixed-rate mortgage averaged", "The 15-year fixed-rate mortgage averaged")
    True
    >>> _other_label("The 30-year fixed rate is", "Rates fell; the 30-year fixed rate averaged")
    False
    """
    ours = set(re.findall(r"\b\d+-[a-z]+", " ".join(before_ours.split()[-8:]).lower()))
    theirs = set(re.findall(r"\b\d+-[a-z]+", " ".join(before_theirs.split()[-8:]).lower()))
    return bool(ours and theirs and not ours & theirs)


def newer_claims(found: Sequence[Disagreement], passages: Sequence[Passage]) -> list[Claim]:
    """One sentence per newer figure, cited: "Newer: www.cnn.com gives 6.31% on 2022-12-15 [2]." """
    return [
        Claim(f"Newer: {outlet(passages[d.theirs.number - 1])} gives {d.theirs_figure} on {d.theirs.published} [{d.theirs.number}].", (d.theirs,))
        for d in found
    ]


_ESTIMATE = re.compile(r"\b(?:polls?|polling|pollsters?|surveys?|surveyed|respondents|forecasts?|projected|projections?|estimates?|"
                       r"estimated|predicted|expected)\b", re.I)


def _same_people(a: str, b: str) -> bool:
    """Whether two sentences can be about the same people: each names none (two words or more), or they share one.

    >>> _same_people("Kathy McGuiness was sentenced to 500 hours of service.", "Cpl. Edwin Ramirez was sentenced to 33 hours.")
    False
    >>> _same_people("McGuiness got 500 hours.", "Kathy McGuiness got 50 hours."), _same_people("The toll rose to 21.", "Edwin Ramirez said 19.")
    (True, True)
    """
    from .relations import _people, _same_name

    ours, theirs = [n for _, _, n in _people(a, 2)], [n for _, _, n in _people(b, 2)]
    return not ours or not theirs or any(_same_name(x, y) for x in ours for y in theirs)


def _dates_differ(a: list[Figure], b: list[Figure]) -> bool:
    """Both sentences (their figures) name a day, and not the same one: "in the week ending December 15" vs "October 27"."""
    da = {f.value for f in a if f.unit == "date"}
    db = {f.value for f in b if f.unit == "date"}
    return bool(da and db and not da & db)


def outlet(p: Passage) -> str:
    """How an article is named in "Sources differ": its source, else its site, else its title."""
    from urllib.parse import urlparse

    return p.source or urlparse(p.url).netloc or f'"{p.title[:60]}"'


def claims_for(found: Sequence[Disagreement], passages: Sequence[Passage]) -> list[Claim]:
    """One sentence per disagreement, both sides cited (the citations are quotes of the articles themselves)."""
    return [
        Claim(d.sentence((outlet(passages[d.ours.number - 1]), outlet(passages[d.theirs.number - 1]))), (d.ours, d.theirs))
        for d in found
    ]
