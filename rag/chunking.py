"""Token-aware, sentence-aware chunking with exact character offsets.

We do not use a generic text splitter because every chunk must map back to an
exact span of the article (``text[start:end] == chunk.text``) so citations can
point at the passage a claim came from.

>>> [c.text for c in chunk_text("d", "One. Two two. Three.", max_tokens=5, overlap=0, min_fill_ratio=0.4)]
['One. Two two.', 'Three.']
>>> [c.text for c in chunk_text("d", "Para one is here.\\n\\nPara two.", max_tokens=50, overlap=0, min_fill_ratio=0)]
['Para one is here.', 'Para two.']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import sentences
from .models import Chunk
from .offline import encoding

# The old hand-written rules, kept as the baseline that bench/sentence_bench.py measures
# rag.sentences against. A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and a
# likely sentence start, or at a line break. Common abbreviations do not end one.
_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9$£€])|\n""")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|Inc|Ltd|Co|Corp|No|Gen|Gov|Sen|Rep)\.|\b[A-Z]\.)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences, whitespace trimmed (``rag.sentences.spans``).

    >>> sentence_spans("Mr. Ma spoke. Shares rose 14%.\\nNext line")
    [(0, 13), (14, 30), (31, 40)]
    """
    return sentences.spans(text)


def _rule_spans(text: str) -> list[tuple[int, int]]:
    """The old regex splitter: breaks at "Nov. 27" and most abbreviations outside ``_ABBREV``.

    >>> _rule_spans("Mr. Ma spoke. Shares rose 14%.\\nNext line")
    [(0, 13), (14, 30), (31, 40)]
    """
    spans, start = [], 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n" and _ABBREV.search(text[max(0, match.start() - 5) : match.end()]):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return sentences.trimmed(text, spans)


def _split_long(text: str, s: int, e: int, max_tokens: int) -> list[tuple[int, int, int]]:
    """Cut one over-long sentence into windows of at most ``max_tokens`` tokens."""
    enc = encoding()
    tokens = enc.encode(text[s:e], disallowed_special=())
    _, offsets = enc.decode_with_offsets(tokens)
    pieces = []
    for i in range(0, len(tokens), max_tokens):
        a = s + offsets[i]
        b = s + offsets[i + max_tokens] if i + max_tokens < len(tokens) else e
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b, min(max_tokens, len(tokens) - i)))
    return pieces


def chunk_text(
    doc_id: str,
    text: str,
    *,
    max_tokens: int,
    overlap: int,
    min_fill_ratio: float,
    count: Callable[[str], int] | None = None,
) -> list[Chunk]:
    """Pack whole sentences into chunks of at most ``max_tokens`` tokens (ingest passes the
    Settings fields chunk_tokens, chunk_overlap and chunk_min_fill).

    Neighbouring chunks share trailing sentences worth up to ``overlap`` tokens,
    so a fact split across a boundary is still whole in one chunk.
    """
    if count is None:
        enc = encoding()
        count = lambda s: len(enc.encode(s, disallowed_special=()))  # noqa: E731
    units: list[tuple[int, int, int]] = []  # (start, end, tokens)
    for s, e in sentence_spans(text):
        n = count(text[s:e])
        units.extend(_split_long(text, s, e, max_tokens) if n > max_tokens else [(s, e, n)])

    def new_paragraph(j: int) -> bool:
        return j > 0 and "\n" in text[units[j - 1][1] : units[j][0]]

    # Paragraphs are the natural unit of a news story: once a chunk is reasonably
    # full, it ends where a paragraph ends rather than mixing in the next topic.
    min_fill = int(max_tokens * min_fill_ratio)
    chunks: list[Chunk] = []
    i = 0
    while i < len(units):
        j, total = i, 0
        while j < len(units) and (j == i or total + units[j][2] <= max_tokens):
            if j > i and total >= min_fill and new_paragraph(j):
                break
            total += units[j][2]
            j += 1
        start, end = units[i][0], units[j - 1][1]
        chunks.append(Chunk(doc_id, len(chunks), start, end, text[start:end]))
        if j >= len(units):
            break
        if new_paragraph(j):  # a clean paragraph break needs no overlap
            i = j
            continue
        # Step back over whole sentences for the overlap, but always move forward.
        back, k = 0, j
        while k - 1 > i and back + units[k - 1][2] <= overlap:
            k -= 1
            back += units[k][2]
        i = k
    return chunks
