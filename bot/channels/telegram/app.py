"""The PTB Application for the bot: built from settings, run with long polling."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Coroutine, Iterable
from typing import Any, TextIO

from telegram import BotCommand
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder
from telegram.request import BaseRequest

from bot.channels.telegram.handlers import (
    UPDATE_TYPES,
    InteractionHook,
    PtbContext,
    TelegramHandlers,
)
from bot.channels.telegram.sending import send_with_retry
from bot.config import Settings
from bot.conversation import ChatStatus, Conversation

logger = logging.getLogger(__name__)

# Updates handled at the same time. The engine is fast and CPU-bound, so this mostly overlaps
# waiting on Telegram; one slow chat (flood wait, retries) no longer holds up the others.
CONCURRENT_UPDATES = 32
POLL_TIMEOUT = 30  # seconds a getUpdates long poll may wait for news
BOOTSTRAP_RETRIES = 3  # attempts at deleteWebhook when starting

BotApplication = Application[Any, PtbContext, Any, Any, Any, Any]
LifecycleHook = Callable[[BotApplication], Coroutine[Any, Any, None]]


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    menu: Callable[[], Iterable[tuple[str, str]]] | None = None,
    on_start: LifecycleHook | None = None,
    on_stop: LifecycleHook | None = None,
) -> BotApplication:
    """The Application, without handlers yet; `request`s replace HTTP in tests.

    Built first, so its bot and JobQueue can be handed to the runtime (the pacer's send, the
    messenger, the job runner) before the conversation exists; `install_conversation` then
    adds the handlers. Once the bot is initialised, before polling starts, Telegram's command
    menu is published from `menu()` and `on_start` runs; `on_stop` once updates are no longer
    handled, before the HTTP client closes.
    """
    builder = (
        ApplicationBuilder()
        .token(settings.require_token())
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(_started(menu, on_start))
    )
    if on_stop is not None:
        builder = builder.post_stop(on_stop)
    if settings.base_url is not None and settings.base_file_url is not None:
        builder = builder.base_url(settings.base_url).base_file_url(settings.base_file_url)
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application: BotApplication = builder.build()
    return application


def install_conversation(
    application: BotApplication,
    conversation: Conversation,
    chats: ChatStatus,
    *,
    on_interaction: InteractionHook | None = None,
) -> None:
    """Every handler: messages, buttons, inline queries, membership changes, errors."""
    TelegramHandlers(conversation, chats, on_interaction).install(application)


def _started(
    menu: Callable[[], Iterable[tuple[str, str]]] | None, on_start: LifecycleHook | None
) -> LifecycleHook:
    async def started(application: BotApplication) -> None:
        if menu is not None:
            await publish_commands(application, menu())
        if on_start is not None:
            await on_start(application)

    return started


async def publish_commands(application: BotApplication, menu: Iterable[tuple[str, str]]) -> None:
    """Telegram's command menu, from the registry; a failure here must not stop the bot."""
    commands = [BotCommand(name, text) for name, text in menu]
    try:
        await send_with_retry(lambda: application.bot.set_my_commands(commands))
    except TelegramError as error:
        logger.warning("Could not set the command menu: %s", type(error).__name__)


def run_polling(application: BotApplication, err: TextIO) -> int:
    """Long polling until SIGINT or SIGTERM; then PTB finishes running handlers and stops.

    The bot is initialised (getMe) first, on the loop `run_polling` will use, so a rejected
    token or an unreachable server ends in one clear sentence instead of PTB's retry traceback.
    """
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(application.initialize())
        application.run_polling(
            allowed_updates=UPDATE_TYPES,
            timeout=POLL_TIMEOUT,
            bootstrap_retries=BOOTSTRAP_RETRIES,
            stop_signals=(signal.SIGINT, signal.SIGTERM),
            close_loop=False,
        )
    except InvalidToken:
        print(
            "Telegram godtok ikke TELEGRAM_BOT_TOKEN. Sjekk tokenen hos @BotFather. "
            "(Telegram rejected the token.)",
            file=err,
        )
        return 1
    except NetworkError as error:
        print(
            f"Fikk ikke kontakt med Telegram ({type(error).__name__}). Sjekk nettet og "
            "TELEGRAM_BASE_URL, og prøv igjen. (Could not reach the Bot API.)",
            file=err,
        )
        return 1
    finally:
        loop.close()
    logger.info("Stopped")
    return 0
