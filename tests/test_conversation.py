"""Follow-up rewrites: which rewrite is used, and what is asked instead when it is not (rag/conversation.py).

Pure rules, table-driven; the last table runs ``standalone_question`` with a scripted model (tests/fakes.py).
tests/test_fast_llm_path.py runs the same path through ``rag.ask`` over a real index.
"""

from __future__ import annotations

import pytest
from fakes import ScriptedChat

from rag.conversation import asks, fragment_name, rewrite_fault, standalone_question, swap_subject
from rag.settings import Settings

ALIBABA = "How much is Alibaba investing in AI?"
META_CFO = "Who is Meta's chief financial officer?"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("And Microsoft?", True),
        ("What about Meta", True),  # a wh-word opens it; the "?" is often left off
        ("who is its ceo", True),
        ("And did it say when?", True),
        ("Is that more than Meta.", True),  # an auxiliary opens it
        ("And Microsoft is investing $50 billion in AI and cloud computing over three years.", False),
        ("Microsoft is investing $80 billion in AI.", False),
        ("Summarize that", False),  # a request, not a question
        ("Tell me more about Alibaba", False),
        ("", False),
    ],
)
def test_asks(text, question):
    assert asks(text) is question


@pytest.mark.parametrize(
    ("follow_up", "name"),
    [
        ("And Microsoft?", "Microsoft"),
        ("and Microsoft", "Microsoft"),
        ("What about Meta?", "Meta"),
        ("How about Alphabet's?", "Alphabet's"),
        ("And what about Elias Kiprono?", "Elias Kiprono"),
        ("Nvidia?", "Nvidia"),
        ("Oracle?", "Oracle"),  # not "or" and "acle"
        ("And Andreessen Horowitz?", "Andreessen Horowitz"),
        ("And Alphabet’s?", "Alphabet's"),  # a curly apostrophe
        ("And its revenue?", None),  # not a name: what is asked changes, not who
        ("What about Meta's spending?", None),  # a name and a noun: the rewrite's job
        ("And the women's race?", None),
        ("And when?", None),
        ("And in March?", None),  # a month is no subject
        ("Really?", None),  # a reply, not a name
        ("Summarize that", None),
        ("Who is Meta's chief executive?", None),
    ],
)
def test_fragment_name(follow_up, name):
    assert fragment_name(follow_up) == name


@pytest.mark.parametrize(
    ("previous", "follow_up", "swapped"),
    [
        (ALIBABA, "And Microsoft?", "How much is Microsoft investing in AI?"),
        (ALIBABA, "What about Meta", "How much is Meta investing in AI?"),
        (META_CFO, "And Alphabet's?", "Who is Alphabet's chief financial officer?"),
        (META_CFO, "And Alphabet?", "Who is Alphabet's chief financial officer?"),  # the possessive stays
        ("Who won the Harbour City Marathon?", "And the Lakeside Marathon?", None),  # "the": not a bare name
        ("Who won the Harbour City Marathon?", "And Lakeside Marathon?", "Who won the Lakeside Marathon?"),
        ("Did Meta's chief executive meet Nvidia?", "And Alphabet's?", "Did Alphabet's chief executive meet Nvidia?"),
        ("Did Meta's chief executive meet Nvidia?", "And Alphabet?", None),  # Meta or Nvidia: which one?
        ("How much did OpenAI and SoftBank pledge?", "What about Microsoft?", None),
        ("Did Meta say Meta would spend more?", "And Alphabet?", None),  # the name twice
        (ALIBABA, "And Alphabet's?", None),  # a possessive has no possessive to replace
        ("How much will be spent on AI?", "And Microsoft?", None),  # no name at all
        (ALIBABA, "And its revenue?", None),  # not an elliptical follow-up
    ],
)
def test_swap_subject(previous, follow_up, swapped):
    assert swap_subject(previous, follow_up) == swapped


