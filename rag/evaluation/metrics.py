"""Evaluation metrics: the one definition of each, pure functions over plain values,
checked by hand-computed tables (tests/test_eval_metrics.py).

Retrieval is scored on documents, not passages: a ranking of passages becomes
the ranking of the articles they come from (first appearance), so two passages
of one wrong article cost one rank, not two.

>>> hit_at_k(["a", "b", "c"], {"c"}, 2), hit_at_k(["a", "b", "c"], {"c"}, 3)
(False, True)
>>> mrr(["a", "b", "c"], {"b", "c"})
0.5
>>> round(token_f1("the Buffalo Bills", "Bills of Buffalo"), 3)
0.8
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np

_MARKERS = re.compile(r"\s*\[\d+\]")
_PUNCT = set(string.punctuation) | {"’", "‘", "“", "”", "—", "–"}


def strip_markers(text: str) -> str:
    """An answer without its citation markers.

    >>> strip_markers("Alibaba will invest $50 billion [1][2].")
    'Alibaba will invest $50 billion.'
    """
    return _MARKERS.sub("", text)


def normalize(text: str) -> str:
    """SQuAD normalisation: lower case, no punctuation, no articles, single spaces.

    >>> normalize("The  U.S. Army's plan!")
    'us armys plan'
    """
    text = text.lower()
    text = "".join(ch for ch in text if ch not in _PUNCT)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(answer: str, golds: Iterable[str]) -> bool:
    a = normalize(strip_markers(answer))
    return any(a == normalize(g) for g in golds)


def token_f1(answer: str, gold: str) -> float:
    """SQuAD token F1 between one answer and one gold string."""
    a, g = normalize(strip_markers(answer)).split(), normalize(gold).split()
    if not a or not g:
        return float(a == g)
    common = sum((Counter(a) & Counter(g)).values())
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(g)
    return 2 * precision * recall / (precision + recall)


def best_f1(answer: str, golds: Sequence[str]) -> float:
    return max((token_f1(answer, g) for g in golds), default=0.0)


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


def contains_answer(answer: str, golds: Iterable[str]) -> bool:
    """Accuracy as the issue defines it: a normalised gold string appears in the normalised answer.

    A possessive holds its name: "the University of Virginia's Center" names "University of Virginia" (SQuAD's
    normalisation alone makes it "virginias").

    >>> contains_answer("They play for the Buffalo Bills [1].", ["Buffalo Bills"])
    True
    >>> contains_answer("She will teach at the University of Virginia's Center for Politics.", ["University of Virginia"])
    True
    >>> contains_answer("Virginians voted.", ["Virginia"])
    False
    """
    golds = [normalize(g) for g in golds]
    text = strip_markers(answer)
    forms = {f" {normalize(text)} ", f" {normalize(_POSSESSIVE.sub('', text))} "}
    return any(g and f" {g} " in a for g in golds for a in forms)


def picked_choice(answer: str, choices: Sequence[str]) -> int | None:
    """Which option an answer picks: the one it names first, or a lone "(B)" letter; None if it names none.

    An answer that names several options picks the first it names ("the Bills
    beat the Bengals" picks the Bills); the text of an option is matched as whole
    words, so "Jets" is not found in "Jetson".

    >>> picked_choice("Hamlin plays for the Buffalo Bills [1].", ["Cincinnati Bengals", "Buffalo Bills"])
    1
    >>> picked_choice("(A) [2].", ["Cincinnati Bengals", "Buffalo Bills"]), picked_choice("No idea.", ["Jets"])
    (0, None)
    """
    text = f" {normalize(strip_markers(answer))} "
    found = []
    for i, c in enumerate(choices):
        at = text.find(f" {normalize(c)} ") if normalize(c) else -1
        if at >= 0:
            found.append((at, -len(c), i))
    if found:
        return min(found)[2]
    letter = re.search(r"\(([A-Z])\)|^\s*([A-Z])[).:]", answer)
    if letter:
        i = ord(letter.group(1) or letter.group(2)) - 65
        return i if i < len(choices) else None
    return None


def after_as_of(published: Iterable[str | None], as_of: str | None) -> int:
    """How many of these ISO dates fall after the as-of date (``YYYY-MM-DD`` or ``YYYY/MM/DD``); undated ones never do.

    >>> after_as_of(["2023-01-05", "2023-01-06", "", None], "2023/01/05")
    1
    >>> after_as_of(["2030-01-01"], None)
    0
    """
    if not as_of:
        return 0
    bound = as_of.replace("/", "-")[:10]
    return sum(bool(d) and d[:10] > bound for d in published)


def answer_rank(passages: Sequence[str], golds: Sequence[str]) -> int | None:
    """Rank (1-based) of the first passage that contains a gold answer as whole words (DPR's retrieval accuracy).

    Needs no gold documents, so it is not fooled by silver labels: on realtimeqa a
    gold document is any candidate whose text has the answer string, and the
    article that really answers is often another question's candidate.

    >>> answer_rank(["Nothing here.", "The Buffalo Bills won."], ["Buffalo Bills"]), answer_rank(["x"], ["y"])
    (2, None)
    """
    return next((i for i, text in enumerate(passages, 1) if contains_answer(text, golds)), None)


def unique(ids: Iterable[str]) -> list[str]:
    """Document ids in first-seen order (a ranking of passages -> a ranking of documents)."""
    return list(dict.fromkeys(ids))


def hit_at_k(ranked: Sequence[str], gold: set[str], k: int) -> bool:
    return any(d in gold for d in unique(ranked)[:k])


def recall_at_k(ranked: Sequence[str], gold: set[str], k: int) -> float:
    """Share of the gold documents among the top k documents.

    >>> recall_at_k(["a", "a", "b"], {"b", "z"}, 2)
    0.5
    """
    return len(gold & set(unique(ranked)[:k])) / len(gold) if gold else 0.0


def mrr(ranked: Sequence[str], gold: set[str], depth: int = 10) -> float:
    for i, d in enumerate(unique(ranked)[:depth], 1):
        if d in gold:
            return 1.0 / i
    return 0.0


def refusal_scores(refused: Sequence[bool], answerable: Sequence[bool]) -> dict[str, float | None]:
    """Precision and recall of declining, where declining is right for unanswerable questions.

    Precision is undefined (None) when nothing was refused; recall when every
    question was answerable.

    >>> refusal_scores([True, False, True], [False, False, True])
    {'precision': 0.5, 'recall': 0.5, 'rate_answerable': 1.0, 'rate_unanswerable': 0.5}
    """
    pairs = list(zip(refused, answerable, strict=True))
    right = sum(r and not a for r, a in pairs)
    n_refused = sum(r for r, _ in pairs)
    n_unans = sum(not a for _, a in pairs)
    n_ans = len(pairs) - n_unans
    return {
        "precision": right / n_refused if n_refused else None,
        "recall": right / n_unans if n_unans else None,
        "rate_answerable": sum(r and a for r, a in pairs) / n_ans if n_ans else None,
        "rate_unanswerable": right / n_unans if n_unans else None,
    }


def percentile(values: Sequence[float | None], q: float) -> float | None:
    """numpy's linear-interpolated percentile, ``q`` in 0..100, ignoring missing values.

    >>> percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 95), percentile([None], 50)
    (2.5, 3.85, None)
    """
    xs = [v for v in values if v is not None]
    return round(float(np.percentile(xs, q)), 6) if xs else None


def mean(values: Iterable[float | bool]) -> float | None:
    xs = [float(v) for v in values if v is not None]
    return sum(xs) / len(xs) if xs else None


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


ROUGE = ("rouge1", "rouge2", "rougeL")


@cache
def _rouge_scorer():
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        from ..errors import MissingDependency

        raise MissingDependency("rouge-score (summary evaluation)", "pip install 'newsrag[eval]'") from None
    return rouge_scorer.RougeScorer(list(ROUGE), use_stemmer=True)


def rouge(candidate: str, references: Sequence[str]) -> dict[str, float]:
    """ROUGE-1/2/L F1 against the best-matching reference (rouge-score, Porter stemming), markers stripped.

    >>> rouge("The cat sat [1].", ["the cat sat", "a dog ran"])["rouge1"]
    1.0
    """
    scores = _rouge_scorer().score_multi(list(references), strip_markers(candidate))
    return {k: round(scores[k].fmeasure, 4) for k in ROUGE}
