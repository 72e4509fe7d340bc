"""Asking the shipped knowledge base as a user would, and reading the reply as a user reads it:
the first sentence, whether it starts with "Ja." or "Nei.", whether the bot was sure."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot.core.engine import Engine
from bot.core.knowledge import OSLO
from bot.core.memory import Memory, remember
from bot.core.reply import Reply

EARLY_SEPTEMBER_2020 = "2020-09-10T12:00"  # before the 1. trinn samling and the English deadline
AUTUMN_START_2020 = "2020-09-01T12:00"
NOVEMBER_2020 = "2020-11-01T12:00"  # after the styrersamling, before the January samling
A_LATER_YEAR = "2026-11-22T12:00"

# A sentence ends with . ! or ? followed by a capital letter or a quote; "18. september" and
# "1. trinn" do not end one.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"])|\n")


def at(moment: str) -> datetime:
    """A Europe/Oslo moment from "YYYY-MM-DDTHH:MM"."""
    return datetime.fromisoformat(moment).replace(tzinfo=OSLO)


def ask(engine: Engine, question: str, now: str = A_LATER_YEAR) -> Reply:
    return engine.ask(question, at(now))


def sure(engine: Engine, question: str, now: str = A_LATER_YEAR) -> Reply:
    """The reply, asserted to be a confident answer (the message shows when it is not)."""
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    return reply


def first_sentence(reply: Reply) -> str:
    return _SENTENCE_BREAK.split(reply.text.strip(), maxsplit=1)[0]


def starts_with_verdict(reply: Reply, verdict: str) -> bool:
    """Whether the reply opens with "Ja." / "Nei." (or "Ja," / "Nei,"), the verdict first."""
    return re.match(rf"{verdict}[.,]\s", reply.text) is not None


def sure_verdict(engine: Engine, question: str, verdict: str, now: str = A_LATER_YEAR) -> Reply:
    """The reply, asserted to be confident and to open with `verdict` ("Ja", "Nei", "Jo")."""
    reply = sure(engine, question, now)
    assert starts_with_verdict(reply, verdict), reply.text
    return reply


def words_before_list(reply: Reply) -> int:
    """How many words a user reads before the first bullet."""
    return len(reply.text.split("•", 1)[0].split())


def conversation(
    engine: Engine, questions: list[str], now: str, minutes_between: float = 1
) -> list[Reply]:
    """One chat: each question asked a little after the last, with the chat's memory."""
    moment = at(now)
    memory: Memory | None = None
    replies = []
    for question in questions:
        reply = engine.ask(question, moment, memory)
        memory = remember(memory, reply.subjects, moment)
        replies.append(reply)
        moment += timedelta(minutes=minutes_between)
    return replies
