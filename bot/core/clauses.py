"""Finding what is asked in a message: the question parts apart from the personal context.

"Hei! Jeg er pedagogisk leder i Holtålen og har nettopp begynt, så jeg lurer på når neste
samling er" asks one thing; the rest tells who is asking. "Når er fristen, og hvor er
samlingen?" asks two things. Splitting a message into clauses lets the engine answer each
question part and let the context count only for what the bot recognises in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.question_words import QUESTION_INTRODUCERS
from bot.core.text import fold

# Sentence ends: ? and ! always; a full stop not after a digit or a short abbreviation
# ("1. trinn", "21. oktober", "st.meld.").
_SENTENCE_END = re.compile(r"(?<=[?!])\s*|(?<=[a-zæøå]{4}[.])\s+|\n+", re.IGNORECASE)
_PART_BREAK = re.compile(r"\s*(?:,|\s[-–]\s|;)\s*(?:og\s+|men\s+|eller\s+)?|\s+og\s+")
_INTRODUCER = re.compile(
    r"\b(?:" + "|".join(re.escape(fold(text)) for text in QUESTION_INTRODUCERS) + r")\b\s*"
)


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    is_question: bool


OpenerTest = Callable[[str], bool]


def split_clauses(text: str, opens_question: OpenerTest) -> list[Clause]:
    """The message as clauses in order. `opens_question(word)` says whether a folded word
    starts a question ("hva", "når", "er" ...); a part that starts with one is a question."""
    clauses: list[Clause] = []
    for sentence in _sentences(text):
        clauses.extend(_parts(sentence, opens_question))
    return [clause for clause in clauses if clause.text]


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def _parts(sentence: str, opens_question: OpenerTest) -> list[Clause]:
    """A sentence split where a new question starts: after a comma, a dash or "og"."""
    asked = sentence.rstrip().endswith("?")
    folded = fold(sentence)
    introduced = _INTRODUCER.search(folded)
    if introduced is not None:
        before = sentence[: introduced.start()].strip(" ,.")
        after = sentence[introduced.end() :].strip()
        parts = [Clause(before, False)] if before else []
        return [*parts, Clause(after, True)]
    pieces: list[str] = []
    start = 0
    for match in _PART_BREAK.finditer(sentence):
        rest = sentence[match.end() :]
        first = _first_word(rest)
        if first and opens_question(first) and match.start() > start:
            pieces.append(sentence[start : match.start()])
            start = match.end()
    pieces.append(sentence[start:])
    if len(pieces) == 1:
        first = _first_word(sentence)
        return [Clause(sentence.strip(), asked or (bool(first) and opens_question(first)))]
    clauses = []
    for piece in pieces:
        first = _first_word(piece)
        clauses.append(Clause(piece.strip(" ,"), bool(first) and opens_question(first)))
    if asked and not any(clause.is_question for clause in clauses):
        clauses[-1] = Clause(clauses[-1].text, True)
    return clauses


def _first_word(text: str) -> str:
    match = re.search(r"[^\W\d_]+", fold(text))
    return match.group(0) if match else ""
