"""Read articles from files, folders and URLs.

Formats: .txt/.md (optional ``---`` front matter with title, published, source,
url, doc_id), .html/.htm (main text, title and date by trafilatura), and
.json/.jsonl/.jsonl.gz records ``{title, text, published?, url?, source?, doc_id?}``
(the schema of ``shared/data/*/corpus.jsonl.gz``).

Every problem is a :class:`LoadError` naming the file (and line) and the reason;
callers collect them and go on with the rest of the batch.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from .errors import LoadError
from .models import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
TEXT_VERSION = 2  # how files become article text; 2: Markdown read as its text (markdown_text)
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl", ".jsonl.gz", ".json.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class Loaded:
    """What one input produced: articles, plus errors for the parts that failed."""

    origin: str
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suf in sorted(SUPPORTED, key=len, reverse=True):
        if name.endswith(suf):
            return suf
    return path.suffix.lower()


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in a stable order, skipping hidden names."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if path.is_file() and not any(p.startswith(".") for p in rel):
            yield path


def parse_date(value: object, where: str) -> date | None:
    """``"2025-02-24"`` or an ISO datetime -> ``date(2025, 2, 24)``; empty -> None.

    >>> parse_date("2025-02-24T09:30:00Z", "x")
    datetime.date(2025, 2, 24)
    """
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise LoadError(where, f"published {str(value)[:40]!r} is not a date; use YYYY-MM-DD")
    if isinstance(value, (int, float)):  # a Unix timestamp
        try:
            return datetime.fromtimestamp(value, UTC).date()
        except (OverflowError, OSError, ValueError):
            raise LoadError(where, f"published {value!r} is not a date (as a Unix timestamp it is out of range); use YYYY-MM-DD") from None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in ("%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise LoadError(where, f"published {text!r} is not a date; use YYYY-MM-DD")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode(raw: bytes, where: str, *, html: bool = False) -> str:
    r"""Bytes -> text, refusing empty, binary and non-UTF-8 input with a clear reason. A byte-order mark says
    UTF-16 or UTF-8; a page's ``<meta charset>`` is honoured when its bytes are not UTF-8.

    >>> decode("Café au lait".encode("utf-16"), "f.txt"), decode(b'<meta charset="iso-8859-1"><p>Caf\xe9', "p.html", html=True)[-4:]
    ('Café au lait', 'Café')
    """
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 (Windows Notepad's "Unicode"): its NULs are not binary
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        # Text has spaces or line breaks and no control characters; bytes that merely start like a BOM do not.
        if (" " in text or "\n" in text) and not any(ord(c) < 32 and c not in "\t\r\n" for c in text):
            raw = text.encode("utf-8")
    if not raw.strip():
        raise LoadError(where, "empty file; nothing to ingest")
    if b"\x00" in raw[:8192]:
        raise LoadError(where, "binary file, not text; newsrag reads " + " ".join(SUPPORTED))
    if b"\x00" in raw:  # text with a stray NUL further in: no store or model wants it
        raise LoadError(where, f"NUL byte at offset {raw.index(0)} in a text file; remove it and ingest again")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        declared = _META_CHARSET.search(raw[:4096]) if html else None
        if declared and not declared.group(1).lower().startswith((b"utf-16", b"utf-32", b"utf16", b"utf32")):
            try:  # (a page that says UTF-16 but is read as 8-bit bytes is mislabelled, as browsers assume)
                return raw.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise LoadError(where, f"not valid UTF-8 (byte {err.start}); re-save it as UTF-8") from None


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:80] or "doc"


def load_path(path: Path) -> Loaded:
    """Load one file (any supported format)."""
    origin = str(path.resolve())
    out = Loaded(origin)
    suf = suffix_of(path)
    try:
        raw = path.read_bytes()
        if suf.endswith(".gz"):
            try:
                raw = gzip.decompress(raw)
            except (OSError, EOFError) as err:
                raise LoadError(str(path), f"not a valid gzip file ({err})") from None
        if suf in JSON_SUFFIXES:
            _load_json(decode(raw, str(path)), path, out)
        elif suf in HTML_SUFFIXES:
            out.articles.append(_from_html(decode(raw, str(path), html=True), str(path), origin, doc_id=slug(path.stem)))
        elif suf in TEXT_SUFFIXES:
            out.articles.append(_from_text(decode(raw, str(path)), path, origin))
        else:
            raise LoadError(str(path), f"unsupported file type {suf or '(none)'}; newsrag reads " + " ".join(SUPPORTED))
    except LoadError as err:
        out.errors.append(err)
    except OSError as err:
        out.errors.append(LoadError(str(path), f"cannot read ({err.strerror})"))
    except (RecursionError, MemoryError, ValueError, TypeError) as err:  # a parser choking on hostile input
        out.errors.append(LoadError(str(path), f"could not parse it ({type(err).__name__}); is the file well-formed?"))
    return out


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip('"').strip("'")
    return meta, text[match.end() :]


def markdown_text(md: str) -> str:
    r"""Markdown as the text a reader sees: emphasis, link targets, heading marks, HTML tags and comments
    dropped, one paragraph (heading, list item, quote line, table row) to a line with a blank line between,
    wrapped lines joined. A numbered item keeps its number. Quotes and offsets are into this text, so an
    answer never quotes ``**`` or a URL.

    >>> markdown_text("# Meta spends\n\nMeta expects **US$60bn** in\n2025, [Li said](https://x.test).\n\n- one\n- two")
    'Meta spends\n\nMeta expects US$60bn in 2025, Li said.\n\none\n\ntwo'
    >>> markdown_text("2024. The year Meta spent $39bn.<br>It grew.\n\n<!-- note -->\n\n| Firm | Capex |\n|---|---|\n| Meta | $60bn |")
    '2024. The year Meta spent $39bn.\nIt grew.\n\nFirm; Capex\n\nMeta; $60bn'
    """
    blocks: list[str] = []
    number = ""  # an ordered item's number, put back before its first paragraph
    row: list[str] | None = None  # the cells of a table row
    for tok in _markdown().parse(md):
        if tok.type == "list_item_open" and tok.info:
            number = f"{tok.info}{tok.markup or '.'} "
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            blocks.append("; ".join(c for c in row if c))
            row = None
        elif tok.type == "inline":
            text = _inline_text(tok.children or [])
            if row is not None:
                row.append(text)
            else:
                blocks.append(number + text)
                number = ""
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content.strip())
        elif tok.type == "html_block":
            blocks.append(re.sub(r"\s+", " ", _TAG.sub(" ", _COMMENT.sub("", tok.content))).strip())
    return "\n\n".join(b for b in blocks if b)


@cache
def _markdown():
    """One CommonMark parser (with tables) per process, not one per article."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _inline_text(children) -> str:
    """The words of one Markdown paragraph: text and code as written, a line break as a newline, an image as its
    alt text, HTML tags gone (``<br>`` is a line break)."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak" or (child.type == "html_inline" and re.match(r"<br\s*/?>", child.content, re.I)):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def markdown_title(title: str) -> str:
    """A title as text: its inline marks dropped, never read as a list item ("2024. Year in review").

    >>> markdown_title("2024. **Year** in review")
    '2024. Year in review'
    """
    tokens = _markdown().parseInline(title)
    return _inline_text(tokens[0].children or []) if tokens else title


def _from_text(text: str, path: Path, origin: str) -> Article:
    meta, body = _front_matter(text)
    title = meta.get("title", "")
    if not title:  # a leading Markdown heading, else the file name
        heading = re.match(r"\A\s*#\s+(.+?)\s*(?:\n|\Z)", body)
        title = heading.group(1) if heading else path.stem.replace("_", " ")
    if path.suffix.lower() in (".md", ".markdown"):
        title, body = markdown_title(title), markdown_text(body)
    body = body.strip()
    if not body:
        raise LoadError(str(path), "no article text after the front matter")
    return Article(
        doc_id=meta.get("doc_id") or slug(path.stem),
        title=title,
        text=body,
        published=parse_date(meta.get("published") or meta.get("date"), str(path)),
        source=meta.get("source", ""),
        url=meta.get("url", ""),
        origin=origin,
    )


def _from_html(html: str, where: str, origin: str, *, doc_id: str, url: str = "", fallback: dict | None = None) -> Article:
    """The article in an HTML page (trafilatura). ``fallback``: title, published, author and source to use
    where the page has none (a feed's description of the item)."""
    import trafilatura

    fallback = fallback or {}
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "").strip() if doc else ""
    if len(text.split()) < 5:  # a menu word or two is page chrome, not an article
        raise LoadError(where, "no article text found in the HTML page")
    published = None
    if getattr(doc, "date", None):
        try:
            published = parse_date(doc.date, where)
        except LoadError:
            published = None  # a page's odd date string should not lose the article
    site = (doc.sitename or "").strip()
    if fallback.get("source") and site.lower() in urlparse(url or where).netloc.lower():
        site = ""  # trafilatura names a page with no site name by its host: the feed's title says more
    return Article(
        doc_id=doc_id,
        title=(doc.title or "").strip() or fallback.get("title") or Path(where).stem,
        text=text,
        published=published or fallback.get("published"),
        source=site or fallback.get("source", ""),
        url=url or (doc.url or ""),
        origin=origin,
        author=(getattr(doc, "author", None) or "").strip() or fallback.get("author", ""),
    )


