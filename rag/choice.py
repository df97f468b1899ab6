"""Multiple-choice questions: the model picks a letter, the passages must name the option.

Asked to write "the answer is (C) ..." in prose, Qwen2.5-1.5B declined or wrote
sentences the checker could not verify ("This is stated in passage [3].") for
half of realtimeqa's questions (docs/design.md). So the model is asked one closed
question instead, as the answer policy's judge is (:mod:`rag.judge`): which letter.
Its probability for each option comes from its next-token distribution:

- llama.cpp (:meth:`rag.llm.local.LlamaCppChat.token_probabilities`): the logits after the prompt;
- an OpenAI-compatible server: ``logprobs`` of the first token;
- a model that gives neither (a scripted test model, a server without logprobs):
  the letter its reply starts with, as probability 1.

What the model picks is then checked, as every answer is: an option is
*grounded* when one sentence of a passage the model read (with at most one
neighbour, and the headline) holds its figures exactly and most of its words.
The answer is the most probable grounded option, cited to that sentence; an
option no passage names is never the answer, and when none is named the reply is
the refusal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .chunking import sentence_spans
from .citations import stems
from .models import Citation, Passage
from .numeric import numbers_in
from .policy import question_words

_WORD = re.compile(r"\w+")


def _words_as_written(text: str) -> set[str]:
    return set(_WORD.findall(text))


# Share of an option's content words one passage sentence (with a neighbour and the headline) must hold.
MIN_GROUNDED = 0.5


def letter(i: int) -> str:
    """The label of option ``i``: A, B, ...

    >>> letter(0), letter(3)
    ('A', 'D')
    """
    return chr(65 + i)


@dataclass(frozen=True)
class Ground:
    """Where the passages name one option: passage ``number`` (1-based), its quoted span, and how well."""

    share: float  # of the option's content words in the span (1.0 when it has none but its figures are there)
    coverage: float  # of the question's content words in the span
    number: int = 0  # 0: no passage names the option
    start: int = 0  # offsets in the passage text
    end: int = 0

    @property
    def ok(self) -> bool:
        return self.number > 0 and self.share >= MIN_GROUNDED


def ground(option: str, question: str, passages: Sequence[Passage]) -> Ground:
    """The sentence of ``passages`` that best names ``option``: every figure of the option exactly, then the
    most of its words, then the most of the question's.

    >>> from rag.retrieval import _p
    >>> from dataclasses import replace
    >>> p = replace(_p("x"), text="Markets fell. Sky Brown won the skateboarding world title. She is 14.")
    >>> g = ground("Skateboarding", "Sky Brown is world champion in which sport?", [p])
    >>> g.ok, p.text[g.start:g.end]
    (True, 'Sky Brown won the skateboarding world title.')
    >>> ground("BMX", "Sky Brown is world champion in which sport?", [p]).ok
    False
    >>> ground("25,000", "How many eggs?", [replace(p, text="Police found 200,000 eggs.")]).ok
    False

    An option of stop words only (the month "May", the band "The Who") is matched on its words as written,
    capitals and all, so the month is not found in "it may rain":

    >>> ground("May", "In which month?", [replace(p, text="It may rain. The emergency ends on May 11.")]).start
    13
    >>> ground("May", "In which month?", [replace(p, text="It may rain.")]).ok
    False
    """
    want, figures = stems(option), numbers_in(option)
    words_of = stems
    if not want and not figures:
        words_of = _words_as_written
        want = words_of(option)
    q = question_words(question)
    best = Ground(0.0, 0.0)
    best_key = (-1.0, -1.0)
    for n, p in enumerate(passages, 1):
        spans = sentence_spans(p.text) or [(0, len(p.text))]
        head = words_of(p.title)
        sents = [p.text[s:e] for s, e in spans]
        words_in = [words_of(t) for t in sents]
        nums_in = [numbers_in(t) for t in sents]
        for j in range(len(spans)):
            for k in {j, max(0, j - 1), min(len(spans) - 1, j + 1)}:
                lo, hi = min(j, k), max(j, k)
                held = words_in[lo] | words_in[hi]
                if figures - (nums_in[lo] | nums_in[hi]):
                    continue  # a figure of the option is not in this span
                if want:
                    share = len(want & (held | head)) / len(want)
                else:
                    share = 1.0 if figures else 0.0
                cover = len(q & (held | head)) / len(q) if q else 0.0
                key = (share - 0.01 * (hi - lo), cover)  # one sentence beats two that say as much
                if key > best_key and share > 0:
                    best_key, best = key, Ground(round(share, 4), round(cover, 4), n, spans[lo][0], spans[hi][1])
    return best


_TRUE_FALSE = frozenset({"true", "false", "yes", "no"})
_STATEMENT = re.compile(r"\s*(?:true or false|yes or no)\s*[:?,-]\s*", re.I)


def grounds(choices: Sequence[str], question: str, passages: Sequence[Passage]) -> list[Ground]:
    """:func:`ground` for each option. True/false options name nothing: for them the passages must speak to the
    question's statement, and which way is the model's call.

    >>> from rag.retrieval import _p
    >>> from dataclasses import replace
    >>> p = replace(_p("x"), text="LIV golfers may play at the Masters this week.")
    >>> [g.ok for g in grounds(["TRUE", "FALSE"], "True or false: LIV golfers can play at the Masters?", [p])]
    [True, True]
    """
    if choices and all(c.strip().lower() in _TRUE_FALSE for c in choices):
        statement = _STATEMENT.sub("", question, count=1)
        g = ground(statement, question, passages)
        return [g] * len(choices)
    return [ground(c, question, passages) for c in choices]


def search_text(question: str, choices: Sequence[str]) -> str:
    """What a multiple-choice question searches for: the question and its options, which name what the
    answering passage must name (true/false options name nothing and are left out).

    >>> search_text("Which team won?", ["Bills", "Jets"]), search_text("True or false: it rained?", ["TRUE", "FALSE"])
    ('Which team won? Bills Jets', 'True or false: it rained?')
    >>> search_text("Which team won?", [])
    'Which team won?'
    """
    return " ".join([question, *(c for c in choices if c.strip().lower() not in _TRUE_FALSE)])


def citation(g: Ground, passages: Sequence[Passage]) -> Citation:
    """The citation of a grounded option: its quoted span, verified."""
    p = passages[g.number - 1]
    return Citation(
        g.number, p.chunk_id, p.doc_id, p.title, p.url, p.published, p.text[g.start : g.end],
        p.start + g.start, p.start + g.end, True, lexical=g.share,
    )  # fmt: skip


def letter_probabilities(llm, messages, n: int) -> list[float]:
    """The model's probability of starting its reply with each of the first ``n`` letters."""
    labels = [letter(i) for i in range(n)]
    if hasattr(llm, "token_probabilities"):
        return llm.token_probabilities(messages, [(x, f" {x}", f"({x}") for x in labels])
    from .judge import first_token

    top, text = first_token(llm, messages, max_reply=4)
    p = from_logprobs(top, labels)
    return p if p is not None else from_reply(text, labels)


