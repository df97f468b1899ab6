"""What of a passage the model reads: the sentences that bear on the question, not the whole chunk.

A 160-token chunk holds five to eight sentences, most of them about something
else; the model reads every token before it writes one (prefill is ~90% of the
time to the first token on a CPU). So each passage is shown as its sentences
that share words with the question, best first up to ``keep``, in article order,
with the next sentence of a short one (for sense), joined by " … ". A passage
that shares no word with the question shows its first sentence.

The passage itself stays whole: the checker verifies quotes against the full
chunk, so offsets into the article are exact as before, and a sentence the
model was not shown can still support a claim.

>>> text = "Shares fell 3%. Alibaba will invest $50 billion in AI. The plan runs three years. Analysts were upbeat."
>>> evidence(text, "How much will Alibaba invest in AI?")
'Alibaba will invest $50 billion in AI. The plan runs three years.'
"""

from __future__ import annotations

from .chunking import sentence_spans
from .citations import words

GAP = " … "
SHORT = 12  # words: a best sentence this short brings the next one along


def evidence(text: str, question: str, keep: int = 2) -> str:
    """The sentences of ``text`` that bear on ``question``, in order (see the module doc)."""
    spans = sentence_spans(text) or [(0, len(text))]
    if len(spans) <= keep:
        return text
    asked = words(question)
    scores = [len(words(text[s:e]) & asked) for s, e in spans]
    ranked = sorted((i for i, sc in enumerate(scores) if sc > 0), key=lambda i: (-scores[i], i))[:keep]
    if not ranked:
        ranked = [0]
    chosen = set(ranked)
    best = ranked[0]
    if len(text[spans[best][0] : spans[best][1]].split()) < SHORT and best + 1 < len(spans):
        chosen.add(best + 1)
    out, last = [], None
    for i in sorted(chosen):
        if last is not None:
            out.append(" " if i == last + 1 else GAP)
        out.append(text[spans[i][0] : spans[i][1]].strip())
        last = i
    return "".join(out)
