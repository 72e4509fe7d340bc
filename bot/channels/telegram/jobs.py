"""The runtime's `JobRunner` (bot.runtime.jobs) on PTB's JobQueue.

Only the mapping lives here; when to run what is the runtime's (bot.runtime.scheduler). Every
job is added with `misfire_grace_time=None`: APScheduler would otherwise drop a job that starts
more than a second late (a busy loop, a suspended machine); here it runs late instead. Times
are turned into delays with the runtime's clock, so a test's clock works the same way.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timedelta
from typing import Any

from telegram.ext import JobQueue

_JOB_KWARGS = {"misfire_grace_time": None}  # run late rather than not at all

Job = Callable[[], Awaitable[None]]  # bot.runtime.jobs.Job, restated: channels never import it


class JobQueueRunner:
    """run_once / run_repeating / cancel by name; without a JobQueue nothing is scheduled."""

    def __init__(self, queue: JobQueue[Any] | None, clock: Callable[[], datetime]) -> None:
        self.queue = queue
        self.clock = clock

    def run_once(self, name: str, at: datetime, job: Job) -> None:
        if self.queue is None:
            return
        self.cancel(name)
        delay = max(0.0, (at - self.clock()).total_seconds())
        self.queue.run_once(_callback(job), when=delay, name=name, job_kwargs=_JOB_KWARGS)

    def run_repeating(self, name: str, interval: timedelta, job: Job) -> None:
        if self.queue is None:
            return
        seconds = interval.total_seconds()
        self.queue.run_repeating(
            _callback(job), interval=seconds, first=seconds, name=name, job_kwargs=_JOB_KWARGS
        )

    def cancel(self, name: str) -> None:
        if self.queue is None:
            return
        for job in self.queue.get_jobs_by_name(name):
            job.schedule_removal()


def _callback(job: Job) -> Callable[[Any], Coroutine[Any, Any, None]]:
    async def run(context: Any) -> None:  # PTB's CallbackContext: not needed by the runtime
        await job()

    return run
