"""Claims about an entry's list: one of its goals ("er et av målene å øke lønna?"), or only some
of its items ("består modellen bare av A og B?").

The yes/no answers (`bot.core.yes_no`) ask these before they look for a sentence that says
what the question claims: a list answers for all its items at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from itertools import pairwise

from bot.core import answers
from bot.core.fact_answers import fact_text
from bot.core.knowledge import Entry, Fact, Kind, KnowledgeBase
from bot.core.question import Question
from bot.core.question_forms import STOP_WORDS_FOLDED
from bot.core.question_words import CUE_WORDS, ONLY_WORDS, Cue
from bot.core.sentence_words import ends_a_compound, inflected_in, shortens_a_compound
from bot.core.text import Normaliser, fold, typed_words

_TELLING_CUE = 4  # a cue word this long says what is claimed ("barnehageplass", "lønn")


class ListClaims:
    """Verdicts on what a question claims of an entry's list."""

    def __init__(
        self,
        kb: KnowledgeBase,
        normaliser: Normaliser,
        claim: Callable[[Question, Entry], list[str]],
        kind_words: Mapping[Kind, frozenset[str]],
        linking: frozenset[str],
    ) -> None:
        self._kb = kb
        self._normaliser = normaliser
        self._claim = claim  # the question's words beyond the entry's name
        self._kind_words = kind_words
        self._linking = linking
        self._goal_words = frozenset(normaliser.terms(" ".join(CUE_WORDS[Cue.GOALS])))
        self._member_terms = frozenset(
            term for entry in kb for name in entry.members for term in normaliser.terms(name)
        )

    def goal_verdict(self, q: Question, entry: Entry) -> str | None:
        """ "Er et av målene i strategien å øke lønna?": "Ja." and the goal that says so, or
        "Nei." and the goals, when the question claims one of an entry's listed goals."""
        goals = fact_text(entry, Fact.GOALS)
        listed = bool(entry.items) and "mal" in fold(entry.items_title or "")
        if not (q.yes_no and q.has(Cue.GOALS) and q.has(Cue.MEMBERS) and goals and listed):
            return None
        # the words of the goal claimed, with those a cue took ("barnehageplass" is never
        # in the sources, "bygge" links words) and without the words for goals
        told = [t for t in q.cue_terms if len(t) >= _TELLING_CUE and t not in self._goal_words]
        heading = {*self._goal_words, *self._normaliser.terms(entry.items_title or "")}
        claim = [t for t in (*self._claim(q, entry), *told) if t not in heading]
        claim += [t for t in q.content if t in self._linking]
        # "er PPT med i målene?": an audience is said by any of its words ("PP-tjenesten")
        audiences = self._kb.vocabulary.audiences
        wanted = [audiences[a] for a in q.filters.audiences if a in audiences]
        named = {term for a in wanted for word in a.words for term in self._normaliser.terms(word)}
        claim = [term for term in claim if term not in named]
        if not claim and not wanted:
            return None
        for item in entry.items:
            terms = set(self._normaliser.terms(item))
            said = all(said_in(term, terms) for term in claim)
            if said and all(any(fold(w) in fold(item) for w in a.words) for a in wanted):
                title = (entry.items_title or "").split()
                link = title[-1] if title and title[-1] in ("at", "å") else "å"  # "… er at"
                return f"Ja. Ett av målene er {link} {item}."
        return f"Nei. {goals}"

    def one_of_the_items(self, q: Question, entry: Entry) -> str | None:
        """ "Er digital kompetanse et av temaene i læringsorientert ledelse?": "Ja." and the
        item, or "Nei." and the list, when the question names the list by its heading."""
        heading = set(self._normaliser.terms(entry.items_title or ""))
        if not (q.yes_no and q.has(Cue.MEMBERS) and entry.items and heading & set(q.terms)):
            return None
        claim = [term for term in self._claim(q, entry) if term not in heading]
        # "… i Trondheim?": a member name says where, not which item
        claim = [term for term in claim if term not in self._member_terms] or claim
        if not claim or entry.members:
            return None
        for item in entry.items:
            if all(said_in(term, set(self._normaliser.terms(item))) for term in claim):
                return f"Ja. {item[:1].upper()}{item[1:]} er ett av dem."
        listed = answers.join_words(list(entry.items))
        return f"Nei. {entry.items_title}: {listed}."

    def fewer_items_than_listed(self, q: Question, entry: Entry) -> str | None:
        """ "Består modellen bare av en desentralisert ordning og en oppfølgingsordning?":
        "Nei." and the whole list, when "bare" names some of the entry's list but not all."""
        if ONLY_WORDS.isdisjoint(q.words) or not entry.items or not entry.items_title:
            return None
        if "eller" in q.words:
            return None  # "er Midtre Gauldal med, eller bare Melhus?" asks of the first
        asked = set(q.terms)
        kinds = self._kind_words.get(entry.kind, frozenset()) | STOP_WORDS_FOLDED
        named = 0
        for item in entry.items:
            own = {term for term in self._normaliser.terms(item) if term not in kinds}
            named += bool(own) and own <= asked
        if not 0 < named < len(entry.items):
            return None
        listed = answers.join_words([item[:1].lower() + item[1:] for item in entry.items])
        return f"Nei. {entry.items_title}: {listed}."


def said_in(term: str, terms: AbstractSet[str]) -> bool:
    """Whether a sentence's terms say the term: as it is, inflected, or as a compound."""
    return (
        inflected_in(term, set(terms))
        or ends_a_compound(term, terms)
        or shortens_a_compound(term, terms)
    )


def unnamed_member(q: Question, group: Entry, normaliser: Normaliser) -> str | None:
    """ "Er digitale ferdigheter et av fokusområdene?": the words before "et av" as typed,
    when they share no word with any of the group's members."""
    typed = typed_words(q.text)
    folded = [fold(word) for word in typed]
    pairs = enumerate(pairwise(folded))
    at = next((i for i, (one, of) in pairs if one in _ONE_OF and of == "av"), None)
    if at is None:  # "Is digital kompetanse one of …?": as the words read in Norwegian
        typed = list(q.words)
        pairs = enumerate(pairwise(typed))
        at = next((i for i, (one, of) in pairs if one in _ONE_OF and of == "av"), None)
    if at is None or at < 2:
        return None
    named = " ".join(typed[1:at])
    terms = set(normaliser.terms(named))
    members = {term for member in group.members for term in normaliser.terms(member)}
    return None if not terms or terms & members else named


_ONE_OF = frozenset({"en", "et", "ett", "ei", "ein", "eit"})
