"""What changed about the events since the bot last looked: pure, no I/O, `now` from the caller.

The bot remembers the last version of every event it has seen as an `EventSnapshot` (stored by
bot.storage, so changes are noticed across restarts). Comparing those snapshots with a newly
loaded knowledge base gives `EventChange`s: a new event, a new date/time/place, a cancellation,
a cancellation taken back, an event taken out of the files. Each change becomes one notice per
subscriber in scope, in friendly bokmål.

Every snapshot carries a SEQUENCE counter for calendar files; it goes up by one whenever
anything a calendar file shows changes (`updated_snapshots`). A calendar file made before the
snapshots are saved already uses the new number, so files and notices always agree.

Safe order for callers: detect, deliver the notices (the delivery ledger keys them by
`EventChange.ledger_kind`), and only then save `updated_snapshots`. A crash in between detects
the same changes again with the same keys, and the ledger skips what was sent. The first time
ever (no snapshots saved) only records a baseline; nothing is announced.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from enum import StrEnum

from bot.core import answers
from bot.core.knowledge import OSLO, Entry, EventDetails, KnowledgeBase
from bot.core.reminders import Subscription

# --------------------------------------------------------------------------------------------
# Snapshots: the version of an event the bot has seen


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    """What the bot last saw of one event, as stored; `sequence` counts its versions."""

    event_id: str
    title: str
    start: date
    start_time: time | None = None
    end: date | None = None
    end_time: time | None = None
    format: str | None = None
    platform: str | None = None
    location: str | None = None
    cancelled: bool = False
    audience: tuple[str, ...] = ()
    scheme: str | None = None
    region: str | None = None
    details: str = ""  # digest of the rest a calendar file shows (description, deadline, ...)
    removed: bool = False  # no longer in the knowledge base
    sequence: int = 0

    def same_version(self, other: EventSnapshot) -> bool:
        """Equal in everything but the sequence counter."""
        return replace(other, sequence=self.sequence) == self

    @property
    def when(self) -> tuple[date, time | None, date | None, time | None]:
        return (self.start, self.start_time, self.end, self.end_time)

    @property
    def where(self) -> tuple[str | None, str | None, str | None]:
        return (self.format, self.platform, self.location)

    def as_event(self) -> EventDetails:
        """The when and where as EventDetails, for the helpers that take one."""
        return EventDetails(
            start=self.start,
            start_time=self.start_time,
            end=self.end,
            end_time=self.end_time,
            cancelled=self.cancelled,
            format=self.format,
            platform=self.platform,
            location=self.location,
            audience=self.audience,
            scheme=self.scheme,
            region=self.region,
        )


def snapshot_of(entry: Entry, sequence: int = 0) -> EventSnapshot:
    event = entry.event
    if event is None:
        raise ValueError(f"{entry.id} is not an event")
    return EventSnapshot(
        event_id=entry.id,
        title=entry.title,
        start=event.start,
        start_time=event.start_time,
        end=event.end,
        end_time=event.end_time,
        format=event.format,
        platform=event.platform,
        location=event.location,
        cancelled=event.cancelled,
        audience=event.audience,
        scheme=event.scheme,
        region=event.region,
        details=_details_digest(entry, event),
        sequence=sequence,
    )


def _details_digest(entry: Entry, event: EventDetails) -> str:
    parts = (entry.answer, event.deadline, event.registration, event.organisers, entry.source)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def updated_snapshots(
    previous: Mapping[str, EventSnapshot] | None, kb: KnowledgeBase
) -> dict[str, EventSnapshot]:
    """The snapshots to save after `kb`: a changed event's sequence goes up by one.

    Events taken out of the knowledge base stay, marked removed, so their sequence keeps
    counting if they come back.
    """
    previous = previous or {}
    snapshots: dict[str, EventSnapshot] = {}
    for entry in kb.events:
        current = snapshot_of(entry)
        snapshots[entry.id] = _next_version(previous.get(entry.id), current)
    for event_id, old in previous.items():
        if event_id not in snapshots:
            snapshots[event_id] = _next_version(old, replace(old, removed=True))
    return snapshots


def _next_version(old: EventSnapshot | None, current: EventSnapshot) -> EventSnapshot:
    if old is None:
        return replace(current, sequence=0)
    if old.same_version(current):
        return old
    return replace(current, sequence=old.sequence + 1)


def sequences(previous: Mapping[str, EventSnapshot] | None, kb: KnowledgeBase) -> dict[str, int]:
    """The calendar SEQUENCE of every event in `kb`, counting unsaved changes too."""
    snapshots = updated_snapshots(previous, kb)
    return {entry.id: snapshots[entry.id].sequence for entry in kb.events}


# --------------------------------------------------------------------------------------------
# Changes


class ChangeKind(StrEnum):
    ADDED = "added"
    MOVED = "moved"  # new date, time or place
    CANCELLED = "cancelled"
    REINSTATED = "reinstated"  # no longer cancelled
    REMOVED = "removed"  # taken out of the knowledge base before it took place


@dataclass(frozen=True, slots=True)
class EventChange:
    kind: ChangeKind
    after: EventSnapshot  # the new version, with its new sequence
    before: EventSnapshot | None = None  # None for a new event

    @property
    def event_id(self) -> str:
        return self.after.event_id

    @property
    def ledger_kind(self) -> str:
        """The delivery-ledger kind: "cancelled:3", "moved:2:1a2b3c4d".

        The new sequence tells apart a change from a later change back; for moves, a digest of
        the new date and place also tells apart two edits made while a notice was undelivered.
        """
        kind = f"{self.kind}:{self.after.sequence}"
        if self.kind is ChangeKind.MOVED:
            where = repr((self.after.when, self.after.where)).encode()
            kind += ":" + hashlib.sha256(where).hexdigest()[:8]
        return kind

    def concerns(self, subscription: Subscription) -> bool:
        event = self.after
        return subscription.scope.covers(event.event_id, event.audience, event.scheme, event.region)


def detect_changes(
    previous: Mapping[str, EventSnapshot] | None, kb: KnowledgeBase, now: datetime
) -> list[EventChange]:
    """The changes worth announcing at `now`, in event order.

    `previous` None means no snapshot was ever saved: the first run records a baseline and
    announces nothing. Changes to events that are over (or, for new events, cancelled) are
    not announced; their snapshots are still updated.
    """
    if previous is None:
        return []
    changes: list[EventChange] = []
    for event_id, after in updated_snapshots(previous, kb).items():
        before = previous.get(event_id)
        kind = _classify(before, after)
        if kind is not None and not after.as_event().is_over(now):
            changes.append(EventChange(kind, after, before))
    changes.sort(key=lambda change: (change.after.start, change.event_id))
    return changes


def _classify(before: EventSnapshot | None, after: EventSnapshot) -> ChangeKind | None:
    if before is None or (before.removed and not after.removed):
        return None if after.cancelled else ChangeKind.ADDED
    if before.sequence == after.sequence:
        return None
    if after.removed:
        return None if before.cancelled else ChangeKind.REMOVED
    if after.cancelled != before.cancelled:
        return ChangeKind.CANCELLED if after.cancelled else ChangeKind.REINSTATED
    if after.cancelled:
        return None
    if after.when != before.when or after.where != before.where:
        return ChangeKind.MOVED
    return None  # title or description only: the calendar sequence is enough


def recipients(change: EventChange, subscriptions: Iterable[Subscription]) -> list[int]:
    """The chats whose subscriptions cover the changed event, each once, sorted."""
    return sorted({sub.chat_id for sub in subscriptions if change.concerns(sub)})


# --------------------------------------------------------------------------------------------
# Notice texts


def notice_text(kb: KnowledgeBase, change: EventChange, now: datetime) -> str:
    """The notice for one change, in bokmål; `now` is when it is sent."""
    now = now.astimezone(OSLO)
    after = change.after
    entry = kb.get(change.event_id)
    title = f"«{after.title}»"
    if change.kind is ChangeKind.CANCELLED:
        return f"Avlyst: {title} {_when(after)} er avlyst."
    if change.kind is ChangeKind.REMOVED or entry is None:
        return (
            f"{title} ({_when(after)}) er tatt ut av oversikten over samlinger. "
            "Sjekk med arrangøren om den blir noe av."
        )
    if change.kind is ChangeKind.ADDED or change.before is None:
        return _with_details(f"Ny samling: {title} er {answers.when(entry, now)}.", entry)
    if change.kind is ChangeKind.REINSTATED:
        headline = f"Likevel ikke avlyst: {title} blir som planlagt {answers.when(entry, now)}."
        return _with_details(headline, entry)
    return "\n".join([f"Endring for {title}:", *_differences(change.before, after)])


def _with_details(headline: str, entry: Entry) -> str:
    place = answers.where(entry)
    return f"{headline}\nSted: {place}." if place else headline


def _differences(before: EventSnapshot, after: EventSnapshot) -> list[str]:
    lines = []
    if before.when != after.when:
        lines.append(f"• Når: {_when(before)} → {_when(after)}")
    if before.where != after.where:
        lines.append(f"• Sted: {_where(before)} → {_where(after)}")
    return lines


def _when(snapshot: EventSnapshot) -> str:
    """ "onsdag 20. januar 2021 kl. 09.00–15.00" without a relative hint."""
    return answers.days_and_times(
        snapshot.start, snapshot.end, snapshot.start_time, snapshot.end_time
    )


def _where(snapshot: EventSnapshot) -> str:
    return answers.place(snapshot.format, snapshot.platform, snapshot.location) or "ikke oppgitt"
