"""A running bot with the coordinator tools, built the way bot.app builds it, over the
in-process fake Bot API and a SQLite file the test can open again (a restart)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from telegram.error import Forbidden

from bot.admin.statistics import UsageStatistics
from bot.app import BuiltBot
from bot.channels.telegram.app import BotApplication
from bot.config import Settings
from bot.core.knowledge import OSLO
from bot.core.loading import load_knowledge_base
from bot.storage import Storage, open_storage
from tests.built_bot import BuiltBotHarness, started, telegram_bot
from tests.built_bot import Clock as Clock  # re-exported: the suites import it from here
from tests.conftest import KNOWLEDGE_DIR
from tests.delivery.fakes import FakeClock
from tests.fake_bot_api import TOKEN, BotApi, Call, Updates

NOW = datetime(2020, 9, 10, 12, 0, tzinfo=OSLO)
ALICE = 1001  # a teacher; her private chat id is her user id
ADMIN = 4242  # a coordinator
ADMIN_2 = 4343  # another coordinator
UNKNOWN_QUESTION = "Hvor kan jeg parkere bilen?"  # the engine has no answer


@dataclass
class Bot(BuiltBotHarness):
    api: BotApi
    app: BotApplication
    built: BuiltBot
    clock: Clock
    updates: Updates = field(default_factory=Updates)
    errors: list[BaseException | None] = field(default_factory=list)

    @property
    def statistics(self) -> UsageStatistics:
        assert self.built.coordinators is not None
        return self.built.coordinators.statistics

    async def say(self, chat_id: int, text: str, **content: Any) -> list[Call]:
        return await self.send(self.updates.message(chat_id, text, **content))

    async def reply(self, chat_id: int, to: Call, text: str) -> list[Call]:
        """`chat_id` answers the bot's message `to` with Telegram's "Svar"."""
        return await self.say(chat_id, text, reply_to_message=to.result)

    async def press(self, chat_id: int, under: Call, label: str) -> list[Call]:
        """Press the button `label` under the bot's message `under`, as Telegram reports it:
        the pressed message comes with its keyboard."""
        data = next(b["callback_data"] for row in under.buttons for b in row if b["text"] == label)
        update = self.updates.button(chat_id, data, message_id=under.result["message_id"])
        update["callback_query"]["message"]["reply_markup"] = under.result.get("reply_markup")
        return await self.send(update)

    async def press_data(self, chat_id: int, data: str) -> list[Call]:
        return await self.send(self.updates.button(chat_id, data))


def only(calls: list[Call], method: str, chat_id: int | None = None) -> list[Call]:
    return [c for c in calls if c.method == method and (chat_id is None or c.chat_id == chat_id)]


def one(calls: list[Call], method: str, chat_id: int | None = None) -> Call:
    found = only(calls, method, chat_id)
    assert len(found) == 1, [(c.method, c.chat_id, c.text[:60]) for c in calls]
    return found[0]


Send = Callable[[int, str], Awaitable[object]]


def blocking(chats: Collection[int]) -> Callable[[Send], Send]:
    """A broadcaster send for which these chats have blocked the bot (Forbidden)."""

    def wrap(send: Send) -> Send:
        async def sending(chat_id: int, text: str) -> None:
            if chat_id in chats:
                raise Forbidden("Forbidden: bot was blocked by the user")
            await send(chat_id, text)

        return sending

    return wrap


@asynccontextmanager
async def running_bot(
    data_dir: Path,
    clock: Clock | None = None,
    *,
    admins: Collection[int] = (ADMIN, ADMIN_2),
    retention_days: int = 180,
    send_wrapper: Callable[[Send], Send] | None = None,
    storage: Storage | None = None,
) -> AsyncIterator[Bot]:
    """Open the database in `data_dir` and start the bot as `bot.app.run_telegram` does: the
    coordinator tools get their messenger, retention runs, interrupted announcements resume.
    The broadcaster paces on a fake clock, so nothing waits for real time."""
    clock = clock or Clock(NOW)
    api = BotApi()
    settings = Settings(
        token=TOKEN,
        data_dir=data_dir,
        knowledge_dir=KNOWLEDGE_DIR,
        admin_ids=frozenset(admins),
        question_log_retention_days=retention_days,
    )
    telegram = telegram_bot(
        api,
        settings,
        load_knowledge_base(KNOWLEDGE_DIR),
        storage or open_storage(data_dir),
        clock=clock,
        pacer_clock=FakeClock(),
        wrap_send=send_wrapper,
    )
    bot = Bot(api, telegram.application, telegram.bot, clock)
    # retention runs, interrupted announcements resume
    async with started(bot, lambda bot: bot.built.start_coordinators()) as running:
        yield running
