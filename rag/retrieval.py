"""Find the passages that best match a question: dense + BM25, fused, de-duplicated, capped.

Dense search (Chroma, cosine) finds paraphrases; BM25 finds exact names and
numbers that small embedders blur. Reciprocal rank fusion combines the two
rankings without calibrating their scores against each other.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import replace
from datetime import date

import numpy as np

from . import dedup
from .citations import words
from .embeddings import Embedder
from .errors import ConfigError, MissingDependency, check_text, visible
from .models import Filters, Passage
from .settings import Settings
from .store import Store, date_filter, day_number

_BM25_CACHE: dict[tuple, BM25Index] = {}
_BM25_LOCK = threading.Lock()


def _tokenize(texts: list[str]):
    try:
        import bm25s
        import Stemmer
    except ImportError:
        raise MissingDependency("bm25s / PyStemmer (lexical search)", "pip install bm25s PyStemmer") from None
    return bm25s.tokenize(texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), show_progress=False, return_ids=False)


class BM25Index:
    """BM25 over every chunk in the store, built in memory once per index state."""

    def __init__(self, passages: list[Passage]):
        import bm25s

        self.passages = passages
        self.days = np.array([day_number(p.published) for p in passages])
        self.sources = np.array([p.source for p in passages], dtype=object)
        self.model = bm25s.BM25()
        if passages:
            self.model.index(_tokenize([f"{p.title}\n{p.text}" for p in passages]), show_progress=False)

    @classmethod
    def for_store(cls, store: Store) -> BM25Index:
        """Cached by the index's generation: any ingest that changes chunks (in any process) rebuilds it."""
        digest = store.generation()
        if not digest:  # an index written before generations existed
            manifest = store.manifest()
            digest = hashlib.sha1("".join(sorted(m.get("hash", "") for m in manifest.values())).encode()).hexdigest()
        key = (store.location, store.chunks.name, digest)
        with _BM25_LOCK:
            if key not in _BM25_CACHE:
                _BM25_CACHE.clear()  # one index per process is the common case; keep memory flat
                _BM25_CACHE[key] = cls(store.all_chunks())
            return _BM25_CACHE[key]

    def search(self, query: str, n: int, filters: Filters = Filters()) -> list[Passage]:
        if not self.passages:
            return []
        tokens = _tokenize([query])[0]
        if not tokens:
            return []
        scores = self.model.get_scores(tokens)
        mask = np.ones(len(scores), dtype=bool)
        if filters.since:
            mask &= self.days >= day_number(filters.since)
        if filters.until:
            mask &= (self.days <= day_number(filters.until)) & (self.days > 0)
        if filters.undated:
            mask |= self.days == 0
        if filters.source:
            mask &= self.sources == filters.source
        scores = np.where(mask & (scores > 0), scores, -np.inf)
        top = np.argpartition(-scores, n)[:n] if len(scores) > n else np.arange(len(scores))
        top = top[np.argsort(-scores[top])]
        return [replace(self.passages[i], score=float(scores[i]), scores={"bm25": float(scores[i])}) for i in top if np.isfinite(scores[i])]


def rrf(rankings: dict[str, list[Passage]], k: int) -> list[Passage]:
    """Reciprocal rank fusion: each list adds 1/(k + rank) to a passage's score.

    >>> a, b = _p("a"), _p("b")
    >>> [p.chunk_id for p in rrf({"dense": [a, b], "bm25": [b]}, 60)]
    ['b', 'a']
    """
    fused: dict[str, float] = {}
    parts: dict[str, dict[str, float]] = {}
    first: dict[str, Passage] = {}
    for name, ranked in rankings.items():
        for rank, p in enumerate(ranked, 1):
            fused[p.chunk_id] = fused.get(p.chunk_id, 0.0) + 1.0 / (k + rank)
            parts.setdefault(p.chunk_id, {}).update({name: p.scores.get(name, p.score), f"{name}_rank": rank})
            first.setdefault(p.chunk_id, p)
    order = sorted(fused, key=lambda c: (-fused[c], -day_number(first[c].published)))  # a tie goes to the newer article
    return [replace(first[c], score=round(fused[c], 6), scores=parts[c]) for c in order]


