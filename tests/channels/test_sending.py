"""send_with_retry: bounded, honours flood waits, never retries what cannot succeed, and never
sends again what may have arrived."""

from __future__ import annotations

import httpx
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


def not_sent(error: Exception, cause: Exception) -> Exception:
    """`error` as PTB raises it when httpx failed with `cause` (PTB chains it `from`)."""
    error.__cause__ = cause
    return error


def connect_failed() -> Exception:
    return not_sent(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused"))


def answer_late() -> Exception:
    return not_sent(TimedOut(), httpx.ReadTimeout("read"))


async def test_sends_that_surely_did_not_arrive_back_off_exponentially() -> None:
    sleeps = Sleeps()
    connect_timeout = not_sent(TimedOut(), httpx.ConnectTimeout("connect"))
    bad_gateway = NetworkError("Bad Gateway (502)")  # Telegram's answer: no httpx cause
    call = Flaky(connect_timeout, connect_failed(), bad_gateway)
    assert await send_with_retry(call, sleep=sleeps, attempts=4, first_delay=0.5) == "sendt"
    assert sleeps.waits == [0.5, 1.0, 2.0]


async def test_attempts_are_bounded() -> None:
    sleeps = Sleeps()
    call = Flaky(*[connect_failed() for _ in range(10)])
    with pytest.raises(NetworkError):
        await send_with_retry(call, sleep=sleeps, attempts=3)
    assert call.calls == 3


@pytest.mark.parametrize(
    "error",
    [answer_late(), not_sent(NetworkError("lost"), httpx.RemoteProtocolError("closed"))],
    ids=["the answer came too late", "the connection broke after sending"],
)
async def test_a_message_that_may_have_arrived_is_not_sent_again(error: Exception) -> None:
    call = Flaky(error)
    with pytest.raises(NetworkError):
        await send_with_retry(call, sleep=Sleeps())
    assert call.calls == 1


async def test_an_edit_is_repeated_after_a_late_answer_since_twice_changes_nothing() -> None:
    call = Flaky(answer_late())
    assert await send_with_retry(call, sleep=Sleeps(), idempotent=True) == "sendt"
    assert call.calls == 2


async def test_a_reply_is_kept_through_a_two_minute_flood_wait() -> None:
    sleeps = Sleeps()
    call = Flaky(RetryAfter(120))
    assert await send_with_retry(call, sleep=sleeps) == "sendt"
    assert sleeps.waits == [120.0]
    assert call.calls == 2


async def test_flood_waits_do_not_use_up_the_attempts() -> None:
    sleeps = Sleeps()
    call = Flaky(RetryAfter(30), connect_failed(), RetryAfter(30), connect_failed())
    assert await send_with_retry(call, sleep=sleeps, attempts=3, first_delay=0.5) == "sendt"
    assert sleeps.waits == [30.0, 0.5, 30.0, 1.0]


async def test_a_flood_wait_of_more_than_an_hour_is_not_waited_for() -> None:
    sleeps = Sleeps()
    with pytest.raises(RetryAfter):
        await send_with_retry(Flaky(RetryAfter(7200)), sleep=sleeps)
    assert sleeps.waits == []


@pytest.mark.parametrize("error", [BadRequest("chat not found"), Forbidden("blocked")])
async def test_hopeless_errors_are_raised_at_once(error: Exception) -> None:
    call = Flaky(error)
    with pytest.raises(type(error)):
        await send_with_retry(call, sleep=Sleeps())
    assert call.calls == 1
