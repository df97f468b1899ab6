"""Word stems (Snowball, through PyStemmer, which BM25 already uses), so "investing" meets "investment"."""

from __future__ import annotations

from functools import cache


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


# Snowball strips suffixes only: the past forms of irregular verbs keep a stem of their own, so "spent" never met
# "spend" nor "rose" "rise". News reports in the past tense and answers restate in the present, or back.
# Forms that are mostly other words ("left", "saw", "found", "lay", "lead") stay out; "won" is taken as "win" (the
# currency is rare in news questions).
_IRREGULAR = {
    form: base
    for base, forms in {
        "begin": "began begun", "bring": "brought", "build": "built", "buy": "bought", "choose": "chose chosen",
        "drive": "drove driven", "fall": "fell fallen", "give": "gave given", "go": "went gone", "grow": "grew grown",
        "hold": "held", "keep": "kept", "lose": "lost", "make": "made", "meet": "met", "pay": "paid",
        "rise": "rose risen", "run": "ran", "say": "said", "seek": "sought", "sell": "sold", "send": "sent",
        "spend": "spent", "strike": "struck", "take": "took taken", "teach": "taught", "tell": "told",
        "think": "thought", "win": "won", "write": "wrote written",
    }.items()
    for form in forms.split()
}


@cache
def stem(word: str) -> str:
    """The Snowball stem of one lower-case word; an irregular verb's past form has its base's stem.

    >>> stem("investing"), stem("investment"), stem("spent"), stem("spending"), stem("rose"), stem("won")
    ('invest', 'invest', 'spend', 'spend', 'rise', 'win')
    """
    return _stemmer().stemWord(_IRREGULAR.get(word, word))
