"""What the admin and subscription suites share: the whole bot as `bot.app.build_telegram_bot`
builds it, over the in-process fake Bot API, with a clock the test moves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any, TypeVar

from bot.app import BuiltBot, Runtime, TelegramBot, build_telegram_bot
from bot.config import Settings
from bot.conversation import Conversation
from bot.core.knowledge import KnowledgeBase
from bot.storage import Storage, SubscriptionStore
from tests.channels.fake_request import FakeRequest
from tests.channels.harness import DrivenApplication
from tests.fake_bot_api import BotApi


class Clock:
    """The bot's clock in a test: it says what `now` is; the test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime) -> None:
        self.now = now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class BuiltBotHarness(DrivenApplication):
    """The built bot's parts a test reaches for. Mixed into each suite's `Bot` dataclass."""

    built: BuiltBot

    @property
    def runtime(self) -> Runtime:
        assert self.built.runtime is not None
        return self.built.runtime

    @property
    def storage(self) -> Storage:
        return self.runtime.storage

    @property
    def store(self) -> SubscriptionStore:
        return self.storage.subscriptions

    @property
    def conversation(self) -> Conversation:
        return self.built.conversation


def telegram_bot(
    api: BotApi, settings: Settings, kb: KnowledgeBase, storage: Storage, **options: Any
) -> TelegramBot:
    """`build_telegram_bot` with both HTTP requests answered by the fake Bot API `api`."""
    return build_telegram_bot(
        settings,
        kb,
        storage,
        request=FakeRequest(api),
        get_updates_request=FakeRequest(api),
        **options,
    )


B = TypeVar("B", bound=BuiltBotHarness)


@asynccontextmanager
async def started(bot: B, start: Callable[[B], object]) -> AsyncIterator[B]:
    """Run the bot's Application with `start(bot)` done first; at the end the waves are
    closed without grace and the storage is closed."""
    bot.record_errors()
    try:
        async with bot.app:
            start(bot)
            yield bot
            await bot.runtime.waves.aclose(grace=0)
    finally:
        bot.built.close()
