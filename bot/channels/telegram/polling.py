"""getUpdates that cannot make the bot deaf: unreadable updates are skipped, and a bot that can
no longer poll (a revoked token, minutes of failures) ends instead of staying up doing nothing.

PTB's own `get_updates` parses the whole batch at once: one update it cannot read (a message
without `date`) fails the batch, is logged at CRITICAL with every user text in it, and is
fetched again at once, forever. `PollingBot.get_updates` reads each update on its own; one that
fails becomes an empty `Update` with the same id (no handler matches it, and the offset moves
past it), logged once by id and error type, never by content.

`PollingWatch` hears about every poll. A 401/404 (InvalidToken: the token was revoked) or
failures for `GIVE_UP_AFTER` in a row give polling up: `run_polling` stops the Application and
the process exits 1, so systemd or Docker restart it (or a person looks at it).

The last getUpdates at shutdown, which only confirms the updates already handled, gets short
time-outs and fails quietly: stopping must not wait on it (`docker stop` allows 10 s).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE, DefaultValue
from telegram._utils.types import JSONDict, ODVInput
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import ExtBot
from telegram.request import BaseRequest

logger = logging.getLogger(__name__)

GIVE_UP_AFTER = 300.0  # seconds of failed polls in a row before the process gives up
STOP_READ_TIMEOUT = 1.0  # the confirming getUpdates at shutdown
STOP_POOL_TIMEOUT = 0.5
FATAL_PAUSE = 1.0  # after a fatal error, while the Application stops: no busy loop

Monotonic = Callable[[], float]


class PollingWatch:
    """Counts polls that fail in a row; tells `when_given_up` callbacks once when polling
    cannot go on. `fatal` is then the reason, one Norwegian sentence for the operator."""

    def __init__(self, *, give_up_after: float = GIVE_UP_AFTER, clock: Monotonic = time.monotonic):
        self.give_up_after = give_up_after
        self.clock = clock
        self._on_fatal: list[Callable[[str], None]] = []
        self.fatal: str | None = None  # why polling was given up (Norwegian), once it was
        self._failing_since: float | None = None

    def when_given_up(self, callback: Callable[[str], None]) -> None:
        """`callback(reason)` once polling is given up (the Application is to stop)."""
        self._on_fatal.append(callback)

    def succeeded(self) -> None:
        if self._failing_since is not None:
            logger.info("Polling works again")
        self._failing_since = None

    def failed(self, error: TelegramError) -> None:
        now = self.clock()
        if self._failing_since is None:
            self._failing_since = now
        failing_for = now - self._failing_since
        logger.warning("Polling failed (%s); failing for %.0f s", type(error).__name__, failing_for)
        if failing_for >= self.give_up_after:
            self.give_up(
                f"Fikk ikke hentet meldinger fra Telegram på {failing_for / 60:.0f} minutter "
                f"({type(error).__name__}); boten avslutter så den kan startes på nytt. "
                "(Polling failed for too long.)"
            )

    def rejected(self) -> None:
        self.give_up(
            "Telegram godtar ikke lenger TELEGRAM_BOT_TOKEN (svarte 401 på getUpdates); boten "
            "avslutter. Sjekk tokenen hos @BotFather. (Telegram rejected the token while polling.)"
        )

    def give_up(self, reason: str) -> None:
        if self.fatal is not None:
            return
        self.fatal = reason
        logger.error("Giving up polling; stopping, to exit 1")  # the reason goes to stderr
        for callback in self._on_fatal:
            callback(reason)


class PollingBot(ExtBot[None]):
    """The Application's bot: PTB's ExtBot with the tolerant, watched `get_updates`."""

    __slots__ = ("_poll_read_timeout", "watch")

    def __init__(
        self,
        token: str,
        *,
        watch: PollingWatch,
        request: BaseRequest,
        get_updates_request: BaseRequest,
        **kwargs: Any,
    ) -> None:
        super().__init__(token, request=request, get_updates_request=get_updates_request, **kwargs)
        with self._unfrozen():  # PTB freezes its bots after __init__
            self.watch = watch
            self._poll_read_timeout = get_updates_request.read_timeout or 0.0

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: int | timedelta | None = None,
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
        api_kwargs: JSONDict | None = None,
    ) -> tuple[Update, ...]:
        wait = timeout.total_seconds() if isinstance(timeout, timedelta) else float(timeout or 0)
        confirming = wait == 0  # PTB's last call at shutdown
        if confirming:
            read_timeout, pool_timeout = STOP_READ_TIMEOUT, STOP_POOL_TIMEOUT
        if isinstance(read_timeout, DefaultValue):
            total_read = self._poll_read_timeout + wait
        else:
            total_read = float(read_timeout or 0) + wait
        data: JSONDict = {
            "timeout": timeout,
            "offset": offset,
            "limit": limit,
            "allowed_updates": allowed_updates,
        }
        try:
            result = await self._post(
                "getUpdates",
                data,
                read_timeout=total_read,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
                api_kwargs=api_kwargs,
            )
        except InvalidToken:
            self.watch.rejected()
            await asyncio.sleep(FATAL_PAUSE)  # cancelled as the Application stops
            return ()
        except TelegramError as error:
            if confirming:
                logger.info(
                    "Could not confirm the last updates while stopping (%s); Telegram sends "
                    "any unconfirmed ones again at the next start",
                    type(error).__name__,
                )
                return ()
            self.watch.failed(error)
            if self.watch.fatal is not None:
                await asyncio.sleep(FATAL_PAUSE)
                return ()
            raise
        if not isinstance(result, list):  # not what the Bot API sends: count it as a failure
            self.watch.failed(NetworkError(f"getUpdates answered {type(result).__name__}"))
            await asyncio.sleep(FATAL_PAUSE)  # PTB would poll again at once
            return ()
        self.watch.succeeded()
        read = (self._read(update) for update in result if isinstance(update, dict))
        updates = tuple(update for update in read if update is not None)
        for update in updates:
            self.insert_callback_data(update)
        return updates

    def _read(self, data: JSONDict) -> Update | None:
        """The update, or an empty one with its id (so the offset moves past it)."""
        try:
            return Update.de_json(data, self)
        except Exception as error:
            update_id = data.get("update_id")
            logger.warning(
                "Skipped update %s: it could not be read (%s)", update_id, type(error).__name__
            )
            return Update(update_id) if isinstance(update_id, int) else None
