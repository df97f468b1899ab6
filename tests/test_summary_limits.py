"""What a summary shows: a reply cut at the token limit loses its unfinished end, at most the asked number of
sentences (none repeating another), and the refusal with the closest sources when none verified.

Scripted chat model (tests/fakes.py), passages built in the test, words-only checker: no index, no real model.
"""

from __future__ import annotations

from datetime import date

import pytest
from fakes import ScriptedChat
from langchain_core.messages import AIMessageChunk
from langchain_core.outputs import ChatGenerationChunk

import rag
from rag.models import SUMMARY_REFUSAL, Passage
from rag.render import render_summary
from rag.settings import Settings
from rag.summarize import finished, repeats, shown, stream_summary

ACME = (
    "Acme said on Monday it will spend $2 billion on a new battery plant in Ohio. The plant will employ 1,500 people. "
    "Production is due to start in 2026. Acme's shares rose 4% after the announcement. "
    "The state of Ohio offered $300 million in tax credits. Rival Zenith opened a plant in Texas last year."
)
FACTS = [
    "Acme will spend $2 billion on a new battery plant in Ohio [1].",
    "The plant will employ 1,500 people [1].",
    "Production is due to start in 2026 [1].",
    "Acme's shares rose 4% after the announcement [1].",
    "Ohio offered $300 million in tax credits [1].",
    "Rival Zenith opened a plant in Texas last year [1].",
]


class LengthStopped(ScriptedChat):
    """Every reply ends at its token limit, as llama.cpp and OpenAI-compatible servers report it."""

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        for chunk in super()._stream(messages, stop, run_manager, **kwargs):
            if chunk.message.response_metadata.get("finish_reason"):
                chunk = ChatGenerationChunk(message=AIMessageChunk(content="", response_metadata={"finish_reason": "length"}))
            yield chunk


def passage(n: int, text: str = ACME, score: float = 0.5, day: date = date(2024, 5, 2)) -> Passage:
    return Passage(f"d{n}:0", f"d{n}", 0, 0, len(text), text, f"Story {n}", day, "Wire", "", score, {"dense": score})


def summarize(raw: str, passages=None, *, chat=ScriptedChat, sentences: int = 4, timeline: bool = False) -> rag.Summary:
    llm = chat().enqueue(raw)
    items = list(stream_summary(passages or [passage(1)], "Acme", llm=llm, embed=None, settings=Settings(),
                                sentences=sentences, timeline=timeline))  # fmt: skip
    assert "".join(i for i in items if isinstance(i, str)) == raw  # the reply streams as the model wrote it
    return items[-1]


# --- the rules, table-driven ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme will spend [1]. Its shares rose on a weak market, Acme's", "Acme will spend [1]."),  # prose, cut mid-sentence
        ("2024-05-02 - Acme will spend [1].\n2024-06-01 - The plant", "2024-05-02 - Acme will spend [1]."),  # a bullet
        ("2024-05-02 - Acme will spend [1]. It", "2024-05-02 - Acme will spend [1]."),  # a bullet's second sentence
        ("Acme will spend [1]. Acme's plant opened.", "Acme will spend [1]. Acme's plant opened."),  # ended at the limit
        ("Acme will spend [1]. The plant opens [2]", "Acme will spend [1]. The plant opens [2]"),  # ends with a citation
        ('He said "it will open."', 'He said "it will open."'),  # closing quote after the stop
        ("Acme will spend", ""),  # nothing finished
    ],
)
def test_an_unfinished_last_sentence_is_dropped(text, expected):
    assert finished(text) == expected


@pytest.mark.parametrize(
    ("sentence", "earlier", "repeated"),
    [
        ("The plant will employ 1,500 people.", "Acme's Ohio plant will employ 1,500 people, it said.", True),
        ("Acme's plant will employ 1,500 people in Ohio.", "The plant will employ 1,500 people.", True),  # 5 of 6 words
        ("The plant will employ 900 people.", "The plant will employ 1,500 people.", False),  # another figure is news
        ("Acme's shares rose 4% after the announcement.", "Acme will spend $2 billion on a plant.", False),
        ("Production starts in 2026 at the Ohio battery plant.", "Acme will build a battery plant in Ohio.", False),  # 2026
        ("Production starts at the Ohio plant in spring.", "Acme will build a battery plant in Ohio.", False),  # 2 of 5
        (  # the clause a real summary of the seed article said twice (10 of 15 words)
            "The Hangzhou-based company stated that the strategy aims to reinforce its commitment to long-term "
            "technological innovation and AI-driven growth.",
            "Alibaba plans to invest $50 billion in AI and cloud computing over three years, aiming to reinforce its "
            "commitment to long-term technological innovation and AI-driven growth.",
            True,
        ),
    ],
)
def test_repeats(sentence, earlier, repeated):
    assert repeats(sentence, earlier) is repeated


def test_shown_keeps_the_first_distinct_sentences():
    texts = ["A plant in Ohio will employ 1,500 people.", "The Ohio plant will employ 1,500 people.", "Shares rose 4%.", "Tax credits."]
    assert shown(texts, 2) == [0, 2]  # the repeat takes no place
    assert shown(texts, 9) == [0, 2, 3]


# --- summaries -------------------------------------------------------------------------------------


