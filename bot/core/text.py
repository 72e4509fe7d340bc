"""Norwegian text normalisation: the one place that decides when two words are "the same".

Users type on phones between lessons: "paamelding", "pamelding" and "påmelding" are one word,
so are "samlinga" and "samlingar", and "kva" is "hva". Questions and knowledge-base text go
through the same `Normaliser`, so whatever it folds together on one side it folds on the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

_LETTERS = str.maketrans({"æ": "e", "ø": "o", "å": "a", "ä": "e", "ö": "o", "ß": "ss"})
_DIGRAPHS = (("aa", "a"), ("ae", "e"), ("oe", "o"))
_WORD = re.compile(r"[a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_STEMMER = snowballstemmer.stemmer("norwegian")


def fold(text: str) -> str:
    """Lowercase and fold æ/ø/å and their ASCII spellings (ae/oe/aa) to one form."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower().translate(_LETTERS)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    return text


_TYPED_WORD = re.compile(r"[^\W_]+")


def typed_words(text: str) -> list[str]:
    """The words of a text in lower case as written, not folded ("Kæm" -> "kæm")."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _TYPED_WORD.findall(text.lower())


def words(text: str) -> tuple[str, ...]:
    """The folded words of a text, punctuation dropped ("1. trinn" -> ("1", "trinn"))."""
    return tuple(_WORD.findall(fold(text)))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stem of a folded word, stable across Norwegian inflections.

    Snowball alone leaves "tema"/"temaer" and "styrer"/"styrere" apart, so one more round
    strips a final -er/-ar and a final vowel while at least three letters remain.
    """
    if word.isdigit() or len(word) <= 3:
        return word
    result: str = _STEMMER.stemWord(word)
    if result.endswith(("er", "ar")) and len(result) >= 5:
        result = result[:-2]
    if result.endswith(("e", "a")) and len(result) >= 4:
        result = result[:-1]
    return result


class Token(NamedTuple):
    """A word as typed (folded) and the term it is compared by."""

    word: str
    term: str


class Normaliser:
    """Turns text into comparable terms: folded, stemmed, synonyms mapped to one canonical form.

    Synonym phrases are matched on stems, so "desentraliserte ordningen" and "desentralisert
    ordning" both become "dekom" when the vocabulary says so.
    """

    def __init__(self, synonym_groups: Iterable[Sequence[str]] = ()) -> None:
        self._phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for group in synonym_groups:
            canonical = tuple(stem(word) for word in words(group[0]))
            for phrase in group[1:]:
                stems = tuple(stem(word) for word in words(phrase))
                if stems and stems != canonical:
                    self._phrases.setdefault(stems[0], []).append((stems, canonical))
        for candidates in self._phrases.values():
            candidates.sort(key=lambda pair: -len(pair[0]))
        self._cache: dict[str, tuple[Token, ...]] = {}

    def terms(self, text: str) -> tuple[str, ...]:
        """All terms of a text in order, synonyms replaced by their canonical form."""
        return tuple(token.term for token in self.tokens(text))

    def tokens(self, text: str) -> tuple[Token, ...]:
        """Like `terms`, keeping the typed word beside each term (for stop-word checks).

        Remembered per text: users repeat themselves.
        """
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        result = tuple(Token(word, term) for word, term in self.pairs(text))
        if len(self._cache) < 100_000:
            self._cache[text] = result
        return result

    def pairs(self, text: str) -> Iterable[tuple[str, str]]:
        """(typed word, term) for each word; the fast path for indexing, nothing remembered."""
        typed = words(text)
        stems = [stem(word) for word in typed]
        if self._phrases.keys().isdisjoint(stems):
            return zip(typed, stems, strict=True)
        return self._apply_synonyms(typed, stems)

    def _apply_synonyms(self, typed: Sequence[str], stems: list[str]) -> tuple[Token, ...]:
        out: list[Token] = []
        i = 0
        while i < len(stems):
            for phrase, canonical in self._phrases.get(stems[i], ()):
                if tuple(stems[i : i + len(phrase)]) == phrase:
                    surface = " ".join(typed[i : i + len(phrase)])
                    out.extend(Token(surface, term) for term in canonical)
                    i += len(phrase)
                    break
            else:
                out.append(Token(typed[i], stems[i]))
                i += 1
        return tuple(out)
