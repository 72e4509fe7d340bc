"""PTB handlers: translate an Update for the conversation and carry its Response back.

No decisions about *what* to say are made here; that is the conversation's job. This module
decides *how*: reply threading in groups, editing the message a button was pressed on, always
answering button presses, keeping one chat's replies in order while other chats run in parallel.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from telegram import (
    CallbackQuery,
    ChatMember,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.channels.telegram.admins import GroupAdmins
from bot.channels.telegram.render import render_html
from bot.channels.telegram.sending import Sender, send_with_retry
from bot.channels.telegram.translate import chat_of, incoming_message, keyboard_of, valid_text
from bot.conversation import (
    ButtonPress,
    Chat,
    ChatStatus,
    ChatType,
    Conversation,
    Incoming,
    Outgoing,
    Response,
    texts,
)

logger = logging.getLogger(__name__)

INLINE_CACHE_SECONDS = 60  # answers depend on the date, so keep the cache short
UPDATE_TYPES = [
    Update.MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
    Update.MY_CHAT_MEMBER,
]  # the updates the bot asks Telegram for; edited messages and channel posts are not needed

PtbContext = ContextTypes.DEFAULT_TYPE


class ChatLocks:
    """One lock per chat with pending work, so a chat's replies keep their order."""

    def __init__(self) -> None:
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        lock, users = self._locks.get(chat_id, (asyncio.Lock(), 0))
        self._locks[chat_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[chat_id]
            if users == 1:
                del self._locks[chat_id]
            else:
                self._locks[chat_id] = (lock, users - 1)

    def __len__(self) -> int:
        return len(self._locks)


InteractionHook = Callable[[int], None]  # told the chat id of every interactive reply


class TelegramHandlers:
    def __init__(
        self,
        conversation: Conversation,
        chats: ChatStatus,
        on_interaction: InteractionHook | None = None,
    ) -> None:
        self.conversation = conversation
        self.chats = chats
        self.on_interaction = on_interaction  # e.g. the delivery pacer's note_interactive
        self.locks = ChatLocks()
        self.group_admins = GroupAdmins()  # who may change a group's subscriptions

    def install(self, application: Application[Any, PtbContext, Any, Any, Any, Any]) -> None:
        # Only `update.message`: edited messages and channel posts get no handler, so silence.
        application.add_handler(MessageHandler(filters.UpdateType.MESSAGE, self.on_message))
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(InlineQueryHandler(self.on_inline_query))
        application.add_handler(ChatMemberHandler(self.on_membership))
        application.add_error_handler(self.on_error)

    async def on_message(self, update: Update, context: PtbContext) -> None:
        message = update.message
        if message is None:
            return
        incoming = incoming_message(message, context.bot)
        if incoming is None:
            return
        chat = incoming.chat
        async with self.locks.hold(chat.id):
            self._seen(chat.id)
            if self.conversation.needs_admin_status(incoming):
                incoming = await self.group_admins.complete(incoming, context.bot, message)
            response = await self.conversation.handle(incoming)
            self._interacted(chat.id, response)
            reply_to = None if chat.is_private else message.message_id
            sender = Sender(context.bot)
            for outgoing in response.messages:
                await sender.send(chat.id, outgoing, reply_to)
                reply_to = None

    async def on_button(self, update: Update, context: PtbContext) -> None:
        """Every press is answered (the client shows a spinner until it is), even on errors."""
        query = update.callback_query
        if query is None:
            return
        shown_on = query.message if isinstance(query.message, Message) else None
        chat = chat_of(shown_on.chat if shown_on else None, query.from_user)
        chat = chat or Chat(query.from_user.id, ChatType.PRIVATE, query.from_user.id)
        async with self.locks.hold(chat.id):
            self._seen(chat.id)
            try:
                data = valid_text(query.data) if query.data is not None else None
                buttons = keyboard_of(shown_on.reply_markup) if shown_on is not None else ()
                press: Incoming = ButtonPress(chat, data, buttons)
                if self.conversation.needs_admin_status(press):
                    press = await self.group_admins.complete(press, context.bot, None)
                response = await self.conversation.handle(press)
            except Exception:
                await _answer_button(query, texts.SOMETHING_WENT_WRONG)
                raise
            await _answer_button(query, response.notice)
            self._interacted(chat.id, response)
            await self._deliver_button_response(context, chat, shown_on, response)

    async def _deliver_button_response(
        self, context: PtbContext, chat: Chat, shown_on: Message | None, response: Response
    ) -> None:
        sender = Sender(context.bot)
        if response.keyboard is not None and shown_on is not None:
            await sender.edit_buttons(chat.id, shown_on.message_id, response.keyboard)
        for outgoing in response.messages:
            if outgoing.replace and shown_on is not None:
                await sender.replace(chat.id, shown_on.message_id, outgoing)
            else:
                await sender.send(chat.id, outgoing)

    async def on_inline_query(self, update: Update, context: PtbContext) -> None:
        query = update.inline_query
        if query is None:
            return
        results = [
            InlineQueryResultArticle(
                id=answer.id,
                title=answer.title,
                description=answer.description or None,
                input_message_content=InputTextMessageContent(
                    _inline_text(answer.message), parse_mode=ParseMode.HTML
                ),
            )
            for answer in self.conversation.inline(valid_text(query.query))
        ]
        call = partial(query.answer, results, cache_time=INLINE_CACHE_SECONDS, is_personal=False)
        try:
            await send_with_retry(call, idempotent=True)
        except BadRequest as error:  # typically "query is too old": the user typed on
            logger.debug("Inline answer dropped: %s", error)

    async def on_membership(self, update: Update, context: PtbContext) -> None:
        """A user blocking (or unblocking) the bot, or the bot leaving a group."""
        change = update.my_chat_member
        if change is None:
            return
        status = change.new_chat_member.status
        if status in (ChatMember.BANNED, ChatMember.LEFT):
            self.chats.mark_inactive(change.chat.id)
        elif status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR):
            self.chats.mark_active(change.chat.id)

    async def on_error(self, update: object, context: PtbContext) -> None:
        """Log with context (never message text or the token); a blocked chat goes inactive."""
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        chat = update.effective_chat if isinstance(update, Update) else None
        chat_id = chat.id if chat is not None else None
        if isinstance(error, Forbidden) and chat_id is not None:
            self.chats.mark_inactive(chat_id)
            logger.info("Chat %s has blocked or removed the bot; marked inactive", chat_id)
            return
        if update is None and context.job is None and isinstance(error, TelegramError):
            return  # a failed poll: logged (and counted) by bot.channels.telegram.polling
        if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
            logger.warning(  # bot.channels.telegram.sending: a send that may have arrived
                "Reply in chat %s (update %s) not confirmed by Telegram (%s); not sent again",
                chat_id,
                update_id,
                type(error).__name__,
            )
            return
        if context.job is not None:
            logger.error(
                "Error in job %s: %s", context.job.name, type(error).__name__, exc_info=error
            )
            return
        logger.error(
            "Error while handling update %s in chat %s: %s",
            update_id,
            chat_id,
            type(error).__name__,
            exc_info=error,
        )
        if chat is not None and chat.type == chat.PRIVATE and not isinstance(error, TelegramError):
            await _apologise(context, chat.id)

    def _interacted(self, chat_id: int, response: Response) -> None:
        if self.on_interaction is not None and response.messages:
            self.on_interaction(chat_id)

    def _seen(self, chat_id: int) -> None:
        if not self.chats.is_active(chat_id):
            self.chats.mark_active(chat_id)


async def _answer_button(query: CallbackQuery, notice: str | None) -> None:
    """Answer a button press. Failing to (a press too old, the network) must not stop the
    answer itself from being delivered."""
    try:
        await send_with_retry(partial(query.answer, notice), idempotent=True)
    except TelegramError as error:
        logger.info("Could not answer a button press: %s", type(error).__name__)


async def _apologise(context: PtbContext, chat_id: int) -> None:
    try:
        await Sender(context.bot).send(chat_id, Outgoing(texts.SOMETHING_WENT_WRONG))
    except TelegramError:
        logger.warning("Could not tell chat %s about the error", chat_id)


def _inline_text(message: Outgoing) -> str:
    """Inline results are one message: the first part, marked when something was cut."""
    parts = render_html(message, limit=4000)
    return parts[0] + ("\n…" if len(parts) > 1 else "") if parts else "…"
