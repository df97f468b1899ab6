"""Follow-up questions: rewrite "when was that announced?" into a standalone question.

The rewrite is what gets searched and answered; the REPL shows it with ``/why``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .errors import ConfigError
from .llm import text_output
from .models import Answer
from .numeric import unsupported_numbers
from .prompts import load
from .relations import names
from .settings import Settings
from .stemming import stem

Turn = tuple[str, str] | Answer  # an earlier (question, answer) pair, or the Answer rag.ask returned

_MARKS = re.compile(r"\s*\[\d+\]")
MAX_TURNS = 3  # recent turns given to the rewriter; older ones rarely matter and cost prefill time


def format_history(turns: Sequence[tuple[str, str]]) -> str:
    """[(question, answer)] -> "Q: ...\\nA: ..." lines, most recent last.

    >>> format_history([("How much?", "It is $5 [1]."), ("Who won?", "")])
    'Q: How much?\\nA: It is $5.\\nQ: Who won?\\nA: (not answered)'
    """
    lines = []
    for q, a in list(turns)[-MAX_TURNS:]:
        lines += [f"Q: {q}", "A: " + (_MARKS.sub("", a) or "(not answered)")]
    return "\n".join(lines)


# Words (stems) a follow-up uses to point back at the conversation; the rewrite replaces them with what they point at.
_POINTERS = frozenset(stem(w) for w in "company firm group one ones thing things person people man woman".split())


def dropped_words(question: str, rewrite: str) -> set[str]:
    """The follow-up's own content words (stems) that its rewrite lost, words that point back left aside.

    The rewrite should only say what "that" or "the company" stands for; one that
    loses a word the user asked with has changed the question ("In what time?"
    rewritten as "When did Kiprono win?").

    >>> dropped_words("In what time?", "When did Elias Kiprono win the Harbour City Marathon?")
    {'time'}
    >>> dropped_words("When was that announced?", "When did Acme announce its $2 billion plant?")
    set()
    >>> dropped_words("Who is the company's chief executive?", "Who is Alibaba's chief executive?")
    set()
    """
    from .policy import question_words

    return question_words(question) - question_words(rewrite) - _POINTERS


def clean_rewrite(text: str, fallback: str) -> str:
    """First non-empty line of the model's reply, without a "Rewritten:" label or quotes.

    >>> clean_rewrite('Rewritten: "When did Alibaba announce it?"\\nExtra', "x")
    'When did Alibaba announce it?'
    >>> clean_rewrite("   ", "original?")
    'original?'
    """
    for line in text.splitlines():
        line = re.sub(r"^(rewritten( question)?|question)\s*:\s*", "", line.strip(), flags=re.I).strip().strip("\"'“”")
        if line:
            return line
    return fallback


# A question opens (after "and", "but", "so") with a wh-word or an auxiliary, or ends with "?".
_ASKING = frozenset(
    "what who whom whose which when where why how is are was were am do does did has have had can could will would "
    "should shall may might must".split()
)
_CONJUNCTIONS = frozenset("and but so or then".split())


def asks(text: str) -> bool:
    """Whether ``text`` is a question rather than a statement or a request.

    >>> [asks(t) for t in ["And Microsoft?", "who is its ceo", "And Microsoft is investing $50 billion.", "Summarize that"]]
    [True, True, False, False]
    """
    first = next((w for w in re.findall(r"[a-z']+", text.lower()) if w not in _CONJUNCTIONS), "")
    return text.rstrip().endswith("?") or first in _ASKING


# "And Microsoft?", "What about Meta?", "How about Alphabet's?", "Nvidia?": another name, asked the same question.
_FRAGMENT = re.compile(r"^\s*(?:(?P<lead>(?:and\s+)?(?:what|how)\s+about|and|or|but)\s+)?(?P<name>[^?!.,;:]+?)\s*\??\s*$", re.I)
_NOT_A_FRAGMENT_NAME = frozenset("really seriously sure ok okay thanks yes no right exactly indeed more source sources".split())


def fragment_name(follow_up: str) -> str | None:
    """The name an elliptical follow-up asks about instead of the one before, possessive kept; None for anything else.

    >>> fragment_name("And Alphabet's?"), fragment_name("What about Meta?"), fragment_name("And its revenue?")
    ("Alphabet's", 'Meta', None)
    >>> fragment_name("Really?") is None  # a reply, not a name
    True
    """
    m = _FRAGMENT.match(follow_up)
    if not m:
        return None
    name = m["name"].replace("’", "'")
    found = names(name)
    base = name[:-2] if name.lower().endswith("'s") else name
    if len(found) != 1 or found[0][2] != " ".join(base.split()):  # the whole fragment must be one name: no verb, no noun
        return None
    if not m["lead"] and base.lower() in _NOT_A_FRAGMENT_NAME:
        return None
    return " ".join(name.split())


def swap_subject(previous: str, follow_up: str) -> str | None:
    """The previous question asked about the name an elliptical follow-up gives, when exactly one name of the
    previous question can be swapped for it (a possessive for a possessive: "And Alphabet's?"); else None.

    >>> swap_subject("How much is Alibaba investing in AI?", "And Microsoft?")
    'How much is Microsoft investing in AI?'
    >>> swap_subject("Who is Meta's chief financial officer?", "And Alphabet's?")
    "Who is Alphabet's chief financial officer?"
    >>> swap_subject("How much did OpenAI and SoftBank pledge?", "What about Microsoft?") is None  # which of the two?
    True
    >>> swap_subject("Who won the Berlin Marathon?", "And Boston?") is None  # a thing's name, not who or what asked of
    True
    """
    new = fragment_name(follow_up)
    if new is None:
        return None
    possessive = new.endswith("'s")
    spots = []
    for _, _, name in names(previous):
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?P<pos>['’]s)?(?!\w)"
        found = list(re.finditer(pattern, previous))
        if not found:  # a name we cannot place in the text: do not guess which one is the subject
            return None
        kind = name.split()[-1].lower() == new.removesuffix("'s").split()[-1].lower()
        if not kind and any(re.search(r"\bthe\s+$", previous[: m.start()], re.I) for m in found):
            return None  # "the Berlin Marathon": "Boston" is not a race, "Lakeside Marathon" is
        spots += [m for m in found if m["pos"] or not possessive]
    if len(spots) != 1:
        return None
    m = spots[0]
    return previous[: m.start()] + new.removesuffix("'s") + (m["pos"] or "") + previous[m.end() :]


_PERSONAL = re.compile(r"\b(he|him|his|she|her)\b", re.I)
_NOT_POSSESSED = frozenset("to for in on at by with as and or from of about after before than".split())
# Capitalised words that name a body, a party or a place, not a person: "House Republican" is not who "he" is.
_NOT_A_PERSON = frozenset(
    "house senate congress parliament assembly republican republicans democrat democrats democratic gop party "
    "government administration department ministry court council committee league club team company inc corp "
    "university city state county united national federal white supreme".split()
)


def person_of(turn: tuple[str, str]) -> str | None:
    """The person an earlier turn is about: the first full name (two words or more, no body or party among them) of
    its answer, else of its question; None when there is none.

    >>> person_of(("How many votes did Kevin McCarthy win in the House Republican vote?", "Kevin McCarthy won 188 votes [1]."))
    'Kevin McCarthy'
    >>> person_of(("Who won the House Republican vote?", "")) is None
    True
    """
    from .relations import names

    for text in (turn[1], turn[0]):
        for _, _, name in names(_MARKS.sub("", text)):
            parts = name.replace("’", "'").removesuffix("'s").split()
            if len(parts) >= 2 and not {w.lower() for w in parts} & _NOT_A_PERSON:
                return " ".join(parts)
    return None


def resolve_pronouns(follow_up: str, turn: tuple[str, str]) -> str | None:
    """The follow-up with its first "he", "him", "his", "she" or "her" replaced by the person the turn before is about
    (:func:`person_of`); None when it has no such pronoun or the turn names no one.

    >>> turn = ("How many votes did Kevin McCarthy win?", "Kevin McCarthy won 188 votes [1].")
    >>> resolve_pronouns("Who nominated him?", turn), resolve_pronouns("When did he announce his bid?", turn)
    ('Who nominated Kevin McCarthy?', 'When did Kevin McCarthy announce his bid?')
    >>> resolve_pronouns("What did her husband say?", ("Who is Nancy Pelosi?", "")), resolve_pronouns("Who beat her?", ("Who is Nancy Pelosi?", ""))
    ("What did Nancy Pelosi's husband say?", 'Who beat Nancy Pelosi?')
    >>> resolve_pronouns("When was that announced?", turn) is None
    True
    """
    if not _PERSONAL.search(follow_up) or not (who := person_of(turn)):
        return None

    def name(m: re.Match) -> str:
        word = m.group(1).lower()
        after = re.match(r"\s+([a-z][\w'-]*)", follow_up[m.end() :])
        possessive = word == "his" or (word == "her" and after is not None and after.group(1) not in _NOT_POSSESSED)
        return who + "'s" if possessive else who

    return _PERSONAL.sub(name, follow_up, count=1)  # the first says who; "his" after it is clear again


def rewrite_fault(follow_up: str, rewrite: str, earlier_questions: Sequence[str]) -> str:
    """Why the rewrite of a follow-up cannot be used in its place, or "" when it can.

    A rewrite may only say what "that", "it" or "the company" stands for. It must keep the follow-up's own
    words (:func:`dropped_words`), add no figure the user did not give (a figure of an earlier *answer* in
    the question would be exempt from checking: the answer may repeat its question's figures unquoted), and
    stay one question when the user asked one.

    >>> rewrite_fault("And Microsoft?", "And Microsoft is investing $50 billion in AI.", ["How much is Alibaba investing?"])
    'adds a figure: 50,000,000,000'
    >>> rewrite_fault("And Microsoft?", "How much is Microsoft investing?", ["How much is Alibaba investing?"])
    ''
    """
    if lost := dropped_words(follow_up, rewrite):
        return "drops a word: " + ", ".join(sorted(lost))
    if added := unsupported_numbers(rewrite, " ".join([follow_up, *earlier_questions])):
        return "adds a figure: " + ", ".join(f"{x:,.12g}" for x in sorted(added))
    if (asks(follow_up) or fragment_name(follow_up)) and not asks(rewrite):
        return "is not a question"
    two = re.compile(r"\?\s*\S")  # "Who is Meta's CFO? And Alphabet's?": the glue, not one standalone question
    if two.search(rewrite) and not two.search(follow_up):
        return "asks more than one question"
    return ""


def turns_of(history: Iterable[Turn]) -> list[tuple[str, str]]:
    """Earlier turns as (question, answer text) pairs. A declined Answer keeps its question with no answer: what
    was asked about is still what "And the women's race?" leans on.

    >>> from rag.models import REFUSAL
    >>> turns_of([("How much?", "$5 [1]."), Answer("Who?", REFUSAL, [], [], [], True)])
    [('How much?', '$5 [1].'), ('Who?', '')]
    """
    if history is None or isinstance(history, (str, bytes, dict)):
        raise ConfigError(f"history must be a list of earlier turns, not {type(history).__name__}")
    out = []
    for turn in history:
        if isinstance(turn, Answer):
            out.append((turn.question, "" if turn.refused else turn.text))
        elif isinstance(turn, (tuple, list)) and len(turn) == 2 and all(isinstance(x, str) for x in turn):
            out.append((turn[0], turn[1]))
        else:  # a dict would unpack its keys: ("question", "answer"), silently wrong
            raise ConfigError(f"each turn of history must be an Answer or a (question, answer) pair of strings, not {turn!r:.60}")
    return out


def standalone_question(question: str, history: Iterable[Turn], llm, settings: Settings) -> str:
    """The question rewritten with the conversation; unchanged when there is none.

    A rewrite that changes what was asked (:func:`rewrite_fault`) is not used: an elliptical follow-up ("And
    Microsoft?") is the previous question about the new name when that is certain (:func:`swap_subject`); one that
    says "he" or "her" names the person the turn before is about (:func:`resolve_pronouns`); otherwise the
    follow-up is asked after the question it follows, in the user's words ("Who won? In what time?").
    """
    turns = turns_of(history)
    if not turns:
        return question
    from langchain_core.runnables import RunnableLambda

    prompt = load("condense")
    chain = RunnableLambda(lambda v: prompt.messages(**v)) | llm.bind(max_tokens=settings.rewrite_tokens) | text_output()
    reply = chain.invoke({"history": format_history(turns), "question": question}) or ""
    rewrite = clean_rewrite(reply, question)
    if not rewrite_fault(question, rewrite, [q for q, _ in turns]):
        return rewrite
    previous = turns[-1][0]
    # "Who nominated him?" is a question of its own about the person before, not a second part of the one before
    return swap_subject(previous, question) or resolve_pronouns(question, turns[-1]) or f"{previous} {question}"
