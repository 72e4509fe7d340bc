"""Reading what a coordinator types, the round-trip YAML file, link buttons on every channel,
and the title check of `python -m bot check`."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from telegram import InlineKeyboardMarkup

from bot.channels.telegram.render import reply_markup
from bot.channels.terminal import TerminalChat
from bot.core.loading import load_knowledge_base
from bot.editing.entry_file import EntryFile, validate
from bot.editing.values import ValueProblemError, read_clock, read_day
from tests.editing.conftest import ROOT, Editing, texts

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("14.01.2027", date(2027, 1, 14)),
        ("14. januar", date(2027, 1, 14)),
        ("torsdag 14. januar", date(2027, 1, 14)),
        ("neste onsdag", date(2026, 12, 2)),
        ("onsdag", date(2026, 12, 2)),
        ("2027-01-14", date(2027, 1, 14)),
        ("3.12.", date(2026, 12, 3)),
        ("1. desember", date(2026, 12, 1)),  # today is still this year's
        ("30. november", date(2027, 11, 30)),  # passed: next year's
        ("i morgen", date(2026, 12, 2)),
    ],
)
def test_dates_are_read_the_way_people_write_them(typed: str, day: date) -> None:
    assert read_day(typed, TODAY) == day


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("onsdag 14. januar", "torsdag 14. januar 2027 er en torsdag, ikke onsdag"),
        ("31.02.2027", "er ikke en dato som finnes"),
        ("snart", "forstår jeg ikke som en dato"),
    ],
)
def test_a_date_that_cannot_be_read_says_why(typed: str, message: str) -> None:
    with pytest.raises(ValueProblemError, match=message):
        read_day(typed, TODAY)


def test_times_are_written_as_hh_mm() -> None:
    assert [read_clock(t) for t in ("9", "09:30", "9.30", "kl. 14")] == [
        "09:00",
        "09:30",
        "09:30",
        "14:00",
    ]
    with pytest.raises(ValueProblemError, match="er ikke et klokkeslett"):
        read_clock("25:00")


def test_every_shipped_file_is_written_back_byte_for_byte() -> None:
    for path in sorted((ROOT / "knowledge").glob("*.yaml")):
        if path.name != "vocabulary.yaml":  # a mapping, never edited from Telegram
            assert EntryFile(path).text() == path.read_text(encoding="utf-8"), path.name


def test_an_invalid_file_is_reported_at_the_real_path_and_not_written(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    path = knowledge / "samlinger.yaml"
    broken = path.read_text(encoding="utf-8").replace("start: 2021-01-20", "start: 2021-13-45")
    kb, problems = validate(knowledge, path, broken)
    assert kb is None
    assert problems[0].path == str(path) and problems[0].field == "start"
    assert "2021-13-45" not in path.read_text(encoding="utf-8")


async def test_undo_is_refused_when_someone_changed_the_field_since(editing: Editing) -> None:
    preview = await editing.say("/nysamling\ntitle: Nettverkssamling\nstart: 13.01.2027")
    await editing.press(preview.messages[1], "Lagre")
    editor = editing.bot.conversation.dialogues
    assert editor is not None
    path = editing.knowledge / "samlinger.yaml"
    pick = await editing.say("/avlys")
    confirm = await editing.press(pick.messages[0], "Nettverkssamling")
    await editing.press(confirm.messages[0], "Avlys")
    by_hand = path.read_text(encoding="utf-8").replace("cancelled: true", "cancelled: false")
    path.write_text(by_hand, encoding="utf-8")  # someone edits the file by hand meanwhile
    answer = texts(await editing.say("/angre"))
    assert "er endret etter deg (nå: nei)" in answer
    assert path.read_text(encoding="utf-8") == by_hand


async def test_a_link_is_a_button_on_telegram_and_a_line_in_the_terminal(editing: Editing) -> None:
    preview = await editing.say(
        "/nysamling\ntitle: Nettverkssamling\nstart: 13.01.2027\ndeadline: 4.1.2027\n"
        "url: https://example.org/pamelding"
    )
    await editing.press(preview.messages[1], "Lagre")
    answer = (await editing.say("Nettverkssamling", user=1001)).messages[0]
    link = answer.buttons[0][0]
    assert (link.label, link.url) == ("✍️ Meld deg på", "https://example.org/pamelding")
    sent = reply_markup(answer.buttons)
    assert sent is not None
    markup = InlineKeyboardMarkup.de_json(sent, None)  # as PTB and Telegram read it
    assert markup.inline_keyboard[0][0].url == "https://example.org/pamelding"
    assert markup.inline_keyboard[0][0].callback_data is None
    out = io.StringIO()
    await TerminalChat(editing.bot.conversation, out).run(io.StringIO("Nettverkssamling\n"))
    assert "  ✍️ Meld deg på: https://example.org/pamelding\n" in out.getvalue()
    assert "[1] 🔔 Påminn meg" in out.getvalue()  # the link is not a numbered choice


def test_check_warns_about_an_entry_its_title_does_not_find(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    path = knowledge / "trondheim.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\n- id: skrivedager\n  kind: topic\n  title: Hva er DEKOM\n"
        "  answer: Skrivedager i Trondheim.\n  source: trondheim-satsinger\n"
        "  updated: 2026-11-22\n",
        encoding="utf-8",
    )
    load_knowledge_base(knowledge)  # valid
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--kb", str(knowledge)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0  # a warning, not a failure
    warning = next(line for line in result.stdout.splitlines() if ": skrivedager: " in line)
    assert warning.startswith(f"Advarsel: {path}:")
    assert "skrivedager: title: den som spør etter «Hva er DEKOM»" in warning
