"""Typo correction for questions, before stemming mangles the typo further.

"nesste samlig" becomes "neste samling": an unknown word of five letters or more is replaced by
the closest word the bot knows (rapidfuzz ratio over words of similar length with the same first
letter: real typos rarely hit the first letter, and "vinner" must not become "finner"). A word
cut off with a full stop ("skolebibl.prosjektet") is the shortest known word it starts. Stop
words are never a target, so "været" is not "corrected" into a word the bot then ignores.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import islice, takewhile

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, Prefix

MIN_LENGTH = 5
MIN_SMALL_SLIP = 3  # "ejg": from three letters, a slip of a small word is mended
MIN_ABBREVIATION = 6  # "skolebibl" may be cut off; "skole" is a word
MIN_SHORTENED = 4  # a word no typo explains, this long, may be shortened ("prosj", "avsl")
_COMPOUNDS_LOOKED_AT = 50
_PART = 4
CUTOFF = 80.0
LONG_WORD = 9  # from this length a typo may be two edits (a swap counts as one)
SAME_STEM = 0.75  # words that share this much of their start differ only in their ending


class Speller:
    def __init__(
        self,
        targets: Iterable[str],
        also_known: Iterable[str] = (),
        small_words: Mapping[str, str] | None = None,
    ) -> None:
        """`small_words`: words typed as small words ("jeg", "eller", "egentli") and the word
        each stands for; a slip of one is that word, which then counts for little."""
        self._targets = frozenset(targets)
        self._known = self._targets | frozenset(also_known)
        self._small = dict(small_words or {})
        self._small_by_length: dict[int, list[str]] = defaultdict(list)
        for small in self._small:
            self._small_by_length[len(small)].append(small)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._sorted = sorted(self._targets)
        for word in self._sorted:
            self._buckets[word[0], len(word)].append(word)
        self._cache: dict[str, str] = {}

    def correct(self, word: str, *, cut_off: bool = False) -> str:
        """The word itself when known or short, else the closest known word, else itself.
        A word written `cut_off` ("skolebibl.") may be the start of a known word."""
        if cut_off and word not in self._known:
            completed = self._completed(word)
            if completed != word:
                return completed
            if MIN_SHORTENED <= len(word) < MIN_LENGTH:
                return self._shortened(word)  # "avsl." (but not "lang", a word of its own)
        if word in self._known or word.isdigit():
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(word) < MIN_LENGTH:
            return self._remember(word, self._small_slip(word))
        best, best_score = word, CUTOFF
        for size in range(len(word) - 2, len(word) + 3):
            candidates = self._buckets.get((word[0], size))
            if not candidates:
                continue
            found = process.extract(
                word, candidates, scorer=fuzz.ratio, score_cutoff=best_score, limit=3
            )
            for candidate, score, _ in found:
                if score > best_score and _few_edits(word, candidate):
                    best, best_score = candidate, score
                    break
        if best == word and word.isalpha():  # "prosj", "nettv", "samarb": shortened
            best = self._shortened(word)
        if best == word:
            best = self._small_slip(word)  # "egentig" of "egentlig"
        return self._remember(word, best)

    def _remember(self, word: str, corrected: str) -> str:
        if len(self._cache) < 100_000:
            self._cache[word] = corrected
        return corrected

    def _small_slip(self, word: str) -> str:
        """ "ejg" is "jeg", "ellr" "eller", "forr" "for": one slip from exactly one small word."""
        if word in self._small:  # "forr", folded from "førr" and typed without "ø"
            return self._small[word]
        if len(word) < MIN_SMALL_SLIP or not word.isalpha():
            return word
        found = {
            self._small[small]
            for size in (len(word) - 1, len(word), len(word) + 1)
            for small in self._small_by_length.get(size, ())
            if _one_slip(word, small)
        }
        return found.pop() if len(found) == 1 else word

    def _shortened(self, word: str) -> str:
        """The known word a shortened one stands for ("prosj" → "prosjekt"), unless it is
        the first part of compounds and so a word of its own ("oppvekst")."""
        return word if self._starts_a_compound(word) else self._completed(word, MIN_SHORTENED)

    def _starts_a_compound(self, word: str) -> bool:
        """Whether a known word is `word` and another known word ("oppvekst" + "området"),
        not the shortest word `word` starts and an ending ("ledersaml" + "ingen")."""
        at = bisect_left(self._sorted, word)
        longer = takewhile(lambda known: known.startswith(word), islice(self._sorted, at, None))
        completed = None  # the first known word `word` starts, when it is no word itself
        for known in islice(longer, _COMPOUNDS_LOOKED_AT):
            if completed is not None and known.startswith(completed):
                continue  # "ledersamlingen" is "ledersamling" with its ending
            if known != word and word not in self._known:
                completed = completed or known  # (sorted: a word comes before its extensions)
            rest = known[len(word) :]
            linked = rest[:1] == "s" and rest[1:] in self._known
            if len(rest) >= _PART and (rest in self._known or linked):
                return True  # (rest[1:]: with a linking "s", "ledelses|område")
        return False

    def _completed(self, word: str, shortest: int = 0) -> str:
        """ "skolebibl" (as in "skolebibl.prosjektet") is "skolebibliotek": a cut-off word is
        the shortest known word it starts, when it is long enough to tell."""
        if len(word) < (shortest or MIN_ABBREVIATION):
            return word
        at = bisect_left(self._sorted, word)
        if at < len(self._sorted) and self._sorted[at].startswith(word):
            following = islice(self._sorted, at, None)
            return min(takewhile(lambda known: known.startswith(word), following), key=len)
        return word


def _one_slip(typed: str, small: str) -> bool:
    """Two letters swapped ("ejg"), a letter left out ("ellr") or one doubled ("forr"): the
    slips of a quick thumb. Never another letter ("midt" is no "mitt", "hist" no "hit"), nor
    the last one left out ("jobb" is no "jobbe")."""
    if len(typed) == len(small):
        return _swapped(typed, small)
    if len(typed) + 1 == len(small):
        return any(  # inside the word: "jobb" is a word of its own, not "jobbe" cut short
            small[:i] + small[i + 1 :] == typed for i in range(1, len(small) - 1)
        )
    if len(typed) == len(small) + 1:
        return any(
            typed[i] == typed[i - 1] and typed[:i] + typed[i + 1 :] == small
            for i in range(1, len(typed))
        )
    return False


def _swapped(typed: str, small: str) -> bool:
    """Two neighbouring letters typed the other way round ("ejg" for "jeg")."""
    differ = [i for i, (a, b) in enumerate(zip(typed, small, strict=True)) if a != b]
    if len(differ) != 2 or differ[1] != differ[0] + 1:
        return False
    i = differ[0]
    return typed[i] == small[i + 1] and typed[i + 1] == small[i]


def _few_edits(typed: str, known: str) -> bool:
    """A typo is one or two slips, or another ending of the same word ("implementere",
    "implementering"), not another word: "fagforeningen" is no "fagfornying", though most of
    the letters agree."""
    allowed = 2 if len(typed) >= LONG_WORD else 1
    if DamerauLevenshtein.distance(typed, known, score_cutoff=allowed) <= allowed:
        return True
    shared = Prefix.similarity(typed, known)  # letters the two words start with alike
    return shared >= SAME_STEM * min(len(typed), len(known))
