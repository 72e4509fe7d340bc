"""Sending with bounded retries, and delivering a conversation's messages to a chat.

A message is never sent twice. What a failure means is decided as for broadcasts
(bot.delivery.failures.classify): flood control (`RetryAfter`) is waited out, however long
Telegram asks (up to an hour), and the message is then sent; a send that surely did not reach
Telegram (the connection failed before anything was sent, or Telegram answered 5xx) is retried
with exponential back-off; a time-out while waiting for the answer, or a connection lost after
the request went out, may mean the message arrived, so it is raised, not resent. Calls that
change nothing when done twice (editing, answering a button, the command menu) pass
`idempotent=True` and are retried after those too. `Forbidden` (the user blocked the bot) and
`BadRequest` are raised at once: retrying cannot help.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial
from typing import TypeVar

from telegram import Bot, InputFile, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.channels.telegram.render import (
    CAPTION_LIMIT,
    ButtonsJson,
    keyboard,
    render_html,
    reply_markup,
)
from bot.conversation import Keyboard, Outgoing
from bot.delivery.failures import FailureKind, classify

T = TypeVar("T")
logger = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_DELAY = 0.5  # seconds before the first retry after a network error; doubles each time
MAX_DELAY = 8.0
MAX_FLOOD_WAIT = 3600.0  # a reply is kept through flood waits up to an hour
FLOOD_WAITS = 5  # flood waits for one message, on top of `attempts`
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

Sleep = Callable[[float], Awaitable[None]]


async def send_with_retry(
    call: Callable[[], Awaitable[T]],
    *,
    attempts: int = ATTEMPTS,
    first_delay: float = FIRST_DELAY,
    sleep: Sleep = asyncio.sleep,
    idempotent: bool = False,
) -> T:
    """Await `call()`: flood waits are waited out, failures that surely did not reach Telegram
    are retried (`attempts` in all), and so are uncertain ones when `idempotent`. Anything
    else, or the last failure, is raised."""
    delay = first_delay
    attempt = floods = 0
    while True:
        try:
            return await call()
        except BadRequest:
            raise  # a subclass of NetworkError, but the request itself is wrong
        except RetryAfter as error:
            wait = retry_after_seconds(error)
            floods += 1
            if floods > FLOOD_WAITS or wait > MAX_FLOOD_WAIT:
                raise
            logger.warning("Flood control: sending in %.1f s", wait)
            await sleep(wait)
        except Exception as error:
            kind = classify(error).kind
            retry = kind is FailureKind.TRANSIENT or (idempotent and kind is FailureKind.UNCERTAIN)
            attempt += 1
            if not retry or attempt >= attempts:
                raise
            logger.warning(
                "%s; retrying in %.1f s (attempt %d)", type(error).__name__, delay, attempt
            )
            await sleep(delay)
            delay = min(delay * 2, MAX_DELAY)


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns that the int form is deprecated
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Sender:
    """Puts `Outgoing` messages into a chat: split, with buttons on the last part."""

    def __init__(self, bot: Bot, *, sleep: Sleep = asyncio.sleep) -> None:
        self.bot = bot
        self.sleep = sleep

    async def _retry(self, call: Callable[[], Awaitable[T]], *, idempotent: bool = False) -> T:
        return await send_with_retry(call, sleep=self.sleep, idempotent=idempotent)

    async def send(
        self, chat_id: int, message: Outgoing, reply_to: int | None = None
    ) -> tuple[int, ...]:
        """Send the message (in several parts if it is long); the ids of the messages sent."""
        attached = message.photo or message.document
        if attached is not None:
            send = self.bot.send_photo if message.photo is not None else self.bot.send_document
            file = InputFile(attached.content, filename=attached.filename, attach=True)
            return await self._send_file(chat_id, message, reply_to, send, file)
        texts = render_html(message)
        sent = []
        for number, text in enumerate(texts):
            last = number == len(texts) - 1
            sent.append(
                await self._send_text(
                    chat_id, text, message if last else None, reply_to if number == 0 else None
                )
            )
        return tuple(part.message_id for part in sent)

    async def edit_buttons(self, chat_id: int, message_id: int, buttons: Keyboard) -> None:
        """Replace the buttons under a message (`()` removes them)."""
        call = partial(
            self.bot.edit_message_reply_markup,
            chat_id=chat_id,
            message_id=message_id,
            api_kwargs=_with_buttons(reply_markup(buttons)),
        )
        try:
            await self._retry(call, idempotent=True)
        except BadRequest as error:  # "message is not modified", or too old to edit
            logger.info("Could not change the buttons in chat %s: %s", chat_id, error)

    async def replace(self, chat_id: int, message_id: int, message: Outgoing) -> None:
        """Edit the message a button was pressed on; send anew when it cannot be edited."""
        texts = render_html(message)
        if message.document is not None or not texts:
            await self.send(chat_id, message)
            return
        markup = keyboard(message) if len(texts) == 1 else None
        edit = partial(
            self.bot.edit_message_text,
            texts[0],
            chat_id=chat_id,
            message_id=message_id,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            api_kwargs=_with_buttons(markup),
        )
        try:
            await self._retry(edit, idempotent=True)
        except BadRequest as error:
            if "not modified" not in str(error).lower():
                logger.info("Could not edit message in chat %s (%s); sending anew", chat_id, error)
                await self.send(chat_id, message)
            return
        for number, text in enumerate(texts[1:], start=2):
            await self._send_text(chat_id, text, message if number == len(texts) else None, None)

    async def _send_text(
        self, chat_id: int, text: str, with_buttons_of: Outgoing | None, reply_to: int | None
    ) -> Message:
        call = partial(
            self.bot.send_message,
            chat_id,
            text,
            parse_mode=ParseMode.HTML,
            reply_parameters=_reply_to(reply_to),
            link_preview_options=NO_PREVIEW,
            api_kwargs=_with_buttons(keyboard(with_buttons_of) if with_buttons_of else None),
        )
        return await self._retry(call)

    async def _send_file(
        self,
        chat_id: int,
        message: Outgoing,
        reply_to: int | None,
        send: Callable[..., Awaitable[Message]],
        file: InputFile,
    ) -> tuple[int, ...]:
        """A document or photo with an HTML caption (a too-long caption goes first as text)."""
        caption, sent = await self._caption(chat_id, message, reply_to)
        call = partial(
            send,
            chat_id,
            file,
            caption=caption,
            parse_mode=ParseMode.HTML if caption else None,
            reply_parameters=_reply_to(None if sent else reply_to),
            api_kwargs=_with_buttons(keyboard(message)),
        )
        return (*sent, (await self._retry(call)).message_id)

    async def _caption(
        self, chat_id: int, message: Outgoing, reply_to: int | None
    ) -> tuple[str | None, tuple[int, ...]]:
        """The caption for a file, or None after sending a text too long for a caption."""
        captions = render_html(message, CAPTION_LIMIT)
        if len(captions) <= 1:
            return (captions[0] if captions else None), ()
        sent = []
        for text in render_html(message):
            sent.append((await self._send_text(chat_id, text, None, reply_to)).message_id)
            reply_to = None
        return None, tuple(sent)


def _reply_to(message_id: int | None) -> ReplyParameters | None:
    if message_id is None:
        return None
    return ReplyParameters(message_id, allow_sending_without_reply=True)


def _with_buttons(markup: ButtonsJson | None) -> dict[str, object] | None:
    """PTB's `api_kwargs` that put the buttons under a message (render.reply_markup)."""
    return None if markup is None else {"reply_markup": markup}
