"""A calendar feed through the real `python -m bot run`, a loopback Bot API and a loopback
calendar: its event is the next samling in Oslo time, moving and cancelling it reach the
subscribers, and a broken feed keeps its last good copy (also across a restart)."""

from __future__ import annotations

import asyncio
import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path

from bot.core.answers import days_and_times
from bot.core.knowledge import OSLO
from bot.core.reminders import is_quiet
from tests.channels.test_end_to_end import (
    ALICE,
    REPLY_TIMEOUT,
    ROOT,
    START_TIMEOUT,
    bot_process,
    loopback_environment,
    reply_containing,
)
from tests.fake_bot_api import TOKEN, BotApi, Call, LoopbackServer, Updates
from tests.feeds.ics_server import Calendar, serve

ADMIN = 9001
TITLE = "Nettverkssamling barnehage"
UID = "040000008200E00074C5B7101A82E008000000009F3C2A1B77D8DA01000000000000000010000000"


def outlook_calendar(day: date, *, sequence: int = 0, status: str = "CONFIRMED") -> bytes:
    """One Outlook event, Windows zone name and no VTIMEZONE, CRLF and a folded UID."""
    lines = [
        "BEGIN:VCALENDAR",
        "METHOD:PUBLISH",
        "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        "X-WR-CALNAME:Samlinger Gauldalsregionen",
        "BEGIN:VEVENT",
        "UID:" + UID[:70],
        " " + UID[70:],
        f"SUMMARY;LANGUAGE=nb-NO:{TITLE}",
        f"DTSTART;TZID=W. Europe Standard Time:{day:%Y%m%d}T090000",
        f"DTEND;TZID=W. Europe Standard Time:{day:%Y%m%d}T150000",
        "LOCATION;LANGUAGE=nb-NO:Støren rådhus",
        f"STATUS:{status}",
        f"SEQUENCE:{sequence}",
        "DTSTAMP:20261120T101500Z",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def knowledge_with_feed(tmp_path: Path, url: str) -> Path:
    directory = tmp_path / "kunnskap"
    shutil.copytree(ROOT / "knowledge", directory, ignore=shutil.ignore_patterns("*.md"))
    (directory / "feeds.yaml").write_text(
        f"feeds:\n  - url: {url}\n    name: Gauldalskalenderen\n    audience: [barnehage]\n",
        encoding="utf-8",
    )
    return directory


async def polled(calendar: Calendar, times: int) -> None:
    """Until the calendar has been asked `times` more times (bounded)."""
    goal = len(calendar.requests) + times
    for _ in range(int(START_TIMEOUT * 10)):
        if len(calendar.requests) >= goal:
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the calendar was not polled")


async def test_feed_event_is_answered_moved_cancelled_and_kept_when_broken(
    tmp_path: Path,
) -> None:
    now = datetime.now(OSLO)
    # The real clock is used: in quiet hours (at either end of the run) change notices wait for
    # 07:30, so at night the test checks that the subscriber hears nothing instead.
    night = is_quiet(now) or is_quiet(now + timedelta(minutes=5))
    first_day = datetime.now(OSLO).date() + timedelta(days=10)
    moved_day = first_day + timedelta(days=1)
    calendar = Calendar(outlook_calendar(first_day))
    api, updates = BotApi(), Updates()
    with serve(calendar) as url:
        knowledge = knowledge_with_feed(tmp_path, url)
        async with LoopbackServer(api, TOKEN) as server:
            env = loopback_environment(
                tmp_path,
                server,
                KNOWLEDGE_DIR=str(knowledge),
                ADMIN_IDS=str(ADMIN),
                EVENT_FEED_INTERVAL="1",
            )
            async with bot_process(tmp_path, env) as bot:
                await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
                await polled(calendar, 2)  # the first poll is done and merged

                await api.enqueue(updates.message(ALICE, "Når er neste samling for barnehage?"))
                answer = await reply_containing(api, TITLE)
                when = days_and_times(first_day, None, time(9, 0), time(15, 0))
                assert when in answer.text, answer.text  # 09:00 Oslo, as written in Outlook
                assert "🔔 Påminn meg" in answer.button_labels  # its id fits a button

                await api.enqueue(updates.message(ALICE, "/abonner"))
                await reply_containing(api, "Du får påminnelser om alle kommende samlinger")

                calendar.publish(outlook_calendar(moved_day, sequence=1))
                if night:
                    await polled(calendar, 2)  # merged; the answer below shows the new day
                else:
                    moved = await reply_containing(api, f"Endring for «{TITLE}»")
                    assert moved.chat_id == ALICE
                    assert days_and_times(moved_day, None, time(9, 0), time(15, 0)) in moved.text

                calendar.publish(b"<html><body>Kalenderen er ikke delt</body></html>")
                broken = await reply_containing(api, "Kalenderen «Gauldalskalenderen» er ikke")
                assert broken.chat_id == ADMIN
                await polled(calendar, 3)
                seen = {id(call) for call in api.calls}
                await api.enqueue(updates.message(ALICE, "Når er neste samling for barnehage?"))
                kept = await api.wait_for(
                    lambda c: id(c) not in seen and c.method == "sendMessage", REPLY_TIMEOUT
                )
                assert kept.chat_id == ALICE and TITLE in kept.text  # the last good copy
                assert days_and_times(moved_day, None, time(9, 0), time(15, 0)) in kept.text
                admin_messages = [c for c in api.sent_to(ADMIN) if "Kalenderen" in c.text]
                assert len(admin_messages) == 1  # told once, not at every poll

                assert await bot.stop() == 0, bot.stderr

            # A restart while the calendar is down: the cached copy answers.
            calendar.status = 503
            earlier = {id(call) for call in api.calls}

            def new_reply(call: Call) -> bool:
                return id(call) not in earlier and call.method == "sendMessage"

            async with bot_process(tmp_path, env) as bot:
                await api.wait_for(
                    lambda c: id(c) not in earlier and c.method == "setMyCommands", START_TIMEOUT
                )
                await polled(calendar, 1)
                await api.enqueue(updates.message(ALICE, "Når er neste samling for barnehage?"))
                again = await api.wait_for(
                    lambda c: new_reply(c) and c.chat_id == ALICE, REPLY_TIMEOUT
                )
                assert TITLE in again.text
                assert days_and_times(moved_day, None, time(9, 0), time(15, 0)) in again.text

                calendar.publish(outlook_calendar(moved_day, sequence=2, status="CANCELLED"))
                if not night:
                    cancelled = await api.wait_for(
                        lambda c: new_reply(c) and f"Avlyst: «{TITLE}»" in c.text, REPLY_TIMEOUT
                    )
                    assert cancelled.chat_id == ALICE
                await api.wait_for(
                    lambda c: new_reply(c) and "«Gauldalskalenderen» virker igjen" in c.text,
                    REPLY_TIMEOUT,
                )
                told = [c.text for c in api.sent_to(ADMIN) if id(c) not in earlier]
                assert "svarte med HTTP-status 503" in told[0]
                assert "siste gode kopien" in told[0]
                assert await bot.stop() == 0, bot.stderr
                assert "Traceback" not in bot.stderr
    if is_quiet(now) and is_quiet(datetime.now(OSLO)):
        # the whole run in quiet hours (one that begins just before 21:00 may have told)
        notices = [c.text for c in api.sent_to(ALICE) if "«" + TITLE + "»" in c.text]
        assert not [text for text in notices if text.startswith(("Endring", "Avlyst"))], notices
