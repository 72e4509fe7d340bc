"""The Telegram scheduler's lifecycle: start-up (settle the ledger, notices, then reminders,
jobs on the JobQueue), the job callbacks, and the shutdown that closes the pacer."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from bot.core.reminders import ALL_EVENTS
from bot.runtime.scheduler import MAX_SLEEP
from bot.storage import DeliveryKey, DeliveryState
from tests.subscriptions.helpers import Clock, oslo, running_bot, samling, write_knowledge

SUBSCRIBED = oslo(2030, 4, 1, 12, 0)


async def test_start_up_sends_what_is_due_and_schedules_the_rest(tmp_path: Path) -> None:
    event = samling("samling", date(2030, 5, 15), time(10, 0), title="Samlingen")
    kb_dir = write_knowledge(tmp_path / "knowledge", [event])
    clock = Clock(SUBSCRIBED)
    async with running_bot(tmp_path / "data", kb_dir, clock) as bot:
        db = bot.store
        db.subscribe(1, SUBSCRIBED, ALL_EVENTS)
        db.subscribe(2, SUBSCRIBED, ALL_EVENTS)
        stale = DeliveryKey(2, "samling", "week:2030-05-15")
        assert db.claim(stale, SUBSCRIBED)  # left "claimed" by a crash
        clock.set(oslo(2030, 5, 8, 10, 5))  # the week reminder is due
        await bot.scheduler.start()
        await bot.background.wait_idle()
        assert bot.broadcast_texts().keys() == {1}  # chat 2's may have arrived: not resent
        delivery = db.delivery(stale)
        assert delivery is not None and delivery.state is DeliveryState.UNCONFIRMED
        assert bot.scheduler.next_due == oslo(2030, 5, 14, 10, 0)
        assert bot.scheduler.reminders_at == clock.now + MAX_SLEEP  # asks again within the hour
        queue = bot.app.job_queue
        assert queue is not None
        names = sorted(job.name or "" for job in queue.jobs())
        assert names == ["knowledge-watch", "prune", "reminders"]

        (job,) = queue.get_jobs_by_name("reminders")
        clock.set(oslo(2030, 5, 14, 10, 0))
        await job.run(bot.app)  # what the JobQueue does when the moment comes
        await bot.background.wait_idle()
        assert [len(texts) for texts in bot.broadcast_texts().values()] == [2, 1]

        await bot.scheduler.stop()
        assert not bot.waves.can_broadcast
