"""An iCalendar file -> samlinger (Entry with EventDetails): pure, `now` from the caller.

UID -> a short stable id (`kal-` and 10 hex digits of the UID's hash; an occurrence of a
recurring event adds its original date), SUMMARY -> title, DTSTART/DTEND -> start and end in
Oslo time (TZID, Windows zone names such as "W. Europe Standard Time" without VTIMEZONE,
X-WR-TIMEZONE for floating times, UTC; all-day and multi-day all-day events), LOCATION ->
place (or platform, for a Teams, Zoom or Meet link), DESCRIPTION -> answer, URL -> link,
STATUS:CANCELLED -> cancelled. RRULE, RDATE, EXDATE and edited occurrences (RECURRENCE-ID)
are expanded with recurring-ical-events for the coming 12 months.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import icalendar
import recurring_ical_events

from bot.core.knowledge import OSLO, Entry, EventDetails, EventFeed, Kind, Source

HORIZON = timedelta(days=366)  # the coming 12 months
LOOK_BACK = timedelta(days=31)  # recent samlinger stay, so "forrige samling" still works
MAX_ANSWER = 800  # characters of DESCRIPTION kept (Outlook pastes whole invitations)
_PLATFORMS = (("teams", "Teams"), ("zoom", "Zoom"), ("meet.google", "Google Meet"))


class FeedFormatError(ValueError):
    """The body is not an iCalendar file the bot can read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason if len(reason) <= 80 else reason[:79] + "…")


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One samling from a feed: the entry, and what the entry has no field for yet."""

    entry: Entry
    uid: str
    url: str | None = None  # URL: registration or more information


@dataclass(frozen=True, slots=True)
class FeedContent:
    """What a feed holds: its samlinger and the source they point at."""

    source: Source
    events: tuple[FeedEvent, ...]


def feed_source_id(feed: EventFeed) -> str:
    return "kalender-" + hashlib.sha256(feed.url.encode()).hexdigest()[:8]


def event_id(uid: str, occurrence: date | None = None) -> str:
    """Short and stable: fits a button's 64 bytes with every prefix the conversation uses."""
    base = "kal-" + hashlib.sha256(uid.encode()).hexdigest()[:10]
    return base if occurrence is None else f"{base}-{occurrence:%Y%m%d}"


def parse_feed(body: bytes, feed: EventFeed, now: datetime) -> FeedContent:
    """The samlinger of one iCalendar file; FeedFormatError if it is not one."""
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except Exception as error:  # icalendar raises ValueError and others on broken input
        raise FeedFormatError(str(error) or type(error).__name__) from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise FeedFormatError("ikke en VCALENDAR")
    name = str(calendar.get("X-WR-CALNAME") or "").strip()
    source = Source(
        id=feed_source_id(feed),
        title=feed.name or name or "Kalender",
        publisher=feed.organiser or name or "Kalender",
    )
    _drop_unreadable(calendar)
    series = _series_uids(calendar.walk("VEVENT"))
    start, stop = (now - LOOK_BACK).astimezone(OSLO), (now + HORIZON).astimezone(OSLO)
    try:
        occurrences = recurring_ical_events.of(calendar).between(start, stop)
    except Exception as error:  # a broken RRULE or date in one event
        raise FeedFormatError(str(error) or type(error).__name__) from None
    events: dict[str, FeedEvent] = {}
    for component in occurrences:
        made = _event(component, feed, source, series)
        if made is not None:
            events.setdefault(made.entry.id, made)
    ordered = sorted(events.values(), key=lambda made: (_start_of(made), made.entry.id))
    return FeedContent(source, tuple(ordered))


def _start_of(made: FeedEvent) -> datetime:
    assert made.entry.event is not None
    return made.entry.event.starts_at()


_DATE_PROPERTIES = {"DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE"}


def _drop_unreadable(calendar: Any) -> None:
    """Leave out an event whose dates cannot be read, rather than the whole calendar."""
    calendar.subcomponents[:] = [
        component
        for component in calendar.subcomponents
        if component.name != "VEVENT"
        or not any(name in _DATE_PROPERTIES for name, _ in getattr(component, "errors", ()))
    ]


def _series_uids(components: Iterable[Any]) -> set[str]:
    """UIDs of recurring events: each occurrence gets its own id."""
    return {
        str(component.get("UID"))
        for component in components
        if any(name in component for name in ("RRULE", "RDATE", "RECURRENCE-ID"))
    }


