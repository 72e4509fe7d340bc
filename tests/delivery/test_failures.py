"""The default classifier against python-telegram-bot's real exceptions (the module itself does
not import telegram) and against look-alikes from another channel."""

from __future__ import annotations

import warnings
from datetime import timedelta

import httpx
import pytest
from telegram import error as tg

from bot.delivery.failures import Failure, FailureKind, classify
from tests.delivery import fakes


def caused_by(error: Exception, cause: Exception) -> Exception:
    error.__cause__ = cause
    return error


REQUEST = httpx.Request("POST", "https://api.telegram.org/bot/sendMessage")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (tg.Forbidden("Forbidden: bot was blocked by the user"), FailureKind.BLOCKED),
        (tg.BadRequest("Chat not found"), FailureKind.BLOCKED),
        (tg.BadRequest("Message is too long"), FailureKind.PERMANENT),
        (tg.ChatMigrated(-100123), FailureKind.PERMANENT),
        (tg.InvalidToken(), FailureKind.PERMANENT),
        (tg.TimedOut(), FailureKind.UNCERTAIN),  # the request may have reached Telegram
        (
            caused_by(tg.TimedOut("Pool timeout"), httpx.PoolTimeout("pool")),
            FailureKind.TRANSIENT,  # never left the bot
        ),
        (
            caused_by(tg.TimedOut(), httpx.ConnectTimeout("connect", request=REQUEST)),
            FailureKind.TRANSIENT,
        ),
        (
            caused_by(tg.TimedOut(), httpx.ReadTimeout("read", request=REQUEST)),
            FailureKind.UNCERTAIN,
        ),
        (
            caused_by(tg.NetworkError("httpx.ConnectError"), httpx.ConnectError("refused")),
            FailureKind.TRANSIENT,
        ),
        (
            caused_by(tg.NetworkError("httpx.ReadError"), httpx.ReadError("reset")),
            FailureKind.UNCERTAIN,
        ),
        (tg.NetworkError("Bad Gateway"), FailureKind.TRANSIENT),  # Telegram answered 502
        (ValueError("a bug in our code"), FailureKind.PERMANENT),
    ],
)
def test_telegram_errors(error: Exception, kind: FailureKind) -> None:
    assert classify(error).kind is kind
    assert classify(error).reason == type(error).__name__


def test_retry_after_in_seconds_without_a_deprecation_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB's own constructor warns
        whole, fraction = tg.RetryAfter(7), tg.RetryAfter(timedelta(seconds=2.5))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert classify(whole) == Failure(FailureKind.RETRY_AFTER, 7.0, "RetryAfter")
        assert classify(fraction).retry_after == 2.5


def test_look_alikes_from_another_channel() -> None:
    assert classify(fakes.RetryAfter(3)).kind is FailureKind.RETRY_AFTER
    assert classify(fakes.RetryAfter(timedelta(minutes=1))).retry_after == 60.0
    assert classify(fakes.Forbidden()).kind is FailureKind.BLOCKED
    assert classify(fakes.connect_error()).kind is FailureKind.TRANSIENT
    assert classify(fakes.TimedOut()).kind is FailureKind.UNCERTAIN


def test_a_nonsense_retry_after_means_no_wait() -> None:
    assert classify(fakes.RetryAfter(-5)).retry_after == 0.0
    error = fakes.RetryAfter(1)
    error.retry_after = "soon"  # type: ignore[assignment]
    assert classify(error).retry_after == 0.0
