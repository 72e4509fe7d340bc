"""The open editing dialogues, one per coordinator and chat, kept in memory.

A dialogue that nobody answers for `TIMEOUT` is forgotten; so is every dialogue at a restart
(nothing was saved yet, so nothing is lost but the typing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from bot.conversation.commands import Context
from bot.editing.values import Value

TIMEOUT = timedelta(minutes=30)
# The guided /nysamling, in order; platform or location follows format.
NEW_STEPS = (
    "title",
    "start",
    "start_time",
    "end_time",
    "format",
    "place",
    "audience",
    "scheme",
    "region",
    "deadline",
    "url",
    "answer",
)
REQUIRED = frozenset({"title", "start"})
CHOICE_FIELDS = frozenset({"format", "audience", "scheme", "region"})

Purpose = Literal["new", "edit", "cancel"]
Key = tuple[int, int]  # chat id, user id


@dataclass
class Session:
    purpose: Purpose
    touched: datetime
    fields: dict[str, Value] = field(default_factory=dict)
    step: str | None = None  # the field asked for now; None: at the preview (or picking)
    entry_id: str | None = None  # the samling edited or cancelled
    audience: list[str] = field(default_factory=list)  # toggled so far on the audience step

    def field_of_step(self) -> str | None:
        """The YAML field the current step fills (the place step: platform or location)."""
        if self.step == "place":
            return "platform" if self.fields.get("format") == "digital" else "location"
        return self.step

    def next_step(self) -> str | None:
        """The step after the current one in /nysamling; None: all asked, show the preview."""
        if self.purpose != "new" or self.step is None:
            return None
        index = NEW_STEPS.index(self.step) + 1
        if NEW_STEPS[index - 1] == "format" and "format" not in self.fields:
            index += 1  # no format, no platform or location to ask for
        return NEW_STEPS[index] if index < len(NEW_STEPS) else None


class Sessions:
    """Open dialogues by (chat, user); an expired one reads as absent."""

    def __init__(self) -> None:
        self._open: dict[Key, Session] = {}

    @staticmethod
    def key(context: Context) -> Key | None:
        if context.chat.user_id is None:
            return None
        return (context.chat.id, context.chat.user_id)

    def get(self, context: Context) -> Session | None:
        key = self.key(context)
        session = None if key is None else self._open.get(key)
        if session is None or key is None:
            return None
        if context.now - session.touched > TIMEOUT:
            del self._open[key]
            return None
        session.touched = context.now
        return session

    def start(self, context: Context, purpose: Purpose) -> Session:
        key = self.key(context)
        session = Session(purpose, context.now)
        if key is not None:
            self._open[key] = session
        self._forget_expired(context.now)
        return session

    def end(self, context: Context) -> None:
        key = self.key(context)
        if key is not None:
            self._open.pop(key, None)

    def _forget_expired(self, now: datetime) -> None:
        for key in [k for k, s in self._open.items() if now - s.touched > TIMEOUT]:
            del self._open[key]
