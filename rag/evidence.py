"""What of the passages the model reads: the sentences that bear on the question, not whole chunks.

A 160-token chunk holds five to eight sentences, most of them about something
else, and on a CPU the model reads every prompt token before it writes one
(prefill is ~90% of the time to the first token). So the prompt shows, per
passage, its headline and date and the sentences that bear on the question, in
article order, joined by " … " where sentences were left out.

Which sentences: each is scored by its embedding's cosine with the question
plus ``LEXICAL`` x the share of the question's word stems it holds. Every
passage shows its best sentence (a short one brings the next along, for
sense); then the best remaining sentences of any passage are added while they
fit in ``budget`` tokens. So the passage that answers gets more room than one
that only shares a word, and the prompt's size is set, not the sentence count.

The passages themselves stay whole: the checker verifies quotes against the
full chunk, so offsets into the article are exact as before, and a sentence the
model was not shown can still support a claim.

>>> text = "Shares fell 3%. Alibaba will invest $50 billion in AI. The plan runs three years. Analysts were upbeat."
>>> select("How much will Alibaba invest in AI?", [text], 15, lambda s: len(s.split()))
['Alibaba will invest $50 billion in AI. The plan runs three years.']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .chunking import sentence_spans
from .citations import stems

GAP = " … "
SHORT = 12  # words: a best sentence this short brings the next one along
HEADER = 20  # tokens of a passage's headline and date, roughly
LEXICAL = 0.5  # weight of the question's stems a sentence holds, beside its cosine with the question

Spans = list[tuple[int, int]]


def _render(text: str, spans: Spans, chosen: set[int]) -> str:
    out, last = [], None
    for i in sorted(chosen):
        if last is not None:
            out.append(" " if i == last + 1 else GAP)
        out.append(text[spans[i][0] : spans[i][1]].strip())
        last = i
    return "".join(out)


def _with_next(text: str, spans: Spans, best: int) -> set[int]:
    """The best sentence, and the next one when the best is too short to make sense alone."""
    chosen = {best}
    if len(text[spans[best][0] : spans[best][1]].split()) < SHORT and best + 1 < len(spans):
        chosen.add(best + 1)
    return chosen


def sentence_scores(question: str, groups: Sequence[Sequence[str]], embed=None) -> list[np.ndarray]:
    """How well each sentence of each group (a passage's sentences) bears on the question:
    cosine with the question (when ``embed`` is given) + LEXICAL x the share of its stems held.

    Each passage's sentences are embedded in one call of their own, as the checker
    embeds them: the int8 embedder's numbers shift a little with what shares a
    batch, and the checker then reuses these vectors (``answer.memo_embed``) and
    decides exactly as it would alone.

    >>> [g.round(2).tolist() for g in sentence_scores("When did the plant open?", [["The plant opened in May.", "Shares fell."]])]
    [[0.5, 0.0]]
    """
    asked = stems(question)
    out = [LEXICAL * np.array([len(stems(s) & asked) / max(1, len(asked)) for s in g], dtype=np.float64) for g in groups]
    if embed is None:
        return out
    q = np.asarray(embed([question]), dtype=np.float64)[0]
    q /= np.linalg.norm(q) + 1e-12
    for i, g in enumerate(groups):
        if len(g):
            v = np.asarray(embed(list(g)), dtype=np.float64)
            out[i] = out[i] + (v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-12)) @ q
    return out


def select(
    question: str, texts: Sequence[str], budget: int, count: Callable[[str], int], embed=None, *, each: bool = True
) -> list[str | None]:
    """Per passage (``texts`` in rank order), the sentences the model reads, within ``budget`` tokens in all.

    Each passage keeps at least its best sentence (see the module doc); the rest of
    the budget goes to the best sentences left, wherever they are.

    >>> texts = ["Rain fell. The plant opened in May after delays. It employs 200.", "Shares fell. Plant news."]
    >>> select("When did the plant open?", texts, 12, lambda s: len(s.split()))
    ['The plant opened in May after delays. It employs 200.', 'Plant news.']
    """
    spans = [sentence_spans(t) or [(0, len(t))] for t in texts]
    groups = [[t[s:e] for s, e in sp] for t, sp in zip(texts, spans)]
    flat = [(i, j) for i, sp in enumerate(spans) for j in range(len(sp))]
    scores = sentence_scores(question, groups, embed) if flat else []
    score = {(i, j): float(scores[i][j]) for i, j in flat}
    cost = {(i, j): count(groups[i][j]) + 1 for i, j in flat}
    header = 0 if each else HEADER  # without ``each``, a passage's headline counts against the budget too
    chosen: list[set[int]] = [set() for _ in texts]
    if each or not flat:
        for i, sp in enumerate(spans):
            best = max(range(len(sp)), key=lambda j: (score[(i, j)], -j))
            chosen[i] = _with_next(texts[i], sp, best)
    else:  # the first passage's best sentence at least; the rest as the budget allows
        best = max(range(len(spans[0])), key=lambda j: (score[(0, j)], -j))
        chosen[0] = _with_next(texts[0], spans[0], best)
    used = sum(cost[(i, j)] + (header if j == min(js) else 0) for i, js in enumerate(chosen) for j in js)
    for i, j in sorted(flat, key=lambda key: (-score[key], key)):
        extra = cost[(i, j)] + (0 if chosen[i] else header)
        if j not in chosen[i] and used + extra <= budget:
            chosen[i].add(j)
            used += extra
    return [
        None if not chosen[i] else texts[i] if len(chosen[i]) == len(spans[i]) else _render(texts[i], spans[i], chosen[i])
        for i in range(len(texts))
    ]
