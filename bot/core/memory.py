"""What a chat talked about last, so that "og når er fristen da?" has something to refer to.

The conversation layer keeps one `Memory` per chat and hands it to `Engine.ask`; the engine
returns the next one inside the `Reply`. It is forgotten after `FORGET_AFTER` of silence, so a
question tomorrow is not read as a follow-up to one asked today. Pure data: no clock here, the
moment comes from the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

FORGET_AFTER = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Memory:
    """The entries the last confident answer was about, the main one first."""

    subjects: tuple[str, ...]  # entry ids; samlinger included
    at: datetime

    def fresh(self, now: datetime) -> bool:
        """Still worth referring to: at most `FORGET_AFTER` of silence. A clock that went back
        (a replay with fixed moments, `ask --jsonl`) says nothing about silence."""
        return bool(self.subjects) and now - self.at <= FORGET_AFTER

    @property
    def subject(self) -> str:
        return self.subjects[0]


def remember(previous: Memory | None, subjects: tuple[str, ...], now: datetime) -> Memory | None:
    """The memory after an answer: its subjects when it had any, else the old memory kept
    fresh (small talk does not make the bot forget what the chat was about)."""
    if subjects:
        return Memory(subjects, now)
    if previous is not None and previous.fresh(now):
        return Memory(previous.subjects, now)
    return None
