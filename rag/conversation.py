"""Follow-up questions: rewrite "when was that announced?" into a standalone question.

The rewrite is what gets searched and answered; the REPL shows it with ``/why``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .errors import ConfigError
from .llm import text_output
from .models import Answer
from .prompts import load
from .settings import Settings
from .stemming import stem

Turn = tuple[str, str] | Answer  # an earlier (question, answer) pair, or the Answer rag.ask returned

_MARKS = re.compile(r"\s*\[\d+\]")
MAX_TURNS = 3  # recent turns given to the rewriter; older ones rarely matter and cost prefill time


def format_history(turns: Sequence[tuple[str, str]]) -> str:
    """[(question, answer)] -> "Q: ...\\nA: ..." lines, most recent last.

    >>> format_history([("How much?", "It is $5 [1]."), ("Who won?", "")])
    'Q: How much?\\nA: It is $5.\\nQ: Who won?\\nA: (not answered)'
    """
    lines = []
    for q, a in list(turns)[-MAX_TURNS:]:
        lines += [f"Q: {q}", "A: " + (_MARKS.sub("", a) or "(not answered)")]
    return "\n".join(lines)


# Words (stems) a follow-up uses to point back at the conversation; the rewrite replaces them with what they point at.
_POINTERS = frozenset(stem(w) for w in "company firm group one ones thing things person people man woman".split())


def dropped_words(question: str, rewrite: str) -> set[str]:
    """The follow-up's own content words (stems) that its rewrite lost, words that point back left aside.

    The rewrite should only say what "that" or "the company" stands for; one that
    loses a word the user asked with has changed the question ("In what time?"
    rewritten as "When did Kiprono win?").

    >>> dropped_words("In what time?", "When did Elias Kiprono win the Harbour City Marathon?")
    {'time'}
    >>> dropped_words("When was that announced?", "When did Acme announce its $2 billion plant?")
    set()
    >>> dropped_words("Who is the company's chief executive?", "Who is Alibaba's chief executive?")
    set()
    """
    from .policy import question_words

    return question_words(question) - question_words(rewrite) - _POINTERS


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
    """Earlier turns as (question, answer text) pairs. A declined Answer keeps its question with no answer: what
    was asked about is still what "And the women's race?" leans on.

    >>> from rag.models import REFUSAL
    >>> turns_of([("How much?", "$5 [1]."), Answer("Who?", REFUSAL, [], [], [], True)])
    [('How much?', '$5 [1].'), ('Who?', '')]
    """
    if history is None or isinstance(history, (str, bytes, dict)):
        raise ConfigError(f"history must be a list of earlier turns, not {type(history).__name__}")
    out = []
    for turn in history:
        if isinstance(turn, Answer):
            out.append((turn.question, "" if turn.refused else turn.text))
        elif isinstance(turn, (tuple, list)) and len(turn) == 2 and all(isinstance(x, str) for x in turn):
            out.append((turn[0], turn[1]))
        else:  # a dict would unpack its keys: ("question", "answer"), silently wrong
            raise ConfigError(f"each turn of history must be an Answer or a (question, answer) pair of strings, not {turn!r:.60}")
    return out


def standalone_question(question: str, history: Iterable[Turn], llm, settings: Settings) -> str:
    """The question rewritten with the conversation; unchanged when there is none.

    A rewrite that loses one of the question's own words (:func:`dropped_words`) has changed what was asked;
    the question is then asked after the one it follows, in the user's words ("Who won? In what time?").
    """
    turns = turns_of(history)
    if not turns:
        return question
    from langchain_core.runnables import RunnableLambda

    prompt = load("condense")
    chain = RunnableLambda(lambda v: prompt.messages(**v)) | llm.bind(max_tokens=settings.rewrite_tokens) | text_output()
    reply = chain.invoke({"history": format_history(turns), "question": question}) or ""
    rewrite = clean_rewrite(reply, question)
    if dropped_words(question, rewrite):  # the rewrite changed what was asked: ask it after the question it follows
        return f"{turns[-1][0]} {question}"
    return rewrite
