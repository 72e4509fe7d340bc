"""Calendar files (.ics, RFC 5545) for one event or every upcoming event in a scope.

Made to import cleanly into Google Calendar, Outlook and Apple Calendar:

* VERSION 2.0, PRODID, CALSCALE:GREGORIAN, METHOD:PUBLISH; CRLF line endings and lines folded
  at 75 octets (both done by the icalendar library).
* A stable UID per event ("<event id>@kompetansebot"), so importing a newer file updates the
  event instead of adding a copy, and a SEQUENCE that goes up with every change (the counter
  from bot.core.changes), so calendars accept the update. DTSTAMP is when the file was made.
* Cancelled events stay in the file with STATUS:CANCELLED (and "AVLYST:" in the title, since not
  every calendar shows the status), so a re-import marks them.
* Events with a time are in Europe/Oslo with a VTIMEZONE; all-day events (the real ones) are
  DATE values with an exclusive DTEND (the day after the last day).
* One VALARM per chosen lead time, with a TRIGGER relative to the start: the same moments the
  bot's own reminders use (bot.core.reminders.lead_time_moment), so "1 dag før" rings at 09:00
  the day before an all-day event. Quiet hours are a rule for the bot's messages, not for alarms
  the user set up in their own calendar.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from bot.core import answers
from bot.core.date_texts import long_date
from bot.core.knowledge import OSLO, Entry, EventDetails, KnowledgeBase
from bot.core.reminders import (
    DEFAULT_LEAD_TIMES,
    LeadTime,
    Scope,
    Subscription,
    lead_time_moment,
    ordered,
)

PRODID = "-//Kompetansebot//Samlinger//NO"
UID_DOMAIN = "kompetansebot"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event_id: str) -> str:
    """The UID of an event in every file the bot makes: stable across files and versions."""
    return f"{event_id}@{UID_DOMAIN}"


def event_calendar(
    kb: KnowledgeBase,
    entry: Entry,
    *,
    now: datetime,
    sequence: int = 0,
    lead_times: Iterable[LeadTime] = DEFAULT_LEAD_TIMES,
) -> bytes:
    """A calendar file with one event; `sequence` from bot.core.changes.sequences."""
    return _calendar_file(kb, [entry], entry.title, now, {entry.id: sequence}, lead_times)


def scope_calendar(
    kb: KnowledgeBase,
    scope: Scope,
    *,
    now: datetime,
    sequences: Mapping[str, int] | None = None,
    lead_times: Iterable[LeadTime] = DEFAULT_LEAD_TIMES,
    name: str = "Kompetansebot – samlinger",
) -> bytes | None:
    """Every event in `scope` that is not over yet (cancelled ones too); None if there is none.

    An empty calendar is not worth sending, and some calendar apps refuse to import one.
    """
    entries = calendar_entries(kb, scope, now)
    if not entries:
        return None
    return _calendar_file(kb, entries, name, now, sequences or {}, lead_times)


def subscriptions_calendar(
    kb: KnowledgeBase,
    subscriptions: Iterable[Subscription],
    *,
    now: datetime,
    sequences: Mapping[str, int] | None = None,
    name: str = "Kompetansebot – mine samlinger",
) -> bytes | None:
    """Every event not over yet that any of a chat's subscriptions covers; None if none.

    Each event gets a VALARM for every lead time of the subscriptions that cover it, the same
    reminders the bot sends (an event and an audience subscription together: both sets).
    """
    chosen = list(subscriptions)
    lead_times: dict[str, set[LeadTime]] = {}
    for entry in kb.events:
        if _details(entry).is_over(now):
            continue
        for subscription in chosen:
            if subscription.scope.covers_entry(entry):
                lead_times.setdefault(entry.id, set()).update(subscription.lead_times)
    entries = [entry for entry in kb.events if entry.id in lead_times]
    if not entries:
        return None
    return _calendar_file(kb, entries, name, now, sequences or {}, lead_times)


def calendar_entries(kb: KnowledgeBase, scope: Scope, now: datetime) -> list[Entry]:
    """The events a scope's calendar file holds: in scope and not over, earliest first."""
    return [
        entry
        for entry in kb.events
        if scope.covers_entry(entry) and not _details(entry).is_over(now)
    ]


def calendar_filename(name: str) -> str:
    """A safe file name: "dekom-engelsk-barnetrinnet-2020.ics"."""
    safe = "".join(char if char.isalnum() or char in "-_" else "-" for char in name.lower())
    return f"{safe.strip('-') or 'samlinger'}.ics"


# --------------------------------------------------------------------------------------------
# Building the file


