"""What the scheduled waves send, as `Broadcast` items for the pacer: reminders and notices.

Pure glue between the planners (bot.core.reminders, bot.core.changes), the subscription store
(bot.storage) and the pacer; it knows nothing about Telegram and runs nothing itself. The
runtime's waves (bot.runtime.waves) call it:

* `reminder_messages(store, kb, now)`: the reminders due at `now` that the ledger has not
  settled; `next_reminder_at(store, kb, now)`: when the reminder job should run next.
* `notice_batch(store, kb, now)`: change notices for what changed since the saved snapshots
  (none on the very first run, which only records a baseline; none sent in quiet hours, when
  `not_before` says when to try again); `finish_notices(store, batch, report, now)` saves the
  new snapshots once every notice is settled.
* `calendar_sequences(store, kb)`: the SEQUENCE of every event for calendar files.

The ledger keys make a repeated call harmless (bot.delivery.ledger).
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
    store: SubscriptionStore, kb: KnowledgeBase, now: datetime
) -> list[Broadcast[str]]:
    """The reminders due at `now` that the ledger has not seen settled yet."""
    due = due_reminders(kb, store.active_subscriptions(), now)
    keys = [DeliveryKey(r.chat_id, r.event_id, r.ledger_kind) for r in due]
    handled = store.handled(keys)
    return [
        Broadcast(reminder.chat_id, reminder_text(kb, reminder, now), key, REMINDER_PRIORITY)
        for reminder, key in zip(due, keys, strict=True)
        if key not in handled
    ]


def next_reminder_at(store: SubscriptionStore, kb: KnowledgeBase, now: datetime) -> datetime | None:
    """When the reminder job should run next (UTC); None if no reminder is planned."""
    return next_due_time(kb, store.active_subscriptions(), now)


@dataclass(frozen=True, slots=True)
class NoticeBatch:
    """Change notices to send, and the snapshots to save once they are settled."""

    changes: list[EventChange]
    messages: list[Broadcast[str]]
    snapshots: dict[str, EventSnapshot] = field(repr=False)
    not_before: datetime | None = None  # quiet hours: run the notice job again at this time
    upcoming_before: int = 0  # samlinger the subscribers knew of that are not over yet


def notice_batch(store: SubscriptionStore, kb: KnowledgeBase, now: datetime) -> NoticeBatch:
    """The notices for what changed since the saved snapshots (none on the very first run)."""
    previous = store.load_snapshots()
    changes = detect_changes(previous, kb, now)
    snapshots = updated_snapshots(previous, kb)
    upcoming = sum(
        1
        for snapshot in (previous or {}).values()
        if not snapshot.removed and not snapshot.as_event().is_over(now)
    )
    if changes and is_quiet(now):
        return NoticeBatch(changes, [], snapshots, out_of_quiet_hours(now), upcoming)
    subscriptions = store.active_subscriptions()
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
    handled = store.handled(message.key for message in messages if message.key is not None)
    unsent = [message for message in messages if message.key not in handled]
    return NoticeBatch(changes, unsent, snapshots, upcoming_before=upcoming)


def finish_notices(
    store: SubscriptionStore, batch: NoticeBatch, report: DeliveryReport[str], now: datetime
) -> bool:
    """Save the new snapshots if every notice is settled; True if saved.

    If not (quiet hours, or messages postponed), the next notice job finds the same changes
    again with the same ledger keys: nothing is lost and nothing is sent twice.
    """
    if batch.not_before is not None or not report.settled:
        return False
    store.save_snapshots(batch.snapshots, now)
    return True


def calendar_sequences(store: SubscriptionStore, kb: KnowledgeBase) -> dict[str, int]:
    """The SEQUENCE of every event for calendar files, counting changes not yet saved."""
    return sequences(store.load_snapshots(), kb)
