"""What the engine gives back: a `Reply` with its `Intent`, the entries it matched and the
suggestions it offers. Plain values, so every channel can render them and the log can keep them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.core import answers
from bot.core.index import Hit
from bot.core.knowledge import Entry, KnowledgeBase


class Intent(StrEnum):
    NEXT_EVENT = "next_event"
    PREVIOUS_EVENT = "previous_event"
    UPCOMING_EVENTS = "upcoming_events"
    EVENTS_IN_PERIOD = "events_in_period"
    EVENT_INFO = "event_info"
    DEADLINE = "deadline"
    WHERE = "where"
    AUDIENCE = "audience"
    CANCELLED = "cancelled"
    WHAT_IS = "what_is"
    LIST = "list"
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    GOODBYE = "goodbye"
    UNKNOWN = "unknown"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    kind: str
    title: str
    score: float


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    confident: bool
    intent: Intent
    matches: tuple[Match, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    source: str | None = None  # "Kilde: …" line

    @property
    def subjects(self) -> tuple[str, ...]:
        """What a confident reply was about, main entry first: the chat's memory (follow-ups)."""
        return tuple(match.id for match in self.matches) if self.confident else ()

    @property
    def full_text(self) -> str:
        return f"{self.text}\n\n{self.source}" if self.source else self.text

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of `python -m bot ask --json` and `--jsonl`."""
        return {
            "answer": self.full_text,
            "confident": self.confident,
            "intent": self.intent.value,
            "matches": [
                {"id": m.id, "kind": m.kind, "title": m.title, "score": round(m.score, 3)}
                for m in self.matches
            ],
            "suggestions": [s.title for s in self.suggestions],
        }


def reply_about(
    kb: KnowledgeBase,
    text: str,
    intent: Intent,
    entries: Sequence[Entry],
    hits: Sequence[Hit] = (),
) -> Reply:
    """A confident reply about `entries`: each matched with its search score (1.0 when it was
    not searched for), and the "Kilde: …" line of their sources."""
    scores = {hit.entry.id: hit.score for hit in hits}
    matches = tuple(Match(e.id, e.kind.value, e.title, scores.get(e.id, 1.0)) for e in entries)
    return Reply(text, True, intent, matches, (), answers.source_line(kb, entries))


def matches_of(hits: Sequence[Hit]) -> tuple[Match, ...]:
    """Every search hit as a match, with its score."""
    return tuple(Match(h.entry.id, h.entry.kind.value, h.entry.title, h.score) for h in hits)


# A sentence ends at . ! or ? before a capital letter; a line break ends one too. Bullets stay
# on their lines.
_SENTENCE = re.compile(r"(?<=[.!?]) (?=[A-ZÆØÅ«])")


def _sentences(text: str) -> list[str]:
    """The sentences of a reply, a verdict ("Nei.") kept with the sentence it opens, a title
    in «…» kept whole («Kompetanse for framtidens barnehage. Strategi 2014–2020»)."""
    parts: list[str] = []
    for part in _SENTENCE.split(text):
        if parts and parts[-1].count("«") > parts[-1].count("»"):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    for i in range(len(parts) - 1, 0, -1):
        if parts[i - 1] in ("Ja.", "Nei."):
            parts[i - 1 : i + 1] = [f"{parts[i - 1]} {parts[i]}"]
    return parts


def combined(replies: Sequence[Reply]) -> Reply:
    """One reply to a message that asked several things ("Når er fristen, og hvor er den?").
    A sentence an earlier part said already is not said again."""
    first = replies[0]
    matches: list[Match] = []
    for reply in replies:
        matches += [m for m in reply.matches if m.id not in {seen.id for seen in matches}]
    parts = [_sentences(reply.text) for reply in replies]
    # "… trådte i kraft i 2019. … var det 2017?": the verdict part says the sentence again
    judged = {
        sentence.split(" ", 1)[1]
        for sentences in parts[1:]
        for sentence in sentences
        if sentence.startswith(("Ja. ", "Nei. "))
    }
    said: set[str] = set()
    texts = []
    for number, sentences in enumerate(parts):
        kept = [part for part in sentences if part not in said]
        if number < len(parts) - 1:
            kept = [part for part in kept if part not in judged]
            later = {part for after in parts[number + 1 :] for part in after}
            if all(part in later for part in kept):
                continue  # a later part says all of it again, in its own order
        said.update(kept)
        if kept:
            texts.append(" ".join(kept))
    return Reply(
        "\n\n".join(texts),
        all(reply.confident for reply in replies),
        first.intent,
        tuple(matches),
        next((reply.suggestions for reply in replies if reply.suggestions), ()),
        next((reply.source for reply in replies if reply.source), None),
    )
