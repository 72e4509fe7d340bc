"""Typo correction for questions, before stemming mangles the typo further.

"nesste samlig" becomes "neste samling": an unknown word of five letters or more is replaced by
the closest word the bot knows (rapidfuzz ratio over words of similar length with the same first
letter: real typos rarely hit the first letter, and "vinner" must not become "finner"). Stop
words are never a target, so "været" is not "corrected" into a word the bot then ignores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

MIN_LENGTH = 5
CUTOFF = 80.0


class Speller:
    def __init__(self, targets: Iterable[str], also_known: Iterable[str] = ()) -> None:
        self._targets = frozenset(targets)
        self._known = self._targets | frozenset(also_known)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in sorted(self._targets):
            self._buckets[word[0], len(word)].append(word)
        self._cache: dict[str, str] = {}

    def correct(self, word: str) -> str:
        """The word itself when known or short, else the closest known word, else itself."""
        if len(word) < MIN_LENGTH or word in self._known or word.isdigit():
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        best, best_score = word, CUTOFF
        for size in range(len(word) - 2, len(word) + 3):
            candidates = self._buckets.get((word[0], size))
            if not candidates:
                continue
            found = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=best_score)
            if found is not None and found[1] > best_score:
                best, best_score = found[0], found[1]
        if len(self._cache) < 100_000:
            self._cache[word] = best
        return best
