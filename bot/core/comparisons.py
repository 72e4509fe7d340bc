"""Which of two things came first: "er REKOM eldre enn den nye modellen?", "kommer
engelsksamlingen før eller etter begynneropplæringa?", "hva kom først, A eller B?".

The question is read in two parts around its comparing word, each part must clearly name one
entry, and each entry must have a time: a samling its day, anything else the years its
sources give ("trådte i kraft i 2019", "2014–2020"). The answer says when each was, earliest
first; a yes/no question gets "Ja." or "Nei." before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from bot.core import answers
from bot.core.index import SearchIndex
from bot.core.knowledge import Entry, Fact
from bot.core.named_entries import clearly_named
from bot.core.question import Question
from bot.core.question_forms import STOP_WORDS_FOLDED
from bot.core.text import Normaliser, fold, typed_words

# Comparing words, folded, by whether they claim the first thing named is the earlier one ("er A
# eldre enn B?") or the later ("kom A etter B?"), or ask which ("A vs B"). "før" folds to "for"
# and is found by `_comparing_word`.
_EARLIER = frozenset({"eldre", "eldst", "tidligere", "tidlegare", "forst", "forste", "fyrst"})
_LATER = frozenset({"yngre", "nyere", "nyare", "etter", "seinere", "senere", "seinare", "sist"})
_WHICH = frozenset({"vs", "versus"})
_SAME_TIME = frozenset({"samtidig", "samme"})  # "… samtidig med modellen?", "samme år som"
_THAN = frozenset({"enn", "eller", "og", "vs", "versus", "med", "som", "ar"})  # between the two
_ENDED = ("avslutt", "slutt", "ferdig", "ende")  # "ble A avsluttet før B starta?": A's end
_FOLDED_BEFORE = "for"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class _Timed:
    entry: Entry
    first: date
    last: date
    said: str  # the sentence that says when


class Comparisons:
    """Answers which of two named entries came first."""

    def __init__(
        self, index: SearchIndex, normaliser: Normaliser, samling_words: frozenset[str]
    ) -> None:
        self._index = index
        self._normaliser = normaliser
        self._samling_words = samling_words  # "samling", "kurs": the same for every samling

    def answer(self, q: Question, now: datetime) -> tuple[str, list[Entry]] | None:
        """The answer and the two entries, when the question compares two named things in
        time; else None."""
        words = list(q.words)
        at = _comparing_word(q)
        if at is None:
            return None
        named = self._two_named(words, at, frozenset(q.cue_terms))
        if named is None:
            return None
        one, other = (self._timed(entry, now) for entry in named)
        if one is None or other is None:
            return None
        text = _in_order(one, other)
        claim = "eldre" if words[at] == _FOLDED_BEFORE else words[at]  # "før": earlier
        choice = words[at + 1 : at + 2] == ["eller"]  # "før eller etter?" asks which
        if q.yes_no and not choice and (claim in _EARLIER or claim in _LATER):
            ended = any(word.startswith(_ENDED) for word in words[:at])
            earlier = (one.last if ended else one.first) < other.first
            holds = earlier if claim in _EARLIER else one.first > other.first
            text = ("Ja. " if holds else "Nei. ") + text
        elif q.yes_no and claim in _SAME_TIME:  # "ble REKOM innført samtidig med modellen?"
            text = ("Ja. " if one.first.year == other.first.year else "Nei. ") + text
        return text, [one.entry, other.entry]

    def _two_named(
        self, words: list[str], at: int, cued: frozenset[str]
    ) -> tuple[Entry, Entry] | None:
        """The entries named on each side of the comparing word: "er A eldre enn B" → A, B;
        "hva kom først, A eller B" (nothing named before it) → A, B."""
        after = words[at + 1 :]
        while after and (after[0] in _THAN or _compares(after[0])):
            after = after[1:]  # "… før eller etter B", "… eldre enn B"
        first = self._named(words[:at], cued)
        if first is None:
            split = next((i for i, word in enumerate(after) if word in _THAN), None)
            if split is None:
                return None
            first = self._named(after[:split], cued)
            after = after[split + 1 :]
        second = self._named(after, cued)
        return (first, second) if first and second and first is not second else None

    def _named(self, words: list[str], cued: frozenset[str]) -> Entry | None:
        """The entry the words name, read without their small words ("kom", "den"), the words
        of what is asked (`cued`: "innført") and, beside words of its own, the word samling
        ("engelsk samlinga" is the English one)."""
        own = [
            word
            for word in words
            if word not in STOP_WORDS_FOLDED and not set(self._normaliser.terms(word)) <= cued
        ]
        named = [w for w in own if not set(self._normaliser.terms(w)) <= self._samling_words]
        return clearly_named(self._index, self._normaliser, named or own)

    def _timed(self, entry: Entry, now: datetime) -> _Timed | None:
        """The entry with when it was: a samling's day, or the years of its sources."""
        if entry.event is not None:
            event = entry.event
            return _Timed(entry, event.start, event.last_day, answers.event_headline(entry, now))
        said = entry.fact(Fact.WHEN) or entry.fact(Fact.PERIOD)
        years = sorted(int(year) for year in _YEAR.findall(said or ""))
        if said is None or not years:
            return None
        return _Timed(entry, date(years[0], 1, 1), date(years[-1], 12, 31), said)


def _compares(word: str) -> bool:
    return word in _EARLIER or word in _LATER or word in _WHICH or word in _SAME_TIME


def _comparing_word(q: Question) -> int | None:
    """Where the comparing word is among the question's words. They are folded, so "før" is
    "for" there: the "for" that is the typed "før" (counted among the words folding alike)."""
    typed = [word for word in typed_words(q.text) if fold(word) == _FOLDED_BEFORE]
    befores = [i for i, word in enumerate(typed) if word == "før"]
    folded = [i for i, word in enumerate(q.words) if word == _FOLDED_BEFORE]
    if befores and len(typed) == len(folded):
        return folded[befores[0]]
    return next((i for i, word in enumerate(q.words) if _compares(word)), None)


def _in_order(one: _Timed, other: _Timed) -> str:
    """When each was, the earlier first."""
    first, second = sorted((one, other), key=lambda timed: (timed.first, timed.last))
    return f"{_sentence(first.said)} {_sentence(second.said)}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
