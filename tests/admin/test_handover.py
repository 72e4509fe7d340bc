"""Handing a question over to a person: "Spør en koordinator", the coordinator's reply,
across a restart, and what happens when the asker has blocked the bot."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.storage import HandoverState, database_path
from tests.admin.helpers import (
    ADMIN,
    ADMIN_2,
    ALICE,
    UNKNOWN_QUESTION,
    Bot,
    one,
    only,
    running_bot,
)
from tests.fake_bot_api import Call, Failure

ANSWER = "Det er gratis parkering bak rådhuset."


async def ask_a_coordinator(bot: Bot, failure: Failure | None = None) -> tuple[Call, list[Call]]:
    """Alice asks what the bot cannot answer and presses "Spør en koordinator"; `failure`
    is how the first message to a coordinator fails."""
    unsure = one(await bot.say(ALICE, UNKNOWN_QUESTION), "sendMessage", ALICE)
    if failure is not None:
        bot.api.fail_next("sendMessage", failure)
    return unsure, await bot.press(ALICE, unsure, "Spør en koordinator")


async def test_a_handover_reaches_the_asker_after_a_restart(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as first:
        unsure, calls = await ask_a_coordinator(first)
        to_admins = only(calls, "sendMessage", ADMIN) + only(calls, "sendMessage", ADMIN_2)
        assert len(to_admins) == 2
        for shown in to_admins:
            assert "Spørsmål til en koordinator" in shown.text
            assert f"Kari spurte:\n«{UNKNOWN_QUESTION}»" in shown.text
            assert "Svar på denne meldingen" in shown.text
            assert str(ALICE) not in shown.text  # only the first name
        confirmation = one(calls, "sendMessage", ALICE)
        assert confirmation.text.startswith("Spørsmålet er sendt til en koordinator.")
        assert one(calls, "answerCallbackQuery").params["text"] == "Sendt til en koordinator."
        edit = one(calls, "editMessageReplyMarkup", ALICE)
        assert "Spør en koordinator" not in edit.button_labels  # no second hand-over
        again = await first.press(ALICE, unsure, "Spør en koordinator")  # a stale button
        assert one(again, "answerCallbackQuery").params["text"] == (
            "Dette spørsmålet er allerede sendt til en koordinator."
        )
        assert only(again, "sendMessage", ADMIN) == []
        shown_to_second_admin = one(to_admins, "sendMessage", ADMIN_2)
        assert first.errors == []

    async with running_bot(tmp_path) as second:  # a new Database and Application
        calls = await second.reply(ADMIN_2, shown_to_second_admin, ANSWER)
        delivered = one(calls, "sendMessage", ALICE)
        assert delivered.text == (
            f"En koordinator har svart på spørsmålet ditt «{UNKNOWN_QUESTION}»:\n\n{ANSWER}"
        )
        thanks = one(calls, "sendMessage", ADMIN_2)
        assert thanks.text == "Takk! Svaret er sendt til Kari."
        (handover,) = second.storage.handovers.handovers()
        assert handover.state is HandoverState.ANSWERED
        assert (handover.chat_id, handover.first_name) == (None, None)  # the asker is forgotten

        late = await second.reply(ADMIN, one(to_admins, "sendMessage", ADMIN), "Jeg svarer også")
        assert only(late, "sendMessage", ALICE) == []
        assert "allerede besvart" in one(late, "sendMessage", ADMIN).text
        assert second.errors == []


async def test_an_asker_who_blocked_the_bot_loses_nothing(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        _unsure, calls = await ask_a_coordinator(bot)
        shown = one(calls, "sendMessage", ADMIN)
        bot.api.fail_next("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"))
        calls = await bot.reply(ADMIN, shown, ANSWER)
        attempted = one(calls, "sendMessage", ALICE)  # refused by Telegram
        assert ANSWER in attempted.text
        told = one(calls, "sendMessage", ADMIN).text
        assert told.startswith("Jeg fikk ikke levert svaret: Kari har blokkert meg")
        assert "Svaret ditt er lagret" in told
        (handover,) = bot.storage.handovers.handovers()
        assert handover.state is HandoverState.UNDELIVERABLE
        assert (handover.chat_id, handover.answer) == (ALICE, ANSWER)
        assert bot.errors == []

        await bot.say(ALICE, "hei igjen")  # Alice unblocked the bot and writes again
        calls = await bot.reply(ADMIN, shown, ANSWER)
        assert ANSWER in one(calls, "sendMessage", ALICE).text
        assert one(calls, "sendMessage", ADMIN).text == "Takk! Svaret er sendt til Kari."
        (handover,) = bot.storage.handovers.handovers()
        assert handover.state is HandoverState.ANSWERED


async def test_a_coordinator_who_never_started_the_bot_is_skipped_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    async with running_bot(tmp_path) as bot:
        not_started = Failure(400, "Bad Request: chat not found")
        _unsure, calls = await ask_a_coordinator(bot, not_started)  # ADMIN is asked first
        assert one(calls, "sendMessage", ADMIN_2)
        assert one(calls, "sendMessage", ALICE).text.startswith("Spørsmålet er sendt")
        assert bot.errors == []
    assert f"not shown to admin {ADMIN}: has not started the bot" in caplog.text


async def test_when_no_coordinator_can_be_reached_the_asker_is_told(tmp_path: Path) -> None:
    async with running_bot(tmp_path, admins=(ADMIN,)) as bot:
        blocked = Failure(403, "Forbidden: bot was blocked by the user")
        unsure, calls = await ask_a_coordinator(bot, blocked)
        told = one(calls, "sendMessage", ALICE).text
        assert told.startswith("Beklager, jeg fikk ikke sendt spørsmålet til noen koordinator")
        assert only(calls, "editMessageReplyMarkup") == []  # the button stays: try later
        assert bot.storage.handovers.handovers() == []
        retry = await bot.press(ALICE, unsure, "Spør en koordinator")
        assert one(retry, "sendMessage", ADMIN)


async def test_a_reply_from_a_teacher_or_to_another_message_is_just_a_question(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path) as bot:
        _unsure, calls = await ask_a_coordinator(bot)
        shown = one(calls, "sendMessage", ADMIN)
        answer = one(await bot.say(ADMIN, "Hva er DEKOM?"), "sendMessage", ADMIN)
        calls = await bot.reply(ADMIN, answer, "Hva er REKOM?")  # not a hand-over message
        assert "REKOM" in one(calls, "sendMessage", ADMIN).text
        assert only(calls, "sendMessage", ALICE) == []
        stranger = 777
        shown_elsewhere = Call(
            "sendMessage", {}, result={**shown.result, "chat": {"id": stranger, "type": "private"}}
        )
        calls = await bot.reply(stranger, shown_elsewhere, "Hva er REKOM?")
        assert only(calls, "sendMessage", ALICE) == []
        (handover,) = bot.storage.handovers.handovers()
        assert handover.state is HandoverState.PENDING
        assert bot.errors == []


async def test_forgetting_me_deletes_a_pending_handover(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        await ask_a_coordinator(bot)
        asked = one(await bot.say(ALICE, "/slettmeg"), "sendMessage", ALICE)
        assert "1 spørsmål og 1 spørsmål sendt videre til en koordinator" in asked.text
        assert bot.storage.handovers.handovers() != []  # nothing deleted before the button
        told = one(await bot.press(ALICE, asked, "🗑 Slett alt"), "editMessageText", ALICE)
        assert told.text.startswith(
            "Slettet: 1 spørsmål og 1 spørsmål sendt videre til en koordinator."
        )
        assert bot.storage.handovers.handovers() == []
    raw = sqlite3.connect(database_path(tmp_path))
    left = raw.execute("SELECT count(*) FROM handovers").fetchone()
    raw.close()
    assert left == (0,)


async def test_forgetting_me_deletes_an_answered_handover_and_the_question(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path) as bot:
        _unsure, calls = await ask_a_coordinator(bot)
        await bot.reply(ADMIN, one(calls, "sendMessage", ADMIN), ANSWER)
        (answered,) = bot.storage.handovers.handovers()
        assert answered.state is HandoverState.ANSWERED and answered.chat_id is None
        asked = one(await bot.say(ALICE, "/slettmeg"), "sendMessage", ALICE)
        told = one(await bot.press(ALICE, asked, "🗑 Slett alt"), "editMessageText", ALICE)
        assert "1 spørsmål sendt videre til en koordinator" in told.text
        assert bot.storage.handovers.handovers() == []
        assert bot.storage.questions.latest_unanswered(10) == []
        # The coordinator's own data goes too: the hand-over messages shown in the admin's chat.
        before = bot.storage.about_chat(ADMIN)
        assert before.coordinator_messages == 0  # deleted with Alice's hand-over
    for path in tmp_path.iterdir():  # nothing of the question lingers in the file or its WAL
        if path.is_file():
            assert UNKNOWN_QUESTION.encode() not in path.read_bytes(), path.name


async def test_a_forged_handover_button_from_another_chat_is_refused(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        unsure = one(await bot.say(ALICE, UNKNOWN_QUESTION), "sendMessage", ALICE)
        mallory = 5005
        data = next(
            button["callback_data"]
            for row in unsure.buttons
            for button in row
            if button["text"] == "Spør en koordinator"
        )
        calls = await bot.press_data(mallory, data)  # the same data, pressed in another chat
        notice = one(calls, "answerCallbackQuery").params["text"]
        assert notice == "Denne knappen hører til et svar i en annen chat og kan ikke brukes her."
        assert only(calls, "sendMessage", ADMIN) == []
        assert bot.storage.handovers.handovers() == []
        calls = await bot.press(ALICE, unsure, "Spør en koordinator")  # the real asker still can
        assert len(only(calls, "sendMessage", ADMIN)) == 1


async def test_when_telegram_refuses_the_answer_the_coordinator_can_try_again(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path) as bot:
        _unsure, calls = await ask_a_coordinator(bot)
        shown = one(calls, "sendMessage", ADMIN)
        bot.api.fail_next("sendMessage", Failure(400, "Bad Request: something went wrong"))
        calls = await bot.reply(ADMIN, shown, ANSWER)
        told = one(calls, "sendMessage", ADMIN).text
        assert told.startswith("Jeg fikk ikke sendt svaret til Kari akkurat nå")
        (handover,) = bot.storage.handovers.handovers()
        assert handover.state is HandoverState.PENDING  # still waiting: nothing lost
        calls = await bot.reply(ADMIN, shown, ANSWER)
        assert ANSWER in one(calls, "sendMessage", ALICE).text
        assert bot.errors == []
