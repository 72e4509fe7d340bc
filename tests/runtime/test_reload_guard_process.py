"""`python -m bot run` as a real process against the loopback Bot API: samlinger.yaml is emptied
while 50 chats subscribe. Nobody is notified, the admin is asked (with a button), the samlinger
are still answered, and when the file comes back nothing is sent either."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time
from pathlib import Path

from bot.core.reminders import ALL_EVENTS
from bot.storage import SqliteStorage, database_path
from tests.channels.test_end_to_end import (
    START_TIMEOUT,
    bot_process,
    loopback_environment,
    reply_containing,
)
from tests.fake_bot_api import TOKEN, BotApi, LoopbackServer, Updates
from tests.subscriptions.helpers import samling, write_knowledge
from tests.subscriptions.test_locked_database_process import wait_for_log
from tests.subscriptions.waves import fake_oslo, noon_offset

ADMIN = 4242
ASKER = 77
SUBSCRIBERS = range(800, 850)
EVENTS = [
    samling("skole", date(2030, 5, 15), time(10, 0), title="Skolesamling", audience=["skole"]),
    samling("barnehage", date(2030, 5, 20), title="Barnehagesamling", audience=["barnehage"]),
    samling("ppt", date(2030, 6, 20), time(9, 0), title="PPT-samling", audience=["ppt"]),
]


async def test_an_emptied_samlinger_file_notifies_nobody_in_the_running_bot(
    tmp_path: Path,
) -> None:
    knowledge = write_knowledge(tmp_path / "knowledge", EVENTS)
    samlinger = knowledge / "samlinger.yaml"
    saved = samlinger.read_text(encoding="utf-8")
    fake_oslo(tmp_path / "tz", noon_offset())  # about noon: notices are not held for the night
    with SqliteStorage.open(database_path(tmp_path / "data")) as storage:
        for chat_id in SUBSCRIBERS:
            storage.subscriptions.subscribe(chat_id, datetime.now(UTC), ALL_EVENTS)
    api = BotApi()
    updates = Updates()
    async with LoopbackServer(api, TOKEN) as server:
        env = loopback_environment(
            tmp_path,
            server,
            ADMIN_IDS=str(ADMIN),
            KNOWLEDGE_DIR=str(knowledge),
            PYTHONTZPATH=str(tmp_path / "tz"),
            LOG_LEVEL="INFO",
        )
        run_dir = tmp_path / "run"
        run_dir.mkdir()
        async with bot_process(run_dir, env) as bot:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            await asyncio.sleep(1.0)  # the start-up notice wave records what subscribers know
            samlinger.write_text("", encoding="utf-8")
            asked = await api.wait_for(lambda c: c.chat_id == ADMIN, 30.0)
            assert "samlinger.yaml er tom eller slettet" in asked.text
            assert asked.button_labels == ["✅ Ja, ta i bruk"]

            await api.enqueue(updates.message(ASKER, "Når er PPT-samlingen?"))
            await reply_containing(api, "PPT-samling")  # still answered

            samlinger.write_text(saved, encoding="utf-8")  # it was a mistake
            await wait_for_log(bot.stderr_path, "Knowledge files changed; reloaded")
            await asyncio.sleep(1.0)  # a notice wave would have started by now
            exit_code = await bot.stop()
            stderr = bot.stderr
    assert exit_code == 0, stderr
    assert "Knowledge reload held for confirmation" in stderr
    assert [c for c in api.calls_to("sendMessage") if c.chat_id in SUBSCRIBERS] == []