def by_recency(
    ranked: list[Passage], *, weight: float, half_life: float, pool: int, k: int, near: date | None = None
) -> list[Passage]:
    """Re-rank fused passages: the ``pool`` best get a bonus that halves every ``half_life`` days of age.

    "The latest on X" means the newest of the passages *about X*, so only the
    ``pool`` best on text compete, and age counts from the newest of them (an
    unrelated story from today must not set the clock, and an archive that stops
    months ago still gets its newest first). The bonus is ``weight`` x a rank-1
    fusion score: at ``weight=1`` the newest relevant passage passes ones that
    ranked a few places higher on text alone.

    ``near``: age counts from this day instead, either way (a question that names
    no time is about the news of its day: :func:`retrieve`), and the bonus is kept
    as ``scores["near"]``. An archive far older than ``near`` gets next to none.

    >>> from datetime import date
    >>> old, new = replace(_p("old"), published=date(2025, 1, 1)), replace(_p("new"), published=date(2025, 3, 1))
    >>> [p.chunk_id for p in by_recency(rrf({"dense": [old, new]}, 60), weight=1.0, half_life=7, pool=10, k=60)]
    ['new', 'old']
    >>> [p.chunk_id for p in by_recency(rrf({"dense": [new, old]}, 60), weight=1.0, half_life=7, pool=10, k=60, near=date(2025, 1, 2))]
    ['old', 'new']
    """
    top = ranked[:pool]
    dated = [p.published for p in top if p.published]
    if not dated:
        return ranked
    newest = (near or max(dated)).toordinal()
    key = "near" if near else "recency"

    def bonus(p: Passage) -> float:
        return weight / (k + 1) * 0.5 ** (abs(newest - p.published.toordinal()) / half_life) if p.published else 0.0

    scored = [(p, bonus(p)) for p in top] + [(p, 0.0) for p in ranked[pool:]]
    scored.sort(key=lambda pb: (-(pb[0].score + pb[1]), -day_number(pb[0].published)))
    return [replace(p, score=round(p.score + b, 6), scores={**p.scores, key: round(b, 6)}) for p, b in scored]


def diversify(ranked: list[Passage], k: int, *, max_per_article: int, threshold: float, weak: float = 0.5) -> list[Passage]:
    """Top ``k`` after dropping near-duplicates and capping passages per article.

    The cap is there so one long story cannot crowd out other articles; it must
    not keep the best passage out in favour of noise. So a passage the cap held
    back takes the place of a *weak* one (dense score under ``weak`` x the best)
    ranked below it, when its own dense score is not weak: "who broke the course record" gets the
    article's record paragraph, not a heatwave story.
    """
    out: list[Passage] = []
    held: list[Passage] = []
    kept_words: list[set[str]] = []
    per_doc: dict[str, int] = {}
    bag: dict[str, set[str]] = {}
    rank = {p.chunk_id: i for i, p in reversed(list(enumerate(ranked)))}

    def near_duplicate(p: Passage, others) -> bool:
        w = bag.setdefault(p.chunk_id, words(p.text))
        return any(len(w & o) / max(1, len(w | o)) >= threshold for o in others)

    for p in ranked:
        if len(out) == k and per_doc.get(p.doc_id, 0) < max_per_article:
            continue  # full: only passages the cap held back still matter
        if near_duplicate(p, kept_words):
            continue  # syndicated copy or heavy chunk overlap: says nothing new
        if per_doc.get(p.doc_id, 0) >= max_per_article:
            held.append(p)
            continue
        out.append(p)
        kept_words.append(bag[p.chunk_id])
        per_doc[p.doc_id] = per_doc.get(p.doc_id, 0) + 1
    best = max((p.scores.get("dense", 0.0) for p in out), default=0.0)
    floor = weak * best
    strong_held = [p for p in held if p.scores.get("dense", 0.0) >= floor > 0]
    for p in strong_held:
        weakest = [i for i, q in enumerate(out) if q.scores.get("dense", 0.0) < floor and rank[q.chunk_id] > rank[p.chunk_id]]
        if not weakest:
            break
        if near_duplicate(p, [bag.setdefault(q.chunk_id, words(q.text)) for q in out]):
            continue
        out[weakest[-1]] = p  # the lowest-ranked weak passage goes
    out = sorted(out, key=lambda p: rank[p.chunk_id]) if strong_held else out
    # Too few other articles to fill k (a narrow date window, a small index): what the cap held back fills the
    # rest, after them.
    for p in held:
        if len(out) >= k:
            break
        if p not in out and not near_duplicate(p, [bag.setdefault(q.chunk_id, words(q.text)) for q in out]):
            out.append(p)
    return out


