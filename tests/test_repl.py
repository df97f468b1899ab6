"""`rag chat` driven for real: a pseudo-terminal (pexpect) and a pipe, a real index, SmolLM2 on llama.cpp.

SmolLM2-135M writes poor answers; these tests check what the screen shows and
that the session survives everything, not answer quality (tests/test_answer_local.py does that).
"""

from __future__ import annotations

import re
import subprocess
import sys
import termios
import time
from datetime import date

import pexpect
import pytest
from conftest import CORPUS, guarded_env

import rag
from rag.repl import Chat
from rag.settings import Settings


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("chat") / "index"
    rag.ingest([CORPUS], settings=Settings(index=path))
    return path


def env_for(index, **extra):
    return guarded_env(RAG_INDEX=str(index), RAG_MODEL="smollm2-135m", RAG_MAX_ANSWER_TOKENS="48", TERM="dumb", **extra)


def test_piped_mode_answers_each_line_with_sources(index):
    lines = "How much is Alibaba investing?\n/summarize Alibaba\n/sorces\n/since 2025-02-30\n/filters\n/exit\nnot reached\n"
    out = subprocess.run(
        [sys.executable, "-m", "rag.cli", "chat"], input=lines, capture_output=True, text=True, env=env_for(index), timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert "ources:" in out.stdout  # "Sources:" or, when declined, "Closest sources:"
    assert "Alibaba" in out.stdout
    assert "Error: unknown command /sorces; did you mean /sources?" in out.stderr
    assert "Error: since '2025-02-30' is not a date; use YYYY-MM-DD" in out.stderr
    assert "filters: none" in out.stdout
    assert "sentences verified against their passages." in out.stdout  # /summarize of a topic
    assert "Traceback" not in out.stderr and "not reached" not in out.stdout


def test_chat_session_logic_with_the_real_backend(index):
    seen, errors = [], []
    chat = Chat(Settings(index=index, model="smollm2-135m", max_answer_tokens=32), out=seen.append, error=errors.append)
    chat.handle("/why")
    assert errors == ["no answer yet; ask a question first"]
    chat.handle("/verify")
    assert errors[-1] == "/verify needs a statement to check (or an answer before it to check again)"
    chat.handle("/since 2025-03-01")
    assert seen[-1] == "filters: since 2025-03-01"
    chat.handle("Which company released a reasoning model?")
    assert all(p.published >= date(2025, 3, 1) for p in chat.state.last.passages)
    chat.handle("/quote 9")
    assert errors[-1].startswith("/quote needs a passage number from 1 to")
    chat.handle("/reset")
    assert chat.state.history == [] and chat.state.since == "2025-03-01"
    chat.handle("/filters clear")
    assert seen[-1] == "filters: none"
    chat.handle("/stats")
    assert seen[-1].startswith("8 sources: newsrag demo desk (4), newsrag demo desk (briefs) (2), ") and seen[-1].endswith("(rag stats lists them all)")
    chat.handle("/source SPORT")  # any unambiguous part of the name, checked when it is set
    assert seen[-1] == "filters: source 'newsrag demo desk (sport)'"
    chat.handle("/source BBC")
    assert errors[-1].startswith("no article in the index is from source 'BBC'; its sources: 'newsrag demo desk' (4 articles)")
    assert chat.state.source == "newsrag demo desk (sport)"  # a bad name leaves the filter as it was
    chat.handle("/since 2030-01-01")
    chat.handle("What happened?")  # no article in the window: the reply names it, and no hint to ingest something
    assert seen[-1] == "The articles do not answer this question. No article in the index was published on or after 2030-01-01."
    chat.handle("/until 2025-01-01")  # a window nothing could match is refused when it is set
    assert errors[-1] == "--since 2030-01-01 is after --until 2025-01-01; swap them (/filters clear starts over)"
    assert chat.state.until is None
    # /summarize keeps the filters shown: as of a date, nothing published after it (a user pass found them ignored)
    chat.handle("/filters clear")
    chat.handle("/today 2025-02-25")
    chat.handle("/summarize 004_nvidia-q4-fy2025-results")
    assert errors[-1] == "004_nvidia-q4-fy2025-results was published on 2025-02-27, after the as-of date 2025-02-25; nothing published after it is used"
    chat.handle("/summarize Alibaba")
    shown_dates = re.findall(r"\b2025-\d\d-\d\d\b", seen[-1])
    assert shown_dates and max(shown_dates) <= "2025-02-25", seen[-1]


def test_chat_ingests_a_quoted_path_with_spaces(tmp_path):
    folder = tmp_path / "my news"
    folder.mkdir()
    (folder / "pass.txt").write_text("Snow closed the Harbour pass on Friday, police said.")
    seen, errors = [], []
    chat = Chat(Settings(index=tmp_path / "index", model="smollm2-135m"), out=seen.append, error=errors.append)
    chat.handle(f'/ingest "{folder}"')
    assert errors == [] and seen[-1].startswith("added 1,")
    chat.handle('/ingest "unclosed')
    assert errors[-1].startswith("/ingest: No closing quotation")


def wait_for_terminal_mode(child, *, cooked: bool, timeout: float = 120) -> None:
    """Wait until the child's terminal turns Ctrl-C into SIGINT (cooked) or passes it as a byte (raw: a prompt reads)."""
    deadline = time.monotonic() + timeout
    while bool(termios.tcgetattr(child.child_fd)[3] & termios.ISIG) != cooked:
        assert time.monotonic() < deadline, f"the terminal never went {'cooked' if cooked else 'raw'}"
        time.sleep(0.005)


def test_terminal_session_in_a_pty(index):
    # poll, not select: by now the test process holds an embedded Chroma client per test index, and its file
    # descriptors can pass select()'s limit of 1024 ("filedescriptor out of range in select()").
    child = pexpect.spawn(
        sys.executable, ["-m", "rag.cli", "chat"], env=env_for(index), encoding="utf-8", timeout=180, dimensions=(40, 200),
        use_poll=True,
    )  # fmt: skip
    try:
        child.expect("/help for commands")
        child.expect("rag> ")
        child.sendline("How much is Alibaba investing?")
        child.expect("ources:")
        child.expect("rag> ")
        child.sendline("/sources")
        child.expect(r"\[1\] .*\(2025-")
        child.expect("dense")
        child.expect("rag> ")
        child.sendline("/quote 1")
        child.expect("chars")
        child.expect("rag> ")
        child.sendline("When was that announced?")  # a follow-up: rewritten, then answered
        child.expect("ources:")
        child.expect("rag> ")
        child.sendline("/why")
        child.expect("asked:    When was that announced\\?")
        child.expect("searched: ")
        child.expect("rag> ")
        child.sendline("/since 2025-03-01")
        child.expect("filters: since 2025-03-01")
        child.expect("rag> ")
        child.sendline("/help")
        child.expect("/summarize|/exit")
        child.expect("rag> ")
        # Ctrl-C while an answer is on its way stops it and returns to the prompt.
        # On-topic, so it is answered by the model (an off-topic one can be declined
        # by retrieval alone, too fast to interrupt).
        # While prompt_toolkit reads a line the terminal is raw and Ctrl-C is a plain
        # byte; it becomes SIGINT only once the line is taken and the answer starts.
        # "rag> " can be on screen before the prompt turns the terminal raw, so wait
        # for raw (the prompt reads) before the line and for cooked (the answer runs)
        # after it: a fixed sleep, or only the second wait, lost the race under load.
        wait_for_terminal_mode(child, cooked=False)
        child.sendline("Explain in detail everything Alibaba said about its AI and cloud spending plans.")
        wait_for_terminal_mode(child, cooked=True)
        time.sleep(0.3)  # prompt_toolkit's own SIGINT handler, which drops it, is removed just after
        child.sendintr()
        child.expect(r"\(stopped\)")
        child.expect("rag> ")
        child.sendintr()  # Ctrl-C on an empty prompt does nothing harmful
        child.expect("rag> ")
        child.sendline("/filters")
        child.expect("filters: since 2025-03-01")
        child.sendline("/exit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert "Traceback" not in child.before
    assert child.exitstatus == 0
