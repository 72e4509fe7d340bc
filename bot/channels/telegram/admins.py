"""Whether the sender of a group message or button press is one of the group's administrators.

The conversation lets only a group's own administrators change or delete what the group
receives (`Chat.sender_is_admin`). Telegram is asked with getChatAdministrators, once per group
per minute at most (the answer is cached briefly: a demoted admin loses the right within a
minute), and only when the conversation says it matters (`Conversation.needs_admin_status`: a
group command or button that changes what the group receives), never for private chats, other
commands or ordinary group chatter. If Telegram cannot be asked, the sender counts as not an admin.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from telegram import Bot, Message
from telegram.error import TelegramError

from bot.conversation import Incoming

logger = logging.getLogger(__name__)

CACHE_SECONDS = 60.0
MAX_GROUPS = 1000  # cached groups; the oldest entry goes first


class GroupAdmins:
    def __init__(
        self, *, ttl: float = CACHE_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._clock = clock
        self._cache: dict[int, tuple[float, frozenset[int]]] = {}

    async def complete(self, incoming: Incoming, bot: Bot, message: Message | None) -> Incoming:
        """`incoming` with `sender_is_admin` filled in (call it only for a group command or
        button press that needs it). `message`: the group message (anonymous admins)."""
        chat = incoming.chat
        if chat.is_private or chat.user_id is None:
            return incoming
        anonymous = message is not None and _sent_as_the_group(message)
        admin = anonymous or await self.is_admin(bot, chat.id, chat.user_id)
        return replace(incoming, chat=replace(chat, sender_is_admin=admin))

    async def is_admin(self, bot: Bot, chat_id: int, user_id: int) -> bool:
        now = self._clock()
        cached = self._cache.get(chat_id)
        if cached is None or cached[0] <= now:
            try:
                members = await bot.get_chat_administrators(chat_id)
            except TelegramError as error:
                logger.info(
                    "Could not ask for the administrators of group %s: %s",
                    chat_id,
                    type(error).__name__,
                )
                return False
            cached = (now + self._ttl, frozenset(member.user.id for member in members))
            self._cache.pop(chat_id, None)
            self._cache[chat_id] = cached
            while len(self._cache) > MAX_GROUPS:
                del self._cache[next(iter(self._cache))]
        return user_id in cached[1]


def _sent_as_the_group(message: Message) -> bool:
    """An anonymous administrator writes as the group itself."""
    sender = message.sender_chat
    return sender is not None and sender.id == message.chat.id