def page_article(html: str, link: str, *, url: str = "", fallback: dict | None = None) -> Article:
    """The article of a web page fetched from ``link`` (``url``: where redirects ended)."""
    from .feeds import canonical, url_doc_id

    return _from_html(html, link, link, doc_id=url_doc_id(link), url=canonical(url or link), fallback=fallback)


def _load_json(text: str, path: Path, out: Loaded) -> None:
    stripped = text.lstrip()
    if path.name.lower().endswith((".jsonl", ".jsonl.gz")) or not stripped.startswith(("[", "{")):
        rows = enumerate(text.splitlines(), 1)
    else:  # one JSON document: an object or a list of objects
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as err:
            # Maybe it is JSON lines with a .json name.
            if "\n" in stripped and stripped.startswith("{"):
                rows = enumerate(text.splitlines(), 1)
                return _records(rows, path, out)
            raise LoadError(str(path), f"malformed JSON (line {err.lineno}: {err.msg})") from None
        records = doc if isinstance(doc, list) else [doc]
        for i, rec in enumerate(records, 1):
            _add_record(rec, f"{path}: record {i}", out)
        return
    _records(rows, path, out)


def _records(rows, path: Path, out: Loaded) -> None:
    for lineno, line in rows:
        if line.strip():
            item = record_from_line(line, f"{path}:{lineno}", out.origin)
            (out.errors if isinstance(item, LoadError) else out.articles).append(item)