def collapse(ranked: list[Passage], groups: dedup.Groups, filters: Filters = Filters()) -> list[Passage]:
    """One article per group of syndicated copies: its newest member's best passage, in the group's best place,
    naming the others (``also_in``) that the search's ``filters`` admit (a copy published after the as-of date is
    not named).

    Passages of the other copies say nothing the kept one does not, and would
    take places another story could fill.
    """
    if not len(groups):
        return ranked
    # The newest member among the candidates stands for its group, in the place of the group's best-ranked
    # passage: a copy revised later ("Correction: the revised figure is 41,000") must not hide behind the original.
    newest: dict[str, Passage] = {}
    for p in ranked:
        key = groups.key(p.doc_id)
        have = newest.get(key)
        if have is None or (p.published and have.published and p.published > have.published):
            newest[key] = p
    def named(p: Passage) -> Passage:
        copies = tuple(c for c in groups.copies(p.doc_id) if filters.admits(c.published, c.source))
        return replace(p, also_in=copies) if copies else p

    placed: set[str] = set()
    out = []
    for p in ranked:
        key = groups.key(p.doc_id)
        if key not in placed:  # the group's best place: its newest member's best passage
            placed.add(key)
            out.append(named(newest[key]))
        elif p.doc_id == newest[key].doc_id and p.chunk_id != newest[key].chunk_id:
            out.append(named(p))  # that member's other passages, in their own places
    return out


OVERFETCH = 4  # a filtered dense search first looks this many times deeper without the filter


def dense_search(store: Store, vector, n: int, filters: Filters = Filters()) -> list[Passage]:
    """The ``n`` nearest chunks that pass ``filters``.

    Chroma's filtered search runs the metadata filter in SQLite first and took
    ~300 ms on a 20k-chunk index where the unfiltered one takes a few ms. The
    nearest chunks without the filter are a prefix of the full ranking, so when
    ``n`` of the ``OVERFETCH * n`` nearest pass the filter they *are* the ``n``
    nearest that pass; only a narrow window falls back to Chroma's filter.
    """
    if not filters.active:
        return store.query(vector, n)
    near = store.query(vector, OVERFETCH * n)
    kept = [p for p in near if filters.admits(p.published, p.source)]
    if len(kept) >= n or len(near) < OVERFETCH * n:  # enough, or the whole index was searched
        return kept[:n]
    return store.query(vector, n, date_filter(filters.since, filters.until, filters.source, filters.undated))


def exact_misses(store: Store, vector, dense: list[Passage], others: list[Passage], n: int) -> list[Passage]:
    """The dense ranking with the chunks its approximate search missed put back in their place.

    Chroma's HNSW graph can lose its way: after one long file of near-identical paragraphs (13,000 chunks of council
    minutes) the Alibaba chunk, at cosine 0.61 to "How much is Alibaba investing?", was not among the 400 nearest it
    returned, all of them minutes at 0.21. The other retrievers' candidates are scored exactly against the query,
    and those nearer than the dense ranking's last (or any, when it returned fewer than ``n``: it had nothing else
    to give) take their place in it. When HNSW is exact, as it almost always is, nothing changes.
    """
    known = {p.chunk_id for p in dense}
    missed = list(dict.fromkeys(p.chunk_id for p in others if p.chunk_id not in known))
    if not missed:
        return dense
    floor = dense[-1].scores.get("dense", dense[-1].score) if len(dense) >= n else -np.inf
    by_id = {p.chunk_id: p for p in others}
    q = np.asarray(vector, dtype=np.float32)
    q = q / (np.linalg.norm(q) or 1.0)
    found = []
    for cid, v in store.vectors(missed).items():
        score = float(q @ v / (np.linalg.norm(v) or 1.0))
        if score > floor:
            found.append(replace(by_id[cid], score=score, scores={"dense": score}))
    if not found:
        return dense
    return sorted(dense + found, key=lambda p: -p.scores.get("dense", p.score))[:n]


def check_query(query: str) -> None:
    """The one check of a question or search, at the API's door."""
    if not isinstance(query, str):
        check_text(query)  # the type's one clear line
    if not query or not query.strip():
        raise ConfigError("the query is empty; type a question or some keywords")
    check_text(query)
    if not any(c.isalnum() for c in visible(query)):  # "???", a line of zero-width spaces: nothing to search for
        raise ConfigError("the query has no words; type a question or some keywords")


