"""The fixed part of a prompt is evaluated once per process: llama.cpp's own counts say so.

Real Qwen2.5-1.5B on llama.cpp over corpus/; ``Answer.tokens["evaluated"]`` is
llama.cpp's count of prompt tokens it evaluated for the answer (``n_p_eval``).
"""

from __future__ import annotations

import pytest

import rag
from rag.settings import Settings

pytestmark = pytest.mark.slow

FIXED = 200  # the instructions and worked example are ~270 tokens: a reused prefix saves at least this


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    from conftest import CORPUS

    settings = Settings(index=tmp_path_factory.mktemp("prefix") / "index")
    rag.ingest([CORPUS], settings=settings)
    return settings


def test_the_instructions_are_evaluated_once_even_with_a_rewrite_in_between(indexed):
    first = rag.ask("How much is Alibaba investing?", today="2025-04-20", settings=indexed)
    question = "What did Nvidia report?"
    plain = rag.ask(question, today="2025-04-21", settings=indexed)  # another day: the same fixed part
    # (The first may already reuse it: other tests in this process ran the model.)
    assert plain.tokens["evaluated"] + FIXED < plain.tokens["prompt"], (first.tokens, plain.tokens)

    # A follow-up runs the rewrite prompt first, which takes the context over; the answer's state is restored after it.
    follow = rag.ask("When was that announced?", history=[first], today="2025-04-20", settings=indexed)
    assert follow.asked and follow.tokens["evaluated"] + FIXED < follow.tokens["prompt"], follow.tokens

    # Restoring the saved state changes nothing: the rewritten question asked directly (no rewrite, so no
    # restore) gets the same answer. Another question first, so that the direct one evaluates the same tokens
    # after the same fixed part: asked right after the follow-up, its whole prompt would be cached and its last
    # token evaluated alone, and batch-of-one arithmetic can flip a near tie (measured: [1] against [2], two
    # chunks of the same article).
    rag.ask(question, today="2025-04-21", settings=indexed)
    direct = rag.ask(follow.question, today="2025-04-20", settings=indexed)
    assert direct.tokens["evaluated"] == follow.tokens["evaluated"], (direct.tokens, follow.tokens)
    assert direct.text == follow.text, (direct.raw, follow.raw)
