"""Numbers in text, normalised so "$50 billion", "50bn" and "USD 50 billion" compare equal.

>>> sorted(numbers_in("Alibaba will spend $50 billion (Ksh.6.4 trillion), up 14%."))
[14.0, 50000000000.0, 6400000000000.0]
>>> numbers_in("US$65bn") == numbers_in("USD 65 billion") == numbers_in("65,000 million dollars")
True
"""

from __future__ import annotations

import math
import re

_SCALE = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
}  # fmt: skip
SCALE = _SCALE  # for other readers of figures (rag.disagree)
CARDINAL_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()  # each at its value
_WORDS = {w: float(i) for i, w in enumerate(CARDINAL_WORDS)}
_WORDS |= {"twice": 2.0, "thrice": 3.0, "dozen": 12.0}
_WORDS |= {w: float(13 + i) for i, w in enumerate("thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_CURRENCY = r"(?:US\$|USD|\$|£|€|¥|Ksh\.?|KES|RMB|HK\$)"
_NUM = re.compile(
    rf"(?P<cur>{_CURRENCY})?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?:-|–|to)\s?(?P<num2>\d+(?:\.\d+)?))?"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)\b|(?P<short>[kmbt])\b)?",
    re.I,
)
# Spelled-out small numbers count too ("three years" == "3 years", "twice" == "two times", but not "twice as fast":
# a ratio, "doubled" says it); "one" and "once" are too often not a number.
_WORD_NUM = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twice(?!\s+(?:as|the)\b)|thrice|(?<=\ba\s)dozen)\b",  # "a dozen", not "dozens"
    re.I,
)
# "Twenty-six" is 26, not 6; "thirty" is 30.
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_TENS_NUM = re.compile(
    rf"\b({'|'.join(_TENS)})(?:[-\s](one|two|three|four|five|six|seven|eight|nine)\b)?\b"
    r"(?![-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)",  # "twenty-first" is an ordinal
    re.I,
)


def number_spans(text: str) -> list[tuple[int, int, float]]:
    """Where ``text`` gives each figure in digits, and its value (scale words applied; a range: both ends).

    >>> number_spans("It hit $1.4 million, up from 220,000.")
    [(7, 19, 1400000.0), (28, 36, 220000.0)]
    """
    out = []
    for m in _NUM.finditer(text):
        scale_word = m.group("scale") or (m.group("short") if m.group("cur") else None)
        scale = _SCALE[scale_word.lower()] if scale_word else 1.0
        for key in ("num", "num2"):
            if m.group(key):
                out.append((m.start(), m.end(), _round(float(m.group(key).replace(",", "")) * scale)))
    return out


def numbers_in(text: str) -> set[float]:
    """Every number in ``text`` as a float, scale words applied; ranges give both ends.

    >>> sorted(numbers_in("Twenty-six people died, 19 were hurt and thirty were rescued in three hours."))
    [3.0, 19.0, 26.0, 30.0]
    >>> numbers_in("the twenty-first century")
    set()
    >>> sorted(numbers_in("a dozen fans, sixty-five thousand tickets and two million passengers"))
    [12.0, 65000.0, 2000000.0]
    """
    found = {v for _, _, v in number_spans(text)}
    tens = []

    def scaled(value: float, end: int) -> float:  # "sixty-five thousand", "two million"
        m = _SPELT_SCALE.match(text, end)
        return _round(value * _SCALE[m.group(1).lower()]) if m else value

    for m in _TENS_NUM.finditer(text):
        tens.append((m.start(), m.end()))
        if not _in_name(text, m.start(), m.end()):
            found.add(scaled(float(_TENS[m.group(1).lower()]) + (_WORDS[m.group(2).lower()] if m.group(2) else 0.0), m.end()))
    for m in _WORD_NUM.finditer(text):
        if not any(a <= m.start() < b for a, b in tens) and not _in_name(text, m.start(), m.end()):  # the "six" of "twenty-six"
            found.add(scaled(_WORDS[m.group(1).lower()], m.end()))
    return found


_CAPITAL_WORD = re.compile(r"[A-Z][\w'’.&-]*")


def _in_name(text: str, start: int, end: int) -> bool:
    """The spelled number at ``text[start:end]`` is a word of a name, not a figure: "the Final Four", "the Big Ten",
    "Fantastic Four", capitalised after a capitalised word in running text. In a headline written in capitals
    throughout ("Storm Kills Four In Texas") it is a figure.

    >>> _in_name("her team to three Final Four appearances", 24, 28), _in_name("Four South Carolina players were drafted", 0, 4)
    (True, False)
    >>> _in_name("Storm Kills Four In Texas", 12, 16), _in_name("It Was Four", 7, 11)
    (False, False)
    """
    if not text[start].isupper():
        return False
    before = re.findall(r"\S+", text[max(0, start - 60) : start])[-3:]
    after = re.findall(r"\S+", text[end : end + 60])[:2]
    if not before or not _CAPITAL_WORD.fullmatch(before[-1].strip("\"“‘(")) or before[-1][-1:] in ".!?:;,":
        return False
    around = [w.strip("\"“”‘’()[],.;:!?") for w in before + after]
    around = [w for w in around if w[:1].isalpha()]
    lower = [w for w in around if w[:1].islower()]
    return len(lower) * 2 >= len(around)  # running text, not a headline in capitals


