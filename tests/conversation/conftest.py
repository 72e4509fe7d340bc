"""A conversation over the real knowledge base, on 10 September 2020 at noon."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.app import build_bot
from bot.config import Settings
from bot.conversation import Chat, ChatType, Conversation
from bot.core.knowledge import OSLO, KnowledgeBase

NOW = datetime(2020, 9, 10, 12, 0, tzinfo=OSLO)
PRIVATE = Chat(1001, ChatType.PRIVATE, user_id=1001)
GROUP = Chat(-100200, ChatType.GROUP, user_id=7)
BOT = "kompetanse_test_bot"


@pytest.fixture
def conversation(kb: KnowledgeBase) -> Conversation:
    return build_bot(Settings(), kb, clock=lambda: NOW).conversation
