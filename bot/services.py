"""The bot's runtime services, shared by every feature: database, knowledge base, broadcaster.

`Services` is created once by the composition root (bot/app.py) and handed to the features
that need more than the conversation: subscriptions and reminders (bot.subscriptions), the
admin's /oppdater, announcements. It is channel-independent; the Telegram adapter plugs in the
real `send` for the pacer (`start_broadcasting`) and a `Scheduler` that runs the jobs on PTB's
JobQueue (bot.channels.telegram.scheduling). The terminal chat uses the same Services without
a pacer: subscriptions work there, nothing is pushed.

What each part is for:

* `db`: the SQLite database in BOT_DATA_DIR (bot.storage). Synchronous and cheap; call it from
  the event loop thread only.
* `kb`: the knowledge base that is live *now*. A reload swaps it (and the conversation's engine)
  in one step with no `await` in between, so read `services.kb` each time; never keep it.
* `pacer`: the one broadcaster (bot.delivery.pacer). Everything sent to many chats goes through
  `broadcast`, so Telegram's limits hold for all of it together and interactive replies are never
  starved. Items are plain text; the channel escapes them.
* `reload()`: load and validate the knowledge base again; on success swap it in, announce the
  changes to subscribers in scope (change notices) and re-plan reminders. A knowledge base that
  fails validation is not loaded: the old one stays live and the errors are returned.
* `run_reminders()` / `run_notices()`: one reminder wave and one round of change notices; the
  scheduler calls them and schedules the next run at the moment they return. A reminder still
  queued when a reload cancels or moves its samling is dropped right before its send (marked
  failed in the ledger); the moved samling gets new reminders under new ledger keys.

Never twice, and the one crash window
-------------------------------------
Every reminder and notice has a ledger row keyed (chat, event, kind) in SQLite. The pacer
claims the row (pending → claimed, one atomic statement) right before the send and marks it
sent as soon as Telegram has accepted the message. A claimed row is never claimed again, so no
restart, reload or second wave can repeat a message: delivery is at-most-once per key.

The one window that remains: the process dies (SIGKILL, power cut, OOM) after a row was claimed
and before it was marked sent. Telegram may or may not have the message; the bot cannot know.
It is not resent (resending could repeat it); at the next start-up `settle_after_restart` marks
such rows "unconfirmed" and logs how many there were. The window is bounded:

* at most one message per chat: the pacer has at most one send in flight per chat;
* at most `Limits.max_in_flight` (8) messages in all: no more sends are ever in flight;
* per crash: everything not yet claimed is sent after the restart (late, if need be, but never
  after the samling has begun), and everything marked sent is never sent again.

A graceful stop (SIGTERM) does not use the window: nothing new is started, the sends in flight
get `CLOSE_GRACE` seconds to finish and be marked sent, and queued messages stay unclaimed for
the next start. A time-out while waiting for Telegram's answer is treated like a crash for that
one message (unconfirmed, not resent); see bot.delivery.failures.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from bot.config import Settings
from bot.conversation.conversation import Clock, Conversation, system_clock
from bot.core.changes import ChangeKind, EventChange, detect_changes
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeBase
from bot.core.loading import KnowledgeBaseError, load_knowledge_base
from bot.core.reminders import plan_reminders
from bot.delivery.jobs import finish_notices, next_reminder_at, notice_batch, reminder_messages
from bot.delivery.pacer import Clock as PacerClock
from bot.delivery.pacer import DeliveryReport, Limits, Outcome, Outgoing, Pacer
from bot.storage import DeliveryKey, Storage, open_storage

logger = logging.getLogger(__name__)

RETRY_POSTPONED = timedelta(minutes=1)  # a wave that hit flood control tries the rest again
MAX_PASSES = 5  # reminder passes per run: reminders falling due during a long wave go too
CLOSE_GRACE = 5.0  # seconds a shutdown waits for sends already in flight

Send = Callable[[int, str], Awaitable[object]]


class Scheduler(Protocol):
    """When to run the jobs; the Telegram adapter's runs them on PTB's JobQueue."""

    def reminders_changed(self, chat_id: int | None = None) -> None:
        """Subscriptions changed (of one chat, or of any): the next reminder may be earlier."""

    def knowledge_changed(self) -> None:
        """A new knowledge base is live: send change notices, then re-plan reminders."""


class NoScheduler:
    """Nothing is pushed (the terminal chat, tests of the conversation)."""

    def reminders_changed(self, chat_id: int | None = None) -> None:
        pass

    def knowledge_changed(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """What a reload did: `ok` with a summary, or not ok with every validation error."""

    ok: bool
    summary: str
    errors: tuple[str, ...] = ()
    changes: tuple[EventChange, ...] = ()

    @property
    def text(self) -> str:
        """The reply to /oppdater: the summary, or the errors one per line."""
        return "\n".join([self.summary, *self.errors])


@dataclass(slots=True)
class WaveReport:
    """One reminder or notice run: how it went and when to run again (None: no need)."""

    report: DeliveryReport[str] = field(default_factory=DeliveryReport)
    next_run: datetime | None = None

    def count(self, outcome: Outcome) -> int:
        return self.report.count(outcome)


class Services:
    """See the module docstring. Create with `Services.open(settings, kb)`."""

    def __init__(
        self,
        settings: Settings,
        storage: Storage,
        kb: KnowledgeBase,
        *,
        clock: Clock = system_clock,
        knowledge_dir: Path | None = None,
    ) -> None:
        self.settings = settings
        self.storage = storage
        self.db = storage.subscriptions
        self.clock = clock
        self.knowledge_dir = knowledge_dir or settings.knowledge_dir
        self.scheduler: Scheduler = NoScheduler()
        self._kb = kb
        self._conversation: Conversation | None = None
        self._pacer: Pacer[str] | None = None
        self._reload_lock = asyncio.Lock()
        self._reminder_lock = asyncio.Lock()
        self._notice_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closing = False
        # What the knowledge files looked like when the live knowledge base was read, and
        # when a reload last failed; the watcher reloads when the files differ from both.
        self.loaded_fingerprint = knowledge_fingerprint(self.knowledge_dir)
        self.failed_fingerprint: Fingerprint | None = None

    @classmethod
    def open(
        cls,
        settings: Settings,
        kb: KnowledgeBase,
        *,
        clock: Clock = system_clock,
        knowledge_dir: Path | None = None,
    ) -> Services:
        """Open (creating and migrating) the database in BOT_DATA_DIR."""
        storage = open_storage(settings.data_dir)
        return cls(settings, storage, kb, clock=clock, knowledge_dir=knowledge_dir)

    # ----------------------------------------------------------------------------------------
    # The live knowledge base

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb

    def attach(self, conversation: Conversation) -> None:
        """The conversation whose engine a reload replaces."""
        self._conversation = conversation

    def use_knowledge(self, kb: KnowledgeBase, engine: Engine | None = None) -> None:
        """Make `kb` live everywhere at once (no await between the assignments)."""
        engine = engine or Engine(kb)
        if self._conversation is not None:
            self._conversation.use_engine(engine)
        self._kb = kb

    async def reload(self) -> ReloadResult:
        """Load KNOWLEDGE_DIR again; swap it in only if it is valid (see the module docs)."""
        async with self._reload_lock:
            directory = self.knowledge_dir
            fingerprint = knowledge_fingerprint(directory)  # before reading: no change is missed
            try:
                kb, engine = await asyncio.to_thread(_load_with_engine, directory)
            except KnowledgeBaseError as error:
                self.failed_fingerprint = fingerprint
                problems = tuple(str(problem) for problem in error.problems)
                summary = (
                    f"Kunnskapsbasen i {directory} har {len(problems)} feil og er ikke lastet. "
                    "Den gamle er fortsatt i bruk."
                )
                return ReloadResult(False, summary, problems)
            except OSError as error:
                self.failed_fingerprint = fingerprint
                summary = f"Kunne ikke lese kunnskapsbasen i {directory}: {error}."
                return ReloadResult(False, summary + " Den gamle er fortsatt i bruk.")
            self.loaded_fingerprint, self.failed_fingerprint = fingerprint, None
            changes = tuple(detect_changes(self.db.load_snapshots(), kb, self.clock()))
            self.use_knowledge(kb, engine)
            logger.info(
                "Knowledge base reloaded: %d entries, %d samlinger, %d event changes",
                len(kb),
                len(kb.events),
                len(changes),
            )
            self.scheduler.knowledge_changed()
            return ReloadResult(True, _reload_summary(kb, changes), changes=changes)

    # ----------------------------------------------------------------------------------------
    # Broadcasting

    def start_broadcasting(
        self,
        send: Send,
        *,
        limits: Limits | None = None,
        on_blocked: Callable[[int], object] | None = None,
        pacer_clock: PacerClock | None = None,
    ) -> Pacer[str]:
        """Create the pacer (inside the running event loop). `send(chat_id, text)` delivers
        one plain-text message; a chat that blocked the bot is deactivated."""

        def deactivate(chat_id: int) -> None:
            if self.db.deactivate_chat(chat_id, self.clock()):
                logger.info("Chat %s has blocked the bot; its subscriptions are paused", chat_id)
            if on_blocked is not None:
                on_blocked(chat_id)

        async def send_if_still_wanted(chat_id: int, text: str) -> None:
            if isinstance(text, ReminderText) and not text.still_wanted(self.kb):
                raise ObsoleteReminderError(text.event_id)  # the ledger marks it failed
            await send(chat_id, text)

        self._pacer = Pacer(
            send_if_still_wanted,
            ledger=self.db,
            clock=pacer_clock,
            limits=limits or Limits(per_second=self.settings.broadcast_rate),
            on_blocked=deactivate,
        )
        return self._pacer

    @property
    def can_broadcast(self) -> bool:
        return self._pacer is not None and not self._closing

    @property
    def pacer(self) -> Pacer[str]:
        if self._pacer is None:
            raise RuntimeError("the broadcaster is not running (terminal chat, or not started)")
        return self._pacer

    async def broadcast(self, items: Iterable[Outgoing[str]]) -> DeliveryReport[str]:
        """Send many messages through the paced broadcaster; see bot.delivery.pacer."""
        return await self.pacer.deliver(items)

    def note_interactive(self, chat_id: int) -> None:
        """An interactive reply went to `chat_id`: broadcasts give way (bot.delivery.pacer)."""
        if self._pacer is not None:
            self._pacer.note_interactive(chat_id)

    # ----------------------------------------------------------------------------------------
    # The jobs

    def settle_after_restart(self) -> int:
        """At start-up: claims left by a crash are relabelled unconfirmed (never resent)."""
        maybe_lost = self.db.settle_stale_claims(self.clock(), older_than=timedelta(0))
        if maybe_lost:
            logger.warning(
                "%d message(s) were being sent when the bot last stopped; they may not have "
                "arrived and are not sent again",
                maybe_lost,
            )
        return maybe_lost

    async def run_reminders(self) -> WaveReport:
        """Send every reminder that is due, then say when the next one falls due.

        A wave to many chats takes a while (10,000 chats at 25/s: 400 s); reminders that fall
        due meanwhile go out in a further pass. One run at a time.
        """
        async with self._reminder_lock:
            wave = WaveReport()
            for _ in range(MAX_PASSES):
                if not self.can_broadcast:
                    break
                kb, now = self.kb, self.clock()
                messages = [_checked(message) for message in reminder_messages(self.db, kb, now)]
                if not messages:
                    break
                logger.info("Sending %d reminder(s)", len(messages))
                report = await self.pacer.deliver(messages)
                wave.report.outcomes += report.outcomes
                _log_report("Reminders", report)
                if report.count(Outcome.DELIVERED) == 0:
                    break  # nothing went out (flood control, failures): do not spin
            now = self.clock()
            wave.next_run = next_reminder_at(self.db, self.kb, now)
            if wave.count(Outcome.POSTPONED):
                wave.next_run = _earliest(wave.next_run, now + RETRY_POSTPONED)
            return wave

    def next_reminder_for(self, chat_id: int) -> datetime | None:
        """When one chat's next unsent reminder is due, maybe already (a chat that was paused);
        cheap, so it is asked after every change of a chat's subscriptions."""
        chat = self.db.chat(chat_id)
        if chat is None or not chat.active:
            return None
        planned = plan_reminders(self.kb, self.db.subscriptions(chat_id), self.clock())
        keys = [DeliveryKey(r.chat_id, r.event_id, r.ledger_kind) for r in planned]
        handled = self.db.handled(keys)
        due = [r.due_at for r, key in zip(planned, keys, strict=True) if key not in handled]
        return min(due, default=None)

    def next_reminder(self) -> datetime | None:
        return next_reminder_at(self.db, self.kb, self.clock())

    async def run_notices(self) -> WaveReport:
        """Tell subscribers in scope what changed since the saved snapshots (bot.core.changes).

        `next_run` is set when the notices must wait: quiet hours (until 07:30) or flood
        control (a minute). The snapshots are saved only once every notice is settled.
        """
        async with self._notice_lock:
            wave = WaveReport()
            if not self.can_broadcast:
                return wave
            kb, now = self.kb, self.clock()
            batch = notice_batch(self.db, kb, now)
            if batch.messages:
                logger.info(
                    "Sending %d change notice(s) about %d change(s)",
                    len(batch.messages),
                    len(batch.changes),
                )
                wave.report = await self.pacer.deliver(batch.messages)
                _log_report("Change notices", wave.report)
            if not finish_notices(self.db, batch, wave.report, self.clock()):
                wave.next_run = batch.not_before or self.clock() + RETRY_POSTPONED
            return wave

    # ----------------------------------------------------------------------------------------
    # Background work and shutdown

    def spawn(self, work: Coroutine[Any, Any, object], name: str) -> asyncio.Task[Any]:
        """Run `work` in the background; `aclose` stops it. Errors are logged."""
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            logger.error("%s failed: %s", task.get_name(), type(error).__name__, exc_info=error)

    async def wait_idle(self) -> None:
        """Wait until no background run is left (tests; runs may start further runs)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self, grace: float = CLOSE_GRACE) -> None:
        """Stop broadcasting: sends in flight get `grace` seconds to finish; queued messages
        stay unclaimed for the next start. Background runs are cancelled."""
        self._closing = True
        if self._pacer is not None:
            await self._pacer.aclose(grace=grace)
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def close(self) -> None:
        """Close the database (after `aclose`)."""
        self.storage.close()


class ReminderText(str):
    """A reminder's text that remembers what it is about, so a wave that runs for minutes does
    not send a reminder for a samling that was cancelled or moved meanwhile (a reload)."""

    event_id: str
    kind: str  # the ledger kind: "day:2030-05-15"

    def __new__(cls, text: str, event_id: str, kind: str) -> ReminderText:
        made = super().__new__(cls, text)
        made.event_id, made.kind = event_id, kind
        return made

    def still_wanted(self, kb: KnowledgeBase) -> bool:
        entry = kb.get(self.event_id)
        event = entry.event if entry is not None else None
        if event is None or event.cancelled:
            return False
        lead, _colon, about = self.kind.partition(":")
        day = event.deadline if lead == "deadline" else event.start
        return day is not None and day.isoformat() == about


class ObsoleteReminderError(Exception):
    """The samling of a queued reminder was cancelled or moved: not sent (marked failed)."""


def _checked(message: Outgoing[str]) -> Outgoing[str]:
    key = message.key
    if key is None:
        return message
    return replace(message, message=ReminderText(message.message, key.event_id, key.kind))


class DatabaseChatStatus:
    """ChatStatus kept in the database: a chat that blocked the bot is inactive (its
    subscriptions paused) until it writes again. Chats without subscriptions are not stored."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def mark_inactive(self, chat_id: int) -> None:
        self.services.db.deactivate_chat(chat_id, self.services.clock())

    def mark_active(self, chat_id: int) -> None:
        if self.services.db.reactivate_chat(chat_id, self.services.clock()):
            self.services.scheduler.reminders_changed(chat_id)

    def is_active(self, chat_id: int) -> bool:
        chat = self.services.db.chat(chat_id)
        return chat is None or chat.active


