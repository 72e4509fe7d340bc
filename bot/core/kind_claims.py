"""Claims of what kind of thing something is: "er REKOM en stortingsmelding?", "er det en lov?".

Every entry is one kind of thing (an ordning, a strategy or white paper, a project, a focus
area, a network, a region). A yes/no question that calls a named entry by another kind, or by
a kind of thing no source speaks of ("en lov", "en app"), gets "Nei." and what the entry is.
Called by its own kind ("er DEKOM en ordning?"), or by a word the entry's title or tags use,
the question is left to `bot.core.yes_no`, which confirms what the entry says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.core.fact_answers import fact_text, summary
from bot.core.index import SearchIndex
from bot.core.knowledge import Entry, Fact, Kind, KnowledgeBase
from bot.core.named_entries import clearly_named
from bot.core.question import Question
from bot.core.sentence_words import ends_a_compound
from bot.core.subjects import MemberNames
from bot.core.text import Normaliser, fold, typed_words

_IS = frozenset({"er", "var", "e", "va"})
_ARTICLES = frozenset({"en", "et", "ett", "ei", "ein", "eit"})
_POINTERS = frozenset({"det", "den", "dette", "denne", "de", "dei"})
_HEDGES = frozenset({"slags", "slag", "type", "eget", "egen", "eige", "eiga", "ny", "nytt", "nye"})
_MOST_CLAIMED_WORDS = 3  # "en lov", "en statlig strategi"; longer is a claim of its own
# Words that make the noun phrase a part, a place or a claim beyond its kind: "en del av",
# "et av fokusområdene", "en ordning for barnehagene"
_NOT_A_KIND_CLAIM = frozenset({"av", "for", "fra", "i", "med", "om", "som", "til", "pa", "og"})


class KindClaims:
    """Answers "er X en K?" when K is not what X is."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: SearchIndex,
        normaliser: Normaliser,
        kind_words: Mapping[Kind, frozenset[str]],
        members: MemberNames,
    ) -> None:
        self._index = index
        self._normaliser = normaliser
        self._kind_words = kind_words
        # For each kind, the group that lists every entry of it and only them (the focus areas);
        # found in one pass over the groups (once a pass over every entry each: minutes at 20,000)
        kind_of = {entry.id: entry.kind for entry in kb}
        of_kind: dict[Kind, set[str]] = {}
        for entry in kb:
            of_kind.setdefault(entry.kind, set()).add(entry.id)
        self._listing: dict[Kind, Entry] = {}
        for group in kb:
            listed = {m.id for m in map(members.entry, group.members) if m is not None}
            kinds = {kind_of[entry_id] for entry_id in listed}
            if len(kinds) == 1 and listed == of_kind[next(iter(kinds))]:
                self._listing.setdefault(kinds.pop(), group)

    def verdict(self, q: Question, last: Entry | None) -> tuple[str, Entry] | None:
        """ "Nei. …" and the entry it is about, when the question calls a named entry (or the
        chat's `last` subject, "er det en lov?") a kind of thing it is not; else None."""
        parts = _named_and_claimed(q.words)
        if parts is None:
            return None
        named_words, claimed_words, tail = parts
        pointing = set(named_words) <= _POINTERS
        if pointing and tail:
            return None  # "er det en ny plan på gang?" asks whether there is one
        entry = last if pointing else clearly_named(self._index, self._normaliser, named_words)
        if entry is not None and not _NOT_A_KIND_CLAIM.isdisjoint(named_words):
            # "er kompetanse for framtidens barnehage en lov?" names it by its title; "er Oppdal
            # med i et nettverk?" asks of membership
            entry = entry if fold(" ".join(named_words)) in fold(entry.title) else None
        head = self._normaliser.terms(claimed_words[-1])
        claimed_kind = self._kind_of(head)
        if entry is None and not pointing and claimed_kind is not None:
            return self._not_among(q, named_words, claimed_kind)
        if entry is None or entry.is_event or entry.kind is Kind.TOPIC:
            return None  # a samling's verdicts are its own; a topic is of no one kind
        if not head or self._calls_itself(entry, head):
            return None
        if claimed_kind is entry.kind:
            return None  # "er DEKOM en ordning?": confirmed from the entry's own words
        if claimed_kind is None and any(self._known(term) for term in head):
            return None  # "er DEKOM et samarbeid?": a word of the sources, for them to judge
        return f"Nei. {summary(entry)}", entry

    def _not_among(
        self, q: Question, named_words: Sequence[str], kind: Kind
    ) -> tuple[str, Entry] | None:
        """ "er digitale ferdigheter et fokusområde?": something the sources do not name, called
        a kind whose every one a group lists, is not one of them when it shares no word with
        any of them: "Nei." and the list."""
        group = self._listing.get(kind)
        named_terms = set(self._normaliser.terms(" ".join(named_words)))
        if group is None or not named_terms:
            return None
        listed = {t for name in group.members for t in self._normaliser.terms(name)}
        if named_terms & listed:
            return None  # "er lesing og skriving et fokusområde?" names one of them
        shown = _as_typed(q.text, named_words)
        members_said = fact_text(group, Fact.MEMBERS) or ""
        return f"Nei, {shown} er ikke med i {group.title}. {members_said}".strip(), group

    def _calls_itself(self, entry: Entry, head: Sequence[str]) -> bool:
        """Whether the entry's title or tags use the claimed word ("er Gauldalsregionen et
        nettverk?" of a region tagged "nettverk")."""
        own = set(self._normaliser.terms(" ".join((entry.title, *entry.tags))))
        return any(term in own or ends_a_compound(term, own) for term in head)

    def _kind_of(self, head: Sequence[str]) -> Kind | None:
        """The kind the claimed word names, as itself or as the end of a compound
        ("lærerkurs" is a samling, "tilskotsordning" an ordning)."""
        for kind, words in self._kind_words.items():
            if any(_is_or_ends_in(term, words) for term in head):
                return kind
        return None

    def _known(self, term: str) -> bool:
        """Whether the sources use the word, or a compound of it; a guess at a typo counts too,
        since the word may be one of theirs misspelt."""
        return bool(self._index.resolve(term))