def _calendar_file(
    kb: KnowledgeBase,
    entries: Sequence[Entry],
    name: str,
    now: datetime,
    sequences: Mapping[str, int],
    lead_times: Iterable[LeadTime] | Mapping[str, Iterable[LeadTime]],
) -> bytes:
    """`lead_times`: the same for every event, or per event id."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    per_event: Mapping[str, Iterable[LeadTime]] | None = None
    everywhere: tuple[LeadTime, ...] = ()
    if isinstance(lead_times, Mapping):
        per_event = lead_times
    else:
        everywhere = ordered(lead_times)
    for entry in entries:
        chosen = ordered(per_event.get(entry.id, ())) if per_event is not None else everywhere
        calendar.add_component(_event(kb, entry, now, sequences.get(entry.id, 0), chosen))
    years = [_details(entry).start.year for entry in entries]
    calendar.add_missing_timezones(
        first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 1, 12, 31)
    )
    return bytes(calendar.to_ical())


def _event(
    kb: KnowledgeBase,
    entry: Entry,
    now: datetime,
    sequence: int,
    lead_times: Sequence[LeadTime],
) -> Event:
    details = _details(entry)
    start, end = _span(details)
    summary = f"AVLYST: {entry.title}" if details.cancelled else entry.title
    event = Event.new(
        uid=event_uid(entry.id),
        stamp=now.astimezone(UTC),
        sequence=sequence,
        summary=summary,
        description=_description(kb, entry),
        location=_location(details),
        url=_source_url(kb, entry),
        start=start,
        end=end,
    )
    event.add("status", "CANCELLED" if details.cancelled else "CONFIRMED")
    if not details.cancelled:
        for lead in lead_times:
            alarm = _alarm(entry, details, start, lead)
            if alarm is not None:
                event.add_component(alarm)
    return event


def _span(details: EventDetails) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND: dates (DTEND exclusive) for all-day events, Oslo times otherwise."""
    if details.start_time is None:
        return details.start, details.last_day + timedelta(days=1)
    start = details.starts_at()
    if details.end_time is None and details.end is None:
        return start, None  # only a start is known; RFC 5545: the event ends when it starts
    return start, details.ends_at()


def _alarm(
    entry: Entry, details: EventDetails, start: date | datetime, lead: LeadTime
) -> Alarm | None:
    moment = lead_time_moment(details, lead)
    if moment is None:
        return None
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _alarm_text(entry, details, lead))
    alarm.add("trigger", _wall_clock(moment) - _wall_clock(start))
    return alarm


def _wall_clock(moment: date | datetime) -> datetime:
    """Oslo wall-clock time without zone; a date is its midnight. Differences of these are
    nominal days and hours, which is what a relative TRIGGER means for a DTSTART in Oslo."""
    if isinstance(moment, datetime):
        return moment.astimezone(OSLO).replace(tzinfo=None)
    return datetime.combine(moment, time(0, 0))


def _alarm_text(entry: Entry, details: EventDetails, lead: LeadTime) -> str:
    match lead:
        case LeadTime.WEEK:
            return f"«{entry.title}» er om en uke."
        case LeadTime.DAY:
            return f"«{entry.title}» er i morgen."
        case LeadTime.MORNING:
            return f"«{entry.title}» er i dag."
        case LeadTime.DEADLINE:
            deadline = long_date(details.deadline) if details.deadline else ""
            return f"Påmeldingsfristen for «{entry.title}» er {deadline}."


def _description(kb: KnowledgeBase, entry: Entry) -> str:
    details = _details(entry)
    lines = ["Denne samlingen er AVLYST."] if details.cancelled else []
    if entry.answer:
        lines.append(entry.answer.strip())
    lines += answers.place_and_audience(kb, entry)
    if details.deadline is not None:
        lines.append(f"Påmeldingsfrist: {long_date(details.deadline)}.")
    if details.registration:
        lines.append(details.registration)
    if details.organisers:
        lines.append(f"Arrangør: {answers.join_words(list(details.organisers))}.")
    url = _source_url(kb, entry)
    if url:
        lines.append(f"Mer informasjon: {url}")
    return "\n".join(lines)


def _location(details: EventDetails) -> str | None:
    if details.location:
        return details.location
    if details.platform:
        return f"{details.platform} (digitalt)" if details.format == "digital" else details.platform
    return "Digitalt" if details.format == "digital" else None


def _source_url(kb: KnowledgeBase, entry: Entry) -> str | None:
    source = kb.sources.get(entry.source)
    return source.url if source is not None else None


def _details(entry: Entry) -> EventDetails:
    if entry.event is None:
        raise ValueError(f"{entry.id} is not an event")
    return entry.event
