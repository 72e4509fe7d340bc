"""The composition root: settings -> knowledge base -> engine -> conversation -> channel.

This is the one place that decides which implementations are used. Features plug in here:
their commands with `conversation.commands.add(...)` in `build_conversation`. Features that
need the database or the paced broadcaster get `services` (bot.services.Services: `.db`,
`.kb`, `.broadcast(...)`, `.reload()`), opened by `open_services` from BOT_DATA_DIR.
"""

from __future__ import annotations

import logging
import os
from typing import TextIO

from bot.admin import CoordinatorTools, install_coordinator_tools
from bot.config import Settings
from bot.conversation import (
    ChatStatus,
    Conversation,
    EventServices,
    system_clock,
)
from bot.conversation.conversation import Clock
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeBase
from bot.services import DatabaseChatStatus, Services
from bot.storage import StorageError
from bot.subscriptions import Subscriptions, install_reload_command, install_subscriptions

logger = logging.getLogger(__name__)


def build_conversation(
    kb: KnowledgeBase,
    settings: Settings | None = None,
    *,
    clock: Clock = system_clock,
    event_services: EventServices | None = None,
    services: Services | None = None,
) -> Conversation:
    """The conversation; with `services` (database, broadcaster) also the features that need
    them: subscriptions, reminders and calendar files, /oppdater and the coordinator tools."""
    admin_ids = settings.admin_ids if settings is not None else frozenset()
    subscriptions = Subscriptions(services) if services is not None else None
    conversation = Conversation(
        Engine(kb),
        clock=clock,
        event_services=event_services or subscriptions,
        admin_ids=admin_ids,
    )
    if services is not None and subscriptions is not None:
        services.attach(conversation)  # a reload swaps the conversation's knowledge base
        install_subscriptions(conversation, subscriptions)
        install_reload_command(conversation, services)
        install_coordinator_tools(conversation, services)  # question log, /statistikk, ...
    return conversation


def open_services(
    settings: Settings, kb: KnowledgeBase, err: TextIO, *, clock: Clock = system_clock
) -> Services | None:
    """The runtime services over the database in BOT_DATA_DIR; None (explained) if it cannot
    be opened."""
    try:
        return Services.open(settings, kb, clock=clock)
    except (StorageError, OSError) as error:
        print(
            f"Kunne ikke åpne databasen i {settings.data_dir}: {error}. Sjekk BOT_DATA_DIR. "
            "(Could not open the database.)",
            file=err,
        )
        return None


def run_telegram(settings: Settings, kb: KnowledgeBase, err: TextIO) -> int:
    """Run the Telegram bot until SIGINT/SIGTERM. `settings.token` must have been checked."""
    from bot.channels.telegram.app import build_application, run_polling
    from bot.channels.telegram.coordination import chain, coordination_start
    from bot.channels.telegram.logs import configure_logging
    from bot.channels.telegram.scheduling import TelegramScheduler

    os.environ.setdefault("PTB_TIMEDELTA", "true")  # opt in to PTB's timedelta durations
    token = settings.require_token()
    configure_logging(settings.log_level, secrets=[token])
    services = open_services(settings, kb, err)
    if services is None:
        return 1
    conversation = build_conversation(kb, settings, services=services)
    chats: ChatStatus = DatabaseChatStatus(services)
    scheduler = TelegramScheduler(services)  # reminders, notices, reloads on the JobQueue
    coordinators = conversation.reply_router  # installed by build_conversation (bot.admin)
    assert isinstance(coordinators, CoordinatorTools)
    application = build_application(
        settings,
        conversation,
        chats,
        on_interaction=services.note_interactive,  # broadcasts give way to replies
        # The scheduler first: it starts the broadcaster that resumed announcements need.
        on_start=chain(scheduler.start, coordination_start(coordinators, chats)),
        on_stop=scheduler.stop,
    )
    logger.info(
        "Starting Kompetansebot: %d entries, %d samlinger, data in %s",
        len(kb),
        len(kb.events),
        settings.data_dir,
    )
    try:
        return run_polling(application, err)
    finally:
        services.close()
