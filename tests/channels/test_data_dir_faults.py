"""BOT_DATA_DIR faults through `python -m bot run` as a real process: a second bot on the same
folder, a damaged or read-only database, a folder the bot may not write, and a database deleted
while the bot runs or missing at the next start. Each ends in one clear Norwegian sentence (and
exit 1), or is noticed, repaired where it can be and told to the coordinators."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from bot.core.knowledge import OSLO
from bot.storage import database_path, open_storage
from tests.channels.test_end_to_end import (
    REPLY_TIMEOUT,
    START_TIMEOUT,
    bot_environment,
    bot_process,
    loopback_environment,
    reply_containing,
    run_to_exit,
)
from tests.fake_bot_api import TOKEN, BotApi, LoopbackServer, Updates

ALICE = 1001
ADMIN = 4242
NEVER_CONTACTED = "http://127.0.0.1:9/bot"
SUBSCRIBED = datetime(2020, 9, 1, 12, 0, tzinfo=OSLO)
WATCH_TIMEOUT = 20.0  # the database watch runs every few seconds


def subscribed_database(data_dir: Path, *chats: int) -> Path:
    """A database in `data_dir` in which `chats` subscribe to every samling."""
    storage = open_storage(data_dir)
    try:
        for chat_id in chats:
            storage.subscriptions.subscribe(chat_id, SUBSCRIBED)
    finally:
        storage.close()
    return database_path(data_dir)


def subscriptions_in(data_dir: Path, chat_id: int) -> int:
    storage = open_storage(data_dir)
    try:
        return len(storage.subscriptions.subscriptions(chat_id))
    finally:
        storage.close()


@contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """`path` cannot be written, even by root (who ignores permission bits): immutable."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        return
    mode = path.stat().st_mode
    path.chmod(stat.S_IMODE(mode) & ~0o222)
    try:
        yield
    finally:
        path.chmod(stat.S_IMODE(mode))


async def test_a_second_bot_on_the_same_data_dir_refuses_to_start(tmp_path: Path) -> None:
    api = BotApi()
    updates = Updates()
    second = tmp_path / "andre"
    second.mkdir()
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(tmp_path, server)
        async with bot_process(tmp_path, env) as first:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            exit_code, stderr = await run_to_exit(second, env)
            assert exit_code == 1
            assert "En annen Kompetansebot" in stderr and "kjører allerede" in stderr
            assert "Traceback" not in stderr
            assert len(api.calls_to("setMyCommands")) == 1  # the second never got to Telegram

            await api.enqueue(updates.message(ALICE, "/start"))
            await reply_containing(api, "Velkommen til Kompetansebot")  # the first one still runs
            assert await first.stop() == 0


async def test_a_damaged_database_is_named_in_one_sentence(tmp_path: Path) -> None:
    database = subscribed_database(tmp_path / "data", ALICE)
    content = bytearray(database.read_bytes())
    content[4096 * 2 : 4096 * 2 + 200] = b"\xff" * 200  # a table page overwritten
    database.write_bytes(bytes(content))
    env = bot_environment(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=NEVER_CONTACTED)
    exit_code, stderr = await run_to_exit(tmp_path, env)
    assert exit_code == 1
    assert "er skadet" in stderr and "sikkerhetskopi" in stderr
    assert "Traceback" not in stderr


async def test_a_read_only_database_is_named_in_one_sentence(tmp_path: Path) -> None:
    database = subscribed_database(tmp_path / "data", ALICE)
    env = bot_environment(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=NEVER_CONTACTED)
    with unwritable(database):
        exit_code, stderr = await run_to_exit(tmp_path, env)
    assert exit_code == 1
    assert "er skrivebeskyttet" in stderr
    assert "Traceback" not in stderr


async def test_a_data_dir_the_bot_may_not_write_names_the_uid(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    env = bot_environment(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=NEVER_CONTACTED)
    with unwritable(data):
        exit_code, stderr = await run_to_exit(tmp_path, env)
    assert exit_code == 1
    assert f"Boten (uid {os.getuid()}) får ikke skrive i BOT_DATA_DIR" in stderr
    assert "uid 10001" in stderr  # what the Docker image runs as
    assert "Traceback" not in stderr


async def test_a_database_deleted_while_running_is_written_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = subscribed_database(data, ALICE)
    api = BotApi()
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(
            tmp_path,
            server,
            ADMIN_IDS=str(ADMIN),
        )
        async with bot_process(tmp_path, env) as bot:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            for path in data.glob(database.name + "*"):  # the file and its -wal and -shm
                path.unlink()
            told = await api.wait_for(
                lambda c: c.chat_id == ADMIN and "ble slettet mens boten kjørte" in c.text,
                WATCH_TIMEOUT,
            )
            assert "ingen abonnementer er tapt" in told.text
            assert await bot.stop() == 0
            stderr = bot.stderr
    assert "Traceback" not in stderr
    assert subscriptions_in(data, ALICE) == 1  # still there for the next start


async def test_a_database_missing_at_the_next_start_is_told_loudly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    api = BotApi()
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(
            tmp_path,
            server,
            ADMIN_IDS=str(ADMIN),
        )
        async with bot_process(tmp_path, env) as bot:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            assert await bot.stop() == 0
        for path in data.glob(database_path(data).name + "*"):
            path.unlink()  # while the bot was stopped: nothing can write it back
        async with bot_process(tmp_path, env) as bot:
            told = await api.wait_for(
                lambda c: c.chat_id == ADMIN and "manglet da boten startet" in c.text,
                START_TIMEOUT,
            )
            assert "alle abonnementer" in told.text
            assert await bot.stop() == 0
            stderr = bot.stderr
    assert "NO DATABASE" in stderr
    assert "Traceback" not in stderr


async def test_the_lock_is_released_when_the_bot_stops(tmp_path: Path) -> None:
    api = BotApi()
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(tmp_path, server)
        for _ in range(2):
            polls = api.polls
            async with bot_process(tmp_path, env) as bot:
                await api.wait_for_polling(START_TIMEOUT, after=polls)
                assert await asyncio.wait_for(bot.stop(), REPLY_TIMEOUT) == 0
