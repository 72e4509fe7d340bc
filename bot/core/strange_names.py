"""Names the sources never use: "er Huseby skole med i Lesetråder?", "Er det UiT som er
hovedpartner for nettverket?".

A name the bot has never seen is no sign that a question is out of scope when the question
asks whether that name is one of a group, or has a role the sources give someone else: the
answer is "Nei", and who it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from rapidfuzz.distance import DamerauLevenshtein

from bot.core.index import SearchResult
from bot.core.knowledge import Entry, Kind
from bot.core.question import Question
from bot.core.question_forms import STOP_WORDS_FOLDED
from bot.core.question_words import PLAIN_WORDS, PUBLIC_BODIES, Cue
from bot.core.sentence_words import entry_sentences
from bot.core.text import Normaliser, fold, stem, typed_words

# Words after a name that say what it names ("rosenborg skole").
INSTITUTIONS = frozenset(
    ["skole", "skule", "skolen", "skulen", "barnehage", "barnehagen", "kommune", "universitet"]
)
_SHORT_NAME = 4
_ROLE_CUES = (Cue.PARTNERS, Cue.INTRODUCED_BY, Cue.FUNDED_BY)
SURE = 0.9  # a term resolved less well than this is only a guess at a typo ("matte")
_ROLE_CUE = 6  # a question word this long names a role ("hovedpartner"), not a question type


def strange_names(q: Question, search: SearchResult) -> list[str]:
    """Words the bot has never seen, typed as names: capitalised inside the sentence, in
    capitals ("UiT"), or before "skole" ("rosenborg skole")."""
    unknown = {  # never seen, or only as a guess at a typo ("UiT" is no slip of "ut")
        match.term for match in search.terms if all(quality < SURE for _, quality in match.known)
    }
    typed = re.findall(r"[^\W\d_]+", q.text)
    names = []
    for i, word in enumerate(typed):
        acronym = any(letter.isupper() for letter in word[1:])  # "UiT", "HVL"
        if stem(fold(word.lower())) not in unknown:
            continue
        if not acronym and _slip_of_a_small_word(word):
            continue
        capital = word[0].isupper() and (i > 0 or acronym)
        # "er uio hovedpartner?": a short unknown word in a role claim is a name typed small
        capital = capital or (len(word) <= _SHORT_NAME and q.has(*_ROLE_CUES) and i > 0)
        before_institution = i + 1 < len(typed) and typed[i + 1].lower() in INSTITUTIONS
        if _a_public_body(word) and q.has(*_ROLE_CUES):  # "kom tilskuddet fra fylkeskommunen?"
            names.append(word.lower())
        elif capital or before_institution:
            short = word.islower() and len(word) <= _SHORT_NAME  # "uio" → "UIO"
            names.append(word if acronym else word.upper() if short else word.capitalize())
    return names


def _a_public_body(word: str) -> bool:
    """ "fylkeskommunen", "departementet", "statsforvalteren": a body that can fund or run
    something, named by what it is."""
    return fold(word.lower()).endswith(_PUBLIC_BODY_ENDINGS)


_PUBLIC_BODY_ENDINGS = tuple(fold(word) for word in PUBLIC_BODIES)
_BODY_TERMS = tuple({stem(ending) for ending in _PUBLIC_BODY_ENDINGS})


def without_bodies_claimed(q: Question, terms: list[str]) -> list[str]:
    """ "var det fylkesmannen som innførte modellen?": in a claim of who paid for or introduced
    something, the body claimed is the claim, not what the question is about."""
    if not (q.yes_no and q.has(Cue.FUNDED_BY, Cue.INTRODUCED_BY)):
        return terms
    return [term for term in terms if not names_a_body(term)]


def names_a_body(term: str) -> bool:
    """ "fylkeskommun", "departement": the term of a public body."""
    return term.endswith(_BODY_TERMS)


def with_institution(name: str, text: str) -> str:
    """A name as typed with the word after it that says what it names: "Nord universitet"."""
    found = re.search(rf"\b{re.escape(name)}\s+([^\W\d_]+)", text, re.IGNORECASE)
    if found is None or found.group(1).lower() not in INSTITUTIONS:
        return name
    return f"{name} {found.group(1).lower()}"


def asks_of_a_stranger(q: Question, search: SearchResult) -> bool:
    """ "har Tromsø kommune et prosjekt som Lesetråder?": a question about what a place or body
    the sources never name has, which they cannot answer (unlike "er UiT partner?")."""
    names = strange_names(q, search)
    if not q.yes_no:  # "hvilke fokusområder har Orkland kommune?": another municipality's
        typed = [fold(word.lower()) for word in typed_words(q.text)]
        owners = {before for before, after in pairwise(typed) if after in _OWNERS}
        # "hvilke kommuner er med i Namdalsregionen?": a body the sources never name
        bodies = [name for name in names if fold(name.lower()).endswith(_BODIES)]
        return bool(bodies) or any(fold(name.lower()) in owners for name in names)
    return q.words[:1] in _HAS and bool(names) and fold(names[0].lower()) in q.words[1:2]


_HAS = (("har",), ("hadde",), ("far",), ("fikk",))
_OWNERS = frozenset({"kommune", "kommunes", "fylkeskommune", "skole", "skoles"})
_BODIES = ("regionen", "regionens", "regionsamarbeidet", "kommune", "kommunes")


def asks_of_any_group(q: Question) -> bool:
    """ "Er Orkland med i noe dekom-nettverk?": whether a name is in any group at all, which
    two pages cannot rule out for a name they never use (unlike "… i Gauldalsregionen?")."""
    if not q.yes_no or not (q.has(Cue.MEMBERS) or q.says_med):
        return False
    typed = [fold(word.lower()) for word in typed_words(q.text)]
    kinds = q.kind_words
    # "et nettverk" may be any network; "et fokusområde" is one of those the page lists
    any_words = _ANY | _A if q.kind_named in (Kind.NETWORK, Kind.REGION) else _ANY
    return any(
        word in any_words
        and any(kind in stem(after) for after in typed[i + 1 : i + 3] for kind in kinds)
        for i, word in enumerate(typed)
    )


_ANY = frozenset(fold(word) for word in ["noe", "noen", "noko", "nokon", "nåkka", "nån", "nokka"])
_A = frozenset(["en", "ei", "et", "ett", "ein", "eit"])


def someone_else(
    q: Question,
    entries: Sequence[Entry],
    names: Sequence[str],
    normaliser: Normaliser,
    claim: Callable[[Question, Entry], list[str]],
) -> tuple[Entry, str] | None:
    """The entry and its sentence that give the role the question asks about ("hovedpartner",
    "prosjektskole") to names of its own: every other word of the claim, and a name."""
    strange = {stem(fold(name.lower())) for name in names}
    asked = {word.lower() for word in typed_words(q.text)}
    said = [term for term in q.cue_terms if len(term) >= _ROLE_CUE]  # "hovedpartner"
    for entry in entries:
        role = [term for term in (*claim(q, entry), *said) if term not in strange]
        if not role:
            continue
        for sentence in entry_sentences(entry, items=False):
            terms = set(normaliser.terms(sentence))
            named = [w for w in _CAPITALISED.findall(sentence) if w.lower() not in asked]
            if named and all(term in terms for term in role):
                return entry, sentence.rstrip(".") + "."
    return None


_CAPITALISED = re.compile(r"\b[A-ZÆØÅ][^\W\d_]+")


def unknown_names(q: Question, search: SearchResult, known: Callable[[str], bool]) -> list[str]:
    """Names the bot has never seen, as typed ("Huseby"): when a group's members are all known,
    such a name is not one of them. "er vi med?" asks about where the asker said they work
    ("jeg jobber i Selbu")."""
    unknown = {
        match.term
        for match in search.terms
        if len(match.term) >= 4 and all(quality < SURE for _, quality in match.known)
    }
    names = [
        word
        for word in typed_words(q.text)
        if stem(fold(word)) in unknown and fold(word) not in PLAIN_WORDS  # "eget" is no name
    ]
    if not names and not _ASKER.isdisjoint(q.words):
        names = [
            word
            for word in q.context_words
            if len(word) >= 4 and word not in STOP_WORDS_FOLDED and not known(stem(word))
        ]
    return [word.capitalize() for word in names if not _slip_of_a_small_word(word)][:2]


_ASKER = frozenset({"vi", "me", "oss", "jeg", "meg"})
_SMALL_WORDS = tuple(word for word in STOP_WORDS_FOLDED if len(word) >= 3)


def _slip_of_a_small_word(word: str) -> bool:
    """ "ogsså" is a typo of "også", not a name."""
    folded = fold(word)
    return any(
        DamerauLevenshtein.distance(folded, small, score_cutoff=1) <= 1 for small in _SMALL_WORDS
    )
