"""Cited answers: pack the retrieved passages into a token budget -> prompt -> LLM -> check citations.

The generation chain is LangChain LCEL; what makes the citations trustworthy is
the check afterwards (``rag.citations``), not the model. Whether to answer at
all, and what of the answer to show, is the answer policy (``rag.policy``):
before the model, :func:`nothing_relevant` and the answerability score; after
it, only sentences that verified.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from . import choice, disagree, evidence, policy
from .citations import Checker, render
from .errors import ConfigError
from .judge import judge
from .llm import context_window, model_name, text_output
from .models import REFUSAL, Answer, Citation, Claim, Passage, When, unique_citations
from .offline import encoding
from .prompts import Prompt, load
from .settings import Settings

if TYPE_CHECKING:  # langchain_core costs ~0.5 s to import: only the chains below load it
    from langchain_core.runnables import Runnable

__all__ = ["REFUSAL", "Answer", "stream_answer"]

_REFUSAL_VARIANTS = re.compile(
    r"(passages?|articles?|context|sources?|texts?) (provided |given )?(do|does|did) not (contain|provide|mention|say|include|answer|specify|state|have)"
    r"|no (information|mention|details?) (about|on|of|regarding)|not (mentioned|provided|specified|stated) in the (passages?|articles?)"
    r"|(cannot|can't|unable to) (find|answer|determine)",
    re.I,
)


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


def nothing_relevant(packed: Sequence[Passage], retrieved: Sequence[Passage], min_relevance: float) -> bool:
    """Decline before asking the model: nothing fits the prompt, or even the best passage is off-topic.

    >>> from rag.retrieval import _p
    >>> nothing_relevant([], [], 0.25)
    True
    >>> from dataclasses import replace
    >>> near = replace(_p("a"), scores={"dense": 0.3})
    >>> nothing_relevant([near], [near], 0.25), nothing_relevant([near], [near], 0.4)
    (False, True)
    """
    best = max((p.scores.get("dense", 0.0) for p in retrieved), default=0.0)
    return not packed or best < min_relevance


def refusal_text(when: When, retrieved: Sequence[Passage]) -> str:
    """The fixed refusal; when the search had a date window, the window too, so the user sees why.

    >>> from datetime import date
    >>> refusal_text(When(), [])
    'The articles do not answer this question.'
    >>> refusal_text(When(date(2025, 2, 24), date(2025, 3, 2), phrase="last week", implied=True), [])
    'The articles do not answer this question. No article in the index was published between 2025-02-24 and 2025-03-02 ("last week").'
    >>> refusal_text(When(date(2025, 3, 1), date(2025, 2, 1)), [])
    'The articles do not answer this question. The window starts on 2025-03-01, after the as-of date 2025-02-01: no article can be used.'
    """
    if not when.bounded:
        return REFUSAL
    if when.since and when.until and when.since > when.until:  # --since after --today
        return f"{REFUSAL} The window starts on {when.since}, after the as-of date {when.until}: no article can be used."
    why = f' ("{when.phrase}")' if when.implied and when.phrase else ""
    if not retrieved:
        return f"{REFUSAL} No article in the index was published {when.describe()}{why}."
    return f"{REFUSAL} Searched articles published {when.describe()}{why}."


def stale_date(citations: Sequence[Citation], when: When, stale_days: int) -> date | None:
    """The newest cited article's date when it is more than ``stale_days`` before today, else None.

    An answer from old news says so ("As of <date>: ..."): the user asked on
    ``when.today`` and the story may have moved on.

    >>> from datetime import date
    >>> c = lambda d: Citation(1, "c", "d", "T", "", d, "q", 0, 1, True)
    >>> stale_date([c(date(2025, 1, 2)), c(date(2025, 2, 20))], When(today=date(2025, 3, 5)), 7)
    datetime.date(2025, 2, 20)
    >>> stale_date([c(date(2025, 3, 1))], When(today=date(2025, 3, 5)), 7) is None
    True
    """
    dated = [c.published for c in citations if c.published]
    if not dated or when.today is None:
        return None
    newest = max(dated)
    return newest if (when.today - newest).days > stale_days else None


def as_of_prefix(d: date) -> str:
    """The words that date an answer.

    >>> as_of_prefix(date(2025, 2, 4))
    'As of February 4, 2025: '
    """
    return f"As of {d:%B} {d.day}, {d.year}: "


def with_choices(question: str, choices: Sequence[str]) -> str:
    """A multiple-choice question as the model reads it (``prompts/choices.md``); unchanged without choices.

    >>> with_choices("Which team?", ["Bills", "Jets"]).splitlines()[1]
    'Options: (A) Bills; (B) Jets'
    """
    if not choices:
        return question
    options = "; ".join(f"({chr(65 + i)}) {c}" for i, c in enumerate(choices))
    return load("choices").render(question=question.strip(), options=options)[1]


def format_passage(n: int, p: Passage, shown: str | None = None) -> str:
    """A passage as a summary's model reads it: headline, date, source, then its text; or, compact, headline and
    date, then ``shown``: the sentences of it that bear on the question (:func:`rag.evidence.select`). An answer's
    model reads :func:`format_passages`.

    >>> from dataclasses import replace
    >>> from rag.retrieval import _p
    >>> print(format_passage(2, replace(_p("a"), title="Shares rise", source="Wire"), "It rose."))
    [2] Shares rise (date unknown)
    It rose.
    """
    if shown is not None:
        return f"[{n}] {p.title} ({p.published or 'date unknown'})\n{shown}"
    header = f"[{n}] {p.title} (published {p.published or 'date unknown'}{', ' + p.source if p.source else ''})"
    return f"{header}\n{p.text}"


_CUT_TITLE = re.compile(r"\s*(?:\.\.\.|…)$|\s+\|\s+[^|]{1,40}$")  # a cut title's "...", a " | CNN Business" suffix


def headline(title: str) -> str:
    """A title as the answer's prompt shows it: without the "..." of a feed's cut title or a site's " | Name" suffix.

    >>> headline("What's getting more expensive at the grocery store | CNN ..."), headline("Fox settles with Dominion ...")
    ("What's getting more expensive at the grocery store", 'Fox settles with Dominion')
    """
    for _ in range(2):
        title = _CUT_TITLE.sub("", title)
    return title.strip()


def format_passages(passages: Sequence[Passage], shown: Sequence[str | None] | None = None) -> str:
    """The passages as the answer's model reads them, numbered from 1: a header of headline, date and source (if
    any), then the text, or ``shown``, the sentences of it that bear on the question (:func:`rag.evidence.select`).

    A second passage of an article already shown points to it instead of repeating its header (of realtimeqa-200's
    120 answered questions, 101 read two or more passages of one article); each passage keeps its own number,
    text and offsets, so citations and the checker are as before. With headlines cut to what they say, headers
    take a quarter fewer tokens (115 to 87 a question on realtimeqa-200's answered questions).

    >>> from dataclasses import replace
    >>> from rag.retrieval import _p
    >>> print(format_passages([replace(_p("a"), title="Shares rise | Wire", source="Wire"), _p("b"), replace(_p("c"), doc_id="da")]))
    [1] Shares rise (date unknown, Wire)
    a
    <BLANKLINE>
    [2]  (date unknown)
    b
    <BLANKLINE>
    [3] More of the article in [1]
    c
    """
    return "\n\n".join(passage_blocks(passages, shown))


def passage_blocks(passages: Sequence[Passage], shown: Sequence[str | None] | None = None) -> list[str]:
    """:func:`format_passages`, one block a passage (what a benchmark searches for the answer, passage by passage)."""
    first: dict[str, int] = {}
    out = []
    for i, (p, text) in enumerate(zip(passages, shown or [None] * len(passages)), 1):
        if p.doc_id in first:
            head = f"[{i}] More of the article in [{first[p.doc_id]}]"
        else:
            head = f"[{i}] {headline(p.title)} ({p.published or 'date unknown'}{', ' + p.source if p.source else ''})"
            first[p.doc_id] = i
        out.append(f"{head}\n{p.text if text is None else text}")
    return out


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


def close_ones(passages: Sequence[Passage], first: int, share: float) -> list[Passage]:
    """The first ``first`` passages, then those whose score is at least ``share`` x the best one's (``share`` 0: all).

    >>> from dataclasses import replace
    >>> from rag.retrieval import _p
    >>> ranked = [replace(_p(c), score=s) for c, s in zip("abcd", (1.0, 0.5, 0.45, 0.4))]
    >>> [p.chunk_id for p in close_ones(ranked, 1, 0.45)], [p.chunk_id for p in close_ones(ranked, 3, 0.9)], len(close_ones(ranked, 1, 0))
    (['a', 'b', 'c'], ['a', 'b', 'c'], 4)
    """
    if not share or not passages:
        return list(passages)
    return [p for i, p in enumerate(passages) if i < first or p.score >= share * passages[0].score]


def memo_embed(embed):
    """``embed`` that embeds each distinct text once (the rows of earlier calls are reused).

    >>> calls = []
    >>> e = memo_embed(lambda texts: calls.append(list(texts)) or np.ones((len(texts), 2)))
    >>> e(["a", "b"]).shape, e(["b", "c"]).shape, calls
    ((2, 2), (2, 2), [['a', 'b'], ['c']])
    """
    if embed is None:
        return None
    seen: dict[str, np.ndarray] = {}

    def cached(texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        new = list(dict.fromkeys(t for t in texts if t not in seen))
        if new:
            seen.update(zip(new, np.asarray(embed(new))))
        if not texts:
            return np.asarray(embed([]))
        return np.stack([seen[t] for t in texts])

    return cached


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


def used_tokens(llm, prompt: int, completion: int) -> dict[str, int]:
    """An answer's token counts; for a local model also ``evaluated``, llama.cpp's own count of the prompt tokens it
    read (a cached prefix excluded)."""
    tokens = {"prompt": prompt, "completion": completion}
    evaluated = getattr(llm, "last_evaluated", None)
    if callable(evaluated) and evaluated() is not None:
        tokens["evaluated"] = evaluated()
    return tokens


def generation_chain(llm, prompt: Prompt) -> Runnable:
    """LCEL: prompt variables -> messages -> chat model -> text."""
    from langchain_core.runnables import RunnableLambda

    return RunnableLambda(lambda v: prompt.messages(**v)) | llm | text_output()


def stream_answer(
    question: str,
    retrieved: Sequence[Passage],
    *,
    llm,
    embed,
    settings: Settings,
    when: When = When(),
    choices: Sequence[str] = (),
    started: float | None = None,
    asked: str = "",
) -> Iterator[str | Answer]:
    """Yield answer text as it streams, then the checked :class:`Answer` as the last item.

    ``retrieved`` is the ranked passages for ``question``, searched under ``when``
    (its ``today`` reaches the prompt); ``started`` is when the caller began (so
    ``retrieve_s`` covers retrieval); ``asked`` is what the user typed when
    ``question`` is its standalone rewrite; ``choices`` are the options of a
    multiple-choice question, shown to the model with it.
    """
    t0 = started if started is not None else time.perf_counter()
    prompt = load("answer")
    model = model_name(settings)
    count = token_counter(model)
    today_s = (when.today or date.today()).isoformat()
    posed = with_choices(question, choices)
    overhead = count("\n".join(prompt.render(today=today_s, refusal=REFUSAL, passages="", question=posed)))
    budget = max(0, min(settings.passage_budget, context_window(settings) - overhead - settings.max_answer_tokens - 64))
    packed = pack(retrieved, budget, count)
    # multiple choice reads all k: its letter gate (min_choice_p) was fitted on them
    passages = close_ones(packed, settings.passage_first, 0.0 if choices else settings.passage_share)
    if retrieved and not passages:  # not "no passage is close": say what took the room the articles needed
        smallest, asked_tokens = min(count(p.text) for p in retrieved), count(posed)
        if budget < smallest <= budget + asked_tokens and budget < settings.passage_budget:
            raise ConfigError(
                f"the question is too long: its {asked_tokens:,} tokens leave no room for the articles in the model's "
                f"{context_window(settings):,}-token context; shorten it"
            )
        raise ConfigError(
            f"no passage fits the {budget:,} tokens left for the articles (the smallest takes {smallest:,}); raise "
            "RAG_PASSAGE_BUDGET or RAG_CONTEXT_WINDOW, or ingest with smaller chunks"
        )
    shown: list = [None] * len(passages)
    if settings.evidence_tokens and passages:
        embed = memo_embed(embed)  # the evidence and the checker embed the same passage sentences
        whole = [p.text for p in passages[: settings.evidence_whole]]
        shown = whole + evidence.select(
            question, [p.text for p in passages[len(whole) :]], settings.evidence_tokens, count, embed, each=settings.evidence_each_passage
        )
        passages, shown = [p for p, t in zip(passages, shown) if t is not None], [t for t in shown if t is not None]
    ranked = passages  # best first: what a refusal lists as the closest sources (reversing makes a new list)
    if settings.passage_order == "reversed" and not choices:  # the best passage last, next to the question; numbered
        # as read. Multiple choice keeps rank order: its letter gate (min_choice_p) was fitted on it
        passages, shown = passages[::-1], shown[::-1]
    timings = {"retrieve_s": round(time.perf_counter() - t0, 3)}

    # what the search found decides how answerable the question is, read or not: a newer related story left out of
    # the prompt still says the answer's source is old (passage_share, evidence_tokens)
    signals = policy.signals(question, packed)
    signals["answerable"] = round(policy.answerability(signals, settings.answerable_weights), 4)

    def declined(closest: Sequence[Passage], reason: str, raw: str = "", tokens: dict | None = None, dropped=()) -> Answer:
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        text = refusal_text(when, retrieved)
        return Answer(
            question, text, [], [], list(closest[:3]), True, raw, model, timings, tokens or {}, asked, when,
            dropped=list(dropped), signals=signals, reason=reason,
        )  # fmt: skip

    if nothing_relevant(passages, retrieved, settings.min_relevance):
        yield refusal_text(when, retrieved)
        yield declined(retrieved, "no passage is close to the question" if retrieved else "no passage matched")
        return
    if signals["answerable"] < settings.min_answerable:
        yield refusal_text(when, retrieved)
        low = policy.below(signals["answerable"], settings.min_answerable).replace(" is below ", ", needs ")
        yield declined(retrieved, f"answerability too low ({low}): no passage is close enough to answer it; one place holds "
                       f"at most {signals['coverage']:.0%} of the question's words, and the best match scores {signals['dense']:.2f}")  # fmt: skip
        return

    variables = {
        "today": today_s,
        "refusal": REFUSAL,
        "passages": format_passages(passages, shown),
        "question": posed.strip(),
    }

    def chosen() -> Iterator[str | Answer]:
        """A multiple-choice answer (:mod:`rag.choice`): the model's letter, checked against the passages it read."""
        t_llm = time.perf_counter()
        probs = choice.letter_probabilities(llm, prompt.messages(**variables), len(choices))
        timings["first_token_s"] = round(time.perf_counter() - t0, 3)  # the letter: the answer is shown whole, after the check
        timings["llm_s"] = round(time.perf_counter() - t_llm, 3)
        t_check = time.perf_counter()
        grounds = choice.grounds(choices, question, passages)
        pick = choice.choose(probs, grounds, choices)
        timings["check_s"] = round(time.perf_counter() - t_check, 3)
        top = max(range(len(choices)), key=lambda i: probs[i])
        raw = f"({choice.letter(top)})" if any(probs) else ""
        tokens = used_tokens(llm, overhead + count(variables["passages"]), 1)
        for i, (p, g) in enumerate(zip(probs, grounds)):
            x = choice.letter(i)
            signals[f"p_{x}"], signals[f"grounded_{x}"], signals[f"cover_{x}"] = round(p, 4), g.share, g.coverage
        signals["picked"] = float(pick.index)
        if pick.index < 0:
            yield refusal_text(when, passages)
            yield declined(ranked, pick.reason, raw, tokens)
            return
        claims = [Claim(f"({choice.letter(pick.index)}) {choices[pick.index]}.", (choice.citation(pick.ground, passages),))]
        signals.update(policy.quote_signals(question, claims))
        signals["lag"] = policy.evidence_lag(claims, packed)
        signals["support"] = round(policy.support(signals, settings.support_weights), 4)  # recorded; the letter's P decides
        p = probs[pick.index]
        if p < settings.min_choice_p:
            yield refusal_text(when, passages)
            yield declined(ranked, f"the model's probability for ({choice.letter(pick.index)}) is {p:.2f}, below "
                           f"{settings.min_choice_p:.2f}", raw, tokens, claims)  # fmt: skip
            return
        citations = unique_citations(claims)
        old = stale_date(citations, when, settings.stale_days)
        text = (as_of_prefix(old) if old else "") + render(claims)
        yield text
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        yield Answer(
            question, text, citations, claims, list(passages), False, raw, model, timings, tokens, asked, when, old,
            signals=signals, reason=pick.reason,
        )  # fmt: skip

    if choices:  # a letter, not prose
        yield from chosen()
        return
    raw = ""
    t_llm = time.perf_counter()
    for token in generation_chain(llm, prompt).stream(variables):
        if not raw and token:
            timings["first_token_s"] = round(time.perf_counter() - t0, 3)
        raw += token
        yield token
    timings["llm_s"] = round(time.perf_counter() - t_llm, 3)  # prefill + decoding (+ a local model's first load)
    tokens = used_tokens(llm, overhead + count(variables["passages"]), count(raw))

    t_check = time.perf_counter()
    checker = Checker(passages, embed, repair=settings.citation_repair, question=question, today=when.today)
    checked = checker.check(raw) if raw.strip() else None
    timings["check_s"] = round(time.perf_counter() - t_check, 3)
    decision = policy.decide(raw, checked, is_refusal(raw), question)
    if decision.refused:
        yield declined(ranked, decision.reason, raw, tokens, decision.dropped)
        return
    claims = list(decision.kept)
    signals.update(policy.quote_signals(question, claims))
    signals["lag"] = policy.evidence_lag(claims, packed)
    if settings.judge:
        signals["judge"], timings["judge_s"] = judge(question, claims, llm)
    why = policy.unanswered(question, claims) or policy.unsupported(
        signals, settings.support_weights, settings.min_support, policy.missing_terms(question, claims)
    )
    signals["support"] = round(policy.support(signals, settings.support_weights), 4)
    if why:
        yield declined(ranked, why, raw, tokens, claims + list(decision.dropped))
        return
    citations = unique_citations(claims)
    old = stale_date(citations, when, settings.stale_days)
    if why := policy.stale_restatement(claims, old, when, question):
        yield declined(ranked, why, raw, tokens, claims + list(decision.dropped))
        return
    text = as_of_prefix(old) + render(claims) if old else render(claims)
    found = disagree.find(claims, passages)
    # Another article gives the figure differently: both are shown, each cited. And "the latest rate" answered from an
    # older article: the newer figure is shown beside it, cited. Each kind on its own line.
    later = [d for d in disagree.newer(claims, passages) if d.ours_figure not in {f.ours_figure for f in found}] if when.recent else []
    for extra in (disagree.claims_for(found, passages), disagree.newer_claims(later, passages)):
        if extra:
            text = text + "\n" + " ".join(c.text for c in extra)
            claims += extra
            citations = unique_citations(claims)
    timings["total_s"] = round(time.perf_counter() - t0, 3)
    yield Answer(
        question, text, citations, claims, list(passages), False, raw, model, timings, tokens, asked, when, old, found,
        dropped=list(decision.dropped), signals=signals, reason=decision.reason,
    )  # fmt: skip
