"""Closed questions to the model: does a quote answer the question (after an answer), does a quote state a
claim (``rag verify``, :func:`entailment`)? ``P(yes)``, not free text.

A 1.5B model judging its own answer in prose is unreliable; asked one yes/no
question over one short quote (``prompts/judge.md``), its probability of "yes" is
a signal the answer policy (:mod:`rag.policy`) weighs with others and calibrates
on held-out data. The prompt's fixed part is cached by llama.cpp, so a check reads
only the question, the quote and the answer. The probability comes from the
model's next-token distribution:

- llama.cpp (:meth:`rag.llm.local.LlamaCppChat.yes_probability`): the logits after the prompt;
- an OpenAI-compatible server: ``logprobs`` of the first token;
- a model that gives neither (a scripted test model, a server without logprobs):
  its one-word reply, read as 1.0 for yes and 0.0 for no.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from .citations import parse_markers
from .models import Citation, Claim, iso
from .prompts import load


def messages(question: str, claim: Claim) -> list:
    """The judge's prompt for the answer's first kept sentence: its verified quote, headline and date."""
    cite = next((c for c in claim.citations if c.verified), claim.citations[0])
    source = cite.title + (f", {iso(cite.published)}" if cite.published else "")
    answer, _ = parse_markers(claim.text)
    return load("judge").messages(question=question.strip(), source=source, quote=cite.quote, answer=answer)


def yes_from_logprobs(top: dict[str, float]) -> float | None:
    """P(yes) among the yes/no tokens of a first-token distribution (token -> log probability).

    >>> round(yes_from_logprobs({"yes": math.log(0.6), "no": math.log(0.2), "The": math.log(0.2)}), 3)
    0.75
    >>> yes_from_logprobs({"The": 0.0}) is None
    True
    """
    yes = sum(math.exp(lp) for t, lp in top.items() if t.strip().lower() == "yes")
    no = sum(math.exp(lp) for t, lp in top.items() if t.strip().lower() == "no")
    return yes / (yes + no) if yes + no > 0 else None


def _rejected() -> tuple[type[BaseException], ...]:
    """What a server that does not take ``logprobs`` raises."""
    try:
        import openai

        return (openai.BadRequestError, openai.UnprocessableEntityError, TypeError)
    except ImportError:  # pragma: no cover
        return (TypeError,)


def first_token(llm, msgs, max_reply: int = 2) -> tuple[dict[str, float], str]:
    """An OpenAI-compatible model's first-token distribution (token -> log probability) for ``msgs``, and its
    reply text; a server that refuses ``logprobs`` gives only the reply (``max_reply`` tokens)."""
    try:
        reply = llm.bind(logprobs=True, top_logprobs=10, max_tokens=1).invoke(msgs)
    except _rejected():  # a server that refuses logprobs: its plain reply
        reply = llm.bind(max_tokens=max_reply).invoke(msgs)
    content = (reply.response_metadata or {}).get("logprobs") or {}
    first = (content.get("content") or [{}])[0] if isinstance(content, dict) else {}
    text = reply.content if isinstance(reply.content, str) else ""
    return {t["token"]: t["logprob"] for t in first.get("top_logprobs") or []}, text


def p_yes(llm, msgs) -> float:
    """The model's probability that its reply to ``msgs`` is yes."""
    if hasattr(llm, "yes_probability"):
        return llm.yes_probability(msgs)
    top, text = first_token(llm, msgs)
    p = yes_from_logprobs(top)
    if p is not None:
        return p
    return 1.0 if text.strip().lower().startswith("yes") else 0.0


def entailment(claim: str, cite: Citation, llm) -> float:
    """P(yes) that ``cite``'s quote states ``claim`` (``prompts/entail.md``): rag verify's check of what the
    rules cannot see, a claim that keeps the quote's words and changes what happened."""
    source = cite.title + (f", {iso(cite.published)}" if cite.published else "")
    return round(p_yes(llm, load("entail").messages(claim=claim.strip(), source=source, quote=cite.quote)), 4)


def judge(question: str, claims: Sequence[Claim], llm) -> tuple[float, float]:
    """P(yes) that the first kept sentence's quote answers ``question``, and the seconds it took.

    Only the first sentence is checked: it is the answer; later ones add detail,
    and each check costs a prefill.
    """
    t0 = time.perf_counter()
    p = p_yes(llm, messages(question, claims[0])) if claims else 0.0
    return round(p, 4), round(time.perf_counter() - t0, 3)
