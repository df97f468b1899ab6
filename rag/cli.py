"""The ``rag`` command: a thin Click layer over the Python API.

Each command parses options, calls one API function and prints. Known errors
(``RagError``) print as one line through ``rag.errors``' one reporter;
``RAG_DEBUG=1`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click
from pydantic import ValidationError

from . import api, dates, serve
from .errors import CtrlC, RagError, exits_on_error
from .models import Answer, Filters, Summary, to_date
from .render import also_line, render_answer, render_summary, scores_line
from .settings import Settings, explain


def _settings(index, chroma_url, embedder, **more) -> Settings:
    if index is not None and not str(index).strip():  # `--index "$DIR"` with DIR unset: not the current folder
        raise click.UsageError("--index is empty; name the index folder (default ./.rag)")
    over = {"index": index, "chroma_url": chroma_url, "embedder": embedder, **more}
    try:
        return Settings(**{k: v for k, v in over.items() if v is not None})
    except ValidationError as err:  # keep it to one line, naming the setting
        raise click.UsageError(explain(err)) from None


def common(fn):
    """Options every command takes, and error handling for people."""

    @click.option("--index", type=click.Path(file_okay=False), help="Index folder (env RAG_INDEX, default ./.rag).")
    @click.option("--chroma-url", help="Use a Chroma server instead, e.g. http://127.0.0.1:8000 (env RAG_CHROMA_URL).")
    @click.option("--embedder", type=click.Choice(["minilm", "minilm-int8", "openai"]), help="Embedding backend (env RAG_EMBEDDER).")
    @functools.wraps(fn)
    @exits_on_error
    def wrapper(index, chroma_url, embedder, **kwargs):
        return fn(settings=_settings(index, chroma_url, embedder), **kwargs)

    return wrapper


@click.group()
@click.version_option(package_name="newsrag")
def cli():
    """newsrag: ask questions of news articles, with answers you can check."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--feeds", "feeds", is_flag=True, help="Also read every feed the index follows again (new items only; for cron).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@common
def ingest(paths, feeds, as_json, settings):
    """Ingest files, folders, article URLs, RSS/Atom feeds and OPML lists (.txt .md .html .json .jsonl .jsonl.gz .opml).

    A feed URL is followed from then on: `rag ingest --feeds` reads them all again, `rag feeds` lists them.
    Exits non-zero only when something failed.
    """
    if not paths and not feeds:
        raise click.UsageError("name files, folders or URLs to ingest, or --feeds to read the followed feeds")
    with _progress(enabled=not as_json) as progress:
        report = api.ingest(paths, settings=settings, progress=progress, feeds=feeds)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        for line in report.errors:
            click.secho(f"  failed: {line}", fg="red", err=True)
        click.echo(
            f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, removed {report.removed}; "
            f"{report.chunks} chunks embedded in {report.seconds:.1f}s"
            + (f"; {report.failed} failed" if report.failed else "")
            + (f"; {counted(report.skipped, 'file')} of other types skipped" if report.skipped else "")
        )
        if report.feeds:
            click.echo(f"feeds: {report.feeds} read, {report.not_modified} unchanged since last time; {report.known} items already in the index")
        if report.groups:
            click.echo(f"copies: {report.grouped} articles are near-identical copies in {counted(report.groups, 'group')} (each searched once)")
    if report.failed:
        sys.exit(1)


def counted(n: int, noun: str) -> str:
    """``n`` and its noun, plural unless one: "1 group", "2 groups"."""
    return f"{n} {noun if n == 1 else noun + 's'}"


