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
from telegram.request import BaseRequest, HTTPXRequest

from bot.channels.telegram.handlers import (
    UPDATE_TYPES,
    InteractionHook,
    PtbContext,
    TelegramHandlers,
)
from bot.channels.telegram.polling import PollingBot, PollingWatch
from bot.channels.telegram.sending import send_with_retry
from bot.config import Settings
from bot.conversation import ChatStatus, Conversation

logger = logging.getLogger(__name__)

# Updates handled at the same time. The engine is fast and CPU-bound, so this mostly overlaps
# waiting on Telegram; one slow chat (flood wait, retries) no longer holds up the others.
CONCURRENT_UPDATES = 32
POLL_TIMEOUT = 30  # seconds a getUpdates long poll may wait for news
BOOTSTRAP_RETRIES = 3  # attempts at deleteWebhook when starting
CONNECTIONS = 256  # PTB's default pool for everything but getUpdates
STOP_POKE = 0.05  # seconds between attempts to stop an Application that is still starting
STOP_POKES = 200

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

    The bot is a `PollingBot` (bot.channels.telegram.polling). Sending waits
    `settings.read_timeout` seconds for Telegram's answer: a message whose answer is late may
    well have arrived, so it is never sent again (bot.channels.telegram.sending).
    """
    urls: dict[str, str] = {}
    if settings.base_url is not None and settings.base_file_url is not None:
        urls = {"base_url": settings.base_url, "base_file_url": settings.base_file_url}
    bot = PollingBot(
        settings.require_token(),
        watch=PollingWatch(),
        request=request
        or HTTPXRequest(connection_pool_size=CONNECTIONS, read_timeout=settings.read_timeout),
        get_updates_request=get_updates_request or HTTPXRequest(connection_pool_size=1),
        **urls,
    )
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(_started(menu, on_start))
    )
    if on_stop is not None:
        builder = builder.post_stop(on_stop)
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
        await send_with_retry(lambda: application.bot.set_my_commands(commands), idempotent=True)
    except TelegramError as error:
        logger.warning("Could not set the command menu: %s", type(error).__name__)


def run_polling(application: BotApplication, err: TextIO) -> int:
    """Long polling until SIGINT or SIGTERM; then PTB finishes running handlers and stops.

    The bot is initialised (getMe) first, on the loop `run_polling` will use, so a rejected
    token or an unreachable server ends in one clear sentence instead of PTB's retry traceback.
    Exits 1 when polling is given up (bot.channels.telegram.polling), so a supervisor restarts
    the bot. The signals are handled here, not by PTB, whose handler breaks a stop that comes
    while the bot is still starting ("Event loop stopped before Future completed").
    """
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    stopper = _Stopper(application, loop)
    watch = application.bot.watch if isinstance(application.bot, PollingBot) else None
    if watch is not None:
        watch.when_given_up(lambda reason: stopper.stop())
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(stop_signal, stopper.stop)
    try:
        loop.run_until_complete(application.initialize())
        if not stopper.requested:
            application.run_polling(
                allowed_updates=UPDATE_TYPES,
                timeout=POLL_TIMEOUT,
                bootstrap_retries=BOOTSTRAP_RETRIES,
                stop_signals=None,
                close_loop=False,
            )
        else:
            loop.run_until_complete(application.shutdown())
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
        for stop_signal in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(stop_signal)
        loop.close()
    if watch is not None and watch.fatal is not None:
        print(watch.fatal, file=err)
        return 1
    logger.info("Stopped")
    return 0


class _Stopper:
    """Stops the Application from a signal or a fatal polling error, at any stage: while it
    starts (PTB then only notes the request), it is asked again until it runs and stops."""

    def __init__(self, application: BotApplication, loop: asyncio.AbstractEventLoop) -> None:
        self.application = application
        self.loop = loop
        self.requested = False
        self._pokes = 0

    def stop(self) -> None:
        if not self.requested:
            logger.info("Stopping")
        self.requested = True
        self._poke()

    def _poke(self) -> None:
        self.application.stop_running()
        self._pokes += 1
        if not self.application.running and self._pokes < STOP_POKES:
            self.loop.call_later(STOP_POKE, self._poke)
