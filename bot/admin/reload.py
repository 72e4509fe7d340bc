"""/oppdater (coordinators only): load the knowledge base again and say what changed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.admin import texts
from bot.conversation.commands import Command, Context
from bot.conversation.messages import Outgoing, Response, say
from bot.runtime.reload import ReloadResult

Reload = Callable[[], Awaitable[ReloadResult]]


def reload_command(reload: Reload) -> Command:
    """The command; `reload` is the scheduler's (notices and re-planning follow a reload)."""

    async def handle(context: Context) -> Response:
        result = await reload()
        return say(Outgoing(result.text, title="Kunnskapsbasen"))

    return Command("oppdater", texts.OPPDATER, handle, admin_only=True)
