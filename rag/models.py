"""Every record that flows between stages, in one place: Article -> Chunk -> Passage -> Answer.

Records are frozen dataclasses where nothing fills them in later. Dates stay
``datetime.date`` from the loader to the answer; ``to_dict()`` turns a record
into JSON-ready values (dates as ``YYYY-MM-DD``), which ``--json`` and the eval
harness print.

>>> Passage("d:0", "d", 0, 0, 1, "x", "T", date(2025, 2, 24), "", "", 0.5).to_dict()["published"]
'2025-02-24'
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date, datetime

from .errors import ConfigError

# The one phrase for "not in these articles": the prompt tells the model to say
# exactly this, the code detects it, and the tests assert on it.
REFUSAL = "The articles do not answer this question."
# A summary none of whose sentences verified is this line and the closest sources, as an answer's refusal is.
SUMMARY_REFUSAL = "The articles do not support a summary of this."


def jsonable(value):
    """Dataclasses, dates, tuples and dicts -> plain JSON values.

    >>> jsonable({"d": date(2025, 1, 2), "t": (1, 2)})
    {'d': '2025-01-02', 't': [1, 2]}
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def iso(d: date | None) -> str:
    """``YYYY-MM-DD``, or "" for an undated article.

    >>> iso(date(2025, 2, 24)), iso(None)
    ('2025-02-24', '')
    """
    return d.isoformat() if d else ""


