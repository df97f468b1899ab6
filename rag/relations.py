"""Does a quote say what the claim says, or only use the same words?

Shared words prove little: "Tomás Reyes won the men's race" shares four of its
five content words with "The wheelchair races were won by Tomás Reyes". Each
check here compares one relation between the claim and its quoted sentence and
returns a readable reason when they disagree ("" when they do not):

- qualifier: the claim's modifier of a noun differs from the quote's (men's race / wheelchair races);
- negation: one says "not", "never", "no longer", the other does not;
- direction: rose against fell, raised against cut;
- placing: won against finished second, or the placing goes to someone else;
- role: chief executive against co-founder, or the role belongs to someone else;
- order: "A acquired B" against "B acquired A".

The checks are deliberately narrow: each one fires only when both sides state
the relation, so a claim the quote simply does not address is left to the word
and meaning scores in :mod:`rag.citations`.

>>> conflict("Tomás Reyes won the men's race.", "The wheelchair races were won by Tomás Reyes in 1:24:10.")
"qualifier: the claim says 'men race', the quote 'wheelchair race'"
>>> conflict("Shares rose 14%.", "Shares fell 14% in Hong Kong.")
"direction: the claim says 'rose' for 14, the quote 'fell'"
>>> conflict("Alibaba's shares rose 14% last week.", "Shares in Hong Kong surged by 14% last week.")
''
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

from .dates import days_stated
from .numeric import CARDINAL_WORDS, ORDINAL_WORDS, number_spans, numbers_in
from .stemming import stem

_TOKEN = re.compile(r"\d+(?::\d+)+|[A-Za-zÀ-ÿ0-9]+(?:[.,'’-][A-Za-zÀ-ÿ0-9]+)*")  # a time (2:21:58) is one token
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being it its this that these those "
    "has have had will would can could should may might do does did than then so such which who whom whose what when "
    "where why how also into over under about after before during said says say according there their they he she his "
    "her we our you your i s".split()
)

_NEGATION = frozenset("not no never none neither nor cannot n't".split())
_UP = frozenset(
    "rose rise rises rising risen increase increased increases increasing up grew grow grows growing gain gained gains "
    "gaining jump jumped jumps jumping surge surged surges surging climb climbed climbs climbing higher soar soared "
    "soaring soars raise raised raises raising boost boosted boosting "
    "expand expanded recover recovered recovering accelerate accelerated accelerates accelerating quickened".split()
)
_DOWN = frozenset(
    "fell fall falls falling fallen decrease decreased decreases decreasing down shrank shrink shrinks drop dropped "
    "drops decline declined declines declining slump slumped plunge plunged lower cut cuts reduce reduced reduces "
    "slash slashed sank sink tumble tumbled dip dips dipped slip slipped slips ease eased eases weaken weakened "
    "dropping plunging plunges slumping tumbling sinking cutting reducing lowered slowed slows slowing decelerated".split()
)
# A placing word and the rank it names.
_PLACING = {
    "won": 1, "win": 1, "wins": 1, "winning": 1, "winner": 1, "victory": 1, "champion": 1,
    "second": 2, "runner-up": 2, "third": 3, "fourth": 4, "fifth": 5,
}  # fmt: skip
_PLACE_NAME = {1: "won", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
# Roles, longest first; aliases map to one name.
_ROLES = {
    "chief executive officer": "chief executive", "chief executive": "chief executive", "ceo": "chief executive",
    "chief financial officer": "chief financial officer", "cfo": "chief financial officer",
    "chief operating officer": "chief operating officer", "coo": "chief operating officer",
    "co-founder": "founder", "cofounder": "founder", "founder": "founder",
    "chairman": "chair", "chairwoman": "chair", "chair": "chair", "president": "president",
    "vice president": "vice president", "prime minister": "prime minister", "first minister": "first minister", "minister": "minister",
    "director": "director", "race director": "race director", "spokesperson": "spokesperson",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "analyst": "analyst", "mayor": "mayor",
    "governor": "governor", "coach": "coach", "forecaster": "forecaster", "chief forecaster": "chief forecaster",
}  # fmt: skip
_ROLE_NAMES = frozenset(_ROLES.values())  # "prime minister" is a role of its own, not a portfolio
_ROLE_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _ROLES), key=len, reverse=True)) + r")\b", re.I)
# Verbs whose subject and object must not swap: "A acquired B" is not "B acquired A".
_ORDERED = frozenset(
    "acquired acquire acquires bought buy buys beat beats beating defeated defeat defeats defeating overtook overtake sued sue sues "
    "replaced replace replaces succeeded succeed hired hire fired fire paid pay pays paying".split()
)
_NOT_NAMES = frozenset(
    "The A An In On At By For And But Or It Its This That These Those He She They We I His Her Their Our Mr Mrs Ms Dr "
    "However Meanwhile Still Yet Also Then Now Thanksgiving Christmas Easter Halloween "
    "January February March April May June July August September October November December Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday AI USD EUR GBP JPY CNY RMB INR KES Ksh HKD "  # a currency is not a name
    "Video Ad Feedback".split()  # news pages' furniture: "Video Ad Feedback Who is Adnan Syed?"
)
_CURRENCY_PREFIX = re.compile(r"\b(?:US|HK|NZ|A|C|S|R)\$")  # "US$75bn" is "$75bn": no one called US is named


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Tokens with a flag for a possessive ("Kenya's"), which ends a run of capitalised words."""
    out = []
    text = _CURRENCY_PREFIX.sub("$", text.replace("’", "'"))
    for m in _TOKEN.finditer(text):
        t = m.group()
        if _DOTTED.fullmatch(t):  # "U.S." is "US", "U.K." is "UK"
            t = t.replace(".", "")
        if t.lower().endswith("n't"):
            out += [(t[:-3], False), ("n't", False)]
        elif t.lower().endswith("'s"):
            out.append((t[:-2], True))
        else:  # a plural's possessive: "the Cowboys' win"
            out.append((t, t.endswith("s") and text[m.end() : m.end() + 1] == "'"))
    return out


_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # an abbreviation with dots, as the token pattern leaves it ("U.S")


def tokens(text: str) -> list[str]:
    """Word tokens with their case kept; "n't" becomes its own token, a possessive loses its "'s" and an
    abbreviation its dots.

    >>> tokens("Shares didn't rise, Kiprono's record stands.")
    ['Shares', 'did', "n't", 'rise', 'Kiprono', 'record', 'stands']
    >>> tokens("The U.S. embassy and the US embassy")
    ['The', 'US', 'embassy', 'and', 'the', 'US', 'embassy']
    """
    return [t for t, _ in _tokens(text)]


def _norm(w: str) -> str:
    w = w.lower()
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


_TITLES = frozenset(
    "chief executive officer president vice chair chairman chairwoman minister prime director ceo cfo coo founder "
    "co-founder cofounder meteorologist analyst spokesperson spokesman spokeswoman mayor governor coach dr mr mrs ms "
    "professor prof sen rep gen secretary head race".split()
)


def _capital(t: str) -> bool:
    return t[:1].isupper() and t not in _NOT_NAMES and not t[:1].isdigit() and t.lower() not in _STOP


def names(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (people, places, organisations): (first token, last token, name).

    >>> [n for _, _, n in names("Ethiopia's Dawit Alemu finished second and Moses Okello third.")]
    ['Ethiopia', 'Dawit Alemu', 'Moses Okello']
    >>> [n for _, _, n in names("Meta spent US$39bn and USD 5bn; the US grew.")]
    ['Meta', 'US']
    >>> [n for _, _, n in names("Miami is the first No. 8 seed to beat the U.S. champion.")]
    ['Miami', 'US']
    >>> [n for _, _, n in names("The Cowboys' Thanksgiving win drew 42 million viewers.")]  # a holiday is no one
    ['Cowboys']
    """
    toks = _tokens(text)
    out, i = [], 0
    while i < len(toks):
        numbered = toks[i][0] in ("No", "Nos") and i + 1 < len(toks) and toks[i + 1][0][:1].isdigit()  # "No. 8 seed"
        if _capital(toks[i][0]) and not numbered:
            j = i
            while not toks[j][1] and j + 1 < len(toks) and _capital(toks[j + 1][0]):
                j += 1
            a = i
            while a < j and toks[a][0].lower() in _TITLES:  # "President Xi Jinping" is Xi Jinping
                a += 1
            if toks[a][0].lower() not in _TITLES:
                out.append((a, j, " ".join(t for t, _ in toks[a : j + 1])))
            i = j + 1
        else:
            i += 1
    return out


_NOT_PEOPLE = frozenset(
    "marathon race races city cup games league open championship company group bank university inc corp ltd news "
    "street road park river sea ocean county state party council committee court prix masters classic stakes derby "
    "bowl series trophy award awards prize prizes tournament festival".split()
)


def _people(text: str, min_words: int) -> list[tuple[int, int, str]]:
    """Names that can hold a placing or a role: not events or organisations, and (in a quote) two words or more."""
    return [
        n for n in names(text)
        if len(n[2].split()) >= min_words and not any(w.lower() in _NOT_PEOPLE for w in n[2].split())
    ]  # fmt: skip


def _same_name(a: str, b: str) -> bool:
    """One name is the other or a part of it ("Kiprono" and "Elias Kiprono", "Syria" and "Turkey-Syria")."""
    pa, pb = set(re.split(r"[\s-]+", a.lower())), set(re.split(r"[\s-]+", b.lower()))
    return bool(pa & pb) and (pa <= pb or pb <= pa)


def _negations(toks: list[str], failing: bool = True) -> list[int]:
    """Where lower-cased ``toks`` say "not" ("No. 1", "No 7" name a rank).

    >>> _negations(["the", "no", "1", "pick", "was", "not", "taken"])
    [5]
    >>> _negations("whether hollywood likes it or not the globes are back".split())
    []
    >>> _negations("she failed to break the record".split()), _negations("it fell short of the record".split())
    ([1], [1])
    >>> _negations("the failed coup".split()), _negations("prices fell to a low".split())
    ([], [])
    >>> _negations("setting not only a league record but the world record".split())
    []
    """
    return [
        i for i, t in enumerate(toks)
        if (t in _NEGATION and not (t == "no" and i + 1 < len(toks) and toks[i + 1][:1].isdigit())
            and not (t == "not" and i and toks[i - 1] == "or" and "whether" in toks[max(0, i - 10) : i])  # "whether ... or not"
            and not (t == "not" and toks[i + 1 : i + 2] in (["only"], ["just"], ["merely"])))  # "not only ... but", "not just early – it is persisting"
        or failing and t in _FAIL_TO and toks[i + 1 : i + 2] == ["to"] and toks[i - 1 : i] != ["never"]  # "failed to break the record"
        or failing and t in _FALL_SHORT and toks[i + 1 : i + 3] == ["short", "of"]  # "fell short of the record"
    ]  # fmt: skip


_FAIL_TO = frozenset("fail fails failed failing".split())  # "never failed to" is no negation
_FALL_SHORT = frozenset("fall falls fell falling fallen".split())
_FAILURE = _FAIL_TO | {"failure", "short", "unsuccessful"}  # words that tell a failure as such


def _negated(text: str, failing: bool = True) -> bool:
    return bool(_negations([t.lower() for t in tokens(text)], failing)) or "no longer" in text.lower()


# Modifiers that say the same thing (after _norm), mapped to their senses: "last" is "previous" (last year) or
# "final" (the last five kilometres); "final year" is not "previous year".
_SENSES = {"prior": {"previou"}, "preceding": {"previou"}, "earlier": {"previou"}, "last": {"previou", "final"},
           "closing": {"final"}, "whole": {"full"}, "entire": {"full"}, "overall": {"full"}, "total": {"full"},
           "proposed": {"new"}, "draft": {"new"}, "world": {"global"}, "worldwide": {"global"}}  # fmt: skip
# a proposed constitution is a new one (tenth pass); the world population is the global one (an eleventh pass)


def _senses(word: str) -> set[str]:
    return _SENSES.get(word, {word})


def qualifier(claim: str, quote: str) -> str:
    """In a noun phrase ("the men's race"), the claim's modifier is one the quote never uses, and the quote
    modifies the same noun with another word ("wheelchair races").

    >>> qualifier("It had another mild drought in 2010.", "In 2010 it had another severe drought, worse than the 2005 drought.")
    "qualifier: the claim says 'mild drought', the quote 'severe drought'"
    """
    qraw = _tokens(quote)
    qt = [_norm(t) for t, _ in qraw]
    qset = set(qt) | {part for w in qt for part in w.split("-")}
    raw = _tokens(claim)
    ct = [_norm(t) for t, _ in raw]
    for k in range(1, len(ct) - 1):
        a, head = ct[k], ct[k + 1]
        if not (ct[k - 1] in _BEFORE_MODIFIER or raw[k][1]) or raw[k][0][:1].isupper():  # "the men's race", not a name
            continue
        if a in _STOP or head in _STOP or a in qset or any(ch.isdigit() for ch in a) or head not in qset or a in _PLACING:
            continue
        before = {
            qt[i - 1] for i, w in enumerate(qt)
            if w == head and i > 1 and qt[i - 1] not in _STOP and (qt[i - 2] in _BEFORE_MODIFIER or qraw[i - 1][1])
        }  # fmt: skip
        before -= set(ct)
        if any(_senses(a) & _senses(b) for b in before):  # "previous year" is "prior year"
            continue
        before = {b for b in before if not b.isdigit()}  # "the 2005 drought" beside "another severe drought"
        if before and head not in _ROLES:
            return f"qualifier: the claim says '{a} {head}', the quote '{sorted(before)[0]} {head}'"
    return ""


_HEDGED = frozenset("clear known certain".split())


def _negates(text: str, about: set[str], reach: int = 5, failing: bool = True) -> bool:
    """A negation in ``text`` with one of the words ``about`` (stems) within ``reach`` tokens after it: a "not"
    elsewhere in a two-sentence quote ("Greggs did not respond") says nothing about the claim's statement, and
    "it was not clear when the episode was removed" doubts a detail, not that it was removed.

    >>> _negates("It was not clear when the episode was removed.", {"episod", "remov"})
    False

    Nor does it reach into the next sentence: "I could not see him. I am sorry to the team" is sorry (a thirteenth
    user pass).

    >>> _negates("I could not see him. I am sorry to the team.", {"sorri", "team"}), _negates("He is not sorry.", {"sorri"})
    (False, True)

    A "with no" denies only its own noun: "with no outs in the 12th inning" says the inning happened.

    >>> _negates("He hit a single with no outs in the 12th inning.", {"inning"}), _negates("It ended with no deal.", {"deal"})
    (False, True)

    A "not" set off by dashes or brackets is the aside's own, unless the aside holds one of the words ``about``:

    >>> _negates("As it was an 8GB – not 4GB – and still boxed, it was worth $5,000.", {"box", "worth"})
    False
    >>> _negates("As it was an 8GB – not 4GB – and still boxed, it was worth $5,000.", {"4gb"})
    True
    """
    from .sentences import spans

    def aside(m: re.Match) -> str:  # "an 8GB – not 4GB – and was still in the box": the "not" is the aside's own
        said = {stem(w.lower()) for w in tokens(m.group(1))}
        return " " if _negated(m.group(1)) and not said & about else m.group(0)

    for a, b in spans(text) or [(0, len(text))]:
        sentence = re.sub(r"(?:\s[–—-]{1,2}\s|\()([^–—()]{1,60}?)(?:\s[–—-]{1,2}\s|\))", aside, text[a:b])
        toks = [t.lower() for t in tokens(sentence)]
        negations = set(_negations(toks, failing))
        for i, t in enumerate(toks):
            after = [w for w in toks[i + 1 : i + 3] if w != "immediately"]
            if i in negations and after and after[0] in _HEDGED:  # "not (immediately) clear / known"
                continue
            if i in negations or (t == "no" and i + 1 < len(toks) and toks[i + 1] == "longer"):
                # "with no outs in the 12th inning": a circumstance, whose "no" denies only its own noun
                far = 2 if t == "no" and i and toks[i - 1] in ("with", "without") else reach
                if {stem(w) for w in toks[i + 1 : i + 1 + far] if w not in _STOP} & about:
                    return True
    return False


# A claim that something is forbidden says the opposite of a quote that it happens ("Most hospital medications
# are forbidden from being unit-dose" against "Most hospital medications are unit-dose"). In a claim only the verbs
# count ("the ban was lifted" allows); in the quote, any word of prohibition answers them.
_PROHIBIT = frozenset("forbid forbids forbade forbidden prohibit prohibits prohibited banned barred outlawed outlaws".split())
_PROHIBITION = _PROHIBIT | frozenset(
    "ban bans banning barring bar bars outlaw outlawing illegal unlawful prohibition prohibiting forbidding blocked "
    "blocks block suspended disqualified ineligible embargo moratorium".split()
)


def _prohibits(text: str, about: set[str], reach: int = 5) -> bool:
    """A word of prohibition ("forbidden", "banned") in ``text`` with one of the words ``about`` (stems) within
    ``reach`` tokens of it, before or after ("open fires were banned", "banned open fires")."""
    toks = [t.lower() for t in tokens(text)]
    for i, t in enumerate(toks):
        if t in _PROHIBITION and {stem(w) for w in toks[max(0, i - reach) : i + 1 + reach] if w not in _STOP} & about:
            return True
    return False


_EXCLUDING = frozenset("outside without except excluding beyond absent lacking".split())


def _excludes(claim: str, quote: str, reach: int = 5) -> bool:
    """The claim says the quote's "not" with a word of its own: "people outside their household" for "anyone who
    doesn't live in the same household". The word must be one the quote does not use, and a word after it in the
    claim must be one the quote's "not" is about.

    >>> _excludes("It bans sharing with people outside their household.", "It bans it for anyone who doesn't live in the same household.")
    True
    >>> _excludes("It shares passwords outside the household.", "It does not share passwords outside the household.")
    False
    """
    ct = [t.lower() for t in tokens(claim)]
    qt = [t.lower() for t in tokens(quote)]
    denied = {stem(w) for i in _negations(qt) for w in qt[i + 1 : i + 1 + reach] if w not in _STOP}
    return any(
        t in _EXCLUDING and t not in qt and {stem(w) for w in ct[i + 1 : i + 4] if w not in _STOP} & denied
        for i, t in enumerate(ct)
    )


def negation(claim: str, quote: str) -> str:
    """One says "not", "never", "no longer" (or "forbidden", "banned") about what both say, the other does not.

    >>> negation("Most hospital medications are forbidden from being unit-dose.", "Most hospital medications are unit-dose.")
    'negation: the claim is negative, the quote is not'
    >>> negation("Open fires were not allowed.", "Authorities banned open fires in forest areas.")
    ''
    >>> negation("The directive harmonised restrictions on advertising.", "The directive bans misleading advertising.")
    ''
    >>> negation("The mission failed after the rocket launched.", "The rocket failed to reach orbit after it launched.")
    ''
    >>> negation("Acme is sued for failing to pay rent.", "Acme is sued for failing to pay rent."), negation("Acme failed to pay rent.", "Acme paid rent.")
    ('', 'negation: the claim is negative, the quote is not')
    """
    cw = {stem(t.lower()) for t in tokens(claim) if t.lower() not in _STOP and t.lower() not in _PROHIBITION}
    ct = {t.lower() for t in tokens(claim)}
    # A failure both tell is no negation of either: "The mission failed after the rocket launched" with "The rocket
    # ... failed to reach orbit", "Twitter is sued for failing to pay rent" with "... sued for failing to pay rent".
    failing = not (ct & _FAILURE and {t.lower() for t in tokens(quote)} & _FAILURE)
    c = _negated(claim, failing) or bool(ct & _PROHIBIT)  # a claim is one statement: any negation in it counts
    if not c and re.search(rf"\b(?:{_UNDO})\b", claim) and _negated(quote):
        return ""  # "dropped its mask requirement" says what "will no longer be required" says
    q = _negates(quote, cw, failing=failing) or (c and _prohibits(quote, cw))  # a quote's ban, unlike the claim's, may be restated
    if q and not c and _excludes(claim, quote):
        return ""
    if c == q:
        return ""
    if c and _denied_otherwise(claim, quote, failing):
        return ""  # "The Rovers did not win the title" (or "failed to win") on "The Rovers lost the title game"
    return "negation: the claim is negative, the quote is not" if c else "negation: the quote is negative, the claim is not"


# What says a denied word's opposite, beyond :data:`_OPPOSITE`'s pairs: a side that did not win lost.
_NOT_WON = frozenset("lost lose loses losing loss defeated beaten fell eliminated".split())


def _denied_otherwise(claim: str, quote: str, failing: bool = True) -> bool:
    """The word the claim denies is one whose opposite the quote says: "did not win" and "lost", "failed to pass" and
    "rejected", "did not open" and "closed".

    >>> _denied_otherwise("The Rovers failed to win the title.", "The Rovers lost the title game to the Owls.")
    True
    >>> _denied_otherwise("The Senate did not pass the bill.", "The Senate rejected the bill 51-49.")
    True
    >>> _denied_otherwise("The Rovers did not win the title.", "The Rovers won the title.")
    False
    >>> _denied_otherwise("The Rovers did not win the title.", "The Rovers lost the semifinal but won the title.")
    False
    """
    toks = [t.lower() for t in tokens(claim)]
    qt = {t.lower() for t in tokens(quote)}
    said = {stem(u) for u in qt}
    for i in _negations(toks, failing):
        w = next((t for t in toks[i + 1 : i + 4] if t not in _STOP and t not in _AUXILIARIES and t != "to"), "")
        if not w or stem(w) in said or w in ("win", "won") and qt & {"win", "won", "wins"}:
            continue  # the quote says the word itself: "lost the semifinal but won the title"
        if stem(w) in ("win", "won") and qt & _NOT_WON:
            return True
        sense = _sense(w)
        if sense and any(_sense(u) == (sense[0], 1 - sense[1]) for u in qt):
            return True
    return False


# A prefix that negates the word it is put on: "illegal", "unprofitable", "ametrical". "un", "non", "il" and
# "ir" nearly always do (not on a "-ment" noun: "unemployment" is another measure than "employment"); "in", "im",
# "dis" and "a" only on a word that reads as an adjective ("inaccurate", "atypical") or on a past participle known
# to negate ("disqualified"): "disclosed", "discovered", "improved", "informed" and "across" are words of their own.
_PREFIXED = re.compile(r"^(un|non-?|il(?=l)|ir(?=r)|im(?=[mpb])|in|dis|a)([a-z]{4,})$")
_OPEN_PREFIX = frozenset("un non non- il ir".split())
_ADJECTIVE_ENDS = ("al", "ic", "ful", "able", "ible", "ive", "ent", "ant", "ate", "ous", "ar", "ect", "ete", "ure")
_NOT_PREFIXED = frozenset(
    "unrest unseat unless unlike unease unveil unveiled unveils uncover uncovered unlock unlocked unload unloaded "
    "unleash unleashed unearth unearthed unfold unfolded unwind unmask unmasked unpack untie undo undone "
    "invaluable inflammable infamous atrial".split()
)
_NEGATED_PARTICIPLES = frozenset(
    "disagreed disallowed disapproved disconnected discontinued disliked disobeyed disproved disqualified dissatisfied "
    "distrusted disarmed disbanded disorganised disorganized inexperienced".split()
)


def _base(toks: list[str], i: int) -> str:
    """The word a negating prefix is put on in token ``i`` ("legal" for "illegal"), or ""."""
    word = toks[i]
    m = _PREFIXED.match(word)
    if not m or word in _NOT_PREFIXED:
        return ""
    prefix, base = m.groups()
    if prefix in _OPEN_PREFIX:
        return "" if base.endswith("ment") else base
    if len(base) < 5:
        return ""
    if prefix == "a":
        return base if base.endswith(("al", "ic")) else ""
    if base.endswith("ed"):  # "disclosed", "discovered", "informed", "improved": verbs of their own
        return base if word in _NEGATED_PARTICIPLES else ""
    return base if base.endswith(_ADJECTIVE_ENDS) else ""


def _said_not(toks: list[str], word: str) -> bool:
    """``word`` denied where it is used ("not binding", "wasn't insured"): the same as its negating prefix."""
    return any(t == word and set(toks[max(0, j - 2) : j]) & _NEGATION for j, t in enumerate(toks))


def prefixed(claim: str, quote: str) -> str:
    """The claim uses a word whose negation by prefix the quote uses instead, or the other way round: "Olivier
    Messiaen wrote metrical music" against "... used prime numbers to create ametrical music"; "the deal was
    profitable" against "the deal was unprofitable". Neither form may be in the text that holds the other ("the
    unit was unprofitable, the parent profitable"), and "not binding" is "non-binding".

    >>> prefixed("Messiaen wrote metrical music.", "Messiaen used prime numbers to create ametrical music.")
    "negation: the quote says 'ametrical', not 'metrical'"
    >>> prefixed("The unit was unprofitable.", "The unit was profitable last year.")
    "negation: the quote says 'profitable', not 'unprofitable'"
    >>> prefixed("The parent was profitable.", "The unit was unprofitable, but the parent was profitable.")
    ''
    >>> prefixed("The UN passed a non-binding resolution.", "The UN passed a resolution that is not binding.")
    ''
    >>> prefixed("The factory closed in March.", "The company disclosed that the factory closed in March.")
    ''
    """
    ct, qt = [t.lower() for t in tokens(claim)], [t.lower() for t in tokens(quote)]
    for mine, theirs, in_quote in ((qt, ct, True), (ct, qt, False)):
        have, other = set(mine), set(theirs)
        for i, w in enumerate(mine):
            base = _base(mine, i)
            if base and base in other and w not in other and base not in have and not _said_not(theirs, base):
                return f"negation: the quote says '{w}', not '{base}'" if in_quote else f"negation: the quote says '{base}', not '{w}'"
    return ""


_ORDINALS = frozenset(w for w, n in ORDINAL_WORDS.items() if 1 <= n <= 10)
_ORDINAL_DIGITS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth", "6th": "sixth",
                   "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth"}  # fmt: skip
_CLAUSE_WORDS = frozenset("but and while after as because who which when whereas although".split())
_CLAUSE_MARKS = re.compile(r"[,;:!?()]|\.(?:\s|$)")
_NOT_COUNTED = frozenset("time times this month year week season day".split())  # "for the first time" counts occasions
_STREAK = frozenset("straight consecutive successive".split())


def _counts(w: str) -> bool:
    """A content word that can set an ordinal's scene: not a stop word, figure, ordinal or time word."""
    return w not in _STOP and not w[:1].isdigit() and w.partition("-")[0] not in _ORDINALS and w not in _NOT_COUNTED


def _ordinals(text: str) -> list[tuple[str, str, set[str]]]:
    """Each ordinal joined to its word ("fourth-quarter") or after a determiner or a possessive ("its second",
    "Kenya's 2nd"), as (ordinal, the word it counts, the stems of up to 3 content words either side in its
    clause). "2nd" is "second"; an adverb ("Acme first reported"), a streak ("the third quarter in a row") and
    an occasion ("for the first time") count nothing."""
    out = []
    for part in _CLAUSE_MARKS.split(text):
        raw = _tokens(part)
        clause: list[tuple[str, bool]] = []
        for t, poss in [*raw, ("and", False)]:
            if t.lower() not in _CLAUSE_WORDS:
                clause.append((t, poss))
                continue
            toks = [w.lower() for w, _ in clause]
            for i, t2 in enumerate(toks):
                head, _, rest = t2.partition("-")
                head = _ORDINAL_DIGITS.get(head, head)
                if head not in _ORDINALS:
                    continue
                marked = i and (toks[i - 1] in _DETERMINERS or toks[i - 1] in ("this", "that", "each", "every") or clause[i - 1][1])
                if not rest and not marked:
                    continue
                after = [w for w in toks[i + 1 :] if w not in _STOP]
                if not rest and (not after or after[0] in _STREAK):
                    continue
                thing = _norm(rest or after[0])
                if thing in _NOT_COUNTED or thing[:1].isdigit() or "row" in toks[i + 1 : i + 6]:
                    continue
                content = [(j, w) for j, w in enumerate(toks) if _counts(w)]
                before = [w for j, w in content if j < i][-3:]
                later = [w for j, w in content if j > i and _norm(w) != thing][:3]
                out.append((head, thing, {stem(w) for w in before + later}))
            clause = []
    return out


def ordinal(claim: str, quote: str) -> str:
    """The claim counts a thing with another ordinal than the quote, in the same setting (a content word near
    both): "the hierarchy would collapse to its second level" against "... will collapse to its first level";
    "Nvidia's fourth-quarter revenue" against "Nvidia's first-quarter revenue". "His first term" in a clause of
    its own does not count against "his second term".

    >>> ordinal("The hierarchy would collapse to its second level.", "The hierarchy will collapse to its first level.")
    "ordinal: the quote says 'first level', not 'second level'"
    >>> ordinal("Revenue rose in the fourth quarter.", "First-quarter revenue fell; fourth-quarter revenue rose.")
    ''
    >>> ordinal("Fourth-quarter revenue rose.", "Revenue rose in the first quarter.")
    "ordinal: the quote says 'first quarter', not 'fourth quarter'"
    >>> ordinal("Macron is serving his second term.", "Macron was re-elected in 2022 after his first term.")
    ''
    >>> ordinal("The Fifth Circuit upheld the ruling.", "The 5th Circuit upheld the ruling on Tuesday.")
    ''
    >>> ordinal("Gauff reached the fourth round.", "Gauff beat Sabalenka in the third round on Friday.")
    ''
    >>> ordinal("Gauff reached the third round.", "Gauff beat Sabalenka in the third round on Friday.")
    ''
    >>> ordinal("Gauff reached the fifth round.", "Gauff beat Sabalenka in the third round on Friday.")
    "ordinal: the quote says 'third round', not 'fifth round'"
    >>> ordinal("SpaceX will fly Starship's second test flight.", "SpaceX made a second attempt at the first test flight of Starship.")
    "ordinal: the quote says 'first test', not 'second test'"
    """
    mine, theirs = _ordinals(claim), _ordinals(quote)
    every = [_ORDINAL_DIGITS.get(t, t).split("-")[0] for t in (w.lower() for w in tokens(quote))]
    quoted, quoted_n = set(every), Counter(every)
    for said, thing, near in mine:
        counted = [t for o, t, _ in theirs if o == said]
        if said in quoted and (thing in counted or len(counted) < quoted_n[said]):
            continue  # the quote says it too, of the same thing or without its noun ("clinched a fourth")
        for other, t, around in theirs:
            if t == thing and other != said and near & around and not _advanced(claim, quote, said, other, thing):
                return f"ordinal: the quote says '{other} {thing}', not '{said} {thing}'"
    return ""


_RANKS = {w: n for w, n in ORDINAL_WORDS.items() if 1 <= n <= 10}  # "first" to "tenth"
_REACHES = re.compile(r"\b(?:reached|reaches|reach|advanced|advances|progressed|moved|moves|booked|qualified|into)\b", re.I)
_BEATS = frozenset("beat beats defeated defeats won wins edged outlasted overcame".split())
_NOT_BEATING = frozenset("was were been be is are by lost loses knocked eliminated ousted failed not n't".split())


def _advanced(claim: str, quote: str, said: str, other: str, thing: str) -> bool:
    """Winning one round reaches the next: "Gauff reached the fourth round" is "Gauff beat Sabalenka in the third
    round". Rounds, stages and legs only, and only where the one who reached it is the one who won, in the active
    voice ("Gauff was beaten in the third round" is no win)."""
    if thing not in ("round", "stage", "leg"):
        return False

    def winner(text: str) -> str:
        toks, found = [t.lower() for t in tokens(text)], names(text)
        at = next((j for j, t in enumerate(toks) if t in _BEATS), None)
        before = [(last, who) for _, last, who in found if at is not None and last < at]
        if not before or any(t in _NOT_BEATING for t in toks[before[-1][0] + 1 : at]):
            return ""
        return before[-1][1]  # the name nearest before the win: "Defending champion Jannik Sinner beat ..."

    def reacher(text: str) -> str:
        found = names(text)
        return found[0][2] if found and _REACHES.search(text) and not _negated(text) else ""

    a, b = _RANKS.get(said, 0), _RANKS.get(other, 0)
    if a == b + 1:
        mine, theirs = reacher(claim), winner(quote)
    elif b == a + 1:
        mine, theirs = winner(claim), reacher(quote)
    else:
        return False
    return bool(mine and theirs and _same_name(mine, theirs))


_LOST_NEAR = frozenset("lost lose loses losing shed sheds shedding".split())  # next to a figure: "lost 970,000 subscribers"


def _direction_near(toks: list[str], i: int, reach: int = 4) -> str:
    """The direction word nearest token ``i`` (within ``reach``, not past a clause word: "lay off 1,250 employees
    after growing its team" says nothing of 1,250 growing), or "".

    >>> _direction_near("will cut 1,250 employees after growing its team".split(), 2)
    'cut'
    >>> _direction_near("averaged 5.30 in the week ending july 28 down from 5.54".split(), 1)
    'down'
    """
    best = None
    for j in range(max(0, i - reach), min(len(toks), i + reach + 1)):
        t = toks[j]
        if any(w in _CLAUSE_WORDS and w != "and" for w in toks[min(i, j) + 1 : max(i, j)]):
            continue
        if (t in _UP or t in _DOWN or t in _LOST_NEAR) and (best is None or abs(j - i) < abs(best - i)):
            best = j
    if best is None:  # "averaged 5.30% in the week ending July 28, down from 5.54%": the figure's own "down from"
        after = toks[i + 1 : i + 12]
        for k, t in enumerate(after[:-2]):
            if t in ("up", "down") and after[k + 1] == "from" and after[k + 2][:1].isdigit():
                return t
            if t in _CLAUSE_WORDS and t != "and":
                break
    return "" if best is None else toks[best]


def _moving(toks: list[str], words: frozenset[str]) -> list[str]:
    """The direction words of ``toks``; "up" and "down" only as a move ("up 11%", "down from"), not in "ramps up"."""
    return [
        t for i, t in enumerate(toks)
        if t in words and (t not in ("up", "down") or (i + 1 < len(toks) and (toks[i + 1][:1].isdigit() or toks[i + 1] in ("from", "by", "to"))))
    ]  # fmt: skip


def _directions_of(text: str, reach: int = 6) -> dict[str, tuple[str, bool]]:
    """Each name's first direction word within ``reach`` tokens after it: {name's last word: (word, up)}.

    >>> _directions_of("Vexo's market share fell while Orrin's market share rose.")
    {'Vexo': ('fell', False), 'Orrin': ('rose', True)}
    """
    toks, out = tokens(text), {}
    named = names(text)
    for i, t in enumerate(toks):
        w = t.lower()
        if (w not in _UP and w not in _DOWN) or w in ("up", "down"):  # "up 5%" tells no one's own move
            continue
        before = [n for a, b, n in named if b < i and i - b <= reach]
        if before:
            out.setdefault(before[-1].split()[-1], (t, w in _UP))
    return out


def direction(claim: str, quote: str) -> str:
    """Up against down: for each figure both give, the direction word nearest it; else the claim's only direction
    against the quote's only one."""
    ct = [t.lower() for t in tokens(claim)]
    qt = [t.lower() for t in tokens(quote)]
    for i, t in enumerate(ct):
        if not t[:1].isdigit() or t not in qt:
            continue
        mine = _direction_near(ct, i)
        theirs = [w for w in (_direction_near(qt, j) for j, u in enumerate(qt) if u == t) if w]
        up = lambda w: w in _UP  # noqa: E731
        if mine and theirs and all(up(w) != up(mine) for w in theirs):
            return f"direction: the claim says '{mine}' for {t}, the quote '{theirs[0]}'"
    c_up, c_down = _moving(ct, _UP), _moving(ct, _DOWN)
    if c_up and c_down:  # "Coke's share fell while Pepsi's rose": each name's own direction
        mine, theirs = _directions_of(claim), _directions_of(quote)
        for name, (word, up) in mine.items():
            if name in theirs and theirs[name][1] != up:
                return f"direction: the claim says '{word}' of {name}, the quote '{theirs[name][0]}'"
        return ""
    if bool(c_up) == bool(c_down):
        return ""
    ups, downs = _moving(qt, _UP), _moving(qt, _DOWN)
    if c_up and downs and not ups:
        return f"direction: the claim says '{c_up[0]}', the quote '{downs[0]}'"
    if c_down and ups and not downs:
        return f"direction: the claim says '{c_down[0]}', the quote '{ups[0]}'"
    return ""


def unstated_move(claim: str, quote: str, title: str = "") -> str:
    """A market move the quote never mentions: "Baidu's shares rose" stated on a sentence about Baidu's new
    models, whose words and meaning are close enough to pass. Shares, stock or a price that rose or fell need a
    quote that speaks of shares, stock, prices or trading. Not a contradiction: the quote is silent on it.

    >>> unstated_move("Baidu's shares rose after the launch of Ernie 4.5.", "Baidu unveiled Ernie 4.5 on 16 March.")
    'unstated: the quote says nothing of shares'
    >>> unstated_move("Baidu's stock rose after the launch.", "Baidu's shares surged after it unveiled Ernie.")
    ''
    >>> unstated_move("Revenue rose 8%.", "Baidu unveiled Ernie 4.5.")
    ''
    >>> unstated_move("Oil prices fell 3%.", "Brent crude fell 3% to $72 a barrel.")
    ''
    """
    ct = [t.lower() for t in tokens(claim)]
    moved = [ct[i - 1] for i in range(1, len(ct)) if ct[i] in _MOVES and ct[i - 1] in _MARKET]
    if not moved:  # most claims: nothing to look up in the quote
        return ""
    qt = {t.lower() for t in tokens(quote)}
    market = (qt | {t.lower() for t in tokens(title)}) & (_MARKET | _TRADING)  # the headline may say whose shares
    if not market and not qt & _MOVES:  # "Brent crude fell 3%" is about prices
        return f"unstated: the quote says nothing of {moved[0]}"
    return ""


_WIN = frozenset("won win wins".split())
# How a quote can say someone won: a placing, a title, a prize, beating someone.
_WON = frozenset(
    "won win wins winning winner winners victory victories victorious champion champions championship champ title "
    "titles beat beats beaten beating defeated defeat defeats defeating triumph triumphed triumphs clinched clinch claimed took take takes "
    "awarded award awards prize prizes medal medals medallist medalist gold trophy crowned honored honoured elected "
    "re-elected reelected first secured secure secures landslide named went scooped picked collected lifted edged "
    "routed thrashed downed overcame prevailed carried topped flipped recipient received receives earned landed "
    "swept sweep victor conquered outscored outlasted retained retains successful capture captured captures rout routs "
    "romp romped drubbing thrashing blowout".split()
)
# What someone "won" that is not a contest the quote must call a win: "won approval", "won 52% of the vote".
_NOT_CONTESTS = frozenset(
    "approval praise support backing plaudits acclaim favour favor votes vote case lawsuit appeal right rights "
    "contract contracts bid seats seat concessions release funding respect hearts over".split()
)


_BEAT_WORDS = frozenset("beat beats defeated defeats".split())  # a claim's win over someone


_PRIZE_NAMES = frozenset("award awards prize prizes trophy medal medals title titles championship championships".split())


def _told(text: str) -> set[str]:
    """The words of ``text``, lower-cased, less a prize's word inside a name: "the Tony Awards" tells no win.

    >>> sorted(_told("The Tony Awards nominations")), sorted(_told("She took home the award"))
    (['nominations', 'the', 'tony'], ['award', 'home', 'she', 'the', 'took'])
    """
    toks = tokens(text)
    inside = {i for first, last, _ in names(text) if last > first for i in range(first + 1, last + 1)}
    return {t.lower() for i, t in enumerate(toks) if not (i in inside and t.lower() in _PRIZE_NAMES)}


_WIN_MAYBE = re.compile(r"\s+(?:would|could|might|may)\b")  # a win told as what would follow: "a victory would mean"
_TAKE = frozenset("took take takes".split())
# "took" tells a win only with what was won: "took home the award", "took the title", "took gold", "took first place";
# not "took the lead", "took the stage", "took second" (a placing, read by `placing`).
_TAKEN = re.compile(
    r"\b(?:took|take|takes)\s+(?:home\s+|over\s+)?(?:(?:the|a|an|his|her|their|its|top)\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:title|titles|crown|gold|silver|bronze|prize|award|awards|honou?rs?|trophy|victory|win|medal|championship|cup|"
    r"first|top|oscar|emmy|tony|grammy|statuette|spoils|race|match|game|series|belt)\b",
    re.I,
)


def _said_of(word: str, text: str) -> bool:
    """Whether ``text`` mentions ``word``, a people's word by its place too: "Canadian" is said of "from Canada".

    >>> _said_of("Canadian", "A woman from Canada won."), _said_of("Keldorian", "Keldoria won."), _said_of("Comer", "Chastain won.")
    (True, True, False)
    """
    w = word.lower()
    said = {t.lower() for t in tokens(text)}
    return w in text.lower() or bool(said & _PLACE_FORMS.get(w, set())) or demonym_stem(w) in said


# Where a sentence turns to another subject: "..., while Jackson earned", "...; Comer won".
_CLAUSE_BREAK = re.compile(r"(?<=[.!?;])\s+|,?\s+(?:while|whereas|but)\s+|;\s*")


def _clauses(text: str) -> list[str]:
    """The sentences of ``text`` cut where they turn to another subject.

    >>> _clauses("Chastain and Comer are going head-to-head, while Jackson earned a nod. She won; he lost.")
    ['Chastain and Comer are going head-to-head', 'Jackson earned a nod.', 'She won', 'he lost.']
    """
    return [p for p in _CLAUSE_BREAK.split(text) if p and p.strip()]


# Capitalised first words of a sentence that name no one.
_OPENERS = frozenset(
    "the a an she he it they we i you this that these those his her their its our there here in on at for but and or "
    "as after before when while if then now also still yet so".split()
)


def _theirs(clause: str, doer: str, claim: str) -> bool:
    """Whether what ``clause`` tells can be the doer's: it mentions the doer, or names no one the claim does not.

    >>> _theirs("Samuel L. Jackson earned his first Tony nod.", "Jessica Chastain", "Jessica Chastain won the Tony.")
    False
    >>> _theirs("The award went to her.", "Jessica Chastain", "Jessica Chastain won the award.")
    True
    >>> _theirs("Chastain took home the Tony.", "Jessica Chastain", "Jessica Chastain won the Tony.")
    True
    """
    if _said_of(doer.split()[-1], clause):
        return True
    own = {w.lower() for _, _, n in names(claim) for w in n.split()}
    told = [n for first, last, n in names(clause) if first or last or n.lower() not in _OPENERS]  # "She", not "Jackson"
    return all(w.lower() in own for n in told for w in n.split())


def unstated_win(claim: str, quote: str, title: str = "") -> str:
    """A win the quote never mentions: "Margot Robbie won best actress" stated on a sentence listing the nominees,
    whose words are close enough to pass. A claim that someone won needs a quote (or headline) that speaks of
    winning, a title, a prize or a beaten rival. Not a contradiction: the quote is silent on it.

    >>> unstated_win("Robbie won best actress.", "Yeoh and Robbie are nominated for best actress.")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Yeoh won best actress.", "Yeoh took home the award for best actress.")
    ''
    >>> unstated_win("Robbie won best actress.", "Robbie is nominated.", "'Banshees' wins best comedy")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Ukraine won the 2023 Eurovision Song Contest.", "Liverpool will host Eurovision 2023. Liverpool beat out Glasgow.")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Ukraine won the 2022 Eurovision Song Contest.", "The war-torn country took the title in Turin.")
    ''
    >>> unstated_win("Chastain won best actress.", "She added, 'It took a while to get here.' Chastain was nominated.")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Chastain won best actress.", "Chastain and Comer are nominated, while Jackson earned his first nod.")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Chastain won best actress.", "Chastain took home the Tony for best actress.")
    ''
    >>> unstated_win("A Canadian woman won the race.", "A 19-year-old woman from Canada won the women's race.")
    ''
    >>> unstated_win("Ukraine won Eurovision 2023.", "A Ukrainian victory would mean the country had the right to host.")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Ada Pell won album of the year.", "Tom Hale, who took home the trophy for album of the year, said there is no best.")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Walker defeated Warnock in the runoff.", "Warnock holds a narrow lead over Walker in the runoff.")
    'unstated: the quote says nothing of who won'
    >>> unstated_win("Walker defeated Warnock in the runoff.", "PACs spent more on Warnock than on Walker. The runoff decides a 51-49 majority.")
    'unstated: the quote says nothing of who won'
    """
    ct = [t.lower() for t in tokens(claim)]
    wins = [i for i, t in enumerate(ct) if t in _WIN or t in _BEAT_WORDS]
    if not wins or _negated(claim):
        return ""
    after = [(ct[i + 1 : i + 3] + ["", ""])[:2] for i in wins]
    if all(a[0][:1].isdigit() or a[0] in _NOT_CONTESTS or a[1] in _NOT_CONTESTS for a in after):
        return ""
    cn = names(claim)  # the winner, the last name before the win, and the loser, the first after it
    sides = {n.split()[-1].lower() for n in [x[2] for x in cn if x[1] < wins[0]][-1:] + [x[2] for x in cn if x[0] > wins[0]][:1]}
    near = " ".join(x for x in re.split(r"(?<=[.!?])\s+", quote) if sides & {t.lower() for t in tokens(x)}) or quote
    if all(ct[i] in _BEAT_WORDS for i in wins) and (_SCORE.search(near) or any(re.search(p, near) for p in (_BEAT_VERB.pattern, _LOST_TO, _WON_OVER))):
        return ""  # a game told with a score or another verb ("pounded", "fell 5-4 to"), where a side is named: result() reads who won
    said = _told(quote)
    doer = names(claim)[:1]
    named = doer and _said_of(doer[0][2].split()[-1], quote)
    if named:
        # a win told in a clause of someone else's ("..., while Samuel L. Jackson earned his first Tony nod") is theirs
        said = {t for part in _clauses(quote) if _theirs(part, doer[0][2], claim) for t in _told(part)}
    if doer and not named:
        # The quote never names the winner: a win it gives someone it names ("Liverpool beat out Glasgow" for
        # "Ukraine won Eurovision") is theirs.
        qt, others = tokens(quote), names(quote)
        said = {
            t.lower()
            for i, t in enumerate(qt)
            if not any(i - 4 <= b < i for _, b, _ in others)
        } & _told(quote)
        own = {w.lower() for _, _, n in names(claim) for w in n.split()}
        for part in _clauses(quote):  # "Harry Styles, who took home the trophy for album of the year": his
            pt, pn = [t.lower() for t in tokens(part)], names(part)
            inside = {i for a, b, _ in pn for i in range(a, b + 1)}  # "the Grammy Awards" tells no win
            first = next((i for i, t in enumerate(pt) if t in _WON and i not in inside), None)
            subjects = [n for a, b, n in pn if first is not None and b < first and (a or b or n.lower() not in _OPENERS)]
            if subjects and not all(w.lower() in own for w in subjects[-1].split()):
                said -= _told(part)
    if doer and doer[0][2].split()[-1].lower() in title.lower():  # a headline's win is its own subject's
        said |= {t.lower() for t in tokens(title)}
    said |= {part for t in said for part in t.split("-")}  # "Oscar-winning"
    if said & _WON and all(ct[i] in _BEAT_WORDS for i in wins):
        # a claimed win over someone needs a result the quote tells as done: "The Herons face Rovers in Saturday's
        # final ... 'ready to win something special'" tells of none
        told = [m for m in re.finditer(r"[A-Za-z][\w'-]*", quote) if m.group(0).lower() in _WON]
        if told and all(_frame(quote[: m.start()], m.group(0)) for m in told):
            return "unstated: the quote says nothing of who won"
    if said & _WON <= _TAKE and not _TAKEN.search(quote):  # "it took a while" tells no win; "took home the Tony" does
        return "unstated: the quote says nothing of who won"
    wins_said = said & _WON
    told = [m for m in re.finditer(r"[A-Za-z][\w'-]*", quote) if m.group(0).lower() in wins_said]
    if told and all(_WIN_MAYBE.match(quote[m.end() :]) for m in told):  # "A Ukrainian victory would mean ..."
        return "unstated: the quote says nothing of who won"
    return "" if said & _WON else "unstated: the quote says nothing of who won"


# How a quote tells that someone lost: the word's doer is the nearest name before it; after a verb of beating, the
# name just after it lost (for :func:`_loss_of_untold`).
_LOSS_TOLD = frozenset(
    "lost lose loses losing loss losses defeat defeated defeats beaten conceded concedes concede fell failed fails "
    "eliminated ousted unseated knocked missed runner-up trailed trailing second behind stripped forfeited dropped shed "
    "cut fired died killed ended ending ends rejected relinquished surrendered forfeit".split()
)
_BEATING = frozenset("beat beats beating defeated defeating ousted ousting unseated unseating edged edging routed topped".split())


def _loss_of_untold(claim: str, quote: str, title: str = "") -> str:
    """A loss the quote never tells of the claim's person: "Tom Hale lost album of the year" on "Tom Hale's 'Harbour
    House' wins album of the year", or on "a pastor who lost to Ben Orr" said of another. A claim that someone lost
    a contest, a prize or a thing needs a quote (or headline) that tells a loss of theirs: lost, defeated, conceded,
    finished second, fell, was fired, ... (not "lost to" someone, a game's, nor a figure lost, for other checks).

    >>> _loss_of_untold("Tom Hale lost album of the year.", "Tom Hale's 'Harbour House' wins album of the year")
    'unstated: the quote says nothing of a loss by Tom Hale'
    >>> _loss_of_untold("Ada Pell lost the election.", "That made Pell the favorite against Tom Hale, a pastor who lost to Ben Orr last year.")
    'unstated: the quote says nothing of a loss by Ada Pell'
    >>> _loss_of_untold("Ada Pell lost the election.", "Tom Hale won the election, beating Ada Pell by 300 votes.")
    ''
    >>> _loss_of_untold("Ada Pell lost the election.", "Pell conceded on Tuesday night.")
    ''
    >>> _loss_of_untold("Ada Pell lost the election.", "Ada Pell, who had led in every poll, was defeated.")
    ''
    >>> _loss_of_untold("Ada Pell lost her seat.", "Tom Hale ousted Ada Pell from the seat she held for 20 years.")
    ''
    >>> _loss_of_untold("Vexo lost 900,000 subscribers.", "Vexo added 900,000 subscribers.")
    ''
    """
    m = re.search(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:lost|loses)\s+(?!to\b|by\b|\d|\$|more\b|about\b|nearly\b|almost\b|over\b|some\b|up\b)\w", claim)
    if not m or _negated(claim):
        return ""
    doer = m.group(1)
    for text in (*re.split(r"(?<=[.!?])\s+", quote), title):
        toks, named = [t.lower() for t in tokens(text)], names(text)
        for i, t in enumerate(toks):
            if t not in _LOSS_TOLD and t not in _BEATING:
                continue
            before = [n for _, b, n in named if b < i and n.lower() not in CALENDAR]
            after = [n for a, _, n in named if a > i and n.lower() not in CALENDAR][:1]
            pronoun = any(w in _PRONOUNS for w in toks[max(0, i - 3) : i])  # "she conceded"
            if t in _BEATING and after and _same_name(after[0], doer):
                return ""  # "beating Ada Pell"
            if t in _LOSS_TOLD and (pronoun or not before or _same_name(before[-1], doer)):
                return ""
    return f"unstated: the quote says nothing of a loss by {doer}"


_KNOCKED_OUT = re.compile(
    r"\s*(?:The\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:(?:was|were|has been|have been|had been|got|is|are)\s+)?"
    r"(?:\w+ly\s+)?(?:knocked out|eliminated|ousted|crashed out|bowed out|dumped out|exited|sent home)\b"
)


_WON_AFTER = re.compile(r"\s+(?:won|wins|beat|beats|stunned|defeated|upset|edged|routed|knocked out|eliminated|ousted)\b")


def beaten_side(claim: str, quote: str) -> str:
    """The claim's side knocked out is the side the quote has beat the other: "South Africa was shockingly knocked
    out of the World Cup" against "Italy's ... tournament had suddenly ended following a shocking upset to South
    Africa". Every mention of the claim's side in the quote is right after a loss to it or before a win of its own.

    >>> beaten_side("Norvania was knocked out of the cup.", "Keldoria's run ended after a shocking upset to Norvania.")
    'result: the quote says Norvania won (upset to Norvania)'
    >>> beaten_side("Norvania was knocked out of the cup.", "The 54th-ranked team stunned Keldoria 3-2. Norvania won with a late goal.")
    'result: the quote says Norvania won (Norvania won)'
    >>> beaten_side("Norvania was knocked out of the cup.", "Norvania, who beat Keldoria, lost 2-0 to Ostmark.")
    ''
    """
    m = _KNOCKED_OUT.match(claim)
    if not m or _negated(claim):
        return ""
    who = m.group(1)
    spots = list(re.finditer(rf"\b{re.escape(who)}\b", quote))
    if not spots:
        return ""
    won = rf"(?:{_LOST_TO}|\bupset\s+(?:loss\s+)?to)\s+(?:the\s+)?$"
    told = []
    for k in spots:
        b = re.search(won, quote[max(0, k.start() - 60) : k.start()])
        a = _WON_AFTER.match(quote[k.end() :])
        if not (a or b):
            return ""  # named once not as the side that won: it may have gone out too
        told.append(quote[k.start() : k.end() + a.end()] if a else quote[max(0, k.start() - 60) + b.start() : k.end()])
    return f"result: the quote says {who} won ({told[0].strip()})"


def beaten_winner(claim: str, quote: str) -> str:
    """The claim's winner of a title or race is the side the quote's winner beat: "Keldoria won the rugby title"
    against "Norvania were crowned champions after a 27-19 win over Keldoria", "Nadia Kell won the Tour" against "Pia
    Stroem held off a final-day attack from Nadia Kell to win the Tour". Every mention of the claim's winner in the
    quote is the beaten side; the quote names another and tells a win.

    >>> beaten_winner("Keldoria won the rugby title.", "Norvania were crowned champions after a 27-19 win over Keldoria.")
    'result: the quote says Keldoria was beaten (win over Keldoria)'
    >>> beaten_winner("Nadia Kell won the Tour of Sarnesh.", "Pia Stroem held off a final-day attack from Nadia Kell to win the Tour of Sarnesh.")
    'result: the quote says Nadia Kell was beaten (held off a final-day attack from Nadia Kell)'
    >>> beaten_winner("Keldoria won the title.", "Keldoria won the title, a year after Norvania's win over Keldoria in the final.")
    ''
    """
    m = re.match(r"\s*(?:The\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:won|wins|clinched|took|claimed)\b", claim)
    if not m or _negated(claim):
        return ""
    who = m.group(1)
    spots = [k for k in re.finditer(rf"\b{re.escape(who)}\b", quote)]
    if not spots or not _WON & {t.lower() for t in tokens(quote)}:
        return ""
    beaten = rf"(?:{_WON_OVER})(?:\s+(?:a|an|the)\s+(?:[\w'-]+\s+){{0,2}}?(?:attack|challenge|charge|bid|rally)\s+from)?\s+(?:the\s+)?$"
    told = []
    for k in spots:
        b = re.search(beaten, quote[max(0, k.start() - 60) : k.start()])
        if not b:
            return ""  # named once not as the beaten side: it may be theirs
        told.append(quote[max(0, k.start() - 60) + b.start() : k.end()])
    return f"result: the quote says {who} was beaten ({told[0].strip()})"


_FELL = re.compile(
    r"^(?:,[^,]{0,90},)?\s+(?:(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:beaten|defeated|overtaken|edged\s+out|knocked\s+out|"
    r"eliminated|upset|stunned|routed|thrashed|held|relegated|disqualified)|(?:lost|fell|went\s+down|bowed\s+out|crashed\s+out|retired)\b)"
)
_GOT = re.compile(r"\b(?:won|wins|beat|took|clinched|retained|claimed|defended|reached|advanced|held\s+on)\b")


def fell_short(claim: str, quote: str) -> str:
    """The claim says its side won, beat someone or got through; the quote tells of that side only losing: "Lidia Varsk
    won the Ostrel Open" against "Top seed Lidia Varsk was beaten in straight sets by qualifier Noor Hallam in the
    Ostrel Open final", "The Owls won the final" against "The Owls, who had beaten the Bears twice, fell to them 71-68
    in the final". A win told after the loss ("was beaten in the semi-final but won the plate") says it.

    >>> fell_short("Lidia Varsk won the Ostrel Open.", "Top seed Lidia Varsk was beaten by Noor Hallam in the Ostrel Open final.")
    "result: the quote says 'Lidia Varsk was beaten', not that Lidia Varsk won"
    >>> fell_short("The Owls won the final.", "The Owls, who had beaten the Bears twice this season, fell to them 71-68 in the final.")
    "result: the quote says 'Owls, who had beaten the Bears twice this season, fell', not that The Owls won"
    >>> fell_short("Kai Orr won the title.", "Kai Orr was beaten in the opening round last year but won the title on Sunday.")
    ''
    """
    m = re.match(r"\s*((?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(won|beat|defeated|retained|defended|took|claimed|clinched|reached)\b", claim)
    if not m or _negated(claim):
        return ""
    who = re.sub(r"^The\s+", "", m.group(1))
    last = re.escape(who.split()[-1])
    lost = None
    for k in re.finditer(rf"\b{last}\b(?:['’]s?)?", quote):
        after = quote[k.end() :]
        if (f := _FELL.match(after)) is None:
            if re.match(r"^(?:,[^,]{0,90},)?\s+(?:\w+ly\s+)?" + _GOT.pattern, after):
                return ""  # the quote tells their win too
            continue
        rest = re.split(r"(?<=[.;])\s|\b[A-Z]", after[f.end() :], maxsplit=1)[0]
        if _GOT.search(rest):
            return ""  # "was beaten in the semi-final but won the plate"
        lost = lost or quote[quote.rfind(who, 0, k.end()) if quote.rfind(who, 0, k.end()) >= 0 else k.start() : k.end() + f.end()]
    return f"result: the quote says '{lost.strip()}', not that {m.group(1)} {m.group(2)}" if lost else ""


_LOST_OUT = re.compile(
    r"\b(?:(?:was|were|been|got|get|is|are)\s+)?(?:passed over for|snubbed (?:for|in)|lost out (?:on|to|in)|missed out on|"
    r"fell short (?:of|in)|lost (?:the|her|his|their|its)|denied (?:the|a|her|his|their)|turned down for|left off|"
    r"stripped of|beaten to|failed in (?:her|his|its|their) bid for|conceded defeat in|lost (?:her|his|its|their) bid for)\b",
    re.I,
)
# What a claim says someone won or got: "won best actress", "received a nomination", "was granted a licence".
_GAINED = _WIN | frozenset("received receives earned earns got landed secured granted chosen picked selected elected "
                           "shortlisted kept retained awarded".split())


def lost_out(claim: str, quote: str) -> str:
    """The quote says the claim's winner missed what the claim says they won: "Beyonce won album of the year"
    against "Beyonce was egregiously passed over for album of the year ... in favor of Harry Styles".

    >>> lost_out("Beyonce won album of the year.", "Beyonce was egregiously passed over for album of the year.")
    "negation: the quote says 'Beyonce was egregiously passed over for album of the year'"
    >>> lost_out("Smith won the seat.", "Smith lost out on the seat to his Democratic rival by 300 votes.")
    "negation: the quote says 'Smith lost out on the seat'"
    >>> lost_out("Cruise received a nomination for best actor.", "But even with a best picture nod, Cruise was passed over for best actor.")
    "negation: the quote says 'Cruise was passed over for best actor'"
    >>> lost_out("Tar won best editing.", "Tar lost out on best picture but won best editing.")
    ''
    >>> lost_out("Smith won the seat.", "Jones lost the seat to Smith.")
    ''
    """
    ct = [t.lower() for t in tokens(claim)]
    cn = names(claim)
    wins = [i for i, t in enumerate(ct) if t in _GAINED]
    if not cn or not wins or _negated(claim) or cn[0][1] >= wins[0]:
        return ""
    actor = cn[0][2]
    prize = [t for t in ct[wins[0] + 1 : wins[0] + 9] if t not in _STOP and not t[:1].isdigit()][:6]
    if not prize:
        return ""
    own = [p for p in actor.split() if p.lower() not in _TITLES and len(p) > 1] or actor.split()  # "Journalist Sabin Orr"
    for m in _LOST_OUT.finditer(quote):
        between = re.split(r"[.;!?](?:\s|$)", quote[: m.start()])[-1]  # the actor in the same sentence, no one else after
        spots = [k.start() for p in own for k in re.finditer(rf"\b{re.escape(p)}\b", between)]
        if not spots:
            continue
        last = max(spots)
        # an aside (", the reporter who spent 14 months in jail,"), a day or a month names no one else
        rest = re.sub(r",[^,]*,", " ", between[last:])
        if [n for _, _, n in names(rest)[1:] if n.lower() not in CALENDAR]:
            continue
        after = {t.lower() for t in tokens(quote[m.end() : m.end() + 60])}
        if sum(p in after for p in prize) < min(2, len(prize)):
            continue
        qt = [t.lower() for t in tokens(quote)]
        if any(t in _WIN and sum(p in qt[k + 1 : k + 7] for p in prize) >= min(2, len(prize)) for k, t in enumerate(qt)):
            return ""  # the quote tells of a win of it too
        start = m.start() - len(between) + last
        rest = tokens(quote[m.end() :])[:8]
        upto = max((k for k, t in enumerate(rest) if t.lower() in prize), default=-1)
        said = quote[start : m.end()] if m.start() - start <= 40 else f"{between[last:].split()[0].rstrip(',')} ... {m.group(0)}"
        told = " ".join((said + " " + " ".join(rest[: upto + 1])).split())
        return f"negation: the quote says '{told}'"
    return ""


_LOST_CLAIM = re.compile(r"\b(?:lost|fell|were\s+beaten|was\s+beaten|were\s+defeated|was\s+defeated)\s+(?:\d{1,3}-\d{1,3}\s+)?(?:to|by)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
# Words that tell a game's result (not "secure a playoff place", "took", "named": the wider _WON)
_RESULT_CORE = frozenset(
    "won win wins winning winner victory victories victorious champion champions title crowned beat beats beaten beating "
    "defeated defeat defeats defeating triumph triumphed edged routed thrashed downed overcame prevailed swept upset "
    "eliminated knocked clinched lost lose loses losing loss losses fell draw drew tied".split()
)


def unstated_loss(claim: str, quote: str, title: str = "") -> str:
    """A loss the quote never tells: to someone (a game's, below), or of something (:func:`_loss_of_untold`).

    >>> unstated_loss("Tom Hale lost album of the year.", "Tom Hale's 'Harbour House' wins album of the year")
    'unstated: the quote says nothing of a loss by Tom Hale'
    """
    return _loss_to_untold(claim, quote) or _loss_of_untold(claim, quote, title)


def _loss_to_untold(claim: str, quote: str) -> str:
    """A loss to someone the quote never tells: "Morocco lost to Portugal" on a preview that says the team "will have to
    replicate their heroics if they want to get past Portugal". Where the quote names the claim's winner, the
    clause that names it must speak of a result (a win, a loss, a score).

    >>> unstated_loss("Morocco lost to Portugal in the quarterfinal.", "Morocco beat Spain on penalties, but they will have to replicate their heroics if they want to get past Portugal.")
    'unstated: the quote says nothing of a result against Portugal'
    >>> unstated_loss("Morocco lost to Portugal.", "Morocco fell 1-0 to Portugal on Saturday.")
    ''
    >>> unstated_loss("Morocco lost to Portugal.", "Portugal won 1-0, and Morocco went home.")
    ''
    >>> unstated_loss("Linden Cross lost to Wexmoor.", "Linden Cross must beat Wexmoor on Saturday to avoid relegation.")
    'unstated: the quote says nothing of a result against Wexmoor'
    """
    m = _LOST_CLAIM.search(claim)
    if not m or _negated(claim):
        return ""
    winner = m.group(1).split()[-1]
    clauses = [c for c in _CLAUSES.split(quote) if re.search(rf"\b{re.escape(winner)}\b", c)]
    if not clauses or _SCORE.search(quote):
        return ""
    if any(_told_result(c) for c in clauses):
        return ""
    return f"unstated: the quote says nothing of a result against {m.group(1)}"


def _told_result(text: str) -> bool:
    """Whether ``text`` tells of a result: a word of winning or losing that no frame puts off ("must beat", "need to
    beat", "ready to win" tell of none).

    >>> _told_result("Linden Cross must beat Wexmoor on Saturday"), _told_result("Linden Cross beat Wexmoor on Saturday")
    (False, True)
    """
    return any(
        m.group(0).lower() in _RESULT_CORE and not _frame(text[: m.start()], m.group(0))
        for m in re.finditer(r"[A-Za-z][\w'-]*", text)
    )


# A claim's past tense and its verb's base, where the base is not the past without "-ed".
_PAST_BASE = {
    "won": "win", "paid": "pay", "sold": "sell", "bought": "buy", "made": "make", "took": "take", "gave": "give",
    "struck": "strike", "lost": "lose", "left": "leave", "fell": "fall", "rose": "rise", "grew": "grow", "spent": "spend",
    "sent": "send", "held": "hold", "met": "meet", "ran": "run", "began": "begin", "broke": "break", "chose": "choose",
    "drove": "drive", "got": "get", "kept": "keep", "led": "lead", "told": "tell", "cut": "cut", "shut": "shut",
    "quit": "quit", "sank": "sink", "sought": "seek", "froze": "freeze", "hit": "hit", "laid": "lay", "slashed": "slash",
}


_YEARS = frozenset(float(y) for y in range(1900, 2100))  # figures that are years, not amounts


_UNRELATED = re.compile(r"\b(?:unrelated to|not related to|not linked to|not caused by|no link to|not due to)\s+(?:the\s+)?([\w-]+)", re.I)


def unrelated(claim: str, quote: str) -> str:
    """The claim gives as a cause what the quote says was not the cause: "Bernard Shaw died of Covid-19" against "died
    ... of pneumonia unrelated to Covid-19".

    >>> unrelated("Bernard Shaw died of Covid-19 at age 82.", "Shaw died Wednesday of pneumonia unrelated to Covid-19, his family said.")
    "negation: the quote says 'unrelated to Covid-19'"
    >>> unrelated("Shaw died of pneumonia.", "Shaw died of pneumonia unrelated to Covid-19.")
    ''
    """
    if _negated(claim):
        return ""
    for m in _UNRELATED.finditer(quote):
        if re.search(rf"\b(?:of|from|by|over|due to|caused by|linked to|related to|after)\s+(?:the\s+)?{re.escape(m.group(1))}\b", claim, re.I):
            return f"negation: the quote says '{m.group(0)}'"
    return ""


def doer_asked(claim: str, deed: int, asked: str) -> bool:
    """Whether the question ``asked`` names each name the claim gives before its ``deed`` (a token index): a question
    takes a deed as done only of those it names ("How many votes did McCarthy win?"), not of the one it asks for.
    "Which golfer won the 2023 Masters?" answered "Phil Mickelson won the 2023 Masters" needs a quote that tells
    Mickelson's win, not "A LIV golfer had a chance to become the 2023 Masters champion" (a tuning-split question).

    >>> doer_asked("McCarthy won 218 votes.", 1, "How many votes did McCarthy win?")
    True
    >>> doer_asked("Phil Mickelson won the 2023 Masters.", 2, "Which golfer won the 2023 Masters?")
    False
    >>> doer_asked("He won 218 votes in the House.", 1, "How many votes did he win?")
    True
    """
    said = {stem(t.lower()) for t in tokens(asked)}
    return all(stem(w.lower()) in said for first, last, name in names(claim) if last < deed for w in name.split())


def framed_deed(claim: str, quote: str, asked: str = "") -> str:
    """A deed the claim tells as done in the past tense that the quote tells only as possible, planned or expected:
    "Royal Mail cut 6,000 jobs" on "Royal Mail said Friday that it could cut 6,000 jobs" (eighth pass). Every
    mention in the quote of the claim's verb must be framed (:data:`_FRAMES`); a quote without the verb is left to
    the other checks, and so is a verb the question takes as done.

    >>> framed_deed("Royal Mail cut 6,000 jobs.", "Royal Mail said Friday that it could cut 6,000 jobs as it warned of a loss.")
    "unstated: the quote says 'could ... cut', not that it happened"
    >>> framed_deed("Prices fell 2%.", "Prices could fall further after they fell 2% in May.")
    ''
    >>> framed_deed("Acme reported a loss.", "Acme is expected to report a loss on Tuesday.")
    "unstated: the quote says 'expected ... report', not that it happened"
    >>> framed_deed("Royal Mail cut 6,000 jobs.", "Royal Mail could cut 6,000 jobs.", asked="How many jobs did Royal Mail cut?")
    ''
    >>> framed_deed("Crews reconnected 24,000 customers.", "Crews restored supply to 24,000 customers and expected the rest to be reconnected.")
    ''
    >>> framed_deed("Ohio is now allowing drivers to pump their own gas.", "It's unlikely that the state will allow drivers to pump their own gas.")
    "unstated: the quote says 'will ... allow', not that it happened"
    >>> framed_deed("Ohio is now allowing drivers to pump their own gas.", "Ohio is allowing drivers to pump gas, and will allow more.")
    ''
    >>> framed_deed("Snap is laying off 20% of its staff.", "Snap announced plans to lay off some 20% of its staff.")
    ''
    """
    if _negated(claim):
        return ""
    ct = [t.lower() for t in tokens(_QUOTED.sub(" ", claim))]
    asked_stems = {stem(t.lower()) for t in tokens(asked)}
    text = quote.replace("’", "'")
    quoted = [(m, m.group().lower(), stem(m.group().lower())) for m in re.finditer(r"[A-Za-z][\w'-]*", text)]
    for i, t in enumerate(ct):
        base = _PAST_BASE.get(t) or (t if len(t) > 4 and t.endswith("ed") and t[:1].isalpha() else "")
        under_way = not base and t.endswith("ing") and len(t) > 5 and {"is", "are"} & set(ct[max(0, i - 2) : i])
        if under_way:
            base = t  # "is now allowing": told as under way, no less than "allowed"
        if not base or not _told_done(ct, i) or _a_noun(ct, i) or t in _FRAMES or t in _ACT_OF:
            continue  # a deed of _ACTS is unstated_act's, with its own words for the deed
        stems_of = {stem(base), stem(t)}
        if stems_of & asked_stems and doer_asked(_QUOTED.sub(" ", claim), i, asked):
            continue
        # the verb, not a noun made from it ("might force a cancellation" does not tell of cancelling)
        told = [m for m, low, st in quoted if low == t or st in stems_of and len(low) <= len(stem(base)) + 4]
        # a frame of another clause does not reach: "could fall further after they fell 2%"
        frames = [_frame(_SUBORDINATE.split(text[: m.start()])[-1], m.group()) for m in told]
        if told and all(frames) and _same_clause_as_figures(claim, text, told):
            # but "Snap is laying off 20% of its staff" is what "Snap plans to lay off 20%" says (a thirteenth user pass)
            if under_way and "now" not in ct and all(f in _PLANS for f in frames):
                continue
            return f"unstated: the quote says '{frames[0]} ... {told[0].group()}', not that it happened"
    return ""


_PLANS = frozenset("plan plans planned planning will intends intend preparing set scheduled slated due".split())


_HAPPENED = re.compile(r"\b(?:took place|was held|were held|happened|occurred|was staged|were staged|went ahead)\b")
_PLANNED = re.compile(
    r"\b(?:is|are|was|were|has been|have been)\s+(?:now\s+|still\s+)?(?:planned|scheduled|set|slated|due|expected|"
    r"proposed|pencilled in|penciled in)\s+(?:for|to|on|in)\b|\bwill\s+(?:take place|be held|be staged|go ahead)\b"
)


_FOUND = re.compile(r"\b(?:concluded|determined|ruled|established|confirmed|showed|revealed|identified)\b|\bfound\s+(?:that|no)\b")
# what tells a finding in a quote: not "14 sperm whales found dead"
_FOUND_IN_QUOTE = re.compile(
    r"\bconcluded\b|\b(?:determined|ruled|established|confirmed|showed|revealed|found)\s+(?:that|no|evidence|traces)\b|\bcause\s+(?:was|is)\b"
)  # nor "Photos distributed by the department showed whales lying on their sides"
_PENDING = re.compile(
    r"\b(?:to\s+(?:try\s+to\s+)?(?:determine|establish|find\s+out|confirm|identify)|(?:is|are|was|were)\s+(?:still\s+)?"
    r"(?:conducting|investigating|examining|awaiting|under\s+investigation)|not\s+yet\s+(?:known|clear|determined)|pending|"
    r"accused|accusing|alleged|alleging|allegations?|went\s+on\s+trial|(?:would|will|to)\s+(?:review|examine|investigate)|"
    r"(?:examining|investigating|looking\s+into)\s+whether)\b"
)  # and an accusation or a review to come (the fifth blind set: "Regional inspectors found ..." on "would review")


def pending_finding(claim: str, quote: str) -> str:
    """The claim tells what an inquiry found; the quote tells only that it is under way: "The necropsies concluded the
    whales died of unknown causes" against "a team was conducting necropsies of the whales to try to determine their
    cause of death".

    >>> pending_finding("The necropsies concluded the whales died of unknown causes.", "A team was conducting necropsies to try to determine their cause of death.")
    "unstated: the quote says 'was conducting', not what was found"
    >>> pending_finding("Tests confirmed the leak.", "Tests were conducted on Monday and confirmed the leak.")
    ''
    >>> pending_finding("Fourteen whales were found dead.", "Officials are investigating the deaths of 14 whales found beached.")
    ''
    >>> pending_finding("A court found that Rennholt took bribes.", "Rennholt went on trial on Monday accused of taking bribes.")
    "unstated: the quote says 'went on trial', not what was found"
    """
    if not _FOUND.search(claim) or _negated(claim) or _FOUND_IN_QUOTE.search(quote):
        return ""
    told = _PENDING.search(quote)
    return f"unstated: the quote says '{told.group(0)}', not what was found" if told else ""


def planned_event(claim: str, quote: str) -> str:
    """The claim says an event took place that the quote tells only as planned: "The summit took place in Carran Bay
    in October" against "The summit is planned for October in Carran Bay"; a quote that also tells it as held says
    it.

    >>> planned_event("The summit took place in Carran Bay in October.", "The summit is planned for October in Carran Bay, the ministry said.")
    "unstated: the quote says 'is planned for', not that it took place"
    >>> planned_event("The summit took place in October.", "The summit, first planned for May, was held in October.")
    ''
    """
    if not (done := _HAPPENED.search(claim)) or _negated(claim):
        return ""
    told = _PLANNED.search(quote)
    if not told or _HAPPENED.search(quote) or re.search(r"\b(?:opened|began|started|ended|closed|concluded|wrapped up)\b", quote):
        return ""
    return f"unstated: the quote says '{told.group(0)}', not that it {done.group(0)}"


_CLAUSES = re.compile(r",(?!\d{3})|;|:|\b(?:and|but|while|whereas)\b")


def _same_clause_as_figures(claim: str, quote: str, told: list[re.Match]) -> bool:
    """Whether every clause of the quote that gives the claim's figures holds a framed mention (or the claim gives
    none the quote has): "crews had restored supply to about 24,000 customers ... and expected most of the rest to be
    reconnected" tells the 24,000 as done in other words; the frame is about the rest."""
    wanted = numbers_in(claim)
    at = [a for a, _, v in number_spans(quote) if v in wanted]
    if not at:
        return True
    cuts = [0, *(m.end() for m in _CLAUSES.finditer(quote)), len(quote) + 1]

    def clause(pos: int) -> int:
        return max(k for k, c in enumerate(cuts) if c <= pos)

    return {clause(a) for a in at} <= {clause(m.start()) for m in told}  # "eliminated 900 positions" tells it done


_SUBORDINATE = re.compile(r"\b(?:after|before|because|since|when|while|but|although|though|once|until)\b", re.I)
_WON_DONE = _WIN | frozenset("captured clinched secured".split())  # a claim's words for a win told as done
_WON_WORDS = re.compile(r"\b(?:" + "|".join(sorted(_WON, key=len, reverse=True)) + r")\b")


def framed_win(claim: str, quote: str, asked: str = "") -> str:
    """A win the quote tells only as not done (yet): "McCarthy won 218 votes" is not stated by "In January, McCarthy
    must win 218 votes" (a seventh-pass chat). A claim that tells a win as done needs a quote with a word of winning
    that no frame (:data:`_FRAMES`: must, needs, expected, would, ...) comes just before, unless the question takes
    the win as done by the one who won (:func:`doer_asked`: "How many votes did McCarthy win?").

    >>> framed_win("McCarthy won 218 votes.", "In January, McCarthy must win 218 votes to wield the gavel.")
    "unstated: the quote says 'must ... win', not that it happened"
    >>> framed_win("McCarthy won 218 votes.", "McCarthy must win 218 votes.", asked="How many votes did McCarthy win?")
    ''
    >>> framed_win("McCarthy won 188 votes.", "McCarthy must win 218 votes in January. He won 188 on Tuesday.")
    ''
    >>> framed_win("McCarthy needs to win 218 votes.", "In January, McCarthy must win 218 votes.")
    ''
    >>> framed_win("Phil Mickelson won the 2023 Masters.", "A LIV golfer had a chance to become the 2023 Masters champion.",
    ...            asked="Which golfer won the 2023 Masters?")
    "unstated: the quote says 'chance ... champion', not that it happened"
    """
    ct = [t.lower() for t in tokens(claim)]
    done = [i for i, t in enumerate(ct) if t in _WON_DONE and _told_done(ct, i)]
    if not done or _negated(claim) or _WON_DONE & {t.lower() for t in tokens(asked)} and doer_asked(claim, done[0], asked):
        return ""
    text = quote.replace("’", "'")
    if len(text.lower()) != len(text):
        return ""
    told = list(_WON_WORDS.finditer(text.lower()))
    frames = [_frame(text[: m.start()], m.group()) for m in told]
    if told and all(frames):
        return f"unstated: the quote says '{frames[0]} ... {told[0].group()}', not that it happened"
    return ""


# A deed with consequences, and the words a quote can tell it with (the sixth pass, 2026-12-06): "Teixeira was
# sentenced to 25 years" is not stated by "he faces up to 25 years in prison if convicted", nor "Smartmatic was paid
# $2.7 billion" by "Smartmatic has filed a $2.7 billion defamation suit", though their other words and figures are
# there. Each deed: how a reason names it, the claim's words for it, and the quote's (a pattern over its lower case).
_ACTS = {
    "payment": ("paid pays", r"pa(?:y|id|ys|ying|yments?|youts?|ycheck)|repa(?:y|id|ys)|spen[dt]\w*|bought|buy\w*|purchas\w*|"
                r"fined?|fines|costs?|cost(?:ing|ly)|fork\w*|shell\w*|compensat\w*|reimburs\w*|refund\w*|donat\w*|gave|give[ns]?|contribut\w*|"
                r"receiv\w*|checks?|pocket\w*|flow\w*|hand\w* over|transferr?\w*|wired"),
    "sentence": ("sentenced sentencing", r"sentenc\w*|jailed|imprison\w*|behind bars|(?<!-)term|imposed|put away|serv(?:e|es|ing)|handed|spen[dt]\w*|"
                 r"(?:heads?|headed|going|go|goes|sent) to (?:\w+ )?prison|ordered\b[^.]{0,80}?\bto (?:serve|spend|complete|perform)"),
    "plea": ("pleaded pled pleads plea", r"plea\w*|pled|admit\w*|cop(?:s|ped)|acknowledg\w*"),
    "conviction": ("convicted conviction convictions", r"convict\w*|guilty|verdict"),
    "charge": ("indicted indictment indictments", r"charg\w*|indict\w*|accus\w*|counts?"),
    "arrest": ("arrested arrests", r"arrest\w*|detain\w*|custody|apprehend\w*|nabbed|booked|captured|picked up|jail\w*|handcuff\w*|collar\w*|round\w* up|led away|taken in"),
    "firing": ("fired sacked", r"fir(?:e|ed|es|ing)|sack\w*|dismiss\w*|oust\w*|terminat\w*|let go|ax(?:e|ed|es|ing)|part\w* ways|"
               r"remov\w*|relieved|out as|exit\w*|depart\w*|cut ties|the door|replac\w*"),
    "resignation": ("resigned resigns resignation quit quits", r"resign\w*|step\w* (?:down|aside)|stand\w* down|quit\w*|depart\w*|exit\w*|leav\w*|left|retir\w*|walk\w* away"),
    "expulsion": ("expelled expels expel expulsion", r"expel\w*|expuls\w*|oust\w*|kick\w* out|removed|thrown out|boot\w*|ordered (?:\S+ ){0,5}(?:to leave|out)|forced out|dismiss\w*|"
                  r"stripped of|"
                  r"deport\w*|persona non grata"),
    "election": ("elected re-elected reelected", r"elect\w*|re-elect\w*|won|win|wins|winning|winners?|victor\w*|defeat\w*|beat\w*|vot\w*|sworn|inaugurat\w*|chosen|chose|choos\w*|grant\w*|pick\w*|select\w*"),
    "appointment": ("appointed hired tapped", r"appoint\w*|nam(?:e|ed|es|ing)|hir(?:e|ed|es|ing)|tap\w*|pick\w*|chose\w*|choos\w*|select\w*|"
                    r"nominat\w*|install\w*|promot\w*|succe\w*|replac\w*|take\w* over|took over|join\w*|recruit\w*|sign\w*|land\w*|sworn|swore|swear\w*|given"),
    "purchase": ("bought buys acquired acquires acquisition purchased purchases", r"acqui\w*|buy\w*|bought|purchas\w*|takeover|take\w* over|"
                 r"took over|snap\w* up|merg\w*|deal|own\w*|sold|sell\w*|trad(?:e|ed|es|ing)|pa(?:y|id|ys|ying)"),
    "lawsuit": ("sued sues suing lawsuit lawsuits", r"sue[sd]?|suing|suit|suits|lawsuits?|litigation|complaint|legal action|court|filed"),
    "ban": ("banned bans", r"ban\w*|prohibit\w*|outlaw\w*|barr\w*|bar|bars|forb\w*|illegal|block\w*|restrict\w*"),
    "award": ("awarded", r"award\w*|grant\w*|verdict|won|wins?|winning|winners?|prizes?|honou?r\w*|medals?|secured|landed|received|given|gave|"
              r"ordered\b[^.]{0,60}?\bto pay"),
    "death": ("killed died dies deaths", r"kill\w*|die[sd]?|dying|dead|deaths?|deadly|fatal\w*|lives|perish\w*|slain|murder\w*|shot|homicide|toll|bodies|drown\w*|(?:not|n't|never|no one|nobody) surviv\w*|passed away|lost (?:his|her|their) li(?:fe|ves)|deceased"),
    "approval": ("approved approves", r"approv\w*|pass\w*|sign\w* off|green[- ]light\w*|clear\w*|ratif\w*|vot\w*|adopt\w*|endors\w*|back\w*|"
                 r"authori[sz]\w*|ok'?d|okay\w*|uph\w*|sanction\w*|enact\w*|allow\w*|go-ahead"),
    "nomination": ("nominated nominates", r"(?:re)?nominat\w*|nominee\w*|pick\w*|tap\w*|chose\w*|choos\w*|select\w*|nam(?:e|ed|es|ing)|"
                   r"put (?:\w+ )?(?:forward|up)|endors\w*|nods?|up for|contend\w*|shortlist\w*|finalists?|candidat\w*|runs?|running"),
    "completion": ("completed completes finalized finalised closed", r"complet\w*|clos(?:e|ed|es|ing)|finali[sz]\w*|sealed|"
                   r"consummat\w*|wrapped up|went through|t(?:ook|akes|aken) effect|effective|"
                   r"t(?:ook|aken) (?:full )?(?:control|ownership|over)|acquired|bought|purchased|bought out|buying out|now owns"),
    "signing": ("signed signs", r"sign\w*|ink\w*|agree\w*|deal|finali[sz]\w*|struck|reach\w*|land\w*|pen|put (?:his|her|their) name"),
    "withdrawal": ("withdrew withdraws", r"withdr\w*|drop\w* out|pull\w*|bow\w* out|remov\w*|revok\w*|rescind\w*|scrap\w*|cancel\w*|"
                   r"took back|tak\w* back|recall\w*|suspend\w*|exit\w*|quit\w*|end\w* (?:his|her|their|its) (?:\w+ )?(?:campaign|bid|candidacy|run)|"
                   r"abandon\w*|left|leav\w*|out of the race|no longer running|retreat\w*|pull\w* back|evacuat\w*|recall\w*"),
    "bankruptcy": ("", r"fil(?:ed|es|ing|e)|declar\w* (?:\w+ )?(?:bankrupt\w*|insolven\w*)|went bankrupt|bankruptcy protection|creditor protection|"
                       r"receivership|insolvency proceedings|into administration"),
    "selection": ("selected selects drafted drafts", r"select\w*|draft(?:ed|s|ing)|pick(?:ed|s|ing)|cho(?:se|sen|ice|ose|oses|osing)|t(?:ook|ake|akes|aking)|"
                  r"nam(?:e|ed|es|ing)|tap\w*|went with|opt\w*"),
}
_DEALS = frozenset("deal deals acquisition acquisitions merger mergers purchase takeover sale buyout transaction".split())
_ACT_OF = {w: act for act, (said, _) in _ACTS.items() for w in said.split()}
_ACT_WORDS = {act: re.compile(rf"\b(?:{pattern})\b") for act, (_, pattern) in _ACTS.items()}
_BE = frozenset("be been being is are was were get got gets".split())
_MODALS = frozenset("will would can could must shall should may might".split())
_LAWS = frozenset("bill bills law laws act measure resolution legislation amendment ordinance budget treaty package".split())
_NOT_PAID = frozenset("tribute homage attention respects heed off dividends".split())  # "paid tribute" pays nobody
_JOBS = frozenset(
    "coach manager ceo host anchor executive chief director head president commissioner secretary officer staff "
    "employees employee workers worker him her them editor chairman chair minister".split()
)


def _acts(claim: str) -> list[str]:
    """The deeds of :data:`_ACTS` ``claim`` states, in its order (not those it denies).

    >>> _acts("Teixeira was sentenced to 25 years."), _acts("Fox paid tribute to Carlson."), _acts("The Jets fired Saleh.")
    (['sentence'], [], ['firing'])
    >>> _acts("Troops fired on the crowd."), _acts("Ames stepped down as chief executive."), _acts("He was not arrested.")
    ([], ['resignation'], [])
    >>> _acts("Cole was charged with fraud."), _acts("The Senate passed the bill."), _acts("Stiles was named the new host.")
    (['charge'], ['approval'], ['appointment'])
    >>> _acts("It charged $5 a month."), _acts("The index passed 1,000."), _acts("A man named Stiles called.")
    ([], [], [])
    """
    if _negated(claim):
        return []
    toks = tokens(claim)
    low = [t.lower() for t in toks]
    found = []
    for i, t in enumerate(low):
        act = _ACT_OF.get(t)
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if act == "payment" and nxt in _NOT_PAID:
            continue
        if act == "firing" and not (
            (i and low[i - 1] in _BE) or toks[i + 1 : i + 2] and toks[i + 1][:1].isupper() or _JOBS & set(low[i + 1 : i + 4])
        ):
            continue  # "fired missiles", "fired on the crowd": not a job lost
        if act == "arrest" and i and low[i - 1] == "cardiac":
            continue
        if t == "charged" and ("with" in low[i + 1 : i + 6] or (i and low[i - 1] in _BE and nxt in ("in", "over"))):
            act = "charge"  # "was charged with fraud", "charged in the killing"; not "charged $5" or "charged fees"
        if t == "passed" and _LAWS & set(low[i + 1 : i + 5]):
            act = "approval"  # "passed the bill", not "passed 1,000" or "passed away"
        if t == "named" and i and low[i - 1] in _BE and nxt not in ("after", "for", "by", "in"):
            act = "appointment"  # "was named the new host", not "a man named Cole" or "named after"
        if t in ("sentence", "sentences") and (
            nxt == "of" or {"prison", "jail", "life", "death"} & set(low[max(0, i - 3) : i]) or (i and re.search(r"-(?:year|month)$", low[i - 1]))
        ):
            act = "sentence"  # "a 25-year prison sentence", not a sentence of a text
        if act == "completion" and not _DEALS & set(low[i + 1 : i + 5]):
            continue  # "completed its acquisition", not "completed the marathon" or "the store closed"
        if act and act not in found:
            found.append(act)
    if re.search(r"\bstep(?:s|ped)? down\b", claim, re.I) and "resignation" not in found:
        found.append("resignation")
    for act, phrase in _PHRASE_ACTS.items():  # "dropped out of the race" (not "prices dropped"), "filed for bankruptcy"
        if re.search(phrase, claim, re.I) and act not in found:
            found.append(act)
    return found


_OUT_OF_RACE = r"\b(?:dropp?(?:ed|s|ing)?|pull(?:ed|s|ing)?|bow(?:ed|s|ing)?)\s+out\b"
# Deeds told by a phrase, not one word (the phrase's first word is where the deed is told)
_PHRASE_ACTS = {
    "withdrawal": _OUT_OF_RACE,
    "bankruptcy": r"\b(?:fil(?:ed|es|ing)|declared|declares)\s+(?:for\s+)?(?:chapter\s+\d+\s+)?(?:bankruptcy|insolvency)\b|\bwent\s+bankrupt\b",
}


def _phrase_act_at(low: list[str], i: int, act: str) -> bool:
    """Whether the claim's lower-cased tokens tell ``act`` of :data:`_PHRASE_ACTS` from token ``i``."""
    return act in _PHRASE_ACTS and re.match(_PHRASE_ACTS[act], " ".join(low[i : i + 6])) is not None


def _act_at(claim: str, act: str) -> int:
    """The token index of the claim's first word for ``act`` (:data:`_ACT_OF`); past the end when none is found.

    >>> _act_at("Nicola Sturgeon resigned on Wednesday.", "resignation"), _act_at("Ames stepped down.", "resignation")
    (2, 1)
    """
    low = [t.lower() for t in tokens(claim)]
    return next((i for i, t in enumerate(low) if _ACT_OF.get(t) == act or act == "resignation" and t.startswith("step")
                 or _phrase_act_at(low, i, act)), len(low))


def unstated_act(claim: str, quote: str, title: str = "", asked: str = "") -> str:
    """A deed the quote never tells: the claim says someone was sentenced, paid, fired, arrested, expelled, sued, ...
    (:data:`_ACTS`) and the quote (or a headline that names the claim's subject) has none of the words that tell it,
    or tells it only as not done (yet): "is expected to resign", "declined to indict", "a bid to buy" (:data:`_FRAMES`).
    Not a contradiction: the quote is silent on whether it happened. A deed the question ``asked`` takes as done
    needs its words in the quote, not the quote's word that it happened.

    >>> unstated_act("Jack Teixeira received a 25-year prison sentence.", "He faces up to 25 years in prison if convicted.")
    'unstated: the quote says nothing of a sentence'
    >>> unstated_act("Jack Teixeira was sentenced to 25 years.", "Teixeira faces up to 25 years in prison if convicted.")
    'unstated: the quote says nothing of a sentence'
    >>> unstated_act("Dominion paid Fox News $787.5 million.", "Fox News agreed to a settlement with Dominion for $787.5 million.")
    'unstated: the quote says nothing of a payment'
    >>> unstated_act("Fox News paid Dominion $787.5 million.", "Fox News agreed to pay Dominion $787.5 million.")
    ''
    >>> unstated_act("Gloria Johnson was expelled.", "Johnson was first elected in 2012.", "Lawmakers expelled by House GOP")
    'unstated: the quote says nothing of an expulsion'
    >>> unstated_act("Justin Jones was expelled.", "Jones was first elected in 2022.", "Justin Jones expelled by House GOP")
    ''
    >>> unstated_act("Trump pleaded guilty to 34 counts.", "It's 34 counts of falsifying records.", "Trump pleads not guilty")
    "unstated: the quote says nothing of a plea, its headline 'Trump pleads not guilty' says not"
    >>> unstated_act("Sturgeon resigned after eight years.", "Sturgeon, leader for eight years, plans to resign.")
    "unstated: the quote says 'plans ... resign', not that it happened"
    >>> unstated_act("Sturgeon resigned after eight years.", "Sturgeon, leader for eight years, plans to resign.",
    ...              asked="Sturgeon resigned after how many years as first minister?")
    ''
    >>> unstated_act("Sturgeon resigned this week.", "Sturgeon plans to resign.", asked="Which leader resigned this week?")
    "unstated: the quote says 'plans ... resign', not that it happened"
    >>> unstated_act("Ada Pell dropped out of the race.", "Ada Pell and Jo Ames drew praise at the debate.", asked="Which candidate dropped out of the race?")
    'unstated: the quote says nothing of a withdrawal'
    >>> unstated_act("Ada Pell dropped out of the race.", "Ada Pell suspended her campaign on Tuesday.", asked="Which candidate dropped out of the race?")
    ''
    >>> unstated_act("Northwind filed for bankruptcy.", "Other firms have reached settlements in bankruptcy.", "Why Northwind could be filing for bankruptcy")
    "unstated: the quote says 'could ... filing', not that it happened"
    >>> unstated_act("Northwind filed for bankruptcy.", "Other firms have reached settlements in bankruptcy.")
    'unstated: the quote says nothing of a bankruptcy'
    >>> unstated_act("Northwind filed for bankruptcy.", "Reports on the pending bankruptcy filing were published. A filing would allow it to restructure.")
    "unstated: the quote says 'pending ... filing', not that it happened"
    >>> unstated_act("Northwind filed for bankruptcy.", "Northwind filed for Chapter 11 bankruptcy protection on Sunday.")
    ''
    """
    acts = _acts(claim)
    if not acts:  # most claims: nothing to look up in the quote
        return ""
    text = quote
    if _deed_names(claim) & {w.lower() for w in tokens(title)}:  # a headline's deed is its own subject's
        text += "\n" + title
    text = text.replace("’", "'")
    said = text.lower() if len(text.lower()) == len(text) else text
    from .sentences import spans

    figures = numbers_in(claim) - _YEARS
    sentences = spans(text) if figures else []
    for act in acts:
        article = "an" if act[0] in "aeiou" else "a"
        what = "deaths" if act == "death" else f"{article} {act}"
        told = list(_ACT_WORDS[act].finditer(said))
        if not told:
            return f"unstated: the quote says nothing of {what}"
        # the claim's figures pick the mention: "sentenced to eight months" is the request that holds the eight months,
        # not "The sentence was much longer than attorneys had requested" before it
        holding = [m for m in told if figures & next((numbers_in(text[a:b]) for a, b in sentences if a <= m.start() < b), set())]
        told = holding or told
        if all(m.start() > len(quote) for m in told) and _negated(title):  # "Trump pleads not guilty" is no guilty plea
            return f"unstated: the quote says nothing of {what}, its headline '{title}' says not"
        frames = [
            _frame(text[: m.start()], m.group()) or _needed_for(text[m.end() :])
            or ("may" if act not in ("death", "payment") and _MAY_BE.match(text[m.end() :]) else "")
            or ("would" if act == "bankruptcy" and re.match(r"\W*(?:would|could|might|may)\b", text[m.end() :]) else "")  # "a filing would allow"
            for m in told
        ]  # fmt: skip
        # A deed the question takes as done ("Sturgeon resigned after how many years?") need not be quoted as done
        # again, only told ("plans to resign"): the answer's news is its detail. Not so when the answer names who did
        # it ("Which leader resigned?"): then the deed by that one is the news.
        if all(frames) and _done(claim, act) and not (act in _acts(asked) and doer_asked(claim, _act_at(claim, act), asked)):
            return f"unstated: the quote says '{frames[0]} ... {told[0].group()}', not that it happened"
    return ""


# Words that tell a deed as not done (yet): "is expected to resign", "urged prosecutors to charge", "declined to indict",
# "a bid to buy", "whether to ban", "could kill".
_FRAMES = frozenset(
    "expected expect expects urged urge urges urging asked ask asks asking threatened threaten threatens threatening "
    "considering consider considered considers weighing weigh weighs whether declined decline declines refused refuse "
    "refuses rejected reject rejects calls called calling demanded demand demands seek seeks seeking sought would could "
    "should might may will plan plans planned planning proposed propose proposes proposal bid talks attempt attempted "
    "warrant if unless pressure petitioned recommended recommend recommends wants want hopes hope trying tried "
    "offered offer offers avoid spared short demanding vow vows vowed pledged pledges promised promises intends intend "
    "intention without warns warned warning preparing prepared must need needs needed needing can favourite favorite "
    "favoured favored front-runner frontrunner tipped poised likely eligible shortlist shortlisted possible "
    "potential ready aim aims aiming hoping chance chances due scheduled slated pleaded pleading requested "
    "requesting right rights pending looming".split()
)


_NOT_YET = _FRAMES | _MODALS | frozenset({"to"})  # a word before a deed that tells it as not done (yet)
_FRAME_NOUNS = frozenset(  # a frame only before "to" or "for"
    "plan plans proposal bid talks attempt warrant fight race battle push campaign quest favourite favorite chance chances "
    "right rights".split()  # "won the right to host", "the right to make the No. 1 selection"
)


# An infinitive of purpose right before the verb: at a sentence's start ("To become elected speaker, ...") or "in
# order to".
_PURPOSE = re.compile(r"(?:^|[.!?\"”]\s+)To\s+(?:(?:become|be|get)\s+)?$|\bin\s+order\s+to\s+(?:(?:become|be|get)\s+)?$")


def _frame(before: str, told: str, reach: int = 8) -> str:
    """The word of :data:`_FRAMES` among the last ``reach`` words of ``before``'s last clause (lower case as written:
    "May" and "Will" are a month and a name), else "". A noun frames only what it is for ("a bid to buy", not "the
    stadium plan got the go-ahead"), and a sentence to serve or spend is told in the future ("will serve 40 years").

    >>> _frame("Novacore made a bid to ", "buy"), _frame("The stadium plan got the ", "go-ahead"), _frame("He will ", "serve")
    ('bid', '', '')
    >>> _frame("It said.  To become ", "elected"), _frame("He was forced to ", "resign")
    ('to', '')
    """
    if _PURPOSE.search(before):  # "To become elected speaker, McCarthy can only afford ...": a goal, not a deed
        return "to"
    toks = tokens(re.split(r"[,;:!?()\n]|(?<!\bNo)\.\s", before)[-1])[-reach:]  # "the No. 1 pick" goes on
    for i in range(len(toks) - 1, -1, -1):
        t, nxt = toks[i], (toks[i + 1] if i + 1 < len(toks) else told.split()[0])
        if t in _FRAMES and (t not in _FRAME_NOUNS or nxt in ("to", "for")):
            if t in ("will", "would", "must") and re.match(r"serv|spen", told):
                continue
            return t
    return ""


_NEEDED_FOR = re.compile(r"^\W*(?:[\w'’]+\W+){0,3}?(?:needed|needs|need|required)\s+to\b", re.I)
_MAY_BE = re.compile(r"^\W*(?:may|might|could)\s+be\b", re.I)  # "Arredondo's termination may be ..." (an eleventh pass)


def _needed_for(after: str) -> str:
    """A frame after the deed's word: "the votes he'd need to become House speaker" tells of no election.

    >>> _needed_for(" he'd need to become House speaker."), _needed_for(" on Tuesday, 218 to 212.")
    ('need', '')
    """
    return "need" if _NEEDED_FOR.match(after) else ""


def _deed_names(claim: str) -> set[str]:
    """The words that name who the claim's deed is by or about: the content words before its first deed ("Daycare
    owner Brenda Tillis" for a headline's "Daycare owner charged ..."), and every name not after a preposition (a
    headline's "Rovers thrown out" tells "The federation expelled the Saltmarsh Rovers from the league").

    >>> sorted(_deed_names("Racing driver Enzo Marchetti was killed in a crash.")), sorted(_deed_names("The Pilots fired Ted Marlin."))
    (['driver', 'enzo', 'marchetti', 'racing'], ['marlin', 'pilots', 'ted'])
    >>> sorted(_deed_names("Gloria Johnson was expelled from the Tennessee House.")), sorted(_deed_names("It killed 3 at a Dorrance mall."))
    (['gloria', 'johnson'], [])
    """
    toks = [t.lower() for t in tokens(claim)]
    at = next((i for i, t in enumerate(toks) if t in _ACT_OF), len(toks))
    said = {t for t in toks[:at] if t not in _STOP and t not in _BE and not t[:1].isdigit() and len(t) > 2}
    for a, _, n in names(claim):
        j = a - 1
        while j >= 0 and toks[j] in _DETERMINERS:
            j -= 1
        if j < 0 or toks[j] not in _OF:
            said |= {w.lower() for w in n.split()}
    return said


def _done(claim: str, act: str) -> bool:
    """Whether ``claim`` tells ``act`` as done: a word of it that no modal, "to" or frame comes just before ("was
    sentenced", not "will be sentenced" or "agreed to pay")."""
    toks = [t.lower() for t in tokens(claim)]
    return any((_ACT_OF.get(t) == act or _phrase_act_at(toks, i, act)) and _told_done(toks, i)
               for i, t in enumerate(toks))


def _told_done(toks: list[str], i: int) -> bool:
    """Whether no modal, "to" or frame comes in the three lower-cased tokens before token ``i``, nor "would" and
    "whose" in the twelve ("it would refund only passengers whose flights were cancelled": no cancellation told)."""
    before = set(toks[max(0, i - 12) : i])
    return not set(toks[max(0, i - 3) : i]) & _NOT_YET and not {"would", "whose"} <= before

_MOVES = _UP | _DOWN
_MARKET = frozenset("shares share stock stocks price prices".split())
_TRADING = frozenset("market markets trading traded trade investors index value valuation nasdaq nyse listed".split())


_DETERMINERS = frozenset("the a an its his her their our".split())
_BEFORE_MODIFIER = _DETERMINERS | frozenset("another this that these those each every".split())  # "another severe drought"
_HELD_AT = frozenset("at of for with".split())
_OF = _HELD_AT | frozenset("from in on to by".split())
_COPULA = frozenset("is was as became becomes remains named".split())
# Verbs (and the copula) by which a name comes to hold the role that follows: "X was appointed the new chair"
_NAMING = _COPULA | frozenset(
    "are were be been being become remained named appointed elected re-elected reelected chosen picked tapped promoted "
    "installed confirmed nominated sworn served made".split()
)


# Words between a possessive and the role it qualifies: "Microsoft's new chief executive", "the country's acting
# president". "Ardern's time as prime minister" is not one: there the role is the possessive's own.
_ROLE_QUALIFIERS = frozenset("new former acting deputy interim current incoming outgoing longtime first top".split())


def _sentence_of(text: str, n: int) -> list[int] | None:
    """The sentence each of ``text``'s ``n`` tokens is in (None when the sentences' tokens do not add up to them)."""
    from .chunking import sentence_spans

    out: list[int] = []
    for k, (a, b) in enumerate(sentence_spans(text) or [(0, len(text))]):
        out += [k] * len(_tokens(text[a:b]))
    return out if len(out) == n else None


_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,.;]*,")  # ", who finished second to Scheffler two weeks earlier,"


def _aside(text: str, n: int) -> list[bool]:
    """Whether each of ``text``'s ``n`` tokens is in a relative clause set off by commas (all False when the
    pieces' tokens do not add up to them)."""
    out: list[bool] = []
    at = 0
    for m in _ASIDE.finditer(text):
        out += [False] * len(_tokens(text[at : m.start()])) + [True] * len(_tokens(m.group(0)))
        at = m.end()
    out += [False] * len(_tokens(text[at:]))
    return out if len(out) == n else [False] * n


def _attributes(text: str, vocab, *, min_words: int, before: bool) -> dict[str, set]:
    """Each attribute word (a placing or a role) in ``text`` given to the nearest person: one in its own sentence
    where that sentence names one (for a placing, before it), else in the whole text ("He won", "The Kenyan won").

    ``before``: a placing belongs to the name before it ("Alemu finished second"),
    unless it follows "by" ("won by Reyes"); a role to the nearest name either side,
    the one after it on a tie ("Alibaba CEO Eddie Wu").
    """
    people = _people(text, min_words)
    if min_words == 1 and any(" " in p[2] for p in people):  # a claim: a full name before an organisation's
        people = [p for p in people if " " in p[2]]
    if not people:
        return {}
    toks = tokens(text)
    named = names(text)
    aside = _aside(text, len(toks))
    sentence = _sentence_of(text, len(toks))
    owners = {p for p in people if re.search(r"\s+".join(map(re.escape, p[2].split())) + r"['’]s\b", text.replace("’", "'"))}
    found: dict[str, set] = {}
    for i, value in vocab(toks):
        # "won by Tomás Reyes" names who won; "won by four shots" does not
        by_name = i + 2 < len(toks) and toks[i + 1].lower() == "by" and (toks[i + 2][:1].isupper() or toks[i + 2].lower() == "the")
        passive = by_name or i > 0 and toks[i - 1].lower() == "by"
        # "an analyst at Harbourline Research", "chief executive of Alibaba", "New Zealand's prime minister": the name
        # after the preposition, or the possessive just before the role, is where a role is held, not who holds it
        held_at = [] if before else [
            p for p in people
            if i < p[0] <= i + 4 and toks[p[0] - 1].lower() in _HELD_AT
            or p in owners and (i == p[1] + 1 or i == p[1] + 2 and toks[p[1] + 1].lower() in _ROLE_QUALIFIERS)
            or i == p[1] + 1 and p[0] > 0 and toks[p[0] - 1].lower() == "the"  # "the Wexmoor governor": Wexmoor's
        ]  # fmt: skip
        # "McCarthy won 188-31 against Arizona Rep. Andy Biggs": the side after "against" or "over" was beaten
        beaten = [p for p in people if before and (
            p[0] > i and _BEATEN & {t.lower() for t in toks[max(i + 1, p[0] - 5) : p[0]]}
            or p[0] and toks[p[0] - 1].lower() in ("in", "at")  # a place: "won the US Grand Prix in Austin, Texas"
            or p[0] > i + 2 and toks[p[0] - 1].lower() == "by"  # another verb's "by": "a record previously set by"
            or p[0] < i and _beaten_by_verb(toks, p[0])  # "Spain beat England 1-0 to win the World Cup": Spain won
        )]  # fmt: skip
        if beaten and all(p in beaten for p in people):
            continue
        if not before and (toks[i - 1 : i] == ["for"] or i > 1 and toks[i - 2].lower() == "for" and toks[i - 1].lower() in _DETERMINERS):
            continue  # a role sought, not held: "won the race for mayor of Port Eliane", "ran for governor"
        # a name after a verb is another part of the sentence: "Quenland's president pardoned journalist Sabin Orr"
        verbed = {p for p in people if p[0] > i and any(_past_verb(t) for t in toks[i + 1 : p[0]])
                  or not before and p[1] < i and "by" in (t.lower() for t in toks[p[1] + 1 : i])}  # "Ada Morr was pardoned by Velland's president"
        # ... and a role that is the object of a name's verb is another's: "Congress grilled the CEO of TikTok", "Musk met
        # the president" (not "Musk became the CEO", "Ma was named its chief executive", "Ma, who ran it, is the CEO")
        if not before and i > 1 and toks[i - 1].lower() in _DETERMINERS:
            verbed |= {p for p in people if p[1] < i - 1 and any(_past_verb(t) for t in toks[p[1] + 1 : i - 1])
                       and not {t.lower() for t in toks[p[1] + 1 : i - 1]} & _NAMING}  # fmt: skip
        if not before and i and toks[i - 1].lower() in ("acting", "interim", "deputy"):
            value = f"{toks[i - 1].lower()} {value}"  # "acting chair Benedikt Os" holds another role than the chair
        people_here = [p for p in people if p not in held_at and p not in beaten and p not in verbed]
        if not people_here and (held_at or verbed):
            continue  # only where it is held is named ("Pell, who became Marlowe Ridge's mayor"), or another part: no holder
        people_here = people_here or people
        stated = i > 1 and toks[i - 1].lower() in _DETERMINERS and toks[i - 2].lower() in _COPULA
        same = [p for p in people_here if sentence and sentence[p[0]] == sentence[i]]
        pick = _attribute_holder(same, i, before, passive, stated, strict=True) or _attribute_holder(people_here, i, before, passive, stated)
        # Another name between a placing and the person before it may be its holder: in "Most Outstanding Player Adama
        # Sanogo had 17 points as UConn ... to win its fifth national championship", UConn won (a place is no one).
        between = [n for a, b, n in named if pick[1] < a and b < i and n.lower() not in _PLACE_FORMS and not (aside[a] and not aside[i])]
        if before and not passive and pick[1] < i and between:
            continue
        found.setdefault(pick[2], set()).add(value)
    return found


_BEATEN = frozenset("against over vs vs. versus beating defeating past".split())
_BEAT_VERBS = frozenset("beat beats defeated defeats edged edges downed downs topped tops routed routs upset upsets stunned shocked outlasted".split())


def _beaten_by_verb(toks: list[str], at: int) -> bool:
    """The name at token ``at`` is the object of a verb of beating: "Spain beat England 1-0 to win", "... edged the
    Rovers" (it lost; the one who beat it won what follows).

    >>> _beaten_by_verb(tokens("Spain beat England 1-0 to win the cup"), 2), _beaten_by_verb(tokens("Spain beat England"), 0)
    (True, False)
    """
    j = at - 1
    while j >= 0 and toks[j].lower() in ("the", "no.", "no") or j >= 0 and toks[j][:1].isdigit():
        j -= 1  # "beat No. 1 South Carolina", "beat the Rovers"
    return j >= 0 and toks[j].lower() in _BEAT_VERBS


def _past_verb(token: str) -> bool:
    """A lower-case verb told as done: "pardoned", "won" (not "red", "need" or "speed")."""
    t = token.lower()
    return token[:1].islower() and (t in _PAST_BASE or len(t) > 4 and t.endswith("ed") and not t.endswith("eed"))


def _attribute_holder(people: list, i: int, before: bool, passive: bool, stated: bool, *, strict: bool = False):
    """Who holds the attribute at token ``i`` among ``people``; ``strict``: only one where the rule looks (none: None)."""
    ahead = [p for p in people if p[0] > i]
    behind = [p for p in people if p[1] < i]
    if (before and not passive or stated) and behind:  # "Alemu finished second", "Ma is the chief executive"
        return behind[-1]
    if before and passive and ahead:
        return ahead[0]
    if not people or strict and before:
        return None
    return min(people, key=lambda p: (min(abs(p[0] - i), abs(p[1] - i)), p[0] < i))


# An ordinal before these counts them, it does not place anyone: "finished the second round", "his second major".
_COUNTED = frozenset(
    "round rounds quarter half day days leg set stage inning period game term time times major title titles straight "
    "consecutive year week race heat match season attempt try crown medal gold championship seed "
    "album collection novel book film movie single song child baby marriage wife husband bid visit trip final finals "
    "branch edition birthday anniversary".split()
)  # and works and lives: "Dalia Moss's third collection" won nothing third


# "Seven-time world champion Lewis Hamilton finished in second place": a champion of other contests, not this one's.
_MEDALS = {"gold": 1, "silver": 2, "bronze": 3}  # lower case only: "Silver Harrow" is a horse
_TITLE_HOLDER = frozenset("world former defending reigning olympic national two-time three-time multiple".split())


_WINNING_THINGS = frozenset("ticket tickets numbers number goal run shot basket streak percentage margin bid bids entry entries design formula".split())


def _placings(toks: list[str]):
    for i, t in enumerate(toks):
        nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
        prev = toks[i - 1].lower() if i else ""
        if t.lower() in ("champion", "winner") and (prev in _TITLE_HOLDER or prev.endswith("-time") or _YEAR.fullmatch(prev)):
            continue  # "three-time winner", "the 2020 champion": of another year's contest
        if t.lower() in ("wins", "victories") and i and toks[i - 1][:1].islower() and prev not in _PRONOUNS and prev not in _STOP:
            continue  # "the record for season race wins", "two victories": counted, not won here ("Styles wins": won)
        if t.lower() == "winning" and nxt in _WINNING_THINGS:
            continue  # "the winning ticket was sold in Florida", "the winning goal": a thing, not who won
        if t.lower() == "first" and (prev in ("finished", "came", "placed", "ranked", "crossed") or nxt == "place"):
            yield i, 1  # "finished first", "took first place": a win (a bare "first" is any first)
            continue
        if t in _MEDALS and nxt not in ("lining", "screen", "jubilee", "anniversary"):  # "took bronze", "settled for silver"
            yield i, _MEDALS[t]
            continue
        if t.lower() in _PLACING and not (t.lower() == "second" and nxt.startswith("second")):
            ahead = list(itertools.takewhile(lambda u: u.lower() not in _STOP, toks[i + 1 : i + 4]))  # not "second in the race"
            if _PLACING[t.lower()] > 1 and {u.lower() for u in ahead} & _COUNTED:  # "a second Boston Marathon crown"
                continue
            yield i, _PLACING[t.lower()]


def _roles(toks: list[str]):
    """Each role word's token and the role; a bare minister keeps its portfolio ("finance minister" is not "first
    minister"), where one is written in lower case before it.

    >>> list(_roles(tokens("Finance minister Kate Forbes met Prime Minister Ada Pell")))
    [(1, 'finance minister'), (5, 'prime minister')]
    """
    lowered = [t.lower() for t in toks]
    joined = " ".join(lowered)
    for m in _ROLE_RE.finditer(joined):
        i, role = joined[: m.start()].count(" "), _ROLES[m.group(1).lower()]
        if role == "minister" and i and toks[i - 1].isalpha() and lowered[i - 1] not in _STOP and lowered[i - 1] not in _ROLE_QUALIFIERS:
            role = f"{lowered[i - 1]} minister"
        yield i, role


# A contest's division that is not the main one: a win in the wheelchair race or the doubles is not the
# marathon's or the tournament's. Men's and women's are not among them: "X won the marathon" may be either.
_DIVISIONS = frozenset(
    "wheelchair junior juniors youth under-23 under-21 under-20 under-19 under-18 under-17 mixed doubles veterans "
    "para paralympic amateur amateurs girls' girls boys'".split()
)


def _overlap(mine: set, theirs: set) -> bool:
    """Whether two sets of placings or roles share one; a minister whose portfolio is not written is any minister.

    >>> _overlap({"minister"}, {"finance minister"}), _overlap({"first minister"}, {"finance minister"}), _overlap({"minister"}, {"prime minister"})
    (True, False, False)
    """

    def portfolio(role) -> bool:  # "finance minister" (placings are numbers)
        return isinstance(role, str) and role.endswith(" minister") and role not in _ROLE_NAMES

    return bool(mine & theirs) or any({a, b} & {"minister"} and (portfolio(a) or portfolio(b)) for a in mine for b in theirs)


def _compare(claim: str, quote: str, vocab, label: str, show, before: bool, *, divisions: bool = False) -> str:
    mine = _attributes(claim, vocab, min_words=1, before=before)
    theirs = _attributes(quote, vocab, min_words=2, before=before)
    def division(text: str) -> set[str]:
        return {t.lower().replace("’", "'") for t in tokens(text)} & _DIVISIONS

    def elsewhere(holder: str) -> bool:
        """``divisions``: the holder's sentence names a division the claim does not (another's win in the women's
        race is another contest's)."""
        from .sentences import spans

        said = [quote[a:b] for a, b in spans(quote) if holder in quote[a:b]]
        return divisions and bool(division(" ".join(said)) - division(claim))

    def named_first(person: str, holder: str) -> bool:
        """``divisions`` (placings): the claim's person is named before the holder in the sentence that places
        them: "Jon Rahm, who trailed Brooks Koepka by two shots, won by four" gives the win to Rahm, however near
        Koepka stands to it."""
        from .sentences import spans

        last = person.split()[-1]
        for a, b in spans(quote):
            said = quote[a:b]
            if last in said and holder in said and said.index(last) < said.index(holder):
                if divisions and next(_placings(tokens(said)), None) is not None:
                    return True
        return False

    for person, values in mine.items():
        other = next((v for n, v in theirs.items() if _same_name(n, person)), None)
        holders = [n for n, v in theirs.items() if _overlap(values, v) and not _same_name(n, person) and not elsewhere(n) and not named_first(person, n)]
        if other is not None and not _overlap(values, other):
            return f"{label}: the quote gives {person} {show(sorted(other)[0])}, not {show(sorted(values)[0])}"
        if other is None and holders:
            return f"{label}: the quote gives {show(sorted(values)[0])} to {holders[0]}, not {person}"
    return ""


def placing(claim: str, quote: str) -> str:
    """A placing the quote gives the claim's person otherwise, or gives to someone else in the same contest.

    >>> placing("Elias Kiprono won the marathon.", "The wheelchair race was won by Tomás Reyes.")
    ''
    >>> placing("Tomás Reyes won the wheelchair race.", "The wheelchair race was won by Anna Kowalczyk.")
    'placing: the quote gives won to Anna Kowalczyk, not Tomás Reyes'
    >>> placing("Evans Chebet won the Boston Marathon.", "Sisay Lemma won the men's race in 2:06:17.")
    'placing: the quote gives won to Sisay Lemma, not Evans Chebet'
    """
    return _compare(claim, quote, _placings, "placing", lambda r: _PLACE_NAME.get(r, str(r)), True, divisions=True)


_ORG = r"((?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’&-]*)"
_HELD_ROLE = r"(?i:chief\s+executive(?:\s+officer)?|ceo|chief\s+financial\s+officer|cfo|chief\s+operating\s+officer|coo|chairman|chairwoman|chair|president|founder|co-founder|director|head|owner|coach|manager|editor|spokesman|spokeswoman|spokesperson)"


def role_at(claim: str, quote: str) -> str:
    """The claim gives its person a role at one organisation, and the quote gives them that role at another: "Ada
    Pell is chief executive of Northwind" against "Dr Ada Pell, chief executive of the Quenland Space Agency, said
    research by Northwind would help" (a second user pass).

    >>> role_at("Ada Pell is chief executive of Northwind.", "Dr Ada Pell, chief executive of the Quenland Space Agency, said research by Northwind would help.")
    'role: the quote gives Ada Pell chief executive of the Quenland Space Agency, not of Northwind'
    >>> role_at("Ada Pell is chief executive of Northwind.", "Quenland Space Agency chief executive Ada Pell spoke.")
    'role: the quote gives Ada Pell chief executive of the Quenland Space Agency, not of Northwind'
    >>> role_at("Ada Pell is chief executive of Northwind.", "Ada Pell, chief executive of Northwind Group, and Jo Ames, chair of Tallis, met.")
    ''
    >>> role_at("Ada Pell is the CEO of Northwind.", "Ada Pell, who was head of Tallis before she became CEO of Northwind, spoke.")
    ''
    """
    m = re.match(
        rf"\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+)\s+(?:is|was|has\s+been|became|remains)\s+(?:the\s+)?(?:new\s+)?({_HELD_ROLE})"
        rf"\s+(?:of|at)\s+(?:the\s+)?{_ORG}",
        claim,
    )
    if not m or _negated(claim):
        return ""
    who, held, org = m.group(1), m.group(2), m.group(3)
    last = re.escape(who.split()[-1])
    role = _ROLES.get(re.sub(r"\s+", " ", held.lower()), held.lower())
    mine = {w.lower() for w in re.findall(r"[A-Z][\w'’&-]*", org)}
    for told in re.finditer(
        rf"\b{last}\b,\s+(?:the\s+)?({_HELD_ROLE})\s+(?:of|at)\s+(?:the\s+)?{_ORG}"
        rf"|(?:\b[Tt]he\s+)?{_ORG}(?:['’]s)?\s+({_HELD_ROLE})\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}{last}\b",
        quote,
    ):
        their_role, their_org = (told.group(1), told.group(2)) if told.group(1) else (told.group(4), told.group(3))
        if _ROLES.get(re.sub(r"\s+", " ", their_role.lower()), their_role.lower()) != role:
            continue
        theirs = {w.lower() for w in re.findall(r"[A-Z][\w'’&-]*", their_org)} - {"the"}
        if theirs & mine:
            return ""
        return f"role: the quote gives {who} {held} of the {their_org}, not of {org}"
    return ""


_SUPERLATIVE_TO = r"first|only|fastest|youngest|oldest|last"
_NAME_BEFORE = r"(?:[Tt]he\s+)?((?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’&-]*)"


def first_to(claim: str, quote: str) -> str:
    """The claim says its subject was the first (only, fastest ...) to do something, and the quote says another was:
    "The Tallis Rovers were the first team to clinch a playoff spot" against "The Northwind Bucks are the first team
    in the league to clinch a spot ... three games ahead of the Tallis Rovers" (a second user pass).

    >>> first_to("The Tallis Rovers were the first team to clinch a playoff spot.", "The Northwind Bucks are the first team in the league to clinch a spot in the postseason, three games ahead of the Tallis Rovers.")
    "first: the quote says the Northwind Bucks are the first to 'clinch', not the Tallis Rovers"
    >>> first_to("The Tallis Rovers were the first team to clinch a playoff spot.", "The Tallis Rovers are the first team to clinch a spot, ahead of the Northwind Bucks.")
    ''
    >>> first_to("Ada Pell was the first woman to win the race.", "Jo Ames, who was the first woman to win the race in 1990, said Ada Pell won it easily.")
    ''
    """
    be = r"(is|was|were|are|became|has\s+become|have\s+become)"
    said = rf"{_NAME_BEFORE}\s+{be}\s+the\s+({_SUPERLATIVE_TO})\b[^.,;]{{0,40}}?\bto\s+([a-z]+)"
    m = re.match(rf"\s*{said}", claim)
    if not m or _negated(claim):
        return ""
    who, rank, verb = m.group(1), m.group(3).lower(), stem(m.group(4))
    mine = {w.lower() for w in who.split()}
    for told in re.finditer(said, quote):
        if told.group(3).lower() != rank or stem(told.group(4)) != verb:
            continue
        if _same_name(told.group(1), who) or {w.lower() for w in told.group(1).split()} & mine:
            return ""
        return f"{rank}: the quote says the {told.group(1)} {told.group(2)} the {rank} to '{told.group(4)}', not the {who}"
    return ""


_ROLE_QUALIFIERS_NOT_NOW = r"former|deputy|acting|ex-|outgoing|interim|vice|assistant|one-time|onetime|then-"


def not_now(claim: str, quote: str) -> str:
    """The claim says someone holds a role that the quote gives them only as former, deputy or acting: "Ulla
    Stenberg is the finance minister" against "Former finance minister Ulla Stenberg criticised ...", "Ada Freyr is
    the mayor of Saltery" against "Saltery's deputy mayor, Ada Freyr, launched her campaign".

    >>> not_now("Ulla Stenberg is the finance minister.", "Former finance minister Ulla Stenberg criticised the plan.")
    "role: the quote says 'Former finance minister Ulla Stenberg'"
    >>> not_now("Ada Freyr is the mayor of Saltery.", "Saltery's deputy mayor, Ada Freyr, launched her campaign for mayor.")
    "role: the quote says 'deputy mayor, Ada Freyr'"
    >>> not_now("Ada Freyr is the mayor of Saltery.", "Ada Freyr, the former deputy mayor, is now mayor of Saltery.")
    ''
    """
    m = re.match(r"\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+)\s+(?:is|has\s+been|remains)\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)\b", claim)
    if not m or _negated(claim) or re.search(rf"\b(?:{_ROLE_QUALIFIERS_NOT_NOW})", m.group(0), re.I):
        return ""
    roles = _PERSON_TITLES | {r.split()[-1] for r in _ROLES} | {"captain", "leader"}
    who, held = m.group(1), next((w for w in m.group(2).split() if w in roles), "")
    if not held:
        return ""
    first, last = re.escape(who.split()[0]), re.escape(who.split()[-1])
    if re.search(rf"\b{last}\b[^.]{{0,40}}\b(?:is|became|was\s+named|was\s+appointed|took\s+over\s+as|now)\b[^.]{{0,20}}\b{held}\b", quote):
        return ""  # "..., is now mayor"
    told = re.search(
        rf"\b(?i:{_ROLE_QUALIFIERS_NOT_NOW})\s*(?:[a-z]+\s+)?(?i:{held})\s*,?\s+{first}\b(?:\s+[A-Z][\w'’.-]*)*"
        rf"|{first}\b(?:\s+[A-Z][\w'’.-]*)*,\s+(?:the\s+|[A-Z][\w'’]*\s+)?(?i:{_ROLE_QUALIFIERS_NOT_NOW})\s*(?:[a-z]+\s+)?{held}\b",
        quote,
    )  # fmt: skip
    if not told or not re.search(rf"\b{last}\b", told.group(0)):
        return ""
    return f"role: the quote says '{told.group(0)}'"


def role(claim: str, quote: str) -> str:
    """A role the quote gives to another than the claim's holder, or gives the claim's holder otherwise.

    >>> role("Elon Musk is the CEO of TikTok.", "TikTok CEO Shou Zi Chew faced lawmakers on Thursday.")
    'role: the quote gives chief executive to TikTok CEO Shou Zi Chew, not Elon Musk'
    >>> role("Elon Musk became the CEO of TikTok.", "TikTok CEO Shou Zi Chew faced lawmakers on Thursday.")[:5]
    'role:'
    >>> role("Congress grilled the CEO of TikTok this week.", "TikTok CEO Shou Zi Chew faced lawmakers on Thursday.")
    ''
    """
    return _compare(claim, quote, _roles, "role", str, False)


def _a_noun(toks: list[str], i: int) -> bool:
    """The verb-like word at ``i`` is a noun here: "his 2018 pay package", "conceded defeat to", "the buy"."""
    prev = toks[i - 1].lower() if i else ""
    return prev in _DETERMINERS or prev in ("his", "her", "its", "their", "our", "conceded", "admitted") or prev[:1].isdigit()


_ONE_DEED = {stem(w): "buy" for w in "acquired acquire acquires bought buy buys".split()} | {
    stem(w): "beat" for w in "beat beats beating defeated defeat defeats defeating".split()
}


def order(claim: str, quote: str) -> str:
    """"A acquired B" against "B acquired A" (a passive "B was acquired by A" reads as "A acquired B").

    >>> order("Dominion paid Fox News $787.5 million.", "Fox News agreed to pay Dominion Voting Systems $787.5 million.")
    'order: the quote says Fox News pay... Dominion Voting Systems, not the other way round'
    >>> order("Northwind Air agreed to buy Tallis Air.", "Tallis Air agreed to acquire Northwind Air for $1.9 billion.")
    'order: the quote says Tallis Air buy... Northwind Air, not the other way round'
    >>> order("Ada Pell beat Jo Ames for the award.", "Jo Ames won best actress, with Ames beating out her castmate Ada Pell.")
    'order: the quote says Ames beat... Ada Pell, not the other way round'
    """

    def pairs(text: str) -> set[tuple[str, str, str]]:
        toks = tokens(text)
        ns = [(a, n) for a, _, n in names(text)]
        out = set()
        for i, t in enumerate(toks):
            if t.lower() not in _ORDERED or _a_noun(toks, i):
                continue
            left = [n for j, n in ns if j < i]
            right = [(j, n) for j, n in ns if j > i]
            if not left or not right:
                continue
            (at, b), a = right[0], left[-1]
            # passive: "was acquired by A", "paid $787.5 million by Fox" ("by" right before the name, or "was" before a
            # verb that is no "-ing": "is paying Apple" is active, and so is "paid $787.5 million, by far the largest")
            by = at >= 1 and toks[at - 1].lower() == "by" or at >= 2 and toks[at - 2].lower() == "by" and toks[at - 1].lower() == "the"
            if by or (i and toks[i - 1].lower() in _BE and not t.lower().endswith("ing")):
                a, b = b, a
            out.add((_ONE_DEED.get(stem(t.lower()), stem(t.lower())), a, b))  # "paid" and "pay" are one deed, so are "buy" and "acquire"
        return out

    for verb, a, b in pairs(claim):
        for qverb, qa, qb in pairs(quote):
            if verb == qverb and _same_name(a, qb) and _same_name(b, qa) and not _same_name(a, b):
                return f"order: the quote says {qa} {verb}... {qb}, not the other way round"
    return ""


# Who gets what a trade or a sale moves: the subject of a verb of getting, or the name after "to" of one of giving.
_GETS = r"acquired|acquires|acquiring|acquire|get|got|gets|getting|received|receives|receiving|landed|lands|landing|bought|buys|buying"
_GIVES = r"traded|trades|trading|trade|sent|sends|sending|send|shipped|ships|shipping|ship|sold|sells|selling|sell|dealt|deals|dealing"
_PASSIVE_AUX = r"(?:was|were|been|being|be|is|are|get|gets|got)"  # "was traded", not "are acquiring"
_MOVED_PARTICIPLES = frozenset("traded sent shipped sold dealt acquired received landed bought".split())
_PARTY = r"(?:[Tt]he\s+)?((?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’&-]*(?:\.(?=\w))?)"


def _transfers(text: str) -> list[tuple[str, str, set[str]]]:
    """(who gets, who gives, the names moved) for each trade or sale ``text`` tells; "" where it does not say.

    >>> [(r, g, sorted(m)) for r, g, m in _transfers("The deal will send Ada Pell and Tom Hale to the Ostbrook Owls.")]
    [('Ostbrook Owls', '', ['Ada Pell', 'Tom Hale'])]
    >>> _transfers("The Pelmouth Rovers are acquiring star Ada Pell in a trade with the Ostbrook Owls.")
    [('Pelmouth Rovers', 'Ostbrook Owls', {'Ada Pell'})]
    >>> _transfers("For fans, this stings: Tom Hale and Jo Ames, two popular players, head to Ostbrook.")[0][:2]
    ('Ostbrook', '')
    >>> _transfers("The Rovers stole the show by acquiring Ada Pell from the Owls for Tom Hale.")
    [('Rovers', 'Owls', {'Ada Pell'}), ('Owls', 'Rovers', {'Tom Hale'})]
    """
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for m in re.finditer(rf"\b({_GETS}|{_GIVES})\b", sentence):
            before = sentence[: m.start()]
            passive = m.group(1) in _MOVED_PARTICIPLES and re.search(rf"\b{_PASSIVE_AUX}\s+(?:\w+ly\s+)?$", before)
            doer = re.search(rf"{_PARTY}\s+(?:(?:are|is|was|were|will|would|has|have|had|be|been|reportedly|also)\s+){{0,3}}$", before)
            if not doer and re.search(r"\bby\s+$", before):  # "The Rovers stole the show by acquiring": the clause's subject
                doer = re.match(rf"\s*{_PARTY}\s+[a-z]", re.split(r"[:\"“]", before)[-1])
            rest = re.split(r"[;:]|,\s+(?:and|but|while|who|which)\b", sentence[m.end() :])[0]
            other = re.search(rf"\b(to|from|with)\s+{_PARTY}", rest)
            moved = {n for _, _, n in names(rest[: other.start()] if other else rest) if n.lower() not in CALENDAR}
            gets = re.fullmatch(_GETS, m.group(1)) is not None
            party = other.group(2) if other else ""
            if passive:  # "Ada Pell was traded to the Owls": the subject is what moved
                moved |= {n for _, _, n in names(before)[-1:]}
                receiver, giver = (party, "") if (not gets and other and other.group(1) == "to") else ("", "")
            else:
                subject = doer.group(1) if doer else ""
                if gets:
                    receiver, giver = subject, party if other and other.group(1) in ("from", "with") else ""
                else:
                    receiver, giver = (party if other and other.group(1) == "to" else ""), subject
            if moved and (receiver or giver):
                out.append((receiver, giver, moved))
            price = other and re.search(r"\bfor\s+(.*)", rest[other.end() :])  # "from the Owls for Tom Hale": he goes the other way
            paid = {n for _, _, n in names(price.group(1))} if price else set()
            if paid and receiver and giver:
                out.append((giver, receiver, paid))
        for m in re.finditer(rf"\b(?:head|heads|headed|go|goes|went|move|moves|moved)\s+to\s+{_PARTY}", sentence):
            went = {n for _, _, n in names(re.split(r"[:;]", sentence[: m.start()])[-1]) if n.lower() not in CALENDAR}
            if went:  # "Tom Hale and Jo Ames ... head to Ostbrook"
                out.append((m.group(1), "", went))
    return out


def moved_to(claim: str, quote: str) -> str:
    """The claim has what a trade or a sale moved go to another than the quote does: "The Rovers traded Ada Pell to
    the Owls" against "The Rovers are acquiring Ada Pell in a trade with the Owls" (the Rovers get her), "The Rovers
    acquired Tom Hale from the Owls" against "The deal will send Tom Hale to the Owls".

    >>> moved_to("The Pelmouth Rovers traded Ada Pell to the Ostbrook Owls.", "The Pelmouth Rovers are acquiring star Ada Pell in a trade with the Ostbrook Owls.")
    'direction: the quote has Ada Pell go to Pelmouth Rovers, not Ostbrook Owls'
    >>> moved_to("The Rovers acquired Tom Hale from the Owls.", "The deal will send Tom Hale and two picks to the Owls.")
    'direction: the quote has Tom Hale go to Owls, not Rovers'
    >>> moved_to("The Rovers acquired Tom Hale and Ada Pell from the Owls.", "The deal will send Tom Hale, Ada Pell, Jo Ames and two picks to the Owls.")
    'direction: the quote has Ada Pell and Tom Hale go to Owls, not Rovers'
    >>> moved_to("The Rovers acquired Tom Hale from the Owls.", "The Owls traded Tom Hale to the Rovers for two picks.")
    ''
    >>> moved_to("The Rovers sold Tom Hale to the Owls.", "The Owls sent Ada Pell to the Rovers, who sold Tom Hale to the Owls.")
    ''
    """
    if _negated(claim):
        return ""
    theirs = _transfers(quote)
    for receiver, giver, moved in _transfers(claim):
        last = {n.split()[-1] for n in moved}
        same = [(r, g, m) for r, g, m in theirs if last & {w for n in m for w in n.split()}]  # a list reads as one name
        if not same or any(receiver and r and _same_name(r, receiver) or giver and g and _same_name(g, giver) for r, g, _ in same):
            continue  # the quote says nothing of it, or says it as the claim does
        for r, g, m in same:
            thing = " and ".join(sorted(n for n in moved if n.split()[-1] in {w for x in m for w in x.split()}))
            if receiver and (r and not _same_name(r, receiver) or g and _same_name(g, receiver)):
                return f"direction: the quote has {thing} go to {r or 'another'}, not {receiver}"
            if giver and r and _same_name(r, giver):
                return f"direction: the quote has {thing} go to {r}, not from it"
    return ""


# How a game's result names its winner and its loser: "a 4-3 overtime loss to the Florida Panthers" (the Panthers won),
# "overpowering Iowa with a 102-85 victory" (Iowa lost).
_BEAT_VERB = re.compile(
    r"\b(?:beat|beats|defeated|defeats|topped|tops|edged|edges|routed|routs|downed|downs|outlasted|upset|stunned|shocked|"
    r"eliminated|swept|overpowered|thrashed|crushed|pounded|hammered|trounced|drubbed|walloped|whipped|blanked|"
    r"dominated|overwhelmed|ousted|blew\s+out|rolled\s+past|cruised\s+past|knocked\s+off)\b"
)
_LOST_TO = (
    r"\b(?:loss|losses|lost|lose|loses|losing|fell|falls|falling|defeat|defeats|bowed|bowing|succumbed)"
    r"(?:\s+(?:at\s+home|away|on\s+the\s+road|\d{1,3}-\d{1,3}))?\s+to|"
    r"\b(?:loss|losses|defeat|defeats)(?:\s+(?:at\s+home|away|on\s+the\s+road))?\s+(?:against|at\s+the\s+hands\s+of)|"
    r"\b(?:lost|lose|loses|fell)\s+\d{1,3}-\d{1,3}(?:\s+\w+){0,4}?\s+(?:against|to)|"
    r"\b(?:defeated|beaten|eliminated|upset|swept|edged|routed|stunned|outlasted|overpowered|defeat|loss|thrashed|crushed|"
    r"hammered|trounced|blanked|ousted)(?:\s+\d{1,3}-\d{1,3})?\s+by"
)
_WON_OVER = (
    r"\b(?:overpowering|beating|defeating|topping|edging|routing|downing|outlasting|eliminating|sweeping|thrashing|"
    r"crushing|stunning|upsetting|holding\s+off|held\s+off|holds\s+off)|"
    r"\b(?:victory|win|triumph|rout|upset)\s+(?:over|against)|"
    r"\b(?:rout|drubbing|thrashing|whupping|shellacking|hammering|demolition)\s+(?:of|on)|"  # "a 70-20 whupping on the Broncos"
    r"\b(?:won|wins|win)\s+(?:\d{1,3}-\d{1,3}\s+)?(?:over|against)"
)
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")


def result(claim: str, quote: str) -> str:
    """A game's winner and loser the other way round: "Iowa beat LSU 102-85" against "LSU has won its first title,
    overpowering Iowa with a 102-85 victory", or "The Bruins beat the Panthers 4-3" against "a 4-3 overtime loss to
    the Florida Panthers". Narrow by design, after a review of made-up true sports news ("a month after losing to
    Alcaraz", "Georgia's win over Kentucky", "11 straight wins over the Lakers" tell of other games): the claim
    gives a score and the quote gives the same one and no other; the side is the first name after "loss to" or
    "overpowering"; and the quote does not also say the claim's winner beat the loser.

    >>> result("Iowa beat LSU 102-85.", "LSU has won its first title, overpowering Iowa with a 102-85 victory.")
    'result: the quote says Iowa lost, not that it beat LSU'
    >>> result("The Bruins beat the Panthers 4-3.", "The Bruins' season ended with a 4-3 overtime loss to the Florida Panthers.")
    'result: the quote says Panthers won, not that Bruins beat them'
    >>> result("The Panthers beat the Bruins 4-3.", "The Bruins' season ended with a 4-3 overtime loss to the Florida Panthers.")
    ''
    >>> result("Iowa beat LSU 79-72.", "LSU has won the title, overpowering Iowa with a 102-85 victory.")  # another game
    ''
    >>> result("Djokovic beat Alcaraz 6-4.", "Djokovic beat Alcaraz 6-4, a month after a 6-4 loss to Alcaraz in Madrid.")
    ''
    >>> result("Portugal defeated Morocco 1-0.", "Morocco players celebrate after defeating Portugal 1-0 on December 10.")
    'result: the quote says Portugal lost, not that it beat Morocco'
    >>> result("San Diego State beat UConn 76-59.", "UConn won the title, beating the No. 5 San Diego State Aztecs 76-59.")
    'result: the quote says San Diego State lost, not that it beat UConn'
    >>> result("Argentina beat Saudi Arabia 2-1.", "Argentina fell to Saudi Arabia 2-1. At the half they were up 1-0.")
    'result: the quote says Saudi Arabia won, not that Argentina beat them'
    >>> result("Argentina beat Saudi Arabia 2-1.", "Argentina's 2-1 defeat by Saudi Arabia is the biggest upset.")
    'result: the quote says Saudi Arabia won, not that Argentina beat them'
    >>> result("England beat New Zealand 34-31.", "New Zealand defeated England 34-31 in Auckland.")
    'result: the quote says New Zealand beat England'
    >>> result("Andy Biggs beat Kevin McCarthy 188-31.", "McCarthy won 188-31 against Arizona Rep. Andy Biggs.")
    'result: the quote says Andy Biggs lost, not that it beat Kevin McCarthy'
    >>> result("The Chicago Bulls beat the Cleveland Cavaliers 128-96.", "The Cleveland Cavaliers pounded Chicago 128-96.")
    'result: the quote says Cleveland Cavaliers beat Chicago Bulls'
    >>> result("Liverpool beat Leeds 2-1 at home.", "A 2-1 defeat at home against Leeds compounded a miserable start for Liverpool.")
    'result: the quote says Leeds won, not that Liverpool beat them'
    >>> result("The Packers beat the Buffalo Bills 27-17.", "The Packers lost 27-17 on Sunday night against the Buffalo Bills.")
    'result: the quote says Buffalo Bills won, not that Packers beat them'
    >>> result("The Pirates beat the Mets 7-1.", "Lindor propelled the New York Mets past the Pittsburgh Pirates 7-1 on Thursday.")
    'result: the quote says Mets beat Pirates'
    >>> result("Oregon beat Georgia 49-3.", "Saturday's 49-3 win in the season opener against No. 12 Oregon saw dominance continue.")
    'result: the quote says Oregon lost, not that it beat Georgia'
    >>> result("Ostbrook beat Pelmouth Rovers on penalties.", "Pelmouth Rovers advanced after beating Ostbrook 5-4 on penalties.")
    'result: the quote says Ostbrook lost, not that it beat Pelmouth Rovers'
    >>> result("Djokovic beat Alcaraz in the final.", "Djokovic beat Alcaraz in the final, a month after a 6-4 loss to Alcaraz.")
    ''
    >>> result("Pelmouth beat Ostbrook 38-35.", "Ostbrook rallied from a 24-14 halftime deficit to a thrilling 38-35 win over Pelmouth.")
    'result: the quote says Pelmouth lost, not that it beat Ostbrook'
    >>> result("Pelmouth beat Ostbrook 77-73.", "It will face Ostbrook, which shocked No. 1 Pelmouth 77-73 in the other semifinal.")
    'result: the quote says Ostbrook beat Pelmouth'
    >>> result("Quenland lost to Keldoria 6-1.", "Quenland routed Keldoria 6-1 on Tuesday.")
    'result: the quote says Quenland beat Keldoria'
    >>> result("Italy beat South Africa 3-2.", "The 54th-ranked team in the world stunned Italy with a 3-2 victory over the Italians.")
    'result: the quote says Italy lost, not that it beat South Africa'
    >>> result("Italy beat Keldoria 3-2.", "Italy's players wept after a shocking upset to Keldoria. Keldoria stunned Italy with a 3-2 victory over the Italians.")
    'result: the quote says Italy lost, not that it beat Keldoria'
    >>> result("Pelmouth beat Ostbrook 3-0.", "Ostbrook eased to a 3-0 victory at Pelmouth on Friday.")
    'result: the quote says Pelmouth lost at home, not that it beat Ostbrook'
    >>> result("The Ostbrook Owls beat the Pelmouth Rovers 70-20.", "The Pelmouth Rovers put up a 70-20 whupping on the Ostbrook Owls.")
    'result: the quote says Ostbrook Owls lost, not that it beat Pelmouth Rovers'
    """
    m = _BEAT_VERB.search(claim)
    told_lost = re.search(r"\b(?:lost|loses|fell|falls)\s+(?:\d{1,3}-\d{1,3}\s+)?to\b", claim)
    if not m and told_lost and not _negated(claim):  # "England lost to China 6-1" is "China beat England 6-1"
        loser, winner = names(claim[: told_lost.start()]), names(claim[told_lost.end() :])
        if loser and winner:
            return result(f"{winner[0][2]} beat {loser[-1][2]} {' '.join(_SCORE.findall(claim))}.", quote)
    if not m or re.match(r"\s+by\b", claim[m.end() :]) or _negated(claim):
        return ""
    before, after = names(claim[: m.start()]), names(claim[m.end() :])
    mine, theirs = set(_SCORE.findall(claim)), set(_SCORE.findall(quote))
    if not mine and sum(bool(_SCORE.search(s)) for s in re.split(r"(?<=[.!?])\s+", quote)) == 1:
        mine = theirs  # a claim without the score, on one sentence of scores: "Ostbrook beat Pelmouth Rovers on penalties"
    if theirs != mine and mine:  # a neighbour's score ("up 1-0 at the half") leaves the sentence with the claim's
        holding = [s for s in re.split(r"(?<=[.!?])\s+", quote) if set(_SCORE.findall(s)) == mine]
        if len(holding) != 1:  # "rallied from a 24-14 halftime deficit ... in a thrilling 38-35 win over": the game's score
            told = rf"\b(?:{'|'.join(map(re.escape, mine))})\s+(?:[a-z]+\s+)?(?:win|victory|loss|defeat|triumph|rout)\b"
            holding = [s for s in re.split(r"(?<=[.!?])\s+", quote) if mine <= set(_SCORE.findall(s)) and re.search(told, s)]
        quote, theirs = (holding[0], mine) if len(holding) == 1 else (quote, theirs)
    if not before or not after or not mine or theirs != mine:
        return ""
    won, lost = before[-1][2], after[0][2]

    def side(name: str) -> str:
        """The whole name, or a one-word name's word ("Panthers" for "the Florida Panthers"); a two-word team's city or
        nickname alone too ("Chicago" or "Bulls" for "the Chicago Bulls")."""
        if " " not in name:  # a country by its people too: "a 3-2 victory over the Italians"
            forms = sorted({name} | {f.capitalize() for f in _PLACE_FORMS.get(name.lower(), ()) if len(f) > 3 and "." not in f})
            return rf"(?:[A-Z][\w'’.&-]*\s+){{0,2}}(?:{'|'.join(map(re.escape, forms))})\b"
        parts = name.split()
        if len(parts) == 2 and parts[1].endswith("s"):
            return rf"(?:{re.escape(name)}|{re.escape(parts[0])}|{re.escape(parts[1])})\b"
        return rf"{re.escape(name)}\b"

    for said_too in re.finditer(rf"{side(won)}[^.;]*?({_BEAT_VERB.pattern})(?P<tail>[^.;]*?){side(lost)}", quote):
        passive = re.search(r"\b(?:was|were|is|are|been|be|being|got|get|gets)\s+(?:\w+\s+)?$", quote[: said_too.start(1)])
        if re.match(r"\s+to\b", said_too.group("tail")):
            continue  # a noun: "Italy's players ... following a shocking upset to South Africa" lost
        if not passive and not re.match(r"\s+(?:\d{1,3}-\d{1,3}\s+)?by\b", said_too.group("tail") + " "):
            return ""  # the quote says it too (not "Lakeshire were routed by Penhallick")
    # lower-case words only, and a seed: "the eighth-seeded Miami Heat", "the No. 5 San Diego State Aztecs"
    between = r"\s+(?:the\s+)?(?:No\.\s?\d+\s+|#\d+\s+)?(?:[a-z\d][\w'’.&-]*\s+){0,3}?(?:[A-Z][\w'’&-]*\.?\s+){0,2}?"

    def said(pattern: str) -> bool:
        """Not in a clause of its own ("Texas, which lost to Kansas a week earlier, beat"), unless the score follows
        the side at once: "Morocco players celebrate after defeating Portugal 1-0" is the game itself."""
        return any(not re.search(r"\b(?:who|which|whose|after|before|since)\b", re.split(r"[,;(]", quote[: m.start()])[-1])
                   or (s := _SCORE.match(quote[m.end() :].lstrip())) and s.group(0) in mine
                   for m in re.finditer(pattern, quote))  # fmt: skip

    # not "Kentucky was upset by"; "Iowa, which shocked South Carolina 77-73" is Iowa's win
    active = r"(?:,\s+(?:which|who|that)\s+|\s+)(?:(?!(?:was|were|is|are|been|be|being|got|gets|get)\b)[a-z]+\s+){0,2}?"
    if said(rf"{side(lost)}{active}{_BEAT_VERB.pattern}(?!\s+by\b){between}{side(won)}"):  # "New Zealand defeated England"
        return f"result: the quote says {lost} beat {won}"
    if said(rf"(?:{_LOST_TO}){between}{side(lost)}"):
        return f"result: the quote says {lost} won, not that {won} beat them"
    if said(rf"(?:{_WON_OVER}){between}{side(won)}"):
        return f"result: the quote says {won} lost, not that it beat {lost}"
    if said(rf"{side(lost)}\s+past{between}{side(won)}"):  # "propelled the New York Mets past the Pittsburgh Pirates 7-1"
        return f"result: the quote says {lost} beat {won}"
    if re.search(rf"\b(?:win|victory|triumph)(?:\s+[\w'’-]+){{0,5}}?\s+(?:over|against){between}{side(won)}", quote) and not re.search(side(won) + r"[^.;]{0,40}\b(?:won|beat|win)\b", quote):
        return f"result: the quote says {won} lost, not that it beat {lost}"  # "Saturday's 49-3 win in the season opener against No. 12 Oregon"
    if said(rf"\b(?:{'|'.join(map(re.escape, mine))})\s+(?:win|victory|triumph|rout)\s+at{between}{side(won)}"):
        return f"result: the quote says {won} lost at home, not that it beat {lost}"  # "City eased to a 3-0 victory at Burnley"
    return ""


_MONTHS = frozenset("january february march april may june july august september october november december".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
CALENDAR = _MONTHS | _DAYS  # the words of a date


def dates(claim: str, quote: str) -> str:
    """A month or weekday the claim names that the quote does not, where the quote names another; or a century
    the claim names that none of the quote's years is in ("in the 19th century" against "in 1788").

    >>> dates("Watt added a governor in the 19th century.", "The governor was adopted by Watt in 1788.")
    'date: the quote says 1788, not the 19th century'
    >>> dates("Watt added a governor in the 18th century.", "The governor was adopted by Watt in 1788.")
    ''
    """
    ct, qt = {t.lower() for t in tokens(claim)}, {t.lower() for t in tokens(quote)}
    for vocab in (_MONTHS, _DAYS):
        mine, theirs = (ct & vocab) - qt, (qt & vocab) - ct
        if mine and theirs:
            return f"date: the quote says {sorted(theirs)[0].title()}, not {sorted(mine)[0].title()}"
    centuries = {int(m.group(1)) for m in _CENTURY.finditer(claim)} - {int(m.group(1)) for m in _CENTURY.finditer(quote)}
    years = [int(y) for y in _YEAR.findall(quote)]
    # 1900 is in the 19th century strictly and the 20th as people count; "the 1800s" is the 19th.
    if centuries and years and not any({(y - 1) // 100 + 1, y // 100 + 1} & centuries for y in years):
        n = min(centuries)
        return f"date: the quote says {years[0]}, not the {n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')} century"
    return ""


# "This week" in a claim is a date: "Memorial Day was celebrated this week", asked in January and cited to a November
# article, is another week's news, however well the words match. Each period with the days an article may predate
# today and still report on it (None: since the first of today's month, "last month": of the month before); PERIOD_SLACK days more, as a weekly story is
# often written up days later. Lower case only, or a sentence's first words: "ABC's This Week", "the Today show",
# "Russia Today" and "Yesterday" (the song) are names; "Today, 40% of adults ..." means nowadays.
_PERIODS = (
    (re.compile(r"(?<!USA )(?<!usa )\btoday\b|\btonight\b"), 1),
    (re.compile(r"\byesterday\b|^Yesterday\b"), 2),
    (re.compile(r"\b(?:this|the current) week\b|^This week\b"), 7),
    (re.compile(r"\b(?:this|the current) month\b|^This month\b"), None),
    (re.compile(r"\b(?:last|the past) week\b|^(?:Last|The past) week\b"), 14),  # from last week's Monday
    (re.compile(r"\blast month\b|^Last month\b"), "last month"),  # since the first of the month before
)
PERIOD_SLACK = 3
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")  # what someone said: their "today" is the day they said it


def _period_start(days: int | str | None, today: date) -> date:
    """The first day a period of ``_PERIODS`` may have begun on, before the slack."""
    if isinstance(days, int):
        return today - timedelta(days=days)
    month = today.replace(day=1)
    return (month - timedelta(days=1)).replace(day=1) if days == "last month" else month


def out_of_period(claim: str, published: date | None, today: date | None) -> str:
    """The period up to today that the claim names ("this week", "today", "yesterday", "this month", "last week",
    "last month"), when the quoted article is older than it: the article speaks of another week. "" when either date
    is unknown.

    >>> out_of_period("Memorial Day was celebrated this week.", date(2022, 11, 11), date(2023, 1, 20))
    "dated: the claim says 'this week', the article is from 2022-11-11"
    >>> out_of_period("Memorial Day was celebrated this week.", date(2023, 1, 12), date(2023, 1, 20))
    ''
    >>> out_of_period("Inflation reached 3% this month.", date(2025, 2, 25), date(2025, 3, 5))
    "dated: the claim says 'this month', the article is from 2025-02-25"
    >>> out_of_period("Alibaba said last week it would invest $50 billion.", date(2025, 2, 24), date(2025, 4, 20))
    "dated: the claim says 'last week', the article is from 2025-02-24"
    >>> out_of_period("Alibaba said last month it would invest $50 billion.", date(2025, 3, 3), date(2025, 4, 20))
    ''
    >>> out_of_period('She told This Week and the Today show: "today we launch".', date(2022, 1, 3), date(2023, 1, 20))
    ''
    """
    if published is None or today is None:
        return ""
    said = _QUOTED.sub(" ", claim).strip()
    for pattern, days in _PERIODS:
        start = _period_start(days, today)
        if (m := pattern.search(said)) and published < start - timedelta(days=PERIOD_SLACK):
            return f"dated: the claim says '{m.group(0).lower()}', the article is from {published.isoformat()}"
    return ""


_YET_TO_COME = re.compile(
    r"\b(?:will|would|could|may|might|shall|expected|expects|scheduled|set to|plans?|planned|upcoming|next|due|slated|"
    r"is to|are to|ahead of|before|until|set for)\b",
    re.I,
)
_TOLD_PAST = re.compile(r"\b(?:was|were|had|did|\w+ed)\b|\b(?:" + "|".join(_PAST_BASE) + r")\b", re.I)


def after_the_article(claim: str, published: date | None, quote: str = "") -> str:
    """The claim tells, in the past tense, of a day after its article was published: "The Federal Reserve raised
    interest rates by half a point at its December 14 meeting" cited to an article of December 5, or "the rate in the
    week ending December 29 was 6.31%" to one of December 15. Nothing written before a day can report it. A claim
    that tells of it as to come ("will", "expected", "before") is left alone; a day a day late is allowed (a
    story's date may be its time zone's), and so is a day the quote itself names (the article's date is then wrong:
    a page updated after it was first published).

    >>> after_the_article("The Fed raised rates by half a point at its December 14 meeting.", date(2022, 12, 5))
    'dated: the claim tells of 2022-12-14, the article is from 2022-12-05'
    >>> after_the_article("The Fed is expected to raise rates at its December 14 meeting.", date(2022, 12, 5))
    ''
    >>> after_the_article("The Fed raised rates at its December 14 meeting.", date(2023, 1, 10))
    ''
    >>> after_the_article("The trial begins in Colleton County on Jan. 23.", date(2022, 10, 31))
    ''
    >>> after_the_article("Lund pitched on June 22.", date(2024, 5, 1), "Lund delivers a pitch on Sunday, June 22.")
    ''
    >>> after_the_article("They met again on March 18.", date(2024, 3, 12), "They met on Monday and agreed to meet again next Monday.")
    'dated: the claim tells of 2024-03-18, the article is from 2024-03-12'
    """
    if published is None or _YET_TO_COME.search(claim) or not _TOLD_PAST.search(claim):
        return ""
    _, most = days_stated(_QUOTED.sub(" ", claim), published)
    later = [d for d in most if d > published + timedelta(days=1)]
    if later and quote:  # the quote writes the day out as past ("Sunday, June 22"): the article's own date is off
        later = [d for d in later if not _told_as_past(quote, d)]
    return f"dated: the claim tells of {later[0].isoformat()}, the article is from {published.isoformat()}" if later else ""


def _told_as_past(quote: str, day: date) -> bool:
    """Whether ``quote`` writes ``day`` out ("June 22", "Jun. 22") with nothing before it in its sentence that puts it
    ahead ("will vote on December 14", "set for April 7").

    >>> _told_as_past("Lund delivers a pitch on Sunday, June 22.", date(2024, 6, 22))
    True
    >>> _told_as_past("Lawmakers will vote on the budget on December 14, the speaker said.", date(2023, 12, 14))
    False
    """
    for m in re.finditer(rf"\b(?:{day:%B}|{day:%b})\.?\s+{day.day}\b", quote):
        before = re.split(r"[.!?]\s", quote[: m.start()])[-1]
        if not _YET_TO_COME.search(before) and not re.search(r"\b(?:set|due|slated|scheduled)\s+for\b", before, re.I):
            return True
    return False


_LAST_WEEK = re.compile(r"\b(?:last|the past) week\b", re.I)


def this_week_for_last(claim: str, quote: str, published: date | None, today: date | None) -> str:
    """A claim of "last week" on a quote whose every day named is in the week of ``today``: "Jiang Zemin died last
    week" on "... has died, state-run Xinhua news agency announced Wednesday" in an article of that Wednesday, the
    as-of day (seventh pass). A quote that names no day, or says "last week" itself, is not read.

    >>> this_week_for_last("Jiang Zemin died last week.", "Jiang has died, Xinhua announced Wednesday.", date(2022, 11, 30), date(2022, 11, 30))
    "dated: the claim says 'last week', the quote's day is 2022-11-30, this week"
    >>> this_week_for_last("He died last week.", "He died on Friday, his family said.", date(2022, 11, 28), date(2022, 11, 30))
    ''
    >>> this_week_for_last("He died last week.", "He died last week, his family said on Tuesday.", date(2022, 11, 29), date(2022, 11, 30))
    ''
    """
    from .dates import days_stated

    said = _QUOTED.sub(" ", claim)
    if published is None or today is None or not _LAST_WEEK.search(said) or _LAST_WEEK.search(quote):
        return ""
    monday = today - timedelta(days=today.weekday())
    _, days = days_stated(quote, published)
    if days and published >= monday and all(monday <= d <= today for d in days):
        return f"dated: the claim says '{_LAST_WEEK.search(said).group(0).lower()}', the quote's day is {max(days).isoformat()}, this week"
    return ""


# The year a claim places its event in: "in 2024" (not a season, "in 2024-25", nor a year in quotation marks).
_IN_YEAR = re.compile(r"\bin ((?:19|20)\d\d)(?![\w/–-]|\s*(?:-|–|/|to|and)\s*\d)")
# The quote's event day, said as when something happened: "on Sunday, 6 April", "on Dec. 28", "yesterday".
_ON_DAY = re.compile(
    r"\bon (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:,? (?=\d|[a-z]{3}))?)?"
    r"(?:(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?)(?![\d,]*\s*\d{4}))?"
    r"(?<! )\b|\byesterday\b",
    re.I,
)
# A quote whose day may not be its event's: another year spoken of ("last year", "a former champion", "the 35th
# anniversary"), a day something was said, found or ruled on about an earlier event ("Toyota said on Thursday it
# sold"), or one still to come ("takes effect on Wednesday").
_NOT_EVENT_DAY = re.compile(
    r"\b(?:years?|annual(?:ly)?|decades?|seasons?|once|former(?:ly)?|previous(?:ly)?|earlier|prior|ago|since"
    r"|anniversary|marked|marks|commemorat\w*|remember\w*|memorial|tribute|again"
    r"|said|says|say|told|announced|announces|reported|reports|according|statement|confirmed|revealed|showed|shows|data"
    r"|figures|results|published|released|certified|sentenced|convicted|ruled|charged|found|disclosed|estimated|named"
    r"|months|through|full-year|quarter|quarterly"
    r"|will|would|shall|to be|takes? effect|scheduled|set to|expected|plans?|next|upcoming)\b",
    re.I,
)
# A title held from an earlier year: the quote's day tells a later event of its holder.
_HOLDER = re.compile(r"\b(?:defending|reigning|holders?|title-holders?|incumbent|dethron\w*|\w+-time|former|ex-\w+)\b", re.I)
_TO_COME = re.compile(r"\b(?:will|would|shall|going to|plans?|expected|next|upcoming|scheduled)\b", re.I)
# "in 2019" of a background phrase: "after the fire in 2019", "xAI, founded in 2023, ...", "films released in 2024".
_BACKGROUND = frozenset(
    "after since following before until founded established born created launched built opened released ravaged "
    "destroyed damaged elected appointed hired signed acquired bought".split()
)


def _event_years(text: str) -> set[int]:
    """The years ``text`` places its event "in", less those of a background phrase (a word of :data:`_BACKGROUND`
    among the six words before, in the same clause).

    >>> _event_years("Who won the Harbour City Marathon in 2024?"), _event_years("Has it reopened after the fire in 2019?")
    ({2024}, set())
    """
    out = set()
    for m in _IN_YEAR.finditer(text):
        clause = re.split(r"[,;:()]", text[: m.start()])[-1].lower().split()[-6:]
        if not _BACKGROUND & set(clause):
            out.add(int(m.group(1)))
    return out


EVENT_DAYS = 14  # a quote's "on Sunday" is taken as its article's week's only this many days back


def other_year(claim: str, quote: str, published: date | None, title: str = "", asked: str = "") -> str:
    """The question asks about an event "in" one year, and the answer's quote tells it on a day of the next: "Who
    won the Harbour City Marathon in 2024?" answered from "Kiprono broke the Harbour City Marathon course record on
    Sunday, 6 April, winning in 2:06:41", in an article of 2025-04-07 (the 2025 race). Only for an answer to a
    question (``asked``); a claim checked on its own (``rag verify``) already needs its year quoted.

    Narrow by design, after three reviews of made-up true cases: the quote and its headline give no year, speak of
    no other time or of a title held ("defending champion"), say nothing was said, found or is to come; its day
    ("on Sunday", "on 6 April", "yesterday") is within :data:`EVENT_DAYS` before the article's date, in March or
    later of the year after the question's (a season, prizes or a year's figures close a year in January or
    February); and the quote's clause of that day shares a word with the question ("won" and "winning").

    >>> q = "Kenya's Elias Kiprono broke the Harbour City Marathon course record on Sunday, 6 April, winning in 2:06:41."
    >>> asked = "Who won the Harbour City Marathon in 2024?"
    >>> other_year("Elias Kiprono.", q, date(2025, 4, 7), asked=asked)
    'date: the quote tells of 6 April 2025 (its article is of 2025-04-07), not 2024'
    >>> other_year("Elias Kiprono won the Harbour City Marathon in 2024.", q, date(2025, 4, 7), asked=asked)
    'date: the quote tells of 6 April 2025 (its article is of 2025-04-07), not 2024'
    >>> other_year("Elias Kiprono won the Harbour City Marathon in 2024.", q, date(2025, 4, 7))
    ''
    >>> other_year("Elias Kiprono.", q, date(2025, 4, 7), asked="Who won the Harbour City Marathon in 2025?")
    ''
    >>> other_year("Scheffler.", "Defending champion Scheffler helped McIlroy into the green jacket on Sunday.",
    ...            date(2025, 4, 14), asked="Who won the Masters in 2024?")
    ''
    >>> other_year("Toyota.", "Toyota said on Thursday it sold 10.8 million cars.", date(2025, 3, 30), asked="Who sold most cars in 2024?")
    ''
    """
    if published is None or not asked:
        return ""
    years = _event_years(asked)
    claimed = {int(y) for y in _YEAR.findall(_QUOTED.sub(" ", claim))}
    if len(years) != 1 or claimed - years or _YEAR.search(f"{quote} {title}") or _NOT_EVENT_DAY.search(quote):
        return ""
    if _TO_COME.search(f"{claim} {asked}") or _HOLDER.search(quote):  # "Who will coach ... in 2025?"; "defending champion"
        return ""
    from .dates import days_stated
    from .sentences import spans

    days, clauses = [], []
    for m in _ON_DAY.finditer(quote):
        for d in days_stated(m.group(0), published)[1]:
            if d > published:  # a past day: "on Dec. 8" in July is last December's, not the next
                d = d.replace(year=d.year - 1, day=min(d.day, 28 if d.month == 2 else 31))
            days.append(d)
        sentence = next((quote[a:b] for a, b in spans(quote) if a <= m.start() < b), quote)
        clauses += [c for c in re.split(r";|\b(?:who|which|whose|while|whereas|but)\b", sentence) if m.group(0) in c]
    if not days or any((published - d).days > EVENT_DAYS for d in days) or len({d.year for d in days}) != 1:
        return ""
    day, year = days[-1], next(iter(years))
    if year != day.year - 1 or day.month <= 2:
        return ""

    def plain(text: str) -> set[str]:  # the words of a text that are not names, figures or stop words
        return {stem(t.lower()) for t in tokens(text) if t[:1].islower() and t.lower() not in _STOP}

    if not plain(asked) & plain(" ".join(clauses)):
        return ""
    return f"date: the quote tells of {day.day} {day:%B %Y} (its article is of {published.isoformat()}), not {year}"


_UNITS = frozenset("billion million trillion thousand bn mn yuan dollar dollars euro euros pound percent per cent usd".split())


def _digits(figure: str) -> str:
    """A figure token's digits, for comparing "39bn" with "39".

    >>> _digits("39bn"), _digits("1,300"), _digits("2.5"), _digits("50.90%"), _digits("2.0")
    ('39', '1300', '2.5', '50.9', '2')
    """
    out = re.sub(r"[^\d.]", "", figure).rstrip(".")
    return out.rstrip("0").rstrip(".") if "." in out else out  # "50.90%" is "50.9%"


def _context(toks: list[str], i: int, reach: int = 4, sent: list[int] | None = None) -> set[str]:
    """Content words within ``reach`` tokens of the figure at ``i``, not across another figure (nor, given each
    token's sentence number ``sent``, across a sentence end), units left out."""
    out = set()
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(toks) and abs(j - i) <= reach and not toks[j][:1].isdigit() and (sent is None or sent[j] == sent[i]):
            if toks[j].lower() not in _STOP and toks[j].lower() not in _UNITS:
                out.add(stem(toks[j].lower()))
            j += step
    return out


def _sentence_tokens(text: str) -> tuple[list[str], list[int]]:
    """Tokens, and the number of the sentence each is in."""
    from .sentences import spans

    toks, sent = [], []
    for k, (a, b) in enumerate(spans(text) or [(0, len(text))]):
        part = tokens(text[a:b])
        toks += part
        sent += [k] * len(part)
    return toks, sent


_JOINED_CLAUSE = re.compile(r",\s+(?=(?:and|but|while|whereas)\b)|;")


def _clause_tokens(text: str) -> tuple[list[str], list[int]]:
    """Tokens, and the number of the clause each is in, clauses joined by ", and", ", but", ", while" or ";"."""
    toks, part = [], []
    for k, piece in enumerate(_JOINED_CLAUSE.split(text)):
        got = tokens(piece)
        toks += got
        part += [k] * len(got)
    return toks, part


def _share_of(toks: list[str], i: int, reach: int = 4) -> set[str]:
    """The words a figure is "of", where one is: "20 of its global employees" gives {"global", "employees"}.

    >>> sorted(_share_of(tokens("some 20% of its more than 6,400 global employees"), 1, 8)), _share_of(tokens("20 rose"), 0)
    (['6,400', 'employees', 'global', 'more'], set())
    """
    if i + 1 >= len(toks) or toks[i + 1].lower() != "of":
        return set()
    return {t.lower() for t in toks[i + 2 : i + 2 + reach] if t.lower() not in _STOP}


def figures(claim: str, quote: str) -> str:
    """A figure the quote gives for something else: the words around the claim's figure sit, in the quote,
    around another figure ("revenue rose 14%" against "shares surged 14% ... revenue rose 8%"). Words are looked
    for 4 tokens either side, then 6 (within the quote's sentence), so a figure's subject a few words off counts.
    Only a figure of the same kind counts: a year is not replaced by an amount, nor an amount by a day of a month.

    >>> figures("Revenue rose 14 percent in the third quarter.", "Revenue rose 8 percent in the third quarter while shares jumped 14 percent.")
    'figure: the quote gives 8 there, not 14'
    >>> figures("Meta spent about $39bn in 2024.", "Meta will spend $60-65bn in 2025, up from roughly US$39bn in 2024.")
    ''
    >>> figures("The final score was 128-96, and Donovan Mitchell scored 32 points.",
    ...         "Donovan Mitchell scored 32 points, and the Cleveland Cavaliers pounded Chicago 128-96 Saturday night.")
    ''
    >>> figures("The Pacers won the game 135-126.", "Hield made a 3-pointer into the game and added 25, and the Pacers beat the Cavaliers 135-126.")
    ''
    >>> figures("The magnitude of the earthquake was 6.4, and two people died in Humboldt County.",
    ...         "A 6.4 magnitude earthquake struck early Tuesday, leaving two people dead. Humboldt County is home to 12,000 people.")
    ''
    >>> figures("The earthquake in northern Lunessa killed 37 people.", "At least 37 people died when a magnitude 6.1 earthquake struck northern Lunessa.")
    ''
    >>> figures("Capex reached about 76.8 billion yuan in the fourth quarter alone.",
    ...         "It spent 36.6 billion yuan in the fourth quarter, bringing the 2024 total to around 76.8 billion yuan.")
    'figure: the quote gives 36.6 there, not 76.8'
    >>> figures("Snap is laying off more than 1,200 staffers, or 20% of global employees.",
    ...         "Snap announced plans to lay off some 20% of its more than 6,400 global employees.")
    ''
    >>> figures("Tencent's 2024 capex was more than three times the previous year's level.",
    ...         "It spent 36.6 billion yuan in the fourth quarter, bringing the 2024 total to around 76.8 billion yuan, more than three times the previous year's level.")
    ''
    """
    ct, cs = _sentence_tokens(claim)
    qt, sent = _sentence_tokens(quote)
    clause = _clause_tokens(claim)[1]
    clause = clause if len(clause) == len(ct) else None  # the claim's words around a figure are its clause's
    spots: dict[str, list[int]] = {}
    for j, t in enumerate(qt):
        if t[:1].isdigit():
            spots.setdefault(t, []).append(j)
    mine_figures = {_digits(t) for t in ct if t[:1].isdigit()}
    moves = {frozenset(m) for m in _moves(qt)}  # "the fee rose from 80 to 95": the words around 80 are 95's too
    for reach in (4, 6):
        for i, t in enumerate(ct):
            if not t[:1].isdigit() or t not in spots:
                continue
            if (year := _year_of(ct, cs, i)) and any(_year_of(qt, sent, j) == year for j in spots[t]):
                continue  # the quote gives this amount for the claim's year: "$39bn in 2024" is where it belongs
            mine = _context(ct, i, reach, clause)
            own = max(len(mine & _context(qt, j, reach, sent)) for j in spots[t])
            kind = _kind(ct, i)  # a year is replaced only by a year, an amount by an amount, a score by a score
            other, where = max(
                ((len(mine & _context(qt, j, reach, sent)), u)
                 for u, js in spots.items() if u != t for j in js
                 if _kind(qt, j) == kind and not _value(qt, j) & _value(ct, i) and bool(_SCORE.fullmatch(u)) == bool(_SCORE.fullmatch(t))),  # fmt: skip
                default=(0, ""),
            )
            # Where the claim has the other figure too, the words between them are ambiguous: only a clean swap counts.
            if reach > 4 and own > 1:  # the wider look is for a figure whose words sit a little off, not beside it
                continue
            if frozenset((_digits(t), _digits(where))) in moves:
                continue
            if (what := _counts_what(ct, i)) in _ENTITIES and any(_counts_what(qt, j) == what for j in spots[t]):
                continue  # the quote counts the same thing with it: "37 people died when a magnitude 6.1 earthquake struck"
            if (of := _share_of(ct, i)) and any(of <= _share_of(qt, j, 8) for j in spots[t]):
                continue  # "20% of global employees" on "20% of its more than 6,400 global employees" (a thirteenth pass)
            if _digits(where) in mine_figures:
                # the claim gives that figure too, and its own words around it are the quote's: "The final score was
                # 128-96, and Donovan Mitchell scored 32 points" on "Mitchell scored 32 points, and the Cavaliers
                # pounded Chicago 128-96" (an eighth pass) is no swap
                at = [k for k, u in enumerate(ct) if _digits(u) == _digits(where)]
                if any(len(_context(ct, k, reach) & _context(qt, j, reach, sent)) > other for k in at for j in spots[where]):
                    continue
            if other >= 2 and other >= own + 2 and (_digits(where) not in mine_figures or (own <= 1 and other >= own + 3)):
                return f"figure: the quote gives {where} there, not {t}"
    return ""


_YEAR_BEFORE = frozenset("in for during fiscal the its jan feb mar apr jun jul aug sep sept oct nov dec".split()) | _MONTHS  # put a year on an amount
_YEAR_STOP = frozenset("than since after before from above below versus vs compared".split())  # another clause's time


def _year_of(toks: list[str], sent: list[int], i: int) -> str:
    """The year an amount at ``i`` is given for: "$39bn in 2024", "in 2023 was about $75 billion", "the 2024 total
    of 76.8 billion"; "" when none. The nearest year after "in", "for", "during", "fiscal", "the", "its" or a
    month, up to 6 tokens after the amount or 4 before, within its sentence, not past another amount or past
    "than", "since", "from", "above" and the like (`_YEAR_STOP`)."""
    found = []
    for step, reach in ((1, 6), (-1, 4)):
        j = i + step
        while 0 <= j < len(toks) and abs(j - i) <= reach and sent[j] == sent[i] and toks[j].lower() not in _YEAR_STOP:
            if toks[j][:1].isdigit():
                if _kind(toks, j) == "year" and j > 0 and toks[j - 1].lower() in _YEAR_BEFORE:
                    found.append((abs(j - i), step < 0, toks[j]))
                    break
                if _kind(toks, j) == "amount":
                    break
            j += step
    return min(found)[2] if found else ""


def year_of_figure(claim: str, quote: str) -> str:
    """The quote gives the claim's amount for another year: "Meta spent $39bn in 2025" against "... up from $39bn
    in 2024". Only where every place the quote gives the amount, it gives it for a year, and never the claim's.

    >>> year_of_figure("Meta spent roughly US$39bn in 2025.", "Meta will spend $60-65bn in 2025, up from roughly US$39bn in 2024.")
    'figure: the quote gives 39bn for 2024, not 2025'
    >>> year_of_figure("Alphabet's capex in 2023 was about USD 75 billion.", "Alphabet to spend about USD 75 billion on capex in 2025")
    'figure: the quote gives 75 for 2025, not 2023'
    >>> year_of_figure("Meta spent $39bn in 2024.", "Capex was $39bn in 2024 and will be $65bn in 2025.")
    ''
    >>> year_of_figure("Alibaba will invest $50 billion in 2025.", "Alibaba will invest $50 billion over three years.")
    ''
    >>> year_of_figure("The $10 billion deal closed in 2024.", "The $10 billion deal, announced in 2023, closed in 2024.")
    ''
    >>> year_of_figure("The wildfire destroyed 12,000 homes in 2025.", "In January 2025 the wildfire destroyed 12,000 homes, more than in 2018.")
    ''
    >>> year_of_figure("The 2025 budget is $1.2 trillion.", "The 2025 budget of $1.2 trillion, passed in 2024, raises defence spending.")
    ''
    """
    ct, cs = _sentence_tokens(claim)
    qt, qs = _sentence_tokens(quote)
    amounts = [j for j, u in enumerate(qt) if u[:1].isdigit() and _kind(qt, j) == "amount"]
    for i, t in enumerate(ct):
        if not t[:1].isdigit() or _kind(ct, i) != "amount" or not (mine := _year_of(ct, cs, i)):
            continue
        at = [j for j in amounts if _digits(qt[j]) == _digits(t)]
        theirs = {_year_of(qt, qs, j) for j in at}
        if not theirs or "" in theirs or mine in theirs:
            continue
        # The claim's year in the same sentence with no amount of its own ("The $10 billion deal, announced in
        # 2023, closed in 2024") may be when the amount's event happened; only a year that is another amount's counts.
        said = {qs[j] for j in at}
        if any(qt[k] == mine and qs[k] in said for k in range(len(qt))) and not any(
            _year_of(qt, qs, j) == mine for j in amounts if qs[j] in said
        ):
            continue
        return f"figure: the quote gives {t} for {', '.join(sorted(theirs))}, not {mine}"
    return ""


# A figure's currency, by the sign or code before it or the word after it. A bare "$" is the sign of many
# currencies (Argentine and Mexican papers write pesos with it), so it matches any of them; "US$" and "HK$" do not
# match each other. "¥" may be yen or yuan.
_MONEY = re.compile(
    r"(?P<pre>(?<![A-Za-z])(?:US|HK|AR|MX|NT|A|C|NZ|S|R)\$|\$|€|£|¥|\b(?:USD|EUR|GBP|RMB|CNY|JPY|INR|KES)(?=\s?\d)|\bKsh\.?|\bRs\.?)?\s?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?P<scale>billion|million|trillion|bn|mn|m|b|k)?\b\s?"
    r"(?P<post>(?:(?:U\.?S\.?|US|American|Hong Kong|Singapore|Canadian|Australian|New Zealand|Taiwan|Kenyan|Japanese|Chinese|"
    r"Indian|Argentine|Mexican)\s)?(?:dollars?|euros?|pounds?(?: sterling)?|yuan|renminbi|yen|rupees?|shillings?|pesos?|reais|real|"
    r"USD|EUR|GBP|RMB|CNY|JPY)\b)?",
    re.I,
)
_CURRENCIES = {
    "$": "$", "dollar": "$", "dollars": "$", "us$": "us dollar", "usd": "us dollar", "us dollar": "us dollar",
    "u.s. dollar": "us dollar", "american dollar": "us dollar", "hk$": "hk dollar", "hong kong dollar": "hk dollar",
    "a$": "au dollar", "australian dollar": "au dollar", "c$": "ca dollar", "canadian dollar": "ca dollar",
    "nz$": "nz dollar", "new zealand dollar": "nz dollar", "s$": "sg dollar", "singapore dollar": "sg dollar",
    "nt$": "tw dollar", "taiwan dollar": "tw dollar", "ar$": "peso", "mx$": "peso", "peso": "peso", "argentine peso": "peso",
    "mexican peso": "peso", "r$": "real", "real": "real", "reais": "real", "€": "euro", "eur": "euro", "euro": "euro",
    "£": "pound", "gbp": "pound", "pound": "pound", "pound sterling": "pound", "¥": "yen or yuan", "jpy": "yen",
    "yen": "yen", "japanese yen": "yen", "rmb": "yuan", "cny": "yuan", "yuan": "yuan", "chinese yuan": "yuan",
    "renminbi": "yuan", "inr": "rupee", "rs": "rupee", "rs.": "rupee", "rupee": "rupee", "indian rupee": "rupee",
    "kes": "shilling", "ksh": "shilling", "ksh.": "shilling", "shilling": "shilling", "kenyan shilling": "shilling",
}  # fmt: skip
_DOLLAR_SIGNED = frozenset(("$", "us dollar", "hk dollar", "au dollar", "ca dollar", "nz dollar", "sg dollar", "tw dollar", "peso", "real"))


def _currency_of(mark: str) -> str:
    mark = re.sub(r"\s+", " ", mark.lower().replace("u.s.", "u.s. ").replace("  ", " ")).strip()
    mark = re.sub(r"(dollar|euro|pound|rupee|shilling|peso)s\b", r"\1", mark)
    return _CURRENCIES.get(mark, _CURRENCIES.get(mark.split(" ")[-1], mark))


def _same_currency(a: str, b: str) -> bool:
    if a == b or (a == "$" and b in _DOLLAR_SIGNED) or (b == "$" and a in _DOLLAR_SIGNED):
        return True
    return "yen or yuan" in (a, b) and bool({a, b} & {"yen", "yuan"})


def _money(text: str) -> list[tuple[str, str, str]]:
    """Each figure in ``text`` with a scale or a currency: (its digits with its scale, its currency or "", as written).
    A currency word after the figure wins over a bare "$" before it ("$296,832 pesos"); "12,000 pounds of beef" is a
    weight."""
    out = []
    for m in _MONEY.finditer(text):
        pre, post = m.group("pre") or "", m.group("post") or ""
        scale = (m.group("scale") or "").lower()
        if post.lower().startswith("pound") and not scale and re.match(r"\s*of\b", text[m.end() :]):
            post = ""
        mark = post if post and (not pre or pre == "$") else pre
        scale = {"bn": "billion", "b": "billion", "mn": "million", "m": "million"}.get(scale, scale)
        out.append((f"{_digits(m.group('num'))} {scale}".strip(), _currency_of(mark) if mark else "", m.group(0).strip()))
    return out


def currency(claim: str, quote: str) -> str:
    """The quote gives the claim's amount in another currency: "Tencent spent $36.6 billion" against "capital
    expenditure reached 36.6 billion yuan". Only where every place the quote gives the amount names a currency,
    and none the claim's.

    >>> currency("Tencent spent about $36.6 billion in the quarter.", "Capex reached about 36.6 billion yuan in the quarter.")
    'figure: the quote gives 36.6 billion yuan, not $36.6 billion'
    >>> currency("Alibaba will invest $50 billion.", "Alibaba will invest Ksh.6.4 trillion ($50 billion).")
    ''
    >>> currency("Reserves stood at $3.2 trillion.", "Reserves stood at 3.2 trillion U.S. dollars; loans were 3.2 trillion yuan.")
    ''
    >>> currency("The minimum wage rose to $296,832.", "The minimum wage rose to AR$296,832 (about $290).")
    ''
    """
    theirs = _money(quote)
    for amount, mine, written in _money(claim):
        if not mine:
            continue
        given = [(cur, said) for a, cur, said in theirs if a == amount]
        if given and all(cur for cur, _ in given) and not any(_same_currency(mine, cur) for cur, _ in given):
            return f"figure: the quote gives {given[0][1]}, not {written}"
    return ""


# The period a figure is for. Only a quarter or a half counts as part of a year ("fourth-quarter revenue", "in the
# first half"); "this week" or "last month" says when, not over what period.
_PART_OF_YEAR = re.compile(r"\b(?:quarter|quarterly|q[1-4]|h[12]|(?:first|second)[- ]half|half-year|(?:three|six|nine) months)\b", re.I)
_WHOLE_YEAR = re.compile(
    r"\b(?:full[- ]year|whole year|(?:for|over|through|during|in|across) the year|the year's|annual|annually|fiscal|12 months|"
    r"twelve months|52 weeks)\b|(?<!\bof )(?<!\bq[1-4] )(?<!\bquarter )(?<!\bhalf )\b(?:19|20)\d\d\b(?![-–/]\d)",
    re.I,
)  # a year's number counts too, unless it only says which quarter or half ("the fourth quarter of 2024")
_CLAIM_YEAR = re.compile(r"\b(?:full[- ]year|whole year|for the year|(?:in|for|during) (?:19|20)\d\d)\b(?![-–/]|\s*(?:season|election|budget|world cup))", re.I)
_STATED_YEAR = re.compile(r"\b(?:full[- ](?:fiscal[- ])?year|whole year|(?:for|over|through) the year|annual|annually)\b", re.I)
_BASES = re.compile(r"\b(?:(?:a|one) year (?:earlier|ago|before)|year[- ](?:on|over)[- ]year|(?:the )?same (?:period|quarter|month) (?:of |a )?(?:last )?year|(?:previous|prior|preceding|last) year|on the year)\b", re.I)
_MEASURE = re.compile(r"^\d[\d,]*(?:\.\d+)?(?:bn|mn|m|k)?$", re.I)


_SPAN_UNIT = r"(?:years?|months?|weeks?|days?|decades?|hours?|centuries|century)"
_SPAN = re.compile(rf"\b(\d[\d,.]*|{'|'.join(sorted(CARDINAL_WORDS, key=len, reverse=True))})[\s-]+{_SPAN_UNIT}\b", re.I)
# How a quote tells a span as the time since something: "for the first time in 15 years", "the largest in 15 years",
# "15 years ago", "since ... 15 years".
_SINCE_BEFORE = re.compile(r"\b(?:first|last|biggest|largest|highest|lowest|worst|best|most|fewest|least|strongest|weakest)\b(?:\s+[\w'-]+){0,6}?\s+in\s+(?:(?:nearly|almost|about|around|roughly|some|approximately|over|under|more|less|fewer|than|at|least|close|to|just|the|past|last|a|little)\s+){0,3}$", re.I)
_SINCE_AFTER = re.compile(r"^\s*(?:ago|earlier|before|prior)\b", re.I)


def _spans_of_time(text: str) -> list[tuple[str, str]]:
    """The spans of time in ``text``: (the figure and its unit, lower-cased, digits for words, unit singular; the
    words that tell it as the time since something, or "").

    >>> _spans_of_time("The first strike in 15 years lasted three months, 2 centuries ago.")
    [('15 year', 'first strike in 15 years'), ('3 month', ''), ('2 century', '2 centuries ago')]
    """
    out = []
    for m in _SPAN.finditer(text):
        n = m.group(1).lower()
        unit = re.sub(r"ies$", "y", m.group(0)[len(m.group(1)) :].strip(" -").lower()).rstrip("s")  # "centuries"
        key = (str(CARDINAL_WORDS.index(n)) if n in CARDINAL_WORDS else n.replace(",", "")) + " " + unit
        before, after = _SINCE_BEFORE.search(text[max(0, m.start() - 60) : m.start()]), _SINCE_AFTER.match(text[m.end() :])
        told = text[max(0, m.start() - 60) + before.start() : m.end()] if before else text[m.start() : m.end() + after.end()] if after else ""
        out.append((key, told.strip()))
    return out


def gap_figure(claim: str, quote: str) -> str:
    """The claim gives as how long something lasts a span the quote gives only as the time since something else:
    "the work stoppage could last for about 15 years" against "hit the picket lines for the first time in 15 years".

    >>> gap_figure("The strike could last for about 15 years.", "Writers will strike for the first time in 15 years.")
    "figure: the quote's 15 years is the time since (first time in 15 years), not how long"
    >>> gap_figure("It is the first strike in 15 years.", "Writers will strike for the first time in 15 years.")
    ''
    >>> gap_figure("He was the first pope to resign from the role in roughly 600 years.", "The first pope in nearly 600 years to resign.")
    ''
    >>> gap_figure("It was the largest field in the race's 31-year history.", "It was the largest field in the event's 31-year history.")
    ''
    >>> gap_figure("The strike lasted 100 days.", "The last strike, 15 years ago, lasted 100 days.")
    ''
    >>> gap_figure("The drought lasted three years.", "It was the worst drought in three years, and it lasted three years.")
    ''
    """
    spans = _spans_of_time(claim)
    claimed = {key for key, told in spans if not told} - {key for key, told in spans if told}
    quoted = _spans_of_time(quote)
    for key in sorted(claimed - {k for k, told in quoted if not told}):
        told = next((t for k, t in quoted if k == key and t), "")
        if told:
            return f"figure: the quote's {key}{'' if key.startswith('1 ') else 's'} is the time since ({told}), not how long"
    return ""


# A figure told as what was added or lost ("added 14.4 million new subscribers") against one told as what there is
# ("Disney has 14.4 million subscribers"; a thirteenth user pass).
_ADDED = frozenset("added adds adding gained gains gaining lost loses losing shed sheds shedding".split())
_HOLDS = frozenset("has have had holds held counts counted totals totaled totalled boasts reached reaches".split())
_APPROX = frozenset("a an some about around nearly almost roughly over more than just another".split())
_STATS = frozenset("points rebounds assists goals runs yards saves strikeouts hits touchdowns".split())  # "added 22 points"


def added_as_total(claim: str, quote: str) -> str:
    """The claim gives as what there is (has, totals, reached) a figure the quote gives only as what was added or lost.

    >>> added_as_total("Disney has 14.4 million Disney+ subscribers.", "Disney added 14.4 million new Disney+ subscribers in its third quarter.")
    "figure: the quote's 14.4 is what was added or lost, not what there is"
    >>> added_as_total("Disney has 152 million subscribers.", "Disney added 14.4 million subscribers and now has 152 million.")
    ''
    >>> added_as_total("Disney added 14.4 million subscribers.", "Disney added 14.4 million new subscribers.")
    ''
    >>> added_as_total("Tamar Feld had 22 points.", "Tamar Feld added 22 points and 11 assists.")  # a player's points are his
    ''
    """

    def told(toks: list[str], words: frozenset[str]) -> set[str]:
        out = set()
        for i, t in enumerate(toks):
            if t[:1].isdigit():
                j = i - 1
                while j >= 0 and i - j <= 4 and toks[j].lower() in _APPROX:
                    j -= 1
                if j >= 0 and toks[j].lower() in words and not (i + 1 < len(toks) and toks[i + 1].lower() in _STATS):
                    out.add(_digits(t))
        return out

    ct = tokens(claim)
    held = told(ct, _HOLDS) - told(ct, _ADDED)
    if not held or {w.lower() for w in ct} & {"new", "additional", "more"}:  # most claims: the quote is not read
        return ""
    qt = tokens(quote)
    added = sorted(held & (told(qt, _ADDED) - told(qt, _HOLDS)))
    return f"figure: the quote's {added[0]} is what was added or lost, not what there is" if added else ""


def _place_word(word: str) -> set[str]:
    """The forms of a place or people's word ("Dutch": dutch, netherlands); empty for any other word."""
    w = word.lower()
    if w in _PLACE_FORMS:
        return {w} | _PLACE_FORMS[w]
    return {w, demonym_stem(w)} if demonym_stem(w) != w and not w.endswith("ic") else set()


def other_place_name(claim: str, quote: str, title: str = "") -> str:
    """A name the claim gives with one place or people's word that the quote and its headline give only with another:
    "Max Verstappen won the Dutch Grand Prix" on "The win is Verstappen's ninth grand prix victory", under "Max
    Verstappen comes from starting 14th to win Belgian Grand Prix" (a thirteenth user pass: "Dutch" was the driver's).

    >>> other_place_name("Verstappen won the Dutch Grand Prix.", "The Dutch driver took his ninth grand prix win.", "Verstappen wins Belgian Grand Prix")
    'names: the quote gives Belgian Grand Prix, not Dutch Grand Prix'
    >>> other_place_name("Verstappen won the Dutch Grand Prix.", "He won the Dutch Grand Prix after the Belgian Grand Prix.")
    ''
    >>> other_place_name("China's Communist Party met.", "The Chinese Communist Party met.")
    ''
    """
    told = f"{quote}\n{title}"
    for _, _, name in names(claim):
        words = name.split()
        mine = _place_word(words[0]) if len(words) > 1 else set()
        if not mine or re.search(rf"\b{re.escape(name)}\b", told, re.I):
            continue
        head = " ".join(words[1:])
        for m in re.finditer(rf"\b([A-Z][\w'’.-]*)\s+{re.escape(head)}\b", told, re.I):
            theirs = _place_word(m.group(1))
            if m.group(1)[:1].isupper() and theirs and not theirs & mine:
                return f"names: the quote gives {m.group(1)} {head}, not {name}"
    return ""


def period_of_figure(claim: str, quote: str) -> str:
    """The claim gives for a whole year a figure the quote gives for a quarter or a half: "Tencent's revenue for the
    full year 2024 rose 11%" against "fourth-quarter revenue ..., up 11% from a year earlier"; "Amazon spent $26.3
    billion in 2024" against "... $26.3 billion ... in the fourth quarter of 2024". Narrow on purpose: the claim must
    say "full year", "for the year" or "in 2024" and name no part of a year; every quote sentence that gives the
    figure must name a quarter or a half and no whole year (a year a figure is compared with does not count). And
    the other way round: a claim that names only a quarter or half, against quote sentences that say "full year",
    "annual" or "for the year" and name no part of one ("$130.5 billion for its fiscal fourth quarter" against "For
    the full fiscal year 2025, revenue came to $130.5 billion").

    >>> period_of_figure("Revenue for the full year 2024 rose 11%.", "Fourth-quarter revenue rose 11%. Full-year revenue rose 8%.")
    'figure: the quote gives 11 for a quarter or a half, not the whole year'
    >>> period_of_figure("Amazon spent $26.3 billion in 2024.", "Amazon spent $26.3 billion in the fourth quarter of 2024.")
    'figure: the quote gives 26.3 for a quarter or a half, not the whole year'
    >>> period_of_figure("Revenue for 2024 rose 11%.", "Fourth-quarter revenue of 172.4 billion yuan was up 11% from a year earlier.")
    'figure: the quote gives 11 for a quarter or a half, not the whole year'
    >>> period_of_figure("Amazon spent $26.3 billion on capital projects.", "Amazon spent $26.3 billion in the fourth quarter.")
    ''
    >>> period_of_figure("Tesla delivered 1.8 million cars in 2023.", "Tesla delivered 484,507 cars in the quarter and 1.8 million for the year.")
    ''
    >>> period_of_figure("Revenue in the fourth quarter of 2024 was $10bn.", "Fourth-quarter revenue was $10bn.")
    ''
    >>> period_of_figure("Revenue rose 8% in 2024.", "Revenue rose 8% in 2024, after 11% in the fourth quarter.")
    ''
    >>> period_of_figure("Nvidia reported revenue of $130.5 billion for its fiscal fourth quarter.",
    ...                  "For the full fiscal year 2025, revenue came to $130.5 billion.")
    'figure: the quote gives 130.5 for the whole year, not a quarter or a half'
    >>> period_of_figure("Fourth-quarter revenue was $10bn.", "Revenue for the fourth quarter of the year was $10bn.")
    ''
    >>> period_of_figure("Capex for 2024 came to 76.8 billion yuan.", "Capex reached 36.6 billion yuan in the fourth quarter, "
    ...                  "bringing the 2024 total to 76.8 billion yuan.")
    ''
    """
    whole, part = _CLAIM_YEAR.search(claim), _PART_OF_YEAR.search(claim)
    if bool(whole) == bool(part) or (part and _STATED_YEAR.search(_BASES.sub(" ", claim))):
        return ""
    from .sentences import spans

    sentences = [quote[a:b] for a, b in spans(quote) or [(0, len(quote))]]
    for t in tokens(claim):
        if not _MEASURE.match(t) or _YEAR_TOKEN.fullmatch(t):
            continue
        giving = [s for s in sentences if any(_digits(u) == _digits(t) for u in tokens(s) if _MEASURE.match(u))]
        if not giving:
            continue
        if whole and all(_PART_OF_YEAR.search(s) and not _WHOLE_YEAR.search(_BASES.sub(" ", s)) for s in giving):
            return f"figure: the quote gives {t} for a quarter or a half, not the whole year"
        if part and all(_STATED_YEAR.search(s) and not _PART_OF_YEAR.search(s) for s in giving):
            return f"figure: the quote gives {t} for the whole year, not a quarter or a half"
    return ""


_AT_LEAST = {("more", "than"): "more than", ("greater", "than"): "more than", ("at", "least"): "at least"}
_AT_MOST = {("less", "than"): "less than", ("fewer", "than"): "less than", ("at", "most"): "at most"}


def _bounds(toks: list[str]) -> dict[tuple[str, str], set[str]]:
    """("more"/"less", what is compared) for each "more than X", "less than X", "at least X", "at most X", with the
    words around it; a bound after "no" or "not" is left out ("no more than half" is at most half)."""
    out: dict[tuple[str, str], set[str]] = {}
    for k in range(len(toks) - 2):
        pair = (toks[k].lower(), toks[k + 1].lower())
        if (pair in _AT_LEAST or pair in _AT_MOST) and not (k and toks[k - 1].lower() in ("no", "not")):  # "no more than"
            key = ("more" if pair in _AT_LEAST else "less", _digits(toks[k + 2]) or toks[k + 2].lower())
            out.setdefault(key, set()).update(_context(toks, k, 4) | _context(toks, k + 2, 4))
    return out


def comparison(claim: str, quote: str) -> str:
    """The claim bounds a figure or share the other way from the quote, in the same words: "less than half"
    against "more than half".

    >>> comparison("Microsoft said less than half of the $80 billion would be invested in the US.",
    ...            "Smith said more than half of that amount would be invested in the US.")
    'comparison: the quote says more than half, the claim less than half'
    >>> comparison("More than half will be spent in the US.", "Smith said more than half of that amount would be invested in the US.")
    ''
    >>> comparison("At most half will be spent.", "No more than half will be spent.")
    ''
    >>> comparison("Turnout was more than 60%.", "Turnout reached 63%, and less than 60% of registered young voters took part.")
    ''
    """
    mine, theirs = _bounds(tokens(claim)), _bounds(tokens(quote))
    for (side, what), words in sorted(mine.items()):
        other = "less" if side == "more" else "more"
        if (side, what) not in theirs and words & theirs.get((other, what), set()):
            return f"comparison: the quote says {other} than {what}, the claim {side} than {what}"
    return ""


_PLACE_BEFORE = frozenset("in at on from to of by for with into near across".split())


def _holder(toks: list[str], found: list[tuple[int, int, str]], i: int, reach: int = 12) -> str:
    """The name that ends nearest before token ``i`` (within ``reach`` tokens), or "": the one a figure is given to.
    A name after a preposition is where or whose, not who ("Shares in Hong Kong surged 14%")."""
    before = [(b, n) for a, b, n in found if b < i and i - b <= reach and not (a and toks[a - 1].lower() in _PLACE_BEFORE)
              and not _governed(toks, a)]  # "the orbit of the asteroid Dimorphos by 32 minutes": the spacecraft's 32
    return max(before)[1] if before else ""


def _named(text: str, known: set[str]) -> tuple[list[str], list[tuple[int, int, str]], list[int], set[int]]:
    """Tokens, names (token indices into them), each token's sentence number and the possessive tokens. A
    sentence's first word is a name only as a possessive, with more capitalised words, or when ``known``: "Shares
    in Hong Kong rose" names Hong Kong alone."""
    from .sentences import spans

    toks, found, sent, owned = [], [], [], set()
    for k, (a, b) in enumerate(spans(text) or [(0, len(text))]):
        part = _tokens(text[a:b])
        found += [(x + len(toks), y + len(toks), n) for x, y, n in names(text[a:b]) if x > 0 or y > x or part[y][1] or n in known]
        owned |= {len(toks) + y for y, (_, flag) in enumerate(part) if flag}
        toks += [t for t, _ in part]
        sent += [k] * len(part)
    return toks, found, sent, owned


def amounts_held(text: str, known: set[str] = frozenset()) -> dict[str, list[float]]:
    """The amounts ``text`` gives each name, as the figure rules read a holder: the nearest name before the amount
    in its sentence, not after a preposition or as a possessive ("Elon Musk's company"). A sentence's first word is
    a name when ``known``.

    >>> amounts_held("Microsoft aims to spend $80 billion, while Meta has guided to between $60 billion and $65 billion.",
    ...              {"Microsoft"})
    {'Microsoft': [80000000000.0], 'Meta': [60000000000.0, 65000000000.0]}
    """
    toks, found, sent, owned = _named(text, set(known))
    out: dict[str, list[float]] = {}
    for j, t in enumerate(toks):
        if not t[:1].isdigit() or _kind(toks, j) != "amount":
            continue
        holder = _holder(toks, [n for n in found if sent[n[0]] == sent[j] and n[1] not in owned], j)
        if holder:
            out.setdefault(holder, []).extend(sorted(_value(toks, j)))
    return out


_MORE_WORDS = frozenset("more higher larger bigger greater".split())
_LESS_WORDS = frozenset("less lower smaller fewer".split())


def _compared(claim: str) -> tuple[str, str, bool] | None:
    """The two names an "X ... more (less) than Y" claim compares, and whether X has more; None for no such claim.
    X is the last name before the word "more" ("Last year, Airbus delivered more jets than Boeing": Airbus).

    >>> _compared("Last year, Airbus delivered more jets than Boeing."), _compared("Meta will spend more on AI than Microsoft.")
    (('Airbus', 'Boeing', True), ('Meta', 'Microsoft', True))
    """
    toks = [t.lower() for t in tokens(claim)]
    found = names(claim)
    if len(found) < 2 or "than" not in toks:
        return None
    at = toks.index("than")
    marks = [j for j in range(max(0, at - 8), at) if toks[j] in _MORE_WORDS | _LESS_WORDS]
    more, less = any(toks[j] in _MORE_WORDS for j in marks), any(toks[j] in _LESS_WORDS for j in marks)
    after = [n for a, _, n in found if a == at + 1 or (a == at + 2 and toks[at + 1] == "the")]
    before = [n for _, b, n in found if marks and b < marks[0]]
    if more == less or not after or not before or before[-1] == after[0]:
        return None
    return before[-1], after[0], more


_CURRENCY_WORDS = re.compile(r"\b(?:euros?|yen|yuan|renminbi|rupees?|pounds?|dollars?|francs?|rubles?|roubles?)\b|[€£¥₹$]", re.I)
_MOVED = frozenset(
    "rose rise rises risen fell fall falls fallen gained gain gains jumped jump jumps climbed climb climbs dropped drop "
    "drops declined decline declines surged surge surges slumped tumbled soared grew grow grows increased decreased slid "
    "sank advanced".split()
)


def outspends(claim: str, quote: str) -> str:
    """"X ... more than Y" where the quote gives X the smaller amount (or "less than" and the larger): "Meta plans to
    spend more on AI than Microsoft" against "Microsoft aims to spend $80 billion, while Meta has guided to ... $65
    billion". Only when the quote gives both an amount (the highest for "more", the lowest for "less").

    >>> q = "Microsoft aims to spend around $80 billion, while Meta has guided to between $60 billion and $65 billion."
    >>> outspends("Meta plans to spend more on AI than Microsoft.", q)
    'comparison: the quote gives Meta 65 billion and Microsoft 80 billion'
    >>> outspends("Microsoft plans to spend more on AI than Meta.", q)
    ''
    """
    if (compared := _compared(claim)) is None or {t.lower() for t in tokens(claim)} & _MOVED:
        return ""  # "Nvidia's shares rose more than Apple's" compares moves, not the amounts a quote gives
    x, y, more = compared
    said = {m.group(0).lower().rstrip("s").replace("$", "dollar") for m in _CURRENCY_WORDS.finditer(quote)}
    if len(said) > 1:
        return ""  # "324.7 billion euros" against "48 trillion yen": not one scale
    held = amounts_held(quote, {x, y})
    vx = [v for n, vs in held.items() if _same_name(n, x) for v in vs]
    vy = [v for n, vs in held.items() if _same_name(n, y) for v in vs]
    if not vx or not vy:
        return ""
    # Wrong only when every amount the quote gives one is on the wrong side of every amount it gives the other
    # ("$80bn, double the $40bn it spent two years ago" decides nothing against Meta's $65bn).
    a, b = (max(vx), min(vy)) if more else (min(vx), max(vy))
    if (a < b) != more or a == b:
        return ""
    from .citations import figure

    return f"comparison: the quote gives {x} {figure(a)} and {y} {figure(b)}"


def headline_denies(claim: str, quote: str, title: str = "") -> str:
    """The claim's words that its quote lacks are what the headline denies, of someone the claim names: "Ada Pell
    will seek reelection in 2024" on a rival's "If (Pell) decides not to run, I will back Tom Hale" under "Ada Pell
    won't seek reelection". The quote's words made the claim pass; the headline says the opposite.

    >>> headline_denies("Ada Pell will seek reelection in 2024.", "If (Pell) decides not to run, I will back Tom Hale in 2024.", "Ada Pell, the longest serving senator, won't seek ...")
    "negation: the headline says 'won't seek'"
    >>> headline_denies("Ada Pell will seek reelection in 2024.", "Pell said she will seek reelection in 2024.", "Ada Pell won't seek a fifth term, aides say")
    ''
    >>> headline_denies("Ada Pell will not seek reelection.", "Pell decided not to run.", "Ada Pell won't seek reelection")
    ''
    """
    if not title or _negated(claim):
        return ""
    held = {stem(t.lower()) for t in tokens(quote)}
    lacking = {stem(t.lower()) for t in tokens(claim) if t[:1].islower() and t.lower() not in _STOP} - held
    if not lacking or not _negates(title, lacking, reach=3):
        return ""
    if not any(_said_of(n.split()[-1], title) for _, _, n in names(claim)):
        return ""  # a headline about another
    denials = re.finditer(r"\b(?:not|never|no longer|\w+n[’']t)\s+(?:\w+\s+){0,2}?(\w+)", title)
    told = next((m.group(0) for m in denials if stem(m.group(1).lower()) in lacking), "not")
    return f"negation: the headline says '{told}'"


def headline_comparison(claim: str, quote: str, title: str = "") -> str:
    """"X ... more than Y" where the quote and its headline give both an amount, and the order is the other way
    (:func:`outspends`): "Meta plans to spend more than Microsoft" on "The guidance puts Meta alongside Microsoft,
    which plans to spend about $80 billion" under "Meta confirms US$60-65bn capex plan". A side the quote does not
    name is left to the name checks, and how a quote that names both compares them to the model's reading
    (``rag verify``): the words for it are too many for a list.

    >>> q = "The guidance puts Meta alongside Microsoft, which has said it plans to spend about $80 billion on AI."
    >>> headline_comparison("Meta plans to spend more than Microsoft on AI.", q)
    ''
    >>> headline_comparison("Meta plans to spend more than Microsoft on AI.", q, "Meta confirms US$60-65bn capex plan")
    'comparison: the quote gives Meta 65 billion and Microsoft 80 billion'
    >>> headline_comparison("Microsoft plans to spend more than Meta on AI.", q, "Meta confirms US$60-65bn capex plan")
    ''
    >>> headline_comparison("VW sold more than Toyota.", "VW posted 324.7 billion euros, while Toyota reported 48 trillion yen.")
    ''
    """
    # Without a headline this is outspends on the quote alone, which the relation checks already ran.
    return outspends(claim, f"{title}. {quote}") if title else ""


def figure_owner(claim: str, quote: str) -> str:
    """The quote's sentence that holds the claim's figure is about another named subject, and the claim's name is
    only in another sentence: "Ireland's regulator fined Instagram 225 million euros" against "WhatsApp was last
    year fined a record 225 million euros ... The Irish regulator completed a draft ruling in the Instagram
    investigation" (a tenth user pass).

    >>> figure_owner("The regulator fined Instagram 225 million euros.", "WhatsApp was fined a record 225 million euros last year. The Instagram ruling is due.")
    'figure: the quote gives 225 million euros to WhatsApp, not Instagram'
    >>> figure_owner("Apple will pay $490 million.", "Apple agreed to settle. Judge Ruth Sand ordered Apple to pay $490 million.")
    ''
    >>> figure_owner("Alibaba plans to invest $50 billion, aiming at AI-driven growth.",
    ...              "Chinese tech giant Alibaba has announced a $50 billion investment. It targets the AI-driven space.")
    ''
    """
    from .sentences import spans

    sentences = [quote[a:b] for a, b in spans(quote)]
    mine = [n for _, _, n in names(claim)]
    if len(sentences) < 2 or not mine:
        return ""
    for m in re.finditer(r"\$?\d[\d,.]*(?:\s+(?:million|billion|trillion))?(?:\s+(?:euros|dollars|pounds|yuan|crowns))?", claim):
        if not re.search(r"\$|million|billion|trillion|euros|dollars|pounds|yuan|crowns", m.group(0)):
            continue  # amounts of money only: a count or a score has many owners in a sentence ("struck out 11")
        values = numbers_in(m.group(0)) - _YEARS
        holding = [t for t in sentences if values and values <= numbers_in(t)]
        if not holding or len(holding) == len(sentences):
            continue
        firsts = [names(t) for t in holding]

        def subject(t: str, f: list) -> bool:  # "WhatsApp was fined", not "Chinese tech giant Alibaba has announced"
            toks = tokens(t)
            nxt = toks[f[0][1] + 1].lower() if f and f[0][1] + 1 < len(toks) else ""
            return bool(f) and f[0][0] == 0 and (nxt in _AUXILIARIES | _BE or _past_verb(nxt))

        if not all(subject(t, f) and not any(_same_name(f[0][2], n) for n in mine) for t, f in zip(holding, firsts)):
            continue  # each sentence with the figure opens with a name the claim does not give, as its subject
        gone = [n for n in mine if "-" not in n and not any(_mentions(t, n) for t in holding) and any(_mentions(t, n) for t in sentences if t not in holding)]
        if gone:
            return f"figure: the quote gives {m.group(0).strip()} to {firsts[0][0][2]}, not {gone[0]}"
    return ""


def _mentions(text: str, name: str) -> bool:
    return bool(re.search(rf"\b{re.escape(name.split()[-1])}\b", text))


def figure_holder(claim: str, quote: str) -> str:
    """The quote gives the claim's amount to someone else, and another amount to the claim's holder: "Microsoft
    expects to spend $65 billion" against "Microsoft aims to spend $80 billion, while Meta has guided to between
    $60 billion and $65 billion".

    >>> figure_holder("Microsoft expects to spend roughly $65 billion in its 2025 fiscal year.",
    ...               "Microsoft aims to spend around $80 billion, while Meta has guided to between $60 billion and $65 billion.")
    'figure: the quote gives 65 to Meta, not Microsoft'
    >>> figure_holder("Microsoft will spend $80 billion.", "Microsoft's vice chair Brad Smith wrote that it would spend $80 billion.")
    ''
    >>> figure_holder("Alibaba's shares surged by 14%.", "Alibaba's revenue rose 8%. Shares in Hong Kong surged by 14%.")
    ''
    >>> figure_holder("Tesla delivered 1.79 million vehicles.", "Tesla shares fell 6% as Elon Musk's company delivered 1.79 million vehicles.")
    ''
    >>> figure_holder("Microsoft's revenue was $65.6 billion.", "Microsoft posted a 16% rise, with CFO Amy Hood saying revenue was $65.6 billion.")
    ''
    """
    ct, cn = tokens(claim), names(claim)
    qt, qn, sent, owned = _named(quote, {n for _, _, n in cn})
    named = {stem(w.lower()) for _, _, n in cn + qn for w in n.split()}
    for i, t in enumerate(ct):
        if not t[:1].isdigit() or _kind(ct, i) != "amount" or not (mine := _holder(ct, cn, i, reach=len(ct))):
            continue
        at = [j for j, u in enumerate(qt) if u[:1].isdigit() and _kind(qt, j) == "amount" and _digits(u) == _digits(t)]
        # within the figure's sentence; a possessive is whose ("Elon Musk's company delivered"), not who
        holders = {_holder(qt, [n for n in qn if sent[n[0]] == sent[j] and n[1] not in owned], j) for j in at}
        if not at or "" in holders or any(_same_name(h, mine) for h in holders):
            continue
        said = _context(ct, i, 6) - named  # what the claim says of its amount, names aside
        for _, b, n in qn:  # the claim's holder named, with another amount said in the same words before the next name
            if _same_name(n, mine):
                nxt = min((a for a, _, _ in qn if a > b), default=len(qt))
                if any(
                    qt[j][:1].isdigit() and _kind(qt, j) == "amount" and _digits(qt[j]) != _digits(t) and said & _context(qt, j, 6)
                    for j in range(b + 1, nxt)
                ):
                    return f"figure: the quote gives {t} to {sorted(holders)[0]}, not {mine}"
    return ""


# What a figure counts, by kind: "200 people" and "200 vehicles" are not one figure. Words of no listed kind
# ("jobs", "votes") are never compared.
_COUNTED_KINDS = {
    kind: frozenset(words.split())
    for kind, words in (
        ("people", "people persons person residents victims passengers workers employees children kids students "
                   "soldiers troops civilians patients migrants refugees fans voters adults women men officers "
                   "firefighters deaths dead casualties fatalities lives inmates prisoners hostages visitors tourists "
                   "spectators customers jobs positions"),  # "cut 600 jobs" is "laid off 600 workers"
        ("families", "families"),
        ("vehicles", "vehicles cars trucks lorries vans buses motorcycles bicycles planes aircraft flights ships boats "
                     "trains vessels jets drones"),
        ("buildings", "homes households houses buildings structures businesses schools stores shops apartments flats "
                      "branches offices outlets restaurants factories hotels hospitals"),  # homes and households lose power alike
        ("animals", "animals cattle cows birds dogs cats horses sheep pigs chickens"),
        ("items", "jars bottles cans boxes packages parcels"),
        ("goals", "goals"), ("assists", "assists"),  # "scored three goals" is not "three straight wins" (a third pass)
        ("games", "wins losses games matches victories defeats"),
        ("money", "dollars euros pounds crowns yuan yen francs rupees pesos"),
        ("area", "hectares acres"),
        ("time", "seconds minutes hours days weeks months years decades"),
        ("distance", "miles kilometers kilometres km feet meters metres yards"),
    )
}  # fmt: skip
_ENTITIES = frozenset("people families vehicles buildings animals items".split())  # counts of things, not of money or time
_KIND_OF_COUNT = {w: kind for kind, ws in _COUNTED_KINDS.items() for w in ws}


def _count(toks: list[str], i: int) -> str:
    """The token at ``i`` as an amount's digits, in digits or spelt out ("48", "Sixty" -> "60", "twenty-six" ->
    "26"); "" when it is no amount (a year, a day, a label, an ordinal, a word).

    >>> [_count(tokens("Sixty firefighters, twenty-six cars, 48 jobs in 2022 and the seventh"), i) for i in (0, 2, 4, 7, 10)]
    ['60', '26', '48', '', '']
    """
    t = toks[i]
    if t[:1].isdigit():
        return _digits(t) if _kind(toks, i) == "amount" else ""
    if re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z]+)?", t) and len(v := numbers_in(t)) == 1:
        return f"{next(iter(v)):g}"
    return ""


def _counts_what(toks: list[str], i: int) -> str:
    """The kind of thing the figure at ``i`` counts, from the first listed word in the 3 after it ("200 injured
    people"); "" when none."""
    for t in toks[i + 1 : i + 4]:
        if t[:1].isdigit():
            return ""
        if kind := _KIND_OF_COUNT.get(t.lower()):
            return kind
    return ""


def kinds_counted(text: str) -> list[str]:
    """The kind each figure of ``text`` counts ("" where it names none): "200 cars and 3 trucks" -> vehicles, vehicles.

    >>> kinds_counted("More than 200 cars were involved, and 3 people were hurt in 2022.")
    ['vehicles', 'people']
    """
    toks = tokens(text)
    return [_counts_what(toks, i) for i in range(len(toks)) if _count(toks, i)]


def counted_kind(question: str) -> str:
    """The kind of thing "How many ...?" asks to count: "How many people were killed?" -> people; "" when none.

    >>> counted_kind("How many people were killed in the pileup?"), counted_kind("How many were hurt?")
    ('people', '')
    """
    m = re.search(r"\bhow\s+many\s+(?:\w+\s+)?(\w+)", question, re.I)
    if not m:
        return ""
    first = re.search(r"\bhow\s+many\s+(\w+)", question, re.I)
    return _KIND_OF_COUNT.get(first.group(1).lower(), "") or _KIND_OF_COUNT.get(m.group(1).lower(), "")


def noun_counted(claim: str, quote: str) -> str:
    """The quote counts the claim's things (the same plural noun right after the number) otherwise, and never gives the
    claim's number near them: "Three Americans were released" on "Two of the five Iranians who were freed ... while
    three others were awaiting trial ... The five Americans were moved" (a third user pass).

    >>> noun_counted("Three Quenlanders were released.", "Three others awaited trial. The five Quenlanders were moved to a hotel.")
    'figure: the quote counts 5 Quenlanders, not 3'
    >>> noun_counted("Two people were arrested.", "Police arrested two more people, bringing the number to 5 people.")
    ''
    >>> noun_counted("Twelve people died.", "Twelve people died and 3 people were hurt.")
    ''
    >>> noun_counted("Meta cut 10,000 jobs.", "Meta cut 10k jobs in its second round.")
    ''
    >>> noun_counted("Acme plans to cut about 2,100 jobs in Canada.", "Of the 12,400 jobs Acme plans to cut, about 2,100 will be in Canada.")
    ''
    >>> noun_counted("Ada Pell was sentenced to seven years.", "Ada Pell received a seven-year prison term, well short of the 20 years sought.")
    ''
    """
    from .sentences import spans

    ct, qt = tokens(claim), tokens(quote)
    for i in range(len(ct) - 1):
        noun = ct[i + 1]
        if not (value := _count(ct, i)) or not noun[:1].isalpha() or not noun.lower().endswith("s") or len(noun) <= 3:
            continue
        mine = numbers_in(ct[i])  # "10k" is 10,000
        same = [j for j in range(1, len(qt)) if stem(qt[j].lower()) == stem(noun.lower())]
        if any(re.fullmatch(r"\d[\d,.]*[A-Za-z]+", qt[j - 1]) for j in same):
            continue  # "10k jobs": a figure with a scale this reading leaves to the figure rules
        theirs = {v for j in same if _count(qt, j - 1) for v in numbers_in(qt[j - 1])}
        if not theirs or mine & theirs:
            continue
        # the claim's number in a sentence that speaks of the same things may count a part of them: "Of the 12,400 jobs
        # it plans to cut, about 2,100 will be in Canada", "a seven-year prison term, well short of the 20 years sought"
        if not any(mine & numbers_in(quote[a:b]) for a, b in spans(quote) if stem(noun.lower()) in {stem(t.lower()) for t in tokens(quote[a:b])}):
            return f"figure: the quote counts {min(theirs):g} {noun}, not {value}"
    return ""


def part_counted(claim: str, quote: str) -> str:
    """The claim gives a count that the quote gives only for a part of the things, in a sentence that does not tell
    the claim's deed of them: "Three Americans were released" on "Three of the American prisoners are Ada Pell, ...
    The identities of the two other Americans have not been released" (a third user pass: five were).

    >>> part_counted("Three Americans were released.", "Three of the American prisoners are Ada Pell, Jo Ames and Tom Hale. The two others are unnamed.")
    "figure: the quote says 'Three of the American prisoners', a part of them"
    >>> part_counted("Three Americans were released.", "Five Americans were released. Three of the American prisoners are dual citizens.")
    "figure: the quote says 'Three of the American prisoners', a part of them"
    >>> part_counted("Five people died.", "Of the 20 people hurt, five of them died in hospital.")
    ''
    >>> part_counted("Three Americans were released.", "Three Americans were released; three of them are dual citizens.")
    ''
    >>> part_counted("Three of the Americans are dual citizens.", "Three of the American prisoners are dual citizens.")
    ''
    """
    from .sentences import spans

    ct, qt = tokens(claim), tokens(quote)
    for i in range(len(ct)):
        if not (value := _count(ct, i)) or i + 1 >= len(ct) or ct[i + 1].lower() == "of" or not ct[i + 1][:1].isalpha():
            continue
        deed = next((stem(w.lower()) for w in ct[i + 2 : i + 6] if _past_verb(w)), "")
        at = [j for j in range(len(qt)) if _count(qt, j) == value]
        if not deed or not at or not all(j + 1 < len(qt) and qt[j + 1].lower() == "of" for j in at):
            continue
        m = re.search(rf"\b{re.escape(qt[at[0]])}\s+of\s+(?:the|them|those|these|its|their)\b(?:\s+[\w'’-]+){{0,2}}", quote)
        sentence = next((quote[x:y] for x, y in spans(quote) if m and x <= m.start() < y), "")
        if m and deed not in {stem(w.lower()) for w in tokens(sentence)}:
            return f"figure: the quote says '{m.group(0)}', a part of them"
    return ""


def counted(claim: str, quote: str) -> str:
    """The quote gives the claim's figure as a count of another kind of thing: "More than 200 people were killed in
    a pileup" against "One person was killed during a massive pileup involving more than 200 vehicles".

    >>> counted("More than 200 people were killed in the pileup.", "One person was killed in a pileup involving more than 200 vehicles.")
    'figure: the quote counts 200 vehicles, not 200 people'
    >>> counted("More than 200 vehicles crashed.", "More than 200 cars were involved; 200 people were stuck for hours.")
    ''
    >>> counted("The strike lasted 12 days.", "About 12 workers walked out.")
    'figure: the quote counts 12 workers, not 12 days'
    >>> counted("Some 300 jobs will go.", "About 300 workers will be laid off.")
    ''
    >>> counted("Two people died in the quake.", "Two hospitals were evacuated, but there were no reports of deaths.")
    'figure: the quote counts Two hospitals, not Two people'
    >>> counted("The bank will cut 48 jobs.", "The bank will shut 48 branches, with the loss of about 600 jobs.")
    'figure: the quote counts 48 branches, not 48 jobs'
    >>> counted("Ada Pell scored three goals against Keldoria.", "She starred against Keldoria as Quenland finished with three straight wins.")
    'figure: the quote counts three wins, not three goals'
    """
    ct, qt = tokens(claim), tokens(quote)
    for i, t in enumerate(ct):
        if not (value := _count(ct, i)) or not (mine := _counts_what(ct, i)):
            continue
        at = [j for j in range(len(qt)) if _count(qt, j) == value]
        theirs = [_counts_what(qt, j) for j in at]
        if at and all(theirs) and mine not in theirs:
            word = next(w for w in qt[at[0] + 1 : at[0] + 4] if _KIND_OF_COUNT.get(w.lower()) == theirs[0])
            said = next(w for w in ct[i + 1 : i + 4] if _KIND_OF_COUNT.get(w.lower()) == mine)
            return f"figure: the quote counts {t} {word}, not {t} {said}"
    return ""


_HEDGES = frozenset("a an the some about around nearly almost at least more than over only just another all".split())


def _verb_counts(toks: list[str]) -> list[tuple[str, str]]:
    """(verb stem, count) for each count a verb told as done takes: "arrested nine", "arrested five crew members",
    "Five climbers were killed", "21 of its 23 crew were rescued" (the first count).

    >>> _verb_counts(tokens("Stewards ejected nine fans and police arrested three; two climbers were killed."))
    [('eject', '9'), ('arrest', '3'), ('kill', '2')]
    """
    out = []

    def of_things(toks: list[str], j: int) -> str:  # a count of things: not "14%", "400 metres", "$5"
        nxt = toks[j + 1].lower() if j + 1 < len(toks) else ""
        if "%" in toks[j] or nxt in ("percent", "per", "%") or _counts_what(toks, j) not in _ENTITIES | {""} or j and toks[j - 1] == "$":
            return ""
        return _count(toks, j)

    for i, t in enumerate(toks):
        if not _past_verb(t):
            continue
        for j in range(i + 1, min(i + 4, len(toks))):  # "arrested nine", "arrested at least five"
            if v := of_things(toks, j):
                out.append((stem(t.lower()), v))
                break
            if toks[j].lower() not in _HEDGES:
                break
        k = i - 1
        while k >= 0 and toks[k].lower() in ("were", "was", "been", "have", "has", "had", "being", "reportedly"):
            k -= 1
        if k < i - 1:  # a passive: "Five climbers were killed", "four crew members were rescued"
            for j in range(k, max(-1, k - 4), -1):
                if v := of_things(toks, j):
                    out.append((stem(t.lower()), v))
                    break
                if toks[j][:1].isupper() and j > 0 or toks[j].lower() in _STOP - _HEDGES:
                    break
    return out


def figure_verb(claim: str, quote: str) -> str:
    """The quote gives the claim's count to another deed, and the claim's deed another count: "Police arrested nine
    spectators" against "Stewards ejected nine spectators and police arrested three"; "Five climbers were killed"
    against "Two climbers were killed and five rescuers injured".

    >>> figure_verb("Police arrested nine spectators.", "Stewards ejected nine spectators and police arrested three, police said.")
    'figure: the quote says arrested 3, not 9'
    >>> figure_verb("Police arrested nine people.", "Police arrested nine people; three were later released.")
    ''
    >>> figure_verb("Sunak got 137 votes.", "Sunak won 137 votes and Truss got 113 votes.")
    ''
    """
    mine, theirs = _verb_counts(tokens(claim)), _verb_counts(qt := tokens(quote))
    counts = {_count(qt, j) for j in range(len(qt))} - {""}
    def rate(text: str, value: str) -> bool:  # tokens drop the "%": "rose 14%" is a rate, not a count
        return bool(re.search(rf"(?<![\d.]){re.escape(value)}(?:\.0+)?\s*(?:%|percent|per\s+cent)", text))

    named = {w.lower() for _, _, n in names(claim) for w in n.split()}
    for verb, value in mine:
        if rate(claim, value):
            continue
        said = {v for w, v in theirs if w == verb and not rate(quote, v)}
        if any(_count(qt, j) == value and named & {t.lower() for t in qt[max(0, j - 3) : j]} for j in range(len(qt))):
            continue  # "Sunak got 137" on "Sunak won 137 votes and Truss got 113": the claim's own doer holds it
        if said and value not in said and value in counts:
            word = next(t for t in tokens(claim) if stem(t.lower()) == verb)
            return f"figure: the quote says {word} {sorted(said)[0]}, not {value}"
    return ""


def _moves(toks: list[str]) -> list[tuple[str, str]]:
    """The (from, to) figure pairs of "from A ... to B", B within 6 tokens of A, as digits.

    >>> _moves(tokens("It moved from 100 seconds to midnight to 90 seconds."))
    [('100', '90')]
    """
    out = []
    for i, t in enumerate(toks[:-1]):
        if t.lower() == "from" and toks[i + 1][:1].isdigit():
            later = toks[i + 2 : i + 8]
            to = next((later[k + 1] for k in range(len(later) - 1) if later[k].lower() == "to" and later[k + 1][:1].isdigit()), "")
            if to:
                out.append((_digits(toks[i + 1]), _digits(to)))
    return out


_CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[- ]century\b", re.I)
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})s?\b")


def endpoint(claim: str, quote: str) -> str:
    """The claim gives as where something ended ("moved to 100 seconds") the figure the quote gives as where it
    started ("moved from 100 seconds to midnight to 90 seconds"), or the other way round.

    >>> endpoint("The clock moved to 100 seconds to midnight.", "It moved from 100 seconds to midnight to 90 seconds.")
    'figure: the quote says from 100 to 90, not to 100'
    >>> endpoint("Rates rose from 4% to 5%.", "Rates rose from 4% to 5% this year.")
    ''
    """

    ct, qt = tokens(claim), tokens(quote)
    before = {_digits(ct[i + 1]): ct[i].lower() for i in range(len(ct) - 1) if ct[i + 1][:1].isdigit()}
    reached = {_digits(qt[i + 1]) for i in range(len(qt) - 1) if qt[i].lower() == "to" and qt[i + 1][:1].isdigit()}
    for start, end in _moves(qt):
        if _YEAR.fullmatch(start) or _YEAR.fullmatch(end) or start in reached:
            continue  # "from 2019 to 2023" is a period ("compared to 2019"); "to 5.25% in May and from 5.25%"
        if start != end and before.get(start) == "to" and before.get(end) is None:
            return f"figure: the quote says from {start} to {end}, not to {start}"
        if start != end and before.get(end) == "from" and before.get(start) is None:
            return f"figure: the quote says from {start} to {end}, not from {end}"
    return ""


_YEAR_TOKEN = re.compile(r"(?:1[89]|20)\d{2}")
_MONTH_WORDS = _MONTHS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _dated(toks: list[str], i: int) -> bool:
    """The figure at ``i`` is a day of a month ("March 10", "10 March"): the dates rule's, not a quantity."""
    return any(0 <= j < len(toks) and toks[j].lower().rstrip(".") in _MONTH_WORDS for j in (i - 1, i + 1))


# Nouns whose number names one of a series, not an amount: "Game 7", "Title 42", "Chapter 11", "the No. 1 pick".
_LABELS = frozenset(
    "game week round stage title chapter section article phase level category group match leg episode season volume "
    "part flight gate terminal route highway interstate district ward precinct room item no number apollo".split()
)


def _kind(toks: list[str], i: int) -> str:
    """What the figure at ``i`` is: a year, a day of a month, a label ("Game 7"), an ordinal, or an amount.

    >>> [_kind(tokens("Game 7 ended 4-3 in 2023 on May 1 at the 11th-hour"), i) for i in (1, 3, 5, 8, 11)]
    ['label', 'amount', 'year', 'day', 'ordinal']
    """
    if _YEAR_TOKEN.fullmatch(toks[i]):
        return "year"
    if _dated(toks, i):
        return "day"
    if re.fullmatch(r"\d+(?:st|nd|rd|th)(?:-\w+)?", toks[i], re.I):  # "22nd", "an 11th-hour settlement"
        return "ordinal"
    return "label" if i and toks[i - 1].lower() in _LABELS and re.fullmatch(r"\d{1,4}", toks[i]) else "amount"


def _value(toks: list[str], i: int) -> set[float]:
    """The figure at ``i`` with its scale word ("1.2 billion" is 1.2e9, as is "1.2bn")."""
    nxt = toks[i + 1] if i + 1 < len(toks) and not toks[i + 1][:1].isdigit() else ""
    if re.fullmatch(r"\d[\d.,]*[kK]", toks[i]):  # "10k" jobs (numbers_in reads a bare k only after a currency)
        return {x * 1000 for x in numbers_in(toks[i][:-1])}
    return numbers_in(f"{toks[i]} {nxt}")


def _same_figure(mine: str, theirs: str, a: set[float], b: set[float]) -> bool:
    """Whether the quote's figure is the claim's in other words: within 5% ("more than $63,000" for "$63,356.40",
    "1.5 million" for "1.45 million", "€1.2bn" for "1.2 billion euros"), or not the same kind of figure at all (a
    year is not "20-month"); two years are the same only when equal.

    >>> _same_figure("63,000", "63,356.40", {63000.0}, {63356.4}), _same_figure("10,000", "11,000", {1e4}, {1.1e4})
    (True, False)
    >>> _same_figure("20-month", "2021", {20.0}, {2021.0}), _same_figure("2020", "2021", {2020.0}, {2021.0})
    (True, False)
    """
    years = bool(_YEAR_TOKEN.fullmatch(mine)), bool(_YEAR_TOKEN.fullmatch(theirs))
    if years[0] != years[1]:
        return True
    if years[0]:
        return mine == theirs
    return any(abs(x - y) <= 0.05 * max(abs(x), abs(y)) for x in a for y in b) if a and b else True


def _percent(text: str, figure: str) -> bool:
    """``figure`` is written as a percentage in ``text`` ("93%", "93 per cent")."""
    return re.search(rf"(?<![\d.]){re.escape(figure)}\s?(?:%|percent\b|per cent\b)", text) is not None


def replaced_figure(claim: str, quote: str, *, tolerant: bool = False) -> str:
    """A figure of the claim that the quote lacks, where the quote has another figure in the same words
    ("revenue reached 290 billion yuan" against "revenue ... reached 280 billion yuan"); "" when none.

    ``tolerant`` (for a figure the answer took from its question, which the quote need not repeat): a figure
    within 5% of the claim's, of another kind, a day of a month, or equal to another of the claim's figures is
    not a replacement.

    >>> replaced_figure("Meta announced 10,000 job cuts.", "Meta announced 11,000 job cuts.", tolerant=True)
    'the quote gives 11,000 where the claim gives 10,000'
    >>> replaced_figure("The iPhone sold for more than $63,000.", "The iPhone sold for $63,356.40 at auction.", tolerant=True)
    ''
    >>> replaced_figure("SVB collapsed on March 10 after a run.", "SVB collapsed after depositors withdrew $42 billion.", tolerant=True)
    ''
    >>> replaced_figure("Nvidia's revenue rose 93% to $39.3 billion.", "Nvidia's revenue rose 78% to $39.3 billion.")
    'the quote gives 78 where the claim gives 93'
    >>> replaced_figure("Bekele won the women's race in 2024.", "In the women's race, Bekele won in 2:21:58.")
    ''
    >>> replaced_figure("Bekele won the women's race in 2024.", "In the women's race, Bekele won in 2023.")
    'the quote gives 2023 where the claim gives 2024'
    >>> q = "Weeks ago Korvane said, on 24 February, that it would invest at least 380 billion yuan, or more than 50 billion US dollars, in cloud computing and AI infrastructure."
    >>> replaced_figure("Korvane will invest $70 billion in AI.", q)  # not "the quote gives 24": a day of a month is no amount
    ''
    """
    ct, qt = tokens(claim), tokens(quote)
    have, stated = set(qt), set(ct)  # a figure the claim states itself replaces none of its others
    spots = [j for j, t in enumerate(qt) if t[:1].isdigit()]
    given = numbers_in(claim)
    for i, t in enumerate(ct):
        if not t[:1].isdigit() or t in have or (tolerant and _dated(ct, i)):
            continue
        mine = _context(ct, i, 6)
        near = [j for j in spots if qt[j] not in stated and not (tolerant and (_dated(qt, j) or _value(qt, j) & given))]
        # A percentage is replaced only by a percentage, an amount by an amount, a year by a year, a day of a month by
        # a day ("on 24 February, ... would invest 380 billion yuan" gives no 24 for the claim's $70 billion).
        kind = (_percent(claim, t), bool(_YEAR_TOKEN.fullmatch(t)), _dated(ct, i))
        score, j = max(
            ((len(mine & _context(qt, j, 6)), j) for j in near if (_percent(quote, qt[j]), bool(_YEAR_TOKEN.fullmatch(qt[j])), _dated(qt, j)) == kind),
            default=(0, -1),
        )
        if score >= 2 and not (tolerant and _same_figure(t, qt[j], _value(ct, i), _value(qt, j))):
            return f"the quote gives {qt[j]} where the claim gives {t}"
    return ""


_RANKED = re.compile(r"\b(?:(second|third|fourth|fifth)[- ])?(\w+est)\b", re.I)


def _ranked(place: str, word: str) -> str:
    """ "highest" for the first, "second-highest" for the second."""
    return word if place == "first" else f"{place}-{word}"


def ranking(claim: str, quote: str) -> str:
    """"the second-highest" against "the highest" (or the other way round), for the same superlative."""

    def ranks(text: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for m in _RANKED.finditer(text):
            if m.group(2).lower() in ("best", "latest", "west", "interest", "forest", "test", "rest", "nest", "protest"):
                continue
            out.setdefault(m.group(2).lower(), set()).add((m.group(1) or "first").lower())
        return out

    mine, theirs = ranks(claim), ranks(quote)
    for word, r in mine.items():
        if word in theirs and not (r & theirs[word]):
            said, claimed = sorted(theirs[word])[0], sorted(r)[0]
            return f"placing: the quote says {_ranked(said, word)}, not {_ranked(claimed, word)}"
    return ""


def _governed(toks: list[str], a: int) -> bool:
    """Whether the name at token ``a`` is a preposition's object: "of WeChat", "of the ruling Communist Party".

    >>> _governed("The former chief of the ruling Communist Party died".split(), 5), _governed("Finland joined".split(), 0)
    (True, False)
    """
    j = a - 1
    while j >= 0 and a - j <= 3 and toks[j][:1].islower() and toks[j].lower() not in _OF:
        j -= 1
    return j >= 0 and a - j <= 3 and toks[j].lower() in _OF


def subject(claim: str, quote: str, *, before_only: bool = False) -> str:
    """Who did it: the claim's first named actor is absent from the quote, which names another for the same verb
    ("Tencent unveiled Ernie 4.5" against "rival Baidu, which on 16 March unveiled Ernie 4.5"). ``before_only``:
    only a name before the verb counts (for one sentence of a quote, whose other may have said "it" of the actor).

    >>> subject("Sweden formally joined NATO.", "Finland formally joined NATO yesterday.", before_only=True)
    'subject: the quote says Finland joined, not Sweden'
    >>> subject("Sweden formally joined NATO.", "It formally joined NATO yesterday.", before_only=True)
    ''
    >>> subject("Tencent reported revenue of 172.4 billion yuan.", "The owner of WeChat reported revenue of 172.4 billion yuan.")
    ''
    """
    ct, qt = tokens(claim), tokens(quote)
    cn = names(claim)
    if not cn:
        return ""
    first, last, actor = cn[0]
    have = _words_named(quote)
    have |= {form for t in have for form in _PLACE_FORMS.get(t, ())} | acronyms(quote)  # "the U.S. embassy" is the American one
    have |= {demonym_stem(t) for t in have}
    raw = _tokens(claim)
    if any(p.lower() in have or demonym_stem(p) in have for p in actor.split()) or raw[last][1] or last + 1 >= len(ct):
        return ""  # named in the quote, or a possessive ("Alibaba's shares"): not the actor
    at = last + 2 if ct[last + 1].lower().endswith("ly") and last + 2 < len(ct) else last + 1  # "Sweden formally joined"
    nxt = ct[at].lower()
    verb = nxt if ct[at][:1].islower() and nxt not in _STOP and nxt not in _TITLES else ""
    # the verb as the claim has it, or after a modal ("paid" in the claim, "will also pay" in the quote)
    modal = [j for j, t in enumerate(qt) if t.lower() in _MODALS]
    spots = [j for j, t in enumerate(qt) if t.lower() == verb or (t == stem(verb) and any(0 < j - m <= 2 for m in modal))]
    if not verb or not spots:
        return ""
    qn = names(quote)
    for j in spots:
        # not "The Baltimore quarterback", nor "the owner of WeChat": a name that describes the doer, or where it is
        before = [n for a, b, n in qn if b < j and j - b <= 8 and not _describes(qt, a, b, j) and not _governed(qt, a)]
        after = [] if before_only else [n for a, b, n in qn if a > j and a - j <= 3]
        other = before[-1] if before else after[0] if after else ""
        if other and before_only:
            # Only the plain shape, the name right before its verb ("Finland formally joined"), not "..., which applied
            # alongside Finland in 2022, formally joined" nor a description ("The West Virginia Democrat announced");
            # and not a short form of the actor ("the Fed" for the Federal Reserve).
            plain = re.search(rf"(?<!the )(?<!The )\b{re.escape(other)}\s+(?:\w+ly\s+|has\s+|have\s+|had\s+)?{re.escape(qt[j])}\b", quote)
            short = any(w.lower().startswith(o.lower()) for w in actor.split() for o in other.split())
            other = "" if not plain or short else other
        if other:
            return f"subject: the quote says {other} {verb}, not {actor}"
    return ""


_CATEGORY = re.compile(
    r"\bbest\s+((?:[a-z-]+\s+){0,3}?(actor|actress|picture|film|director|drama|comedy|musical|song|album|series|"
    r"documentary|feature|screenplay|score|play|novel|book|player|newcomer|artist|record|performance)s?)\b",
    re.I,
)


def category(claim: str, quote: str) -> str:
    """An award's category other than the claim's: "Tom Cruise received a Golden Globe nomination for best actor" on
    "... 'Top Gun: Maverick' scored a nomination in the best drama category" (a ninth user pass). Only where the quote
    names some category and none with the claim's last word.

    >>> category("Cruise received a nomination for best actor.", "Top Gun: Maverick scored a nomination in the best drama category.")
    "category: the quote says 'best drama', not 'best actor'"
    >>> category("Yeoh won best actress.", "Yeoh won best actress in a leading role, and the film won best picture.")
    ''
    """
    mine = [m.group(2).lower() for m in _CATEGORY.finditer(claim)]
    theirs = [(m.group(1), m.group(2).lower()) for m in _CATEGORY.finditer(quote)]
    if not mine or not theirs or any(h in {t for _, t in theirs} for h in mine):
        return ""
    first = next(m.group(1) for m in _CATEGORY.finditer(claim))
    return f"category: the quote says 'best {theirs[0][0]}', not 'best {first}'"


_COORDINATE = frozenset("and or & , nor".split())


def other_subject(claim: str, quote: str) -> str:
    """The quote names the claim's actor, but gives the claim's verb to another, named right before it: "Amazon
    announced 10,000 job cuts" against "Amazon's news comes the same day Microsoft announced it would be reducing its
    workforce by 10,000" (:func:`subject` looks only where the actor is not named at all).

    >>> other_subject("Amazon announced 10,000 job cuts.", "Amazon's news comes the same day Microsoft announced it would cut 10,000 jobs.")
    'subject: the quote says Microsoft announced, not Amazon'
    >>> other_subject("Amazon announced 10,000 job cuts.", "Amazon and Microsoft announced 10,000 job cuts each.")
    ''
    >>> other_subject("Amazon announced 10,000 job cuts.", "Amazon CEO Andy Jassy announced 10,000 job cuts.")
    ''
    >>> other_subject("Amazon announced cuts.", "Microsoft announced cuts, and Amazon announced more later.")
    ''
    >>> other_subject("France won the World Cup, defeating Argentina.", "Argentina won the World Cup, defeating France on penalties.")
    'subject: the quote says Argentina won, not France'
    >>> other_subject("Georgia romped past Florida.", "Georgia and Ohio State made their cases. The top-ranked Bulldogs romped past Florida.")
    ''
    >>> other_subject("Ferrowind filed a lawsuit against Brightvale Energy.", "Brightvale Energy has filed a lawsuit against Ferrowind.")
    'subject: the quote says Brightvale Energy filed, not Ferrowind'
    >>> other_subject("Sunak got 137 votes.", "Sunak won 137 votes and Truss got 113 votes in the final round.")
    ''
    >>> other_subject("Jury chair Tomas Werle criticised publishers.", "Yusra Benali criticised publishers, while jury chair Tomas Werle praised the list.")
    'subject: the quote says Yusra Benali criticised, not Tomas Werle'
    >>> other_subject("Lotte Bramsen criticised Kestrel Air.", "The Aviation Board on Tuesday criticised Kestrel Air. Its chief Lotte Bramsen said little.")
    'subject: the quote says Aviation Board criticised, not Lotte Bramsen'
    >>> other_subject("The Rovers dropped to No. 3.", "The Rovers' early exit at the Tallis Cup dropped the squad to No. 3.")
    ''
    """
    ct, cn = tokens(claim), names(claim)
    if len(cn) > 1 and cn[0][0] == cn[0][1] == 0 and 1 < cn[1][0] <= 2 and ct[1].lower() in _PERSON_TITLES | _CHAIRS:
        cn = cn[1:]  # "Jury chair Tomas Werle criticised": the actor is the name after a capitalised title
    if not cn or _tokens(claim)[cn[0][1]][1]:
        return ""  # no actor, or a possessive ("Alibaba's shares")
    _, last, actor = cn[0]
    at = last + 2 if last + 2 < len(ct) and ct[last + 1].lower().endswith("ly") else last + 1
    if at >= len(ct) or not ct[at][:1].islower() or ct[at].lower() in _STOP or not (ct[at].lower().endswith("ed") or ct[at].lower() in _PAST_BASE):
        return ""  # only a verb told as done: "announced", "won"
    verb = ct[at].lower()
    qt, qn = tokens(quote), names(quote)
    spots = [j for j, t in enumerate(qt) if t.lower() == verb]
    mine = [b for _, b, n in qn if _same_name(n, actor) or any(p.lower() == n.lower() for p in actor.split())]
    if not spots or not mine:
        return ""
    held = numbers_in(ct[at + 1]) if at + 1 < len(ct) else set()
    if held and any(b + 2 < len(qt) and numbers_in(qt[b + 2]) == held for b in mine):
        return ""  # "Sunak got 137" on "Sunak won 137 votes and Truss got 113": the actor's own figure (an eleventh pass)
    for j in spots:
        # the doer right before the verb, or before a day between them ("The Civil Aviation Board on Tuesday criticised")
        before = [(a, b, n) for a, b, n in qn if b < j and j - b <= 2]
        if not before and j + 1 < len(qt) and at + 1 < len(ct) and qt[j + 1].lower() == ct[at + 1].lower():
            # the same deed to the same object ("criticised Kestrel Air"), a day between its doer and it
            before = [(a, b, n) for a, b, n in qn if j - b == 3 and qt[b + 1].lower() == "on" and qt[b + 2].lower() in _DAYS]
        if not before:
            return ""  # the verb's doer is not named right before it: leave it to the other checks
        a, b, other = before[-1]
        if _same_name(other, actor) or any(w.lower() in actor.lower().split() for w in other.split()):
            return ""
        if a and qt[a - 1].lower() in _PLACE_BEFORE or a > 1 and qt[a - 1].lower() in _DETERMINERS and qt[a - 2].lower() in _PLACE_BEFORE:
            return ""  # a place inside the doer's words: "The USWNT's early exit at the World Cup dropped the squad"
        if not re.search(rf"\b{re.escape(other)}\s+(?:\w+ly\s+|has\s+|have\s+|had\s+|on\s+\w+day\s+)?{re.escape(qt[j])}\b", quote):
            return ""  # only the plain shape, "Microsoft announced", "Brightvale has filed": not a title in quotes ("Night Desk," pleaded)
        if " " not in other and other.endswith("s") and "the" in (t.lower() for t in qt[max(0, a - 4) : a]):
            return ""  # a team by its nickname ("the top-ranked Bulldogs romped") may be the claim's Georgia
        for mb in mine:
            if mb < a and (a - mb <= 3 or all(t.lower() in _COORDINATE or t.lower() in _STOP for t in qt[mb + 1 : a])):
                return ""  # "Amazon and Microsoft announced", "Amazon CEO Andy Jassy announced": the actor is part of it
            if mb < a and qt[a - 1].lower() in _OF:
                return ""
    return f"subject: the quote says {other} {verb}, not {actor}"


# Doers a quote names by what they are, not by name: "the regional governor vetoed", "the environment agency closed".
_BODIES = frozenset(
    "agency council court ministry government regulator company firm police board committee operator union league "
    "authority department commission parliament senate congress army military prosecutors judge jury panel cabinet "
    "bank owners shareholders guards officers investors lawmakers legislators ministers regulators".split()
)


_CHAIRS = frozenset("chair chairman chairwoman head leader coach captain spokesman spokeswoman spokesperson boss founder".split())
_PERSON_TITLES = _TITLES | frozenset("prosecutor senator councillor councilor constable ambassador judge owner manager".split())


def other_doer(claim: str, quote: str) -> str:
    """The claim gives a deed to a person by their role ("Dravik mayor Ivo Brenn vetoed"), and the quote names that
    person but gives the deed to another role or body, told without a name: "Dravik mayor Ivo Brenn welcomed the
    council's vote, though the regional governor vetoed funding" (:func:`other_subject` looks only at names).

    >>> other_doer("Dravik mayor Ivo Brenn vetoed funding for the tram.", "Mayor Ivo Brenn welcomed the vote, though the regional governor vetoed funding for the tram.")
    'subject: the quote says the regional governor vetoed, not Dravik mayor Ivo Brenn'
    >>> other_doer("Aldercombe mayor Hester Quaid closed the beaches.", "The regional environment agency closed the beaches over the objections of mayor Hester Quaid.")
    'subject: the quote says The regional environment agency closed, not Aldercombe mayor Hester Quaid'
    >>> other_doer("Mayor Hester Quaid closed the beaches.", "Hester Quaid, the town's mayor, said on Friday the mayor closed the beaches.")
    ''
    >>> other_doer("Acme closed its plant.", "Acme said the company closed its plant.")
    ''
    >>> other_doer("Tomas Breyl approved the rail package.", "Finance Minister Tomas Breyl had argued against it, but the cabinet approved the rail package.")
    'subject: the quote says the cabinet approved, not Tomas Breyl'
    >>> other_doer("Tomas Breyl approved the rail package.", "Tomas Breyl, the finance minister, said the minister approved the rail package.")
    ''
    """
    ct, cn = tokens(claim), names(claim)
    if not cn:
        return ""
    at = next((i for i in range(cn[0][1] + 1, len(ct)) if ct[i][:1].islower() and ct[i].lower() not in _TITLES), None)
    if at is None or ct[at].lower() in _STOP or not (ct[at].lower().endswith("ed") or ct[at].lower() in _PAST_BASE):
        return ""  # the subject is its names and titles, then a verb told as done
    verb, subject = ct[at].lower(), {t.lower() for t in ct[:at]}
    person = next((n for _, b, n in reversed(cn) if b < at), "")
    last = re.escape(person.split()[-1])
    if not re.search(rf"\b{last}\b", quote):
        return ""  # the quote does not name them: missing_names says so
    # the titles the quote gives them: "Finance Minister Tomas Breyl", "Harald Bjerre, the defence minister,"
    titled = {w.lower().strip(",") for m in re.finditer(rf"((?:\S+\s+){{0,3}}){re.escape(person.split()[0])}\b[^,]*?\b{last}\b(?:,([^,]{{0,40}}),)?", quote)
              for w in f"{m.group(1)} {m.group(2) or ''}".split()} & _PERSON_TITLES  # fmt: skip
    told_as_one = re.search(rf"\b{last}\b[^.]{{0,80}}\b(?:he|she|his|her|him)\b", quote)  # "Teo Brandt said he had been"
    if not (subject | titled) & _PERSON_TITLES and not told_as_one:
        return ""  # only a person told as one: "Acme closed" may be "the company closed"
    pattern = (
        rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er)\s+(?:[a-z][\w'-]*\s+){{0,2}}([a-z]+)"
        rf"(?:\s+of\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?(?:,?\s+(?:which|that|who))?(?:\s+on\s+[A-Z]\w+)?"  # "the board of Hollis Mining", ", which on Thursday"
        rf"\s+(?:\w+ly\s+|has\s+|had\s+|have\s+|instead\s+)?{re.escape(verb)}\b"
    )
    for m in re.finditer(pattern, quote):
        if m.group(1) in _BODIES - subject or m.group(1) in _TITLES - subject - titled:
            return f"subject: the quote says {quote[m.start() : m.end(1)]} {verb}, not {' '.join(ct[:at])}"
    return ""


# Words that stand before a verb without being its doer ("and instead raised rates", "Hence ctenophores usually swim")
_LINKING = frozenset(
    "instead also then later still again now soon first finally recently previously already just even often never ever "
    "once twice initially eventually subsequently meanwhile thus hence therefore however nonetheless nevertheless".split()
)


def bare_doer(claim: str, quote: str, apart: Callable[[str, str], bool] | None = None) -> str:
    """The claim's subject is a plain noun the quote uses of something else, and the quote gives the claim's very words
    to another plain noun: "Cilia usually swim in the direction in which the mouth is pointing" on "Hence ctenophores
    usually swim in the direction in which the mouth is pointing ... the comb plate cilia", "Exports fell 3% in March"
    on "In March, imports fell 3%, while exports were flat" (SQuAD 2.0 makes unanswerable questions this way, and an
    answer that copies its passage's sentence keeps the question's subject). :func:`subject` and
    :func:`other_subject` look only at names.

    Only a quote's doer without a determiner counts ("the company", "the midfielder" may be the claim's Alibaba or
    Messi), and only where the claim's subject word is one the quote writes in lower case elsewhere (so it is a plain
    noun, not a name) and not as part of the doer ("oil prices fell" is the claim's "Oil fell"). A subject of two words
    is "the" and its noun. ``apart(doer, subject)`` says whether the two nouns are far apart in meaning: news calls the
    same doers by other plain nouns ("Police arrested two men" on "officers arrested two men, police said"), so without
    it nothing is said (the checker passes MiniLM's, :data:`rag.citations.BARE_DOER_APART`).

    >>> far = lambda doer, subject: True
    >>> bare_doer("Cilia usually swim in the direction of the mouth.", "Hence ctenophores usually swim in the direction of the mouth, using comb plate cilia.", far)
    'subject: the quote says ctenophores swim, not Cilia'
    >>> bare_doer("Exports fell 3% in March.", "In March, imports fell 3%, while exports were flat.", far)  # MiniLM: not far
    'subject: the quote says imports fell, not Exports'
    >>> bare_doer("Police arrested two men.", "On Monday, officers arrested two men, police said.", lambda doer, subject: False)
    ''
    >>> bare_doer("Oil fell 3% in March.", "In March, oil prices fell 3%, and oil demand eased.", far)
    ''
    >>> bare_doer("Prices rose 5% last year.", "Hence food prices rose 5% last year, while wages and prices of homes fell.", far)
    ''
    >>> bare_doer("Exports fell 3% in March.", "In March, the agency said imports fell 3%.", far)
    ''
    >>> bare_doer("Alibaba rose 8% on Friday.", "On Friday, shares rose 8%, Alibaba said.", far)
    ''
    >>> bare_doer("Exports fell 3% in March.", "In March, imports fell 3% and exports fell 3%.", far)
    ''
    >>> bare_doer("Police charged 3 protesters.", "Police detained 3 protesters but released them.", far)  # a verb is no subject
    ''
    """
    if apart is None:
        return ""
    ct, qt = tokens(claim), tokens(quote)
    low, possessive = [t.lower() for t in qt], [p for _, p in _tokens(claim)]
    claimed = {stem(t.lower()) for t in ct}
    for s in range(1, min(3, len(ct) - 2)):  # a subject of one word, or "the" and one: "Cilia", "The cilia"
        head, said = ct[s - 1], [t.lower() for t in ct[s : s + 3]]
        if s == 2 and ct[0].lower() != "the":
            continue
        if any(t.lower() in _STOP - _DETERMINERS for t in ct[:s]) or said[0] in _STOP or head.lower() in _STOP:
            continue
        if any(t[:1].isupper() for t in ct[1:s]) or possessive[s - 1]:
            continue  # a name ("Alibaba shares") or a possessive: the name checks' case
        said = said[:2] if said[1][:1].isdigit() else said  # three words alike, or a verb and its figure ("fell 3%, while")
        spots = [j for j in range(1, len(qt) - len(said) + 1) if low[j : j + len(said)] == said]
        if not spots:
            continue
        mine = stem(head.lower())
        if any(mine in {stem(w) for w in low[max(0, j - 3) : j]} for j in spots):
            return ""  # the quote gives it to the claim's subject too
        elsewhere = any(t == head.lower() or (t[:1].islower() and stem(t) == mine) for t in qt)
        if not elsewhere or (head[:1].isupper() and s > 1):
            return ""
        for j in spots:
            doer = qt[j - 1]
            if stem(doer.lower()) in claimed:
                continue  # a word of the claim's own ("find" of "found"): not another doer
            if not doer[:1].islower() or doer in _STOP or doer in _PRONOUNS or doer in _TITLES or doer in _LINKING:
                continue
            if j > 1 and (low[j - 2] in _COORDINATE or low[j - 2] == "but"):
                continue  # "resisted calls ... and then raised rates": the verb's doer is the sentence's subject
            if j > 1 and (low[j - 2] in _DETERMINERS or low[j - 2] in _BEFORE_MODIFIER):
                continue  # "the agency", "this species": may be the claim's subject told another way
            if not apart(doer.lower(), head.lower()):
                continue
            verb = next((t for t in ct[s:] if not t.lower().endswith("ly")), ct[s])
            return f"subject: the quote says {doer} {verb}, not {' '.join(ct[:s])}"
        return ""
    return ""


_SPEECH = r"(?:said|says|told|stated|added|explained|insisted|warned)"
_SPEAKER_BEFORE = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s*(?:,[^,]{0,80})?,?\s*[\"”']?\s*$")
_SPEAKER_AFTER = re.compile(r"\s+(?:by\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")


def speaker(claim: str, quote: str) -> str:
    """Who said it: the claim gives a statement to a person the quote names, while the quote gives it to another
    ("Korvanta chief executive Dana Wirt said the recall would cost ..." against "Korvanta Motors said in a statement
    the recall would cost ... Chief executive Dana Wirt was not available for comment"). A pronoun ("he said") or the
    person's title ("its chief executive said") may be the claim's person.

    >>> speaker("Korvanta chief executive Dana Wirt said the recall would cost 40 million.", "Korvanta Motors said in a statement the recall would cost 40 million. Chief executive Dana Wirt was not available.")
    'attribution: the quote says Korvanta Motors said it, not Dana Wirt'
    >>> speaker("Dana Wirt said the recall would cost 40 million.", '"The recall will cost 40 million," Wirt, 54, told reporters.')
    ''
    >>> speaker("Dana Wirt said the recall would cost 40 million.", "Dana Wirt joined in 2020. She said the recall would cost 40 million.")
    ''
    >>> speaker("Korvanta chief executive Dana Wirt said costs rose.", "Dana Wirt took over in 2020. The company's chief executive said costs rose.")
    ''
    >>> speaker("President Ewa Dorne of Sarnesh said the dam would be built.", '"It will be built," President Ewa Dorne of Sarnesh said.')
    ''
    >>> speaker("Southwest canceled flights because of severe weather, state police said.", "Southwest travelers were still struggling with canceled flights.")
    'attribution: the quote does not say state police said it'
    >>> speaker("Two died in the crash, police said.", "Two people died in the crash, officials said, citing police.")
    ''
    """
    tail = re.search(r",\s*((?:the\s+)?[A-Za-z][\w\s'’.-]{1,40}?)\s+(?:said|says|reported)\s*\.?\s*$", claim)
    if tail:  # "..., state police said": the quote must name who said it
        heads = [w for w in re.findall(r"[A-Za-z]+", tail.group(1).lower()) if w not in _STOP]
        if heads and heads[-1] not in {t.lower() for t in tokens(quote)} | {t.lower().rstrip("s") for t in tokens(quote)}:
            return f"attribution: the quote does not say {tail.group(1)} said it"
    m = re.search(rf"^(.*?)\s+{_SPEECH}\b", claim)
    if not m or not (people := _people(m.group(1), 2)):
        return ""
    who = people[-1][2]
    if not any(_same_name(n, who) or who.split()[-1] == n.split()[-1] for _, _, n in names(quote)):
        return ""  # the quote never names them: missing_names says so
    titles = {w.lower() for w in m.group(1).split()} & _TITLES
    others = []
    for sm in re.finditer(rf"\b{_SPEECH}\b|\baccording to\b", quote):
        before, after = quote[: sm.start()], quote[sm.end() :]
        if re.search(r"\b(?:he|she|they|who|i|we)\s*$", before, re.I):
            return ""  # a pronoun may be the claim's person
        close = re.split(r"[.!?]\s", before)[-1].split()[-8:] + re.split(r"[.!?](?:\s|$)", after)[0].split()[:4]
        if {w.strip(",.\"'”’").lower() for w in close} & {w.lower() for w in who.split() if len(w) > 2}:
            return ""  # the claim's speaker beside the verb: "Nexorra Telecom chief executive Ilan Brask told"
        b = _SPEAKER_BEFORE.search(before) if not sm.group(0).startswith("according") else None
        a = _SPEAKER_AFTER.match(after)
        said_by = b.group(1) if b else a.group(1) if a else ""
        if said_by and (_same_name(said_by, who) or who.split()[-1] in said_by.split()):
            return ""
        if not said_by:
            near = {w.lower().strip(",'’s") for w in before.split()[-4:]}
            if near & titles:
                return ""  # "the company's chief executive said": the claim's person by title
            said_by = " ".join(before.split()[-2:]).strip(",")
        others.append(said_by)
    return f"attribution: the quote says {others[0]} said it, not {who}" if others else ""


# Words of opposite sense, as stems: a claim's word and the quote's opposite about the same thing conflict.
_OPPOSITE_PAIRS = (
    ("allow permit lift legal", "ban prohibit forbid forbade illeg outlaw"),
    ("warm warmer hot hotter heat", "cold colder cool cooler chill"),
    ("approv accept pass", "reject veto block"),
    ("support back endors favor", "oppos against"),
    ("open reopen", "close shut"),
    ("hire", "layoff"),
    ("beat surpass exceed top", "miss trail"),
    ("includ", "exclud"),
    ("gain", "loss lose lost"),
    ("profit surplus", "deficit"),
    ("earli", "later"),
    ("in within insid domest", "outsid abroad oversea"),
    ("introduc impos adopt enact", "avoid scrap abandon repeal withdraw"),
    ("keep retain", "remov"),  # "allowed Texas to keep the buoys" against "must remove the buoys"
    ("succeed", "fail"),
)
_OPPOSITE = {w: (k, side) for k, pair in enumerate(_OPPOSITE_PAIRS) for side, ws in enumerate(pair) for w in ws.split()}
_OPPOSITE.update({stem(w): (len(_OPPOSITE_PAIRS), 0) for w in _UP} | {stem(w): (len(_OPPOSITE_PAIRS), 1) for w in _DOWN})


def _sense(t: str) -> tuple[int, int] | None:
    return _OPPOSITE.get(stem(t.lower()))


def _after(toks: list[str], i: int) -> str:
    """The stem of the first content word after token ``i``."""
    return next((stem(t.lower()) for t in toks[i + 1 : i + 4] if t.lower() not in _STOP and not t[:1].isdigit()), "")


def _after_all(toks: list[str], i: int, reach: int = 6) -> set[str]:
    return {stem(t.lower()) for t in toks[i + 1 : i + 1 + reach]}


_UNDOING = frozenset("lift lifted lifts lifting end ended ends ending scrap scrapped scraps overturn overturned overturns repeal repealed repeals".split())
_UNDO = (  # what ends a ban or a rule, for :func:`kept`
    r"lift(?:ed|s|ing)?|end(?:ed|s)?|scrap(?:ped|s)?|overturn(?:ed|s)?|repeal(?:ed|s)?|remov(?:ed|es)|drop(?:ped|s)|"
    r"struck\s+down|strikes\s+down|quash(?:ed|es)|annul(?:led|s)|rescind(?:ed|s)|revok(?:ed|es)"
)


def _undone(toks: list[str], i: int) -> bool:
    """The word at ``i`` is undone by the verb before it: "lifted its ban" allows, so its "ban" is no ban.

    >>> _undone(tokens("Quenland lifted its ban on pork"), 3), _undone(tokens("Quenland extended its ban"), 3)
    (True, False)
    """
    before = [t.lower() for t in toks[max(0, i - 3) : i] if t.lower() not in _DETERMINERS]
    return bool(before) and before[-1] in _UNDOING


def kept(claim: str, quote: str) -> str:
    """The claim says a ban, rule or measure was ended, and the quote says it was kept: "Quenland lifted its ban on pork
    imports" against "Quenland extended its ban on pork imports", "the court overturned the ban" against "... meaning
    the ban stays in force".

    >>> kept("Quenland lifted its ban on pork imports.", "Quenland extended its ban on pork imports for six months.")
    "opposite: the claim says 'lifted its ban', the quote 'extended its ban'"
    >>> kept("The court overturned the ban.", "The court dismissed an appeal, meaning the ban stays in force.")
    "opposite: the claim says 'overturned the ban', the quote 'ban stays in force'"
    >>> kept("Quenland lifted its ban on pork.", "Quenland lifted its ban on pork but extended its ban on beef.")
    ''
    """
    m = re.search(rf"\b(?:{_UNDO})\s+((?:[\w.'’-]+\s+){{0,4}}?)([a-z]+)\b(?=\s+(?:on|in|for|of|at|against|from|to|covering)\b|\s*[.,;]|\s*$)", claim)
    if not m or _negated(claim):
        return ""
    thing = re.escape(m.group(2))  # "lifted its 10 p.m. curfew", "lifted the hosepipe ban in Tolley"
    said = m.group(0)
    if re.search(rf"\b(?:{_UNDO})\s+(?:[\w.'’-]+\s+){{0,4}}?{thing}\b", quote):
        return ""  # the quote tells of its end too
    told = re.search(
        rf"\b(?:extended|extends|kept|keeps|maintained|maintains|upheld|upholds|renewed|renews)\s+(?:(?:the|its|a|an|his|her|their)\s+)?(?:[a-z]+\s+)?{thing}\b"
        rf"|\b{thing}(?:\s+[\w.-]+){{0,6}}?\s+(?:would\s+|will\s+)?(?:still\s+)?(?:stay|stays|stayed|remain|remains|remained)\s+in\s+(?:force|place|effect)\b"
        rf"|\b{thing}(?:\s+[\w.-]+){{0,6}}?\s+(?:would|will)\s+(?:stay|remain)\b",
        quote,
    )
    return f"opposite: the claim says '{said}', the quote '{told.group(0)}'" if told else ""


def opposite(claim: str, quote: str) -> str:
    """A word of the claim whose opposite the quote uses about the same thing (the same content words nearby),
    where the quote never uses the claim's own word there: "cut capital expenditure" against "raise capital
    expenditure", "allowed agricultural burning" against "banned ... agricultural burning".

    >>> opposite("Forecasters expect warmer weather from Monday.", "Forecasters expect calmer, colder weather from Monday.")
    "opposite: the claim says 'warmer', the quote 'colder'"
    >>> opposite("Tencent will raise capital expenditure.", "Tencent said it would raise capital expenditure further.")
    ''
    >>> opposite("The Senate blocked the bill.", "Retailers sought to block the bill, but the Senate approved it on Wednesday.")
    "opposite: the claim says 'blocked', the quote 'Senate approved'"
    >>> opposite("The Senate approved the bill.", "Retailers sought to block the bill, but the Senate approved it on Wednesday.")
    ''
    """
    ct, qt = tokens(claim), tokens(quote)
    # the claim's doer and its verb ("the Senate blocked", "shareholders rejected"), and what the quote has that doer do
    for b in range(len(ct) - 1):
        head = ct[b].lower()
        if head in _STOP or head in _AUXILIARIES or head[:1].isdigit() or not _past_verb(ct[b + 1]) or not (sense := _sense(ct[b + 1])) or _undone(ct, b + 1):
            continue  # a verb told as done right after its doer: not "a man in Dunmore"
        done = [
            (j + 1 + k, _sense(w)) for j, u in enumerate(qt) if _norm(u) == _norm(head)
            for k, w in enumerate(qt[j + 1 : j + 3]) if w.lower() not in _AUXILIARIES and not w.lower().endswith("ly")
            and all(x.lower() in _AUXILIARIES or x.lower().endswith("ly") for x in qt[j + 1 : j + 1 + k])
            and w[:1].islower() and len(w) > 3 and w.lower() not in _STOP
        ]  # fmt: skip
        if any(d == sense for _, d in done):
            return ""  # "the Senate approved it", whatever others sought to block
        if (at := next((k for k, d in done if d and d[0] == sense[0]), None)) is not None:
            return f"opposite: the claim says '{ct[b + 1]}', the quote '{ct[b]} {qt[at]}'"
        break  # only the claim's first doer and verb
    for i, t in enumerate(ct):
        sense = _sense(t)
        if sense is None or _undone(ct, i) or re.search(rf"\b(?:was|were|been)\s+{re.escape(t)}\b|\b{re.escape(t)}\s+(?:it|them)\b", quote, re.I):
            continue  # nor a word the quote says of the same thing: "was vetoed a day later", "voted against it"
        mine = _context(ct, i, 6) - {stem(t.lower())}
        thing = _after(ct, i)  # what the word is about: "cut [capital] expenditure", "warmer [weather]"
        # the quote's word of the claim's sense counts only about the same thing, where the claim names it: "block TikTok
        # in the United States" does not say the Senate rejected "legislation" it "approved"
        same = [j for j, u in enumerate(qt) if _sense(u) == sense and len(mine & _context(qt, j, 6)) >= 1 and (not thing or thing in _after_all(qt, j) or thing in _context(qt, j, 6))]
        against = [
            (len(mine & _context(qt, j, 6)), j) for j, u in enumerate(qt)
            if (s := _sense(u)) and s[0] == sense[0] and s[1] != sense[1] and thing and thing in _after_all(qt, j)
        ]  # fmt: skip
        if not same and against and max(against)[0] >= 2:
            return f"opposite: the claim says '{t}', the quote '{qt[max(against)[1]]}'"
    return ""


# How a quote tells that someone won or lost a contest, right after the name (for :func:`won_lost`)
_TOLD_WON = (
    r"won|wins|clinched|clinches|captured|captures|secured|secures|claimed|claims|"
    r"(?:coasted|cruised|swept|romped|rolled|sailed|rode|surged|stormed)\s+to\s+(?:an?\s+)?(?:[a-z]+\s+)?victory\s+in"
)
_TOLD_LOST = r"lost|loses|conceded|concedes|(?:was|were)\s+(?:defeated|beaten)\s+in|fell\s+short\s+in"
_SUFFIX = r"(?:\s+(?:Jr|Sr)\.?|\s+I{2,3})?"  # "Ricky Stenhouse Jr. won"
_CONTESTS = frozenset(stem(w) for w in "election race contest vote seat primary runoff ballot".split())  # one contest, as stems


def won_lost(claim: str, quote: str) -> str:
    """The claim says its person lost what the quote says they won, or the other way round: "Rhea Solm lost the race
    for mayor" against "Rhea Solm, won the race for mayor", "Ada Pell lost Quenland's special election" against "Ada
    Pell coasted to victory in Quenland's special election" (the same person right before the verb, the contest's
    word after it; another's win says nothing of the claim's loss: that is left to the other checks). A loss "to"
    someone is a game's, for :func:`result`.

    >>> won_lost("Rhea Solm lost the race for mayor.", "The party's candidate, Rhea Solm, won the race for mayor by 11 points.")
    "opposite: the quote says 'Rhea Solm, won the race', not lost"
    >>> won_lost("Ada Pell lost Quenland's special election.", "Democrat Ada Pell coasted to victory in Quenland's special election Tuesday.")
    "opposite: the quote says 'Ada Pell coasted to victory in Quenland's special election', not lost"
    >>> won_lost("Ada Pell lost Quenland's special election.", "Democrat Ada Pell defeated Republican Tom Hale to become the first.")
    "opposite: the quote says 'Ada Pell defeated Republican Tom Hale', not lost"
    >>> won_lost("Ada Pell won the primary.", "Ada Pell conceded the primary to her rival on Tuesday.")
    "opposite: the quote says 'Ada Pell conceded the primary', not won"
    >>> won_lost("Smith lost the race.", "Jones won the race, beating Smith.")
    ''
    >>> won_lost("Ada Pell lost the special election.", "Ada Pell will go to Congress after she coasted to victory in Tuesday's special election.")
    "opposite: the quote says 'Ada Pell will go to Congress after she coasted to victory in Tuesday's special election', not lost"
    >>> won_lost("Ada Pell lost the special election.", "Quenland elected a woman to Congress as Ada Pell won a race in the fourth district.")
    "opposite: the quote says 'Ada Pell won a race', not lost"
    >>> won_lost("Ada Pell lost the election.", "Ada Pell said that Tom Hale's aide thinks he won the election.")
    ''
    >>> won_lost("Ada Pell lost the Quenland 500.", "Ada Pell, 35, won the Quenland 500 in overtime.")
    "opposite: the quote says 'Ada Pell, 35, won the Quenland 500', not lost"
    >>> won_lost("Ada Pell lost the final.", "Ada Pell won the semi-final but lost the final.")
    ''
    """
    m = re.search(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(won|wins|lost|loses)\s+(?!to\b|by\b|\d)([^.,;]*)", claim)
    if not m or _negated(claim):
        return ""
    said = "won" if m.group(2) in ("won", "wins") else "lost"
    after = list(itertools.takewhile(lambda w: w.lower() not in _OF and w.lower() != "for", tokens(m.group(3))))[:5]
    contest = [w for w in after if w.lower() not in _STOP and w.lower() not in CALENDAR]  # "the Daytona 500", "album"
    if not contest:
        return ""
    thing = stem(contest[-1].lower())  # the contest's word: "lost Quenland's special [election] on Tuesday"
    things = _CONTESTS if thing in _CONTESTS else {thing}  # "won a race" for "lost the election"
    last = m.group(1).split()[-1]
    # "Rhea Solm, the former judge, won"; "Ada Pell will go to Congress after she coasted to victory"
    near = rf"\b{re.escape(last)}{_SUFFIX}(?:(?:,[^,.]{{0,60}})?,?\s+|\s[^.;]{{0,80}}?\b(?:she|he|they)\s+)(?:\w+ly\s+)?"
    if re.search(rf"{near}(?:{_TOLD_WON if said == 'won' else _TOLD_LOST})\b", quote):
        return ""  # the quote tells the claim's own result too
    for t in re.finditer(rf"{near}(?:{_TOLD_LOST if said == 'won' else _TOLD_WON})\b((?:\s+[\w'’-]+){{1,7}})", quote):
        if [n for _, _, n in _people(quote[t.start() + len(last) : t.start(1)], 2) if n.lower() not in CALENDAR]:
            continue  # another person before the pronoun: "Ada Pell said Tom Hale's aide thinks he won"
        won = re.split(r"\s+(?:but|and|while|yet)\b", t.group(1))[0]  # "won the semi-final but lost the final"
        upto = next((k for k, w in enumerate(tokens(won)) if stem(w.lower()) in things), None)
        if upto is not None:
            start = quote.rfind(m.group(1), 0, t.end())
            told = quote[start if start >= 0 else t.start() : t.start(1)] + " " + " ".join(t.group(1).split()[: upto + 1])
            return f"opposite: the quote says '{told}', not {said}"
    # "Ada Pell defeated Republican Tom Hale to become ...": a win over a named rival, where the claim says she lost
    beat = said == "lost" and re.search(rf"{near}(?:defeated|beat|ousted|unseated)\s+(?:[a-z]+\s+)?(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*", quote)
    if not beat:
        return ""
    start = quote.rfind(m.group(1), 0, beat.end())
    return f"opposite: the quote says '{quote[start if start >= 0 else beat.start() : beat.end()]}', not lost"


_AUXILIARIES = frozenset("has have had will would could can may might should must did does do also".split())
# Who acts for a name: "the Microsoft board rejected the offer" is Microsoft rejecting it.
_ACTS_FOR = frozenset(
    "board boards spokesperson spokesman spokeswoman government administration team officials executives management "
    "leadership lawyers attorneys unit division cabinet ministry council".split()
)


def _verbish(t: str) -> bool:
    """A past or present participle ("outlined", "pulling"): the verbs whose doer the agent check compares."""
    t = t.lower()
    return len(t) > 4 and t[:1].isalpha() and t.isalpha() and (t.endswith("ed") or t.endswith("ing"))


def _doers(text: str) -> list[tuple[int, int, str]]:
    """Names that can do something: people-like names with a real word in them, not possessives ("Microsoft's")."""
    flags = _tokens(text)
    return [
        (a, b, n) for a, b, n in _people(text, 1)
        if not flags[b][1] and any(len(w) >= 3 and w.isalpha() and not w.isupper() for w in n.split())
        and (a > 0 or b > 0 or re.search(r".[A-Z0-9]", n))  # a lone capitalised first word is any word ("Authorities")
    ]  # fmt: skip


def _agent(toks: list[str], spans: list[tuple[int, int, str]], i: int) -> tuple[str, str]:
    """Who does the verb at ``i``, and to whom: a passive "verb by X" names X; else the nearest name before
    it (within 12 tokens) does it, and a name just after it (within 4) receives it."""
    after = [n for a, b, n in spans if 0 < a - i <= 4]
    if i + 1 < len(toks) and toks[i + 1].lower() == "by":  # titles may come between: "by chief financial officer X"
        by = [n for a, b, n in spans if 0 < a - i <= 6]
        return (by[0] if by else ""), ""
    # A clause of its own ("... Susan Li when the company reported results") has its own doer; "Bekele, after
    # 35 km, pulled away" has none.
    before = [n for a, b, n in spans if b < i and i - b <= 12 and not _own_subject(toks[b + 1 : i]) and not _describes(toks, a, b, i)]
    return (before[-1] if before else ""), (after[0] if after else "")


def _describes(toks: list[str], a: int, b: int, i: int) -> bool:
    """The name at ``a``-``b`` only describes the doer of the verb at ``i``: "The Baltimore quarterback has agreed"
    (the quarterback agreed, not Baltimore).

    >>> _describes(tokens("The Baltimore quarterback has agreed"), 1, 1, 4), _describes(tokens("Baltimore has agreed"), 0, 0, 2)
    (True, False)
    """
    head = toks[b + 1] if b + 1 < i else ""
    if not (a > 0 and toks[a - 1].lower() in ("the", "a", "an") and head[:1].islower()):
        return False
    if a > 1 and toks[a - 2].lower() in _OF:  # "signed by the Angels last season": the Angels are who did it
        return False
    low = head.lower()  # "The Federal Reserve on Thursday raised", "The Ethiopian Hiwot Bekele easily outpaced"
    return low not in _BE | _AUXILIARIES | _STOP | _ACTS_FOR and not low.endswith("ly")


def _own_subject(between: list[str]) -> bool:
    """The words between a name and a verb open a clause with a subject of its own ("when the company", "that
    it"), so the name is not the verb's doer.

    >>> _own_subject(tokens("when the company")), _own_subject(tokens("after 35 km")), _own_subject(tokens("that it"))
    (True, False, True)

    A pronoun just before the verb is its subject: in "... 500th game for the Rangers. He finished with a 211-287
    record", the Rangers did not finish (a thirteenth user pass).

    >>> _own_subject(tokens("He")), _own_subject(tokens("she quickly")), _own_subject(tokens("on Sunday"))
    (True, True, False)
    """
    low = [t.lower() for t in between]
    if low and (low[-1] in _PRONOUNS or (len(low) > 1 and low[-2] in _PRONOUNS and low[-1].endswith("ly"))):
        return True
    return any(t in _CLAUSE and any(u in _DETERMINERS or u in _PRONOUNS for u in low[k + 1 :]) for k, t in enumerate(low))


_PRONOUNS = frozenset("he she it they we i you".split())


_CLAUSE = frozenset("that when while as after before because since although though whereas if where".split())
_PARTICLES = frozenset("away ahead back out up down off on in over along through".split())


def _modifier(toks: list[str], i: int) -> bool:
    """An -ing word that describes the noun after it ("R1 reasoning model", "surging demand"), not a verb.

    >>> _modifier(tokens("DeepSeek's R1 reasoning model"), 2), _modifier(tokens("Bekele pulling away"), 1)
    (True, False)
    >>> _modifier(tokens("Bekele, pulling clear of Chebet"), 1), _modifier(tokens("the surging demand"), 1)
    (False, True)
    """
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    prev = toks[i - 1] if i else ""
    describes = prev.lower() in _DETERMINERS or any(ch.isdigit() for ch in prev)  # "the leading", "R1 reasoning"
    return describes and toks[i].lower().endswith("ing") and nxt.isalpha() and nxt.islower() and nxt not in _STOP and nxt not in _PARTICLES


def _passive_unstated(toks: list[str], j: int) -> bool:
    """The verb at ``j`` is a passive whose doer goes unsaid ("was recorded in Hopetoun"): the name before it is
    what it was done to, or only describes that ("the highest temperature since World War II"), never its doer.
    A passive "by X" says its doer, and "was pulling" is not passive.

    >>> _passive_unstated(tokens("The temperature was recorded in Hopetoun"), 3)
    True
    >>> _passive_unstated(tokens("It was outlined by Li"), 2), _passive_unstated(tokens("Li outlined it"), 1)
    (False, False)
    >>> _passive_unstated(tokens("Bekele was pulling away"), 2)
    False
    """
    u = toks[j].lower()
    by = j + 1 < len(toks) and toks[j + 1].lower() == "by"
    return u.endswith("ed") and j > 0 and toks[j - 1].lower() in _BE and not by


def agent(claim: str, quote: str) -> str:
    """The same action by someone else: "Ruth Chebet pulled away from Hiwot Bekele" against "Hiwot Bekele ...,
    pulling away from Ruth Chebet"; "Susan Li first outlined the range" against "first outlined by Mark
    Zuckerberg". Fires only on a swap: the quote's doer is someone the claim names, or the quote's receiver is the
    claim's doer.

    >>> agent("Kenya's Ruth Chebet pulled away from Ethiopia's Hiwot Bekele.",
    ...       "Ethiopia's Hiwot Bekele won in 2:21:58, pulling away from Kenya's Ruth Chebet.")
    'agent: the quote says Hiwot Bekele pulling, not Ruth Chebet'
    >>> agent("Susan Li first outlined the range.", "The range, first outlined by chief executive Mark Zuckerberg, was "
    ...       "repeated by chief financial officer Susan Li.")
    'agent: the quote says Mark Zuckerberg outlined, not Susan Li'
    >>> agent("Susan Li repeated the range.", "The range, outlined by Mark Zuckerberg, was repeated by Susan Li.")
    ''
    >>> agent("Susan Li outlined the plan.", "The plan was outlined by Mark Zuckerberg and Susan Li.")
    ''
    >>> agent("Hopetoun recorded its highest temperature in February 2009.", "Victoria's highest maximum temperature "
    ...       "since World War II, of 48.8 C, was recorded in Hopetoun on 7 February 2009.")
    ''
    """
    ct, qt = tokens(claim), tokens(quote)
    cn, qn = _doers(claim), _doers(quote)
    if not cn or not qn:
        return ""
    for i, t in enumerate(ct):
        if not _verbish(t) or _modifier(ct, i) or any(a <= i <= b for a, b, _ in cn) or (i and ct[i - 1].lower() in _BE):
            continue
        doer, _ = _agent(ct, cn, i)
        by = i + 1 < len(ct) and ct[i + 1].lower() == "by"
        if not doer:
            continue
        verb = stem(t.lower())
        for j, u in enumerate(qt):
            if not _verbish(u) or _modifier(qt, j) or stem(u.lower()) != verb:
                continue
            if _passive_unstated(qt, j):  # "... since World War II, of 48.8 C was recorded in Hopetoun": no doer said
                continue
            q_doer, q_object = _agent(qt, qn, j)
            if not q_doer or _same_name(doer, q_doer) or any(_same_name(doer, n) for n in q_doer.split()):
                continue
            q_by = j + 1 < len(qt) and qt[j + 1].lower() == "by"
            # "first outlined by chief executive Mark Zuckerberg": a passive's doer is stated, so the claim's must be
            # among its names ("by X and Y"), whoever else the quote names
            passive = q_by and not by and not any(_same_name(doer, n) for a, _, n in qn if 0 < a - j <= 8)
            if (by and q_by) or passive or (q_object and _same_name(q_object, doer)) or any(_same_name(q_doer, n) for _, _, n in cn):
                return f"agent: the quote says {q_doer} {u}, not {doer}"
    return ""


_PAIR = re.compile(r"(?<![\d.,/-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?!\d|[.,]\d|/|[-–]\d)")
_LOSS = re.compile(r"\b(?:lost|lose|loses|losing|loss|losses|fell|falls|fall|defeat(?:ed|s)?|beaten|trail\w*|down)\b", re.I)


def pair_order(claim: str, quote: str) -> str:
    """A score, record or vote the quote gives the other way round: "the team opened the season 5-2" against "after a
    2-5 start" (seventh pass). Not read where either speaks of a loss, whose scores are written either way round
    ("lost 2-5", "lost 5-2"); a quote that also gives the claim's order agrees.

    >>> pair_order("The Nets opened the season 5-2.", "Nash was fired after a 2-5 start.")
    'figure: the quote says 2-5, not 5-2'
    >>> pair_order("The Nets opened the season 2-5.", "Nash was fired after a 2-5 start.")
    ''
    >>> pair_order("The Bruins lost 2-5.", "The Bruins fell 5-2 to Florida.")
    ''
    >>> pair_order("The bill passed 52-48.", "The bill failed 48-52 in the Senate.")
    'figure: the quote says 48-52, not 52-48'
    """
    pairs = [(a, b) for a, b in _PAIR.findall(claim) if a != b]
    if not pairs or _LOSS.search(claim) or _LOSS.search(quote):
        return ""
    said = set(_PAIR.findall(quote))
    for a, b in pairs:
        if (b, a) in said and (a, b) not in said:
            return f"figure: the quote says {b}-{a}, not {a}-{b}"
    return ""


_WORLDWIDE = re.compile(r"\b(?:world-?wide|globally|global|around the (?:world|globe)|across the (?:world|globe)|internationally)\b", re.I)
_NATIONAL = re.compile(
    r"\b(?:in|across) the (?:United States|U\.S\.|US|country|UK|U\.K\.)(?!\w)|\bnationwide\b|\bdomestic(?:ally)?\b"
    r"|\b(?:in|across) (?:America|North America|Europe|Britain|England|Canada|China|Japan|Germany|France|India|Australia"
    r"|Mexico|Brazil)\b"
)
_CLAUSE_END = re.compile(r",(?!\d{3})|;|:|—|–|\(|\)|\b(?:while|whereas|but)\b")
_SAME_PLACE = {"united states": "us", "u.s.": "us", "america": "us", "uk": "britain", "u.k.": "britain"}


def _scope_of(said: str) -> str:
    """ "world", a place ("us", "canada", ...), or "" for one's own country ("nationwide", "in the country")."""
    if _WORLDWIDE.fullmatch(said):
        return "world"
    place = re.sub(r"^(?:in|across)\s+(?:the\s+)?", "", said.lower())
    return "" if place in ("nationwide", "domestic", "domestically", "country") else _SAME_PLACE.get(place, place)


def scope(claim: str, quote: str) -> str:
    """A figure given for the world that the quote gives for one country, or for another country, or the other way
    round: "Ford is recalling about 520,000 SUVs worldwide" against "... about 520,000 Ford Escape and Bronco Sport
    compacts in the United States" (seventh pass; the next sentence gave 634,000 worldwide). Where the quote gives
    more than one scope, the one nearest the claim's figure is the figure's.

    >>> scope("Ford is recalling about 520,000 SUVs worldwide.", "Ford is recalling about 520,000 compacts in the United States.")
    "scope: the quote says 'in the United States', not worldwide"
    >>> scope("Ford is recalling 520,000 SUVs in the US.", "Ford is recalling 520,000 SUVs worldwide.")
    "scope: the quote says 'worldwide', not in the US"
    >>> scope("It sold 10 million phones worldwide.", "It sold 10 million phones worldwide, 2 million in the US.")
    ''
    >>> scope("It sold 2 million phones worldwide.", "It sold 10 million phones worldwide, 2 million in the US.")
    "scope: the quote says 'in the US', not worldwide"
    >>> scope("Harrowgate will cut 12,400 jobs in Canada.", "Of the 12,400 jobs it plans to cut globally, 2,100 will be in Canada.")
    "scope: the quote says 'globally', not in Canada"
    """
    wanted = numbers_in(claim)
    claimed = [m for m in (*_WORLDWIDE.finditer(claim), *_NATIONAL.finditer(claim))]
    if not wanted or len({_scope_of(m.group(0)) for m in claimed}) != 1:
        return ""
    ours = _scope_of(claimed[0].group(0))
    marks = [(m.start(), m.end(), m.group(0)) for m in (*_WORLDWIDE.finditer(quote), *_NATIONAL.finditer(quote))]
    figures = [(a, b) for a, b, v in number_spans(quote) if v in wanted]
    if not marks:
        return ""
    if figures:  # each of the claim's figures in the quote takes the scope its own clause gives, after it if any
        ends = [0, *(m.end() for m in _CLAUSE_END.finditer(quote)), len(quote)]
        near = []
        for a, b in figures:
            lo, hi = max(e for e in ends if e <= a), min(e for e in ends if e >= b)
            after = [m for m in marks if b <= m[0] and m[1] <= hi]
            before = [m for m in marks if lo <= m[0] and m[1] <= a]
            if after or before:
                near.append(after[0][2] if after else before[-1][2])
    else:
        near = [m[2] for m in marks]
    theirs = {_scope_of(t) for t in near}
    if not theirs:
        return ""
    if ours in theirs or (ours != "world" and "" in theirs) or (ours == "" and theirs - {"world"}):
        return ""
    said = next(t for t in near if _scope_of(t) not in (ours, ""))
    return f"scope: the quote says '{said}', not " + ("worldwide" if ours == "world" else claimed[0].group(0).replace("across", "in"))


_AGAINST = re.compile(
    r"\b(?:against|vs\.?|versus|defeated|defeats|beat|beats|edged|routed|downed|thrashed|trounced|blanked)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*)"
)
# Words of a side's name that many sides share: "Penn State" is not named by "South Dakota State".
_SIDE_WORDS = frozenset("state city united fc university college county town club athletic st saint north south east west new".split())


def opponent(claim: str, quote: str) -> str:
    """Another side than the claim's, after "against" or "vs.": "Lionel Messi scored the first goal against Saudi
    Arabia" against a photo caption's "Messi celebrates scoring the opening goal against Mexico" (seventh pass; the
    headline named Saudi Arabia). Only where the quote never names the claim's side.

    >>> opponent("Messi scored the first goal against Saudi Arabia.", "Messi celebrates scoring the opening goal against Mexico on November 26.")
    'names: the quote says against Mexico, not Saudi Arabia'
    >>> opponent("Messi scored against Saudi Arabia.", "Messi scored against the Saudis and Mexico.")
    ''
    >>> opponent("Messi scored against Saudi Arabia.", "Messi scored a penalty against Saudi Arabia's keeper.")
    ''
    >>> opponent("Delaware defeated Penn State 56-17.", "Delaware defeated St. Francis 56-17, then lost at South Dakota State.")
    'names: the quote says against St. Francis, not Penn State'
    """
    ours = [m.group(1).rstrip(".") for m in _AGAINST.finditer(claim)]
    if not ours:
        return ""
    theirs = [m.group(1).rstrip(".") for m in _AGAINST.finditer(quote)]
    have = _words_named(quote)
    for side in ours:
        words = [re.sub(r"['’]s$", "", w.lower()).rstrip(".") for w in side.split()]
        own = [w for w in words if w not in _SIDE_WORDS] or words
        if any(w in have or _PLACE_FORMS.get(w, set()) & have for w in own):
            continue
        other = next((t for t in theirs if not {w.lower() for w in t.split()} & set(words)), "")
        if other:
            return f"names: the quote says against {other}, not {side}"
    return ""


CHECKS = (result, beaten_winner, beaten_side, lost_out, fell_short, category, opponent, pair_order, placing, ranking, ordinal, first_to, not_now, role, role_at, order, moved_to, agent, subject, other_subject, other_doer, speaker, figures, counted, part_counted, noun_counted, figure_verb, year_of_figure, period_of_figure, gap_figure, added_as_total, currency, figure_holder, figure_owner, outspends, comparison, endpoint, dates, direction, opposite, kept, won_lost, unrelated, negation, prefixed, qualifier, scope)  # the most specific reason first


def tallied_win(claim: str, quote: str) -> str:
    """The claim says someone won a year's edition of a contest; the quote only counts wins of that contest, in no
    year it gives: "The Boston Red Sox won the 2023 World Series" on "Terry Francona, who won two World Series with the
    Boston Red Sox" (a fourth user pass).

    >>> tallied_win("The Ostbrook Owls won the 2031 Tallis Cup.", "Ada Pell, who won two Tallis Cups with the Ostbrook Owls, retired.")
    "unstated: the quote counts wins ('won two Tallis Cups'), not the 2031 one"
    >>> tallied_win("The Ostbrook Owls won the 2031 Tallis Cup.", "The Owls won the Tallis Cup in 2031, their third: Pell won two Tallis Cups.")
    ''
    """
    m = re.search(r"\bw(?:on|ins)\s+the\s+((?:19|20)\d\d)\s+((?:[A-Z][\w'’-]*\s*){1,4})", claim)
    if not m or m.group(1) in quote or _negated(claim):
        return ""
    contest = m.group(2).split()
    counted = re.search(
        rf"\b(?:won|wins|winning)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+{re.escape(' '.join(contest[:-1]) + ' ' if len(contest) > 1 else '')}"
        rf"{re.escape(contest[-1][:-1] if contest[-1].endswith('s') else contest[-1])}s?\b",
        quote,
    )
    return f"unstated: the quote counts wins ('{counted.group(0)}'), not the {m.group(1)} one" if counted else ""


_PARTS = re.compile(r",\s+and\s+|;\s+|,\s+but\s+")


def unquoted_part(claim: str, quote: str, title: str = "", asked: str = "") -> str:
    """A part of the claim, joined to the rest by ", and", "; " or ", but", of whose own words (three or more, not the
    question's) the quote and its headline hold under a third: "The man has been described as armed with a knife and a
    gun, and has been reported to have escaped by crab-walking up a wall" on "... crab-walked up a wall, blasted
    through razor wire" (a third user pass: the articles tell of a stolen rifle). The words of the whole claim may
    be mostly quoted while one of its statements is not quoted at all.

    >>> unquoted_part("He was armed with a knife and a gun, and escaped by crab-walking up a wall.", "He crab-walked up a wall and crossed a roof.")
    "unstated: the quote does not say 'He was armed with a knife and a gun'"
    >>> unquoted_part("He escaped by crab-walking up a wall, and crossed a roof.", "He crab-walked up a wall and crossed a roof.")
    ''
    """
    parts = [p.strip(" .") for p in _PARTS.split(claim)]
    if len(parts) < 2:
        return ""
    def content(text: str) -> set[str]:
        return {stem(t.lower()) for t in tokens(text) if t.lower() not in _STOP and len(t) > 2 and not t[:1].isdigit()}
    have = content(f"{quote} {title}") | {stem(t.lower()) for t in tokens(f"{quote} {title}")}
    excused = content(asked)
    for part in parts:
        words_ = content(part) - excused
        if len(words_) >= 3 and len(words_ & have) * 3 < len(words_):
            return f"unstated: the quote does not say '{part[:80]}'"
    return ""


_RECORD = re.compile(r"\s*\(\d{1,3}-\d{1,3}(?:-\d{1,3})?\)")  # a team's record: "the Eagles (9-1)", no score
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.' ,-]{2,40}(?:\s*\([A-Za-z]+\))?\s+[—–-]{1,2}\s+")  # "ST. LOUIS — ", "MADRID (AP) — "


def _plain(text: str) -> str:
    """``text`` without what the relation rules must not read as its statement: a team's record in brackets (read as a
    score) and a dateline (read as a name: "ST. LOUIS — A player in California won") (a fourth user pass).

    >>> _plain("ST. LOUIS — The Ostbrook Owls (9-1) beat the Pelmouth Rovers (7-3), 21-17, on Monday.")
    'The Ostbrook Owls beat the Pelmouth Rovers, 21-17, on Monday.'
    """
    return _RECORD.sub("", _DATELINE.sub("", text))


def conflict(claim: str, quote: str) -> str:
    """The first relation on which ``quote`` disagrees with ``claim``, as a reason; "" when none does."""
    claim, quote = _plain(claim), _plain(quote)
    for check in CHECKS:
        reason = check(claim, quote)
        if reason:
            return reason
    return ""


# A country or region and the word for its people or things: a quote's "the Chinese spy balloon" names China.
_PLACES = """china chinese|japan japanese|russia russian russians|ukraine ukrainian ukrainians|britain british uk u.k
|england english|france french|germany german germans|italy italian italians|spain spanish|mexico mexican mexicans
|canada canadian canadians|india indian indians|israel israeli israelis|iran iranian iranians|iraq iraqi iraqis
|turkey turkish türkiye|brazil brazilian brazilians|australia australian australians|korea korean koreans
|taiwan taiwanese|vietnam vietnamese|pakistan pakistani pakistanis|afghanistan afghan afghans|syria syrian syrians
|egypt egyptian egyptians|ireland irish|scotland scottish scots|wales welsh|poland polish|sweden swedish
|norway norwegian norwegians|finland finnish|denmark danish|netherlands dutch|switzerland swiss|greece greek greeks
|philippines filipino filipinos|argentina argentine argentinian|europe european europeans|africa african africans
|asia asian asians|us u.s usa u.s.a america american americans|nigeria nigerian nigerians|kenya kenyan kenyans
|ethiopia ethiopian ethiopians|cuba cuban cubans|venezuela venezuelan venezuelans|colombia colombian colombians
|peru peruvian peruvians|portugal portuguese|belgium belgian belgians|austria austrian austrians
|hungary hungarian hungarians|thailand thai|indonesia indonesian indonesians|haiti haitian haitians
|palestine palestinian palestinians|lebanon lebanese|qatar qatari|yemen yemeni|sudan sudanese|saudi saudis
|california californian californians|texas texan texans|florida floridian floridians"""
_PLACE_FORMS = {form: set(group.split()) - {form} for group in _PLACES.replace("\n", "").split("|") for form in group.split()}
# Other names for a party: "the GOP primary" is the Republican one (for names only, not places)
_NAME_FORMS = {"gop": {"republican", "republicans"}, "republican": {"gop"}, "republicans": {"gop"}}


def _other_forms(word: str) -> set[str]:
    """Other words that name what ``word`` names: a place's people ("chinese": china), a party's other name ("gop")."""
    return _PLACE_FORMS.get(word, set()) | _NAME_FORMS.get(word, set())


def demonym_stem(word: str) -> str:
    """The place a people's word is made from, for places no table lists: "Keldorian" -> "keldoria", "Lunessan" ->
    "lunessa", "Quenlandic" -> "quenland"; other words as they are (lower case).

    >>> [demonym_stem(w) for w in ("Keldorian", "Lunessan", "Quenlandic", "Sudanese", "Turkish", "Paris", "Chilean")]
    ['keldoria', 'lunessa', 'quenland', 'sudan', 'turk', 'paris', 'chile']
    """
    w = word.lower()
    if len(w) < 6:
        return w
    for end, cut in (("ian", 1), ("ean", 2), ("an", 1), ("ic", 2), ("ese", 3), ("ish", 3)):  # "Chilean" -> "chile"
        if w.endswith(end):
            return w[: len(w) - cut]
    return w


def _words_named(text: str) -> set[str]:
    """The words of ``text``, lower-cased, that can say a name: all but the pronoun "us" ("US", from "U.S.", stays).

    >>> sorted(_words_named("The U.S. told us."))
    ['the', 'told', 'us']
    >>> sorted(_words_named("They told us."))
    ['they', 'told']
    """
    return {t.lower() for t in tokens(text) if t != "us"}


_JOINS = frozenset("of and for & on".split())


def _runs(text: str) -> list[tuple[int, int, str]]:
    """Runs of two or more capitalised words, joining words allowed inside: (first token, last token, the
    initials of the capitalised words, lower-cased). A sentence's first "The" is not part of a run."""
    toks = [t for t, _ in _tokens(text)]
    out, run = [], []
    for k, t in enumerate([*toks, ""]):
        if t[:1].isupper() and t.isalpha() and (run or t.lower() not in _STOP):
            run.append(k)
            continue
        if t.lower() in _JOINS and run and k + 1 < len(toks) and toks[k + 1][:1].isupper():
            continue  # "Bank of England": the joining word is not an initial
        if len(run) >= 2:
            out.append((run[0], run[-1], "".join(toks[i][0] for i in run).lower()))
        run = []
    return out


def acronyms(text: str) -> set[str]:
    """What an acronym of each run of capitalised words would be ("European Union" -> "eu", "Food and Drug
    Administration" -> "fda"), so a quote that spells a name out names its acronym too.

    >>> sorted(acronyms("The European Union and the Food and Drug Administration met in Paris."))
    ['eu', 'fda']
    >>> sorted(acronyms("It lives in the United States. Netflix said so."))  # a run ends with its sentence
    ['us']
    """
    return {a for part in re.split(r"(?<=[.!?:;])\s+|\n+", text) for _, _, a in _runs(part)}


# Verbs that make a sentence's capitalised first word its subject's name ("Oracle plans", "IBM expects"), and
# common words that start sentences as they do ("Shares rose", "Officials said").
_SUBJECT_VERBS = frozenset(
    "plans plan planned expects expect expected said says will would has have had is was are were aims aimed announced "
    "announces reported reports posted invested invests invest spent spends spend won wins beat acquired acquires bought "
    "buys sold sells launched launches agreed agrees raised raises cut cuts forecast forecasts guided confirmed "
    "unveiled unveils signed signs hired fired opened closed filed sued approved rejected".split()
)
_COMMON_SUBJECTS = frozenset(
    "shares stocks stock prices price revenue revenues sales profit profits officials police analysts investors "
    "authorities researchers scientists doctors experts voters workers residents it they he she we this that there "
    "the a an its his her their our some many most all both each several other others one two three".split()
)


_REPORTING = frozenset("said says reported reports told wrote writes added according".split())


def names_other(text: str, name: str) -> bool:
    """Whether ``text`` names someone or something besides ``name`` as its subject (before its first figure, not
    after a preposition, not as the source that "reported"; a sentence's capitalised first word alone is not a
    name): a quote that does may be about them.

    >>> names_other("The chipmaker expects revenue of $43 billion.", "Nvidia"), names_other("Shares fell.", "Nvidia")
    (False, False)
    >>> names_other("The venture adds to plans from the largest companies, including Microsoft's target.", "Oracle")
    True
    >>> names_other("The iPhone maker plans to spend $500 billion in the US, the Financial Times reported.", "Apple")
    False
    >>> names_other("The company plans to spend about $40 billion on Nvidia's GB200 chips.", "Oracle")
    False
    """
    toks, found, _, _ = _named(text, set())

    def after_preposition(a: int) -> bool:  # where or whose: "in the US", "on Nvidia's chips"
        while a and toks[a - 1].lower() in ("the", "a", "an"):
            a -= 1
        return bool(a) and toks[a - 1].lower() in _PLACE_BEFORE

    figure = next((j for j, t in enumerate(toks) if t[:1].isdigit() and not _YEAR_TOKEN.fullmatch(t)), len(toks))
    return any(
        not _same_name(n, name)
        and b < figure  # the quote's own subject comes before its figures: "The company plans to spend $40bn on Nvidia's"
        and not after_preposition(a)
        and not (b + 1 < len(toks) and toks[b + 1].lower() in _REPORTING)  # the source: "the Financial Times reported"
        for a, b, n in found
    )


def lead_name(claim: str) -> str:
    """The claim's first word when it is its subject's name: capitalised (or an acronym), not a common word, and
    followed by a verb of :data:`_SUBJECT_VERBS` ("Oracle plans", "IBM expects"); else "".

    >>> lead_name("Oracle plans to spend $40 billion."), lead_name("Regional authorities allowed burning."), lead_name("Shares rose.")
    ('Oracle', '', '')
    """
    toks = tokens(claim)
    if len(toks) < 2 or not toks[0][:1].isupper() or toks[0].lower() in _COMMON_SUBJECTS:
        return ""
    return toks[0] if toks[1].lower() in _SUBJECT_VERBS else ""


def about_same(claim: str, evidence: str, besides: str = "") -> bool:
    """Whether ``evidence`` names someone or something the claim is about, or the claim names nothing: a quote
    about another company's shares says nothing against "Meta's shares rose". A person may be named by one of
    their names ("Smith" for "Brad Smith"); the claim's first word counts as a name only as a possessive ("Meta's")
    or with more capitalised words, since any sentence starts with a capital ("Regional authorities ...").
    Names that occur in ``besides`` (the reason of a role or placing given to someone else) are not counted.

    >>> about_same("Meta's shares rose after its results.", "Alphabet: Shares fell sharply after the results.")
    False
    >>> about_same("Brad Smith urged new rules.", "Smith urged the administration to avoid rules.")
    True
    >>> about_same("Regional authorities allowed burning.", "banned open fires"), about_same("Shares rose.", "Shares fell.")
    (True, True)
    >>> about_same("Brad Smith is Microsoft's chief executive.", "Chief executive Eddie Wu said", besides="not Brad Smith")
    False
    >>> about_same("Oracle plans to spend $40 billion.", "Microsoft plans to spend $80 billion.")
    False
    """
    mine = [n for _, _, n in _named(claim, set())[1] if n not in besides]
    if lead := lead_name(claim):  # "Oracle plans to spend $40 billion": a quote about Microsoft is not about it
        mine.append(lead)
    have = _words_named(evidence)
    have |= {form for t in have for form in _PLACE_FORMS.get(t, ())} | acronyms(evidence)
    return not mine or any(any(w.lower() in have for w in n.split()) for n in mine) or bool(acronyms(claim) & have)


def missing_names(claim: str, evidence: str, named: str = "") -> list[str]:
    """Names in the claim (past its first word, unless ``named``, the question, names it too) that ``evidence``
    never mentions. A name taken from the question may differ from the evidence's by a one-letter slip (the
    question's "Zeria" for the passage's "Zeira"); the answer's own names may not ("Jason" is not "Mason").

    >>> missing_names("Sundar Pichai is Alphabet's finance chief.", "Anat Ashkenazi, Alphabet's finance chief, said")
    ['Sundar Pichai']
    >>> missing_names("Apple plans to spend $80 billion.", "Microsoft aims to spend $80 billion.", named="How much is Apple investing?")
    ['Apple']
    >>> missing_names("The Zeria deal closed.", "The Zeira deal closed.", named="When did the Zeria deal close?")
    []
    >>> missing_names("The Zeria deal closed.", "The Zeira deal closed.")
    ['Zeria']
    >>> missing_names("The balloon belonged to China.", "The Chinese spy balloon was shot down.", named="Which country?")
    []
    >>> missing_names("Twitter lifted the ban.", "Meta lifted the ban.", named="Twitter lifted the ban. True or false?")
    ['Twitter']
    >>> missing_names("Which major U. S. city is Los Angeles.", "Los Angeles schools closed.", named="Which major U.S. city?")
    []
    >>> missing_names("None of the treaties of the EU protected rights.", "None of the European Union's treaties did.")
    []
    >>> missing_names("The Federal Bureau of Investigation opened a case.", "The FBI opened a case.")
    []
    >>> missing_names("The FBI opened a case.", "The Federal Reserve Board opened a case.")
    ['FBI']
    >>> missing_names("Möngke Khan was born in 1206.", "Genghis Khan became Great Khan in 1206.")
    ['Möngke Khan']
    >>> missing_names("Volodymyr Zelenskyy met Biden in Kiev.", "Zelensky met Biden in Kyiv."), missing_names("He met Zelenska.", "He met Zelensky.")
    ([], ['Zelenska'])
    >>> missing_names("Bout was returned after the exchange at Doha Airport.", "They walked past each other on the airport tarmac in Abu Dhabi, Bout")
    ['Doha Airport']
    >>> missing_names("Wells Fargo CEO Charlie Scharf emphasized the settlement.", "In a statement, Wells Fargo emphasized the settlement.")
    ['Charlie Scharf']
    >>> missing_names("Haley is the first to challenge Trump in the GOP primary.", "Haley is the first Republican to challenge Trump.")
    []
    >>> missing_names("The Keldoria-Quenland quake killed 40.", "The quake killed 31 in Keldoria and 9 in Quenland."), missing_names("The Keldoria-Lunessa quake.", "Keldoria's quake.")
    ([], ['Keldoria-Lunessa'])
    >>> missing_names("It was sold in Pelmouth, Quenland.", "It was sold in Ostbrook, Keldoria, a city east of Pelmouth.")
    ['Quenland']
    >>> missing_names("It was sold in Pelmouth, Quenland.", "It was sold at a shop in Pelmouth, the Quenland capital.")
    []
    """
    have = _words_named(evidence)
    have |= {form for t in have for form in _other_forms(t)}  # "Chinese" names China
    have |= acronyms(evidence)  # "European Union" names the EU
    asked = {n.lower() for first, _, n in names(named) if first > 0}  # the question's own first word is capitalised too
    stated = claim.strip().rstrip(".!?") in named  # "X. True or false?" answered "True": X's first word is a name too
    slips = {w for n in asked for w in n.split() if len(w) >= 5}  # the question's spelling may be a slip
    possessive = [p for _, p in _tokens(claim)] or [False]
    spelled = [(a, b) for a, b, acr in _runs(claim) if acr in have]  # "Federal Bureau of Investigation", the FBI
    have |= {spelling(t) for t in have}  # "Zelenskyy" names Zelensky
    # a name of several words is named by one of its words only where the evidence writes it as a name: "the airport
    # tarmac in Abu Dhabi" does not name "Doha Airport"
    capital = {spelling(t.lower()) for t in tokens(evidence) if t[:1].isupper()}
    capital |= {form for t in capital for form in _other_forms(t)} | acronyms(evidence)
    capital |= {demonym_stem(t) for t in capital}  # "Keldorian" in the evidence names Keldoria
    have |= {demonym_stem(t) for t in have}

    def absent(name: str, first: int, last: int) -> bool:
        """Whether the evidence never mentions ``name`` (of the claim's run at tokens ``first``-``last``)."""
        if first == 0 and not (last > 0 or re.search(r".[A-Z0-9]", name) or possessive[0] or name.lower() in asked or stated):
            return False  # a sentence's first word is capitalised anyway; one of two words, with inner capitals
            # ("DeepSeek"), with "'s", or a name the question uses is a name
        parts = [p for p in name.lower().split() if p not in {"the"}]
        if not parts or all(len(p.strip(".")) <= 1 for p in parts):
            return False  # initials alone ("U. S." as a model may write "U.S.") name nothing to look for
        if re.search(r"\b[A-Z]{2,}s$", name):
            return False  # a group ("Conservative MPs", "Tory MPs") is no one to look for (an eleventh pass)
        if any(a <= first and last <= b for a, b in spelled):
            return False
        known = capital if len(parts) > 1 else have

        def joined(p: str) -> bool:  # "the Turkey-Syria earthquake" names Turkey and Syria, each mentioned
            return "-" in p and all(spelling(x) in have or demonym_stem(x) in have for x in p.split("-"))

        if not any(spelling(p) in known or demonym_stem(p) in known or joined(p) or (p in slips and any(_one_slip(p, h) for h in have)) for p in parts):
            return True
        return _namesake(parts, have, evidence, claim)

    out = []
    for first, last, whole in names(claim):
        # "Wells Fargo CEO Charlie Scharf" is two names, each to be found: the company and its chief
        words_of = whole.split()
        cut = [k for k, w in enumerate(words_of) if 0 < k < len(words_of) - 1 and w.lower() in _TITLES]
        pieces = [" ".join(words_of[: cut[0]]), " ".join(words_of[cut[-1] + 1 :])] if cut else [whole]
        # "Jacksonville, Georgia" is a place and its region, each to be found: not "Neptune Beach, Florida, a city east
        # of Jacksonville" (a third user pass)
        commas = [k for k in range(1, len(words_of)) if re.search(rf"\b{re.escape(words_of[k - 1])},\s+{re.escape(words_of[k])}\b", claim)]
        if commas and not cut:
            bounds = [0, *commas, len(words_of)]
            pieces = [" ".join(words_of[a:b]) for a, b in zip(bounds, bounds[1:])]
        out += [name for name in pieces if absent(name, first, last) or _another_place(name, evidence)]
    return out


_PLACE_KINDS = frozenset(
    "airport hospital station arena palace park stadium square bridge tower hall centre center museum university "
    "college prison court harbour harbor port works plant mall cathedral church".split()
)


def _another_place(name: str, evidence: str) -> bool:
    """A named building or site ("Carran Bay Airport") where the evidence speaks of such a place by another name
    ("diverted to the airport in Pelmouth", "a flight from Carran Bay"): its words apart are not its name. Where the
    evidence has no such place at all ("landed at Heathrow"), the name's first words suffice.

    >>> _another_place("Carran Bay Airport", "A flight from Carran Bay was diverted to the airport in Pelmouth.")
    True
    >>> _another_place("Carran Bay Airport", "It landed at Carran Bay's airport."), _another_place("Heathrow Airport", "It landed at Heathrow.")
    (False, False)
    >>> _another_place("Aldercombe General Hospital", "Sixty people needed treatment at Aldercombe General, the hospital said.")
    False
    """
    words_of = name.split()
    kind = words_of[-1].lower()
    if len(words_of) < 2 or kind not in _PLACE_KINDS or not re.search(rf"\b{kind}s?\b", evidence, re.I):
        return False
    mine = " ".join(words_of[:-1])
    own = re.escape(mine)
    if re.search(rf"\b{own}(?:['’]s)?\s+{kind}\b|\b{kind}\s+(?:of|in|at)\s+{own}\b", evidence, re.I):
        return False
    # the evidence's place of that kind is named otherwise: "the airport in Pelmouth", "Pelmouth's airport"
    named = [m.group(1) for m in re.finditer(rf"\b{kind}s?\s+(?:of|in|at|near)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", evidence, re.I)]
    named += [m.group(1) for m in re.finditer(rf"\b([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*?)(?:['’]s)?\s+{kind}\b", evidence)]
    return any(n.lower() != mine.lower() and n.lower() not in _STOP and n.split()[0].lower() not in _STOP for n in named)


def _namesake(parts: list[str], have: set[str], evidence: str, claim: str) -> bool:
    """The evidence names only someone else of the same family name: "Möngke Khan" where it has "Genghis Khan",
    "Hunter Biden" where it has only "Joe Biden". Every time the family name appears, the word right before it
    (a space apart) must be a capitalised word that is not the claim's given name, not a title, a country's word
    or a party, and not a word the claim has elsewhere. "Fed Chair Powell", "Ukrainian President Zelensky" or a
    bare "Biden" before any other Biden is named may be the claim's person; a bare one after "Joe Biden" is his.

    >>> _namesake(["hunter", "biden"], {"joe", "biden", "said"}, "Joe Biden said.", "Hunter Biden said.")
    True
    >>> _namesake(["hunter", "biden"], {"joe", "biden"}, "Joe Biden signed. Biden said.", "Hunter Biden said.")
    True
    >>> _namesake(["hunter", "biden"], {"joe", "biden"}, "Biden said. Joe Biden signed.", "Hunter Biden said.")
    False
    >>> _namesake(["jerome", "powell"], {"fed", "chair", "powell"}, "Fed Chair Powell said.", "Jerome Powell said.")
    False
    >>> _namesake(["rock", "johnson"], {"dwayne", "johnson"}, "Dwayne Johnson said.", 'Dwayne "The Rock" Johnson said.')
    False
    """
    own = [p for p in parts if p not in _TITLES]
    if len(own) < 2 or own[-2] in have:
        return False
    mine = {t.lower() for t in tokens(claim)}
    # the word before each mention, in order ("" after punctuation or at the start)
    before = [(w.group(1) if (w := re.search(r"(\S*)[ \t]+$", evidence[: m.start()])) else "") for m in re.finditer(rf"\b{re.escape(own[-1])}\b", evidence, re.I)]
    if not before:
        return False
    others = False
    for word in before:
        w = word.lower().strip("\"'“”‘’()")
        if w in _TITLES or w in _PLACE_FORMS or w in _PARTIES or w in mine:
            return False  # after a title, a nationality or a party, or the claim's own given name: the claim's person
        if word[:1].isupper() and word[-1].isalnum() and w not in _STOP:
            others = True  # "Richard Petty": another's given name
        elif not others:
            return False  # the family name alone before anyone else's is named: the claim's person
    return True  # alone after another's full name, it is theirs: "Richard Petty, who won ..., and Johnson, who tied Petty"


_PARTIES = frozenset(
    "democrat democratic republican gop labour tory conservative liberal green senator sen rep spaniard briton "
    "frenchman frenchwoman dane swede scot finn pole brit".split()
)


_RESPELT = {"kiev": "kyiv", "kharkov": "kharkiv"}  # a place's older spelling


def spelling(word: str) -> str:
    """One spelling for the ways a Ukrainian or Russian name's ending is transliterated: "Zelenskyy", "Zelenskiy"
    and "Zelensky" are all "zelensky" (not "Zelenska", his wife), and "Kiev" is "kyiv". The Polish "-ski" and the
    "-off" of names settled abroad are names of their own: on realtimeqa's articles "Kaminski" and "Kaminsky",
    "Antonoff" and "Antonov", "Smirnoff" and "Smirnov" are other people. Words of under six letters are left as
    they are.

    >>> [spelling(w) for w in ("Zelenskyy", "Zelenskiy", "Zelensky", "Zelenska", "Kaminski", "Antonoff", "Kiev", "Musk")]
    ['zelensky', 'zelensky', 'zelensky', 'zelenska', 'kaminski', 'antonoff', 'kyiv', 'musk']
    """
    w = word.lower()
    if len(w) < 6:
        return _RESPELT.get(w, w)
    return re.sub(r"(?<=sk)(?:iy|yy|ii|y)$", "y", w)


def _unaccented(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def as_spelled(claim: str, text: str) -> str:
    """``claim`` with each word that ``text`` writes with other accents written as ``text`` writes it: an answer's
    "Beyonce" is the article's "Beyoncé", and the checks compare names letter by letter.

    >>> as_spelled("Beyonce won album of the year.", "Harry Styles won album of the year, and Beyoncé set a record.")
    'Beyoncé won album of the year.'
    >>> as_spelled("Tomás Reyes won.", "Tomas Reyes won the race.")
    'Tomas Reyes won.'
    """
    if claim.isascii() and text.isascii():
        return claim
    written = {w for w in re.findall(r"\w+", text)}
    theirs = {_unaccented(w): w for w in written if not w.isascii()} | {_unaccented(w): w for w in written if w.isascii()}

    def respell(m: re.Match) -> str:
        w = m.group(0)
        t = theirs.get(_unaccented(w))
        return t if t and w not in written and t[:1].isupper() == w[:1].isupper() else w

    return re.sub(r"\w+", respell, claim)


def _one_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter changed, added, dropped, or two neighbours swapped.

    >>> _one_slip("zeria", "zeira"), _one_slip("kiprono", "kiprona"), _one_slip("apple", "maple")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def swapped_name(claim: str, quote: str, share: float = 0.7, title: str = "") -> str:
    """The claim's statement with another person in it: the quote holds most of the claim's other words
    (``share``) and names someone the claim does not, where the claim names someone the quote does not.

    >>> swapped_name("Priya Natarajan, a portfolio manager at Greyfield Capital, said chip makers would gain.",
    ...              "Marcus Feld, a portfolio manager at Greyfield Capital, said chip makers would gain first.")
    'names: the quote gives Marcus Feld, not Priya Natarajan'
    """
    # A name the headline gives is what the quote is about, not the one it swapped ("Storm Halvard" above "142 km/h:
    # peak gust, Carrick Head" against "... was recorded at Glenmoor").
    gone = missing_names(claim, quote)
    gone = [n for n in gone if n in missing_names(claim, f"{quote} {title}")] or gone
    gone = [n for n in gone if not n.replace(".", "").isupper()]  # an acronym ("SNAP") the article spells out elsewhere is no one
    gone = [n for n in gone if not re.search(r"\b[A-Z]{2,}s\b", n)]  # nor a group ("Conservative MPs"; an eleventh pass)
    theirs = [n for _, _, n in _people(quote, 2) if not any(_same_name(n, m) for _, _, m in names(claim))]
    if not gone or not theirs:
        return ""
    name_words = {w.lower() for n in gone for w in n.split()}
    rest = {_norm(t) for t in tokens(claim) if t.lower() not in _STOP and t.lower() not in name_words}
    have = {_norm(t) for t in tokens(quote)}
    if not rest or len(rest & have) / len(rest) < share:
        return ""
    return f"names: the quote gives {theirs[0]}, not {gone[0]}"


# A claim that widens what the quote covers (the fifth blind set, `scope`): "All 14 member states backed the deal"
# on "Twelve of the 14 member states backed the deal", "Outdoor burning is banned throughout the valley" on "applies
# to forested parts of the valley". Words that say "all of it", in a claim and in a quote alike.
_UNIVERSAL = re.compile(
    r"(?<![\w-])(?<!\bat )(?<!\bafter )(?<!\babove )(?<!\bfor )(?:all|every|everyone|everybody|everything|everywhere|each|entire|entirely|"
    r"whole|throughout|unanimous|unanimously|nationwide|countrywide|alike|both|across)(?![\w-])(?!\s+(?:but|other|along|of\s+a\s+sudden)\b)",
    re.I,
)
_WHOLE = re.compile(r"\w(?:-w|w)ide\b|\b(?:full|complete|total|overall|altogether|in\s+all)\b", re.I)  # "Europe-wide", "full-year"
_PARTITIVE = re.compile(r"\b(?:of|out\s+of)(?:\s+(?:the|its|their))?\s*$", re.I)


def universal(claim: str, quote: str) -> str:
    """A claim that says "all", "every", "throughout", "unanimously", ... where the quote has no word of that kind:
    the claim widens a part to the whole.

    "All 14" is stated by a quote that counts the same 14 as a whole ("the 14 member states backed it"), not by one
    that counts a part of them ("Twelve of the 14").

    >>> universal("All 14 member states backed the deal.", "Twelve of the 14 member states backed the deal on Tuesday.")
    "unstated: the claim says 'All', the quote does not"
    >>> universal("All 14 member states backed the deal.", "The 14 member states backed the deal on Tuesday.")
    ''
    >>> universal("Burning is banned throughout the valley.", "The ban applies across the whole of the valley.")
    ''
    >>> universal("Every board member voted for it.", "The board voted unanimously to approve it.")
    ''
    >>> universal("Wind supplied 19% of power across Europe.", "Europe-wide, wind supplied 19% of power.")
    ''
    >>> universal("Keller is the club's all-time top scorer.", "Keller scored 212 goals, the most in the club's history.")
    ''
    """
    said = _UNIVERSAL.search(claim)
    if not said or _UNIVERSAL.search(quote) or _WHOLE.search(quote):
        return ""
    count = re.match(r"\s+(\S+)", claim[said.end() :])
    if count and (wanted := numbers_in(count.group(1))):
        counted = [a for a, b, v in number_spans(quote) if v in wanted]
        counted += [m.start() for m in re.finditer(rf"\b{re.escape(count.group(1))}\b", quote, re.I)]  # "nine"
        if counted and not any(_PARTITIVE.search(quote[:a]) for a in counted):
            return ""
    return f"unstated: the claim says '{said.group()}', the quote does not"


# A cause in a claim, and where it stands: after the connective ("fell because of X") or before it ("X caused").
_CAUSE_AFTER = re.compile(
    r"\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to|(?:caused|driven|prompted|triggered)\s+by|"
    r"blamed\s+on|after|following)\b",
    re.I,
)
_CAUSE_BEFORE = re.compile(r"\b(?:caused|causes|cause|led\s+to|leads\s+to|triggered|sparked|prompted|drove|was\s+behind|was\s+to\s+blame)\b", re.I)
_CONCESSIVE = re.compile(r"\b(?:despite|in\s+spite\s+of|even\s+as|even\s+though|although|though|regardless\s+of|notwithstanding)\b", re.I)
_TENTATIVE = re.compile(
    r"\b(?:whether|(?-i:may)|might|could|possible|possibly|potential|suspected|suspects?|investigat\w*|examin\w*|looking\s+into|"
    r"establish|determine|unclear|too\s+early|reports?\s+that|reportedly|alleged\w*|probe|probing|testing|speculat\w*)\b",
    re.I,
)


def _cause_words(claim: str) -> set[str]:
    """The content words of the cause a claim gives ("because of X", "X caused"); empty when it gives none."""
    if _negated(claim) or _CONCESSIVE.search(claim) or _TENTATIVE.search(claim):
        return set()
    clause = lambda text: re.split(r"[,;:]|\b(?:that|said|says)\b", text)  # noqa: E731
    if m := _CAUSE_AFTER.search(claim):
        part = clause(claim[m.end() :])[0]
    elif m := _CAUSE_BEFORE.search(claim):
        part = clause(claim[: m.start()])[-1]
    else:
        return set()
    return {w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", part) if len(w) > 3 and w.lower() not in _STOP}


def _before_cause(words: set[str], quote: str) -> str | None:
    """What the quote's clause says (up to 8 words) before the first word of the claim's cause; None if it has none."""
    stems_of = {stem(w) for w in words}
    for m in re.finditer(r"[A-Za-z][\w'-]+", quote):
        if stem(m.group().lower()) in stems_of:
            return " ".join(re.split(r"[;:!?]|\.\s|,\s", quote[: m.start()])[-1].split()[-8:])
    return None


def unstated_cause(claim: str, quote: str) -> str:
    """A cause the quote gives as a concession, or only as possible, suspected or under investigation (the fifth blind
    set, `cause`): "Haldor's loss was caused by a fall in energy prices" on "Haldor posted a loss despite a fall in
    energy prices"; "A software fault caused the cancellations" on "it was investigating whether a software fault
    was to blame".

    >>> unstated_cause("The bank held rates because inflation slowed.", "The bank held rates despite a sharp slowdown in inflation.")
    "unstated: the quote says 'despite', not that it was the cause"
    >>> unstated_cause("Profit rose because demand recovered.", "Profit climbed 14%, driven by cost cuts, even though demand remained weak.")
    "unstated: the quote says 'even though', not that it was the cause"
    >>> unstated_cause("Shares fell after regulators rejected the drug.", "Shares slumped 22% after regulators rejected its drug.")
    ''
    >>> unstated_cause("A new pesticide caused the drop in bee numbers.", "The drop in bee numbers may be linked to a new pesticide.")
    "unstated: the quote says 'may', not that it was the cause"
    >>> unstated_cause("The heatwave caused a rise in admissions.", "Admissions rose 15%, but it was too early to say whether the heatwave was responsible.")
    "unstated: the quote says 'whether', not that it was the cause"
    >>> unstated_cause("A software fault caused the cancellations.", "It cancelled 80 flights because of a software fault.")
    ''
    >>> unstated_cause("Sales fell because of weak demand.", "Sales fell in May after weak demand, it said.")
    ''
    """
    if not (cause := _cause_words(claim)) or (before := _before_cause(cause, quote)) is None:
        return ""
    conceded = list(_CONCESSIVE.finditer(before))
    if conceded and not _CAUSE_AFTER.search(before[conceded[-1].end() :]):
        return f"unstated: the quote says '{conceded[-1].group().lower()}', not that it was the cause"
    if marks := list(_TENTATIVE.finditer(before)):
        return f"unstated: the quote says '{marks[-1].group().lower()}', not that it was the cause"
    return ""


# A superlative the claim makes absolute that the quote bounds (the fifth blind set, `comparative`): "a record number
# of containers" on "its highest total since 2010", "the highest inflation in the bloc" on "among the highest, behind
# only Sarnova and Vellmark", "Keller is the all-time top scorer" on "second on the all-time list".
_ABSOLUTE = re.compile(
    r"\b(?:records?|ever|all-time|of\s+all\s+time|on\s+record|in\s+(?:its|their|his|her|the\s+\w+(?:'s|’s)?)\s+history)\b|\w-ever\b", re.I
)
_SUPERLATIVE = re.compile(
    r"\b(?:most|least|fewest|top|biggest|largest|highest|lowest|smallest|youngest|oldest|driest|wettest|hottest|coldest|"
    r"warmest|fastest|slowest|longest|shortest|best|worst|deadliest|busiest|strongest|weakest|cheapest|richest|poorest)\b",
    re.I,
)
_SINCE = re.compile(r"\bsince\s+(?!records?\b)(?:\d{4}|before|the\s+\w+|last|early|late|[A-Z][a-z]+\s+\d{4})", re.I)
_RANK_BOUND = re.compile(
    r"\b(?:second|third|fourth|fifth)(?:[- ](?:\w+est|most|least|on|only|behind)\b)|\bamong\s+the\s+(?:\w+est|most|least|top)\b|"
    r"\bone\s+of\s+the\s+(?:\w+est|most|least|top)\b|\bexcept\b|\bbehind\s+only\b|\brunner-up\b",
    re.I,
)
_BOUNDED_CLAIM = re.compile(
    r"\bsince\b|\bin\s+(?:\d+|a|two|three|four|five|ten|\w+teen|\w+ty)\s+(?:years|decades?|months|weeks)\b|\bin\s+decades\b|"
    r"\bthis\s+(?:year|season|month|century)\b|\bsecond|\bthird|\bamong\b|\bone\s+of\b|\bexcept\b",
    re.I,
)


def bounded_superlative(claim: str, quote: str) -> str:
    """A claim's record, "ever" or superlative that the quote bounds: by a year ("the highest since 2010") or by a
    rank ("second-lowest", "among the highest", "fewer than any other except Sarnel").

    >>> bounded_superlative("Haverly Port handled a record number of containers.", "It handled 1.24 million, its highest total since 2010.")
    "unstated: the quote says 'since 2010', not a record"
    >>> bounded_superlative("Marenta has the highest inflation in the bloc.", "Its inflation is among the highest in the bloc, behind only Sarnova.")
    "unstated: the quote says 'among the highest', not the claim's superlative"
    >>> bounded_superlative("Inflation hit its highest level in 40 years.", "Inflation hit 9.1%, the highest since 1981.")
    ''
    >>> bounded_superlative("Kellport had its driest July on record.", "It was the driest July since records began in 1881.")
    ''
    """
    if _BOUNDED_CLAIM.search(claim):
        return ""
    if _ABSOLUTE.search(claim) and not _ABSOLUTE.search(quote) and (since := _SINCE.search(quote)):
        return f"unstated: the quote says '{since.group()}', not a record"
    if (_SUPERLATIVE.search(claim) or _ABSOLUTE.search(claim)) and (ranked := _RANK_BOUND.search(quote)):
        return f"unstated: the quote says '{ranked.group()}', not the claim's superlative"
    return ""


# A record the claim tells that neither the quote nor its headline tells in any words (a user's pass over corpus/,
# session 55): "Alibaba reported record revenue last quarter" verified on "... after the company reported an 8% increase
# in revenue for the last quarter of 2023", five of its six words there. A record in another sense is no claim of one.
_NOT_A_RECORD = re.compile(
    r"\b(?:criminal|track|voting|police|court|public|medical|service|school|financial|safety|dental|written|official|"
    r"historical|fossil|permanent|congressional|academic|driving|arrest|phone|bank)\s+records?\b|"
    r"\b(?:on|off|for)\s+the\s+record\b|\brecords?\s+(?:label|labels|store|stores|shop|company|player|producer|"
    r"show|showed|shows|indicate|indicated|request|requests|keeping)\b|\bever\s+since\b",
    re.I,
)
# What tells a record besides _ABSOLUTE's words and a superlative
_MARK = re.compile(r"\b(?:history|historic|unprecedented|never|milestone|previous\s+(?:high|mark|best|peak))\b", re.I)


def unstated_record(claim: str, quote: str, title: str = "") -> str:
    """A claim's record ("record revenue", "its biggest ever", "an all-time high", "the most in its history") where
    the quote and its headline tell no record, superlative or previous mark at all ("a three-year high" and "surpassing
    analysts' expectations" are no record).
    (A record the quote bounds is :func:`bounded_superlative`'s.)

    >>> unstated_record("Korvane reported record revenue.", "Shares hit a three-year high after Korvane reported an 8% rise in revenue, surpassing expectations.")
    "unstated: the claim says 'record', the quote tells no record"
    >>> unstated_record("Korvane reported record revenue last quarter.", "Revenue rose 8% last quarter.", "Korvane posts record revenue")
    ''
    >>> unstated_record("Korvane's revenue hit an all-time high.", "Revenue was the highest in the company's history.")
    ''
    >>> unstated_record("The Harbour Seals won their first-ever title.", "The Seals won their first title on Sunday.")
    ''
    >>> unstated_record("The Harbour Seals won their first-ever title.", "The Seals won the title on Sunday.")
    "unstated: the claim says 'ever', the quote tells no record"
    >>> unstated_record("Pell has a criminal record.", "Pell was convicted of fraud in 2019."), unstated_record("He spoke on the record.", "He said so.")
    ('', '')
    """
    told = _ABSOLUTE.search(_NOT_A_RECORD.sub(" ", claim))
    if not told or _BOUNDED_CLAIM.search(claim) or any(r.search(f"{quote} {title}") for r in (_ABSOLUTE, _SUPERLATIVE, _MARK)):
        return ""
    # "its first-ever Stanley Cup" is told by "its first Stanley Cup"
    said = {w.lower() for w in re.findall(r"\w+", f"{quote} {title}")}
    if any(m.group(1).lower() in said for m in re.finditer(r"\b(\w+)[- ]ever\b", claim)):
        return ""
    return f"unstated: the claim says '{re.sub(r'^.-', '', told.group()).lower()}', the quote tells no record"


_NTH = {2: "2nd", 3: "3rd", 4: "4th", 5: "5th"}
_FRACTION = re.compile(r"\b(?:a|one|two|three|four)\s+(?:third|fourth|fifth)s?\s+of\b", re.I)  # "lost a fifth of its value"


def unstated_placing(claim: str, quote: str, title: str = "") -> str:
    """A claim's placing below first ("finished second", "came third", "took silver") where the quote and its headline
    tell that placing of no one: "Max Verstappen finished second in the Belgian Grand Prix" on "... to win the race
    for the second year in a row" (a thirteenth user pass; "second year" counts years, :func:`_placings`). Whose placing
    it is, where both tell one, is :func:`placing`'s.

    >>> unstated_placing("Mara Venn finished second in the Kellport race.", "Venn won the race for the second year in a row.")
    "unstated: the claim says 'second', the quote tells no one's second place"
    >>> unstated_placing("Mara Venn finished second.", "Venn was runner-up."), unstated_placing("Venn came third.", "Venn took bronze.")
    ('', '')
    >>> unstated_placing("Venn finished fourth.", "Venn finished in 4th place."), unstated_placing("Venn won a second term.", "Venn won.")
    ('', '')
    >>> unstated_placing("Venn was runner-up.", "Venn lost the final to Oker."), unstated_placing("It lost a fifth of its value.", "It fell 22%.")
    ('', '')
    >>> unstated_placing("Ida Rook finished on the podium.", "Ida Rook crashed out on the first lap.")
    "unstated: the claim says 'podium', the quote tells no one's place in the first three"
    >>> unstated_placing("Ida Rook finished on the podium.", "Ida Rook took third behind Venn.")
    ''
    """
    mine = {rank for _, rank in _placings(tokens(_FRACTION.sub(" ", claim))) if rank > 1}
    podium = re.search(r"\bpodium\b", claim, re.I)
    if not mine and not podium:  # most claims
        return ""
    told = f"{quote} {title}"
    theirs = {rank for _, rank in _placings(tokens(told))}
    if podium and not re.search(r"\bpodiums?\b|\b(?:1st|2nd|3rd)\b", told, re.I) and not theirs & {1, 2, 3}:
        return "unstated: the claim says 'podium', the quote tells no one's place in the first three"
    if re.search(r"\brunners?[- ]up\b", told, re.I) or (re.search(r"\bfinals?\b", told, re.I) and _LOSS.search(told)):
        theirs.add(2)  # "ended the season as runners-up", "lost the final"
    for rank in sorted(mine):
        if rank not in theirs and not re.search(rf"\b{_NTH[rank]}\b", told, re.I):
            return f"unstated: the claim says '{_PLACE_NAME[rank]}', the quote tells no one's {_PLACE_NAME[rank]} place"
    return ""


# A future the claim tells as settled that the quote tells as only possible (the fifth blind set, `conditional`): "The
# festival will move to a larger site" on "may move to a larger site if demand grows"; "will close the smelter" on
# "would close the smelter ... unless it secured cheaper power" ("would" alone is reported speech: "said it would").
_MAYBE = frozenset("may might could possibly perhaps".split())


def uncertain_future(claim: str, quote: str) -> str:
    """A claim's "will V" (or "will be V-ed") whose verb the quote tells only after "may", "might", "could", or with
    "would" and an "if" or "unless" later in its sentence.

    >>> uncertain_future("The festival will move to a larger site in 2026.", "The festival may move to a larger site in 2026 if demand grows.")
    "unstated: the quote says 'may ... move', not that it will happen"
    >>> uncertain_future("Haldor will close the smelter.", "Haldor said it would close the smelter unless it secured cheaper power.")
    "unstated: the quote says 'would ... close', not that it will happen"
    >>> uncertain_future("Haldor will close the smelter.", "Haldor said it would close the smelter by the end of the year.")
    ''
    >>> uncertain_future("Acme will spend $2 billion.", "Acme said on 2 May 2024 it will spend $2 billion.")
    ''
    """
    ct = [t.lower() for t in tokens(claim)]
    verbs = {ct[i + 2] if ct[i + 1] == "be" and i + 2 < len(ct) else ct[i + 1] for i, t in enumerate(ct[:-1]) if t == "will"}
    for verb in verbs - {"be", "not", "n't", "also", "still"}:
        base = stem(verb)
        told = [m for m in re.finditer(r"[A-Za-z][\w'-]*", quote) if stem(m.group().lower()) == base]
        frames = []
        for m in told:
            before = tokens(re.split(r"[,;:]|\.\s", quote[: m.start()])[-1])[-4:]  # as written: "on 2 May 2024" is a month
            after = re.split(r"[.;!?](?:\s|$)", quote[m.end() :])[0]
            maybe = next((t for t in reversed(before) if t in _MAYBE), "")
            if not maybe and "would" in before and re.search(r"\b(?:if|unless)\b", after, re.I):
                maybe = "would"
            frames.append(maybe)
        if told and all(frames):
            return f"unstated: the quote says '{frames[0]} ... {told[0].group()}', not that it will happen"
    return ""


# A deed the quote tells with a weaker word (the fifth blind set, `synonym-deeds`): "freed" on "moved to house arrest",
# "scrapped" on "suspended for the winter", "made redundant" on "furloughed", "appointed" on "nominated". Each row:
# the claim's words for the deed, the quote's words that tell it too, and the weaker words that do not.
_WEAKER = [
    (r"freed|released|set\s+free", r"free\w*|releas\w*|let\s+go|acquitt\w*", r"house\s+arrest"),
    (r"scrapped|axed|cancell?ed|abandoned|ditched", r"scrap\w*|ax\w*|cancel\w*|abandon\w*|ditch\w*|drop\w*|end\w*|clos\w*|discontinu\w*",
     r"suspend\w*|paus\w*|postpon\w*|delay\w*|shelv\w*"),
    (r"redundant|laid\s+off|lay\s+off|lays\s+off", r"redundan\w*|lay\w*\s+off|laid\s+off|layoffs?|cut\w*|job\s+losses|sack\w*|fir\w*",
     r"furlough\w*"),
    (r"withdr[ae]w\w*", r"withdr\w*|pull\w*|recall\w*|remov\w*", r"paus\w*|suspend\w*|threw\s+out|thrown\s+out|dismiss\w*"),
    (r"appointed|installed", r"appoint\w*|install\w*|named|sworn|confirmed|took\s+office|hired|tapped|picked|cho(?:se|sen)|selected|elected",
     r"nominat\w*|shortlist\w*"),
    (r"convicted|found\s+guilty", r"convict\w*|guilty|verdict|sentenc\w*|jailed", r"charged|accused|indicted|on\s+trial"),
]  # "dropped", "pulled", "released" of prices, leads and reports are other words: left out or narrowed


def weaker_deed(claim: str, quote: str) -> str:
    """A deed the claim tells (:data:`_WEAKER`) that the quote tells only with a weaker word, and never with its own.

    >>> weaker_deed("Kestrel Air scrapped its Kellport route.", "Kestrel Air suspended its Kellport route for the winter.")
    "unstated: the quote says 'suspended', not 'scrapped'"
    >>> weaker_deed("Kestrel Air scrapped its Kellport route.", "Kestrel Air axed the route, having suspended it in May.")
    ''
    >>> weaker_deed("Lidia Morozan was appointed head of the agency.", "The government nominated Lidia Morozan to head the agency.")
    "unstated: the quote says 'nominated', not 'appointed'"
    """
    if _negated(claim):
        return ""
    for said, same, weaker in _WEAKER:
        if (m := re.search(rf"\b(?:{said})\b", claim, re.I)) and not re.search(rf"\b(?:{same})\b", quote, re.I):
            if w := re.search(rf"\b(?:{weaker})\b", quote, re.I):
                return f"unstated: the quote says '{w.group()}', not '{m.group()}'"
    return ""


_ADMITTED = re.compile(r"\b(?:admit\w*|acknowledg\w*|confess\w*|conceded)\b", re.I)
_DENIED = re.compile(r"\b(?:deni\w*|deny\w*|rejects?|rejected|disputes?|disputed|refut\w*)\b", re.I)


def denied(claim: str, quote: str) -> str:
    """An admission in the claim that the quote tells as a denial: "Pellucid admitted withholding results" on
    "Pellucid denied that it had withheld results" (the fifth blind set, `attribution`).

    >>> denied("Orrin admitted discharging wastewater.", "Orrin said it categorically denies discharging wastewater.")
    "opposite: the claim says 'admitted', the quote 'denies'"
    >>> denied("Orrin admitted discharging wastewater.", "Orrin admitted it had discharged wastewater, having denied it in May.")
    ''
    """
    if _negated(claim) or not (said := _ADMITTED.search(claim)) or _ADMITTED.search(quote):
        return ""
    told = _DENIED.search(quote)
    return f"opposite: the claim says '{said.group()}', the quote '{told.group()}'" if told else ""


_POINTS = re.compile(r"(\d[\d.,]*)\s*(?:percentage|percent(?:age)?)\s+points?\b|(\d[\d.,]*)\s*(?:pp|ppts?|points?)\b", re.I)
_PERCENT = re.compile(r"(\d[\d.,]*)\s*(?:%|per\s*cent\b|percent\b)(?!\s*(?:age\s+)?points?\b)", re.I)


def points_for_percent(claim: str, quote: str) -> str:
    """A change in percentage points told as one in percent, or the other way round: "rose 6 percent" on "rose 6
    percentage points to 88%" (the fifth blind set, `change`): from 82% that is a 7% rise, not 6%.

    >>> points_for_percent("The share rose 6 percent last year.", "The share rose 6 percentage points to 88% last year.")
    "figure: the quote says '6 percentage points', not 6 percent"
    >>> points_for_percent("The share rose 6 percentage points.", "The share rose 6% to 88%.")
    "figure: the quote says '6%', not 6 percentage points"
    >>> points_for_percent("The share rose 6 percentage points.", "The share rose 6 percentage points, or 7%, to 88%.")
    ''
    """
    value = lambda m: (m.group(1) or m.group(2) or "").rstrip(".,")  # noqa: E731
    mine_points = {value(m) for m in _POINTS.finditer(claim)}
    mine_percent = {m.group(1).rstrip(".,") for m in _PERCENT.finditer(claim)}
    their_points = {value(m): m.group() for m in _POINTS.finditer(quote)}
    their_percent = {m.group(1).rstrip(".,"): m.group() for m in _PERCENT.finditer(quote)}
    for n in mine_percent - mine_points:
        if n in their_points and n not in their_percent:
            return f"figure: the quote says '{their_points[n]}', not {n} percent"
    for n in mine_points - mine_percent:
        if n in their_percent and n not in their_points:
            return f"figure: the quote says '{their_percent[n]}', not {n} percentage points"
    return ""


_DIED_OF = re.compile(r"\b(?:died|dies|dying|death\s+was\s+caused)\s+(?:of|from|by)\s+([^,.;]+)", re.I)


def death_cause(claim: str, quote: str, title: str = "") -> str:
    """A cause of death the quote (with its headline) never names: "Bernard Cribbins died of natural causes" on
    "Cribbins' wife of 66 years, Gill, died last year" (an eleventh pass: the model's own guess, cited).

    >>> death_cause("Cribbins died of natural causes.", "Cribbins' wife of 66 years, Gill, died last year.")
    "unstated: the quote says nothing of 'natural causes'"
    >>> death_cause("Shaw died of pneumonia at 82.", "Shaw died on Wednesday of pneumonia unrelated to Covid-19.")
    ''
    """
    m = _DIED_OF.search(claim)
    if not m:
        return ""
    cause = re.split(r"\s+(?:at|on|in|after|aged|while|last|this)\b", m.group(1))[0]
    own = {w for w in re.findall(r"[A-Za-z][\w-]+", cause) if w.lower() not in _STOP and len(w) > 2}
    have = {stem(w.lower()) for w in re.findall(r"[A-Za-z][\w-]+", f"{quote} {title}")}
    if own and not any(stem(w.lower()) in have for w in own):
        return f"unstated: the quote says nothing of '{cause.strip()}'"
    return ""


_DEAL_VERB = re.compile(
    r"\b(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|acquisition\s+of|purchase|purchased|purchase\s+of|"
    r"takeover\s+of|take\s+over|took\s+over|sell|sells|sold|selling|sale\s+of|merge\s+with|merged\s+with)\b",
    re.I,
)


def _deal_objects(text: str) -> list[tuple[str, str]]:
    """Each deal verb of ``text`` and the name it takes, within four words ("buy grocery chain Whole Foods")."""
    out = []
    for m in _DEAL_VERB.finditer(text):
        after = text[m.end() : m.end() + 80]
        for _, _, name in names(after)[:1]:
            if re.match(rf"^\W*(?:[a-z][\w'-]*\s+){{0,4}}{re.escape(name.split()[0])}", after):
                out.append((m.group().lower(), name))
    return out


def deal_figure(claim: str, quote: str) -> str:
    """A deal's amount the quote gives to another deal: "Amazon agreed to buy One Medical for $13.7 billion" on
    "Amazon agreed to buy grocery chain Whole Foods in 2017 for $13.7 billion" (an eleventh pass).

    >>> deal_figure("Amazon agreed to buy One Medical for $13.7 billion.",
    ...             "The One Medical deal is its biggest. Amazon agreed to buy grocery chain Whole Foods in 2017 for $13.7 billion.")
    'figure: the quote gives $13.7 billion to Whole Foods, not One Medical'
    >>> deal_figure("Amazon agreed to buy One Medical for $3.9 billion.", "Amazon agreed to buy One Medical for $3.9 billion.")
    ''
    """
    money = [(a, b) for a, b, _ in number_spans(claim) if re.search(r"[$€£¥]|dollars|euros|pounds|yuan", claim[max(0, a - 2) : b + 12])]
    mine = _deal_objects(claim)
    if not money or not mine:
        return ""
    wanted = numbers_in(claim[money[0][0] : money[0][1]])
    from .sentences import spans

    for a, b in spans(quote):
        sentence = quote[a:b]
        if not numbers_in(sentence) & wanted:
            continue
        theirs = _deal_objects(sentence)
        ours = mine[0][1]
        if theirs and not _mentions(sentence, ours) and all(not _same_name(n, ours) for _, n in theirs):
            figure = re.search(r"[$€£¥]?\s*" + re.escape(claim[money[0][0] : money[0][1]].strip().lstrip("$€£¥")) + r"[^,.;]*?(?:billion|million|trillion)?", sentence)
            shown = figure.group().strip() if figure else claim[money[0][0] : money[0][1]].strip()
            return f"figure: the quote gives {shown} to {theirs[0][1]}, not {ours}"
    return ""


_WEEKDAY = "|".join(sorted(_DAYS))
_THIS_DAY = re.compile(rf"\b(?:on\s+(?:{_WEEKDAY})|yesterday|today|tonight|this\s+week)\b", re.I)


_ANY_DAY = re.compile(rf"\b(?:{_WEEKDAY}|last\s+week|this\s+month)\b", re.I)


def weekday_for_year(claim: str, quote: str, published: date | None) -> str:
    """A claim about a day of the article's week ("The House rejected the ban on Friday") on a quote whose only
    time is a year long before ("The last ban expired in 2004, after Congress refused to renew it"; an eleventh
    pass).

    >>> weekday_for_year("The House rejected the ban on Friday.", "The last ban expired in 2004, after Congress refused to renew it.", date(2022, 7, 20))
    'date: the quote tells of 2004, not of the week of 2022-07-20'
    >>> weekday_for_year("The House passed the ban on Friday.", "On Friday the House passed the ban, the first since 2004.", date(2022, 7, 30))
    ''
    >>> weekday_for_year("Shares rose today.", "Shares rose 5%, their best day since 2008.", date(2022, 7, 30))
    ''
    """
    if published is None or not _THIS_DAY.search(claim) or _THIS_DAY.search(quote) or _ANY_DAY.search(quote):
        return ""  # "a bill the Senate passed Wednesday ... first issued in March of 2020" tells of this week too
    # the event's own year ("expired in 2004"), not a comparison's ("the highest since 2008", "a record set in 2008")
    years = [int(y) for y in re.findall(r"(?<!since )(?<!record )\bin\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b", quote)]
    if years and max(years) < published.year - 1 and not re.search(r"\b(?:19|20)\d\d\b", claim) and not re.search(r"\b(?:since|record|than)\b", f"{claim} {quote}"):
        return f"date: the quote tells of {max(years)}, not of the week of {published.isoformat()}"
    return ""
