"""Chroma server mode: ask end to end on a `chroma run` index, and a server that stops and comes back."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SEED_ID, free_port, start_chroma

import rag
from rag.cli import cli
from rag.errors import StoreError
from rag.settings import Settings


@pytest.mark.slow
def test_seed_question_on_a_chroma_server_index(chroma_server_url):
    settings = Settings(chroma_url=chroma_server_url, collection="ask-e2e", threads=2)
    assert rag.ingest([CORPUS], settings=settings).added == 12
    answer = rag.ask("How much is Alibaba investing?", today="2025-04-20", settings=settings)
    assert "50 billion" in answer.text
    assert any(c.doc_id == SEED_ID and c.verified for c in answer.citations)


def test_server_stops_then_returns_mid_session(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data = tmp_path / "server-data"
    proc = start_chroma(data, port)
    settings = Settings(chroma_url=url, threads=2)
    try:
        rag.ingest([CORPUS / f"{SEED_ID}.txt"], settings=settings)
        assert rag.search("Alibaba investment", settings=settings)[0].doc_id == SEED_ID

        proc.terminate()
        proc.wait(timeout=30)
        with pytest.raises(StoreError, match=r"lost the Chroma server at http://127\.0\.0\.1:\d+ .*start `chroma run` again"):
            rag.search("Alibaba investment", settings=settings)
        res = CliRunner().invoke(cli, ["search", "Alibaba investment", "--chroma-url", url])
        assert res.exit_code == 1 and res.output.startswith("Error: ") and res.output.count("\n") == 1

        proc = start_chroma(data, port)  # same data, same port: the same process carries on
        assert rag.search("Alibaba investment", settings=settings)[0].doc_id == SEED_ID
        assert rag.ingest([CORPUS / f"{SEED_ID}.txt"], settings=settings).unchanged == 1
    finally:
        proc.terminate()
        proc.wait(timeout=30)
