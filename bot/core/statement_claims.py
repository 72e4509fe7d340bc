"""A claim asked about in the order of a statement: "Trondheim er med i nettverket, ikke sant?",
"Lesetråder er finansiert av kommunen, har jeg hørt". People check what they believe or were
told by stating it, with a tag, a hedge ("så vidt jeg vet") or a hearsay tail; the claim is
asked as the yes/no question it is ("er Trondheim med i nettverket?"). Here too: a name put
before the question of it ("rekom, er det for skolen?"), and a guess at who after "hvem …?"
("…, er det kommunene selv?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.text import fold

# "wh" for a question word ("hva", "kæm"), "yes_no" for a verb that can open a yes/no question
# ("er", "kan"), None for any other word.
OpenerTest = Callable[[str], str | None]

# What the asker believes, first in a sentence: "trodde det var skoleledersamlingen som …"
BELIEVING = frozenset(
    fold(word) for word in ("trodde", "trudde", "tenkte", "mente", "meinte", "hørte", "regnet")
)


def has_a_tag(text: str) -> bool:
    """ "…, ikke sant?", "…, stemmer det?": whether the text ends in a tag that asks whether
    the claim before it holds."""
    ending = text.rstrip(" ?!.,;:…").rsplit(None, 1)
    tag_like = bool(ending) and fold(ending[-1].lower()) in _TAG_ENDS
    return tag_like and _TAG.sub("", text) != text


def in_question_order(text: str, opener: OpenerTest, *, claimed: bool = False) -> str:
    """A claim asked about in the order of a statement, as a yes/no question: "Trondheim er
    med i nettverket, ikke sant?" and "Sjekker bare: DEKOM er beskrevet i St.meld. 21?" ask
    "er Trondheim med i nettverket?" and "er DEKOM beskrevet …?"; so does a `claimed` text
    (after "er tanken at"). Any other text as it is."""
    ending = text.rstrip(" ?!.,;:…").rsplit(None, 1)
    tag_like = bool(ending) and fold(ending[-1].lower()) in _TAG_ENDS  # cheap before the regex
    claim = _TAG.sub("", text) if tag_like else text
    tagged = claim != text or claimed
    if not tagged and not text.rstrip().endswith("?"):
        return text
    announced, _, claim = claim.rpartition(":")  # "Sjekker bare: …" announces the claim
    told = (_TOLD_THAT.search(claim) or _I_BELIEVE.match(claim)) if tagged else None
    if told is not None:  # "Jeg har skrevet i kalenderen at samlingen er 24. september, …?"
        announced, claim = claim[: told.end()], claim[told.end() :]
    found = list(re.finditer(r"[^\W\d_]+", claim))
    words = [match.group(0).lower() for match in found]
    if not words or opener(words[0]) is not None or fold(words[0]) in BELIEVING:
        return text
    if not (tagged or announced or found[0].group(0)[0].isupper()):
        return text  # "og nærr e fristen?": more likely a slip of a question word
    verb, subject_end = _main_verb(words, opener)
    # (a question word after the verb of a claim is asked inside it: "… at kommunene skal
    # prioritere hvilke tiltak de trenger")
    asking = words[: verb + 1] if tagged and verb is not None else words
    if any(opener(word) == "wh" for word in asking):
        return text
    linking = {fold(word) for word in words[subject_end : verb + 2]} if verb is not None else set()
    if verb is None or verb == 0 or _LINKING & linking:
        return text
    at = found[verb]
    rest = f"{claim[: at.start()]} {claim[at.end() :]}".strip(" ,?")
    return f"{at.group(0).lower()} {' '.join(rest.split())}?"


# Tags that ask whether the claim before them is true, in the same sentence or the next one
# ("Lesetråder ble avsluttet i 2019. Korrekt?"), as typed.
TAG_PHRASES = (
    "ikke sant", "ikkje sant", "ittj sant", "korrekt", "riktig", "stemmer det", "stemmer dette",
    "stemme d", "er det riktig", "er det korrekt", "er det sant", "har jeg rett", "eller hva",
    "husker jeg riktig", "husker jeg rett", "husker jeg feil", "eller husker jeg feil",
    "tar jeg feil", "eller tar jeg feil", "tror jeg", "trur eg", "var det ikke", "var det ikkje",
    "er det ikke", "er det ikkje", "er det riktig forstått", "har jeg forstått det riktig",
    "har eg forstått det rett", "holder det", "holder det vann", "er det rett",
    "kan du bekrefte", "kan du bekrefte det", "er det ikke slik", "er det ikkje slik",
    "er det ikke sånn", "er det ikkje sånn", "sant", "stemmer", "eller",
)  # fmt: skip
# "…, ikke sant?", "…. Korrekt?", "…, stemmer det?": a tag that asks whether the claim is true
_TAG = re.compile(
    r"[\s,.]*\b(?:"
    + "|".join(map(re.escape, sorted(TAG_PHRASES, key=len, reverse=True)))
    + r")\W*$",
    re.IGNORECASE,
)
_TAG_ENDS = frozenset(fold(phrase.split()[-1]) for phrase in TAG_PHRASES)
# What the asker wrote down, heard or believes, and then "at" the claim itself
_TOLD_THAT = re.compile(
    r"\b(?:skrevet|skrive|skreiv|skrev|hørt|høyrt|hørte|høyrde|lest|trodde|trudde|tror|trur|"
    r"fått beskjed om|fått tips om|fått høre|"
    r"fått vite|sier|sa|seier|mener|meiner|påstod|påsto|påstår|hevdet|hevda|hevder|fortalte|"
    r"fortalt|nevnte|påstås|påstått|sies|hevdes)\b[^,.?!]{0,40}?\bat\s+",
    re.IGNORECASE,
)
# "Jeg mener Universitetet i Oslo er hovedpartner. Riktig?": what the asker believes, "at" left out
_I_BELIEVE = re.compile(
    r"\s*(?:jeg|eg|æ|vi|me)(?: i [^\W\d_]+)? (?:mener|meiner|meine|tror|trur|trodde|trudde|"
    r"synes|syns|regner med) (?:at )?",
    re.IGNORECASE,
)
_SUBJECT_SPAN = 8  # the verb of a claim comes after a subject of at most seven words
_LINKING = frozenset({"som", "at", "om", "hvis", "dersom", "nar", "fordi"})


def _main_verb(words: list[str], opener: OpenerTest) -> tuple[int | None, int]:
    """Where the verb of the claim is, and where the subject's own relative clause ends: the
    first verb after a subject of at most seven words, or the verb after a relative clause in
    the subject ("Lesetråd-prosjektet som skolebibliotekene bygger på ble avsluttet i 2018":
    "ble", not "bygger")."""
    span = words[: _SUBJECT_SPAN + _RELATIVE_SPAN]
    verbs = [i for i, word in enumerate(span) if opener(word) == "yes_no"]
    if not verbs:
        return None, 0
    relative = next((i for i, word in enumerate(words[: verbs[0]]) if word == "som"), None)
    if relative is not None and relative > 0 and len(verbs) > 1:
        return verbs[1], verbs[0] + 1
    return (verbs[0] if verbs[0] < _SUBJECT_SPAN else None), 0


_RELATIVE_SPAN = 4  # a relative clause in the subject ("som skolebibliotekene bygger på")


def unmarked_claim(text: str, opener: OpenerTest, *, alone: bool = False) -> str | None:
    """ "Ny plan for nettverket er fortsatt ikke på plass": a statement about something else
    than the asker, with no question mark and nothing else asked, is a claim to check; the
    yes/no question it asks, or None. A message that is `alone` that statement may end with
    a full stop ("Stortingsmelding 21 er den som beskriver DEKOM.")."""
    text = text.rstrip()
    if alone and text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    told = _TOLD_THAT.search(text)
    if told is not None and told.start() <= _TOLD_AT_MOST:  # "jeg har hørt at rekom er …"
        text = text[told.end() :]
    first = [fold(word) for word in re.findall(r"[^\W\d_]+", text.lower())[:3]]
    if text.endswith(("?", ".", "!")) or not first or not _PERSONS.isdisjoint(first):
        return None  # (nor "håper du har en fin dag")
    asked = in_question_order(f"{text}?", opener, claimed=True)
    return asked if asked != f"{text}?" else None


_TOLD_AT_MOST = 25  # "noen i partiet sa at …": who told it comes first, in a few words
# Who a statement about the asker, or someone they know, opens with ("Jeg er ny her", "Hun …"),
# and greetings and thanks
_PERSONS = frozenset(
    fold(word)
    for word in "jeg eg æ vi me du dere dokker han hun ho de dei hei takk".split()  # noqa: SIM905
)


def as_checked_claim(sentence: str) -> str:
    """ "Lesetråder er finansiert av kommunen, har jeg fått opplyst", "… fem kommuner, så vidt
    jeg har forstått", "…, sier kritikerne": a claim told with where the asker has it from asks
    whether it is true, as "…, stemmer det?" does. Any other sentence as it is."""
    hedge = _HEDGE_FIRST.match(sentence) or _HEDGE_LAST.search(sentence)
    if hedge is not None and hedge.group("claim").strip(" ,.!?"):
        return f"{hedge.group('claim').strip(' ,.!?')}, stemmer det?"
    tail = _HEARSAY_TAIL.search(sentence) or _CONFIRM_TAIL.search(sentence)
    if tail is None or tail.start() == 0:
        return sentence
    return f"{sentence[: tail.start()].rstrip()}, stemmer det?"


# "så vidt jeg vet", "om jeg ikke husker feil": the asker is not sure of what they claim
_HEDGE = (
    r"(?:så ?vidt (?:jeg|eg|æ) (?:vet|veit|vett|husker|huske|hugsar|har forstått|skjønner)|"
    r"om (?:jeg|eg|æ) ikke husker feil|hvis (?:jeg|eg|æ) husker (?:rett|riktig)|"
    r"etter det (?:jeg|eg|æ) (?:vet|veit|har hørt)|meg bekjent|as far as i know|"
    r"if i remember (?:correctly|rightly))"
)
_HEDGE_FIRST = re.compile(rf"\s*{_HEDGE}\s*,?\s+(?P<claim>[^?]+?)\s*[.!]*$", re.IGNORECASE)
_HEDGE_LAST = re.compile(rf"(?P<claim>[^?]+?)\s*,?\s+{_HEDGE}\s*[.!]*$", re.IGNORECASE)


# After a comma, at the end: a few words that say the claim was heard, read or told
_HEARSAY_TAIL = re.compile(
    r",\s*(?:(?:[^\W\d_]+\s+){0,4}(?:hørt|høyrt|hørte|høyrde|opplyst|forstått|skjønt|fortalt|"
    r"lest|leste|sagt|sies|seiast)|(?:ifølge|iflg\.?|etter)\s+(?:[^\W\d_]+\s+){0,2}"
    r"(?:kilder|kilde|kjelder|info|informasjon)|(?:sier|seier|mener|meiner|hevder|påstår)\s+"
    r"(?:[^\W\d_]+\s*){1,2})(?:\s+[^\W\d_]+){0,2}\s*[.!]*$",
    re.IGNORECASE,
)
# "…, kan du bekrefte (det)?": asked to confirm the claim before it
_CONFIRM_TAIL = re.compile(
    r",\s*(?:kan du (?:også )?)?(?:bekrefte|bekreft|stadfeste|stadfest)(?: det| dette)?\s*[?.!]*$",
    re.IGNORECASE,
)


def with_its_subject(sentence: str, opener: OpenerTest) -> str:
    """ "rekom, er det for skolen?", "Ledersamlinga på Oppdal – var den over to dagar?",
    "REKOM - is that for schools?": what is named first is what "det" or "den" after it is; the
    question asked of it ("er rekom for skolen?"). Any other sentence as it is."""
    found = _NAMED_FIRST.match(sentence)
    if found is None or opener(found.group("verb").lower()) != "yes_no":
        return sentence
    if _A_SAMLING.search(found.group("named")):
        return sentence  # "ledersamlinga på Oppdal, var den …?" is read with its context
    named = [fold(word) for word in re.findall(r"[^\W\d_]+", found.group("named").lower())]
    rest = fold(found.group("rest")).split()
    if (
        not named
        or any(opener(word) is not None for word in named)  # "jeg er lærer, er det …"
        or named[0] in _NOT_NAMING
        or named[-1] in _NOT_NAMING  # "PPT her, er det noe for meg?"
        or (rest[:1] and rest[0] in _SOME_OR_POSSIBLE)  # "Engelsk, er det noe …": there is
        or not _CHOICE_OR_CLEFT.isdisjoint(rest)  # "…, skal den støtte eieren eller kommunen?"
    ):
        return sentence
    return f"{found.group('verb')} {found.group('named').strip()} {found.group('rest').strip()}"


# A few words without a verb, a comma or a dash, then a verb and a pronoun for what they named
_NAMED_FIRST = re.compile(
    r"\s*(?P<named>[^,;:?!–-]{2,50}?(?:\s+-\s*|-\s+)?[^,;:?!–]{0,30}?)\s*(?:,|\s[-–]\s)\s*"
    r"(?P<verb>[^\W\d_]+)\s+(?:det|den|dette|d|that|it|this)\b(?P<rest>[^?]*\?)\s*$",
    re.IGNORECASE,
)
_A_SAMLING = re.compile(r"\d|saml|kurs|fagdag|seminar|møte|mote|meeting|session", re.IGNORECASE)
# (read with the context: "…, er det eierne de skal støtte?", "…, er det A eller B?")
_CHOICE_OR_CLEFT = frozenset({"eller", "or", "som", "de", "dei"})
# Words that open or close no name: greetings, thanks, "her" of who asks
_NOT_NAMING = frozenset(
    fold(word)
    for word in (
        "hei", "heisann", "hallo", "hello", "hi", "hey", "takk", "tusen", "ok", "okei", "okay",
        "ja", "nei", "jo", "flott", "supert", "fint", "greit", "aha", "jaha", "og", "men", "så",
        "her", "here", "forresten", "altså", "uansett", "lurer", "spørsmål", "sorry", "unnskyld",
    )
)  # fmt: skip
_SOME_OR_POSSIBLE = frozenset(
    fold(word)
    for word in (
        "noe", "noen", "noko", "nokon", "nåkka", "nåkke", "nå", "non", "any", "some",
        "something", "anything", "mulig", "mogleg", "lov", "possible", "plass", "ledig",
    )
)  # fmt: skip


def guess_as_claim(guess: str, asked: str) -> str | None:
    """ "hvem betaler for dekom, er det kommunene selv?": a guess at who, after the question of
    who, claims that one ("er det kommunene som betaler for dekom?"); None for any other part."""
    offered = _GUESS.match(guess)
    who = _WHO_ASKED.match(asked)
    if offered is None or who is None or len(offered.group("who").split()) > _GUESS_WORDS:
        return None
    named = offered.group("who").split()
    if not any(word[:1].isupper() or fold(word.lower()).startswith(_BODIES) for word in named):
        return None  # "hvem står bak DEKOM – er det statlige ordninger?" guesses what it is
    return f"er det {offered.group('who')} som {who.group('rest').rstrip(' ?')}?"


_GUESS = re.compile(
    r"\s*(?:og\s+)?(?:er|var|e|va)\s+(?:det|d)\s+(?P<who>[^\W\d_][^?,]*?)"
    r"(?:\s+(?:selv|sjøl|sjølv|sjølve|selve))?\s*\?*\s*$",
    re.IGNORECASE,
)
_WHO_ASKED = re.compile(r"\s*(?:hvem|kven|kæm|kem)\s+(?P<rest>.+)$", re.IGNORECASE)
_GUESS_WORDS = 3  # "er det kommunene selv?", "er det staten?": a body named in a few words
_BODIES = ("kommun", "staten", "fylk", "departement", "direktorat", "regjering", "storting")
