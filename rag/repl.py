"""``rag chat``: a REPL that is a thin client of the Python API.

Questions stream; sources print under each answer; follow-ups go to
``rag.ask_stream(..., history=...)``, which rewrites them into standalone
questions; slash commands show sources, quotes and filters. Nothing a user
types or any backend failure ends the session: errors print as one red line.
Without a terminal it reads one question per line (scriptable).
"""

from __future__ import annotations

import difflib
import logging
import os
import shlex
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import api
from .context import embedder_for, llm_for, open_context, store_for
from .conversation import Turn
from .errors import CtrlC, NoIndex, RagError, report
from .models import Answer, Filters, Passage, Summary
from .render import also_line, highlight, policy_lines, render_answer, scores_line, source_line, when_line
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class ChatState:
    history: list[Turn] = field(default_factory=list)  # this conversation's answers (and summaries), oldest first
    last: Answer | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    today: str | None = None  # the as-of date: nothing published after it is used


class Chat:
    """One chat session. ``out`` prints a line; ``color`` styles it (rich markup or plain)."""

    def __init__(self, settings: Settings, *, out: Callable[[str], None], error: Callable[[str], None], llm=None):
        self.settings = settings
        self.state = ChatState()
        self.out, self.error = out, error
        self._llm = llm
        self.commands: dict[str, tuple[Callable[[str], None], str]] = {
            "/help": (self.cmd_help, "this list"),
            "/sources": (self.cmd_sources, "the last answer's passages with their retrieval scores"),
            "/quote": (self.cmd_quote, "/quote N: passage N in full, the cited span marked >>> <<<"),
            "/why": (self.cmd_why, "the question as searched, the filters, retrieval scores, and why each sentence was kept or left out"),
            "/since": (self.cmd_since, "/since YYYY-MM-DD: only articles published on or after the date"),
            "/until": (self.cmd_until, "/until YYYY-MM-DD: only articles published on or before the date"),
            "/source": (self.cmd_source, "/source NAME: only articles from this source (any unambiguous part of its name)"),
            "/today": (self.cmd_today, "/today YYYY-MM-DD: answer as of that date (nothing published after it); /today alone: the clock"),
            "/filters": (self.cmd_filters, "show the filters; /filters clear removes them"),
            "/verify": (self.cmd_verify, "/verify TEXT: is each sentence supported, contradicted or not found in the articles (no text: the last answer)"),
            "/summarize": (self.cmd_summarize, "/summarize [ID | topic]: a cited summary (no argument: the last answer's article)"),
            "/ingest": (self.cmd_ingest, "/ingest PATH: add files, folders or URLs to the index"),
            "/stats": (self.cmd_stats, "articles, chunks, embedder and sources of the index"),
            "/reset": (self.cmd_reset, "forget the conversation (filters stay)"),
            "/exit": (self.cmd_exit, "leave (Ctrl-D works too)"),
        }
        self.done = False
        self._stream: Callable | None = None  # set by the terminal front end

    # --- heavy pieces, loaded lazily ------------------------------------------------
    @property
    def llm(self):
        if self._llm is None:
            self._llm = llm_for(self.settings)
        return self._llm

    def warm_up(self) -> threading.Thread:
        """Load embedder, index and model in the background so the prompt appears at once."""

        def work():
            try:
                embedder = embedder_for(self.settings)
                embedder.embed(["warm up"])
                store_for(self.settings, embedder, create=False)
            except NoIndex:
                pass  # nothing ingested yet: /ingest or the first question says so
            except Exception as err:  # noqa: BLE001 - the first question reports it, for the user
                log.debug("warming up the index failed: %s", err)
            try:
                api.preload(self.llm)
            except Exception as err:  # noqa: BLE001 - likewise: building the model fails again, with its message
                log.debug("warming up the model failed: %s", err)

        thread = threading.Thread(target=work, daemon=True, name="rag-warm-up")
        thread.start()
        return thread

    # --- input ---------------------------------------------------------------------
    def handle(self, line: str, stream: Callable | None = None) -> None:
        """One line of input: a slash command or a question. Errors become one line."""
        line = line.strip()
        if not line:
            return
        try:
            if line.startswith("/"):
                name, _, arg = line.partition(" ")
                if name.lower() in ("/quit", "/q"):
                    name = "/exit"
                if name.lower() not in self.commands:
                    near = difflib.get_close_matches(name.lower(), self.commands, n=1, cutoff=0.5)
                    hint = f"; did you mean {near[0]}?" if near else "; /help lists the commands"
                    self.error(f"unknown command {name}{hint}")
                    return
                self.commands[name.lower()][0](arg.strip())
            else:
                self.ask(line, stream)
        except KeyboardInterrupt:
            raise  # the terminal front end stops the answer and stays
        except Exception as err:  # noqa: BLE001 - nothing ends the session: one line (RAG_DEBUG: the traceback too)
            report(err, self.error, debug=self.settings.debug, prefix="", trace=self.out)

    def ask(self, question: str, stream: Callable | None = None) -> Answer:
        s = self.state
        pieces = api.ask_stream(
            question, history=s.history, since=s.since, until=s.until, source=s.source, today=s.today, settings=self.settings,
            llm=self.llm,
        )  # fmt: skip
        answer = stream(pieces) if stream else api.final(pieces, Answer)
        s.last = answer
        s.history.append(answer)
        self.out(render_answer(answer))
        return answer

    # --- commands --------------------------------------------------------------------
    def cmd_help(self, _: str) -> None:
        self.out("Ask a question, or:")
        for name, (_, text) in self.commands.items():
            self.out(f"  {name:<11} {text}")

    def _passages(self) -> list[Passage]:
        if not self.state.last:
            raise RagError("no answer yet; ask a question first")
        return self.state.last.passages

    def cmd_sources(self, _: str) -> None:
        for i, p in enumerate(self._passages(), 1):
            self.out(f"[{i}] {source_line(p)}  {p.doc_id} chars {p.start}-{p.end}")
            self.out(f"    {scores_line(p)}")
            if p.also_in:
                self.out(f"    {also_line(p)}")

    def cmd_quote(self, arg: str) -> None:
        passages = self._passages()
        if not arg.isdigit() or not 1 <= int(arg) <= len(passages):
            raise RagError(f"/quote needs a passage number from 1 to {len(passages)}")
        n = int(arg)
        p = passages[n - 1]
        cites = [c for c in self.state.last.citations if c.number == n]
        self.out(f"[{n}] {source_line(p)}  {p.doc_id} chars {p.start}-{p.end}")
        self.out(highlight(p, [(c.start, c.end) for c in cites]))
        if not cites:
            self.out("(no sentence of the answer cites this passage)")

    def cmd_why(self, _: str) -> None:
        s = self.state
        if not s.last:
            raise RagError("no answer yet; ask a question first")
        self.out(f"asked:    {s.last.asked or s.last.question}")
        self.out(f"searched: {s.last.question}" + ("" if s.last.asked else "  (unchanged)"))
        self.out(f"filters:  {self._filters_text()}")
        self.out(f"dates:    {when_line(s.last.when)}")
        for i, p in enumerate(s.last.passages, 1):
            self.out(f"  [{i}] {scores_line(p)}  {p.title[:60]}")
        for line in policy_lines(s.last):
            self.out(line)

    def _set_date(self, which: str, arg: str) -> None:
        value = api.to_date(arg, which) if arg else None
        s = self.state
        try:
            check_window(**({"since": s.since, "until": s.until, "today": s.today} | {which: value}))
        except RagError as err:  # moving a window forward: its end first, or start over
            raise RagError(f"{err} (/filters clear starts over)") from None
        setattr(s, which, value.isoformat() if value else None)
        self.out(f"filters: {self._filters_text()}")

    def cmd_since(self, arg: str) -> None:
        self._set_date("since", arg)

    def cmd_until(self, arg: str) -> None:
        self._set_date("until", arg)

    def cmd_today(self, arg: str) -> None:
        self._set_date("today", arg)

    def cmd_source(self, arg: str) -> None:
        self.state.source = api.source_name(arg, settings=self.settings) if arg else None
        self.out(f"filters: {self._filters_text()}")

    def _filters_text(self) -> str:
        s = self.state
        parts = [f"since {s.since}" if s.since else "", f"until {s.until}" if s.until else "", f"source {s.source!r}" if s.source else "",
                 f"as of {s.today}" if s.today else ""]  # fmt: skip
        return ", ".join(p for p in parts if p) or "none"

    def cmd_filters(self, arg: str) -> None:
        if arg == "clear":
            self.state.since = self.state.until = self.state.source = self.state.today = None
        elif arg:
            raise RagError("use /filters to show them, or /filters clear")
        self.out(f"filters: {self._filters_text()}")

    def cmd_verify(self, arg: str) -> None:
        from . import factcheck

        last = self.state.last
        if not arg.strip() and last is not None and not last.refused and last.claims:
            arg = " ".join(c.text for c in last.claims)  # a second opinion on the last answer, sentence by sentence
            self.out(f"checking the last answer: {arg}")
        if not arg.strip() and last is not None and last.refused:
            raise RagError("the last answer was declined, so there is nothing of it to check; /verify TEXT checks a statement")
        if not arg.strip():
            raise RagError("/verify needs a statement to check (or an answer before it to check again)")
        today = self.state.today
        self.out(factcheck.render(api.verify_all(arg, today=today, settings=self.settings, llm=self.llm)))

    def cmd_summarize(self, arg: str) -> None:
        from .render import render_summary

        if not arg:
            if not self.state.last or not self.state.last.citations:
                raise RagError("/summarize needs an article id or a topic (or ask a question first)")
            arg = self.state.last.citations[0].doc_id
        store, s = open_context(self.settings).store, self.state
        kind = {"doc_id": arg} if store.chunks_of(arg) else {"topic": arg, "since": s.since, "until": s.until, "source": s.source}
        pieces = api.summarize_stream(**kind, today=s.today, settings=self.settings, llm=self.llm)  # the filters shown apply
        summary = self._stream(pieces) if self._stream else api.final(pieces, Summary)
        self.out(render_summary(summary))
        if not summary.refused:  # a follow-up may lean on it: "/summarize Storm Halvard", then "How strong were the winds?"
            s.history.append((f"Summarize {summary.focus}.", summary.text))

    def cmd_ingest(self, arg: str) -> None:
        if not arg:
            raise RagError("/ingest needs a file, folder or URL")
        try:  # quotes or backslashes keep a path with spaces whole: /ingest "my news"
            paths = shlex.split(arg)
        except ValueError as err:
            raise RagError(f"/ingest: {err}; quote a path with spaces, e.g. /ingest \"my news\"") from None
        report = api.ingest(paths, settings=self.settings)
        for line in report.errors:
            self.error(f"failed: {line}")
        self.out(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, removed {report.removed}; "
                 f"{report.chunks} chunks embedded in {report.seconds:.1f}s")

    def cmd_stats(self, _: str) -> None:
        s = api.stats(settings=self.settings)
        self.out(f"{s.articles} articles, {s.chunks} chunks, embedder {s.embedder}, index {s.index}")
        if s.sources:  # what /source can name
            top = ", ".join(f"{name} ({n})" for name, n in list(s.sources.items())[:5])
            self.out(f"{len(s.sources)} sources: {top}" + (", ... (rag stats lists them all)" if len(s.sources) > 5 else ""))

    def cmd_reset(self, _: str) -> None:
        self.state.history.clear()
        self.state.last = None
        self.out("conversation forgotten")

    def cmd_exit(self, _: str) -> None:
        self.done = True


