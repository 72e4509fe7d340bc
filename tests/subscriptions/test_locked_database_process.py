"""`python -m bot run` as a real process against the loopback Bot API: reminders fall due while
another process holds the database's write lock. Once the lock is released they go out, each
once, without a restart."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from tests.channels.test_end_to_end import START_TIMEOUT, bot_environment, bot_process
from tests.fake_bot_api import TOKEN, BotApi, LoopbackServer
from tests.subscriptions.test_storage_faults import write_lock
from tests.subscriptions.waves import REMINDER, prepare_wave

CHATS = 20
TIMEOUT = 60.0


def reminders_per_chat(api: BotApi) -> Counter[int]:
    return Counter(
        call.chat_id
        for call in api.calls_to("sendMessage")
        if call.chat_id is not None and call.text.startswith(REMINDER)
    )


async def wait_for_log(bot_stderr: Path, text: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while text not in bot_stderr.read_text(encoding="utf-8", errors="replace"):
        assert time.monotonic() < deadline, f"{text!r} never appeared in the log"
        await asyncio.sleep(0.1)


async def test_reminders_go_out_after_a_database_lock_is_released(tmp_path: Path) -> None:
    wave = prepare_wave(tmp_path, CHATS)  # its "1 dag før" reminder fell due two minutes ago
    samlinger = wave.knowledge_dir / "samlinger.yaml"
    due_version = samlinger.read_text(encoding="utf-8")
    start = date.fromisoformat(wave.ledger_kind.removeprefix("day:"))
    later = due_version.replace(start.isoformat(), (start + timedelta(days=30)).isoformat())
    samlinger.write_text(later, encoding="utf-8")  # the bot starts with nothing due
    api = BotApi()
    async with LoopbackServer(api, TOKEN) as server:
        env = bot_environment(
            tmp_path,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=server.base_url,
            BROADCAST_RATE="150",
            LOG_LEVEL="INFO",
            **wave.environment(),
        )
        run_dir = tmp_path / "run"
        run_dir.mkdir()
        async with bot_process(run_dir, env) as bot:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            await asyncio.sleep(1.0)  # the start-up waves (nothing due) are over
            with write_lock(wave.data_dir):
                samlinger.write_text(due_version, encoding="utf-8")  # moved: due now
                await wait_for_log(bot.stderr_path, "database is locked")  # the wave failed
                assert reminders_per_chat(api) == Counter()
            deadline = time.monotonic() + TIMEOUT
            while len(reminders_per_chat(api)) < CHATS:
                assert time.monotonic() < deadline, bot.stderr[-3000:]
                assert bot.process.returncode is None, bot.stderr[-3000:]
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)  # nothing more arrives
            exit_code = await bot.stop()
            stderr = bot.stderr
    assert exit_code == 0, stderr
    per_chat = reminders_per_chat(api)
    assert sorted(per_chat) == list(wave.chats)
    assert max(per_chat.values()) == 1, "a chat got the reminder twice"
