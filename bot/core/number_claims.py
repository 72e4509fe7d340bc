"""How many of something the question claims, against how many the sources say.

"har den nye modellen fire ordninger?" claims four where the page says "tre ordninger", so the
answer is "Nei." with the sentence that counts them; "har fokusområdet seks tema?" gets "Ja.".
Only number words count: a digit is a date, a year or a grade ("1. trinn") far more often.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from bot.core.question_words import NUMBER_VALUES
from bot.core.sentence_words import same_noun
from bot.core.text import fold, stem, typed_words


@dataclass(frozen=True)
class CountVerdict:
    """Whether the sources agree with the number claimed, and the sentence that says so."""

    agrees: bool
    sentence: str


def claimed_counts(text: str) -> list[tuple[int, str]]:
    """The (number, noun stem) pairs a text says: "fire ordninger" → (4, "ordning")."""
    words = [fold(word) for word in typed_words(text)]
    return [
        (NUMBER_VALUES[word], stem(after))
        for word, after in pairwise([*words, ""])
        if word in NUMBER_VALUES and after and after not in NUMBER_VALUES
    ]


def judge_count(question: str, sentences: Iterable[str]) -> CountVerdict | None:
    """The verdict on the first number the question claims that a sentence also counts."""
    claims = claimed_counts(question)
    if not claims:
        return None
    for sentence in sentences:
        for said, noun in claimed_counts(sentence):
            for claimed, asked in claims:
                if same_noun(asked, noun) or same_noun(noun, asked):
                    return CountVerdict(claimed == said, sentence)
    return None