def history_path(settings: Settings) -> Path:
    folder = settings.cache_dir if settings.chroma_url else settings.index
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "chat_history"


def run_piped(chat: Chat, lines) -> None:
    """No terminal: one question (or command) per line, plain output, a blank line between."""
    for line in lines:
        if chat.done:
            break
        if line.strip():
            chat.handle(line)
            chat.out("")


def run_terminal(chat: Chat) -> None:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory
    from rich.console import Console
    from rich.live import Live
    from rich.text import Text

    # Cursor-position requests outlive a prompt when a key arrives mid-request, and
    # prompt_toolkit then reports a future "attached to a different loop"; we never need them.
    os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")
    console = Console(highlight=False)
    session = PromptSession(history=FileHistory(str(history_path(chat.settings))))
    def show(text: str) -> None:
        styled = Text(text)
        styled.highlight_words(["[verified]"], "green")
        styled.highlight_regex(r"\[UNVERIFIED[^\]]*\]", "bold red")
        styled.highlight_regex(r"(?m)^\[\d+\] [^\n(]+", "bold")
        styled.highlight_regex(r">>>.*?<<<", "reverse")
        console.print(styled)

    chat.out = show
    chat.error = lambda text: console.print(f"Error: {text}", style="red", markup=False)

    ctrl_c = CtrlC()  # a Ctrl-C that llama.cpp's log callback swallowed still stops the answer

    def stream(pieces):
        shown = ""
        status = console.status("thinking…", spinner="dots")
        status.start()
        live = None
        try:
            for item in ctrl_c.checked(pieces):
                if isinstance(item, str):
                    if live is None:
                        status.stop()
                        live = Live(Text(""), console=console, transient=True, refresh_per_second=15)
                        live.start()
                    shown += item
                    live.update(Text(shown, style="dim"))
                else:
                    return item
        finally:
            status.stop()
            if live is not None:
                live.stop()
        raise RagError("the answer stream ended early")

    chat._stream = stream
    chat.warm_up()
    console.print("newsrag chat: ask about your articles. /help for commands, Ctrl-D to leave.", style="bold")
    while not chat.done:
        try:
            line = session.prompt("rag> ")
        except KeyboardInterrupt:  # Ctrl-C on the prompt: clear the line, stay
            continue
        except EOFError:  # Ctrl-D
            break
        try:
            with ctrl_c:
                chat.handle(line, stream)
        except KeyboardInterrupt:  # Ctrl-C during an answer: stop it, back to the prompt
            console.print("(stopped)", style="yellow")


def check_window(since, until, today) -> None:
    """A reversed window is refused when it is set, not at the next question. (A window after the as-of date is
    not an error: the answer names it, as `rag ask` does.)

    >>> check_window("2025-03-01", "2025-01-01", None)
    Traceback (most recent call last):
    rag.errors.ConfigError: --since 2025-03-01 is after --until 2025-01-01; swap them
    """
    Filters.of(since, until)
    api.to_date(today, "today")


def main(settings: Settings, *, since: str | None = None, until: str | None = None, today: str | None = None) -> None:
    check_window(since, until, today)
    chat = Chat(settings, out=lambda t: print(t, flush=True), error=lambda t: print(f"Error: {t}", file=sys.stderr, flush=True))
    chat.state.since, chat.state.until, chat.state.today = since, until, today
    if sys.stdin.isatty() and sys.stdout.isatty():
        run_terminal(chat)
    else:
        run_piped(chat, sys.stdin)
