"""Sentence segmenters on news text: cases wrong (bench/sentence_cases.py) and ms per article.

    python bench/sentence_bench.py

Scores the old rules (``rag.chunking._rule_spans``), sentencex alone, sentencex with our
repairs (``rag.sentences.spans``), and pysbd / syntok when installed (``pip install pysbd syntok``;
they are not dependencies of newsrag). Timing is over the first 300 realtimeqa-2023 articles.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import first_articles  # noqa: E402
from sentence_cases import CASES  # noqa: E402

from rag import sentences  # noqa: E402
from rag.chunking import _rule_spans  # noqa: E402

Splitter = Callable[[str], list[str]]


def _from_spans(fn) -> Splitter:
    return lambda text: [text[s:e] for s, e in fn(text)]


def _by_line(segment: Callable[[str], list[str]]) -> Splitter:
    """A library's sentences with line breaks as hard breaks, as newsrag treats them."""
    return lambda text: [s.strip() for line in text.split("\n") for s in segment(line) if s.strip()]


def splitters() -> dict[str, Splitter]:
    import sentencex

    out: dict[str, Splitter] = {
        "old rules (chunking._rule_spans)": _from_spans(_rule_spans),
        "sentencex": _by_line(lambda t: list(sentencex.segment("en", t))),
        "sentencex + repairs (sentences.spans)": _from_spans(sentences.spans),
    }
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        out["pysbd"] = _by_line(seg.segment)
    except ImportError:
        print("pysbd not installed: skipped", file=sys.stderr)
    try:
        import syntok.segmenter as syn

        def syntok_split(text: str) -> list[str]:
            return ["".join(t.spacing + t.value for t in sent) for para in syn.analyze(text) for sent in para]

        out["syntok"] = _by_line(syntok_split)
    except ImportError:
        print("syntok not installed: skipped", file=sys.stderr)
    return out


def main(n_articles: int = 300, verbose: bool = "-v" in sys.argv) -> None:
    texts = [a["text"] for a in first_articles(n_articles)]
    rows = []
    for name, split in splitters().items():
        wrong = [(text, want, got) for text, want in CASES if (got := split(text)) != want]
        split(texts[0])  # warm up lazy imports and compiled patterns
        t0 = time.perf_counter()
        for t in texts:
            split(t)
        ms = (time.perf_counter() - t0) * 1000 / len(texts)
        rows.append((name, len(wrong), ms))
        if verbose:
            for text, want, got in wrong:
                print(f"  {name}: {text!r}\n    want {want}\n    got  {got}")
    print(f"\n{len(CASES)} cases, {len(texts)} realtimeqa-2023 articles\n")
    print(f"| {'segmenter':<38} | cases wrong | ms per article |")
    print(f"|{'-' * 40}|-------------|----------------|")
    for name, wrong, ms in rows:
        print(f"| {name:<38} | {wrong:>11} | {ms:>14.2f} |")


if __name__ == "__main__":
    main()
