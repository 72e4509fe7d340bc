"""Send many messages (reminders, change notices) at a pace Telegram accepts, exactly once.

`Pacer.deliver(items)` queues (chat_id, message) items and returns a report when all are done.
It is independent of Telegram: the `send` coroutine, the exception `Classifier` (see
bot.delivery.failures), the `Ledger` (bot.delivery.ledger) and the `PacerClock` are injected.

Limits (`Limits`): at most 25 message starts per second overall, spaced evenly (one every
40 ms, no bursts), at most one per second to the same chat, with at most one message per
chat in flight, and at most 20 in any 60 seconds to one group (a negative chat id: groups,
supergroups, channels), interactive replies there included. Telegram allows about 30 per second
overall, 1 per second per chat and 20 per minute per group.

Never twice, with the ledger (bot.delivery.ledger tells the guarantee): a message is claimed
right before it is sent and marked sent once Telegram accepts it; one whose row cannot be
claimed (sent or claimed before, chat inactive or gone) is skipped. Failures
(bot.delivery.failures):

* RetryAfter: the row is released, the whole broadcast pauses for exactly `retry_after` seconds
  counted from when the error came (Telegram does not say which limit was hit, and its flood
  wait applies to the bot), then the same message is sent first. Interactive replies do not go
  through the pacer and are not paused. Sends already in flight are not cancelled.
* Blocked (Forbidden): the row is marked failed, `on_blocked(chat_id)` is called (deactivate
  the chat), and the chat's other queued messages are dropped without being claimed.
* Transient (nothing was sent): released and retried after 1 s, 2 s, … up to `max_attempts`,
  then marked failed. Uncertain (a timeout: it may have arrived): marked unconfirmed, never
  resent. Permanent: marked failed.

Priority and fair share, so interactive replies never starve:

* The pacer runs as one background task per Pacer (started on demand, ending when idle). It
  yields to the event loop after every message, sleeps between slots, and its ledger calls are
  short SQLite transactions; it never blocks the loop.
* Interactive replies bypass the queue and are never delayed by it. The 25/s broadcast budget
  leaves headroom under Telegram's 30/s for them. A channel adapter may also call
  `note_interactive(chat_id)` for every reply it sends: the reply then takes a broadcast slot
  (broadcasts slow down while people chat with the bot) and that chat's next broadcast message
  waits a second, so a conversation never competes with a broadcast in the same chat.
* Within the queue, lower `priority` goes first (change notices 0 before reminders 1), then
  first come, first served. A chat that must wait for its per-chat second does not hold up
  other chats, and one chat's messages keep their order.

Crash safety: at most one message per chat is in flight and at most `max_in_flight` in all;
that is what bounds the crash window described in bot.delivery.ledger.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import count
from typing import Any, Generic, Literal, TypeVar

from bot.delivery.failures import Classifier, Failure, FailureKind, classify
from bot.delivery.items import (
    NOTICE_PRIORITY,
    REMINDER_PRIORITY,
    Broadcast,
    DeliveryReport,
    Limits,
    Outcome,
    PacerClock,
    SystemPacerClock,
)
from bot.delivery.ledger import Ledger

M = TypeVar("M")
_LedgerState = Literal["sent", "released", "failed", "unconfirmed"]
GROUP_WINDOW = 60.0  # seconds over which a group's messages are counted

__all__ = [
    "NOTICE_PRIORITY",
    "REMINDER_PRIORITY",
    "Broadcast",
    "DeliveryReport",
    "Limits",
    "Outcome",
    "Pacer",
    "PacerClock",
    "SystemPacerClock",
]


@dataclass(eq=False, slots=True)
class _Job(Generic[M]):
    item: Broadcast[M]
    order: int
    done: asyncio.Future[Outcome]
    claimed: bool = False
    tries: int = 0  # transient failures so far
    retry_afters: int = 0
    not_before: float = 0.0  # monotonic time; for retry backoff


class Pacer(Generic[M]):
    """See the module docstring. Create it inside the running event loop."""

    def __init__(
        self,
        send: Callable[[int, M], Awaitable[object]],
        *,
        ledger: Ledger | None = None,
        clock: PacerClock | None = None,
        limits: Limits | None = None,
        classifier: Classifier = classify,
        on_blocked: Callable[[int], object] | None = None,
    ) -> None:
        self._send = send
        self._ledger = ledger
        self._clock = clock or SystemPacerClock()
        self._limits = limits or Limits()
        self._classify = classifier
        self._on_blocked = on_blocked
        self._queue: list[_Job[M]] = []  # kept sorted by (priority, order)
        self._open: set[_Job[M]] = set()  # every job not finished yet, wherever it is
        self._in_flight: dict[asyncio.Task[Failure | None], _Job[M]] = {}
        self._next_slot = float("-inf")  # when the next message may start, any chat
        self._chat_free_at: dict[int, float] = {}  # when a chat may get its next message
        self._group_starts: dict[int, deque[float]] = {}  # a group's last starts, oldest first
        self._paused_until = float("-inf")
        self._orders = count()
        self._wakeup = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None

    # ----------------------------------------------------------------------------------------
    # Public API

    async def deliver(self, items: Iterable[Broadcast[M]]) -> DeliveryReport[M]:
        """Queue the items and wait until each is delivered, skipped or given up."""
        loop = asyncio.get_running_loop()
        jobs = [_Job(item, next(self._orders), loop.create_future()) for item in items]
        if not jobs:
            return DeliveryReport()
        self._queue.extend(jobs)
        self._open.update(jobs)
        self._queue.sort(key=_job_order)
        self._wakeup.set()
        if self._runner is None or self._runner.done():
            self._runner = loop.create_task(self._run(), name="pacer")
        outcomes = await asyncio.gather(*(job.done for job in jobs))
        return DeliveryReport(list(zip((job.item for job in jobs), outcomes, strict=True)))

    def note_interactive(self, chat_id: int) -> None:
        """An interactive reply was just sent to `chat_id`: give way (see the module docs)."""
        now = self._clock.monotonic()
        self._next_slot = max(self._next_slot, now) + 1 / self._limits.per_second
        self._chat_free_at[chat_id] = max(
            self._chat_free_at.get(chat_id, now), now + self._limits.per_chat_interval
        )
        self._note_group_start(chat_id, now)

    @property
    def pending(self) -> int:
        """Messages queued or in flight."""
        return len(self._queue) + len(self._in_flight)

    async def aclose(self, grace: float = 0.0) -> None:
        """Stop: cancel the runner and the sends in flight (they end UNCERTAIN and keep their
        claim, as they may have arrived); queued messages end POSTPONED.

        With `grace`, nothing new starts and the sends already in flight get up to `grace`
        seconds to finish first (and be marked sent), so a graceful shutdown loses nothing.
        Queued messages were never claimed: a later run sends them.
        """
        runner = self._runner
        if grace > 0 and runner is not None and not runner.done():
            for job in self._queue:
                self._finish(job, Outcome.POSTPONED)
            self._queue.clear()
            await asyncio.wait({runner}, timeout=grace)
        tasks = [*self._in_flight, *([self._runner] if self._runner else [])]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._abandon(None)

    # ----------------------------------------------------------------------------------------
    # The runner: the only place that waits for time to pass

    async def _run(self) -> None:
        try:
            while self._queue or self._in_flight:
                self._collect_finished()
                now = self._clock.monotonic()
                job = self._next_ready(now)
                if job is not None:
                    self._start(job, now)
                    await asyncio.sleep(0)  # let replies and the send itself run
                elif self._queue or self._in_flight:
                    await self._idle(self._time_to_next_start(now))
        except asyncio.CancelledError:  # aclose() or loop shutdown: nothing is resent
            self._abandon(None)
            raise
        except Exception as error:  # a ledger or programming error: every caller gets it
            self._abandon(error)

    def _abandon(self, error: Exception | None) -> None:
        """Stop everything: a send in flight may have arrived (its row stays claimed, so it is
        never resent: UNCERTAIN); a queued one was not claimed (POSTPONED: a later run sends
        it). With an `error`, every caller of `deliver` gets that error instead."""
        in_flight = set(self._in_flight.values())
        for task in self._in_flight:  # left to finish on their own; their errors are known
            task.add_done_callback(_forget_result)
        for job in list(self._open):
            if error is not None:
                if not job.done.done():
                    job.done.set_exception(error)
                self._open.discard(job)
            else:
                self._finish(job, Outcome.UNCERTAIN if job in in_flight else Outcome.POSTPONED)
        self._queue.clear()
        self._in_flight.clear()

    def _next_ready(self, now: float) -> _Job[M] | None:
        """The first job, in priority order, that may start now."""
        if len(self._in_flight) >= self._limits.max_in_flight or self._floor() > now:
            return None
        return next((job for job, start in self._candidates() if start <= now), None)

    def _time_to_next_start(self, now: float) -> float | None:
        """Seconds until a queued job may start; None if only a finishing send can help."""
        if len(self._in_flight) >= self._limits.max_in_flight:
            return None
        floor = self._floor()
        earliest: float | None = None
        for _job, start in self._candidates():
            earliest = start if earliest is None else min(earliest, start)
            if earliest <= floor:
                break  # nothing can start before the floor: no need to look further
        return max(0.0, earliest - now) if earliest is not None else None

    def _floor(self) -> float:
        """No job may start before this: the next overall slot, or the end of a flood pause."""
        return max(self._next_slot, self._paused_until)

    def _candidates(self) -> Iterator[tuple[_Job[M], float]]:
        """Each chat's first queued job, in priority order, with when it may start.

        Only a chat's first job counts, so one chat's messages keep their order; a chat with
        a message in flight has none. A generator, so the callers stop at the first job they
        can use: with 10,000 queued messages, scanning the whole queue for every message would
        cost more than sending it.
        """
        busy = {job.item.chat_id for job in self._in_flight.values()}
        seen: set[int] = set()
        for job in self._queue:
            chat_id = job.item.chat_id
            if chat_id in seen:
                continue
            seen.add(chat_id)
            if chat_id not in busy:
                yield job, self._earliest_start(job)

    def _earliest_start(self, job: _Job[M]) -> float:
        return max(
            self._next_slot,
            self._paused_until,
            self._chat_free_at.get(job.item.chat_id, float("-inf")),
            self._group_free_at(job.item.chat_id),
            job.not_before,
        )

    def _group_free_at(self, chat_id: int) -> float:
        """A group that had its `per_group_per_minute` messages waits until the oldest of them
        is a minute old; any other chat never waits for this."""
        starts = self._group_starts.get(chat_id)
        if starts is None or len(starts) < self._limits.per_group_per_minute:
            return float("-inf")
        return starts[0] + GROUP_WINDOW

    def _note_group_start(self, chat_id: int, now: float) -> None:
        if chat_id >= 0 or self._limits.per_group_per_minute <= 0:
            return
        starts = self._group_starts.get(chat_id)
        if starts is None:
            starts = self._group_starts[chat_id] = deque(maxlen=self._limits.per_group_per_minute)
        starts.append(now)

    async def _idle(self, timeout: float | None) -> None:
        """Wait for a send to finish, new work, or `timeout` seconds, whichever comes first."""
        self._wakeup.clear()
        helpers: list[asyncio.Future[Any]] = [asyncio.ensure_future(self._wakeup.wait())]
        if timeout is not None:
            helpers.append(asyncio.ensure_future(self._clock.sleep(timeout)))
        waiters: set[asyncio.Future[Any]] = {*self._in_flight, *helpers}
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for helper in helpers:
                helper.cancel()

    # ----------------------------------------------------------------------------------------
    # One message

    def _start(self, job: _Job[M], now: float) -> None:
        self._queue.remove(job)
        key = job.item.key
        if key is not None and self._ledger is not None and not job.claimed:
            if not self._ledger.claim(key, self._clock.now()):
                self._finish(job, Outcome.ALREADY_HANDLED)
                return
            job.claimed = True
        self._next_slot = max(self._next_slot, now) + 1 / self._limits.per_second
        self._chat_free_at[job.item.chat_id] = now + self._limits.per_chat_interval
        self._note_group_start(job.item.chat_id, now)
        task = asyncio.ensure_future(self._attempt(job))
        self._in_flight[task] = job

    async def _attempt(self, job: _Job[M]) -> Failure | None:
        """Send once; mark the ledger row sent right away. The failure, if any, is returned."""
        try:
            await self._send(job.item.chat_id, job.item.message)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            return self._classify(error)
        self._settle(job, "sent")
        return None

    def _collect_finished(self) -> None:
        for task in [task for task in self._in_flight if task.done()]:
            job = self._in_flight.pop(task)
            if task.cancelled():
                self._finish(job, Outcome.UNCERTAIN)
            else:
                self._after_attempt(job, task.result())  # raises a ledger error, if any

    def _after_attempt(self, job: _Job[M], failure: Failure | None) -> None:
        if failure is None:
            self._finish(job, Outcome.DELIVERED)
            return
        now = self._clock.monotonic()
        match failure.kind:
            case FailureKind.RETRY_AFTER:
                self._paused_until = max(self._paused_until, now + failure.retry_after)
                job.retry_afters += 1
                if job.retry_afters >= self._limits.max_retry_after:
                    self._settle(job, "released")
                    self._finish(job, Outcome.POSTPONED)
                else:
                    self._retry(job, not_before=now)
            case FailureKind.TRANSIENT:
                job.tries += 1
                if job.tries >= self._limits.max_attempts:
                    self._settle(job, "failed")
                    self._finish(job, Outcome.FAILED)
                else:
                    backoff = self._limits.retry_backoff * 2 ** (job.tries - 1)
                    self._retry(job, not_before=now + backoff)
            case FailureKind.BLOCKED:
                self._settle(job, "failed")
                self._finish(job, Outcome.BLOCKED)
                self._drop_chat(job.item.chat_id)
                if self._on_blocked is not None:
                    self._on_blocked(job.item.chat_id)
            case FailureKind.UNCERTAIN:
                self._settle(job, "unconfirmed")
                self._finish(job, Outcome.UNCERTAIN)
            case FailureKind.PERMANENT:
                self._settle(job, "failed")
                self._finish(job, Outcome.FAILED)

    def _retry(self, job: _Job[M], *, not_before: float) -> None:
        """Release the claim (a crash meanwhile must not lose it) and queue the job again."""
        self._settle(job, "released")
        job.claimed = False
        job.not_before = not_before
        self._queue.append(job)
        self._queue.sort(key=_job_order)

    def _drop_chat(self, chat_id: int) -> None:
        for job in [job for job in self._queue if job.item.chat_id == chat_id]:
            self._queue.remove(job)
            self._finish(job, Outcome.BLOCKED)

    def _finish(self, job: _Job[M], outcome: Outcome) -> None:
        self._open.discard(job)
        if not job.done.done():
            job.done.set_result(outcome)

    def _settle(self, job: _Job[M], state: _LedgerState) -> None:
        """Move the job's claimed ledger row on to `state`."""
        key, ledger = job.item.key, self._ledger
        if key is None or ledger is None or not job.claimed:
            return
        now = self._clock.now()
        match state:
            case "sent":
                ledger.mark_sent(key, now)
            case "released":
                ledger.release(key, now)
            case "failed":
                ledger.mark_failed(key, now)
            case "unconfirmed":
                ledger.mark_unconfirmed(key, now)


def _forget_result(task: asyncio.Task[Failure | None]) -> None:
    if not task.cancelled():
        task.exception()  # retrieved, so asyncio does not log it as never retrieved


def _job_order(job: _Job[M]) -> tuple[int, int]:
    return (job.item.priority, job.order)
