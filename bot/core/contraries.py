"""Claims the sources word the other way: "er REKOM og DEKOM kommunale ordninger?" of "… de
statlige tilskuddsordningene", "skal ordningene ses hver for seg?" of "… i sammenheng".

The yes/no answers (`bot.core.yes_no`) say "Nei." with the entry's sentence that has the
opposite word.
"""

from __future__ import annotations

from itertools import pairwise

from bot.core.knowledge import Entry
from bot.core.negations import DENIALS
from bot.core.question import Question
from bot.core.sentence_words import entry_sentences, on_its_own, same_noun
from bot.core.text import fold, stem, typed_words

# Words of a claim, folded, and the word a source uses for the opposite ("kommunale ordninger?"
# of the "statlige tilskuddsordningene"), compared by their start.
# The third value: whether the noun after the word must be the same ("kommunale ordninger"
# of "statlige tilskuddsordningene"); "jobbe alene" needs none.
CONTRARIES: tuple[tuple[str, str, bool], ...] = (
    ("kommunal", "statl", True),
    ("statl", "kommunal", True),
    ("privat", "statl", True),  # "er DEKOM en privat ordning?"
    ("staten bestemmer", "selv definere", False),  # "bestemmer staten kursene i DEKOM?"
    ("bestemmer staten", "selv definere", False),
    ("staten som bestemmer", "selv definere", False),
    ("alene", "samm", False),  # "skal kommunene jobbe alene?" of "… gå sammen i nettverk"
    ("aleine", "samm", False),
    ("alene", "i fellesskap", False),  # "er det kommunen alene?" of "… i fellesskap fastsatt"
    ("aleine", "i fellesskap", False),
    ("bare", "i fellesskap", False),  # "er det bare kommunen?"
    ("berre", "i fellesskap", False),
    ("hver for seg", "i sammenheng", False),  # "skal ordningene ses hver for seg?"
    ("kvar for seg", "i samanheng", False),
    ("var for sig", "i sammenheng", False),  # Swedish: "ska ordningarna ses var för sig?"
    ("kvar for seg", "i sammenheng", False),
    ("hver for seg", "sammen", False),
    ("hver for seg", "samarbeid", False),  # "jobber kommunene hver for seg?" of "et samarbeid"
    ("kvar for seg", "samarbeid", False),
    ("med en gang", "gradvis", False),  # "skal DEKOM erstatte satsingene med en gang?"
    ("med ein gong", "gradvis", False),
    ("med det samme", "gradvis", False),
    ("utenfor", "inngar", False),  # "står de private skolene utenfor nettverket?" of "inngår"
    ("umiddelbart", "gradvis", False),
    ("brat", "gradvis", False),
    ("straks", "gradvis", False),
    ("over natta", "gradvis", False),  # "skal DEKOM erstatte satsingene over natta?"
    ("over natten", "gradvis", False),
    ("separat", "i sammenheng", False),  # "… forstås som helt separate ordninger?"
    ("adskilt", "i sammenheng", False),
    ("ettarig", "flerarig", False),  # "inngår tiltakene i ettårige planer?", "er de ettårige?"
    # "skal statlige satsinger fortsette side om side med DEKOM?" of "… erstatte statlige …"
    ("side om side", "erstatte", False),
    ("ved siden av", "erstatte", False),
    ("i tillegg til", "erstatte", False),
    ("pa toppen av", "erstatte", False),
    ("fortsette", "erstatte", False),
    ("eittarig", "flerarig", False),
)


# The words of those claims, as terms: a claim to check, never a sign of an unknown topic
# ("skal DEKOM erstatte satsingene over natta?").
CLAIM_TERMS = frozenset(
    stem(word) for asked, _, _ in CONTRARIES for word in asked.split() if len(word) > 3
)


def contrary_sentence(q: Question, entry: Entry) -> str | None:
    """The entry's sentence that calls the thing asked about the opposite ("er REKOM og DEKOM
    kommunale ordninger?" of "… de statlige tilskuddsordningene"): the opposite word, then
    the noun the question has after its own word ("hver for seg?" of "i sammenheng")."""
    typed = [fold(word) for word in typed_words(q.text)]
    if "eller" in typed[:-1]:
        return None  # "samarbeider de, eller gjør hver kommune det alene?" offers a choice
    asked_text = f" {' '.join(typed)} "
    for asked, opposite, with_noun in CONTRARIES:
        nouns = [
            stem(after)
            for before, word, after in zip(["", *typed[:-1]], typed, [*typed[1:], ""], strict=True)
            if word.startswith(asked) and before not in DENIALS  # not "… og ikke kommunale?"
        ]
        if " " in asked and f" {asked} " in asked_text:
            nouns = [""]  # a phrase: "hver for seg"
        if not nouns:
            continue
        for text in entry_sentences(entry):
            said = typed_words(fold(text))  # words without the punctuation ("sammenheng.")
            if any(word.startswith(asked) for word in said) or f" {asked} " in f" {text} ":
                continue
            if " " in opposite:  # a phrase: "i fellesskap"
                if f" {opposite} " in f" {' '.join(said)} ":
                    return on_its_own(text, entry)
                continue
            for at, (word, after) in enumerate(pairwise([*said, ""])):
                if not word.startswith(opposite):
                    continue
                # "er REKOM privat?" asks what it is: "REKOM er en statlig støtteordning"
                predicative = "" in nouns and _said_to_be(said[:at])
                if not with_noun or predicative or any(same_noun(n, after) for n in nouns):
                    return on_its_own(text, entry)
    return None


def _said_to_be(before: list[str]) -> bool:
    """Whether the words before a sentence's word end in "er" ("… er en statlig …")."""
    words = [word for word in before[-2:] if word not in _ARTICLES]
    return bool(words) and words[-1] in ("er", "var")


_ARTICLES = frozenset({"en", "ei", "et", "ett", "ein", "eit"})
