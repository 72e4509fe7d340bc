"""What a failed send means for the pacer, decided without importing telegram.

The pacer takes a `Classifier`: a function from the exception a send raised to a `Failure`.
`classify` is the default. It recognises python-telegram-bot's errors by class name (anywhere
in the exception's class hierarchy) and attributes, so bot.delivery stays free of Telegram
imports and any other channel can raise look-alike exceptions (or pass its own classifier).

The question behind each kind is "could the message have arrived?", because the bot must never
send a message twice:

* RetryAfter (flood control, has `retry_after`): Telegram refused it; wait exactly that long and
  send the same message again.
* Forbidden (blocked, kicked) and BadRequest "chat not found": the chat is gone; deactivate it.
* Other BadRequest, InvalidToken, ChatMigrated, Conflict and anything not from the channel (a bug
  in our code): it will not work by trying again; give up.
* TimedOut and connection errors while waiting for the answer: Telegram may have the message;
  never resend it ("uncertain"). Timeouts and errors before anything was sent (connecting, or
  waiting for a free connection in the pool) and error answers from Telegram (5xx) are safe to
  retry ("transient").
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class FailureKind(StrEnum):
    RETRY_AFTER = "retry_after"  # refused by flood control: wait `retry_after`, then resend
    BLOCKED = "blocked"  # the chat blocked the bot or is gone: deactivate it
    TRANSIENT = "transient"  # not sent, may work later: retry a few times
    UNCERTAIN = "uncertain"  # may have arrived: never resend
    PERMANENT = "permanent"  # will not work: give up


@dataclass(frozen=True, slots=True)
class Failure:
    kind: FailureKind
    retry_after: float = 0.0  # seconds, for RETRY_AFTER
    reason: str = ""  # the exception's class name, for logs (never message texts)


Classifier = Callable[[Exception], Failure]

_NOT_SENT_CAUSES = frozenset({"ConnectError", "ConnectTimeout", "PoolTimeout"})


def classify(error: Exception) -> Failure:
    """The default classifier: python-telegram-bot's exceptions, matched by name."""
    names = _class_names(error)
    reason = type(error).__name__
    retry_after = _retry_after(error)
    if retry_after is not None:
        return Failure(FailureKind.RETRY_AFTER, _seconds(retry_after), reason)
    if "Forbidden" in names:
        return Failure(FailureKind.BLOCKED, reason=reason)
    if "BadRequest" in names:
        gone = "chat not found" in str(error).lower()
        return Failure(FailureKind.BLOCKED if gone else FailureKind.PERMANENT, reason=reason)
    if "TimedOut" in names or "NetworkError" in names:
        return Failure(_network_failure(error, timed_out="TimedOut" in names), reason=reason)
    return Failure(FailureKind.PERMANENT, reason=reason)


def _network_failure(error: Exception, *, timed_out: bool) -> FailureKind:
    cause = error.__cause__
    if cause is not None and type(cause).__name__ in _NOT_SENT_CAUSES:
        return FailureKind.TRANSIENT
    if cause is None and not timed_out:
        return FailureKind.TRANSIENT  # Telegram answered with an error (e.g. 502): not sent
    return FailureKind.UNCERTAIN


def _retry_after(error: Exception) -> object:
    # python-telegram-bot 22 warns that `retry_after` will become a timedelta; either is fine.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return getattr(error, "retry_after", None)


def _class_names(error: Exception) -> set[str]:
    return {cls.__name__ for cls in type(error).__mro__}


def _seconds(value: object) -> float:
    if isinstance(value, timedelta):
        return max(0.0, value.total_seconds())
    if isinstance(value, int | float):
        return max(0.0, float(value))
    return 0.0
