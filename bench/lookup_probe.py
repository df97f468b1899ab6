"""Prompt-lookup decoding on this CPU: does drafting from the passages make answers faster?

    .venv/bin/python bench/lookup_probe.py --questions 8

llama-cpp-python's LlamaPromptLookupDecoding drafts the next tokens from n-grams
of the prompt (answers copy spans of the passages) and the model checks a draft
in one batch. It needs logits for every evaluated token (``logits_all``), which
also costs prefill. The same answer prompts (newsrag's, for eval/cases
questions over corpus/, evidence settings) go to the model loaded both ways, one
after the other per question, from a fresh context each time; printed: first
token, total, tokens written, and whether the two outputs are the same.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, median, table  # noqa: E402

import rag  # noqa: E402
from rag.answer import format_passages  # noqa: E402
from rag.llm import model_name  # noqa: E402
from rag.llm.model_files import resolve_model  # noqa: E402
from rag.models import REFUSAL  # noqa: E402
from rag.prompts import load  # noqa: E402
from rag.settings import Settings  # noqa: E402


def timed(llama, messages) -> dict:
    llama.reset()
    t0, first, text = time.perf_counter(), None, ""
    for part in llama.create_chat_completion(messages=messages, temperature=0.0, max_tokens=120, stream=True):
        piece = part["choices"][0]["delta"].get("content") or ""
        if piece and first is None:
            first = time.perf_counter() - t0
        text += piece
    return {"first": first, "total": time.perf_counter() - t0, "text": text}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=8)
    ap.add_argument("--draft", type=int, default=10, help="tokens drafted per step")
    args = ap.parse_args()
    from llama_cpp import Llama
    from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

    settings = Settings(index=OUT / "ask-index")
    rag.ingest([ROOT / "corpus"], settings=settings)
    questions = [q for q in map(json.loads, open(ROOT / "eval" / "cases" / "questions.jsonl")) if q["answerable"]][: args.questions]
    prompts = []
    for q in questions:
        a = rag.ask(q["question"], today="2025-04-20", settings=settings.model_copy(update={"max_answer_tokens": 16}))
        passages = format_passages(a.passages)
        system, user = load("answer").render(today="2025-04-20", refusal=REFUSAL, passages=passages, question=q["question"])
        prompts.append([{"role": "system", "content": system}, {"role": "user", "content": user}])
    path = str(resolve_model(model_name(settings), settings.cache_dir))
    plain = Llama(model_path=path, n_ctx=4096, n_threads=settings.threads, n_batch=512, verbose=False, seed=0)
    # logits_all=True by hand: with a draft model llama-cpp-python 0.3.36 turns it on but sizes its score buffer
    # from the argument (n_batch rows), and a prompt past 512 tokens fails with "could not broadcast ... (0,)".
    lookup = Llama(model_path=path, n_ctx=4096, n_threads=settings.threads, n_batch=512, verbose=False, seed=0, logits_all=True,
                   draft_model=LlamaPromptLookupDecoding(num_pred_tokens=args.draft))  # fmt: skip
    rows = {"plain": [], "prompt lookup": []}
    for messages in prompts:
        rows["plain"].append(timed(plain, messages))
        rows["prompt lookup"].append(timed(lookup, messages))
    same = sum(a["text"] == b["text"] for a, b in zip(rows["plain"], rows["prompt lookup"]))
    print(f"### Prompt-lookup decoding, {len(prompts)} answer prompts (whole chunks), greedy, fresh context each\n")
    print(table(["decoding", "first token p50 (s)", "total p50 (s)", "characters written (mean)"], [
        [name, f"{median([r['first'] for r in rs]):.2f}", f"{median([r['total'] for r in rs]):.2f}", f"{sum(len(r['text']) for r in rs) / len(rs):.0f}"]
        for name, rs in rows.items()
    ]))  # fmt: skip
    print(f"\nsame output: {same} of {len(prompts)}")


if __name__ == "__main__":
    main()
