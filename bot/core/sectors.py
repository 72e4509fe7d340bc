"""The sectors entries apply to (barnehage, skole, PPT), and which sector an audience asked of
is in: "er REKOM for ungdomsskolen?" asks whether REKOM is for skole, and the "lærere" of the
barnehage strategy are its barnehagelærere."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.knowledge import Audience, Entry, KnowledgeBase
from bot.core.text import Normaliser, fold

_PEOPLE = 5  # the shortest name of people ("lærer") a sector's words may end in


class Sectors:
    """Audiences that entries say they apply to: narrower groups such as "lærere i engelsk"
    are people in a sector, not a sector of their own."""

    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser) -> None:
        self._kb = kb
        self._normaliser = normaliser
        self._sectors = frozenset(a for entry in kb for a in entry.applies_to)
        audiences = kb.vocabulary.audiences
        self._words = {
            a: [frozenset(normaliser.terms(word)) for word in audiences[a].words]
            for a in self._sectors
            if a in audiences
        }
        self._in_titles: dict[str, frozenset[str]] = {}

    def of(self, audiences: Iterable[str], entry: Entry | None = None) -> set[str]:
        """The sectors the audiences are, or are part of ("ungdomstrinn" of "skole"). Of an
        entry for another sector whose people have the audience's name, that sector."""
        known = self._kb.vocabulary.audiences
        wider: set[str | None] = set()
        for audience in audiences:
            if audience in self._sectors or audience not in known:
                wider.add(audience)
                continue
            sector = known[audience].part_of
            if sector is not None and entry is not None and sector not in entry.applies_to:
                theirs = (s for s in entry.applies_to if self._people_of(s, known[audience]))
                sector = next(theirs, sector)
            wider.add(sector)
        return {a for a in wider if a is not None} & self._sectors

    def in_title(self, entry: Entry) -> frozenset[str]:
        """The sectors the entry's own title names ("… i skolen"), worked out once."""
        named = self._in_titles.get(entry.id)
        if named is None:
            title = set(self._normaliser.terms(entry.title))
            named = frozenset(
                a for a, words in self._words.items() if any(w <= title for w in words)
            )
            self._in_titles[entry.id] = named
        return named

    def _people_of(self, sector: str, audience: Audience) -> bool:
        """Whether the sector's words name the audience's people ("barnehagelærer", "lærer")."""
        theirs = self._kb.vocabulary.audiences.get(sector)
        ends = tuple(fold(word) for word in audience.words if len(word) >= _PEOPLE)
        return theirs is not None and any(fold(word).endswith(ends) for word in theirs.words)