@pytest.mark.parametrize(
    ("follow_up", "rewrite", "earlier", "fault"),
    [
        # D3: the previous answer's figures as the question's: the answer may then repeat them unchecked
        ("And Microsoft?", "And Microsoft is investing $50 billion in AI and cloud computing over three years.", [ALIBABA],
         "adds a figure: 3, 50,000,000,000"),
        ("When was that announced?", "When did Alibaba announce its $50 billion AI investment?", [ALIBABA],
         "adds a figure: 50,000,000,000"),
        ("What about 2024?", "How much did Alibaba invest in AI in 2024?", [ALIBABA], ""),  # the user's own year
        ("And Meta?", "How much is Meta investing in AI over three years?", ["How much is Alibaba investing over 3 years?"], ""),
        ("And Meta?", "How much is Meta investing in AI in 2025?", ["Who led AI spending in 2025?", ALIBABA], ""),  # an older question's
        ("By what percentage?", "By what percentage did Meta raise capex, 40%?", ["How much did Meta raise capex?"],
         "adds a figure: 40"),
        # a question must stay a question
        ("And Microsoft?", "Microsoft is also investing in AI.", [ALIBABA], "is not a question"),
        ("What about Meta", "Meta is investing in AI.", [ALIBABA], "is not a question"),
        ("And Microsoft?", "How much is Microsoft investing in AI?", [ALIBABA], ""),
        ("Summarize that", "Summarize Alibaba's AI investment plans.", [ALIBABA], ""),  # a request may stay a request
        # the follow-up's own words must stay (the rule of "Follow-ups", unchanged)
        ("In what time?", "When did Elias Kiprono win the marathon?", ["Who won the Harbour City Marathon?"], "drops a word: time"),
        ("And Alphabet's?", "Who is Alphabet's chief financial officer?", [META_CFO], ""),
        ("And Alphabet's?", "Who is Meta's chief financial officer? And Alphabet's?", [META_CFO], "asks more than one question"),
        ("Who? And when?", "Who won the Harbour City Marathon? And when?", ["Which race was on Sunday?"], ""),  # the user asked two
    ],
)  # fmt: skip
def test_rewrite_fault(follow_up, rewrite, earlier, fault):
    assert rewrite_fault(follow_up, rewrite, earlier) == fault


@pytest.mark.parametrize(
    ("history", "follow_up", "reply", "asked"),
    [
        # D3, both sessions as the user-testing pass saw them
        ([(ALIBABA, "Alibaba will invest $50 billion in AI and cloud computing over three years [1].")], "And Microsoft?",
         "And Microsoft is investing $50 billion in AI and cloud computing over three years.", "How much is Microsoft investing in AI?"),
        ([(META_CFO, "")], "And Alphabet's?", "Who is Meta's chief financial officer? And Alphabet's?",
         "Who is Alphabet's chief financial officer?"),  # the model glued them: two questions, one of them not asked
        # a good rewrite is used as is
        ([(ALIBABA, "$50 billion [1].")], "When was that announced?", "When did Alibaba announce its AI investment?",
         "When did Alibaba announce its AI investment?"),
        # nothing certain to swap: the follow-up is asked after the question it follows
        ([("How much did OpenAI and SoftBank pledge?", "$100 billion [1].")], "And Microsoft?", "Microsoft pledged $100 billion.",
         "How much did OpenAI and SoftBank pledge? And Microsoft?"),
        ([("Who won the Harbour City Marathon?", "Elias Kiprono won [1].")], "In what time?", "When did Elias Kiprono win?",
         "Who won the Harbour City Marathon? In what time?"),
        # a pronoun names the person the turn before is about (the seventh user pass: the rewrite glued the two
        # questions, and the earlier answer was given again)
        ([("How many votes did Kevin McCarthy win in the House Republican leadership vote?",
           "Kevin McCarthy won 188 votes in the House Republican leadership vote [1].")], "Who nominated him?",
         "How many votes did Kevin McCarthy win? Who nominated him?", "Who nominated Kevin McCarthy?"),
    ],
)  # fmt: skip
def test_standalone_question(history, follow_up, reply, asked):
    llm = ScriptedChat().enqueue(reply)
    assert standalone_question(follow_up, history, llm, Settings()) == asked
