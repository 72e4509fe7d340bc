"""Reminder and notice waves through the one paced broadcaster, and what is due next.

Everything sent to many chats goes through `Waves` (its pacer: bot.delivery.pacer), so
Telegram's limits hold for all of it together and interactive replies are never starved. Items
are plain text; the channel escapes them. Without a `send` (the terminal chat) nothing is
pushed and `can_broadcast` is False. The never-twice guarantee is bot.delivery.ledger's.

A reminder still queued when a reload cancels or moves its samling is dropped right before its
send (marked failed in the ledger); the moved samling gets new reminders under new ledger keys.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.core.knowledge import KnowledgeBase
from bot.core.reminders import plan_reminders
from bot.delivery.jobs import finish_notices, next_reminder_at, notice_batch, reminder_messages
from bot.delivery.pacer import Broadcast, DeliveryReport, Limits, Outcome, Pacer, PacerClock
from bot.runtime.live import LiveKnowledge
from bot.runtime.reload_guard import too_many_removals
from bot.storage import DeliveryKey, SubscriptionStore

logger = logging.getLogger(__name__)

RETRY_POSTPONED = timedelta(minutes=1)  # a wave that hit flood control tries the rest again
MAX_PASSES = 5  # reminder passes per run: reminders falling due during a long wave go too
CLOSE_GRACE = 5.0  # seconds a shutdown waits for sends already in flight

Send = Callable[[int, str], Awaitable[object]]
Split = Callable[[str], list[str]]  # a long text as the messages the channel sends it in


@dataclass(slots=True)
class WaveReport:
    """One reminder or notice run: how it went and when to run again (None: no need)."""

    report: DeliveryReport[str] = field(default_factory=DeliveryReport)
    next_run: datetime | None = None
    held_removals: int = 0  # notices held: most samlinger would be "tatt ut" (reload_guard)

    def count(self, outcome: Outcome) -> int:
        return self.report.count(outcome)


class Waves:
    """See the module docstring."""

    def __init__(
        self,
        live: LiveKnowledge,
        store: SubscriptionStore,
        clock: Callable[[], datetime],
        *,
        send: Send | None = None,
        limits: Limits | None = None,
        pacer_clock: PacerClock | None = None,
        split: Split | None = None,
    ) -> None:
        self.live = live
        self._split = split
        self.store = store
        self.clock = clock
        self._reminder_lock = asyncio.Lock()
        self._notice_lock = asyncio.Lock()
        self._closing = False
        self._pacer: Pacer[str] | None = None
        if send is not None:
            self._pacer = Pacer(
                _still_wanted(send, live),
                ledger=store,
                clock=pacer_clock,
                limits=limits or Limits(),
                on_blocked=self._deactivate,
            )

    def _deactivate(self, chat_id: int) -> None:
        if self.store.deactivate_chat(chat_id, self.clock()):
            logger.info("Chat %s has blocked the bot; its subscriptions are paused", chat_id)

    # -- broadcasting ---------------------------------------------------------------------------

    @property
    def can_broadcast(self) -> bool:
        return self._pacer is not None and not self._closing

    @property
    def pacer(self) -> Pacer[str]:
        if self._pacer is None:
            raise RuntimeError("the broadcaster is not running (terminal chat)")
        return self._pacer

    async def broadcast(self, items: Iterable[Broadcast[str]]) -> DeliveryReport[str]:
        """Send many messages through the paced broadcaster; see bot.delivery.pacer."""
        return await self.pacer.deliver(items)

    def parts(self, text: str) -> list[str]:
        """`text` as the channel's messages (one each), so a caller can track every part in
        the ledger; one part if the channel does not split."""
        return self._split(text) if self._split is not None else [text]

    def note_interactive(self, chat_id: int) -> None:
        """An interactive reply went to `chat_id`: broadcasts give way (bot.delivery.pacer)."""
        if self._pacer is not None:
            self._pacer.note_interactive(chat_id)

    async def aclose(self, grace: float = CLOSE_GRACE) -> None:
        """Stop broadcasting: sends in flight get `grace` seconds to finish; queued messages
        stay unclaimed for the next start."""
        self._closing = True
        if self._pacer is not None:
            await self._pacer.aclose(grace=grace)

    # -- the waves ------------------------------------------------------------------------------

    def settle_after_restart(self) -> int:
        """At start-up: claims left by a crash are relabelled unconfirmed (never resent)."""
        maybe_lost = self.store.settle_stale_claims(self.clock(), older_than=timedelta(0))
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
                kb, now = self.live.kb, self.clock()
                due = reminder_messages(self.store, kb, now)
                messages = [_checked(message) for message in due]
                if not messages:
                    break
                logger.info("Sending %d reminder(s)", len(messages))
                report = await self.pacer.deliver(messages)
                wave.report.outcomes += report.outcomes
                _log_report("Reminders", report)
                if report.count(Outcome.DELIVERED) == 0:
                    break  # nothing went out (flood control, failures): do not spin
            now = self.clock()
            wave.next_run = next_reminder_at(self.store, self.live.kb, now)
            if wave.count(Outcome.POSTPONED):
                wave.next_run = _earliest(wave.next_run, now + RETRY_POSTPONED)
            return wave

    def next_reminder_for(self, chat_id: int) -> datetime | None:
        """When one chat's next unsent reminder is due, maybe already (a chat that was paused);
        cheap, so it is asked after every change of a chat's subscriptions."""
        chat = self.store.chat(chat_id)
        if chat is None or not chat.active:
            return None
        planned = plan_reminders(self.live.kb, self.store.subscriptions(chat_id), self.clock())
        keys = [DeliveryKey(r.chat_id, r.event_id, r.ledger_kind) for r in planned]
        handled = self.store.handled(keys)
        due = [r.due_at for r, key in zip(planned, keys, strict=True) if key not in handled]
        return min(due, default=None)

    async def run_notices(self, *, removals_confirmed: bool = False) -> WaveReport:
        """Tell subscribers in scope what changed since the saved snapshots (bot.core.changes).

        `next_run` is set when the notices must wait: quiet hours (until 07:30) or flood
        control (a minute). The snapshots are saved only once every notice is settled. Unless
        `removals_confirmed`, notices that would call most known samlinger removed are held
        (`held_removals`; bot.runtime.reload_guard).
        """
        async with self._notice_lock:
            wave = WaveReport()
            if not self.can_broadcast:
                return wave
            kb, now = self.live.kb, self.clock()
            batch = notice_batch(self.store, kb, now)
            if not removals_confirmed:
                wave.held_removals = too_many_removals(batch.changes, batch.upcoming_before)
                if wave.held_removals:
                    return wave  # nothing sent, the snapshots kept: asked again next time
            if batch.messages:
                logger.info(
                    "Sending %d change notice(s) about %d change(s)",
                    len(batch.messages),
                    len(batch.changes),
                )
                wave.report = await self.pacer.deliver(batch.messages)
                _log_report("Change notices", wave.report)
            if not finish_notices(self.store, batch, wave.report, self.clock()):
                wave.next_run = batch.not_before or self.clock() + RETRY_POSTPONED
            return wave


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


def _still_wanted(send: Send, live: LiveKnowledge) -> Send:
    async def send_if_still_wanted(chat_id: int, text: str) -> None:
        if isinstance(text, ReminderText) and not text.still_wanted(live.kb):
            raise ObsoleteReminderError(text.event_id)  # the ledger marks it failed
        await send(chat_id, text)

    return send_if_still_wanted


def _checked(message: Broadcast[str]) -> Broadcast[str]:
    key = message.key
    if key is None:
        return message
    return replace(message, message=ReminderText(message.message, key.event_id, key.kind))


def _earliest(first: datetime | None, second: datetime) -> datetime:
    return second if first is None else min(first, second)


def _log_report(what: str, report: DeliveryReport[str]) -> None:
    counts = {outcome: report.count(outcome) for outcome in Outcome if report.count(outcome)}
    logger.info("%s: %s", what, ", ".join(f"{k} {v}" for k, v in counts.items()) or "none")
