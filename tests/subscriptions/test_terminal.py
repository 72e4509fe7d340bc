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


def chat(lines: list[str], monkeypatch: pytest.MonkeyPatch, data: Path) -> str:
    monkeypatch.setenv("BOT_DATA_DIR", str(data))
    monkeypatch.chdir(data.parent)  # no developer .env is read
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    code = main(["chat", "--kb", str(ROOT / "knowledge"), "--now", "2020-09-10T12:00"], out)
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
