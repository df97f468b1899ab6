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
_WORDS = {w: float(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_WORDS |= {"twice": 2.0, "thrice": 3.0}
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
_WORD_NUM = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twice(?!\s+(?:as|the)\b)|thrice)\b", re.I)


def numbers_in(text: str) -> set[float]:
    """Every number in ``text`` as a float, scale words applied; ranges give both ends."""
    found: set[float] = set()
    for m in _NUM.finditer(text):
        scale_word = m.group("scale") or (m.group("short") if m.group("cur") else None)
        scale = _SCALE[scale_word.lower()] if scale_word else 1.0
        for key in ("num", "num2"):
            if m.group(key):
                found.add(_round(float(m.group(key).replace(",", "")) * scale))
    for m in _WORD_NUM.finditer(text):
        found.add(_WORDS[m.group(1).lower()])
    return found


def _round(x: float) -> float:
    """Round away float noise (6.4 * 1e12 is 6400000000000.001)."""
    if x == 0:
        return 0.0
    digits = 12 - int(math.floor(math.log10(abs(x))))
    return round(x, digits)


def unsupported_numbers(claim: str, evidence: str) -> set[float]:
    """Numbers in ``claim`` that ``evidence`` does not contain (empty set: all supported).

    >>> unsupported_numbers("It invests 50bn over three years.", "$50 billion over the next three years")
    set()
    >>> unsupported_numbers("He had won the race twice.", "He snapped a 199-race winless streak.")
    {2.0}
    >>> unsupported_numbers("Revenue rose 9%.", "revenue rose 8%")
    {9.0}
    """
    return numbers_in(claim) - numbers_in(evidence)
