"""A second chance for an answer that did not verify: the model picks the passage sentence that answers.

Qwen2.5-1.5B often has the answer in front of it and writes something else: a
name from its memory ("Aaron Rodgers became the NBA's all-time leading scorer"),
a passage number it was not given, a restatement of the question. The checker
rightly declines those. But the same model picks the right option of a
multiple-choice question far more often than it writes the right sentence
(realtimeqa-2023: 0.705 of questions with ``--choices`` against 0.43 in free
text). So when an answer is declined because nothing the model wrote verified,
the model is asked one closed question more: which of the passages' sentences
that bear most on the question answers it, by letter, or none of them.

- The sentences are the ``n`` best by :func:`rag.evidence.sentence_scores`
  (cosine with the question and the share of its stems), over the passages the
  model read, in that order. The last option is always "none of these".
- The question is the answer prompt's own, with the options after it
  (``prompts/pick.md``), so llama.cpp reuses the answer call's evaluated prefix
  and reads only the options.
- The answer is the picked sentence verbatim, cited to its exact span: nothing
  the model wrote is shown. It then goes through the same policy as every
  answer (support, restating the question, stale evidence); below
  ``min_pick`` probability, or on "none", the refusal stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import policy
from .chunking import sentence_spans
from .evidence import sentence_scores
from .models import Citation, Claim, Passage

MIN_WORDS = 3  # a shorter "sentence" (a byline, a caption) answers nothing
_WHOLE = re.compile(r"[.!?][\"'”’)\]]*$")  # a sentence ends so; a headline or a chunk's cut-off end does not


@dataclass(frozen=True)
class Candidate:
    """One passage sentence offered to the model: passage ``number`` (1-based) and its span in the passage text."""

    number: int
    start: int
    end: int
    text: str


def candidates(question: str, passages: Sequence[Passage], n: int, embed=None) -> list[Candidate]:
    """The ``n`` passage sentences that bear most on ``question``, best first, each once.

    Only a sentence that could be an answer is offered: a whole sentence (a headline or a
    cut-off fragment in the chunk ends without a full stop), of ``MIN_WORDS`` or more, that
    the answer policy would not decline as not answering (:func:`rag.policy.unanswered`: it
    only restates the question, gives no figure where one is asked for, ...).

    >>> from dataclasses import replace
    >>> from rag.retrieval import _p
    >>> p = replace(_p("x"), text="NBA record falls\\nShares fell 3%. LeBron James became the NBA's top scorer.")
    >>> [c.text for c in candidates("Who became the NBA's top scorer?", [p], 2)]
    ["LeBron James became the NBA's top scorer.", 'Shares fell 3%.']
    >>> [c.text for c in candidates("How many points did he score?", [p], 2)]
    ['Shares fell 3%.']
    """
    groups: list[list[Candidate]] = []
    for k, p in enumerate(passages, 1):
        spans = sentence_spans(p.text) or [(0, len(p.text))]
        groups.append([Candidate(k, s, e, " ".join(p.text[s:e].split())) for s, e in spans])
    scores = sentence_scores(question, [[c.text for c in g] for g in groups], embed)
    ranked = sorted(
        ((float(scores[i][j]), -i, -j, c) for i, g in enumerate(groups) for j, c in enumerate(g)), key=lambda t: t[:3], reverse=True
    )
    out: list[Candidate] = []
    seen: set[str] = set()
    for *_, c in ranked:
        if len(c.text.split()) < MIN_WORDS or not _WHOLE.search(c.text) or c.text.lower() in seen:
            continue
        if policy.unanswered(question, [claim(c, passages)]):
            continue
        seen.add(c.text.lower())
        out.append(c)
        if len(out) == n:
            break
    return out


def options(found: Sequence[Candidate]) -> str:
    """The options as the model reads them, one a line, "none" last.

    >>> print(options([Candidate(1, 0, 3, "It rose."), Candidate(2, 0, 3, "It fell.")]))
    (A) It rose.
    (B) It fell.
    (C) None of these sentences answers the question.
    """
    lines = [f"({chr(65 + i)}) {c.text}" for i, c in enumerate(found)]
    return "\n".join([*lines, f"({chr(65 + len(found))}) None of these sentences answers the question."])


@dataclass(frozen=True)
class Picked:
    """What the model picked: the candidate (None: "none", or below the threshold), its probability, and why."""

    candidate: Candidate | None
    p: float
    p_none: float
    reason: str


def choose(probabilities: Sequence[float], found: Sequence[Candidate], min_p: float) -> Picked:
    """The most probable option; an answer only when it is a sentence with probability ``min_p`` or more.

    >>> c = [Candidate(2, 0, 8, "It rose."), Candidate(1, 0, 8, "It fell.")]
    >>> choose([0.1, 0.8, 0.1], c, 0.5).reason
    'picked sentence (B) of passage [1]: P 0.80'
    >>> choose([0.3, 0.2, 0.5], c, 0.2).candidate is None, choose([0.45, 0.4, 0.15], c, 0.5).reason
    (True, 'picked sentence (A) of passage [2]: P 0.45, below 0.50')
    >>> choose([0.0, 0.0, 0.0], c, 0.5).reason
    'the model named no sentence'
    """
    p_none = probabilities[len(found)] if len(probabilities) > len(found) else 0.0
    if not any(probabilities):
        return Picked(None, 0.0, p_none, "the model named no sentence")
    best = max(range(len(probabilities)), key=lambda i: probabilities[i])
    if best >= len(found):
        return Picked(None, 0.0, p_none, f"the model picked none of the sentences (P {p_none:.2f})")
    c, p = found[best], probabilities[best]
    why = f"picked sentence ({chr(65 + best)}) of passage [{c.number}]: P {p:.2f}"
    if p < min_p:
        return Picked(None, p, p_none, f"{why}, below {min_p:.2f}")
    return Picked(c, p, p_none, why)


def claim(c: Candidate, passages: Sequence[Passage]) -> Claim:
    """The picked sentence as an answer: its words as the article writes them, cited to its exact span."""
    p = passages[c.number - 1]
    quote = p.text[c.start : c.end]
    cite = Citation(c.number, p.chunk_id, p.doc_id, p.title, p.url, p.published, quote, p.start + c.start, p.start + c.end, True, lexical=1.0)
    return Claim(" ".join(quote.split()), (cite,))
