"""Event snapshots (bot.core.changes.EventSnapshot) as rows of `event_snapshots` and back."""

from __future__ import annotations

from datetime import date, time

from bot.core.changes import EventSnapshot
from bot.storage.sqlite.connection import Row, Value, text_or_none

SNAPSHOT_COLUMNS = (
    "event_id, title, start_date, start_time, end_date, end_time, format, platform, location,"
    " cancelled, audience, scheme, region, details, removed, sequence"
)


def snapshot_row(snapshot: EventSnapshot) -> Row:
    return (
        snapshot.event_id,
        snapshot.title,
        snapshot.start.isoformat(),
        _time_text(snapshot.start_time),
        snapshot.end.isoformat() if snapshot.end else None,
        _time_text(snapshot.end_time),
        snapshot.format,
        snapshot.platform,
        snapshot.location,
        int(snapshot.cancelled),
        ",".join(snapshot.audience),
        snapshot.scheme,
        snapshot.region,
        snapshot.details,
        int(snapshot.removed),
        snapshot.sequence,
    )


def snapshot_from(row: Row) -> EventSnapshot:
    (event_id, title, start, start_time, end, end_time, format_, platform, location) = row[:9]
    (cancelled, audience, scheme, region, details, removed, sequence) = row[9:]
    return EventSnapshot(
        event_id=str(event_id),
        title=str(title),
        start=date.fromisoformat(str(start)),
        start_time=_time_from(start_time),
        end=date.fromisoformat(end) if isinstance(end, str) else None,
        end_time=_time_from(end_time),
        format=text_or_none(format_),
        platform=text_or_none(platform),
        location=text_or_none(location),
        cancelled=bool(cancelled),
        audience=tuple(value for value in str(audience).split(",") if value),
        scheme=text_or_none(scheme),
        region=text_or_none(region),
        details=str(details),
        removed=bool(removed),
        sequence=int(sequence or 0),
    )


def _time_text(moment: time | None) -> str | None:
    return moment.isoformat(timespec="minutes") if moment is not None else None


def _time_from(value: Value) -> time | None:
    return time.fromisoformat(value) if isinstance(value, str) else None
