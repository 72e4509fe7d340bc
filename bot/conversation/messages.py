"""What goes in and out of a conversation, described without any channel's vocabulary.

An adapter turns a Telegram update (or a terminal line) into one of the `Incoming` types and
renders the `Response` it gets back: Telegram as HTML with inline keyboards, the terminal as
plain text with numbered choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChatType(StrEnum):
    PRIVATE = "private"
    GROUP = "group"  # groups and supergroups: the bot speaks only when spoken to


@dataclass(frozen=True, slots=True)
class Chat:
    """Where a message came from, and who sent it."""

    id: int
    type: ChatType = ChatType.PRIVATE
    user_id: int | None = None
    first_name: str | None = None  # the sender's first name, only for a hand-over to a person
    # Groups: the sender is one of the group's own administrators (Telegram: creator or
    # administrator, asked by the adapter). Private chats: the sender owns the chat anyway.
    sender_is_admin: bool = False

    @property
    def is_private(self) -> bool:
        return self.type is ChatType.PRIVATE

    @property
    def sender_manages(self) -> bool:
        """Whether the sender may change or delete what the chat receives and has stored."""
        return self.is_private or self.sender_is_admin


@dataclass(frozen=True, slots=True)
class Button:
    """A button under a message: it calls back with `data`, or, with a `url`, opens a link."""

    label: str
    data: str  # callback data made by `bot.conversation.callbacks.encode`; "" for a link
    url: str | None = None  # a link button (registration, more information)

    @classmethod
    def link(cls, label: str, url: str) -> Button:
        return cls(label, "", url)


Keyboard = tuple[tuple[Button, ...], ...]  # rows of buttons


@dataclass(frozen=True, slots=True)
class TextMessage:
    """A text message: a question, a command or small talk."""

    chat: Chat
    text: str
    addressed: bool = False  # it mentions the bot or replies to one of the bot's messages
    bot_username: str | None = None  # without "@"; decides whether `/cmd@name` is for us
    reply_to: int | None = None  # the id of the bot's message this one replies to, if any


@dataclass(frozen=True, slots=True)
class OtherMessage:
    """Something the bot cannot read: a sticker, photo, voice message, location, ..."""

    chat: Chat
    what: str  # e.g. "sticker"; for logs only
    addressed: bool = False


@dataclass(frozen=True, slots=True)
class ButtonPress:
    """A press on one of the bot's buttons, with the data the button carried (maybe garbage)."""

    chat: Chat
    data: str | None
    buttons: Keyboard = ()  # the buttons of the message it was pressed on, where known


Incoming = TextMessage | OtherMessage | ButtonPress


@dataclass(frozen=True, slots=True)
class Document:
    """A file to send, e.g. a calendar file (.ics)."""

    filename: str
    content: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class Photo:
    """A picture to send, e.g. the statistics chart (PNG)."""

    filename: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message from the bot.

    `title` is shown emphasised above the text and `footer` (the source line) de-emphasised
    below it; the channel chooses how. `replace` asks to replace the message whose button was
    pressed instead of sending a new one, where the channel can.
    """

    text: str
    title: str | None = None
    footer: str | None = None
    buttons: Keyboard = ()
    document: Document | None = None
    replace: bool = False
    photo: Photo | None = None  # sent as a picture with the text as its caption


@dataclass(frozen=True, slots=True)
class Response:
    """Everything the bot does in answer to one incoming message or button press.

    `notice` is the short confirmation shown where a button was pressed; a channel answers every
    button press, with the notice or without. `keyboard` replaces the buttons of the message
    the button was pressed on (`()` removes them; None leaves them). A response with no
    messages, no notice and no keyboard is silence.
    """

    messages: tuple[Outgoing, ...] = ()
    notice: str | None = None
    keyboard: Keyboard | None = None

    @property
    def is_silent(self) -> bool:
        return not self.messages and self.notice is None and self.keyboard is None


SILENCE = Response()


def say(message: Outgoing, notice: str | None = None) -> Response:
    return Response((message,), notice)


@dataclass(frozen=True, slots=True)
class InlineAnswer:
    """One answer offered in inline mode (`@bot spørsmål` in any chat)."""

    id: str  # unique within one list, at most 64 bytes
    title: str
    description: str
    message: Outgoing
