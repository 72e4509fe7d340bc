"""A database another process holds locked while reminders fall due: the wave fails, is tried
again after a backoff, and the reminders go out once the lock is gone, without a restart. The
coordinators hear about it once when it lasts, and once when it works again."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from bot.core.reminders import ALL_EVENTS
from bot.storage import database_path
from tests.subscriptions.helpers import (
    ADMIN,
    Bot,
    Clock,
    oslo,
    running_bot,
    samling,
    write_knowledge,
)

SUBSCRIBED = oslo(2030, 4, 1, 12, 0)
DAY_BEFORE = oslo(2030, 5, 14, 10, 0)
CHATS = (11, 12, 13)


@contextmanager
def write_lock(data_dir: Path) -> Iterator[None]:
    """Another connection (as another process would) holds the database's write lock."""
    connection = sqlite3.connect(database_path(data_dir), isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        connection.execute("ROLLBACK")
        connection.close()


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    event = samling("samling", date(2030, 5, 15), time(10, 0), title="Samlingen")
    kb_dir = write_knowledge(tmp_path / "knowledge", [event])
    clock = Clock(SUBSCRIBED)
    async with running_bot(tmp_path / "data", kb_dir, clock) as running:
        for chat_id in CHATS:
            running.store.subscribe(chat_id, SUBSCRIBED, ALL_EVENTS)
        clock.set(DAY_BEFORE)
        yield running


def reminders(bot: Bot) -> dict[int, list[str]]:
    return {
        chat_id: [text for text in texts if text.startswith("Påminnelse")]
        for chat_id, texts in bot.broadcast_texts().items()
        if chat_id in CHATS
    }


async def test_a_locked_database_delays_reminders_and_the_admins_hear_once(
    bot: Bot, tmp_path: Path
) -> None:
    with write_lock(tmp_path / "data"):
        await bot.scheduler.send_reminders()  # "database is locked" after the busy timeout
        assert reminders(bot) == {}
        assert bot.scheduler.reminders_at == DAY_BEFORE + timedelta(seconds=5)  # re-armed
        assert bot.messages_to(ADMIN) == []  # one failed try is not worth a message

        bot.clock.advance(minutes=11)  # still locked eleven minutes later
        await bot.scheduler.send_reminders()
        told = bot.messages_to(ADMIN)
        assert len(told) == 1
        assert "ikke fått sendt påminnelser siden kl. 10:00" in told[0]
        assert bot.scheduler.reminders_at == bot.clock() + timedelta(seconds=10)  # backoff

    await bot.scheduler.send_reminders()  # the job fires again once the lock is gone
    assert sorted(reminders(bot)) == list(CHATS)
    assert all(len(texts) == 1 for texts in reminders(bot).values())
    told = bot.messages_to(ADMIN)
    assert len(told) == 2 and "Nå virker det igjen: påminnelser" in told[1]