# --- ingest ---------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One news article, as loaded. ``text`` is the body that chunk offsets point into."""

    doc_id: str
    title: str
    text: str
    published: date | None = None
    source: str = ""
    url: str = ""
    origin: str = ""  # resolved file path or URL it came from; drives removal on re-ingest
    author: str = ""

    @property
    def content_hash(self) -> str:
        """Changes whenever anything stored for the article changes.

        >>> Article("a", "T", "x").content_hash == Article("a", "T", "x ").content_hash
        False
        """
        fields = [self.title, self.text, iso(self.published), self.source, self.url]
        if self.author:  # only then: hashes of articles stored before authors were kept stay the same
            fields.append(self.author)
        payload = json.dumps(fields, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()


@dataclass(frozen=True)
class Chunk:
    """A span of an article: ``article.text[start:end] == text``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.index}"


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0  # chunks embedded in this run
    failed: int = 0
    skipped: int = 0  # files with an extension we do not read
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    groups: int = 0  # groups of near-identical articles in the index after this run
    grouped: int = 0  # articles in those groups
    feeds: int = 0  # feeds read
    not_modified: int = 0  # feeds that answered 304: nothing new
    known: int = 0  # feed items already in the index, not fetched again

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Stats:
    articles: int
    chunks: int
    index: str
    index_bytes: int | None  # None for a Chroma server
    embedder: str
    dim: int
    groups: int = 0  # groups of near-identical articles (syndicated copies)
    grouped: int = 0  # articles in those groups
    feeds: int = 0  # feeds the index follows
    sources: dict[str, int] = field(default_factory=dict)  # each source with its article count, most first

    def to_dict(self) -> dict:
        return asdict(self)


# --- retrieval ------------------------------------------------------------------


def to_date(value: date | str | None, name: str = "date") -> date | None:
    """A date, from a date or ``YYYY-MM-DD`` text.

    >>> to_date("2025-02-24"), to_date(datetime(2025, 2, 24, 18, 30))
    (datetime.date(2025, 2, 24), datetime.date(2025, 2, 24))
    """
    if isinstance(value, datetime):  # a datetime is a date too, but cannot be compared with one
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{name} {value!r} is not a date; use YYYY-MM-DD") from None


@dataclass(frozen=True)
class Filters:
    """Which articles a search may return: a publication window and a source.

    >>> Filters.of("2025-03-01", "2025-01-01")
    Traceback (most recent call last):
    rag.errors.ConfigError: --since 2025-03-01 is after --until 2025-01-01; swap them
    """

    since: date | None = None
    until: date | None = None
    source: str | None = None
    undated: bool = False  # undated articles pass the window too: it came from the question's words, not from a bound

    def admits(self, published: date | None, source: str = "") -> bool:
        """The same test as the store's ``where`` (``store.date_filter``): an undated article is outside a window,
        unless ``undated`` (a window the question implied cannot rule out an article with no date).

        >>> Filters(until=date(2025, 3, 1)).admits(date(2025, 3, 1)), Filters(since=date(2025, 3, 1)).admits(None)
        (True, False)
        >>> Filters(since=date(2025, 3, 1), undated=True).admits(None)
        True
        """
        if published is None:
            in_window = self.undated or not (self.since or self.until)
        else:
            in_window = not (self.since and published < self.since) and not (self.until and published > self.until)
        return in_window and (not self.source or source == self.source)

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.source)

    @classmethod
    def of(cls, since: date | str | None = None, until: date | str | None = None, source: str | None = None) -> Filters:
        f = cls(to_date(since, "since"), to_date(until, "until"), source or None)
        if f.since and f.until and f.since > f.until:
            raise ConfigError(f"--since {f.since} is after --until {f.until}; swap them")
        return f


@dataclass(frozen=True)
class When:
    """The dates a question was answered under: shown by ``/why`` and in ``--json``.

    ``since``/``until`` bound the publication dates searched (from ``--since``/
    ``--until``, from words of the question such as "last week", and from the
    as-of date); ``phrase`` is the words that implied a window or recency.
    """

    since: date | None = None
    until: date | None = None
    as_of: date | None = None  # nothing published after it is retrieved or cited
    today: date | None = None  # what relative dates were resolved against (as_of, else the clock)
    phrase: str = ""
    implied: bool = False  # since/until came from the question's words, not from --since/--until
    recent: bool = False  # newer articles ranked first: the question asks for the latest

    @property
    def bounded(self) -> bool:
        return bool(self.since or self.until)

    def describe(self) -> str:
        """The window in words, for a refusal or ``/why``.

        >>> When(date(2025, 2, 24), date(2025, 3, 2)).describe()
        'between 2025-02-24 and 2025-03-02'
        >>> When(until=date(2025, 3, 2)).describe(), When(since=date(2025, 3, 2)).describe()
        ('on or before 2025-03-02', 'on or after 2025-03-02')
        >>> When(date(2025, 3, 1), date(2025, 2, 1), as_of=date(2025, 2, 1)).describe()
        'on or after 2025-03-01, which is after the as-of date 2025-02-01'
        """
        if self.since and self.until and self.since > self.until:  # --since after --today: the as-of date ends the window
            return f"on or after {self.since}, which is after the as-of date {self.until}"
        if self.since and self.until:
            return f"on {self.since}" if self.since == self.until else f"between {self.since} and {self.until}"
        if self.until:
            return f"on or before {self.until}"
        return f"on or after {self.since}" if self.since else "at any date"

    def to_dict(self) -> dict:
        return jsonable(self)


@dataclass(frozen=True)
class Copy:
    """Another article with near-identical text (a syndicated copy): named on the passage that stands for it."""

    doc_id: str
    title: str
    source: str
    url: str
    published: date | None

    @property
    def outlet(self) -> str:
        """The source, else the URL's host: ``https://www.cnn.com/x`` -> ``www.cnn.com``."""
        if self.source:
            return self.source
        from urllib.parse import urlparse

        return urlparse(self.url).netloc or self.doc_id


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the article facts needed to show and cite it.

    ``also_in``: the other copies of a syndicated story; search returns the group once.
    """

    chunk_id: str
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    title: str
    published: date | None
    source: str
    url: str
    score: float
    scores: dict[str, float] = field(default_factory=dict)
    also_in: tuple[Copy, ...] = ()

    def to_dict(self) -> dict:
        return jsonable(self)


# --- answers --------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    number: int  # the passage number the model saw
    chunk_id: str
    doc_id: str
    title: str
    url: str
    published: date | None
    quote: str  # the supporting sentence(s) from the article
    start: int  # offsets of ``quote`` in the article text
    end: int
    verified: bool
    repaired: bool = False  # added or re-pointed by the checker, not by the model
    lexical: float = 0.0
    semantic: float = 0.0
    reason: str = ""  # why it is not verified


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer or summary with its citations."""

    text: str
    citations: tuple[Citation, ...] = ()

    @property
    def verified(self) -> bool:
        return bool(self.citations) and all(c.verified for c in self.citations)


def unique_citations(claims: list[Claim] | tuple[Claim, ...]) -> list[Citation]:
    """Each cited span once, in the order the claims first cite it; verified if any claim verified on it (a
    sentence shown as verified must not list its quote as unverified because another sentence failed on it).

    >>> bad = Citation(1, "c", "d", "T", "", None, "q", 0, 1, False, reason="figure")
    >>> ok = Citation(1, "c", "d", "T", "", None, "q", 0, 1, True)
    >>> [c.verified for c in unique_citations([Claim("x", (bad,)), Claim("y", (ok,))])]
    [True]
    """
    seen: dict[tuple[int, int], int] = {}
    out: list[Citation] = []
    for claim in claims:
        for c in claim.citations:
            at = seen.get((c.number, c.start))
            if at is None:
                seen[(c.number, c.start)] = len(out)
                out.append(c)
            elif c.verified and not out[at].verified:
                out[at] = c
    return out


@dataclass(frozen=True)
class Disagreement:
    """One figure given two ways: ``ours`` as the answer states it, ``theirs`` from another article."""

    ours: Citation
    ours_figure: str
    theirs: Citation
    theirs_figure: str

    def sentence(self, outlets: tuple[str, str]) -> str:
        """``Sources differ: Coast Herald gives 41 euros [1]; Valley Times gives 39 euros [3].``"""
        return (f"Sources differ: {outlets[0]} gives {self.ours_figure} [{self.ours.number}]; "
                f"{outlets[1]} gives {self.theirs_figure} [{self.theirs.number}].")  # fmt: skip


@dataclass(frozen=True)
class CheckedText:
    """What the checker makes of a model's text: clean ``[n]`` markers and one claim per sentence."""

    text: str
    claims: tuple[Claim, ...] = ()

    @property
    def citations(self) -> list[Citation]:
        return unique_citations(self.claims)


@dataclass(frozen=True)
class Answer:
    question: str  # what was searched and answered (a follow-up is rewritten to stand alone)
    text: str  # the answer with [n] markers, or REFUSAL
    citations: list[Citation]
    claims: list[Claim]
    passages: list[Passage]  # numbered 1..n as the model saw them (or the closest, when refused)
    refused: bool
    raw: str = ""  # what the model wrote, before checking
    model: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # retrieve_s, first_token_s, llm_s, check_s, total_s
    tokens: dict[str, int] = field(default_factory=dict)  # prompt, completion
    asked: str = ""  # what the user typed, when a follow-up was rewritten; else ""
    when: When = field(default_factory=lambda: When())  # the dates searched under (window, as-of, recency)
    as_of: date | None = None  # set when the newest cited article is old for the question: the text says "As of <date>"
    disagreements: list[Disagreement] = field(default_factory=list)  # figures another article gives differently (shown in the text)
    dropped: list[Claim] = field(default_factory=list)  # sentences the model wrote that did not verify: left out (rag.policy)
    signals: dict[str, float] = field(default_factory=dict)  # what the answer policy read: dense, coverage, answerable
    reason: str = ""  # why it was answered as it was, or declined

    @property
    def verified(self) -> bool:
        return not self.refused and bool(self.claims) and all(c.verified for c in self.claims)

    def to_dict(self) -> dict:
        return {**jsonable(self), "verified": self.verified}


@dataclass(frozen=True)
class Verdict:
    """What the articles make of one statement (``rag.verify``): supported, contradicted or not_found.

    ``citations``: the quotes (with offsets) that support it, the one that
    contradicts it, or for not_found the closest one; ``reason`` says why.
    ``entailment``: the model's P(yes) that the quote states the claim, when it
    was asked (the rules found the claim stated); None otherwise.
    """

    claim: str
    label: str  # supported | contradicted | not_found
    reason: str
    citations: tuple[Citation, ...] = ()
    entailment: float | None = None

    @property
    def supported(self) -> bool:
        return self.label == "supported"

    def to_dict(self) -> dict:
        return jsonable(self)


# --- summaries ------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One article a summary drew on."""

    doc_id: str
    title: str
    published: date | None
    source: str


@dataclass(frozen=True)
class TimelineEvent:
    """One dated line of a timeline: what happened that day, with its checked citations."""

    day: date
    text: str  # the sentence with [n] markers
    claim: Claim

    @property
    def citations(self) -> tuple[Citation, ...]:
        return self.claim.citations


@dataclass(frozen=True)
class Summary:
    focus: str
    text: str
    claims: list[Claim]
    citations: list[Citation]
    passages: list[Passage]  # numbered 1..n, as cited
    sources: list[Source]  # one per article, oldest first
    timeline: bool = False
    events: list[TimelineEvent] = field(default_factory=list)  # a timeline's dated events, oldest first
    raw: str = ""
    calls: int = 0  # model calls: 1 = direct, more = map-reduce
    timings: dict[str, float] = field(default_factory=dict)
    refused: bool = False  # no sentence verified: text is SUMMARY_REFUSAL, passages the closest, sources empty
    dropped: list[Claim] = field(default_factory=list)  # sentences that did not verify: left out, never shown as fact
    reason: str = ""  # why it was refused

    @property
    def verified_share(self) -> float:
        """Of the sentences the model wrote (shown and left out), the share that verified."""
        written = [*self.claims, *self.dropped]
        return sum(c.verified for c in written) / len(written) if written else 0.0

    def to_dict(self) -> dict:
        return {**jsonable(self), "verified_share": self.verified_share}
