"""Follow-up questions: rewrite "when was that announced?" into a standalone question.

The rewrite is what gets searched and answered; the REPL shows it with ``/why``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .llm import text_output
from .models import Answer
from .prompts import load
from .settings import Settings

Turn = tuple[str, str] | Answer  # an earlier (question, answer) pair, or the Answer rag.ask returned

_MARKS = re.compile(r"\s*\[\d+\]")
MAX_TURNS = 3  # recent turns given to the rewriter; older ones rarely matter and cost prefill time


def format_history(turns: Sequence[tuple[str, str]]) -> str:
    """[(question, answer)] -> "Q: ...\\nA: ..." lines, most recent last.

    >>> format_history([("How much?", "It is $5 [1].")])
    'Q: How much?\\nA: It is $5.'
    """
    lines = []
    for q, a in list(turns)[-MAX_TURNS:]:
        lines += [f"Q: {q}", "A: " + _MARKS.sub("", a)]
    return "\n".join(lines)


def clean_rewrite(text: str, fallback: str) -> str:
    """First non-empty line of the model's reply, without a "Rewritten:" label or quotes.

    >>> clean_rewrite('Rewritten: "When did Alibaba announce it?"\\nExtra', "x")
    'When did Alibaba announce it?'
    >>> clean_rewrite("   ", "original?")
    'original?'
    """
    for line in text.splitlines():
        line = re.sub(r"^(rewritten( question)?|question)\s*:\s*", "", line.strip(), flags=re.I).strip().strip("\"'“”")
        if line:
            return line
    return fallback


def turns_of(history: Iterable[Turn]) -> list[tuple[str, str]]:
    """Earlier turns as (question, answer text) pairs; a declined Answer says nothing to build on.

    >>> from rag.models import REFUSAL
    >>> turns_of([("How much?", "$5 [1]."), Answer("Who?", REFUSAL, [], [], [], True)])
    [('How much?', '$5 [1].')]
    """
    out = []
    for turn in history:
        if isinstance(turn, Answer):
            if not turn.refused:
                out.append((turn.question, turn.text))
        else:
            question, answer = turn
            out.append((str(question), str(answer)))
    return out


def standalone_question(question: str, history: Iterable[Turn], llm, settings: Settings) -> str:
    """The question rewritten with the conversation; unchanged when there is none."""
    turns = turns_of(history)
    if not turns:
        return question
    from langchain_core.runnables import RunnableLambda

    prompt = load("condense")
    chain = RunnableLambda(lambda v: prompt.messages(**v)) | llm.bind(max_tokens=settings.rewrite_tokens) | text_output()
    reply = chain.invoke({"history": format_history(turns), "question": question}) or ""
    return clean_rewrite(reply, question)
