"""Which words of a question name an audience, a scheme, a region, an organiser or a place,
and the `Filters` they set: "for styrere", "i Rennebu", "på Oppdal", "DEKOM-samlingene"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.knowledge import Kind, KnowledgeBase
from bot.core.text import Normaliser, fold


@dataclass(frozen=True, slots=True)
class Filters:
    """Facets of an event a question narrows to; empty means no narrowing."""

    audiences: frozenset[str] = frozenset()
    schemes: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    organisers: frozenset[str] = frozenset()
    locations: frozenset[str] = frozenset()
    # Regions a named member belongs to ("i Rennebu" -> Gauldalsregionen): they narrow samlinger
    # only (`for_samlinger`), so "er Malvik med i Gauldalsregionen?" still names one region.
    member_of: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(
            self.audiences or self.schemes or self.regions or self.organisers or self.locations
        )

    def for_samlinger(self) -> Filters:
        """The filters that narrow samlinger: a named member's region counts as its region."""
        return replace(self, regions=self.regions or self.member_of, member_of=frozenset())

    def without_bodies(self) -> Filters:
        """Without the region and organisers: "hvem holder den sammen med regionen?" names
        whom the samling is held with, not which samlinger."""
        return replace(self, regions=frozenset(), organisers=frozenset())

    def or_else(self, other: Filters) -> Filters:
        """These filters, with `other`'s for each facet these leave open."""
        return Filters(
            audiences=self.audiences or other.audiences,
            schemes=self.schemes or other.schemes,
            regions=self.regions or other.regions,
            organisers=self.organisers or other.organisers,
            locations=self.locations or other.locations,
            member_of=self.member_of or other.member_of,
        )


MIN_SECTOR = 4  # an audience word this long may start a compound naming another ("skoleleder")
_COMPOUND_HEAD = 5  # the first part of a compound of two audience words ("engelsk", "trinn")
_CACHED_COMPOUNDS = 50_000
_FACET_ORDER = ("audiences", "schemes", "locations", "regions", "organisers", "member_of")


class Facets:
    """Which question terms name an audience, a scheme, a region, an organiser or a place.

    Phrases are kept by their first term, so finding them costs a lookup per question term,
    however large the knowledge base.
    """

    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser) -> None:
        self._by_first: dict[str, set[tuple[tuple[str, ...], str, str]]] = {}
        # A word shared by two audiences ("styrer" is both a leader and a styrer) picks the
        # narrower one, the audience described by fewer words.
        self._breadth = {a.id: len(a.words) for a in kb.vocabulary.audiences.values()}
        terms = normaliser.terms
        for audience in kb.vocabulary.audiences.values():
            for phrase in (audience.id.replace("-", " "), audience.label, *audience.words):
                self._add("audiences", terms(phrase), audience.id)
        self._also = _sector_prefixes(kb, normaliser)
        self._one_word_audiences = {
            phrase[0]: value
            for phrase, facet, value in (e for found in self._by_first.values() for e in found)
            if facet == "audiences" and len(phrase) == 1
        }
        self._compounds: dict[str, frozenset[str]] = {}
        organisers = {
            fold(name) for event in kb.events if event.event for name in event.event.organisers
        }
        for entry in kb:
            if entry.kind is Kind.SCHEME:
                self._add("schemes", terms(entry.id.replace("-", " ")), entry.id)
            elif entry.kind in (Kind.REGION, Kind.NETWORK):
                self._add("regions", terms(entry.id.replace("-", " ")), entry.id)
                # "samlinger i Rennebu": the region Rennebu belongs to (an organiser stays one)
                for member in entry.members:
                    if fold(member) not in organisers:
                        self._add("member_of", terms(member), entry.id)
        for entry in kb.events:
            assert entry.event is not None
            event = entry.event
            if event.scheme:
                self._add("schemes", terms(event.scheme), event.scheme)
                scheme = kb.get(event.scheme)
                if scheme is not None:
                    self._add("schemes", terms(scheme.title), event.scheme)
            if event.region:
                self._add("regions", terms(event.region.replace("-", " ")), event.region)
            for organiser in event.organisers:
                self._add("organisers", terms(organiser), organiser)
            if event.location:
                self._add("locations", terms(event.location), event.location)

    def _add(self, facet: str, terms: tuple[str, ...], value: str) -> None:
        if terms:
            self._by_first.setdefault(terms[0], set()).add((terms, facet, value))

    def find(self, content: Sequence[str]) -> tuple[Filters, frozenset[str]]:
        """Filters named in the content; a phrase counts for the first facet that claims it."""
        matched: dict[str, dict[tuple[str, ...], list[str]]] = {}
        for i, term in enumerate(content):
            for phrase, facet, value in self._by_first.get(term, ()):
                if tuple(content[i : i + len(phrase)]) == phrase:
                    matched.setdefault(facet, {}).setdefault(phrase, []).append(value)
        found: dict[str, frozenset[str]] = {}
        claimed: set[tuple[str, ...]] = set()
        for facet in _FACET_ORDER:
            phrases = {p: v for p, v in matched.get(facet, {}).items() if p not in claimed}
            claimed.update(phrases)
            if phrases:
                found[facet] = frozenset(
                    min(values, key=lambda v: (self._breadth.get(v, 0), v))
                    for values in phrases.values()
                )
        also = {a for phrase in matched.get("audiences", {}) for a in self._also.get(phrase, ())}
        used = {term for phrase in claimed for term in phrase}
        for term in content:  # "førsteklasselærere", "engelsklærerne": two audiences in one
            parts = self._audience_compound(term) if term not in self._by_first else frozenset()
            if parts:
                also |= parts
                used.add(term)
        if also:
            found["audiences"] = found.get("audiences", frozenset()) | also
        return Filters(**found), frozenset(used)

    def _audience_compound(self, term: str) -> frozenset[str]:
        """The audiences of an unknown compound of two one-word audience terms, a linking "s"
        or "e" between them: "forsteklass" + "e" + "ler"."""
        cached = self._compounds.get(term)
        if cached is not None:
            return cached
        found: frozenset[str] = frozenset()
        for cut in range(len(term) - 2, _COMPOUND_HEAD - 1, -1):
            head, tail = term[:cut], term[cut:]
            owner = self._one_word_audiences.get(head)
            if owner is None:
                continue
            rest = tail[1:] if tail[0] in "se" and tail[1:] in self._one_word_audiences else tail
            other = self._one_word_audiences.get(rest)
            if other is not None:
                found = frozenset({owner, other})
                break
        if len(self._compounds) < _CACHED_COMPOUNDS:
            self._compounds[term] = found
        return found


def _sector_prefixes(kb: KnowledgeBase, normaliser: Normaliser) -> dict[tuple[str, ...], set[str]]:
    """One-word audience phrases that start with another audience's one-word phrase, and that
    audience: "skoleleder" names the school as well as its leaders, "barnehageleder" the
    kindergarten."""
    single: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for audience in kb.vocabulary.audiences.values():
        for word in (audience.label, *audience.words):
            found = normaliser.terms(word)
            if len(found) == 1:
                single.setdefault(found[0], audience.id)
                phrases.append((found[0], audience.id))
    also: dict[tuple[str, ...], set[str]] = {}
    for term, owner in phrases:
        for head, other in single.items():
            compound = term != head and term.startswith(head) and len(head) >= MIN_SECTOR
            if compound and other != owner:
                also.setdefault((term,), set()).add(other)
    return also
