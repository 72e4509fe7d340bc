"""The composition root: settings -> storage -> runtime -> features -> conversation -> channel.

This is the one place that decides which implementations are used and wires them by
constructor injection. `build_bot` builds everything channel-free; production (`run`), the
terminal chat (`chat`) and the tests all call it. `build_telegram_bot` adds the Telegram
adapter around it: the Application is built first, so its bot (the pacer's send, the
messenger) and its JobQueue (the job runner) exist before the conversation does.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TextIO

from bot.admin import texts as admin_texts
from bot.admin.announcements import CANCEL, SEND, Announcements
from bot.admin.handover import Handovers
from bot.admin.question_log import QuestionLogger
from bot.admin.reload import confirm_notices_action, confirm_reload_action, reload_command
from bot.admin.statistics import UsageStatistics
from bot.config import Settings
from bot.conversation import (
    ChatStatus,
    Command,
    Conversation,
    InMemoryChatStatus,
    Messenger,
    system_clock,
)
from bot.conversation.conversation import Clock
from bot.conversation.replies import FEEDBACK_DOWN, FEEDBACK_UP, HANDOVER
from bot.core.knowledge import KnowledgeBase
from bot.delivery.pacer import Limits, PacerClock
from bot.editing.dialogue import EditingDialogues
from bot.editing.editor import Editor
from bot.feeds.cache import FeedCache
from bot.feeds.fetch import FeedFetcher
from bot.feeds.poller import EventFeeds, FeedPolling
from bot.runtime.admins import admin_notifier
from bot.runtime.database_watch import TITLE as DATABASE_TITLE
from bot.runtime.database_watch import DatabaseWatch
from bot.runtime.jobs import JobRunner, ManualJobRunner
from bot.runtime.live import LiveKnowledge
from bot.runtime.reload import Reloader
from bot.runtime.reload_guard import CONFIRM_NOTICES, CONFIRM_RELOAD
from bot.runtime.retention import LedgerRetention, QuestionLogRetention
from bot.runtime.scheduler import Scheduler
from bot.runtime.tasks import Background
from bot.runtime.waves import Send, Split, Waves
from bot.storage import DataDirLock, Storage, StorageError, database_path, open_storage
from bot.storage.explain import explain
from bot.subscriptions import Subscriptions, install_subscriptions
from bot.subscriptions.book import StoredChatStatus, SubscriptionBook
from bot.subscriptions.calendars import CalendarFiles

logger = logging.getLogger(__name__)

MessengerFor = Callable[[Callable[[int], None]], Messenger]  # given: pause a blocked chat


@dataclass(frozen=True, slots=True)
class Runtime:
    """The channel-free runtime over storage (bot.runtime), as `build_bot` wired it."""

    storage: Storage
    background: Background
    waves: Waves
    scheduler: Scheduler
    retention: QuestionLogRetention
    runner: JobRunner
    database_watch: DatabaseWatch  # the file deleted, replaced or missing


@dataclass(frozen=True, slots=True)
class Coordinators:
    """The coordinator features (bot.admin)."""

    questions: QuestionLogger
    statistics: UsageStatistics
    handovers: Handovers
    announcements: Announcements


@dataclass(frozen=True, slots=True)
class BuiltBot:
    """Everything `build_bot` made. Without storage only `live`, `conversation`, `chats`."""

    settings: Settings
    live: LiveKnowledge
    conversation: Conversation
    chats: ChatStatus
    runtime: Runtime | None = None
    coordinators: Coordinators | None = None
    feeds: FeedPolling | None = None

    async def start(self) -> None:
        """Start-up: the runtime's waves and jobs, then the coordinators' (retention, resumed
        announcements, which need the broadcaster), then the calendar feeds' polling."""
        if self.runtime is not None:
            await self.runtime.scheduler.start()
            await self.runtime.database_watch.start(self.runtime.runner)
        self.start_coordinators()
        if self.runtime is not None and self.feeds is not None:
            self.feeds.start(self.runtime.runner)

    def start_coordinators(self) -> None:
        if self.runtime is not None and self.coordinators is not None:
            self.runtime.retention.start(self.runtime.runner)
            self.coordinators.announcements.resume()

    async def stop(self) -> None:
        if self.runtime is not None and self.feeds is not None:
            await self.feeds.stop(self.runtime.runner)
        if self.runtime is not None:
            await self.runtime.scheduler.stop()

    def close(self) -> None:
        """Close the storage (after `stop`)."""
        if self.runtime is not None:
            self.runtime.storage.close()


