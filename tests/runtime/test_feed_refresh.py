"""Calendar feeds in the runtime: the polling job on any JobRunner, the same swap and notices
as a reload, and a YAML reload that keeps the feed's samlinger."""

from __future__ import annotations

from pathlib import Path

from bot.app import build_bot
from bot.config import Settings
from bot.core.reminders import ALL_EVENTS
from bot.feeds.events import event_id
from bot.feeds.poller import FIRST_POLL, POLL_JOB
from bot.runtime.jobs import ManualJobRunner
from bot.storage import SqliteStorage, database_path
from tests.delivery.fakes import FakeClock
from tests.feeds.ics_server import Calendar, serve
from tests.subscriptions.helpers import Clock, load, oslo, samling, write_knowledge

NOW = oslo(2030, 4, 1, 12, 0)
UID = "5l0d2k8c1pq3vte0rj9a7h4b6m@google.com"


def google_calendar(start: str, *, stamp: str = "20300301T090000Z", sequence: int = 0) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "X-WR-CALNAME:Kompetanseutvikling skole",
        "X-WR-TIMEZONE:Europe/Oslo",
        "BEGIN:VEVENT",
        f"DTSTART:{start}",
        f"DTSTAMP:{stamp}",
        f"UID:{UID}",
        "SUMMARY:Matematikksamling",
        "LOCATION:Thon Hotel Prinsen\\, Trondheim",
        f"SEQUENCE:{sequence}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


async def test_feed_changes_reach_subscribers_and_survive_a_yaml_reload(tmp_path: Path) -> None:
    calendar = Calendar(google_calendar("20300520T080000Z"))
    sent: list[tuple[int, str]] = []

    async def send(chat_id: int, text: str) -> None:
        sent.append((chat_id, text))

    with serve(calendar) as url:
        kb_dir = write_knowledge(tmp_path / "knowledge", [])
        (kb_dir / "feeds.yaml").write_text(f"feeds:\n  - url: {url}\n", encoding="utf-8")
        settings = Settings(data_dir=tmp_path / "data", knowledge_dir=kb_dir)
        storage = SqliteStorage.open(database_path(settings.data_dir))
        runner = ManualJobRunner()
        bot = build_bot(
            settings,
            load(kb_dir),
            clock=Clock(NOW),
            storage=storage,
            job_runner=runner,
            send=send,
            pacer_clock=FakeClock(),
        )
        runtime = bot.runtime
        assert runtime is not None
        try:
            storage.subscriptions.subscribe(7, NOW, ALL_EVENTS)
            await bot.start()
            await runtime.background.wait_idle()  # the baseline: nothing announced
            assert {FIRST_POLL, POLL_JOB} <= set(runner.jobs)

            await runner.run(FIRST_POLL)
            await runtime.background.wait_idle()
            samling_id = event_id(UID)
            assert bot.live.kb.get(samling_id) is not None
            assert sent == [(7, sent[0][1])]
            assert sent[0][1].startswith("Ny samling: «Matematikksamling» er mandag 20. mai 2030")
            assert "kl. 10.00" in sent[0][1]  # 08:00Z in May is 10:00 in Oslo

            # Google stamps every export anew; nothing a teacher sees changed, nothing is sent.
            calendar.publish(google_calendar("20300520T080000Z", stamp="20300401T100000Z"))
            await runner.run(POLL_JOB)
            await runtime.background.wait_idle()
            assert len(sent) == 1

            # A hand edit of the YAML: reloaded, and the feed's samling is still there.
            write_knowledge(kb_dir, [samling("ny", NOW.date(), title="Ny samling i YAML")])
            result = await runtime.scheduler.reload()
            assert result.ok, result.text
            assert bot.live.kb.get(samling_id) is not None

            calendar.publish(google_calendar("20300527T080000Z", sequence=1))
            await runner.run(POLL_JOB)
            await runtime.background.wait_idle()
            moved = [text for _, text in sent if "Endring for «Matematikksamling»" in text]
            assert len(moved) == 1 and "mandag 27. mai 2030" in moved[0]
        finally:
            await bot.stop()
            bot.close()
