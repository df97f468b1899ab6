"""Answers side by side: the LangChain RAG tutorial's chain, newsrag (defaults) and newsrag with evidence.

    .venv/bin/python bench/answer_anchor.py --limit 30

The anchor is the chain of LangChain's "Build a RAG App" tutorial: documents
split by RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200), an
InMemoryVectorStore, similarity_search with its default k=4, and its prompt
(rlm/rag-prompt, written out below: the hub is not reachable offline) sent as one
user message. It runs on the same GGUF model through the same llama.cpp chat
model, with the same embedder, over the same articles: the realtimeqa-2023
gold-only questions' search results, first --limit of them. The tutorial has no
date filter; newsrag answers as of each question's date, as ``rag eval`` does.

newsrag runs with its defaults (whole 160-token chunks, the passages close to
the best: ``passage_share``) and with ``evidence_tokens=250`` (the sentences that
bear on the question); ``--variant passage_share=0`` adds a row that reads all five. The systems run
interleaved, question by question, in one process, so the machine's speed on the
day cancels out of the ratios; before each newsrag answer the model's context is
cut back to the fixed instructions, so no way reuses the passages of the way
before it. Accuracy is ``rag eval``'s: a gold answer string in the answer shown
(a refusal is wrong).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, table  # noqa: E402

import rag  # noqa: E402
from rag.answer import token_counter  # noqa: E402
from rag.context import open_context  # noqa: E402
from rag.evaluation import datasets, metrics, runner  # noqa: E402
from rag.settings import Settings  # noqa: E402

TUTORIAL_PROMPT = (
    "You are an assistant for question-answering tasks. Use the following pieces of retrieved context to answer the "
    "question. If you don't know the answer, just say that you don't know. Use three sentences maximum and keep the "
    "answer concise.\nQuestion: {question} \nContext: {context} \nAnswer:"
)


def tutorial_store(docs: list[dict], embed):
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings
    from langchain_core.vectorstores import InMemoryVectorStore
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    class Same(Embeddings):  # newsrag's embedder, so retrieval differs only by the pipeline
        def embed_documents(self, texts):
            return embed(texts).tolist()

        def embed_query(self, text):
            return embed([text])[0].tolist()

    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
        [Document(page_content=d["text"], metadata={"doc_id": d["doc_id"]}) for d in docs]
    )
    store = InMemoryVectorStore(Same())
    store.add_documents(splits)
    return store


def tutorial_answer(question: str, store, llm, count) -> dict:
    from langchain_core.prompts import ChatPromptTemplate

    t0 = time.perf_counter()
    context = "\n\n".join(d.page_content for d in store.similarity_search(question))  # k=4, the default
    messages = ChatPromptTemplate.from_messages([("human", TUTORIAL_PROMPT)]).invoke({"question": question, "context": context})
    text, first = "", None
    for chunk in llm.stream(messages):
        if first is None and chunk.content:
            first = time.perf_counter() - t0
        text += chunk.content
    return {"first": first, "total": time.perf_counter() - t0, "text": text, "prompt": count(messages.to_messages()[0].content),
            "evaluated": llm.last_evaluated(), "refused": False}  # fmt: skip


def newsrag_answer(q: dict, settings: Settings, llm) -> dict:
    llm._states().keep_fixed()  # the same question was just asked another way: reuse only the instructions
    t0 = time.perf_counter()
    a = rag.ask(q["question"], today=runner.as_of(q), settings=settings)
    first = a.timings.get("first_token_s")
    return {"first": first, "total": time.perf_counter() - t0, "text": "" if a.refused else a.text,
            "prompt": a.tokens.get("prompt"), "evaluated": a.tokens.get("evaluated"), "refused": a.refused}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="../shared/data/realtimeqa-2023")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--variant", action="append", default=[], help="another newsrag row: SETTING=VALUE[,SETTING=VALUE]")
    args = ap.parse_args()

    ds = datasets.load(args.dataset, limit=args.limit, gold_only=True, skip=args.skip)
    now = runner.index_settings(ds, Settings())
    runner.build_index(ds, now)
    evidence = now.model_copy(update={"evidence_tokens": 250})
    ctx = open_context(now)
    store = tutorial_store(ds.docs, ctx.embedder.embed)
    count = token_counter(ctx.settings.model or "qwen2.5-1.5b")
    rag.ask(ds.questions[0]["question"], settings=now)  # loads the model and reads the fixed prompt once
    systems = {"LangChain tutorial chain": None, "newsrag (default)": now, "newsrag, evidence_tokens=250": evidence}
    for v in args.variant:
        systems[f"newsrag, {v}"] = Settings(**{**now.model_dump(), **dict(kv.split("=", 1) for kv in v.split(","))})
    rows: dict[str, list[dict]] = {name: [] for name in systems}
    for i, q in enumerate(ds.questions, 1):
        for name, settings in systems.items():
            r = tutorial_answer(q["question"], store, ctx.llm, count) if settings is None else newsrag_answer(q, settings, ctx.llm)
            r["correct"] = bool(r["text"]) and metrics.contains_answer(r["text"], q.get("answers") or [])
            rows[name].append(r)
        print(f"{i}/{len(ds.questions)} " + " ".join(f"{rows[n][-1]['first'] or 0:.1f}s" for n in systems), file=sys.stderr, flush=True)

    def p50(name, key):
        return median([r[key] for r in rows[name] if r[key] is not None])

    base = "LangChain tutorial chain"
    out = []
    for name in systems:
        out.append([
            name, f"{p50(name, 'first'):.2f}", f"{p50(name, 'first') / p50(base, 'first'):.2f}x",
            f"{p50(name, 'total'):.2f}", f"{metrics.mean(r['prompt'] for r in rows[name]):.0f}",
            f"{metrics.mean(r['evaluated'] for r in rows[name] if r['evaluated'] is not None):.0f}",
            f"{metrics.mean(r['correct'] for r in rows[name]):.3f}",
            "-" if name == base else f"{metrics.mean(r['refused'] for r in rows[name]):.3f}",
        ])  # fmt: skip
    print(f"### Answers side by side: {ds.name}, first {len(ds.questions)} gold-only questions, same model and machine, interleaved\n")
    print(table(["system", "first token p50 (s)", "vs tutorial", "total p50 (s)", "prompt tokens (mean)",
                 "tokens llama.cpp evaluated (mean)", "accuracy", "refused"], out))  # fmt: skip
    b, n = "newsrag (default)", "newsrag, evidence_tokens=250"
    print(f"\nevidence / default, first token p50: {p50(n, 'first') / p50(b, 'first'):.2f}x; "
          f"per question (median of ratios): {median([x['first'] / y['first'] for x, y in zip(rows[n], rows[b]) if x['first'] and y['first']]):.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
