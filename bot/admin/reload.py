"""/oppdater (coordinators only): load the knowledge base again and say what changed; and the
confirm buttons under a reload that was held because it would take much away at once, and
under removal notices held after a restart (bot.runtime.reload_guard)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.admin import texts
from bot.admin.buttons import number
from bot.conversation import texts as conversation_texts
from bot.conversation.commands import Command, Context, Handler
from bot.conversation.messages import Outgoing, Response, say
from bot.runtime.reload import ReloadResult
from bot.runtime.reload_guard import confirm_keyboard

logger = logging.getLogger(__name__)

Reload = Callable[[], Awaitable[ReloadResult]]
Confirm = Callable[[int], Awaitable[ReloadResult]]
ConfirmNotices = Callable[[], bool]
TITLE = "Kunnskapsbasen"


def reload_command(reload: Reload) -> Command:
    """The command; `reload` is the scheduler's (notices and re-planning follow a reload)."""

    async def handle(context: Context) -> Response:
        result = await reload()
        buttons = confirm_keyboard(result.held) if result.held is not None else ()
        return say(Outgoing(result.text, title=TITLE, buttons=buttons))

    return Command("oppdater", texts.OPPDATER, handle, admin_only=True)


def confirm_reload_action(confirm: Confirm) -> Handler:
    """The "Ja, ta i bruk" button (bot.runtime.reload_guard.CONFIRM_RELOAD); `confirm` is the
    scheduler's. Any coordinator may press it; the first press counts."""

    async def handle(context: Context) -> Response:
        if not context.is_admin:
            logger.warning(
                "Refused a reload confirmation to user %s: not in ADMIN_IDS", context.chat.user_id
            )
            return Response(notice=conversation_texts.ADMIN_ONLY)
        held = number(context.argument)
        if held is None:
            return Response(notice=texts.RELOAD_CONFIRM_GONE, keyboard=())
        result = await confirm(held)
        logger.info("Admin %s confirmed held reload %d: %s", context.chat.user_id, held, result.ok)
        return Response(
            (Outgoing(result.text, title=TITLE),),
            notice=texts.RELOAD_CONFIRMED if result.ok else texts.RELOAD_NOT_CONFIRMED,
            keyboard=(),
        )

    return handle


def confirm_notices_action(confirm: ConfirmNotices) -> Handler:
    """The "Send beskjed" button under removal notices held after a restart
    (bot.runtime.reload_guard.CONFIRM_NOTICES); `confirm` is the scheduler's."""

    async def handle(context: Context) -> Response:
        if not context.is_admin:
            logger.warning(
                "Refused held notices to user %s: not in ADMIN_IDS", context.chat.user_id
            )
            return Response(notice=conversation_texts.ADMIN_ONLY)
        if not confirm():
            return Response(notice=texts.NOTICES_NOT_HELD, keyboard=())
        logger.info("Admin %s released the held removal notices", context.chat.user_id)
        return Response(
            (Outgoing(texts.NOTICES_RELEASED, title=TITLE),),
            notice=texts.NOTICES_RELEASED_NOTICE,
            keyboard=(),
        )

    return handle
