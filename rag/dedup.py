"""Syndicated copies: articles whose text is near-identical form a group, counted once.

The same wire story runs in many outlets under new headlines. At ingest each
article gets a MinHash signature of its word 5-shingles (datasketch; 128
permutations, stored with the article), and articles whose estimated Jaccard
similarity is at least ``settings.near_duplicate`` are linked; a group is a
connected set of links. Its label is its oldest member (then the smallest id),
so the wire original names the group. Retrieval keeps the best-ranked member
and names the others on that passage (``Passage.also_in``).

Groups are recomputed from every stored signature after each ingest that
changed something (under a second for 7,584 articles), so a copy edited until
it is no longer near-identical leaves its group, and removing an article can
split one.

>>> a = signature("The council voted 7-2 on Tuesday to approve the new budget for parks and libraries.")
>>> b = signature("The council voted 7-2 on Tuesday to approve the new budget for parks and libraries!")
>>> round(similarity(a, b), 2), decode(encode(a)).tolist() == a.tolist()
(1.0, True)
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from .models import Copy

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2's default, named so stored signatures stay comparable across its releases
SHINGLE = 5  # words per shingle: the usual size for near-duplicate news detection
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x100000001B3)  # FNV prime: folds the word hashes of a shingle into one


def _hashes(text: str) -> np.ndarray:
    """32-bit hashes of the word ``SHINGLE``-grams of ``text`` (lower-cased), unique."""
    import xxhash

    words = _WORD.findall(text.lower())
    h = np.fromiter((xxhash.xxh64_intdigest(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(h) >= SHINGLE:
        grams = h[: len(h) - SHINGLE + 1].copy()
        with np.errstate(over="ignore"):
            for i in range(1, SHINGLE):
                grams = grams * _MIX ^ h[i : len(h) - SHINGLE + 1 + i]
    else:
        grams = h[:1] if len(h) else np.zeros(1, dtype=np.uint64)
    return np.unique(grams & np.uint64(0xFFFFFFFF))


def signature(text: str) -> np.ndarray:
    """The article's MinHash: ``NUM_PERM`` uint32 values (datasketch's permutations, seed 1)."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=SCHEME)
    m.update_batch(_hashes(text).tolist())
    return m.hashvalues.astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two articles' shingle sets (share of equal MinHash values)."""
    return float(np.mean(a == b))


def encode(sig: np.ndarray) -> str:
    """For Chroma metadata, which holds strings, numbers and booleans only."""
    return base64.b64encode(np.asarray(sig, dtype="<u4").tobytes()).decode("ascii")


def decode(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)


@dataclass(frozen=True)
class Grouping:
    groups: int  # groups of two or more articles
    grouped: int  # articles in them
    changed: int  # articles whose group label changed in this pass
    signed: int  # articles given a signature in this pass (indexes built before groups existed)
    seconds: float


def components(sigs: dict[str, np.ndarray], threshold: float) -> list[list[str]]:
    """Connected sets of articles with similarity >= ``threshold``, two or more members each.

    >>> story = "Officials said the bridge will close for repairs from Monday until the end of the month. " * 3
    >>> s = {"a": signature(story), "b": signature(story + "Reuters"), "c": signature("A different story entirely.")}
    >>> components(s, 0.85)
    [['a', 'b']]
    """
    from datasketch import MinHash, MinHashLSH

    ids = list(sigs)
    if len(ids) < 2:
        return []
    perm = len(next(iter(sigs.values())))
    lsh = MinHashLSH(threshold=threshold, num_perm=perm)
    hashes = {}
    for doc_id in ids:
        hashes[doc_id] = MinHash(num_perm=perm, hashvalues=sigs[doc_id], scheme=SCHEME)
        lsh.insert(doc_id, hashes[doc_id])
    parent = {d: d for d in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id in ids:
        for other in lsh.query(hashes[doc_id]):
            if other != doc_id and similarity(sigs[doc_id], sigs[other]) >= threshold:
                parent[root(other)] = root(doc_id)
    found: dict[str, list[str]] = {}
    for doc_id in ids:
        found.setdefault(root(doc_id), []).append(doc_id)
    return sorted((sorted(m) for m in found.values() if len(m) > 1), key=lambda m: m[0])


def label(members: Iterable[str], published: dict[str, str]) -> str:
    """A group's name: its oldest member (undated ones last), then the smallest id.

    >>> label(["b", "a", "c"], {"a": "2025-03-02", "b": "2025-03-01", "c": ""})
    'b'
    """
    return min(members, key=lambda d: (published.get(d) or "9999", d))


def regroup(store, threshold: float) -> Grouping:
    """Recompute every group from the stored signatures; store the labels that changed.

    Articles stored before signatures existed are signed here first, from their stored text.
    """
    started = time.perf_counter()
    manifest = store.manifest()
    missing = [d for d, m in manifest.items() if not m.get("minhash")]
    for i in range(0, len(missing), 500):  # older indexes: sign what they hold, a page at a time
        page = missing[i : i + 500]
        texts = store.article_texts(page)
        signed = {d: encode(signature(texts[d])) for d in page if d in texts}
        store.set_article_fields({d: {"minhash": s} for d, s in signed.items()})
        for d, s in signed.items():
            manifest[d]["minhash"] = s
    sigs = {d: decode(m["minhash"]) for d, m in manifest.items() if m.get("minhash")}
    published = {d: m.get("published", "") for d, m in manifest.items()}
    want = {d: "" for d in manifest}
    groups = components(sigs, threshold)
    for members in groups:
        name = label(members, published)
        for d in members:
            want[d] = name
    changed = {d: {"group": g} for d, g in want.items() if manifest[d].get("group", "") != g}
    if changed:
        store.set_article_fields(changed)
        store.bump()  # readers reload the groups with the chunks
    return Grouping(len(groups), sum(len(m) for m in groups), len(changed), len(missing), round(time.perf_counter() - started, 3))


class Groups:
    """Which stored articles are copies of each other, for collapsing search results.

    Loaded once per index state (see ``for_store``); ``copies(doc_id)`` lists the
    other members of its group.
    """

    def __init__(self, manifest: dict[str, dict]):
        self.of: dict[str, str] = {d: m["group"] for d, m in manifest.items() if m.get("group")}
        self.members: dict[str, list[Copy]] = {}
        for d, g in sorted(self.of.items()):
            m = manifest[d]
            published = date.fromisoformat(m["published"]) if m.get("published") else None
            self.members.setdefault(g, []).append(Copy(d, m.get("title", ""), m.get("source", ""), m.get("url", ""), published))

    def key(self, doc_id: str) -> str:
        return self.of.get(doc_id, doc_id)

    def copies(self, doc_id: str) -> tuple[Copy, ...]:
        g = self.of.get(doc_id)
        return tuple(c for c in self.members.get(g, ()) if c.doc_id != doc_id) if g else ()

    def __len__(self) -> int:
        return len(self.members)


_CACHE: dict[tuple, Groups] = {}


def groups_for(store) -> Groups:
    """The store's groups, cached by its generation (a regroup bumps it)."""
    key = (store.location, store.articles.name, store.generation())
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Groups(store.manifest(where={"group": {"$ne": ""}}))
    return _CACHE[key]