Fingerprint = tuple[tuple[str, int, int], ...]


def knowledge_fingerprint(directory: Path) -> Fingerprint:
    """(name, modification time, size) of every *.yaml file: cheap to take every few seconds."""
    found = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.endswith(".yaml") and entry.is_file():
                    info = entry.stat()
                    found.append((entry.name, info.st_mtime_ns, info.st_size))
    except OSError:
        return ()
    return tuple(sorted(found))


def _load_with_engine(directory: Path) -> tuple[KnowledgeBase, Engine]:
    """Runs in a worker thread: parsing and indexing do not hold up replies."""
    kb = load_knowledge_base(directory)
    return kb, Engine(kb)


def _reload_summary(kb: KnowledgeBase, changes: Iterable[EventChange]) -> str:
    counts: dict[ChangeKind, int] = {}
    for change in changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    head = f"Kunnskapsbasen er oppdatert: {len(kb)} oppføringer, {len(kb.events)} samlinger."
    if not counts:
        return head + " Ingen endringer i samlingene som abonnenter må varsles om."
    words = {
        ChangeKind.ADDED: "ny",
        ChangeKind.MOVED: "endret tid eller sted",
        ChangeKind.CANCELLED: "avlyst",
        ChangeKind.REINSTATED: "ikke lenger avlyst",
        ChangeKind.REMOVED: "tatt ut",
    }
    parts = [f"{counts[kind]} {words[kind]}" for kind in ChangeKind if kind in counts]
    return f"{head} Endringer i samlinger: {', '.join(parts)}. Abonnentene får beskjed."


def _earliest(first: datetime | None, second: datetime) -> datetime:
    return second if first is None else min(first, second)


def _log_report(what: str, report: DeliveryReport[str]) -> None:
    counts = {outcome: report.count(outcome) for outcome in Outcome if report.count(outcome)}
    logger.info("%s: %s", what, ", ".join(f"{k} {v}" for k, v in counts.items()) or "none")
