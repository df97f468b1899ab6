"""Prompt files load, declare the variables their callers pass, and render strictly."""

from __future__ import annotations

import pytest

from rag.answer import REFUSAL
from rag.errors import RagError
from rag.prompts import _DIRS, load

PROMPTS = sorted(p.stem for d in _DIRS if d.exists() for p in d.glob("*.md"))


@pytest.mark.parametrize("name", PROMPTS)
def test_every_prompt_renders_with_its_variables(name):
    prompt = load(name)
    system, user = prompt.render(**{v: f"<{v}>" for v in prompt.variables})
    for v in prompt.variables:
        assert f"<{v}>" in system + user
    assert "$" not in (system + user).replace("$2 billion", "")  # no unrendered placeholder


def test_answer_prompt_carries_the_refusal_phrase_and_date():
    system, user = load("answer").render(today="2025-04-20", refusal=REFUSAL, passages="P", question="Q")
    assert REFUSAL in system and "$2 billion" in system
    # The date is in the user message: the system part is the same on every call, so llama.cpp reuses it.
    assert "2025-04-20" in user and "2025-04-20" not in system
    assert load("answer").render(today="2030-01-01", refusal=REFUSAL, passages="X", question="Y")[0] == system


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"today": "x", "refusal": "x", "passages": "x"}, "missing ['question']"),
        ({"today": "x", "refusal": "x", "passages": "x", "question": "x", "extra": 1}, "unexpected ['extra']"),
    ],
)
def test_rendering_is_strict(values, message):
    with pytest.raises(RagError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load("answer").render(**values)


def test_unknown_prompt_is_a_clear_error():
    with pytest.raises(RagError, match="no prompt named 'nope'"):
        load("nope")