@cli.command()
@click.option("--unfollow", "url", help="Stop following this feed (its articles stay in the index).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@common
def feeds(url, as_json, settings):
    """The feeds this index follows: when each was last read, and how that went."""
    if url is not None and not url.strip():
        raise RagError("--unfollow needs the feed's URL; `rag feeds` lists them")
    if url:
        if not api.unfollow(url, settings=settings):
            raise RagError(f"the index does not follow {url}; `rag feeds` lists the feeds it follows")
        click.echo(f"no longer following {url}; its articles stay in the index")
        return
    found = api.list_feeds(settings=settings)
    if as_json:
        click.echo(json.dumps([f.__dict__ for f in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("This index follows no feeds. Follow one with: rag ingest FEED_URL")
    for f in found:
        click.secho(f"{f.title or f.url}", bold=True)
        click.echo(f"    {f.url}\n    {f.items} items · last read {f.checked or 'never'} · {f.status or '-'}")


@cli.command()
@click.argument("query")
@click.option("-k", type=click.IntRange(1, 100), help="How many passages (default 5, env RAG_K).")
@click.option("--since", help="Only articles published on or after YYYY-MM-DD.")
@click.option("--until", help="Only articles published on or before YYYY-MM-DD.")
@click.option("--source", help="Only articles from this source (any unambiguous part of its name; rag stats lists them).")
@click.option("--today", help="Search as of this date, YYYY-MM-DD: nothing published after it (default: no bound).")
@click.option("--json", "as_json", is_flag=True, help="Print passages as JSON.")
@common
def search(query, k, since, until, source, today, as_json, settings):
    """Show the passages that best match QUERY ("last week" in it is a date window; "latest" ranks newer first)."""
    hits = api.search(query, k=k, since=since, until=until, source=source, today=today, settings=settings)
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], indent=2, ensure_ascii=False))
        return
    if not hits:
        window = ", ".join(f"{k} {v}" for k, v in (("since", since), ("until", until), ("as of", today), ("source", source)) if v)
        when = dates.plan(query, Filters.of(since, until, source), to_date(today, "today"))[1]
        if when.implied and when.phrase:  # the query's own words made the window: say which
            window = ", ".join(x for x in (f'published {when.describe()} ("{when.phrase}")', window) if x)
        click.echo(f"No passage matches these filters ({window}); widen them." if window
                   else "No matching passages. Ingest articles first (rag ingest PATH).")  # fmt: skip
    for i, h in enumerate(hits, 1):
        click.secho(f"[{i}] {h.title}", bold=True)
        click.echo(f"    {h.published or 'undated'} · {h.source or 'no source'} · {h.doc_id} chars {h.start}-{h.end} · {scores_line(h)}")
        if h.also_in:
            click.echo(f"    {also_line(h)}")
        click.echo("    " + h.text.replace("\n", " ")[:400] + ("…" if len(h.text) > 400 else ""))


@cli.command()
@click.argument("question")
@click.option("--since", help="Only articles published on or after YYYY-MM-DD.")
@click.option("--until", help="Only articles published on or before YYYY-MM-DD.")
@click.option("--source", help="Only articles from this source (any unambiguous part of its name; rag stats lists them).")
@click.option("-k", type=click.IntRange(1, 50), help="Passages to give the model (default 5).")
@click.option("--backend", type=click.Choice(["local", "openai"]), help="LLM backend (env RAG_BACKEND, default local).")
@click.option("--model", help="Model name or .gguf path (env RAG_MODEL).")
@click.option("--today", help="Answer as of this date, YYYY-MM-DD: no article published after it is used (default: the clock, no bound).")
@click.option("--json", "as_json", is_flag=True, help="Print the checked answer as JSON.")
@common
def ask(question, since, until, source, k, backend, model, today, as_json, settings):
    """Answer QUESTION from the articles; every sentence cites a checked passage."""
    settings = settings.model_copy(update={k_: v for k_, v in {"backend": backend, "model": model}.items() if v})
    args = {"question": question, "since": since, "until": until, "source": source, "k": k, "today": today}
    stream = serve.request(settings, "ask", args) or api.ask_stream(**args, settings=settings)
    answer = _stream_to_terminal(stream, live=not as_json and sys.stdout.isatty())
    if as_json:
        click.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(answer.rendered if isinstance(answer, serve.Served) else render_answer(answer))


@cli.command()
@click.argument("text", required=False)
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False),
              help="Check every sentence of this text or Markdown file (a draft) instead of TEXT.")  # fmt: skip