def build_bot(
    settings: Settings,
    kb: KnowledgeBase,
    *,
    clock: Clock = system_clock,
    storage: Storage | None = None,
    job_runner: JobRunner | None = None,
    send: Send | None = None,
    messenger_for: MessengerFor | None = None,
    limits: Limits | None = None,
    pacer_clock: PacerClock | None = None,
    log_questions: bool = True,
    split: Split | None = None,
) -> BuiltBot:
    """The whole bot for one channel.

    Without `storage` only the conversation (no subscriptions, no coordinator tools). `send`
    delivers one broadcast message (None: nothing is pushed, as in the terminal chat);
    `messenger_for(pause_blocked)` reaches any chat (hand-overs, admins); `log_questions=False`
    keeps the question log out (the terminal chat: trying things is not usage); `split` cuts
    a long broadcast into the messages `send` sends it in (announcements track each part).
    """
    admin_ids = settings.admin_ids
    if storage is None:
        live = LiveKnowledge.of(kb)
        conversation = Conversation(live, clock=clock, admin_ids=admin_ids)
        return BuiltBot(settings, live, conversation, InMemoryChatStatus())

    runner = job_runner or ManualJobRunner()
    background = Background()
    store = storage.subscriptions

    def pause_blocked(chat_id: int) -> None:
        store.deactivate_chat(chat_id, clock())

    messenger = messenger_for(pause_blocked) if messenger_for is not None else None
    tell_admins = tell_about_database = None
    if messenger is not None:
        tell_admins = admin_notifier(messenger, admin_ids)
        tell_about_database = admin_notifier(messenger, admin_ids, title=DATABASE_TITLE)
    feeds = EventFeeds(
        settings.event_feeds,
        FeedCache(settings.data_dir / "kalendere"),
        FeedFetcher(),
        clock,
        tell_admins=tell_admins,
    )
    feeds.load_cached(kb)  # the last good copies: feed samlinger are there from the start
    live = LiveKnowledge.of(feeds.merge(kb))
    waves = Waves(
        live,
        store,
        clock,
        send=send,
        limits=limits or Limits(per_second=settings.broadcast_rate),
        pacer_clock=pacer_clock,
        split=split,
    )
    reloader = Reloader(live, store, settings.knowledge_dir, clock, merge=feeds.merge, files_kb=kb)
    scheduler = Scheduler(
        waves, reloader, LedgerRetention(store, clock), runner, background, tell_admins=tell_admins
    )
    polling = FeedPolling(
        feeds,
        lambda: reloader.files_kb,
        scheduler.refresh,
        timedelta(seconds=settings.event_feed_interval),
        clock,
    )
    book = SubscriptionBook(storage, clock, on_change=scheduler.reminders_changed)
    chats = StoredChatStatus(book, clock)
    runtime = Runtime(
        storage,
        background,
        waves,
        scheduler,
        QuestionLogRetention(storage, clock, settings.question_log_retention_days),
        runner,
        DatabaseWatch(storage, database_path(settings.data_dir), tell_about_database),
    )
    coordinators = Coordinators(
        QuestionLogger(storage.questions),
        UsageStatistics(storage, live),
        Handovers(storage.questions, storage.handovers, admin_ids=admin_ids, messenger=messenger),
        Announcements(storage.announcements, store, waves, background, clock, messenger=messenger),
    )
    subscriptions = Subscriptions(book, live, CalendarFiles(book, live, store))
    editing = EditingDialogues(
        Editor(settings.knowledge_dir, live, storage.changes, scheduler.reload),
        live,
        storage.changes,
    )
    conversation = Conversation(
        live,
        clock=clock,
        event_services=subscriptions,
        admin_ids=admin_ids,
        question_log=coordinators.questions if log_questions else None,
        reply_router=coordinators.handovers,
        dialogues=editing,
    )
    install_subscriptions(conversation, subscriptions)
    conversation.commands.add(reload_command(scheduler.reload))
    conversation.actions.add(CONFIRM_RELOAD, confirm_reload_action(scheduler.confirm_reload))
    conversation.actions.add(CONFIRM_NOTICES, confirm_notices_action(scheduler.confirm_notices))
    _install_coordinators(conversation, coordinators)
    for command in editing.commands():
        conversation.commands.add(command)
    for code, handler in editing.actions():
        conversation.actions.add(code, handler)
    return BuiltBot(settings, live, conversation, chats, runtime, coordinators, polling)


