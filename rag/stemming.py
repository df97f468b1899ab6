"""Word stems (Snowball, through PyStemmer, which BM25 already uses), so "investing" meets "investment"."""

from __future__ import annotations

from functools import cache


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@cache
def stem(word: str) -> str:
    """The Snowball stem of one lower-case word.

    >>> stem("investing"), stem("investment"), stem("won")
    ('invest', 'invest', 'won')
    """
    return _stemmer().stemWord(word)
