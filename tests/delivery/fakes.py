"""A fake clock and a fake Telegram for pacer tests: the schedule is asserted, not wall time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

WALL_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    """Time passes only when the pacer sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.time = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.time

    def now(self) -> datetime:
        return WALL_START + timedelta(seconds=self.time)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds
        await asyncio.sleep(0)


# Look-alikes of python-telegram-bot's errors: the default classifier matches by name.
class RetryAfter(Exception):  # noqa: N818 - named like telegram.error.RetryAfter
    def __init__(self, retry_after: float | timedelta) -> None:
        super().__init__("Flood control exceeded")
        self.retry_after = retry_after


class Forbidden(Exception):  # noqa: N818
    pass


class NetworkError(Exception):
    pass


class TimedOut(NetworkError):  # noqa: N818
    pass


class BadRequest(NetworkError):  # noqa: N818
    pass


class ConnectError(Exception):
    pass


def connect_error() -> NetworkError:
    """A NetworkError caused by failing to connect: nothing was sent."""
    error = NetworkError("httpx.ConnectError: connection refused")
    error.__cause__ = ConnectError("connection refused")
    return error


@dataclass
class FakeTelegram:
    """Records every send attempt with its time; raises the queued failures per chat first."""

    clock: FakeClock
    failures: dict[int, list[Exception]] = field(default_factory=dict)
    attempts: list[tuple[float, int, str]] = field(default_factory=list)
    delivered: list[tuple[float, int, str]] = field(default_factory=list)

    def fail(self, chat_id: int, *errors: Exception) -> None:
        self.failures.setdefault(chat_id, []).extend(errors)

    async def send(self, chat_id: int, message: str) -> None:
        self.attempts.append((self.clock.time, chat_id, message))
        queued = self.failures.get(chat_id)
        if queued:
            raise queued.pop(0)
        self.delivered.append((self.clock.time, chat_id, message))


def schedule(records: Iterable[tuple[float, int, str]]) -> list[tuple[float, str]]:
    """(time rounded to the millisecond, message) pairs, for readable assertions."""
    return [(round(moment, 3), message) for moment, _chat, message in records]
