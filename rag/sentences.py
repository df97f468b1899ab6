"""Sentence spans: sentencex, then a few repairs for news text.

Chunks, quoted evidence and answer claims are all cut sentence by sentence, so a
wrong break shows up everywhere; the old hand-written rules broke at
abbreviations ("opening on Nov [2]. 27, the day before"). Measured with
``python bench/sentence_bench.py`` (40 hand-written news cases; time over 300
realtimeqa-2023 articles, 2-core CPU): the old rules got 10 cases wrong at 0.3 ms
per article, syntok 6 at 15-19 ms, pysbd 6 at 64-84 ms, sentencex alone 6 at
0.2 ms, and sentencex plus the repairs below 1 at 0.4 ms ("in May. Rates held."
stays one sentence). sentencex is small, kept up by Wikimedia, and fast because
it is rules and abbreviation lists rather than a model.

The repairs, each for a break sentencex gets wrong on news text: an opening quote
left at the end of a sentence moves to the one it opens (a closing one the other
way); a break after a title or place prefix ("Gen.", "Ft.") before a name, after
"Nov." or "No." before a number, after "p.m." before "ET", after a short word
before a lower-case word ("approx. five") or before "27," is undone; and a piece
that starts with "." or ")" (the "." after "[2]") joins the sentence before.

Offsets are exact (``text[s:e]`` is the sentence, whitespace trimmed) and a line
break always ends a sentence, so headlines and list items stand alone.

>>> text = "The bar is opening on Nov. 27, the day before Thanksgiving [2]. Mr. Ma spoke.\\nNext line"
>>> [text[s:e] for s, e in spans(text)]
['The bar is opening on Nov. 27, the day before Thanksgiving [2].', 'Mr. Ma spoke.', 'Next line']
>>> spans("Mr. Ma spoke. Shares rose 14%.")
[(0, 13), (14, 30)]
"""

from __future__ import annotations

import re

import sentencex

# Bump when the spans change: evaluation index caches key on it.
VERSION = 2

# Each rule looks at the last word before a break that ends in "." (its opening brackets and
# quotes stripped), so the patterns match a whole word, not a search back through the text.
# A short word or initials, when what follows shows it was an abbreviation: "approx. five", "1. file".
# Longer words are left alone: "Europe. https://..." and "League. the club" are sentence ends.
_SHORT = re.compile(r"[A-Za-z]{1,4}\.|(?i:approx|incl|admin|dept|govt|assn)\.|(?:[A-Za-z]\.){2,}|\d{1,3}\.")
# Abbreviations that are followed by a number: "Nov. 27", "No. 3", "Vol. 2".
_BEFORE_NUMBER = re.compile(r"(?i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol|Fig|pp|p|approx|est|ca|Art|Sec|Ch)\.")
# Abbreviations that are never the last word of a sentence: titles and place prefixes.
_BEFORE_NAME = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Hon|Ft|Mt|Pt|St)\.")
_CLOCK = re.compile(r"(?i:[ap]\.m\.)")
_ZONE_WORD = re.compile(r"(?:[ECMP][SD]?T|GMT|UTC|BST)\b")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*\b(?!:/)")  # "five", not "iPhone", "eBay" or "https://"
_NUMBER_GOES_ON = re.compile(r"\d{1,4},(?!\d)")  # "27, the day" (not "1,000 people", which may start one)
_OPENING = "“‘\"'("
_CLOSING = "”’\"')]"
_CONTINUING = ".,;:!?)]}%"


def spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, whitespace trimmed, in order.

    >>> t = 'He left. “No,” she said. It was 5 p.m. ET. Fine'
    >>> [t[s:e] for s, e in spans(t)]
    ['He left.', '“No,” she said.', 'It was 5 p.m. ET.', 'Fine']
    """
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        out.extend(_line_spans(text, start, start + len(line)))
        start += len(line) + 1
    return out


def _line_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Sentences of ``text[a:b]`` (one line): sentencex's cuts, repaired, then trimmed."""
    if not text[a:b].strip():
        return []
    cuts = _repair(text, a, b, _cuts(text, a, b))
    return trimmed(text, zip([a, *cuts], [*cuts, b]))


def trimmed(text: str, pieces) -> list[tuple[int, int]]:
    """The spans with their surrounding whitespace cut off; empty ones dropped.

    >>> trimmed(" a  b ", [(0, 3), (3, 4), (4, 6)])
    [(1, 2), (4, 5)]
    """
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _cuts(text: str, a: int, b: int) -> list[int]:
    """Offsets where sentencex starts a new sentence inside ``text[a:b]``.

    Each segment is found by searching forward from the end of the one before; if sentencex
    has changed the text (whitespace, say) we count its non-space characters instead.
    """
    cuts: list[int] = []
    pos, first = a, True
    for seg in sentencex.segment("en", text[a:b]):
        core = seg.strip()
        if not core:
            continue
        found = text.find(core, pos, b)
        if found >= 0:
            end = found + len(core)
        else:
            found = _skip(text, pos, b, 0)
            end = _skip(text, found, b, len(core) - sum(ch.isspace() for ch in core))
        if not first and found > (cuts[-1] if cuts else a):
            cuts.append(found)
        pos, first = max(pos, end), False
    return cuts


def _skip(text: str, pos: int, b: int, n: int) -> int:
    """The offset after the spaces from ``pos`` and then ``n`` more non-space characters."""
    while pos < b and (n > 0 or text[pos].isspace()):
        n -= not text[pos].isspace()
        pos += 1
    return pos


def _repair(text: str, a: int, b: int, cuts: list[int]) -> list[int]:
    """Move or drop the cuts inside ``text[a:b]`` that sentencex gets wrong on news text."""
    out: list[int] = []
    for cut in cuts:
        # A closing quote or bracket at the start belongs to the sentence before: '" "New start,"'.
        while cut < b and text[cut] in _CLOSING and (cut + 1 == b or text[cut + 1].isspace()):
            cut += 1
        # An opening quote left at the end of the sentence before moves to the one it opens.
        before = text[max(a, cut - 80) : cut].rstrip()
        if before and before[-1] in _OPENING and (len(before) == 1 or before[-2].isspace()):
            cut -= len(text[max(a, cut - 80) : cut]) - len(before) + 1
            before = before[:-1].rstrip()
        last = out[-1] if out else a
        rest = text[cut : min(b, cut + 80)].lstrip() or text[cut:b].lstrip()
        if cut > last and rest and text[last:cut].strip() and not _joins(before, rest):
            out.append(cut)
    return out


def _joins(prev: str, rest: str) -> bool:
    """Whether a break between ``prev`` and ``rest`` is wrong: an abbreviation, not a sentence end.

    >>> _joins("opening on Nov.", "27, the day before")
    True
    >>> _joins("Mr. Ma spoke.", "Shares rose 14%.")
    False
    """
    if rest[:1] in _CONTINUING:
        return True  # "[2]" then "." or "), he said": nothing starts a sentence with these
    if not prev.endswith("."):
        return False
    word = prev.rsplit(maxsplit=1)[-1].lstrip(_OPENING + "[")
    if _BEFORE_NAME.fullmatch(word) and rest[:1].isupper():
        return True
    if _BEFORE_NUMBER.fullmatch(word) and rest[:1].isdigit():
        return True
    if _CLOCK.fullmatch(word) and _ZONE_WORD.match(rest):
        return True
    return bool(_SHORT.fullmatch(word) and (_LOWER_WORD.match(rest) or _NUMBER_GOES_ON.match(rest)))
