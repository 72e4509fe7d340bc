"""Telegram updates translated into the conversation's neutral messages.

Only what the conversation needs crosses over: the chat, the sender, the text, whether the bot
was spoken to, the button data. Channels and service messages (someone joined a group, a pinned
message, ...) translate to None: nothing a person would expect an answer to.
"""

from __future__ import annotations

from telegram import Bot, InlineKeyboardMarkup, Message, MessageEntity
from telegram import Chat as TelegramChat
from telegram import User as TelegramUser
from telegram.constants import ChatType as TelegramChatType

from bot.conversation import (
    Button,
    Chat,
    ChatType,
    Incoming,
    Keyboard,
    OtherMessage,
    TextMessage,
)


def chat_of(chat: TelegramChat | None, user: TelegramUser | None) -> Chat | None:
    """The conversation's chat; None for channels, which the bot does not talk in."""
    if chat is None:
        return None
    user_id = user.id if user is not None else None
    first_name = valid_text(user.first_name) if user is not None and user.first_name else None
    if chat.type == TelegramChatType.PRIVATE:
        return Chat(chat.id, ChatType.PRIVATE, user_id, first_name)
    if chat.type in (TelegramChatType.GROUP, TelegramChatType.SUPERGROUP):
        return Chat(chat.id, ChatType.GROUP, user_id, first_name)
    return None


def incoming_message(message: Message, bot: Bot) -> Incoming | None:
    chat = chat_of(message.chat, message.from_user)
    if chat is None:
        return None
    if message.from_user is not None and message.from_user.id == bot.id:
        return None  # our own message, e.g. relayed through a linked group
    addressed = is_addressed(message, bot)
    if message.text is not None:
        replied = message.reply_to_message
        reply_to = replied.message_id if replied is not None and _from(replied, bot) else None
        return TextMessage(chat, valid_text(message.text), addressed, bot.username, reply_to)
    attachment = message.effective_attachment
    if attachment is None:
        return None  # a service message
    what = "photo" if isinstance(attachment, tuple) else type(attachment).__name__.lower()
    return OtherMessage(chat, what, addressed)


def is_addressed(message: Message, bot: Bot) -> bool:
    """Whether the message mentions the bot or replies to one of its messages."""
    replied = message.reply_to_message
    if replied is not None and _from(replied, bot):
        return True
    handle = f"@{bot.username}".casefold() if bot.username else None
    text = message.text if message.text is not None else message.caption or ""
    entities = message.entities if message.text is not None else message.caption_entities
    for entity in entities:
        if entity.type == MessageEntity.MENTION:
            mentioned = handle is not None and _entity_text(text, entity).casefold() == handle
        else:  # a text_mention names a user directly
            mentioned = entity.user is not None and entity.user.id == bot.id
        if mentioned:
            return True
    return False


def _from(message: Message, bot: Bot) -> bool:
    return message.from_user is not None and message.from_user.id == bot.id


def keyboard_of(markup: InlineKeyboardMarkup | None) -> Keyboard:
    """The callback buttons of a message's inline keyboard (link buttons are left out)."""
    if markup is None:
        return ()
    rows = (
        tuple(
            Button(button.text, valid_text(button.callback_data))
            for button in row
            if isinstance(button.callback_data, str)
        )
        for row in markup.inline_keyboard
    )
    return tuple(row for row in rows if row)


def _entity_text(text: str, entity: MessageEntity) -> str:
    """The text an entity covers; offsets count UTF-16 code units. Never raises."""
    encoded = text.encode("utf-16-le", "surrogatepass")
    part = encoded[entity.offset * 2 : (entity.offset + entity.length) * 2]
    return part.decode("utf-16-le", "replace")


def valid_text(text: str) -> str:
    """Text that can be encoded again: lone surrogates (possible in JSON) become "?"."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text