def _event(component: Any, feed: EventFeed, source: Source, series: set[str]) -> FeedEvent | None:
    uid = str(component.get("UID") or "").strip()
    title = _text(component.get("SUMMARY"))
    if not uid or not title or "DTSTART" not in component:
        return None
    begin = _moment(component.decoded("DTSTART"))
    end = _end(component, begin)
    occurrence = None
    if uid in series:  # the original date, so a moved occurrence keeps its id
        original = component.get("RECURRENCE-ID")
        occurrence = _day(_moment(original.dt) if original is not None else begin)
    details = _details(begin, end, component, feed)
    entry = Entry(
        id=event_id(uid, occurrence),
        kind=Kind.EVENT,
        title=title,
        answer=_answer(component.get("DESCRIPTION")),
        source=source.id,
        updated=_updated(component, details.start),
        keywords=("samling",),
        event=details,
    )
    url = _text(component.get("URL")) or None
    return FeedEvent(entry, uid, url if url and url.startswith(("https://", "http://")) else None)


def _moment(value: Any) -> datetime | date:
    """A date stays a date (all day); a datetime becomes Oslo time (floating: Oslo)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=OSLO)
        return value.astimezone(OSLO)
    if isinstance(value, date):
        return value
    raise FeedFormatError(f"ukjent tid {value!r}")


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _end(component: Any, begin: datetime | date) -> datetime | date | None:
    if "DTEND" in component:
        return _moment(component.decoded("DTEND"))
    if "DURATION" in component:
        duration = component.decoded("DURATION")
        if isinstance(duration, timedelta):
            return begin + duration
    return None


def _details(
    begin: datetime | date, end: datetime | date | None, component: Any, feed: EventFeed
) -> EventDetails:
    start_day, start_time = _day(begin), _clock(begin)
    end_day: date | None = None
    end_time: time | None = None
    if isinstance(end, datetime) and isinstance(begin, datetime) and end > begin:
        end_day, end_time = end.date(), end.timetz().replace(tzinfo=None)
    elif isinstance(end, date) and not isinstance(end, datetime) and end > start_day:
        end_day = end - timedelta(days=1)  # DTEND of an all-day event is the day after
    if end_day == start_day:
        end_day = None
    if end_time == time(0, 0) and end_day is not None:  # ends at midnight: the day before
        end_day, end_time = end_day - timedelta(days=1), None
        end_day = None if end_day <= start_day else end_day
    format_, platform, location = _place(_text(component.get("LOCATION")))
    organisers = (feed.organiser,) if feed.organiser else _organiser(component)
    return EventDetails(
        start=start_day,
        start_time=start_time,
        end=end_day,
        end_time=end_time,
        cancelled=str(component.get("STATUS") or "").upper() == "CANCELLED",
        format=format_,
        platform=platform,
        location=location,
        audience=feed.audience,
        scheme=feed.scheme,
        organisers=organisers,
        region=feed.region,
    )


def _clock(value: datetime | date) -> time | None:
    if isinstance(value, datetime):
        return value.timetz().replace(tzinfo=None)
    return None


def _place(location: str) -> tuple[str | None, str | None, str | None]:
    """(format, platform, location): a Teams, Zoom or Meet link is digital."""
    if not location:
        return None, None, None
    folded = location.casefold()
    for word, platform in _PLATFORMS:
        if word in folded:
            return "digital", platform, None
    return None, None, location


def _organiser(component: Any) -> tuple[str, ...]:
    organizer = component.get("ORGANIZER")
    name = organizer.params.get("CN") if organizer is not None else None
    return (str(name).strip(),) if name else ()


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


_INVITATION = re.compile(r"^\s*(_{10,}|-{2}::~[:~]*|Microsoft Teams)", re.MULTILINE)


def _answer(value: Any) -> str:
    """The description, without the meeting invitation Teams and Meet append to it."""
    if value is None:
        return ""
    text = str(value)
    cut = _INVITATION.search(text)
    text = text[: cut.start()] if cut else text
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    return text if len(text) <= MAX_ANSWER else text[: MAX_ANSWER - 1].rstrip() + "…"


def _updated(component: Any, start: date) -> date:
    """LAST-MODIFIED (or CREATED); not DTSTAMP, which Google sets to the time of every export."""
    for name in ("LAST-MODIFIED", "CREATED"):
        if name in component:
            value = component.decoded(name)
            if isinstance(value, datetime):
                return value.astimezone(OSLO).date()
    return start