def record_from_line(line: str, where: str, origin: str) -> Article | LoadError:
    """One JSON line -> an Article, or the LoadError that says what is wrong with it."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        return LoadError(where, f"malformed JSON line ({err.msg}); fix or remove the line")
    return _record(rec, where, origin)


def _record(rec: object, where: str, origin: str) -> Article | LoadError:
    try:
        return record_to_article(rec, where, origin)
    except LoadError as err:
        return err
    except (ValueError, TypeError, RecursionError) as err:  # odd types in a record lose that record only
        return LoadError(where, f"record could not be read ({type(err).__name__}: {str(err)[:80]})")


def _add_record(rec: object, where: str, out: Loaded) -> None:
    item = _record(rec, where, out.origin)
    (out.errors if isinstance(item, LoadError) else out.articles).append(item)


def iter_articles(path: Path) -> Iterator[Article | LoadError]:
    """One file's articles and errors as a stream. JSON-lines files (.jsonl,
    .jsonl.gz) are read a line at a time, so ingest memory stays flat however big
    the file; other formats hold one article and are read whole.
    """
    name = path.name.lower()
    if not name.endswith((".jsonl", ".jsonl.gz")):
        loaded = load_path(path)
        yield from loaded.articles
        yield from loaded.errors
        return
    where, origin, gz = str(path), str(path.resolve()), name.endswith(".gz")
    records = 0
    try:
        with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
            for lineno, raw in enumerate(fh, 1):
                if lineno == 1 and b"\x00" in raw[:8192]:
                    yield LoadError(where, "binary file, not text; newsrag reads " + " ".join(SUPPORTED))
                    return
                if not raw.strip():
                    continue
                records += 1
                at = f"{path}:{lineno}"
                try:
                    line = raw.decode("utf-8-sig")
                except UnicodeDecodeError as err:
                    yield LoadError(at, f"not valid UTF-8 (byte {err.start}); re-save it as UTF-8")
                    continue
                if "\x00" in line:
                    yield LoadError(at, "NUL byte in the line; remove it and ingest again")
                    continue
                yield record_from_line(line, at, origin)
    except (OSError, EOFError) as err:  # gzip.BadGzipFile is an OSError
        yield LoadError(where, f"not a valid gzip file ({err})" if gz else f"cannot read ({getattr(err, 'strerror', err)})")
        return
    if not records:
        yield LoadError(where, "empty file; nothing to ingest")


def record_to_article(rec: object, where: str, origin: str) -> Article:
    """A JSON record -> Article; ``doc_id`` defaults to a hash of its url, else of its title and text (two days'
    "Daily briefing" are two articles; the same story is one, whichever file holds it)."""
    if not isinstance(rec, dict):
        raise LoadError(where, "record is not a JSON object")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(where, "record has no 'text'")
    title = str(rec.get("title") or "").strip() or text.strip()[:80]
    doc_id = str(rec.get("doc_id") or rec.get("id") or "").strip()
    if not doc_id:
        key = str(rec.get("url") or "") or f"{title}\n{text.strip()}"
        doc_id = "j" + hashlib.sha1(key.encode()).hexdigest()[:15]
    return Article(
        doc_id=doc_id,
        title=title,
        text=text.strip(),
        published=parse_date(rec.get("published") or rec.get("date"), where),
        source=str(rec.get("source") or ""),
        url=str(rec.get("url") or ""),
        origin=origin,
    )


def load_url(url: str, limits=None) -> Loaded:
    """Fetch a news page and extract the article (feeds are read by :mod:`rag.feeds`)."""
    from .fetch import Limits, fetch

    out = Loaded(url)
    try:
        got = fetch(url, limits or Limits())
        out.articles.append(page_article(got.text(), url, url=got.url))
    except LoadError as err:
        out.errors.append(err)
    return out
