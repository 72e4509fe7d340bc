"""A real PTB Application over the in-process fake Bot API, driven with `process_update`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot.channels.telegram.app import BotApplication, build_application, install_conversation
from bot.config import Settings
from bot.conversation import Conversation, InMemoryChatStatus
from bot.core.knowledge import OSLO
from tests.channels.fake_request import FakeRequest
from tests.fake_bot_api import BOT_USER, JSON, TOKEN, BotApi, Call, Updates

NOW = datetime(2020, 9, 10, 12, 0, tzinfo=OSLO)  # "/neste" is then DEKOM on 18 September
BOT_NAME = str(BOT_USER["username"])


class DrivenApplication:
    """A real Application driven by the test with `process_update`, recording the errors its
    handlers raise (PTB swallows them otherwise). Mixed into each suite's harness dataclass."""

    api: BotApi
    app: BotApplication
    errors: list[BaseException | None]

    async def send(self, update: JSON) -> list[Call]:
        """Process one update; the Bot API calls it caused."""
        before = len(self.api.calls)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.api.calls[before:]

    def record_errors(self) -> None:
        async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
            self.errors.append(context.error)

        self.app.add_error_handler(record)


@dataclass
class Harness(DrivenApplication):
    api: BotApi
    app: BotApplication
    conversation: Conversation
    chats: InMemoryChatStatus
    updates: Updates = field(default_factory=Updates)
    errors: list[BaseException | None] = field(default_factory=list)


@asynccontextmanager
async def running(
    conversation: Conversation, on_interaction: Callable[[int], None] | None = None
) -> AsyncIterator[Harness]:
    api = BotApi()
    chats = InMemoryChatStatus()
    app = build_application(
        Settings(token=TOKEN),
        request=FakeRequest(api),
        get_updates_request=FakeRequest(api),
        menu=conversation.commands.menu,
    )
    install_conversation(app, conversation, chats, on_interaction=on_interaction)
    harness = Harness(api, app, conversation, chats)

    harness.record_errors()
    async with app:
        yield harness
