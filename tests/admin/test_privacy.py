"""What came from a chat stays with that chat: a full disk costs no answer, buttons work only
in the chat they were shown in, coordinator output stays out of groups, and /slettmeg deletes
a coordinator's traces too."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.core.reminders import ALL_EVENTS
from bot.storage import SqliteStorage, StorageError, database_path
from bot.storage.pseudonyms import ChatPseudonyms
from bot.storage.sqlite.connection import SqliteConnection
from tests.admin.helpers import ADMIN, ALICE, NOW, UNKNOWN_QUESTION, one, only, running_bot

MALLORY = 5005
GROUP = -100200


def fill_up(storage: SqliteStorage) -> None:
    """Write question rows until SQLite reports the database full, smaller and smaller."""
    for size in (1000, 100, 10, 1):
        for _ in range(10_000):
            try:
                storage.questions.log_question(NOW, "x" * size, "x", None, True, "what_is")
            except StorageError:
                break


async def test_a_full_disk_costs_no_answer(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = database_path(tmp_path)
    connection = SqliteConnection.open(path)
    storage = SqliteStorage(connection, ChatPseudonyms.next_to(path))
    async with running_bot(tmp_path, storage=storage) as bot:
        pages = int(connection.value("PRAGMA page_count") or 0)
        connection.value(f"PRAGMA max_page_count = {pages}")  # the disk is full from now on
        fill_up(storage)
        with pytest.raises(StorageError, match="full"):
            storage.questions.log_question(NOW, "Hva er DEKOM?", "dekom", None, True, "x")
        caplog.set_level(logging.WARNING)
        for _ in range(2):
            answer = one(await bot.say(ALICE, "Hva er DEKOM?"), "sendMessage", ALICE)
            assert answer.text.startswith("DEKOM er den desentraliserte ordningen"), answer.text
            assert "👍" not in answer.button_labels  # nothing to count it on
        assert bot.errors == []
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(warnings) == 1 and "Question not logged" in warnings[0]  # once, no text
        assert "DEKOM" not in caplog.text

        connection.value("PRAGMA max_page_count = 1073741823")  # space again
        answer = one(await bot.say(ALICE, "Hva er DEKOM?"), "sendMessage", ALICE)
        assert answer.button_labels[-2:] == ["👍", "👎"]


async def test_thumbs_pressed_in_another_chat_are_refused(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        answer = one(await bot.say(ALICE, "Hva er DEKOM?"), "sendMessage", ALICE)
        forged = next(
            b["callback_data"] for row in answer.buttons for b in row if b["text"] == "👎"
        )
        calls = await bot.press_data(MALLORY, forged)
        notice = one(calls, "answerCallbackQuery").params["text"]
        assert notice == "Denne knappen hører til et svar i en annen chat og kan ikke brukes her."
        stats = bot.statistics.gather(NOW)
        assert (stats.thumbs_up, stats.thumbs_down) == (0, 0)
        calls = await bot.press(ALICE, answer, "👍")  # Alice's own press still counts
        assert one(calls, "answerCallbackQuery").params["text"] == "Takk for tilbakemeldingen!"
        stats = bot.statistics.gather(NOW)
        assert bot.errors == []
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 0)


@pytest.mark.parametrize("command", ["/ubesvarte", "/statistikk", "/kunngjoring Hei"])
async def test_coordinator_output_stays_out_of_groups(tmp_path: Path, command: str) -> None:
    async with running_bot(tmp_path) as bot:
        await bot.say(ALICE, UNKNOWN_QUESTION)
        bot_name = bot.api.bot["username"]
        update = bot.updates.message(
            GROUP, f"{command.split()[0]}@{bot_name}", chat_type="supergroup", user_id=ADMIN
        )
        calls = await bot.send(update)
        assert only(calls, "sendPhoto") == []
        (refusal,) = only(calls, "sendMessage")
        assert refusal.text.startswith("Koordinatorverktøyene virker bare i en privat chat")
        assert UNKNOWN_QUESTION not in refusal.text
        private = one(await bot.say(ADMIN, "/ubesvarte"), "sendMessage", ADMIN)
        assert UNKNOWN_QUESTION in private.text  # in the coordinator's own chat it works
        assert bot.errors == []


async def test_slettmeg_for_a_coordinator_deletes_announcements_and_handover_messages(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path) as bot:
        unsure = one(await bot.say(ALICE, UNKNOWN_QUESTION), "sendMessage", ALICE)
        await bot.press(ALICE, unsure, "Spør en koordinator")
        bot.store.subscribe(501, NOW, ALL_EVENTS)  # someone to announce to
        await bot.say(ADMIN, "/kunngjoring Husk fagdagen på fredag!")
        stored = bot.storage.about_chat(ADMIN)
        assert (stored.coordinator_messages, stored.announcements) == (1, 1)
        asked = one(await bot.say(ADMIN, "/slettmeg"), "sendMessage", ADMIN)
        assert "1 spørsmål vist deg som koordinator og 1 kunngjøring" in asked.text
        done = await bot.press(ADMIN, asked, "🗑 Slett alt")
        assert one(done, "editMessageText", ADMIN).text.startswith("Slettet: ")
        assert bot.storage.rows_about_chat(ADMIN) == 0
        (handover,) = bot.storage.handovers.handovers()  # Alice's question is hers to delete
        assert handover.chat_id == ALICE
        assert bot.errors == []
    for file in tmp_path.iterdir():
        if file.is_file():
            assert b"Husk fagdagen" not in file.read_bytes(), file.name


async def test_a_paused_chat_is_answered_even_when_resuming_it_cannot_be_stored(
    tmp_path: Path,
) -> None:
    path = database_path(tmp_path)
    connection = SqliteConnection.open(path)
    storage = SqliteStorage(connection, ChatPseudonyms.next_to(path))
    async with running_bot(tmp_path, storage=storage) as bot:
        bot.store.subscribe(ALICE, NOW, ALL_EVENTS)
        bot.store.deactivate_chat(ALICE, NOW)  # she had blocked the bot, and comes back
        connection.value("PRAGMA query_only = ON")  # every write fails from now on
        answer = one(await bot.say(ALICE, "Hva er DEKOM?"), "sendMessage", ALICE)
        assert answer.text.startswith("DEKOM er den desentraliserte ordningen"), answer.text
        assert bot.errors == []
        connection.value("PRAGMA query_only = OFF")


async def test_help_in_a_group_does_not_list_the_coordinator_commands(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        bot_name = bot.api.bot["username"]
        update = bot.updates.message(
            GROUP, f"/hjelp@{bot_name}", chat_type="supergroup", user_id=ADMIN
        )
        (in_group,) = only(await bot.send(update), "sendMessage")
        private = one(await bot.say(ADMIN, "/hjelp"), "sendMessage", ADMIN)
    assert "/ubesvarte" not in in_group.text
    assert "/ubesvarte" in private.text
