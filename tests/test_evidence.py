"""Which sentences of the passages the model reads (rag.evidence), and that checking still sees the whole passage."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rag.answer import format_passage
from rag.citations import Checker
from rag.evidence import GAP, select
from rag.retrieval import _p

TEXT = ("The council met on Monday evening. "
        "It approved a budget of 12 million euros for the new library, which will open in 2027. "
        "Several residents spoke against the plan. "
        "The mayor said the library would have a children's wing and a rooftop garden. "
        "The vote was seven to two.")  # fmt: skip
OTHER = "Football results. The cup final went to extra time. Fans celebrated in the square."
OTHER_FIRST = "Football results. The cup final went to extra time."  # no shared word: the first, short, with the next


def words(text: str) -> int:
    return len(text.split())


BUDGET = "It approved a budget of 12 million euros for the new library, which will open in 2027."
WING = "The mayor said the library would have a children's wing and a rooftop garden."


@pytest.mark.parametrize(
    "question, budget, expected",
    [
        # Each passage keeps its best sentence; a tight budget adds nothing more.
        ("How much is the new library budget?", 10, [BUDGET, OTHER_FIRST]),
        # Room for more: the next best sentences, of whichever passage, in article order.
        ("What will the new library have?", 45, [BUDGET + GAP + WING, OTHER_FIRST]),
        # A short best sentence brings the next one along, for sense.
        ("How did the council vote?", 10, ["The council met on Monday evening. " + BUDGET, OTHER_FIRST]),
        ("Who won the cup final?", 10, ["The council met on Monday evening. " + BUDGET, "The cup final went to extra time. Fans celebrated in the square."]),
        # A budget that holds everything: the passages as they are.
        ("library", 1000, [TEXT, OTHER]),
    ],
)
def test_sentences_that_bear_on_the_question_in_article_order(question, budget, expected):
    assert select(question, [TEXT, OTHER], budget, words) == expected


def test_the_embedding_ranks_sentences_that_share_no_word_with_the_question():
    # A toy embedder: a sentence about money points the same way as a question about cost.
    def embed(texts):
        import numpy as np

        return np.array([[1.0, 0.0] if any(w in t for w in ("cost", "euros")) else [0.0, 1.0] for t in texts])

    assert select("What does it cost?", [TEXT], 5, words, embed) == [BUDGET]


def test_the_prompt_shows_evidence_but_the_checker_quotes_the_whole_passage():
    p = replace(_p("x"), text=TEXT, end=len(TEXT), title="Library budget")
    (shown,) = select("How much is the new library budget?", [p.text], 10, words)
    assert "rooftop" not in format_passage(1, p, shown) and "12 million euros" in shown
    assert format_passage(1, p) == f"[1] Library budget (published date unknown)\n{TEXT}"
    # A sentence the model was not shown still verifies against its passage, at exact offsets.
    (claim,) = Checker([p]).check("The vote was seven to two [1].").claims
    assert claim.verified and TEXT[claim.citations[0].start : claim.citations[0].end] == "The vote was seven to two."
