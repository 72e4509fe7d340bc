"""PollingBot and PollingWatch in-process: minutes of failed polls give polling up (the
process then exits 1, see test_polling_faults for the real process), one good poll resets."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from telegram.error import NetworkError

from bot.channels.telegram.polling import GIVE_UP_AFTER, PollingBot, PollingWatch
from tests.channels.fake_request import FakeRequest
from tests.fake_bot_api import TOKEN, BotApi, Failure


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_polling_is_given_up_after_minutes_of_failures_in_a_row() -> None:
    clock = Clock()
    watch = PollingWatch(clock=clock)
    reasons: list[str] = []
    watch.when_given_up(reasons.append)
    for _ in range(10):  # a failure every 30 s: still under the limit
        watch.failed(NetworkError("Bad Gateway"))
        clock.now += 29
    assert watch.fatal is None
    watch.succeeded()  # one poll got through: the count starts again
    clock.now += 1
    watch.failed(NetworkError("Bad Gateway"))
    clock.now += GIVE_UP_AFTER
    watch.failed(NetworkError("Bad Gateway"))
    assert reasons and "5 minutter" in reasons[0]
    watch.failed(NetworkError("Bad Gateway"))
    assert len(reasons) == 1  # told once


async def test_the_bot_reports_failed_polls_to_its_watch() -> None:
    api = BotApi()
    clock = Clock()
    watch = PollingWatch(clock=clock, give_up_after=60)
    bot = PollingBot(
        TOKEN, watch=watch, request=FakeRequest(api), get_updates_request=FakeRequest(api)
    )
    async with bot:
        for _ in range(2):
            api.fail_next("getUpdates", Failure(502, "Bad Gateway"))
        with contextlib.suppress(NetworkError):  # PTB's retry loop backs off and polls again
            await bot.get_updates(timeout=timedelta(seconds=0.1))
        clock.now += 61
        poll = timedelta(seconds=0.1)
        assert await bot.get_updates(timeout=poll) == ()  # given up: no more errors raised
    assert watch.fatal is not None and "Fikk ikke hentet meldinger" in watch.fatal
