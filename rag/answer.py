"""Cited answers: retrieve -> pack into a token budget -> prompt -> LLM -> check citations.

The chain is LangChain LCEL; what makes the citations trustworthy is the check
afterwards (``rag.citations``), not the model.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .citations import Checker, Citation, Claim
from .llm import text_output
from .models import Passage
from .offline import encoding
from .prompts import Prompt, load

if TYPE_CHECKING:  # langchain_core costs ~0.5 s to import: only the chains below load it
    from langchain_core.runnables import Runnable

# The one phrase for "not in these articles": the prompt tells the model to say
# exactly this, the code detects it, and the tests assert on it.
REFUSAL = "The articles do not answer this question."

_REFUSAL_VARIANTS = re.compile(
    r"(passages?|articles?|context|sources?|texts?) (provided |given )?(do|does|did) not (contain|provide|mention|say|include|answer|specify|state|have)"
    r"|no (information|mention|details?) (about|on|of|regarding)|not (mentioned|provided|specified|stated) in the (passages?|articles?)"
    r"|(cannot|can't|unable to) (find|answer|determine)",
    re.I,
)


@dataclass
class Answer:
    question: str
    text: str  # the answer with [n] markers, or REFUSAL
    citations: list[Citation]
    claims: list[Claim]
    passages: list[Passage]  # numbered 1..n as the model saw them (or the closest, when refused)
    refused: bool
    raw: str = ""  # what the model wrote, before checking
    model: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # retrieve_s, first_token_s, llm_s, check_s, total_s
    tokens: dict[str, int] = field(default_factory=dict)  # prompt, completion

    @property
    def verified(self) -> bool:
        return not self.refused and bool(self.claims) and all(c.verified for c in self.claims)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["verified"] = self.verified
        return d


def normalize(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", text.lower()).strip()


def is_refusal(text: str) -> bool:
    """Did the model decline?

    >>> is_refusal("The articles do not answer this question.")
    True
    >>> is_refusal("The passages do not mention the price.")
    True
    >>> is_refusal("Alibaba will invest $50 billion [1].")
    False
    """
    return normalize(REFUSAL) in normalize(text) or bool(_REFUSAL_VARIANTS.search(text))


def format_passage(n: int, p: Passage) -> str:
    header = f"[{n}] {p.title} (published {p.published or 'date unknown'}{', ' + p.source if p.source else ''})"
    return f"{header}\n{p.text}"


def pack(passages: Sequence[Passage], budget: int, count: Callable[[str], int]) -> list[Passage]:
    """Passages in rank order that fit in ``budget`` tokens; one too big is skipped, not cut.

    >>> from rag.retrieval import _p
    >>> [p.chunk_id for p in pack([_p("a"), _p("b"), _p("c")], 7, lambda s: 1)]  # 3 tokens each
    ['a', 'b']
    """
    out, used = [], 0
    for p in passages:
        cost = count(format_passage(len(out) + 1, p)) + 2
        if used + cost <= budget:
            out.append(p)
            used += cost
    return out


def token_counter(model: str) -> Callable[[str], int]:
    """tiktoken counts for the target model; cl100k for local models, with headroom.

    Qwen's and Llama's tokenizers run close to cl100k on English news; the 10%
    headroom keeps a packed prompt inside the real context window.
    """
    try:
        import tiktoken

        from .offline import prepare_tiktoken

        prepare_tiktoken()
        enc = tiktoken.encoding_for_model(model)
        return lambda s: len(enc.encode(s, disallowed_special=()))
    except (KeyError, ValueError):
        enc = encoding("cl100k_base")
        return lambda s: int(len(enc.encode(s, disallowed_special=())) * 1.1) + 1


def generation_chain(llm, prompt: Prompt | None = None) -> Runnable:
    """LCEL: prompt variables -> messages -> chat model -> text."""
    from langchain_core.runnables import RunnableLambda

    prompt = prompt or load("answer")
    return RunnableLambda(lambda v: prompt.messages(**v)) | llm | text_output()


def context_chain(retrieve: Callable[[str], list[Passage]], budget: int, count: Callable[[str], int]) -> Runnable:
    """LCEL: {"question"} -> {"question", "retrieved", "passages"} (packed into the budget)."""
    from langchain_core.runnables import RunnableLambda, RunnablePassthrough

    return RunnablePassthrough.assign(retrieved=RunnableLambda(lambda v: retrieve(v["question"]))) | RunnablePassthrough.assign(
        passages=RunnableLambda(lambda v: pack(v["retrieved"], budget, count))
    )


def stream_answer(
    question: str,
    *,
    retrieve: Callable[[str], list[Passage]],
    llm,
    embed=None,
    budget: int = 1400,
    context_window: int = 4096,
    max_answer_tokens: int = 300,
    min_relevance: float = 0.25,
    today: date | None = None,
    model: str = "",
    repair: bool = True,
) -> Iterator[str | Answer]:
    """Yield answer text as it streams, then the checked :class:`Answer` as the last item."""
    t0 = time.perf_counter()
    prompt = load("answer")
    count = token_counter(model)
    today_s = (today or date.today()).isoformat()
    overhead = count("\n".join(prompt.render(today=today_s, refusal=REFUSAL, passages="", question=question)))
    budget = max(0, min(budget, context_window - overhead - max_answer_tokens - 64))
    ctx = context_chain(retrieve, budget, count).invoke({"question": question})
    timings = {"retrieve_s": round(time.perf_counter() - t0, 3)}
    passages: list[Passage] = ctx["passages"]
    best = max((p.scores.get("dense", 0.0) for p in ctx["retrieved"]), default=0.0)
    if not passages or best < min_relevance:
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        yield REFUSAL
        yield Answer(question, REFUSAL, [], [], ctx["retrieved"][:3], True, model=model, timings=timings)
        return

    variables = {
        "today": today_s,
        "refusal": REFUSAL,
        "passages": "\n\n".join(format_passage(i, p) for i, p in enumerate(passages, 1)),
        "question": question.strip(),
    }
    raw = ""
    t_llm = time.perf_counter()
    for token in generation_chain(llm, prompt).stream(variables):
        if not raw and token:
            timings["first_token_s"] = round(time.perf_counter() - t0, 3)
        raw += token
        yield token
    timings["llm_s"] = round(time.perf_counter() - t_llm, 3)  # prefill + decoding (+ a local model's first load)
    tokens = {"prompt": overhead + count(variables["passages"]), "completion": count(raw)}

    t_check = time.perf_counter()
    checked = Checker(passages, embed, repair=repair).check(raw) if raw.strip() else None
    timings["check_s"] = round(time.perf_counter() - t_check, 3)
    refused = checked is None or is_refusal(raw) and not any(c.verified for c in checked.claims)
    timings["total_s"] = round(time.perf_counter() - t0, 3)
    if refused:
        yield Answer(question, REFUSAL, [], [], passages[:3], True, raw, model, timings, tokens)
        return
    yield Answer(question, checked.text, checked.citations, checked.claims, passages, False, raw, model, timings, tokens)
