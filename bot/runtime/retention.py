"""What is deleted when: old ledger rows, and the coordinators' question log and hand-overs.

* The delivery ledger keeps a row `KEEP_LEDGER` (400 days) after its last change; pruned once
  a day. Keys carry the event's date, so an old row can never block a new message.
* Logged questions, hand-overs and announcements are deleted after
  QUESTION_LOG_RETENTION_DAYS (default 180): at start-up and then once a day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.runtime.jobs import JobRunner
from bot.storage import Expired, Storage, SubscriptionStore, delete_expired

logger = logging.getLogger(__name__)

KEEP_LEDGER = timedelta(days=400)
PRUNE_INTERVAL = timedelta(days=1)
RETENTION_INTERVAL = timedelta(days=1)
PRUNE_JOB, RETENTION_JOB = "prune", "question-log-retention"


class LedgerRetention:
    def __init__(self, store: SubscriptionStore, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock

    def schedule(self, runner: JobRunner) -> None:
        runner.run_repeating(PRUNE_JOB, PRUNE_INTERVAL, self.prune)

    async def prune(self) -> None:
        """Forget ledger rows of long-past messages."""
        pruned = self.store.prune_deliveries(self.clock() - KEEP_LEDGER)
        if pruned:
            logger.info("Pruned %d old delivery ledger rows", pruned)


class QuestionLogRetention:
    def __init__(self, storage: Storage, clock: Callable[[], datetime], days: int) -> None:
        self.storage = storage
        self.clock = clock
        self.retention = timedelta(days=days)

    def start(self, runner: JobRunner) -> None:
        """Delete what is too old now, and then once a day."""
        self.delete_expired()
        runner.run_repeating(RETENTION_JOB, RETENTION_INTERVAL, self._daily)

    async def _daily(self) -> None:
        self.delete_expired()

    def delete_expired(self, now: datetime | None = None) -> Expired:
        """Delete what is older than QUESTION_LOG_RETENTION_DAYS."""
        now = now or self.clock()
        expired = delete_expired(self.storage, now - self.retention)
        if expired.questions or expired.handovers or expired.announcements:
            logger.info(
                "Retention: deleted %d logged question(s), %d hand-over(s), %d announcement(s)"
                " older than %d days",
                expired.questions,
                expired.handovers,
                expired.announcements,
                self.retention.days,
            )
        return expired
