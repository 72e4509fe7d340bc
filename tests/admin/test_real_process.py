"""The coordinator tools in `python -m bot run` as a real process over a loopback Bot API:
the production wiring (messenger, retention, statistics, hand-over) works end to end."""

from __future__ import annotations

from pathlib import Path

from tests.channels.test_end_to_end import (
    REPLY_TIMEOUT,
    START_TIMEOUT,
    bot_environment,
    bot_process,
    reply_containing,
)
from tests.fake_bot_api import TOKEN, BotApi, LoopbackServer, Updates

ALICE = 1001
ADMIN = 4242


async def test_hand_over_and_statistics_in_the_running_bot(tmp_path: Path) -> None:
    api = BotApi()
    updates = Updates()
    async with LoopbackServer(api, TOKEN) as server:
        env = bot_environment(
            tmp_path,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=server.base_url,
            ADMIN_IDS=str(ADMIN),
            LOG_LEVEL="INFO",
        )
        async with bot_process(tmp_path, env) as bot:
            await api.wait_for(lambda c: c.method == "setMyCommands", START_TIMEOUT)

            await api.enqueue(updates.message(ALICE, "Hvor kan jeg parkere bilen?"))
            unsure = await reply_containing(api, "Det vet jeg dessverre ikke")
            handover = next(
                b["callback_data"]
                for row in unsure.buttons
                for b in row
                if b["text"] == "Spør en koordinator"
            )
            await api.enqueue(updates.button(ALICE, handover))
            shown = await reply_containing(api, "Kari spurte:")
            assert shown.chat_id == ADMIN

            answer = updates.message(ADMIN, "Bak rådhuset.", reply_to_message=shown.result)
            await api.enqueue(answer)
            delivered = await reply_containing(api, "En koordinator har svart")
            assert delivered.chat_id == ALICE and "Bak rådhuset." in delivered.text
            await reply_containing(api, "Takk! Svaret er sendt til Kari.")

            await api.enqueue(updates.message(ADMIN, "/statistikk"))
            await reply_containing(api, "Besvart: 0 % (0 av 1)")
            photo = await api.wait_for(lambda c: c.method == "sendPhoto", REPLY_TIMEOUT)
            ((_field, (_name, png)),) = photo.files.items()
            assert png.startswith(b"\x89PNG")

            exit_code = await bot.stop()
            stderr = bot.stderr
    assert exit_code == 0, stderr
    assert "Traceback" not in stderr
    assert "Bak rådhuset" not in stderr and "parkere" not in stderr  # no texts in the log
