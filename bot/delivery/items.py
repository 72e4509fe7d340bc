"""What the pacer (bot.delivery.pacer) takes and gives: its clock, its limits, one message
(`Broadcast`), and what became of each (`Outcome`, `DeliveryReport`). Kept apart so the pacer
module holds only the pacing; bot.delivery.pacer re-exports every name."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from bot.storage.records import DeliveryKey

M = TypeVar("M")

NOTICE_PRIORITY = 0
REMINDER_PRIORITY = 1


class PacerClock(Protocol):
    """Time for the pacer: a monotonic clock for pacing, a wall clock for the ledger."""

    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemPacerClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@dataclass(frozen=True, slots=True)
class Limits:
    per_second: float = 25.0  # message starts per second, all chats together
    per_chat_interval: float = 1.0  # seconds between two messages to the same chat
    per_group_per_minute: int = 20  # messages to one group (negative chat id) in any 60 s
    max_in_flight: int = 8  # sends awaiting Telegram's answer at once
    max_attempts: int = 3  # tries per message for transient failures
    retry_backoff: float = 1.0  # seconds before the 2nd try; doubles for each further try
    max_retry_after: int = 5  # RetryAfters per message before it is postponed to a later run


@dataclass(frozen=True, slots=True)
class Broadcast(Generic[M]):
    """One message for one chat; `key` ties it to its ledger row (None: not tracked)."""

    chat_id: int
    message: M
    key: DeliveryKey | None = None
    priority: int = REMINDER_PRIORITY  # lower goes first

    def __post_init__(self) -> None:
        if self.key is not None and self.key.chat_id != self.chat_id:
            raise ValueError(f"ledger key {self.key} is for another chat than {self.chat_id}")


class Outcome(StrEnum):
    DELIVERED = "delivered"
    ALREADY_HANDLED = "already_handled"  # the ledger refused the claim: sent before, or no chat
    BLOCKED = "blocked"  # the chat blocked the bot (this message and its queued ones)
    FAILED = "failed"  # given up
    UNCERTAIN = "uncertain"  # may have arrived; not resent
    POSTPONED = "postponed"  # released after too many RetryAfters; a later run may send it


@dataclass(slots=True)
class DeliveryReport(Generic[M]):
    outcomes: list[tuple[Broadcast[M], Outcome]] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for _item, seen in self.outcomes if seen is outcome)

    def items(self, outcome: Outcome) -> list[Broadcast[M]]:
        return [item for item, seen in self.outcomes if seen is outcome]

    @property
    def blocked_chats(self) -> set[int]:
        return {item.chat_id for item, seen in self.outcomes if seen is Outcome.BLOCKED}

    @property
    def settled(self) -> bool:
        """Every message is done for good: none was postponed to a later run."""
        return all(seen is not Outcome.POSTPONED for _item, seen in self.outcomes)