def test_a_reply_cut_at_the_token_limit_loses_its_unfinished_sentence():
    raw = f"{FACTS[0]} {FACTS[1]} Its shares rose on a weak property market, Acme's"
    cut = summarize(raw, chat=LengthStopped)
    assert [c.text for c in cut.claims] == ["Acme will spend $2 billion on a new battery plant in Ohio.", "The plant will employ 1,500 people."]
    assert cut.raw == raw and "Acme's" not in cut.text
    whole = summarize(raw)  # the model stopped by itself: its last sentence is its own, and is checked like the others
    assert len(whole.claims) == 2 and [c.text for c in whole.dropped] == ["Its shares rose on a weak property market, Acme's"]


def test_at_most_the_asked_sentences_are_shown_first_first():
    summary = summarize(" ".join(FACTS))
    assert summary.text == " ".join(FACTS[:4]) and len(summary.claims) == 4  # Settings.summary_sentences
    assert summarize(" ".join(FACTS), sentences=2).text == " ".join(FACTS[:2])


def test_a_sentence_that_repeats_an_earlier_one_is_left_out():
    again = "The new plant will employ 1,500 people, Acme said [1]."
    summary = summarize(" ".join([FACTS[0], FACTS[1], again, *FACTS[2:]]))
    assert summary.text == " ".join(FACTS[:4])


def test_a_timeline_shows_each_windows_first_events_then_sorts_them_by_day():
    lines = [
        "2025-03-06 - Acme's shares rose 4% after the announcement [1].",
        "2024-05-02 - Acme will spend $2 billion on a new battery plant in Ohio [1].",
        "2024-05-03 - The plant will employ 1,500 people [1].",
        "2024-05-03 - The new plant will employ 1,500 people, Acme said [1].",  # a repeat the same day: left out
        "2024-05-01 - Ohio offered $300 million in tax credits [1].",
        "2023-01-01 - Rival Zenith opened a plant in Texas last year [1].",  # the sixth line: over the window's 5
        "2026-01-01 - Production is due to start in 2026, while Acme's",  # cut at the token limit
    ]
    dated = (
        "Acme said on 2 May 2024 it will spend $2 billion on a new battery plant in Ohio. The plant will employ 1,500 "
        "people from 3 May 2024. Production is due to start in 2026. Acme's shares rose 4% on 6 March 2025 after the "
        "announcement. Ohio offered $300 million in tax credits on 1 May 2024. Rival Zenith opened a plant in Texas last year."
    )
    llm = LengthStopped().enqueue("\n".join(lines))
    items = list(stream_summary([passage(1, dated)], "Acme", llm=llm, embed=None, settings=Settings(), sentences=5, timeline=True))
    summary = items[-1]
    assert [e.day.isoformat() for e in summary.events] == ["2024-05-01", "2024-05-02", "2024-05-03", "2025-03-06"]
    assert all(e.claim.verified for e in summary.events)
    assert "at most 5, oldest first" in llm.prompts[0][0].content  # the prompt asks for as many as are shown


@pytest.mark.parametrize("timeline", [False, True])
def test_a_summary_with_nothing_verified_is_the_refusal_with_the_closest_sources(timeline):
    passages = [passage(1, score=0.2), passage(2, score=0.9), passage(3, score=0.5), passage(4, score=0.7)]
    wrong = "Meta and Amazon will each spend more than $100 billion on AI [2]. Alphabet will spend $75 billion [3]."
    raw = "\n".join(f"2025-02-0{i} - {s}" for i, s in enumerate(wrong.split(". "), 1)) if timeline else wrong
    summary = summarize(raw, passages, timeline=timeline)
    assert summary.refused and summary.text == SUMMARY_REFUSAL and summary.timeline is timeline
    assert not summary.claims and not summary.citations and not summary.events and not summary.sources
    assert [p.doc_id for p in summary.passages] == ["d2", "d4", "d3"]  # the closest three, best first
    assert len(summary.dropped) == 2 and not any(c.verified for c in summary.dropped)
    data = summary.to_dict()
    assert data["refused"] is True and data["text"] == SUMMARY_REFUSAL and data["reason"]
    shown_text = render_summary(summary)
    assert shown_text.splitlines()[0] == SUMMARY_REFUSAL
    assert "Left out, not verified (2):" in shown_text and "\nClosest sources:\n  - Story 2 (2024-05-02, Wire)" in shown_text
    assert "Sources:\n" not in shown_text and "Citations:" not in shown_text  # nothing is presented as support
    assert shown_text.endswith("0 of 2 sentences verified against their passages.")


def test_one_verified_sentence_keeps_the_summary_and_lists_the_rest_as_left_out():
    summary = summarize(f"{FACTS[0]} Acme will spend $9 billion in Texas [1].")
    assert not summary.refused and summary.text == FACTS[0]  # the unverified sentence is not in the prose at all
    assert [c.text for c in summary.dropped] == ["Acme will spend $9 billion in Texas."] and summary.verified_share == 0.5
    shown_text = render_summary(summary)
    assert "Sources:" in shown_text and "(unverified)" not in shown_text
    assert 'Left out, not verified (1):\n  - "Acme will spend $9 billion in Texas." (' in shown_text
    assert shown_text.endswith("1 of 2 sentences verified against their passages.")
