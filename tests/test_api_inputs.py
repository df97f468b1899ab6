"""The Python API with arguments of the wrong kind: one clear ConfigError each, never an AttributeError deep inside."""

from __future__ import annotations

import datetime

import pytest
from conftest import CORPUS

import rag
from rag.errors import ConfigError
from rag.settings import Settings


@pytest.fixture(scope="module")
def s(tmp_path_factory):
    settings = Settings(index=tmp_path_factory.mktemp("api") / "index", model="smollm2-135m", use_server=False)
    rag.ingest([CORPUS], settings=settings)
    return settings


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: rag.search(42, settings=s), "the query must be text (a str), not int"),
        (lambda s: rag.search("???", settings=s), "the query has no words"),
        (lambda s: rag.search("Alibaba", k=-1, settings=s), "k must be a whole number of at least 1"),
        (lambda s: rag.search("Alibaba", k=2.5, settings=s), "k must be a whole number of at least 1"),
        (lambda s: rag.verify(None, settings=s), "the text to verify must be text (a str), not NoneType"),
        (lambda s: rag.ingest(b"/tmp", settings=s), "paths must be a path, a URL, or a list of them"),
        (lambda s: rag.ask("And then?", history=[{"question": "a", "answer": "b"}], settings=s), "each turn of history must be"),
        (lambda s: rag.ask("And then?", history="abc", settings=s), "history must be a list of earlier turns, not str"),
        (lambda s: rag.summarize(topic="Alibaba", sentences=0, settings=s), "sentences must be a whole number"),
        (lambda s: rag.summarize(topic="quantum zebra breeding in Antarctica", settings=s), "no articles about"),
        (lambda s: rag.summarize(doc="000_6177586f370daf91", settings=s), "summarize has no argument 'doc' (did you mean doc_id"),
        (lambda s: rag.search("Alibaba", settings=5), "settings= takes a rag.Settings or a dict"),
        (lambda s: rag.search("Alibaba", settings={"k": "abc"}), "settings: k: Input should be a valid integer"),
    ],
    ids=["int-query", "no-words", "k-negative", "k-float", "verify-none", "bytes-paths", "history-dict", "history-str",
         "sentences-0", "topic-nowhere", "summarize-doc", "settings-int", "settings-dict-bad"],
)
def test_a_wrong_argument_is_one_clear_error(s, call, message):
    with pytest.raises(ConfigError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        call(s)


def test_settings_may_be_a_dict(s):
    hits = rag.search("Alibaba", k=1, settings={"index": str(s.index)})
    assert len(hits) == 1


def test_a_datetime_is_taken_as_its_day(s):
    hits = rag.search("Alibaba", since=datetime.datetime(2025, 1, 1, 9, 30), today=datetime.datetime(2025, 3, 1), settings=s)
    assert hits and all(datetime.date(2025, 1, 1) <= h.published <= datetime.date(2025, 3, 1) for h in hits)


def test_a_figure_off_by_a_scale_or_hidden_by_a_zero_width_space(s):
    rules = s.model_copy(update={"verify_entailment": False})
    wrong = rag.verify("Alibaba will invest $50 million in AI and cloud computing.", settings=rules)
    assert wrong.label == "contradicted" and wrong.reason == "the quote gives 50 billion where the claim gives 50 million"
    pasted = rag.verify("Alibaba will invest $50\u200b billion in AI and cloud computing.", settings=rules)
    assert pasted.label == "supported"
