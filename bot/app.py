"""The composition root: settings -> knowledge base -> engine -> conversation -> channel.

This is the one place that decides which implementations are used. Later features plug in
here: pass `event_services` (reminders, calendar files) to `build_conversation`, add their
commands with `conversation.commands.add(...)`, and replace `InMemoryChatStatus` with storage.
"""

from __future__ import annotations

import logging
import os
from typing import TextIO

from bot.config import Settings
from bot.conversation import (
    ChatStatus,
    Conversation,
    EventServices,
    InMemoryChatStatus,
    system_clock,
)
from bot.conversation.conversation import Clock
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeBase

logger = logging.getLogger(__name__)


def build_conversation(
    kb: KnowledgeBase,
    settings: Settings | None = None,
    *,
    clock: Clock = system_clock,
    event_services: EventServices | None = None,
) -> Conversation:
    admin_ids = settings.admin_ids if settings is not None else frozenset()
    return Conversation(Engine(kb), clock=clock, event_services=event_services, admin_ids=admin_ids)


def run_telegram(settings: Settings, kb: KnowledgeBase, err: TextIO) -> int:
    """Run the Telegram bot until SIGINT/SIGTERM. `settings.token` must have been checked."""
    from bot.channels.telegram.app import build_application, run_polling
    from bot.channels.telegram.logs import configure_logging

    os.environ.setdefault("PTB_TIMEDELTA", "true")  # opt in to PTB's timedelta durations
    token = settings.require_token()
    configure_logging(settings.log_level, secrets=[token])
    conversation = build_conversation(kb, settings)
    chats: ChatStatus = InMemoryChatStatus()  # until bot.storage provides a persistent one
    application = build_application(settings, conversation, chats)
    logger.info(
        "Starting Kompetansebot: %d entries, %d samlinger, data in %s",
        len(kb),
        len(kb.events),
        settings.data_dir,
    )
    return run_polling(application, err)
