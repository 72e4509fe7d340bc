"""Faults in polling and sending, through `python -m bot run` as a real process against the
loopback Bot API: a slow answer must not make a reply arrive twice, an update the client
cannot read must not make the bot deaf, a revoked token must end the process, and stopping must
be quick and quiet even when Telegram is slow to answer the last poll."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.channels.test_end_to_end import (
    REPLY_TIMEOUT,
    START_TIMEOUT,
    bot_process,
    loopback_environment,
    polling_bot,
    reply_containing,
)
from tests.fake_bot_api import TOKEN, BotApi, Call, Failure, LoopbackServer, Updates

ALICE = 1001
ADMIN = 4242
SLOWER_THAN_PTB_DEFAULT = 6.0  # seconds; python-telegram-bot waits 5 s for an answer


def copies(api: BotApi, chat_id: int, text: str) -> list[Call]:
    return [call for call in api.sent_to(chat_id) if text in call.text]


async def test_a_reply_whose_answer_is_slower_than_the_timeout_arrives_once(
    tmp_path: Path,
) -> None:
    api = BotApi()
    updates = Updates()
    async with polling_bot(tmp_path, api, TELEGRAM_READ_TIMEOUT="1") as bot:
        api.answer_slowly("sendMessage", SLOWER_THAN_PTB_DEFAULT)  # but it has arrived
        await api.enqueue(updates.message(ALICE, "Hva er DEKOM?"))
        await reply_containing(api, "DEKOM er den desentraliserte ordningen")
        await api.enqueue(updates.message(ALICE, "/hjelp"))  # handled after the first
        await reply_containing(api, "Kommandoer:")
        assert len(copies(api, ALICE, "DEKOM er den desentraliserte ordningen")) == 1
        assert await bot.stop() == 0
        stderr = bot.stderr
    assert "not sent again" in stderr
    assert "Traceback" not in stderr


async def test_a_coordinators_answer_relayed_over_a_slow_connection_arrives_once(
    tmp_path: Path,
) -> None:
    api = BotApi()
    updates = Updates()
    async with polling_bot(tmp_path, api, ADMIN_IDS=str(ADMIN)) as bot:
        await api.enqueue(updates.message(ALICE, "Hvor kan jeg parkere bilen?"))
        unsure = await reply_containing(api, "Det står ikke i kildene mine")
        (handover,) = (
            button["callback_data"]
            for row in unsure.buttons
            for button in row
            if button["text"] == "Spør en koordinator"
        )
        await api.enqueue(updates.button(ALICE, handover))
        shown = await reply_containing(api, "Kari spurte:")

        api.answer_slowly("sendMessage", SLOWER_THAN_PTB_DEFAULT)  # the relay to Kari
        answer = updates.message(ADMIN, "Bak rådhuset.", reply_to_message=shown.result)
        await api.enqueue(answer)
        await api.wait_for(
            lambda c: c.chat_id == ADMIN and "Svaret er sendt til Kari" in c.text,
            REPLY_TIMEOUT + SLOWER_THAN_PTB_DEFAULT,
        )
        assert len(copies(api, ALICE, "Bak rådhuset.")) == 1
        assert await bot.stop() == 0
        stderr = bot.stderr
    assert "Traceback" not in stderr


async def test_a_reply_held_up_by_a_two_minute_flood_wait_is_kept(tmp_path: Path) -> None:
    api = BotApi()
    updates = Updates()
    async with polling_bot(tmp_path, api) as bot:  # killed at the end: it is still waiting
        api.fail_next("sendMessage", Failure(429, "Too Many Requests", retry_after=120))
        await api.enqueue(updates.message(ALICE, "/start"))
        await api.wait_for(lambda c: c.method == "sendMessage", REPLY_TIMEOUT)
        await api.enqueue(updates.message(1002, "/hjelp"))  # another chat: still answered
        await reply_containing(api, "Kommandoer:")
        stderr = bot.stderr
    assert "Flood control: sending in 120.0 s" in stderr  # kept, to be sent when allowed
    assert "RetryAfter" not in stderr  # not given up as an error


async def test_an_update_without_a_date_is_skipped_once_and_the_bot_answers_on(
    tmp_path: Path,
) -> None:
    api = BotApi()
    updates = Updates()
    async with polling_bot(tmp_path, api, LOG_LEVEL="INFO") as bot:
        broken = updates.message(ALICE, "hemmelig spørsmål om lønn")
        del broken["message"]["date"]
        await api.enqueue(broken)
        polls = api.polls
        await api.enqueue(updates.message(ALICE, "/start"))
        await reply_containing(api, "Velkommen til Kompetansebot")
        assert api.polls - polls < 10  # no busy loop fetching the broken update again
        assert await bot.stop() == 0
        stderr = bot.stderr
    assert stderr.count(f"Skipped update {broken['update_id']}") == 1
    assert "hemmelig" not in stderr
    assert "CRITICAL" not in stderr and "Traceback" not in stderr


async def test_a_token_revoked_while_polling_ends_the_process(tmp_path: Path) -> None:
    api = BotApi()
    updates = Updates()
    async with polling_bot(tmp_path, api) as bot:
        api.fail_next("getUpdates", Failure(401, "Unauthorized"))
        await api.enqueue(updates.message(ALICE, "/start"))  # ends the long poll under way
        exit_code = await asyncio.wait_for(bot.process.wait(), START_TIMEOUT)
        stderr = bot.stderr
    assert exit_code == 1  # so systemd's and Docker's restart policies act
    assert "Telegram godtar ikke lenger TELEGRAM_BOT_TOKEN" in stderr
    assert "Traceback" not in stderr
    assert TOKEN not in stderr


async def test_stopping_does_not_wait_for_a_slow_last_poll(tmp_path: Path) -> None:
    api = BotApi()
    async with polling_bot(tmp_path, api) as bot:
        api.answer_slowly("getUpdates", 30.0)  # the confirming getUpdates while stopping
        exit_code = await bot.stop()
        stderr = bot.stderr
    assert exit_code == 0, stderr
    assert "Could not confirm the last updates while stopping (TimedOut)" in stderr  # one line
    assert "Traceback" not in stderr


async def test_a_stop_while_the_bot_is_still_starting_is_clean(tmp_path: Path) -> None:
    api = BotApi()
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(tmp_path, server)
        api.answer_slowly("setMyCommands", 2.0)  # part of starting, after getMe
        async with bot_process(tmp_path, env) as bot:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            exit_code = await bot.stop()  # SIGTERM while the bot is still starting
            stderr = bot.stderr
    assert exit_code == 0, stderr
    assert "Traceback" not in stderr
