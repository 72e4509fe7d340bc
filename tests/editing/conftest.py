"""A bot over a copy of the shipped knowledge base, so edits never touch the real files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from bot.app import BuiltBot, build_bot
from bot.config import Settings
from bot.conversation import ButtonPress, Chat, ChatType, Outgoing, Response, TextMessage
from bot.core.knowledge import OSLO
from bot.core.loading import load_knowledge_base
from bot.storage import open_storage
from tests.subscriptions.helpers import Clock

ROOT = Path(__file__).resolve().parents[2]
ADMIN = 4242
OTHER_ADMIN = 4343
TEACHER = 1001
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=OSLO)


@dataclass
class Editing:
    bot: BuiltBot
    knowledge: Path
    clock: Clock

    @property
    def samlinger(self) -> str:
        return (self.knowledge / "samlinger.yaml").read_text(encoding="utf-8")

    async def say(self, text: str, user: int = ADMIN) -> Response:
        chat = Chat(user, ChatType.PRIVATE, user, "Kari")
        return await self.bot.conversation.handle(TextMessage(chat, text, bot_username="b"))

    async def press(self, message: Outgoing, label: str, user: int = ADMIN) -> Response:
        chat = Chat(user, ChatType.PRIVATE, user, "Kari")
        return await self.bot.conversation.handle(ButtonPress(chat, data_of(message, label)))


def data_of(message: Outgoing, label: str) -> str:
    for row in message.buttons:
        for button in row:
            if label in button.label:
                return button.data
    labels = [b.label for row in message.buttons for b in row]
    raise AssertionError(f"no button {label!r} in {labels}")


def texts(response: Response) -> str:
    return "\n".join(message.text for message in response.messages)


@pytest.fixture
def editing(tmp_path: Path) -> Iterator[Editing]:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    settings = Settings(
        knowledge_dir=knowledge,
        data_dir=tmp_path / "data",
        admin_ids=frozenset({ADMIN, OTHER_ADMIN}),
    )
    storage = open_storage(settings.data_dir)
    clock = Clock(NOW)
    bot = build_bot(settings, load_knowledge_base(knowledge), clock=clock, storage=storage)
    try:
        yield Editing(bot, knowledge, clock)
    finally:
        bot.close()
