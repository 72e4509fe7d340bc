"""Nothing is sent twice and nothing is lost across a restart: a NEW Application and runtime
on the same SQLite file, after a clean stop and after a crash in the middle of a wave."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date, time
from pathlib import Path

from bot.core.reminders import ALL_EVENTS
from bot.delivery.pacer import Limits
from bot.storage import DeliveryKey, DeliveryState
from tests.subscriptions.helpers import Clock, oslo, running_bot, samling, write_knowledge

SUBSCRIBED = oslo(2030, 4, 1, 12, 0)
DAY_BEFORE = oslo(2030, 5, 14, 10, 0)
CHATS = range(100, 140)
IN_FLIGHT = 4


def knowledge(tmp_path: Path) -> Path:
    event = samling("samling", date(2030, 5, 15), time(10, 0), title="Samlingen")
    return write_knowledge(tmp_path / "knowledge", [event])


def day_key(chat_id: int) -> DeliveryKey:
    return DeliveryKey(chat_id, "samling", "day:2030-05-15")


async def test_a_new_application_on_the_same_file_sends_nothing_twice(tmp_path: Path) -> None:
    data, kb_dir, clock = tmp_path / "data", knowledge(tmp_path), Clock(SUBSCRIBED)
    async with running_bot(data, kb_dir, clock) as first:
        for chat_id in CHATS:
            first.store.subscribe(chat_id, SUBSCRIBED, ALL_EVENTS)
        clock.set(oslo(2030, 5, 8, 10, 0))
        await first.scheduler.send_reminders()
        assert sorted(first.broadcast_texts()) == list(CHATS)  # the week reminders
    async with running_bot(data, kb_dir, clock) as second:
        await second.scheduler.send_notices()
        await second.scheduler.send_reminders()
        assert second.broadcast_texts() == {}  # the same moment after the restart: nothing
        clock.set(DAY_BEFORE)
        await second.scheduler.send_reminders()
        sent = second.broadcast_texts()
        assert sorted(sent) == list(CHATS)
        assert all(len(texts) == 1 and "(i morgen)" in texts[0] for texts in sent.values())
    async with running_bot(data, kb_dir, clock) as third:
        clock.advance(minutes=30)
        await third.scheduler.send_reminders()
        assert third.broadcast_texts() == {}


async def test_a_crash_mid_wave_loses_at_most_the_sends_in_flight(tmp_path: Path) -> None:
    data, kb_dir, clock = tmp_path / "data", knowledge(tmp_path), Clock(SUBSCRIBED)
    released = asyncio.Event()  # never set: the sends after the first ten hang "in flight"
    started: list[int] = []

    def hang_after_ten(send: Callable[[int, str], Awaitable[None]]) -> Callable[..., object]:
        async def sending(chat_id: int, text: str) -> None:
            started.append(chat_id)
            if len(started) > 10:
                await released.wait()
            await send(chat_id, text)

        return sending

    limits = Limits(max_in_flight=IN_FLIGHT)
    async with running_bot(data, kb_dir, clock, limits=limits, send_wrapper=hang_after_ten) as bot:
        for chat_id in CHATS:
            bot.store.subscribe(chat_id, SUBSCRIBED, ALL_EVENTS)
        clock.set(DAY_BEFORE)
        wave = asyncio.ensure_future(bot.scheduler.send_reminders())
        for _ in range(1000):
            if len(started) == 10 + IN_FLIGHT:
                break
            await asyncio.sleep(0)
        assert len(started) == 10 + IN_FLIGHT
        # The process dies here: nothing more is settled (the ledger rows stay as they are).
        await bot.waves.aclose(grace=0)
        await asyncio.gather(wave, return_exceptions=True)
        first = bot.broadcast_texts()
        assert len(first) == 10
        hanging = started[10:]
        for chat_id in hanging:
            delivery = bot.store.delivery(day_key(chat_id))
            assert delivery is not None and delivery.state is DeliveryState.CLAIMED

    async with running_bot(data, kb_dir, clock) as restarted:
        await restarted.scheduler.send_reminders()
        second = restarted.broadcast_texts()
        db = restarted.store
        for chat_id in hanging:  # possibly arrived before the crash: never sent again
            delivery = db.delivery(day_key(chat_id))
            assert delivery is not None and delivery.state is DeliveryState.UNCONFIRMED
    assert not set(first) & set(second)  # nothing twice
    lost = set(CHATS) - set(first) - set(second)
    assert lost == set(hanging)  # the documented crash window: the sends in flight
    assert len(lost) <= IN_FLIGHT
