"""The conversation's `Messenger` on Telegram: send to any chat, outside the current reply.

Used for hand-overs: the question goes to every coordinator's private chat, the answer to the
asker's. A chat that blocked the bot (Forbidden) or that Telegram does not know ("chat not
found": a coordinator who never started the bot) raises `UnreachableChatError`; the chat is
marked inactive only for Forbidden, since an unknown chat was never active.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import Bot
from telegram.error import BadRequest, Forbidden

from bot.channels.telegram.sending import Sender
from bot.conversation import Outgoing
from bot.conversation.interfaces import UnreachableChatError

logger = logging.getLogger(__name__)


class TelegramMessenger:
    def __init__(self, bot: Bot, on_blocked: Callable[[int], None] | None = None) -> None:
        self.sender = Sender(bot)
        self.on_blocked = on_blocked  # the chat blocked the bot: pause it

    async def send(self, chat_id: int, message: Outgoing) -> tuple[int, ...]:
        try:
            return await self.sender.send(chat_id, message)
        except Forbidden as error:
            if self.on_blocked is not None:
                self.on_blocked(chat_id)
            raise UnreachableChatError(f"chat {chat_id} has blocked the bot") from error
        except BadRequest as error:
            if "chat not found" not in str(error).lower():
                raise
            raise UnreachableChatError(f"chat {chat_id} is unknown to Telegram") from error
