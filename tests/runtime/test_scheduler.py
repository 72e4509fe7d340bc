"""The runtime without any channel: build_bot with a ManualJobRunner and a recording send."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from bot.app import build_bot
from bot.config import Settings
from bot.core.reminders import ALL_EVENTS
from bot.runtime.jobs import ManualJobRunner
from bot.runtime.live import Knowledge
from bot.storage import SqliteStorage, database_path
from tests.delivery.fakes import FakeClock
from tests.subscriptions.helpers import Clock, load, oslo, samling, write_knowledge

SUBSCRIBED = oslo(2030, 4, 1, 12, 0)


async def test_jobs_run_through_any_job_runner(tmp_path: Path) -> None:
    event = samling("samling", date(2030, 5, 15), time(10, 0), title="Samlingen")
    kb_dir = write_knowledge(tmp_path / "knowledge", [event])
    clock = Clock(SUBSCRIBED)
    runner = ManualJobRunner()
    sent: list[tuple[int, str]] = []

    async def send(chat_id: int, text: str) -> None:
        sent.append((chat_id, text))

    settings = Settings(data_dir=tmp_path / "data", knowledge_dir=kb_dir)
    storage = SqliteStorage.open(database_path(settings.data_dir))
    bot = build_bot(
        settings,
        load(kb_dir),
        clock=clock,
        storage=storage,
        job_runner=runner,
        send=send,
        pacer_clock=FakeClock(),
    )
    runtime = bot.runtime
    assert runtime is not None
    try:
        storage.subscriptions.subscribe(1, SUBSCRIBED, ALL_EVENTS)
        await runtime.scheduler.start()
        await runtime.background.wait_idle()
        assert sorted(runner.jobs) == ["knowledge-watch", "prune", "reminders"]
        assert runner.jobs["knowledge-watch"].interval == timedelta(seconds=3)
        assert runtime.scheduler.next_due == oslo(2030, 5, 8, 10, 0)  # a week before

        clock.set(oslo(2030, 5, 8, 10, 0))
        await runner.run("reminders")  # what a channel's runner does at that moment
        await runtime.background.wait_idle()
        assert [chat_id for chat_id, _ in sent] == [1]
        assert sent[0][1].startswith("Påminnelse: «Samlingen»")
        assert runtime.scheduler.next_due == oslo(2030, 5, 14, 10, 0)  # the day before
    finally:
        await bot.stop()
        bot.close()


async def test_a_swap_is_seen_by_every_reader_at_once(tmp_path: Path) -> None:
    kb_dir = write_knowledge(tmp_path / "knowledge", [])
    storage = SqliteStorage.open(database_path(tmp_path / "data"))
    bot = build_bot(Settings(knowledge_dir=kb_dir), load(kb_dir), storage=storage)
    try:
        moved = write_knowledge(tmp_path / "new", [samling("ny", date(2030, 9, 1), title="Ny")])
        bot.live.swap(Knowledge.of(load(moved)))
        assert bot.conversation.kb is bot.live.kb
        assert bot.conversation.engine is bot.live.current.engine
        assert bot.live.kb.get("ny") is not None
    finally:
        bot.close()
