"""Comparing a sentence of an entry with a question's words, and quoting it on its own.

The stemmer leaves some forms apart that a reader takes as one: "nye" and "ny", the last part of
a compound ("nivå" in "individnivå", "ordning" in "tilskuddsordninger" and "støtteordning"). And
a sentence taken out of an entry's text should say what it is about ("Ordningen skal …" of DEKOM
is "DEKOM skal …").
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from bot.core import answers
from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.text import fold, typed_words


def entry_sentences(entry: Entry, *, items: bool = True) -> list[str]:
    """The sentences an entry says: its text, its facts and (unless not wanted) its list."""
    sentences = [*split_sentences(entry.answer), *(text for _, text in entry.facts)]
    return [*sentences, *entry.items] if items else sentences


def audience_sentence(kb: KnowledgeBase, entry: Entry) -> str | None:
    """The entry's own sentence that names whom it is for, in the page's words ("… i
    barnehage, skole og støttetjenestene"): two of its audiences or more."""
    audiences = kb.vocabulary.audiences
    words = [[fold(w) for w in audiences[a].words] for a in entry.applies_to if a in audiences]

    def named(sentence: str) -> int:
        folded = f" {' '.join(typed_words(fold(sentence)))} "
        return sum(any(f" {word} " in folded for word in group) for group in words)

    sentences = split_sentences(entry.answer)
    best = max(sentences, key=named, default="")  # the first that names the most
    if named(best) < _SEVERAL:
        return None
    return best if best.endswith((".", "!", "?")) else f"{best}."


_SEVERAL = 2


def split_sentences(text: str) -> list[str]:
    """The text split at ". ", but not inside «…» ("«Kompetanse for framtidens barnehage.
    Strategi 2014–2020»" is one title)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(text):
        depth += (char == "«") - (char == "»")
        if depth == 0 and text.startswith(". ", i):
            parts.append(text[start:i])
            start = i + 2
    parts.append(text[start:])
    return parts


def same_noun(noun: str, word: str) -> bool:
    """ "tilskuddsordninger" and "støtteordning": the same last part of a compound."""
    return bool(noun) and (noun in word or (len(noun) >= _NOUN_TAIL and noun[-_NOUN_TAIL:] in word))


_NOUN_TAIL = 6


def on_its_own(sentence: str, entry: Entry) -> str:
    """A sentence taken out of the entry's text, as a whole sentence that says what it is about:
    "Ordningen skal …" of DEKOM becomes "DEKOM skal …"."""
    text = sentence.strip().rstrip(".")
    first, _, rest = text.partition(" ")
    if first in _POINTING and rest and not rest.startswith("«"):  # "Strategien «…» gjelder"
        text = f"{answers.short_title(entry)} {rest}"
    elif first in ("Målet", "Formålet") and rest.startswith("er "):
        text = f"{first} med {answers.short_title(entry)} {rest}"  # "Målet med … er å bygge …"
    return text[:1].upper() + text[1:] + "."


_POINTING = frozenset(
    {
        "Ordningen",
        "Ordninga",
        "Den",
        "Strategien",
        "Modellen",
        "Nettverket",
        "Prosjektet",
        "Regionen",
        "Området",
    }
)


def ends_a_compound(term: str, terms: AbstractSet[str]) -> bool:
    """Whether a term is the last part of a longer compound among `terms` ("niv", "individniv"),
    or a verb with its particle in front ("delt" in "inndelt", "følge" in "oppfølge")."""
    return len(term) >= 3 and any(
        other.endswith(term) and (len(other) >= len(term) + 4 or other[: -len(term)] in _PARTICLES)
        for other in terms
        if other != term
    )


_PARTICLES = frozenset({"inn", "opp", "ut", "av", "til", "fra", "om", "over", "med"})


def shortens_a_compound(term: str, terms: AbstractSet[str]) -> bool:
    """Whether a compound is a longer one among `terms` with a middle part left out:
    "kompetansetiltak" of "kompetanseutviklingstiltak", as people shorten it."""
    if len(term) < 2 * _COMPOUND_PART:
        return False
    return any(
        len(other) > len(term) + 2
        and any(
            other.startswith(term[:cut]) and other.endswith(term[cut:])
            for cut in range(_COMPOUND_PART, len(term) - _COMPOUND_PART + 1)
        )
        for other in terms
    )


_COMPOUND_PART = 5  # both kept parts are whole words ("kompetanse", "tiltak")


def inflected_in(term: str, terms: set[str]) -> bool:
    """Whether `terms` has the term, or a short word's other form ("nye" for "ny", "nytt")
    that the stemmer leaves apart."""
    if term in terms:
        return True
    if len(term) > 4:
        return False
    return any(
        len(other) <= 4
        and min(len(other), len(term)) >= 2
        and other[:2] == term[:2]
        and (other.startswith(term) or term.startswith(other))
        for other in terms
    )


def names_it(term: str, terms: Sequence[str], naming: set[str]) -> bool:
    """Whether a question term is one of the naming terms, a compound of two of them
    ("barnehagestrategi"), or split from one ("bibliotek" and "prosjekt" of
    "skolebibliotekprosjekt")."""
    return term in naming or _compound_of(term, naming) or _split_from(term, terms, naming)


def _compound_of(term: str, parts: set[str]) -> bool:
    """ "barnehagestrategi" of "barnehag" and "strategi": a compound of two of the parts."""
    return any(
        term.endswith(last)
        and any(term.startswith(first) for first in parts if len(first) >= 4 and first != last)
        for last in parts
        if len(last) >= 4 and len(term) > len(last)
    )


def _split_from(term: str, terms: Sequence[str], names: set[str]) -> bool:
    """ "bibliotek" and "prosjekt" of "biblioteksprosjektet": two of the question's terms that
    are parts of one naming term ("skolebibliotekprosjekt")."""
    return any(
        term in name and other in name and term != name and other != name
        for name in names
        for other in terms
        if other != term and len(other) >= _NAME_PART and len(term) >= _NAME_PART
    )


_NAME_PART = 5  # shorter parts ("skol", "les") are in too many names to tell
