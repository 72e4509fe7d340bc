"""The same commands in the terminal chat (`python -m bot chat`): one fixed local chat (id 0),
stored in the SQLite database in BOT_DATA_DIR; /kalender writes the .ics file and prints where."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.cli import main
from bot.storage import SqliteStorage, database_path
from tests.subscriptions.helpers import ROOT


def chat(
    lines: list[str], monkeypatch: pytest.MonkeyPatch, data: Path, now: str = "2020-09-10T12:00"
) -> str:
    monkeypatch.setenv("BOT_DATA_DIR", str(data))
    monkeypatch.chdir(data.parent)  # no developer .env is read
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    code = main(["chat", "--kb", str(ROOT / "knowledge"), "--now", now], out)
    assert code == 0
    return out.getvalue()


def test_subscribe_list_calendar_and_forget_in_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    output = chat(["/abonner", "2", "/mine"], monkeypatch, data)
    assert "Du får påminnelser om alle kommende samlinger: 1 uke før" in output
    assert "  [2] Skole" in output
    assert "Nå får du bare påminnelser om samlinger for skole" in output
    assert "1. Samlinger for skole: 1 uke før, 1 dag før og 2 dager før" in output
    with SqliteStorage.open(database_path(data)) as storage:
        (subscription,) = storage.subscriptions.subscriptions(0)
        assert str(subscription.scope) == "audience:skole"

    output = chat(["/kalender", "/slettmeg", "1", "/mine"], monkeypatch, data)  # a new session
    match = re.search(r"Filen er lagret her: (\S+\.ics)", output)
    assert match is not None, output
    calendar = Calendar.from_ical(Path(match[1]).read_bytes())
    statuses = sorted(str(event["STATUS"]) for event in calendar.walk("VEVENT"))
    assert statuses == ["CANCELLED", "CONFIRMED", "CONFIRMED"]  # skole, not over yet
    assert Path(match[1]).parent == (data / "kalenderfiler").resolve()
    assert "Dette har jeg lagret fra denne chatten: 1 abonnement og chat-id-en." in output
    assert "  [1] 🗑 Slett alt" in output
    assert "Slettet: 1 abonnement og chat-id-en." in output
    assert "Du abonnerer ikke på noe" in output
    with SqliteStorage.open(database_path(data)) as storage:
        assert storage.rows_about_chat(0) == 0


def test_remind_me_says_what_will_be_sent_and_warns_of_a_silent_subscription(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /abonner, Barnehage, ⏰ Velg tidspunkter, 1 uke før off, 1 dag før off, ✔️ Ferdig (/mine),
    # then "🔔 Påminn meg" under a samling 8 days away that has no deadline.
    lines = ["/abonner", "1", "1", "1", "2", "5", "når er begynneropplæring", "1"]
    output = chat(lines, monkeypatch, tmp_path / "data")
    silent = (
        "⚠️ Abonnementet på samlinger for barnehage har bare «2 dager før påmeldingsfristen», "
        "men ingen av de kommende samlingene der har påmeldingsfrist. Da får du ingen "
        "påminnelser om dem."
    )
    assert output.count(silent) == 2  # after the last toggle, and in /mine
    remind = output[output.index("(🔔 Påminnelse lagt inn)") :]
    assert "for sent" not in remind  # it is 8 days away: it just has no deadline
    assert "Samlingen har ingen påmeldingsfrist, så det kommer ingen påminnelse om fristen." in (
        remind
    )
    assert "gir ingen påminnelse om denne" in remind
    assert "Tidspunktene er de samme som i abonnementet ditt på samlinger for barnehage." in (
        remind
    )


def test_remind_me_lists_each_reminder_with_its_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = chat(["når er begynneropplæring", "1"], monkeypatch, tmp_path / "data")
    remind = output[output.index("(🔔 Påminnelse lagt inn)") :]
    assert "🔔 Du får påminnelse om «DEKOM – begynneropplæring i samarbeid med NTNU»:\n" in remind
    assert "• 1 uke før: fredag 11. september 2020 kl. 09.00\n" in remind
    assert "• 1 dag før: torsdag 17. september 2020 kl. 09.00\n" in remind
    assert "Tidspunktene er de samme" not in remind  # the defaults, not someone's earlier choice


def test_neste_with_nothing_coming_offers_only_buttons_that_help(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = chat(["/neste", "1"], monkeypatch, tmp_path / "data", now="2026-12-01T12:00")
    first = output[: output.index("Skriv et tall")]
    assert "Det er ingen kommende samlinger" in first
    buttons = [line.strip() for line in first.splitlines() if line.startswith("  [")]
    assert buttons == ["[1] 🕘 Tidligere samlinger", "[2] 🔔 Få beskjed om nye samlinger"]
    assert "Tidligere samlinger\n───" in output  # the first button shows them
