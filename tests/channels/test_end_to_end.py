"""`python -m bot run` as a real process, talking HTTP to a loopback Bot API.

The process is started exactly as in production, with TELEGRAM_BASE_URL pointing at the fake
server on 127.0.0.1. Every wait is bounded, and the process is always terminated.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.conversation import decode
from tests.fake_bot_api import TOKEN, BotApi, Call, LoopbackServer, Updates

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
REPLY_TIMEOUT = 15.0
STOP_TIMEOUT = 30.0
ALICE = 1001


def bot_environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The parent's environment minus any real bot settings, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN_IDS"))}
    env.update(
        PYTHONPATH=str(ROOT),
        KNOWLEDGE_DIR=str(ROOT / "knowledge"),
        BOT_DATA_DIR=str(tmp_path / "data"),
        LOG_LEVEL="DEBUG",
    )
    env.update(settings)
    return env


def loopback_environment(tmp_path: Path, server: LoopbackServer, **settings: str) -> dict[str, str]:
    """`bot_environment` for a bot that talks to `server` with the test token."""
    return bot_environment(
        tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url, **settings
    )


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    stderr_path: Path

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    async def stop(self) -> int:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), STOP_TIMEOUT)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise


@asynccontextmanager
async def bot_process(tmp_path: Path, env: dict[str, str]) -> AsyncIterator[BotProcess]:
    """`python -m bot run` in `tmp_path` (so no developer .env is read), killed at the end."""
    stdout = (tmp_path / "stdout.txt").open("wb")
    stderr_path = tmp_path / "stderr.txt"
    stderr = stderr_path.open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env, stdout=stdout, stderr=stderr
    )
    running = BotProcess(process, stderr_path)
    try:
        yield running
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        stdout.close()
        stderr.close()


@asynccontextmanager
async def polling_bot(tmp_path: Path, api: BotApi, **settings: str) -> AsyncIterator[BotProcess]:
    """`bot_process` against `api` on a loopback server, once the bot polls for updates."""
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(tmp_path, server, **settings)
        async with bot_process(tmp_path, env) as bot:
            await api.wait_for_polling(START_TIMEOUT)
            yield bot


async def test_bot_answers_start_a_question_and_a_button_then_stops_cleanly(
    tmp_path: Path,
) -> None:
    api = BotApi()
    updates = Updates()
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(tmp_path, server)
        async with bot_process(tmp_path, env) as bot:
            menu = await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            assert [c["command"] for c in menu.params["commands"]][:3] == [
                "start",
                "hjelp",
                "neste",
            ]

            await api.enqueue(updates.message(ALICE, "/start"))
            welcome = await reply_containing(api, "Velkommen til Kompetansebot")
            assert welcome.params["parse_mode"] == "HTML"
            assert "📅 Neste samling" in welcome.button_labels

            await api.enqueue(updates.message(ALICE, "Hva er DEKOM?"))
            answer = await reply_containing(api, "DEKOM er den desentraliserte ordningen")
            follow_up = answer.buttons[0][0]
            assert decode(follow_up["callback_data"]).argument == "stortingsmelding-21"

            await api.enqueue(updates.button(ALICE, follow_up["callback_data"]))
            await api.wait_for(lambda c: c.method == "answerCallbackQuery", REPLY_TIMEOUT)
            chosen = await reply_containing(api, "<b>Stortingsmelding 21</b>")
            assert chosen.chat_id == ALICE

            await api.enqueue(updates.message(-100200, "Hva er DEKOM?", chat_type="group"))
            await api.enqueue(updates.message(ALICE, "/hjelp"))
            await reply_containing(api, "Kommandoer:")
            assert len(api.sent_to(-100200)) == 0  # group chatter got no answer

            exit_code = await bot.stop()
            stderr = bot.stderr
    assert exit_code == 0, stderr
    assert "Traceback" not in stderr
    assert TOKEN not in stderr
    assert "Starting Kompetansebot" in stderr
    assert api.pending_updates() == 0  # every update was confirmed before the bot stopped


async def reply_containing(api: BotApi, text: str) -> Call:
    return await api.wait_for(lambda c: c.method == "sendMessage" and text in c.text, REPLY_TIMEOUT)


async def test_rejected_token_is_explained_without_a_traceback(tmp_path: Path) -> None:
    api = BotApi()
    async with LoopbackServer(api, "999:" + "x" * 35) as server:
        env = loopback_environment(tmp_path, server)
        async with bot_process(tmp_path, env) as bot:
            exit_code = await asyncio.wait_for(bot.process.wait(), START_TIMEOUT)
            stderr = bot.stderr
    assert exit_code == 1
    assert "Telegram godtok ikke TELEGRAM_BOT_TOKEN" in stderr
    assert "Traceback" not in stderr
    assert TOKEN not in stderr


async def test_unreachable_api_is_explained_without_a_traceback(tmp_path: Path) -> None:
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()  # nothing listens on `port` any more
    env = bot_environment(
        tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=f"http://127.0.0.1:{port}/bot"
    )
    async with bot_process(tmp_path, env) as bot:
        exit_code = await asyncio.wait_for(bot.process.wait(), START_TIMEOUT)
        stderr = bot.stderr
    assert exit_code == 1
    assert "Fikk ikke kontakt med Telegram" in stderr
    assert "Traceback" not in stderr


async def run_to_exit(tmp_path: Path, env: dict[str, str]) -> tuple[int, str]:
    async with bot_process(tmp_path, env) as bot:
        exit_code = await asyncio.wait_for(bot.process.wait(), START_TIMEOUT)
        return exit_code, bot.stderr


async def test_missing_or_malformed_token_stops_before_anything_starts(tmp_path: Path) -> None:
    exit_code, stderr = await run_to_exit(tmp_path, bot_environment(tmp_path))
    assert exit_code == 1
    assert "TELEGRAM_BOT_TOKEN mangler" in stderr
    malformed = "123456-ikke-en-token"
    env = bot_environment(tmp_path, TELEGRAM_BOT_TOKEN=malformed)
    exit_code, stderr = await run_to_exit(tmp_path, env)
    assert exit_code == 1
    assert "ser ikke ut som en token" in stderr
    assert malformed not in stderr
    assert "Traceback" not in stderr


async def test_bad_knowledge_base_stops_the_bot_with_every_problem(tmp_path: Path) -> None:
    knowledge = tmp_path / "kunnskap"
    knowledge.mkdir()
    for name in ("sources.yaml", "vocabulary.yaml", "samlinger.yaml"):
        (knowledge / name).write_text((ROOT / "knowledge" / name).read_text(encoding="utf-8"))
    broken = (knowledge / "samlinger.yaml").read_text(encoding="utf-8")
    broken = broken.replace("start: 2021-01-20", "start: 2021-13-45", 1)
    (knowledge / "samlinger.yaml").write_text(broken, encoding="utf-8")
    env = bot_environment(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, KNOWLEDGE_DIR=str(knowledge))
    env["TELEGRAM_BASE_URL"] = "http://127.0.0.1:9/bot"  # never contacted
    exit_code, stderr = await run_to_exit(tmp_path, env)
    assert exit_code == 1
    assert "samlinger.yaml" in stderr
    assert "Kunnskapsbasen i" in stderr
    assert "Traceback" not in stderr