def _as_typed(text: str, read: Sequence[str]) -> str:
    """The words between the verb and the article as the asker typed them ("digitale
    ferdigheter", read as "digital ferdighet")."""
    typed = typed_words(text)
    at = next((i for i, word in enumerate(typed) if i > 1 and fold(word) in _ARTICLES), None)
    return " ".join(typed[1:at]) if at is not None else " ".join(read)


def _is_or_ends_in(term: str, words: frozenset[str]) -> bool:
    return term in words or any(
        len(word) >= _SHORTEST_LAST_PART
        and term.endswith(word)
        and len(term) >= len(word) + _SHORTEST_FIRST_PART
        for word in words
    )


_SHORTEST_FIRST_PART = 3  # "lærer" in "lærerkurs"
_SHORTEST_LAST_PART = 4  # "kurs"; not a stem as short as "mot" (møte)


def _named_and_claimed(words: Sequence[str]) -> tuple[list[str], list[str], bool] | None:
    """ "er rekom en stortingsmelding" → (["rekom"], ["stortingsmelding"], False): the words
    between the verb and the article, the noun phrase after it, and whether more follows
    ("… for elevene")."""
    if len(words) < 3 or words[0] not in _IS:
        return None
    at = next((i for i, word in enumerate(words) if i > 1 and word in _ARTICLES), None)
    if at is None:
        return None
    named, claimed = list(words[1:at]), list(words[at + 1 :])
    # "et slags leksehjelp opplegg for elevene": the noun phrase before what it is for
    ends = (i for i, word in enumerate(claimed) if word in _NOT_A_KIND_CLAIM or word.isdigit())
    end = next(ends, len(claimed))  # (a year read as the period is left out: "… 2023-2027")
    claimed = [word for word in claimed[:end] if word not in _HEDGES]
    tail = end < len(words) - at - 1
    if not named or not claimed or len(claimed) > _MOST_CLAIMED_WORDS:
        return None
    return named, claimed, tail
