"""Which sentences of a passage the model reads (rag.evidence), and that checking still sees the whole passage."""

from __future__ import annotations

import pytest

from rag.answer import format_passage
from rag.citations import Checker
from rag.evidence import GAP, evidence
from rag.retrieval import _p

TEXT = ("The council met on Monday evening. "
        "It approved a budget of 12 million euros for the new library, which will open in 2027. "
        "Several residents spoke against the plan. "
        "The mayor said the library would have a children's wing and a rooftop garden. "
        "The vote was seven to two.")  # fmt: skip


@pytest.mark.parametrize(
    "question, keep, expected",
    [
        ("How much is the new library budget?", 1, "It approved a budget of 12 million euros for the new library, which will open in 2027."),
        ("What will the library have?", 2,
         "It approved a budget of 12 million euros for the new library, which will open in 2027."
         + GAP + "The mayor said the library would have a children's wing and a rooftop garden."),
        ("How did the council vote?", 1, "The council met on Monday evening. It approved a budget of 12 million euros for the new library, which will open in 2027."),
        ("Who won the cup final?", 2, "The council met on Monday evening. It approved a budget of 12 million euros for the new library, which will open in 2027."),
        ("library", 9, TEXT),  # fewer sentences than keep: the passage as it is
    ],
)
def test_sentences_that_bear_on_the_question_in_article_order(question, keep, expected):
    assert evidence(TEXT, question, keep) == expected


def test_the_prompt_shows_evidence_but_the_checker_quotes_the_whole_passage():
    from dataclasses import replace

    p = replace(_p("x"), text=TEXT, end=len(TEXT), title="Library budget")
    shown = format_passage(1, p, "How much is the new library budget?", 1)
    assert "rooftop" not in shown and "12 million euros" in shown
    assert format_passage(1, p) == f"[1] Library budget (published date unknown)\n{TEXT}"
    # A sentence the model was not shown still verifies against its passage, at exact offsets.
    (claim,) = Checker([p]).check("The vote was seven to two [1].").claims
    assert claim.verified and TEXT[claim.citations[0].start : claim.citations[0].end] == "The vote was seven to two."