_SPELT_SCALE = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.I)


def _round(x: float) -> float:
    """Round away float noise (6.4 * 1e12 is 6400000000000.001)."""
    if x == 0:
        return 0.0
    digits = 12 - int(math.floor(math.log10(abs(x))))
    return round(x, digits)


_ORDINAL = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th)\b", re.I)
_UNITS_TH = "zeroth first second third fourth fifth sixth seventh eighth ninth".split()
ORDINAL_WORDS = {w: i for i, w in enumerate(_UNITS_TH)} | {
    w: 10 + i for i, w in enumerate("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
                                    "eighteenth nineteenth".split())  # fmt: skip
}
ORDINAL_WORDS |= {w[:-1] + "ieth": n for w, n in _TENS.items()} | {"hundredth": 100}
_SPELT_ORDINAL = re.compile(rf"\b(?:({'|'.join(_TENS)})[- ])?({'|'.join(ORDINAL_WORDS)})\b", re.I)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?"
# What a rank is also written as: "No. 1", "#12", "Game 7", "Q4" (the fourth quarter).
_RANKED = re.compile(
    r"\bNo\.?\s?(\d{1,4})\b|#(\d{1,4})\b|\bQ([1-4])\b|"
    r"\b(?:game|week|round|stage|leg|season|day|chapter|volume|episode|part|phase|level|category|grade)\s+(\d{1,3})\b",
    re.I,
)
# Not the noun an ordinal counts; "straight", "consecutive": "the 10th straight quarter" is "10 straight quarters"
_NOT_NOUNS = frozenset("and or of at in on to for with by from as the a an is was were straight consecutive successive".split())


def ordinals(text: str, *, ranks: bool = False) -> set[int]:
    """The ordinals ``text`` says, in digits or words ("22nd", "fourth", "twenty-second"), each with the noun it
    counts; a day of a month ("March 12th", "on the 5th", "the 5th and the 7th of June") is a date. ``ranks``: also
    what says a rank in other words ("No. 1", "#12", "Game 7", "Q4"), as evidence may.

    >>> sorted(ordinals("The 22nd state, on March 12th, for the fourth time, the twenty-second")), ordinals("12 grams")
    ([4, 22], set())
    >>> ordinals("It began on the 5th."), sorted(ordinals("the No. 1 pick in Game 7", ranks=True))
    (set(), [1, 7])
    """
    out = set()
    for m in _SPELT_ORDINAL.finditer(text):
        out.add(_TENS.get((m.group(1) or "").lower(), 0) + ORDINAL_WORDS[m.group(2).lower()])
    for m in _ORDINAL.finditer(text):
        dated = re.search(rf"\b{_MONTH}\s*$", text[: m.start()], re.I) or re.match(rf"\s+(?:of\s+)?{_MONTH}", text[m.end() :], re.I)
        noun = re.match(r"\s+([a-z][\w-]*)", text[m.end() :], re.I)
        if not dated and (ranks or (noun and noun.group(1).lower() not in _NOT_NOUNS)):
            out.add(int(m.group(1)))
    if ranks:
        out |= {int(next(g for g in m.groups() if g)) for m in _RANKED.finditer(text)}
    return out


def unsupported_numbers(claim: str, evidence: str) -> set[float]:
    """Numbers in ``claim`` that ``evidence`` does not contain (empty set: all supported). An ordinal in digits
    needs an ordinal: "the 12th state" is not stated by "12 grams or less".

    >>> unsupported_numbers("It invests 50bn over three years.", "$50 billion over the next three years")
    set()
    >>> unsupported_numbers("He had won the race twice.", "He snapped a 199-race winless streak.")
    {2.0}
    >>> unsupported_numbers("Revenue rose 9%.", "revenue rose 8%")
    {9.0}
    >>> unsupported_numbers("Delaware became the 12th state.", "Delaware allows 12 grams."), unsupported_numbers("the 4th quarter", "the fourth quarter")
    ({12.0}, set())
    >>> unsupported_numbers("She finished 2nd in the final.", "She finished second."), unsupported_numbers("It began on the 5th.", "It began on April 5.")
    (set(), set())
    """
    said = set(map(float, ordinals(evidence, ranks=True)))
    # "2nd", "No. 1", "Week 3", "the 4th of July": an ordinal in the evidence says them
    digits = {float(m.group(1)) for m in _ORDINAL.finditer(claim)}
    ranked = set(map(float, ordinals(claim, ranks=True))) | digits
    wanted = digits & set(map(float, ordinals(claim)))
    return (numbers_in(claim) - numbers_in(evidence) - (ranked & said)) | (wanted - said)
