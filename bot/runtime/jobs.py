"""The job-runner protocol: how the runtime asks a channel to run its jobs at given times.

The runtime decides *when* (bot.runtime.scheduler); a runner only keeps the time. Telegram maps
this onto PTB's JobQueue (bot.channels.telegram.jobs); the terminal chat and tests use
`ManualJobRunner`, whose jobs run only when the caller says so.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

Job = Callable[[], Awaitable[None]]


class JobRunner(Protocol):
    def run_once(self, name: str, at: datetime, job: Job) -> None:
        """Run `job` once at `at` (late rather than never), replacing a job of that name."""

    def run_repeating(self, name: str, interval: timedelta, job: Job) -> None:
        """Run `job` every `interval`, the first time one interval from now."""

    def cancel(self, name: str) -> None:
        """Forget the job of that name, if there is one."""


@dataclass(frozen=True, slots=True)
class PlannedJob:
    job: Job
    at: datetime | None = None  # a one-off job
    interval: timedelta | None = None  # a repeating job


class ManualJobRunner:
    """Remembers the jobs by name; `run(name)` runs one now (the terminal chat, tests)."""

    def __init__(self) -> None:
        self.jobs: dict[str, PlannedJob] = {}

    def run_once(self, name: str, at: datetime, job: Job) -> None:
        self.jobs[name] = PlannedJob(job, at=at)

    def run_repeating(self, name: str, interval: timedelta, job: Job) -> None:
        self.jobs[name] = PlannedJob(job, interval=interval)

    def cancel(self, name: str) -> None:
        self.jobs.pop(name, None)

    async def run(self, name: str) -> None:
        planned = self.jobs[name]
        if planned.at is not None:
            del self.jobs[name]
        await planned.job()