def _install_coordinators(conversation: Conversation, coordinators: Coordinators) -> None:
    statistics, announcements = coordinators.statistics, coordinators.announcements
    for command in (
        Command(
            "statistikk", admin_texts.STATS_DESCRIPTION, statistics.statistics, admin_only=True
        ),
        Command(
            "ubesvarte", admin_texts.UNANSWERED_DESCRIPTION, statistics.unanswered, admin_only=True
        ),
        Command(
            "kunngjoring", admin_texts.ANNOUNCE_DESCRIPTION, announcements.announce, admin_only=True
        ),
    ):
        conversation.commands.add(command)
    for code, handler in (
        (FEEDBACK_UP, coordinators.questions.thumbs_up),
        (FEEDBACK_DOWN, coordinators.questions.thumbs_down),
        (HANDOVER, coordinators.handovers.hand_over),
        (SEND, announcements.send),
        (CANCEL, announcements.cancel),
    ):
        conversation.actions.add(code, handler)


def open_storage_or_explain(settings: Settings, err: TextIO) -> Storage | None:
    """The storage in BOT_DATA_DIR; None (explained in Norwegian) if it cannot be opened."""
    try:
        return open_storage(settings.data_dir)
    except (StorageError, OSError) as error:
        print(explain(error, settings.data_dir), file=err)
        return None


# -- Telegram -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TelegramBot:
    """The Application and the bot inside it."""

    application: Any  # bot.channels.telegram.app.BotApplication
    bot: BuiltBot


def build_telegram_bot(
    settings: Settings,
    kb: KnowledgeBase,
    storage: Storage,
    *,
    clock: Clock = system_clock,
    request: Any = None,
    get_updates_request: Any = None,
    limits: Limits | None = None,
    pacer_clock: PacerClock | None = None,
    wrap_send: Callable[[Send], Send] | None = None,
) -> TelegramBot:
    """`build_bot` on Telegram: the pacer sends, hand-overs reach the coordinators, the jobs
    run on the JobQueue, replies make broadcasts give way. `request`s replace HTTP in tests."""
    from bot.channels.telegram.app import build_application, install_conversation
    from bot.channels.telegram.broadcast import telegram_parts, telegram_send
    from bot.channels.telegram.jobs import JobQueueRunner
    from bot.channels.telegram.messenger import TelegramMessenger

    built: list[BuiltBot] = []  # filled below, before the Application can start

    async def on_start(application: Any) -> None:
        await built[0].start()

    async def on_stop(application: Any) -> None:
        await built[0].stop()

    application = build_application(
        settings,
        request=request,
        get_updates_request=get_updates_request,
        menu=lambda: built[0].conversation.commands.menu(),
        on_start=on_start,
        on_stop=on_stop,
    )
    send = telegram_send(application.bot)
    bot = build_bot(
        settings,
        kb,
        clock=clock,
        storage=storage,
        job_runner=JobQueueRunner(application.job_queue, clock),
        send=wrap_send(send) if wrap_send is not None else send,
        messenger_for=lambda pause_blocked: TelegramMessenger(application.bot, pause_blocked),
        limits=limits,
        pacer_clock=pacer_clock,
        split=telegram_parts,
    )
    built.append(bot)
    runtime = bot.runtime
    assert runtime is not None  # built with storage
    install_conversation(
        application,
        bot.conversation,
        bot.chats,
        on_interaction=runtime.waves.note_interactive,  # broadcasts give way to replies
    )
    return TelegramBot(application, bot)


def run_telegram(settings: Settings, kb: KnowledgeBase, err: TextIO) -> int:
    """Run the Telegram bot until SIGINT/SIGTERM. `settings.token` must have been checked."""
    from bot.channels.telegram.app import run_polling
    from bot.channels.telegram.logs import configure_logging

    os.environ.setdefault("PTB_TIMEDELTA", "true")  # opt in to PTB's timedelta durations
    token = settings.require_token()
    configure_logging(settings.log_level, secrets=[token])
    try:  # one bot per BOT_DATA_DIR (bot.storage.lock), held until the process ends
        lock = DataDirLock.acquire(settings.data_dir)
    except StorageError as error:
        print(explain(error, settings.data_dir), file=err)
        return 1
    missing = lock.existed and not database_path(settings.data_dir).exists()
    storage = open_storage_or_explain(settings, err)
    if storage is None:
        return 1
    telegram = build_telegram_bot(settings, kb, storage)
    if missing and telegram.bot.runtime is not None:
        telegram.bot.runtime.database_watch.missing_at_start()
    logger.info(
        "Starting Kompetansebot: %d entries, %d samlinger, data in %s",
        len(kb),
        len(kb.events),
        settings.data_dir,
    )
    try:
        return run_polling(telegram.application, err)
    finally:
        telegram.bot.close()
        lock.release()
