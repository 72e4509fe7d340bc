"""Outlook and Google calendar exports read as samlinger, in Oslo time."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import OSLO, EventFeed, KnowledgeBase
from bot.feeds.events import FeedContent, FeedFormatError, parse_feed
from bot.feeds.merge import merge_feeds
from tests.feeds.ics_server import fixture

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=OSLO)
OUTLOOK = EventFeed("https://outlook.example/kalender.ics", audience=("barnehage",))
GOOGLE = EventFeed("https://google.example/basic.ics", organiser="Trondheim kommune")


def by_title(content: FeedContent, title: str) -> list[tuple[date, time | None]]:
    return [
        (made.entry.event.start, made.entry.event.start_time)
        for made in content.events
        if made.entry.title == title and made.entry.event is not None
    ]


def test_outlook_export_with_windows_zone_names_and_no_vtimezone() -> None:
    content = parse_feed(fixture("outlook.ics"), OUTLOOK, NOW)
    (samling,) = [
        made for made in content.events if made.entry.title == "Nettverkssamling barnehage"
    ]
    event = samling.entry.event
    assert event is not None
    assert (event.start, event.start_time, event.end_time) == (
        date(2027, 1, 14),
        time(9, 0),
        time(15, 0),
    )
    assert event.location == "Støren rådhus"
    assert event.audience == ("barnehage",)  # the feed's default
    assert samling.url == "https://www.gauldal.no/samlinger/nettverkssamling-barnehage"
    # The folded DESCRIPTION is one text again, and its line break is kept.
    assert samling.entry.answer.startswith("Vi møtes til nettverkssamling for barnehagene i Gauld")
    assert "\n\nPåmelding via lenken." in samling.entry.answer
    assert content.source.title == "Samlinger Gauldalsregionen"


def test_recurring_event_with_exdate_and_a_moved_occurrence() -> None:
    content = parse_feed(fixture("outlook.ics"), OUTLOOK, NOW)
    assert by_title(content, "Lesenettverk skole") == [
        (date(2027, 1, 13), time(14, 0)),
        # 27 January is an EXDATE; 10 February was moved to the 11th at 12:00
        (date(2027, 2, 11), time(12, 0)),
        (date(2027, 2, 24), time(14, 0)),
    ]
    moved = next(
        made
        for made in content.events
        if made.entry.event and made.entry.event.start == date(2027, 2, 11)
    )
    assert moved.entry.id.endswith("-20270210")  # keeps the id of its original date
    assert moved.entry.event is not None
    assert (moved.entry.event.format, moved.entry.event.platform) == ("digital", "Teams")


def test_cancelled_and_multi_day_all_day_events() -> None:
    content = parse_feed(fixture("outlook.ics"), OUTLOOK, NOW)
    leaders = next(made.entry for made in content.events if made.entry.title == "Ledersamling")
    assert leaders.event is not None and leaders.event.cancelled
    days = next(made.entry for made in content.events if made.entry.title == "Kompetansedager")
    assert days.event is not None
    assert (days.event.start, days.event.end, days.event.start_time) == (
        date(2027, 3, 1),
        date(2027, 3, 2),  # DTEND;VALUE=DATE is the day after the last day
        None,
    )


def test_google_export_with_utc_floating_times_rrule_rdate_and_exdate() -> None:
    content = parse_feed(fixture("google.ics"), GOOGLE, NOW)
    assert by_title(content, "Matematikksamling") == [(date(2027, 1, 20), time(9, 0))]  # 08:00Z
    assert by_title(content, "Veiledning nyutdannede") == [(date(2027, 1, 25), time(14, 30))]
    assert [day for day, _ in by_title(content, "Ledernettverk")] == [
        date(2027, 1, 5),
        date(2027, 2, 2),
        date(2027, 4, 6),  # 2 March is an EXDATE
        date(2027, 5, 4),
        date(2027, 6, 1),
        date(2027, 6, 15),  # RDATE
    ]
    math = next(made.entry for made in content.events if made.entry.title == "Matematikksamling")
    assert math.event is not None
    assert math.event.location == "Thon Hotel Prinsen, Kongens gate 30, 7012 Trondheim, Norge"
    assert math.event.organisers == ("Trondheim kommune",)


def test_ids_are_stable_short_and_fit_a_button() -> None:
    first = parse_feed(fixture("outlook.ics"), OUTLOOK, NOW)
    again = parse_feed(fixture("outlook.ics"), OUTLOOK, datetime(2026, 12, 20, tzinfo=OSLO))
    assert {made.entry.id for made in first.events} <= {made.entry.id for made in again.events}
    for made in first.events:
        # "1:r:" and the longest argument suffix the conversation adds stay far below 64 bytes
        assert len(made.entry.id) <= 24 and made.entry.id.startswith("kal-")


def test_something_else_than_a_calendar_is_refused() -> None:
    with pytest.raises(FeedFormatError):
        parse_feed(b"<html><body>Logg inn</body></html>", OUTLOOK, NOW)


def test_feed_samling_is_the_next_samling_for_barnehage_in_oslo_time(kb: KnowledgeBase) -> None:
    merged = merge_feeds(kb, [parse_feed(fixture("outlook.ics"), OUTLOOK, NOW)])
    reply = Engine(merged).ask("Når er neste samling for barnehage?", NOW)
    assert "Nettverkssamling barnehage" in reply.text
    assert "torsdag 14. januar 2027 kl. 09.00" in reply.text


def test_an_event_in_the_files_is_shown_once(kb: KnowledgeBase) -> None:
    yaml_event = kb.events[0]
    assert yaml_event.event is not None
    day = yaml_event.event.start.strftime("%Y%m%d")
    body = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:dup-1\r\n"
        f"SUMMARY:{yaml_event.title.upper()}\r\nDTSTART;VALUE=DATE:{day}\r\nEND:VEVENT\r\n"
        f"BEGIN:VEVENT\r\nUID:{kb.events[1].id}\r\nSUMMARY:Noe annet\r\n"
        f"DTSTART;VALUE=DATE:{day}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    then = yaml_event.event.starts_at()
    merged = merge_feeds(kb, [parse_feed(body, OUTLOOK, then)])
    assert len(merged) == len(kb)  # same title and day, and same UID as an id: both left out


def test_floating_times_are_oslo_and_one_unreadable_event_does_not_sink_the_calendar() -> None:
    body = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Flytende tid\r\nDTSTART:20270115T090000\r\n"
        "DTEND:20270115T100000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Ødelagt dato\r\nDTSTART:2027011\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Sommertid i UTC\r\nDTSTART:20270610T070000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    content = parse_feed(body, OUTLOOK, NOW)
    assert by_title(content, "Flytende tid") == [(date(2027, 1, 15), time(9, 0))]
    assert by_title(content, "Sommertid i UTC") == [(date(2027, 6, 10), time(9, 0))]
    assert by_title(content, "Ødelagt dato") == []


def test_a_teams_invitation_is_left_out_of_the_description() -> None:
    description = (
        "Vi går gjennom nye rammeplaner.\\n\\n"
        "________________________________________________________________________________\\n"
        "Microsoft Teams-møte\\nBli med fra datamaskinen: https://teams.microsoft.com/l/x\\n"
        "Møte-ID: 123 456 789\\n"
    )
    body = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:t\r\nSUMMARY:Rammeplan\r\n"
        f"DTSTART:20270115T090000\r\nDESCRIPTION:{description}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    (made,) = parse_feed(body, OUTLOOK, NOW).events
    assert made.entry.answer == "Vi går gjennom nye rammeplaner."
