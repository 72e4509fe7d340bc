"""Deleting what is older than the retention period, over every store that keeps history."""

from __future__ import annotations

from datetime import datetime

from bot.storage.protocols import Storage
from bot.storage.records import Expired


def delete_expired(storage: Storage, before: datetime) -> Expired:
    """Delete logged questions, hand-overs and announcements from before `before` (except an
    announcement still being sent: it is resumed at start-up)."""
    return Expired(
        storage.questions.delete_before(before),
        storage.handovers.delete_before(before),
        storage.announcements.delete_before(before),
    )
