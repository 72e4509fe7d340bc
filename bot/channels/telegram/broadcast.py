"""The pacer's `send` on Telegram: one plain-text message, escaped for HTML, split if too long.

No retries here: the pacer decides what a failure means (bot.delivery.failures).
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable

from telegram import Bot
from telegram.constants import ParseMode

from bot.channels.telegram.render import render_html
from bot.channels.telegram.sending import NO_PREVIEW
from bot.channels.terminal import TERMINAL
from bot.conversation import Outgoing

Send = Callable[[int, str], Awaitable[object]]  # bot.runtime.waves.Send, restated


def telegram_send(bot: Bot) -> Send:
    async def send(chat_id: int, text: str) -> None:
        if chat_id == TERMINAL.id:
            raise LocalChatError(chat_id)  # the terminal chat's subscriptions: not on Telegram
        for part in render_html(Outgoing(text)):
            await bot.send_message(
                chat_id, part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
            )

    return send


def telegram_parts(text: str) -> list[str]:
    """`text` cut where `send` would cut it, so each part goes out as exactly one message and
    a broadcast can track (and resend) each part on its own (bot.admin.announcements)."""
    parts = [html.unescape(part) for part in render_html(Outgoing(text))]
    return parts or [text]


class LocalChatError(Exception):
    """A subscription of the terminal chat (chat id 0) met the Telegram broadcaster: nothing is
    sent, the ledger row is marked failed (a permanent failure), the chat stays active."""