def source_name(given: str, store: Store) -> str:
    """The index's own name for the source the user typed: the name itself, else the one source whose name holds
    it, case aside ("reuters" for "Reuters", "sport" for "demo desk (sport)"); no such source is one clear error."""
    check_text(given, "the source")
    if store.has_source(given):
        return given
    return match_source(given, store.sources())


def match_source(given: str, sources: dict[str, int]) -> str:
    """The one source (of ``sources``, name -> articles) that ``given`` names, case aside; else a ConfigError that
    lists what there is.

    >>> match_source("reuters", {"Reuters": 3, "AP": 2}), match_source("sport", {"desk (sport)": 1, "desk (weather)": 1})
    ('Reuters', 'desk (sport)')
    >>> match_source("desk", {"desk (sport)": 1, "desk (weather)": 1})
    Traceback (most recent call last):
    rag.errors.ConfigError: source 'desk' matches 2 sources of the index: 'desk (sport)' (1 article), 'desk (weather)' (1 article); give one of them
    >>> match_source("BBC", {"Reuters": 3})
    Traceback (most recent call last):
    rag.errors.ConfigError: no article in the index is from source 'BBC'; its sources: 'Reuters' (3 articles)
    """
    needle = given.casefold().strip()
    exact = [s for s in sources if s.casefold() == needle]
    found = exact or [s for s in sources if needle and needle in s.casefold()]
    if len(found) == 1:
        return found[0]

    def listed(names: list[str]) -> str:
        shown = [f"{s!r} ({sources[s]} article{'s' if sources[s] != 1 else ''})" for s in names[:8]]
        return ", ".join(shown) + (", ..." if len(names) > 8 else "")

    if found:
        raise ConfigError(f"source {given!r} matches {len(found)} sources of the index: {listed(found)}; give one of them")
    if not sources:
        raise ConfigError(f"no article in the index has a source, so --source {given!r} matches nothing; drop it")
    more = " (rag stats lists them all)" if len(sources) > 8 else ""
    raise ConfigError(f"no article in the index is from source {given!r}; its sources: {listed(list(sources))}{more}")


def retrieve(
    query: str,
    *,
    store: Store,
    embedder: Embedder,
    settings: Settings,
    filters: Filters = Filters(),
    k: int | None = None,
    recent: bool = False,
    near: date | None = None,
) -> list[Passage]:
    """The ``k`` (default ``settings.k``) best passages for ``query``; each keeps its dense/BM25 scores and ranks.

    ``recent``: the question asks for the latest news, so newer articles rank higher (:func:`by_recency`).
    ``near``: the question names no time, and this is its day (the as-of date, else today): articles
    published near it rank a little higher (``today_weight``; news asked about on a day is mostly that
    week's). Ignored when ``recent``.
    """
    mode = settings.retrieval
    if mode not in ("hybrid", "dense", "bm25"):
        raise ConfigError(f"unknown retrieval mode {mode!r}; use hybrid, dense or bm25")
    rankings: dict[str, list[Passage]] = {}
    if mode in ("hybrid", "dense"):
        vector = embedder.embed([query])[0]
        rankings["dense"] = dense_search(store, vector, settings.candidates, filters)
    if mode in ("hybrid", "bm25"):
        rankings["bm25"] = BM25Index.for_store(store).search(query, settings.candidates, filters)
    if mode == "hybrid":
        rankings["dense"] = exact_misses(store, vector, rankings["dense"], rankings["bm25"], settings.candidates)
    near = None if recent or not settings.today_weight else near
    ranked = rrf(rankings, settings.rrf_k) if mode == "hybrid" or recent or near else next(iter(rankings.values()))
    if recent and settings.recency_weight > 0:
        ranked = by_recency(
            ranked, weight=settings.recency_weight, half_life=settings.recency_half_life, pool=settings.recency_pool, k=settings.rrf_k
        )
    elif near:
        ranked = by_recency(
            ranked, weight=settings.today_weight, half_life=settings.recency_half_life, pool=settings.recency_pool, k=settings.rrf_k,
            near=near,
        )  # fmt: skip
    ranked = collapse(ranked, dedup.groups_for(store), filters)
    return diversify(ranked, k or settings.k, max_per_article=settings.max_per_article, threshold=settings.dedupe_threshold)


def _p(cid: str) -> Passage:  # for doctests
    return Passage(cid, "d" + cid, 0, 0, 1, cid, "", None, "", "", 0.0)