def from_logprobs(top: dict[str, float], labels: Sequence[str]) -> list[float] | None:
    """Each label's share of the first-token probability held by the labels; None if the model put none there.

    >>> [round(x, 2) for x in from_logprobs({"B": math.log(0.6), " A": math.log(0.2), "The": math.log(0.2)}, "AB")]
    [0.25, 0.75]
    >>> from_logprobs({"The": 0.0}, "AB") is None
    True
    """
    mass = [sum(math.exp(lp) for t, lp in top.items() if t.strip(" (").upper() == x) for x in labels]
    total = sum(mass)
    return [m / total for m in mass] if total > 0 else None


def from_reply(text: str, labels: Sequence[str]) -> list[float]:
    """A reply read as a pick: the letter it starts with (or names as "(B)"), else nothing picked.

    >>> from_reply("(B) Ukraine", "ABC"), from_reply("C", "ABC"), from_reply("I am not sure.", "AB")
    ([0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0])
    """
    m = re.match(r"\s*\(?([A-Z])\b", text) or re.search(r"\(([A-Z])\)", text)
    picked = m.group(1) if m else ""
    return [1.0 if x == picked else 0.0 for x in labels]


@dataclass(frozen=True)
class Pick:
    """The option answered (``index`` -1: none), its grounding, and why."""

    index: int
    ground: Ground | None
    reason: str


def choose(probabilities: Sequence[float], grounds: Sequence[Ground], choices: Sequence[str]) -> Pick:
    """The most probable option that a passage names; none when the model gave no option any probability or no
    passage names one.

    >>> g, no = Ground(1.0, 0.5, 2, 0, 9), Ground(0.0, 0.0)
    >>> choose([0.7, 0.3], [no, g], ["Ohio", "Texas"]).reason
    'picked (B) Texas: P 0.30, the most probable option a passage names; (A) is named by none'
    >>> choose([0.9, 0.1], [g, g], ["Ohio", "Texas"]).index, choose([0.9, 0.1], [no, no], ["Ohio", "Texas"]).index
    (0, -1)
    """
    order = sorted(range(len(choices)), key=lambda i: -probabilities[i])
    for rank, i in enumerate(order):
        if probabilities[i] > 0 and grounds[i].ok:
            why = f"picked ({letter(i)}) {choices[i]}: P {probabilities[i]:.2f}"
            if rank:
                skipped = ", ".join(f"({letter(j)})" for j in order[:rank])
                why += f", the most probable option a passage names; {skipped} {'is' if rank == 1 else 'are'} named by none"
            return Pick(i, grounds[i], why)
    if not any(probabilities):
        return Pick(-1, None, "the model named no option")
    return Pick(-1, None, "no passage names an option the model chose")
