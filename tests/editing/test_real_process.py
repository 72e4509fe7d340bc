"""A coordinator keeps the samlinger current from Telegram, through the real `python -m bot
run` process and the loopback Bot API: add with the fast path, teachers find it, subscribers
hear about it, /avlys and /angre reach them, it is all still there after a restart, and
/endresamling moves it."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.core.date_texts import long_date
from bot.core.knowledge import OSLO
from bot.core.reminders import is_quiet
from tests.channels.test_end_to_end import (
    REPLY_TIMEOUT,
    ROOT,
    START_TIMEOUT,
    bot_environment,
    bot_process,
)
from tests.fake_bot_api import TOKEN, BotApi, Call, LoopbackServer, Updates

ADMIN, SUBSCRIBER, TEACHER, STRANGER = 4242, 1001, 1002, 1003
TITLE = "Nettverkssamling barnehage"


def button(call: Call, label: str) -> str:
    for row in call.buttons:
        for found in row:
            if label in found["text"]:
                return str(found["callback_data"])
    raise AssertionError(f"no {label!r} in {call.button_labels}")


async def reply(api: BotApi, chat_id: int, text: str) -> Call:
    def wanted(call: Call) -> bool:
        return call.method == "sendMessage" and call.chat_id == chat_id and text in call.text

    return await api.wait_for(wanted, REPLY_TIMEOUT)


def check(knowledge: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", "--kb", str(knowledge)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_a_samling_added_from_telegram_is_answered_announced_cancelled_and_restored(
    tmp_path: Path,
) -> None:
    now = datetime.now(OSLO)
    # The real clock is used: in quiet hours (at either end of the run) change notices wait for
    # 07:30, so at night the test checks that subscribers hear nothing instead.
    night = is_quiet(now) or is_quiet(now + timedelta(minutes=5))

    async def notice(text: str) -> Call | None:
        return None if night else await reply(api, SUBSCRIBER, text)

    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    samlinger = knowledge / "samlinger.yaml"
    shipped = samlinger.read_text(encoding="utf-8")
    day = date.today() + timedelta(days=45)
    fast_path = (
        f"/nysamling\ntitle: {TITLE}\nstart: {day:%d.%m.%Y}\nstart_time: 09:00\n"
        "format: fysisk\nlocation: Oppdal kulturhus\naudience: barnehage\n"
        "region: gauldalsregionen\nurl: https://example.org/pamelding"
    )
    api, updates = BotApi(), Updates()
    async with LoopbackServer(api, TOKEN) as server:
        env = bot_environment(
            tmp_path,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=server.base_url,
            ADMIN_IDS=str(ADMIN),
            KNOWLEDGE_DIR=str(knowledge),
            LOG_LEVEL="INFO",
        )
        async with bot_process(tmp_path, env) as bot:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)
            await api.enqueue(updates.message(SUBSCRIBER, "/abonner"))
            await reply(api, SUBSCRIBER, "Du får påminnelser")

            await api.enqueue(updates.message(STRANGER, fast_path))
            await reply(api, STRANGER, "bare for koordinatorene")
            assert samlinger.read_text(encoding="utf-8") == shipped

            await api.enqueue(updates.message(ADMIN, fast_path))
            preview = await reply(api, ADMIN, f"«{TITLE}» er {long_date(day)}")
            await api.enqueue(updates.button(ADMIN, button(preview, "Lagre")))
            await reply(api, ADMIN, f"Lagret: «{TITLE}»")
            added = await notice(f"Ny samling: «{TITLE}»")
            assert added is None or long_date(day) in added.text

            assert samlinger.read_text(encoding="utf-8").startswith(shipped)
            assert f"title: {TITLE}" in samlinger.read_text(encoding="utf-8")
            checked = check(knowledge)
            assert checked.returncode == 0, checked.stderr

            await api.enqueue(updates.message(TEACHER, "når er neste samling for barnehage?"))
            next_one = await reply(api, TEACHER, TITLE)
            assert long_date(day) in next_one.text
            await api.enqueue(updates.message(TEACHER, TITLE))
            by_title = await reply(api, TEACHER, f"«{TITLE}» er {long_date(day)}")
            assert any(
                b.get("url") == "https://example.org/pamelding" for r in by_title.buttons for b in r
            )

            await api.enqueue(updates.message(ADMIN, "/avlys"))
            pick = await reply(api, ADMIN, "Hvilken samling vil du avlyse?")
            await api.enqueue(updates.button(ADMIN, button(pick, TITLE)))
            confirm = await reply(api, ADMIN, "Vil du avlyse")
            await api.enqueue(updates.button(ADMIN, button(confirm, "Avlys")))
            cancelled = await reply(api, ADMIN, "er avlyst")
            told = await notice(f"Avlyst: «{TITLE}»")
            assert told is None or "er avlyst" in told.text

            await api.enqueue(updates.message(ADMIN, "/angre"))
            await reply(api, ADMIN, "Angret: avlyst")
            await notice(f"Likevel ikke avlyst: «{TITLE}»")
            assert "cancelled" not in samlinger.read_text(encoding="utf-8").split(TITLE)[1]

            assert await bot.stop() == 0, bot.stderr
            assert "Traceback" not in bot.stderr

        (tmp_path / "stderr.txt").rename(tmp_path / "first-stderr.txt")
        async with bot_process(tmp_path, env) as again:
            await api.wait_for(
                lambda c: c.method == "setMyCommands" and c.at > preview.at, START_TIMEOUT
            )
            await api.enqueue(updates.message(TEACHER, TITLE))
            await asyncio.wait_for(
                api.wait_for(
                    lambda c: (
                        c.chat_id == TEACHER
                        and c.at > cancelled.at
                        and f"«{TITLE}» er {long_date(day)}" in c.text
                    ),
                    REPLY_TIMEOUT,
                ),
                REPLY_TIMEOUT + 1,
            )

            await api.enqueue(updates.message(ADMIN, "/endresamling"))
            pick = await reply(api, ADMIN, "Hvilken samling vil du endre?")
            await api.enqueue(updates.button(ADMIN, button(pick, TITLE)))
            fields = await reply(api, ADMIN, f"Hva vil du endre i «{TITLE}»?")
            await api.enqueue(updates.button(ADMIN, button(fields, "dato")))
            await reply(api, ADMIN, "Hvilken dag?")
            moved = day + timedelta(days=7)
            await api.enqueue(updates.message(ADMIN, f"{moved:%d.%m.%Y}"))
            preview = await reply(api, ADMIN, f"«{TITLE}» er {long_date(moved)}")
            await api.enqueue(updates.button(ADMIN, button(preview, "Lagre")))
            await reply(api, ADMIN, "Lagret: dato")
            changed = await notice(f"Endring for «{TITLE}»")
            assert changed is None or long_date(moved) in changed.text
            assert await again.stop() == 0, again.stderr
    if night:
        held_back = [c.text for c in api.sent_to(SUBSCRIBER) if "Du får påminnelser" not in c.text]
        assert held_back == [], held_back
    assert f"start: {moved.isoformat()}" in samlinger.read_text(encoding="utf-8")
