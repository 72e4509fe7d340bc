"""What the scheduled jobs send: reminders and change notices as `Broadcast` messages.

This glues the pure planners (bot.core.reminders, bot.core.changes) to the database and the
pacer, and knows nothing about Telegram. A channel adapter runs, in order:

At start-up:
    db.settle_stale_claims(now, older_than=timedelta(0))   # log how many may have been lost
    the notice job, then the reminder job.

The notice job (at start-up, after every knowledge-base reload, and at `batch.not_before`):
    batch = notice_batch(db, kb, now)
    report = await pacer.deliver(batch.messages)
    finish_notices(db, batch, report, now)       # saves the snapshots once all are settled

The reminder job (at start-up and whenever `next_reminder_at` says):
    report = await pacer.deliver(reminder_messages(db, kb, now))
    schedule the next run at next_reminder_at(db, kb, now)   # None: wait for a change

Calendar files use `calendar_sequences(db, kb)` for their SEQUENCE numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.core.changes import (
    EventChange,
    EventSnapshot,
    detect_changes,
    notice_text,
    recipients,
    sequences,
    updated_snapshots,
)
from bot.core.knowledge import KnowledgeBase
from bot.core.reminders import (
    due_reminders,
    is_quiet,
    next_due_time,
    out_of_quiet_hours,
    reminder_text,
)
from bot.delivery.pacer import NOTICE_PRIORITY, REMINDER_PRIORITY, Broadcast, DeliveryReport
from bot.storage import DeliveryKey, SubscriptionStore


def reminder_messages(
    db: SubscriptionStore, kb: KnowledgeBase, now: datetime
) -> list[Broadcast[str]]:
    """The reminders due at `now` that the ledger has not seen settled yet."""
    due = due_reminders(kb, db.active_subscriptions(), now)
    keys = [DeliveryKey(r.chat_id, r.event_id, r.ledger_kind) for r in due]
    handled = db.handled(keys)
    return [
        Broadcast(reminder.chat_id, reminder_text(kb, reminder, now), key, REMINDER_PRIORITY)
        for reminder, key in zip(due, keys, strict=True)
        if key not in handled
    ]


def next_reminder_at(db: SubscriptionStore, kb: KnowledgeBase, now: datetime) -> datetime | None:
    """When the reminder job should run next (UTC); None if no reminder is planned."""
    return next_due_time(kb, db.active_subscriptions(), now)


@dataclass(frozen=True, slots=True)
class NoticeBatch:
    """Change notices to send, and the snapshots to save once they are settled."""

    changes: list[EventChange]
    messages: list[Broadcast[str]]
    snapshots: dict[str, EventSnapshot] = field(repr=False)
    not_before: datetime | None = None  # quiet hours: run the notice job again at this time


def notice_batch(db: SubscriptionStore, kb: KnowledgeBase, now: datetime) -> NoticeBatch:
    """The notices for what changed since the saved snapshots (none on the very first run)."""
    previous = db.load_snapshots()
    changes = detect_changes(previous, kb, now)
    snapshots = updated_snapshots(previous, kb)
    if changes and is_quiet(now):
        return NoticeBatch(changes, [], snapshots, not_before=out_of_quiet_hours(now))
    subscriptions = db.active_subscriptions()
    messages = [
        Broadcast(
            chat_id,
            notice_text(kb, change, now),
            DeliveryKey(chat_id, change.event_id, change.ledger_kind),
            NOTICE_PRIORITY,
        )
        for change in changes
        for chat_id in recipients(change, subscriptions)
    ]
    handled = db.handled(message.key for message in messages if message.key is not None)
    unsent = [message for message in messages if message.key not in handled]
    return NoticeBatch(changes, unsent, snapshots)


def finish_notices(
    db: SubscriptionStore, batch: NoticeBatch, report: DeliveryReport[str], now: datetime
) -> bool:
    """Save the new snapshots if every notice is settled; True if saved.

    If not (quiet hours, or messages postponed), the next notice job finds the same changes
    again with the same ledger keys: nothing is lost and nothing is sent twice.
    """
    if batch.not_before is not None or not report.settled:
        return False
    db.save_snapshots(batch.snapshots, now)
    return True


def calendar_sequences(db: SubscriptionStore, kb: KnowledgeBase) -> dict[str, int]:
    """The SEQUENCE of every event for calendar files, counting changes not yet saved."""
    return sequences(db.load_snapshots(), kb)
