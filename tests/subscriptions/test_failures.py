"""Forbidden, RetryAfter, time-outs and network errors from Telegram, injected through the fake
request layer, while a reminder wave is being sent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, time
from pathlib import Path

import pytest

from bot.core.reminders import ALL_EVENTS
from bot.storage import DeliveryKey, DeliveryState
from tests.fake_bot_api import Failure
from tests.subscriptions.helpers import Bot, Clock, oslo, running_bot, samling, write_knowledge

SUBSCRIBED = oslo(2030, 4, 1, 12, 0)
DAY_BEFORE = oslo(2030, 5, 14, 10, 0)
CHATS = (11, 12, 13)


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


def state(bot: Bot, chat_id: int) -> DeliveryState | None:
    delivery = bot.store.delivery(DeliveryKey(chat_id, "samling", "day:2030-05-15"))
    return delivery.state if delivery else None


async def test_forbidden_deactivates_the_chat_until_it_writes_again(bot: Bot) -> None:
    bot.api.fail_next("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"))
    await bot.scheduler.send_reminders()
    assert sorted(bot.broadcast_texts()) == [12, 13]
    chat = bot.store.chat(11)
    assert chat is not None and not chat.active
    assert state(bot, 11) is DeliveryState.FAILED
    assert [s.chat_id for s in bot.store.active_subscriptions()] == [12, 13]

    await bot.message(11, "/mine")  # the chat is back
    chat = bot.store.chat(11)
    assert chat is not None and chat.active
    assert bot.store.subscriptions(11)  # its settings were kept


async def test_blocked_updates_and_errors_deactivate_too(bot: Bot) -> None:
    kicked = {
        "update_id": 900,
        "my_chat_member": {
            "chat": {"id": 12, "type": "private", "first_name": "Kari"},
            "from": bot.updates.user(12),
            "date": 0,
            "old_chat_member": {"status": "member", "user": bot.api.bot},
            "new_chat_member": {"status": "kicked", "user": bot.api.bot, "until_date": 0},
        },
    }
    await bot.send(kicked)
    chat = bot.store.chat(12)
    assert chat is not None and not chat.active
    await bot.scheduler.send_reminders()
    assert sorted(bot.broadcast_texts()) == [11, 13]


async def test_retry_after_pauses_the_wave_and_sends_each_once(bot: Bot) -> None:
    bot.api.fail_next("sendMessage", Failure(429, "Too Many Requests: retry after 3", 3))
    await bot.scheduler.send_reminders()
    sent = bot.broadcast_texts()
    assert sorted(sent) == list(CHATS)
    assert all(len(texts) == 1 for texts in sent.values())
    assert any(abs(pause - 3.0) < 0.1 for pause in bot.pacer_clock.sleeps)
    assert all(state(bot, chat_id) is DeliveryState.SENT for chat_id in CHATS)


async def test_network_errors_are_retried_and_timeouts_never_resent(bot: Bot) -> None:
    bot.api.fail_next("sendMessage", Failure(502, "Bad Gateway"))
    bot.api.fail_next("sendMessage", Failure(0, "", timeout=True))
    await bot.scheduler.send_reminders()
    attempts = [call.chat_id for call in bot.api.calls_to("sendMessage")]
    # 11: 502 (nothing sent), 12: time-out (may have arrived), 13, then 11 again after 1 s.
    assert attempts == [11, 12, 13, 11]
    assert state(bot, 11) is DeliveryState.SENT
    assert state(bot, 12) is DeliveryState.UNCONFIRMED
    assert state(bot, 13) is DeliveryState.SENT
    await bot.scheduler.send_reminders()
    assert [call.chat_id for call in bot.api.calls_to("sendMessage")] == attempts
