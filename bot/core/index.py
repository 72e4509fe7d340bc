"""A Norwegian-aware search index over the knowledge base.

Matching happens in two steps so it stays fast on large knowledge bases:
1. every query term is resolved to a known term (exact stem, a compound split, or a typo fix with
   rapidfuzz over words of similar length), and entries are scored through an inverted index,
   weighting rare terms higher (IDF) and titles/phrasings above answer text;
2. the best few are re-ranked by how closely the whole question resembles one of the entry's
   phrasings (rapidfuzz token_sort_ratio), which rewards questions that say exactly what an
   entry is about and nothing else.
Unknown words stay in the denominator: a question full of words the knowledge base has never
seen cannot score high, however well its one familiar word matches.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.knowledge import Entry
from bot.core.text import Normaliser

STRONG = 1.0  # title, phrasings, keywords, event facts
LISTED = 0.8  # the entry's list (goals, themes, members)
WEAK = 0.55  # answer text
COMPOUND_PART = 0.8  # a part of a compound word counts a little less than the word itself
LEXICAL_SHARE = 0.55  # how much of the question the entry contains
PHRASE_SHARE = 0.35  # how closely the question resembles one of the entry's phrasings
TITLE_SHARE = 0.10  # how much of the entry's title (or all of its id) the question names
MIN_TAIL = 5  # "bibliotek" finds "skolebibliotek": compound tails at least this long
# "på kommune-, skole- og individnivå": words that share the last word's tail. That tail is a
# word of its own ("nivå"), so each of its possible endings of at least four letters is indexed.
_SUSPENDED = re.compile(r"\w+-(?:,?\s+\w+-)*\s+(?:og|eller)\s+(\w+)")
MIN_SHARED_TAIL = 4
RERANK = 12  # how many lexical candidates get the phrase comparison


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    score: float  # 0..1
    lexical: float
    phrase: float
    covered: frozenset[str] = frozenset()  # question terms found in title, phrasings or list
    named: bool = False  # the question names the entry by its id ("rekom")


@dataclass(frozen=True, slots=True)
class TermMatch:
    """How one question term was understood."""

    term: str
    known: tuple[tuple[str, float], ...]  # (index term, quality 0..1); empty when unknown
    weight: float  # how much this term matters in the question


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[Hit, ...]
    terms: tuple[TermMatch, ...]

    def coverage(
        self, recognised_extra: float = 0.0, also_known: frozenset[str] = frozenset()
    ) -> float:
        """Share of the question's weight the knowledge base recognised.

        `recognised_extra` adds weight the caller recognised itself (question words), on both
        sides of the fraction; `also_known` are terms the caller understood although no entry
        has them (an audience from the vocabulary, "ungdomstrinnet"). A question with no weight
        at all counts as not understood.
        """
        total = sum(match.weight for match in self.terms) + recognised_extra
        if total == 0:
            return 0.0
        known = sum(
            m.weight * (1.0 if m.term in also_known else max(q for _, q in m.known))
            for m in self.terms
            if m.known or m.term in also_known
        )
        return (known + recognised_extra) / total


class SearchIndex:
    """Inverted index from normalised terms to entries."""

    def __init__(
        self,
        entries: Sequence[Entry],
        normaliser: Normaliser,
        stop_words: Iterable[str] = (),
        ignored_terms: Iterable[str] = (),
    ) -> None:
        self._entries = tuple(entries)
        self._normaliser = normaliser
        self._stop_words = frozenset(stop_words)  # typed words, folded
        self._ignored = frozenset(ignored_terms)  # terms that only signal a question type
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._phrases: list[list[str]] = []
        self._titles: list[frozenset[str]] = []
        self._names: list[frozenset[str]] = []  # an entry's id as terms: "rekom" is about REKOM
        self.surface_words: set[str] = set()  # the typed words of the indexed texts
        for position, entry in enumerate(self._entries):
            self._add_entry(position, entry)
        self._add_compound_parts()
        self._known = frozenset(self._postings)
        self._tails: dict[str, list[str]] = defaultdict(list)
        for term in self._known:
            for cut in range(3, len(term) - MIN_TAIL + 1):
                self._tails[term[cut:]].append(term)
        count = max(len(self._entries), 1)
        self._idf = {term: math.log(1 + count / len(p)) for term, p in self._postings.items()}
        self.unknown_weight = math.log(1 + count / 0.5)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for term in self._postings:
            self._by_length[len(term)].append(term)
        self._resolved: dict[str, tuple[tuple[str, float], ...]] = {}

    def has(self, term: str) -> bool:
        """Whether an entry has this very term (not a part, a tail or a typo of it)."""
        return term in self._known

    def knows(self, term: str) -> bool:
        """Whether the term is known at all: as itself, a part, a tail or a typo of a term."""
        return bool(self.resolve(term))

    def idf(self, term: str) -> float:
        return self._idf.get(term, self.unknown_weight)

    # -- building ---------------------------------------------------------------------------

    def _content(self, text: str) -> list[str]:
        """The terms of a knowledge-base text that a question can match."""
        terms = []
        stop_words, ignored, surface = self._stop_words, self._ignored, self.surface_words
        for word, term in self._normaliser.pairs(text):
            if word not in stop_words and term not in ignored:
                terms.append(term)
                surface.add(word)
        return terms

    def _add_entry(self, position: int, entry: Entry) -> None:
        """Post the entry's terms by weight, and keep the phrases a question is compared with."""
        own_name = entry.id.replace("-", " ")
        strong = [entry.title, *entry.phrasings, *entry.keywords, own_name]
        listed = [*entry.items, entry.items_title or ""]
        weak = [entry.answer]
        if entry.event is not None:
            event = entry.event
            strong += [*event.organisers, *(x for x in (event.location, event.platform) if x)]
            if event.scheme:
                strong.append(event.scheme)
            weak += [event.registration or ""]
        content: dict[str, list[str]] = {}
        for texts, weight in ((strong, STRONG), (listed, LISTED), (weak, WEAK)):
            for text in texts:
                if not text or text in content:
                    continue
                terms = content[text] = self._content(text)
                for term in self._shared_tails(text):
                    postings = self._postings[term]
                    postings[position] = max(postings.get(position, 0.0), weight * COMPOUND_PART)
                for term in terms:
                    postings = self._postings[term]
                    if postings.get(position, 0.0) < weight:
                        postings[position] = weight
        phrases = {" ".join(content[text]) for text in (entry.title, own_name, *entry.phrasings)}
        self._phrases.append(sorted(phrase for phrase in phrases if phrase))
        self._titles.append(frozenset(content[entry.title]))
        self._names.append(frozenset(content[own_name]))

    def _shared_tails(self, text: str) -> set[str]:
        """The terms of the tails a suspended compound shares ("individnivå" → "nivå")."""
        tails: set[str] = set()
        for match in _SUSPENDED.finditer(text):
            last = match.group(1)
            for cut in range(3, len(last) - MIN_SHARED_TAIL + 1):
                tails.update(self._content(last[cut:]))
        return tails

    def _add_compound_parts(self) -> None:
        """Let "ledersamling" be found by "leder" too: index the known parts of compounds."""
        known = set(self._postings)
        # A last part that ends two compounds is a word ("bibliotek" in "skolebibliotek" and
        # "bydelsbibliotek"), though the sources never write it alone.
        endings = Counter(
            term[cut:] for term in known for cut in range(4, len(term) - MIN_TAIL + 1)
        )
        words = known | {ending for ending, count in endings.items() if count >= 2}
        for term in list(self._postings):
            parts = split_compound(term, known) or _head_of(term, words)
            for part in parts:
                target = self._postings[part]
                for position, weight in self._postings[term].items():
                    target[position] = max(target.get(position, 0.0), weight * COMPOUND_PART)

    # -- querying ---------------------------------------------------------------------------

    def resolve(self, term: str) -> tuple[tuple[str, float], ...]:
        """Known index terms for a question term: itself, its compound parts, or a typo fix."""
        cached = self._resolved.get(term)
        if cached is not None:
            return cached
        result: tuple[tuple[str, float], ...] = ()
        if term in self._postings:
            result = ((term, 1.0),)
        else:
            parts = split_compound(term, self._known)
            tails = self._tails.get(term, ()) if len(term) >= MIN_TAIL else ()
            if parts:
                result = tuple((part, COMPOUND_PART) for part in parts)
            elif tails:
                result = tuple((compound, COMPOUND_PART) for compound in sorted(tails)[:20])
            else:
                fixed = self._typo_fix(term)
                if fixed is not None:
                    result = (fixed,)
        if len(self._resolved) < 200_000:
            self._resolved[term] = result
        return result

    def _typo_fix(self, term: str) -> tuple[str, float] | None:
        length = len(term)
        if length < 4 or term.isdigit():
            return None
        cutoff = 85.0 if length < 5 else 80.0
        best: tuple[str, float] | None = None
        for size in range(max(1, length - 2), length + 3):
            candidates = self._by_length.get(size)
            if not candidates:
                continue
            found = process.extractOne(term, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], found[1])
                cutoff = found[1]
        return None if best is None else (best[0], best[1] / 100)

    def match_terms(self, terms: Sequence[str]) -> tuple[TermMatch, ...]:
        matches = []
        for term in terms:
            known = self.resolve(term)
            if known:
                weight = max(self.idf(index_term) for index_term, _ in known)
            else:
                weight = self.unknown_weight * (0.3 if len(term) <= 2 else 1.0)
            matches.append(TermMatch(term, known, weight))
        return tuple(matches)

    def search(
        self,
        terms: Sequence[str],
        *,
        limit: int = 5,
        where: Callable[[Entry], bool] | None = None,
        rerank: bool = True,
    ) -> SearchResult:
        """Entries ranked for the question terms (content words only).

        `rerank=False` skips the phrase comparison, for callers that only need the lexical share
        of many entries (it is the costly step).
        """
        matches = self.match_terms(terms)
        total = sum(match.weight for match in matches)
        if total == 0:
            return SearchResult((), matches)
        lexical: dict[int, float] = defaultdict(float)
        covered: dict[int, set[str]] = defaultdict(set)
        for match in matches:
            credit: dict[int, float] = {}
            for index_term, quality in match.known:
                for position, field_weight in self._postings[index_term].items():
                    value = quality * field_weight
                    if value > credit.get(position, 0.0):
                        credit[position] = value
            for position, value in credit.items():
                lexical[position] += match.weight * value
                if value >= LISTED * COMPOUND_PART:
                    covered[position].add(match.term)
        ranked = sorted(lexical.items(), key=lambda item: -item[1])
        if where is not None:
            ranked = [item for item in ranked if where(self._entries[item[0]])]
        query = " ".join(
            match.known[0][0] if len(match.known) == 1 else match.term for match in matches
        )
        named = {index_term for match in matches for index_term, _ in match.known}
        hits = []
        if not rerank:
            for position, value in ranked[:limit]:
                share = value / total
                hits.append(Hit(self._entries[position], share, share, 0.0, frozenset()))
            return SearchResult(tuple(hits), matches)
        for position, value in ranked[: max(RERANK, limit)]:
            phrase = self._phrase_similarity(query, position)
            share = value / total
            title, name = self._titles[position], self._names[position]
            title_share = len(title & named) / len(title) if title else 0.0
            by_id = bool(name) and name <= named
            if by_id:
                title_share = 1.0
            score = LEXICAL_SHARE * share + PHRASE_SHARE * phrase + TITLE_SHARE * title_share
            entry = self._entries[position]
            hits.append(Hit(entry, score, share, phrase, frozenset(covered[position]), by_id))
        hits.sort(key=lambda hit: (-hit.score, hit.entry.id))
        return SearchResult(tuple(hits[:limit]), matches)

    def _phrase_similarity(self, query: str, position: int) -> float:
        phrases = self._phrases[position]
        if not phrases:
            return 0.0
        found = process.extractOne(query, phrases, scorer=fuzz.token_sort_ratio)
        return float(found[1]) / 100 if found else 0.0


def _head_of(term: str, vocabulary: set[str] | frozenset[str]) -> tuple[str, ...]:
    """ "bydelsbibliotek": a first part the sources never write alone ("bydel"), before a
    known last part of at least MIN_TAIL letters, so "biblioteket i bydelen" finds it too."""
    for cut in range(4, len(term) - MIN_TAIL + 1):
        head, tail = term[:cut], term[cut:]
        if tail in vocabulary:
            head = head[:-1] if head[-1] in "se" and len(head) > 4 else head
            return (head,)
    return ()


def split_compound(term: str, vocabulary: set[str] | frozenset[str]) -> tuple[str, ...]:
    """Split a compound into two known terms, preferring the longest tail (the head noun).

    "ledersamling" -> ("led", "samling") when both are known; linking -s- and -e- are allowed.
    """
    if len(term) < 7:
        return ()
    for cut in range(3, len(term) - 3):
        head, tail = term[:cut], term[cut:]
        if tail not in vocabulary:
            continue
        for candidate in (head, head[:-1] if head[-1] in "se" else None):
            if candidate and len(candidate) >= 3 and candidate in vocabulary:
                return (candidate, tail)
    return ()
