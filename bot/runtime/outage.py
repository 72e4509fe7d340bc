"""Waves that fail on storage (a locked database, a full disk) are tried again, never given up.

A reminder or notice wave that raises (`StorageError` from a database another process holds
locked, a full disk, or any other error) does not end the job: the scheduler
(bot.runtime.scheduler) sets it again after a backoff that doubles from `RetryPolicy.first` up
to `RetryPolicy.longest`, for as long as it takes. Nothing is lost meanwhile: a message whose
ledger row was never claimed is sent by the next try, and one that was claimed is never sent
twice (bot.delivery.ledger).

The coordinators (ADMIN_IDS) are told once per outage, when delivery has failed for
`RetryPolicy.tell_after` without a success in between, and once more when it works again.
The log gets one line per failed try; the first carries the traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.conversation.messages import Keyboard
from bot.runtime import texts

logger = logging.getLogger(__name__)


class TellAdmins(Protocol):
    """A message (with buttons, maybe) to every coordinator's private chat (ADMIN_IDS)."""

    async def __call__(self, text: str, buttons: Keyboard = ()) -> None: ...


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    first: timedelta = timedelta(seconds=5)  # the wait before the first retry
    longest: timedelta = timedelta(minutes=5)  # the backoff doubles up to this
    tell_after: timedelta = timedelta(minutes=10)  # failing this long: the admins are told

    def delay(self, failures: int) -> timedelta:
        """The wait after the `failures`-th failure in a row (1, 2, …)."""
        doublings = min(failures - 1, 30)
        return min(self.first * (1 << doublings), self.longest)


class Outage:
    """The failures in a row of one kind of wave ("påminnelser", "endringsvarsler")."""

    def __init__(
        self,
        what: str,
        clock: Callable[[], datetime],
        policy: RetryPolicy,
        tell_admins: TellAdmins | None,
    ) -> None:
        self.what = what
        self.clock = clock
        self.policy = policy
        self.tell_admins = tell_admins
        self.since: datetime | None = None  # the first failure of the current outage
        self.failures = 0
        self.told = False

    async def failed(self, error: BaseException) -> datetime:
        """Note a failed wave; returns when to try again (and tells the admins if it is time)."""
        now = self.clock()
        if self.since is None:
            self.since = now
        self.failures += 1
        delay = self.policy.delay(self.failures)
        logger.warning(
            "Sending %s failed (%s, %d in a row); trying again in %d s",
            self.what,
            type(error).__name__,
            self.failures,
            delay.total_seconds(),
            exc_info=error if self.failures == 1 else None,
        )
        if not self.told and now - self.since >= self.policy.tell_after:
            self.told = True
            await self._tell(texts.delivery_failing(self.what, self.since, error))
        return now + delay

    async def succeeded(self) -> None:
        """A wave went through: the outage, if there was one, is over."""
        if self.since is None:
            return
        logger.info("Sending %s works again after %d failed tries", self.what, self.failures)
        told = self.told
        self.since, self.failures, self.told = None, 0, False
        if told:
            await self._tell(texts.delivery_recovered(self.what))

    async def _tell(self, text: str) -> None:
        if self.tell_admins is not None:
            await self.tell_admins(text)
