"""What the conversation needs from outside, as small interfaces (Protocols).

Storage and delivery are built by other parts of the bot. The conversation only knows these
small interfaces; the composition root passes real implementations when they exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.conversation.commands import Context
from bot.conversation.messages import Chat, Outgoing, Response
from bot.core.knowledge import Entry
from bot.core.reply import Reply


class EventServices(Protocol):
    """Reminders and calendar files for one samling.

    When a conversation has one, every answer about a coming samling gets the buttons
    "🔔 Påminn meg" and "📅 Legg i kalender", which call these methods. The conversation has
    already checked that `event` is a samling that is neither over nor cancelled.
    """

    async def remind(self, context: Context, event: Entry) -> Response: ...

    async def calendar(self, context: Context, event: Entry) -> Response: ...


class ChatStatus(Protocol):
    """Which chats can be written to; a chat that blocked the bot is inactive."""

    def mark_inactive(self, chat_id: int) -> None: ...

    def mark_active(self, chat_id: int) -> None: ...

    def is_active(self, chat_id: int) -> bool: ...


class InMemoryChatStatus:
    """ChatStatus kept in memory, for a bot without storage (bot.subscriptions.book has the
    stored one).

    Forgets everything on restart, which is harmless: a blocked chat only fails once more.
    """

    def __init__(self) -> None:
        self.inactive: set[int] = set()

    def mark_inactive(self, chat_id: int) -> None:
        self.inactive.add(chat_id)

    def mark_active(self, chat_id: int) -> None:
        self.inactive.discard(chat_id)

    def is_active(self, chat_id: int) -> bool:
        return chat_id not in self.inactive


class QuestionLog(Protocol):
    """Where the conversation logs every question the engine answered (for the coordinators).

    Called for free-text questions in private chats and for group messages addressed to the
    bot; not for commands, buttons or inline queries (inline mode asks on every keystroke).
    Returns the log row's id, which the 👍/👎 and "Spør en koordinator" buttons carry, or None
    when the question was not logged (small talk, empty or unreadable text, or the log could
    not be written: it never raises, the answer comes first).
    """

    def record(self, chat: Chat, question: str, reply: Reply, now: datetime) -> int | None: ...


class ReplyRouter(Protocol):
    """Handles a text that replies to one of the bot's messages, before it counts as a
    question: a coordinator answering a handed-over question. None: not for the router."""

    async def route_reply(
        self, context: Context, replied_to: int, text: str
    ) -> Response | None: ...


class Dialogues(Protocol):
    """Conversations of several steps that a feature leads (a coordinator adding a samling).

    While one is open for the sender, a text in a private chat goes to it before it counts as
    a question. None: no dialogue is open, the text is a question as usual.
    """

    async def continue_dialogue(self, context: Context, text: str) -> Response | None: ...


class UnreachableChatError(Exception):
    """The chat blocked the bot or no longer exists: nothing was delivered."""


class Messenger(Protocol):
    """Sends a message to any chat, outside the reply to the current message (hand-overs).

    Returns the ids of the messages sent (a long text may need several). Raises
    `UnreachableChatError` when the chat cannot be written to.
    """

    async def send(self, chat_id: int, message: Outgoing) -> tuple[int, ...]: ...
