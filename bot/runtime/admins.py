"""Telling the coordinators (ADMIN_IDS) something from the runtime: broken knowledge files, a
reload held for their confirmation, delivery that keeps failing."""

from __future__ import annotations

import logging
from collections.abc import Collection

from bot.conversation.interfaces import Messenger
from bot.conversation.messages import Keyboard, Outgoing
from bot.runtime import texts
from bot.runtime.scheduler import TellAdmins

logger = logging.getLogger(__name__)


def admin_notifier(
    messenger: Messenger, admin_ids: Collection[int], *, title: str = texts.TITLE
) -> TellAdmins:
    """`tell(text, buttons)`: to every admin's private chat; one that fails is logged."""

    async def tell(text: str, buttons: Keyboard = ()) -> None:
        for admin_id in sorted(admin_ids):
            try:
                await messenger.send(admin_id, Outgoing(text, title=title, buttons=buttons))
            except Exception as error:  # the network, or an admin who blocked the bot
                logger.warning("Could not tell admin %s: %s", admin_id, type(error).__name__)

    return tell