@click.option("-k", type=click.IntRange(1, 50), help="Passages checked per sentence (default 8).")
@click.option("--today", help="Check as of this date, YYYY-MM-DD: no article published after it is searched.")
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts as JSON.")
@common
def verify(text, path, k, today, as_json, settings):
    """Check TEXT against the articles: each sentence supported, contradicted or not found, with its quotes.

    TEXT "-" reads standard input; --file reads a draft. Rules decide; a sentence they find stated is also
    put to the model as one yes/no question (RAG_VERIFY_ENTAILMENT=0: rules only). Questions and one-word
    fragments are named and not checked. Exits 0 only when every statement is supported, 1 otherwise.
    """
    from . import factcheck

    text = _verify_input(text, path)
    for sentence in factcheck.skipped(text) if not as_json and factcheck.claims_of(text) else ():  # none left: one error
        click.secho(f"not checked (a question or a fragment, not a statement): {sentence}", fg="yellow", err=True)

    served = serve.request(settings, "verify", {"text": text, "k": k, "today": today})
    if served is not None:  # a warm rag serve: the model is loaded and its yes/no question read
        result = api.final(served, (serve.Served,))
        found = result.data["verdicts"]
        click.echo(json.dumps(found, indent=2, ensure_ascii=False) if as_json else result.rendered)
        sys.exit(0 if all(v["label"] == "supported" for v in found) else 1)
    verdicts = api.verify_all(text, k=k, today=today, settings=settings)
    if as_json:
        click.echo(json.dumps([v.to_dict() for v in verdicts], indent=2, ensure_ascii=False))
    else:
        click.echo(factcheck.render(verdicts))
    sys.exit(0 if all(v.supported for v in verdicts) else 1)


def _verify_input(text: str | None, path: str | None) -> str:
    """What ``rag verify`` checks: TEXT, standard input for "-", or a file (Markdown read as its text)."""
    if (text is None) == (path is None):
        raise RagError('give the statement to check or --file PATH, not both: rag verify "Alibaba will invest $50 billion in AI"'
                       if path else 'nothing to verify: give a statement, e.g. rag verify "Alibaba will invest $50 billion in AI"')  # fmt: skip
    if path is None and text != "-":
        return text
    from .loaders import LoadError, _front_matter, decode, markdown_text

    if path is None and sys.stdin.isatty():
        click.echo("Reading the text to check from standard input; end it with Ctrl-D.", err=True)
    where = path or "standard input"
    raw = Path(path).read_bytes() if path else sys.stdin.buffer.read()
    if not raw.strip():
        raise RagError(f"nothing to verify: {where} is empty")
    try:
        body = decode(raw, where)
    except LoadError as err:
        raise RagError(str(err)) from None
    if path and path.lower().endswith((".md", ".markdown")):
        return markdown_text(_front_matter(body)[1])
    return body


def _stream_to_terminal(stream, live: bool):
    """Show tokens as they arrive (terminal only), then return the checked Answer."""
    with CtrlC() as ctrl_c:  # a Ctrl-C that llama.cpp's log callback swallowed still stops the answer
        if not live:
            return api.final(ctrl_c.checked(stream), (Answer, Summary, serve.Served))
        from rich.console import Console
        from rich.live import Live
        from rich.text import Text

        shown = ""
        with Live(Text(""), console=Console(), transient=True, refresh_per_second=12) as view:
            for item in ctrl_c.checked(stream):
                if isinstance(item, str):
                    shown += item
                    view.update(Text(shown, style="dim"))
                else:
                    return item
    raise RagError("the answer stream ended early; retry")


