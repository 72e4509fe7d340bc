"""send_with_retry: bounded, honours flood waits, never retries what cannot succeed."""

from __future__ import annotations

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.channels.telegram.sending import send_with_retry


class Flaky:
    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "sendt"


class Sleeps:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


async def test_success_needs_no_retry() -> None:
    sleeps = Sleeps()
    assert await send_with_retry(Flaky(), sleep=sleeps) == "sendt"
    assert sleeps.waits == []


async def test_flood_wait_is_honoured() -> None:
    sleeps = Sleeps()
    call = Flaky(RetryAfter(7))
    assert await send_with_retry(call, sleep=sleeps) == "sendt"
    assert sleeps.waits == [7.0]


async def test_network_errors_back_off_exponentially() -> None:
    sleeps = Sleeps()
    call = Flaky(TimedOut(), NetworkError("reset"), NetworkError("reset"))
    assert await send_with_retry(call, sleep=sleeps, attempts=4, first_delay=0.5) == "sendt"
    assert sleeps.waits == [0.5, 1.0, 2.0]


async def test_attempts_are_bounded() -> None:
    sleeps = Sleeps()
    call = Flaky(*[TimedOut() for _ in range(10)])
    with pytest.raises(TimedOut):
        await send_with_retry(call, sleep=sleeps, attempts=3)
    assert call.calls == 3


async def test_a_very_long_flood_wait_is_not_waited_for() -> None:
    sleeps = Sleeps()
    with pytest.raises(RetryAfter):
        await send_with_retry(Flaky(RetryAfter(3600)), sleep=sleeps)
    assert sleeps.waits == []


@pytest.mark.parametrize("error", [BadRequest("chat not found"), Forbidden("blocked")])
async def test_hopeless_errors_are_raised_at_once(error: Exception) -> None:
    call = Flaky(error)
    with pytest.raises(type(error)):
        await send_with_retry(call, sleep=Sleeps())
    assert call.calls == 1
