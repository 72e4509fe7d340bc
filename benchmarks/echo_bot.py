"""The smallest useful PTB bot: it echoes text. The baseline for bench_telegram.py.

    TELEGRAM_BOT_TOKEN=... TELEGRAM_BASE_URL=http://127.0.0.1:PORT/bot python benchmarks/echo_bot.py

It is built like Kompetansebot (same concurrency, polling timeout and stop signals) so the
difference in reply latency is the bot's own work: conversation, engine and rendering.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.channels.telegram.app import CONCURRENT_UPDATES, POLL_TIMEOUT


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text)


def main() -> None:
    builder = ApplicationBuilder().token(os.environ["TELEGRAM_BOT_TOKEN"])
    base_url = os.environ.get("TELEGRAM_BASE_URL")
    if base_url:
        builder = builder.base_url(base_url)
    application = builder.concurrent_updates(CONCURRENT_UPDATES).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(timeout=POLL_TIMEOUT, stop_signals=(signal.SIGINT, signal.SIGTERM))


if __name__ == "__main__":
    main()
