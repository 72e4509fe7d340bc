"""Calendar files: parsed back with icalendar and checked the way calendar apps read them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Component, Event

from bot.core.calendar import (
    PRODID,
    calendar_entries,
    calendar_filename,
    event_calendar,
    event_uid,
    scope_calendar,
)
from bot.core.changes import sequences, updated_snapshots
from bot.core.knowledge import OSLO, Entry, KnowledgeBase
from bot.core.reminders import ALL_EVENTS, LeadTime, Scope

ENGELSK = "dekom-engelsk-barnetrinnet-2020"  # Thursday 1 October 2020, deadline 24 September
OPPDAL = "ledersamling-barnehage-oppdal-2020"  # 29–30 January 2020 on Oppdal
AVLYST = "skoleledersamling-2020"  # cancelled, 28 October 2020
NOW = datetime(2020, 9, 1, 12, 0, tzinfo=OSLO)


def with_event(kb: KnowledgeBase, event_id: str, **changes: object) -> tuple[KnowledgeBase, Entry]:
    entry = kb[event_id]
    assert entry.event is not None
    edited = replace(entry, event=replace(entry.event, **changes))  # type: ignore[arg-type]
    entries = tuple(edited if e.id == event_id else e for e in kb)
    return KnowledgeBase(entries, kb.sources, kb.vocabulary), edited


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def only_event(calendar: Calendar) -> Event:
    (event,) = calendar.events
    return event


def alarms(event: Component) -> list[Component]:
    return list(event.walk("VALARM"))


def triggers(event: Component) -> list[timedelta]:
    return [alarm.decoded("trigger") for alarm in alarms(event)]


# --------------------------------------------------------------------------------------------
# The calendar and one all-day event


def test_one_event_calendar_has_every_required_property(kb: KnowledgeBase) -> None:
    calendar = parse(event_calendar(kb, kb[ENGELSK], now=NOW))
    assert calendar.name == "VCALENDAR"
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]) == PRODID
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["calscale"]) == "GREGORIAN"
    event = only_event(calendar)
    assert str(event["uid"]) == "dekom-engelsk-barnetrinnet-2020@kompetansebot"
    assert event.decoded("dtstamp") == datetime(2020, 9, 1, 10, 0, tzinfo=UTC)
    assert event.sequence == 0
    assert str(event["summary"]) == "DEKOM – Engelsk på barnetrinnet"
    assert str(event["status"]) == "CONFIRMED"
    description = str(event["description"])
    assert description.startswith("Utviklingsarbeid for lærere som underviser i engelsk")
    assert "Påmeldingsfrist: torsdag 24. september 2020." in description
    assert "Arrangør: Gauldalsregionen." in description


def test_an_all_day_event_is_dates_with_an_exclusive_end(kb: KnowledgeBase) -> None:
    event = only_event(parse(event_calendar(kb, kb[ENGELSK], now=NOW)))
    assert event.decoded("dtstart") == date(2020, 10, 1)
    assert not isinstance(event.decoded("dtstart"), datetime)
    assert event.decoded("dtend") == date(2020, 10, 2)
    raw = event_calendar(kb, kb[ENGELSK], now=NOW).decode()
    assert "DTSTART;VALUE=DATE:20201001\r\n" in raw
    assert "DTEND;VALUE=DATE:20201002\r\n" in raw
    assert "VTIMEZONE" not in raw  # dates need no time zone


def test_a_two_day_event_with_a_place(kb: KnowledgeBase) -> None:
    event = only_event(parse(event_calendar(kb, kb[OPPDAL], now=NOW)))
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (
        date(2020, 1, 29),
        date(2020, 1, 31),
    )
    assert str(event["location"]) == "Oppdal"


def test_alarms_for_an_all_day_event_ring_when_the_bot_would_remind(kb: KnowledgeBase) -> None:
    event = only_event(parse(event_calendar(kb, kb[ENGELSK], now=NOW, lead_times=set(LeadTime))))
    assert triggers(event) == [
        -timedelta(days=6, hours=15),  # 09:00 on 24 September
        -timedelta(hours=15),  # 09:00 the day before
        timedelta(hours=8),  # 08:00 on the day
        -timedelta(days=8, hours=15),  # 09:00 on 22 September, two days before the deadline
    ]
    for alarm in alarms(event):
        assert str(alarm["action"]) == "DISPLAY"
        assert str(alarm["description"])
    texts = [str(alarm["description"]) for alarm in alarms(event)]
    assert texts[1] == "«DEKOM – Engelsk på barnetrinnet» er i morgen."
    assert texts[3] == (
        "Påmeldingsfristen for «DEKOM – Engelsk på barnetrinnet» er torsdag 24. september 2020."
    )


def test_alarms_follow_the_chosen_lead_times(kb: KnowledgeBase) -> None:
    default = only_event(parse(event_calendar(kb, kb[ENGELSK], now=NOW)))
    assert len(alarms(default)) == 3  # week, day, deadline
    none = only_event(parse(event_calendar(kb, kb[ENGELSK], now=NOW, lead_times=[])))
    assert alarms(none) == []
    no_deadline = only_event(parse(event_calendar(kb, kb[OPPDAL], now=NOW)))
    assert len(alarms(no_deadline)) == 2


# --------------------------------------------------------------------------------------------
# Events with a time


def test_an_event_with_a_time_is_in_oslo_time_with_a_vtimezone(kb: KnowledgeBase) -> None:
    timed_kb, entry = with_event(
        kb, ENGELSK, start=date(2024, 10, 28), start_time=time(10, 0), end_time=time(15, 0)
    )
    raw = event_calendar(timed_kb, entry, now=NOW, lead_times=set(LeadTime))
    text = raw.decode()
    assert "DTSTART;TZID=Europe/Oslo:20241028T100000\r\n" in text
    assert "DTEND;TZID=Europe/Oslo:20241028T150000\r\n" in text
    calendar = parse(raw)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "Europe/Oslo"
    assert {component.name for component in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    event = only_event(calendar)
    start = event.decoded("dtstart")
    assert start == datetime(2024, 10, 28, 10, 0, tzinfo=OSLO)
    assert start.utcoffset() == timedelta(hours=1)  # after the October change
    assert triggers(event)[:3] == [
        -timedelta(days=7),  # same clock time a week before, across the DST change
        -timedelta(days=1),
        -timedelta(hours=2),  # 08:00 on the day
    ]


def test_an_event_with_only_a_start_time_has_no_end(kb: KnowledgeBase) -> None:
    timed_kb, entry = with_event(kb, ENGELSK, start_time=time(12, 0))
    event = only_event(parse(event_calendar(timed_kb, entry, now=NOW)))
    assert event.decoded("dtstart") == datetime(2020, 10, 1, 12, 0, tzinfo=OSLO)
    assert "DTEND" not in event


# --------------------------------------------------------------------------------------------
# Cancellation, UID and SEQUENCE


def test_a_cancelled_event_is_marked_and_has_no_alarms(kb: KnowledgeBase) -> None:
    event = only_event(parse(event_calendar(kb, kb[AVLYST], now=NOW)))
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]) == "AVLYST: Digital skoleledersamling"
    assert str(event["description"]).startswith("Denne samlingen er AVLYST.")
    assert alarms(event) == []


def test_uid_is_stable_and_sequence_counts_the_changes(kb: KnowledgeBase) -> None:
    saved = updated_snapshots(None, kb)
    moved_kb, moved = with_event(kb, ENGELSK, start=date(2020, 10, 8))
    cancelled_kb, cancelled = with_event(moved_kb, ENGELSK, cancelled=True)
    first = only_event(parse(event_calendar(kb, kb[ENGELSK], now=NOW)))
    sequence = sequences(saved, moved_kb)[ENGELSK]
    second = only_event(parse(event_calendar(moved_kb, moved, now=NOW, sequence=sequence)))
    saved = updated_snapshots(saved, moved_kb)
    sequence = sequences(saved, cancelled_kb)[ENGELSK]
    third = only_event(parse(event_calendar(cancelled_kb, cancelled, now=NOW, sequence=sequence)))
    assert {str(e["uid"]) for e in (first, second, third)} == {event_uid(ENGELSK)}
    assert [e.sequence for e in (first, second, third)] == [0, 1, 2]
    assert second.decoded("dtstart") == date(2020, 10, 8)
    assert str(third["status"]) == "CANCELLED"


# --------------------------------------------------------------------------------------------
# The file itself


def test_the_file_has_crlf_line_endings_and_folded_lines(kb: KnowledgeBase) -> None:
    long_kb, entry = with_event(
        kb, ENGELSK, registration="Meld deg på hos Gauldalsregionen. " * 6 + "Velkommen!"
    )
    raw = event_calendar(long_kb, entry, now=NOW, lead_times=set(LeadTime))
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare line feeds
    assert b"\r" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75  # octets, æøå count twice
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    unfolded = re.sub(r"\r\n ", "", raw.decode())
    assert "Meld deg på hos Gauldalsregionen. Meld deg på" in unfolded
    event = only_event(parse(raw))
    assert "Velkommen!\nArrangør: Gauldalsregionen." in str(event["description"])


def test_a_calendar_for_a_scope_holds_its_events_that_are_not_over(kb: KnowledgeBase) -> None:
    now = datetime(2020, 1, 1, tzinfo=OSLO)
    raw = scope_calendar(kb, ALL_EVENTS, now=now)
    assert raw is not None
    calendar = parse(raw)
    uids = [str(event["uid"]) for event in calendar.events]
    assert uids == [event_uid(entry.id) for entry in calendar_entries(kb, ALL_EVENTS, now)]
    assert event_uid("planleggingsdag-skole-2019") not in uids  # over
    assert event_uid(AVLYST) in uids  # cancelled, so a re-import marks it
    assert len(uids) == 6
    barnehage = scope_calendar(kb, Scope.parse("audience:barnehage"), now=now)
    assert barnehage is not None
    assert len(parse(barnehage).events) == 3
    assert str(calendar["x-wr-calname"]) == "Kompetansebot – samlinger"


def test_a_scope_calendar_uses_the_sequences_and_is_none_when_empty(kb: KnowledgeBase) -> None:
    raw = scope_calendar(
        kb,
        Scope.parse("scheme:dekom"),
        now=datetime(2020, 1, 1, tzinfo=OSLO),
        sequences={ENGELSK: 4},
    )
    assert raw is not None
    found = {str(e["uid"]): e.sequence for e in parse(raw).events}
    assert found == {event_uid("dekom-begynneropplaering-2020"): 0, event_uid(ENGELSK): 4}
    later = datetime(2030, 1, 1, tzinfo=OSLO)
    assert scope_calendar(kb, ALL_EVENTS, now=later) is None


def test_file_names_are_safe() -> None:
    assert calendar_filename(ENGELSK) == "dekom-engelsk-barnetrinnet-2020.ics"
    assert calendar_filename("Samlinger for barnehage/skole") == "samlinger-for-barnehage-skole.ics"
    assert calendar_filename("../..") == "samlinger.ics"