@cli.command()
@click.option("--doc", "doc_id", help="Summarize this article (its doc_id, as `rag search` shows).")
@click.option("--topic", help="Summarize the news about this topic.")
@click.option("--since", help="Topic: only articles published on or after YYYY-MM-DD.")
@click.option("--until", help="Topic: only articles published on or before YYYY-MM-DD.")
@click.option("--today", help="Topic: as of YYYY-MM-DD, nothing published after it (\"last week\" in the topic is resolved against it).")
@click.option("--source", help="Topic: only articles from this source (any unambiguous part of its name).")
@click.option("--timeline", is_flag=True, help="Dated bullet points in chronological order.")
@click.option("--sentences", type=click.IntRange(1, 12), help="Length of the summary (default 4, env RAG_SUMMARY_SENTENCES).")
@click.option("--json", "as_json", is_flag=True, help="Print the checked summary as JSON.")
@common
def summarize(doc_id, topic, since, until, today, source, timeline, sentences, as_json, settings):
    """A cited summary of an article (--doc) or a topic (--topic), optionally as a timeline."""
    if bool(doc_id) == bool(topic):
        raise RagError("give one of --doc ID (an article, as `rag search` shows it) or --topic TEXT")
    args = {"doc_id": doc_id, "topic": topic, "since": since, "until": until, "today": today, "source": source, "timeline": timeline,
            "sentences": sentences}  # fmt: skip
    stream = serve.request(settings, "summarize", args) or api.summarize_stream(**args, settings=settings)
    summary = _stream_to_terminal(stream, live=not as_json and sys.stdout.isatty())
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(summary.rendered if isinstance(summary, serve.Served) else render_summary(summary))


@cli.command()
@click.option("--since", help="Start with this filter: articles published on or after YYYY-MM-DD.")
@click.option("--until", help="Start with this filter: articles published on or before YYYY-MM-DD.")
@click.option("--today", help="Answer as of YYYY-MM-DD: nothing published after it is used (/today changes it).")
@click.option("--backend", type=click.Choice(["local", "openai"]), help="LLM backend (env RAG_BACKEND, default local).")
@click.option("--model", help="Model name or .gguf path (env RAG_MODEL).")
@common
def chat(since, until, today, backend, model, settings):
    """Chat with your articles: streaming answers, follow-ups, /help for commands.

    Without a terminal, reads one question per line: rag chat < questions.txt
    """
    from . import repl

    settings = settings.model_copy(update={k_: v for k_, v in {"backend": backend, "model": model}.items() if v})
    api.to_date(since, "since"), api.to_date(until, "until"), api.to_date(today, "today")  # a bad date fails here, before the chat
    repl.main(settings, since=since, until=until, today=today)


@cli.command(name="serve")
@click.option("--backend", type=click.Choice(["local", "openai"]), help="LLM backend (env RAG_BACKEND, default local).")
@click.option("--model", help="Model name or .gguf path (env RAG_MODEL).")
@common
def serve_command(backend, model, settings):
    """Keep the index open and the model warm: rag ask and rag summarize with the same settings use this process.

    Runs until Ctrl-C. Each command finds it by its settings and answers in process when there is none.
    """
    serve.main(settings.model_copy(update={k_: v for k_, v in {"backend": backend, "model": model}.items() if v}))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@common
def stats(as_json, settings):
    """Articles, chunks, index size and embedder."""
    s = api.stats(settings=settings)
    if as_json:
        click.echo(json.dumps(s.to_dict(), indent=2))
        return
    size = f"{s.index_bytes / 1e6:.1f} MB" if s.index_bytes is not None else "on server"
    click.echo(f"index     {s.index}\narticles  {s.articles}\nchunks    {s.chunks}\nsize      {size}\nembedder  {s.embedder} ({s.dim}-d)")
    click.echo(f"copies    {s.grouped} articles in {counted(s.groups, 'group')} of near-identical copies\nfeeds     {s.feeds} followed")
    if s.sources:
        click.echo(f"sources   {len(s.sources)}")
        for name, n in s.sources.items():
            click.echo(f"  {n:>7}  {name}")


class _progress:
    """A rich progress bar on a terminal; silent otherwise (pipes, CI, --json)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.bar = self.task = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("embed", total=None)
        return self.update

    def update(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()


from .evaluation.cli import eval_group  # noqa: E402  (the group imports its heavy parts lazily)

cli.add_command(eval_group)


def main():
    cli()


if __name__ == "__main__":
    main()
