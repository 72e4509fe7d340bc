"""The conversation: one incoming message or button press in, what the bot does out.

Channel-independent, so Telegram and the terminal behave the same. It decides when to speak
(groups: only when spoken to), parses commands, sends free text to the engine and dispatches
button presses through the action registry. It never raises for anything a user can send.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.conversation import texts
from bot.conversation.builtin import install_builtins
from bot.conversation.callbacks import BadButtonError, decode
from bot.conversation.chat_memory import ChatMemories
from bot.conversation.commands import ActionRegistry, Command, CommandRegistry, Context
from bot.conversation.inline import inline_answers
from bot.conversation.interfaces import Dialogues, EventServices, QuestionLog, ReplyRouter
from bot.conversation.messages import (
    SILENCE,
    ButtonPress,
    Chat,
    Incoming,
    InlineAnswer,
    Keyboard,
    OtherMessage,
    Outgoing,
    Response,
    TextMessage,
    say,
)
from bot.conversation.replies import COMMAND, FEEDBACK_UP, HANDOVER, Replies
from bot.core.engine import Engine
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.runtime.live import LiveKnowledge

Clock = Callable[[], datetime]
logger = logging.getLogger(__name__)

_COMMAND = re.compile(r"/(?P<name>[^\s@]+)(?:@(?P<target>\S*))?(?:\s+(?P<argument>.*))?", re.S)


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    name: str
    target: str | None  # the bot a `/cmd@name` command is addressed to
    argument: str


def parse_command(text: str) -> ParsedCommand | None:
    """`/name@target argument`, or None when the text is not a command."""
    match = _COMMAND.fullmatch(text.strip())
    if match is None:
        return None
    return ParsedCommand(match["name"], match["target"] or None, (match["argument"] or "").strip())


def system_clock() -> datetime:
    return datetime.now(OSLO)


class Conversation:
    """Answers one chat message at a time; per chat it only remembers what the last answer was
    about, for follow-up questions (bot.conversation.chat_memory)."""

    def __init__(
        self,
        live: LiveKnowledge,
        *,
        clock: Clock = system_clock,
        event_services: EventServices | None = None,
        admin_ids: frozenset[int] = frozenset(),
        question_log: QuestionLog | None = None,
        reply_router: ReplyRouter | None = None,
        dialogues: Dialogues | None = None,
    ) -> None:
        self.live = live
        self.clock = clock
        self.event_services = event_services
        self.admin_ids = admin_ids
        # The coordinator tools (bot.admin): every answered question is logged, and a
        # coordinator's reply to a handed-over question is routed to the asker.
        self.question_log = question_log
        self.reply_router = reply_router
        self.memories = ChatMemories()
        self.dialogues = dialogues  # the coordinators' editing dialogues (bot.editing)
        self.commands = CommandRegistry()
        self.actions = ActionRegistry()
        install_builtins(self)

    # The knowledge in use changes on reload (bot.runtime.live): read it each time, never keep it.
    @property
    def engine(self) -> Engine:
        return self.live.current.engine

    @property
    def kb(self) -> KnowledgeBase:
        return self.live.kb

    @property
    def replies(self) -> Replies:
        """The answer formatting for the knowledge in use (a small object, made per use)."""
        return Replies(self.live.kb, event_services=self.event_services is not None)

    async def handle(self, incoming: Incoming) -> Response:
        if isinstance(incoming, TextMessage):
            return await self._text(incoming)
        if isinstance(incoming, ButtonPress):
            return await self._button(incoming)
        return self._other(incoming)

    def needs_admin_status(self, incoming: Incoming) -> bool:
        """Whether handling `incoming` depends on `Chat.sender_is_admin`: a command or button
        in a group that changes what the group receives. The channel asks only then."""
        if incoming.chat.is_private:
            return False
        if isinstance(incoming, TextMessage):
            parsed = parse_command(incoming.text)
            if parsed is None or (
                parsed.target is not None and not _is_us(parsed.target, incoming.bot_username)
            ):
                return False
            command = self.commands.find(parsed.name)
            return command is not None and command.manages_chat
        if isinstance(incoming, ButtonPress):
            try:
                action = decode(incoming.data)
            except BadButtonError:
                return False
            if action.code == COMMAND:
                command = self.commands.find(action.argument)
                return command is not None and command.manages_chat
            return self.actions.manages_chat(action.code)
        return False

    def inline(self, query: str) -> list[InlineAnswer]:
        """Answers for inline mode, best first."""
        return inline_answers(self, query, self.clock())

    def context(
        self,
        chat: Chat,
        argument: str = "",
        *,
        from_button: bool = False,
        buttons: Keyboard = (),
    ) -> Context:
        return Context(
            chat,
            self.clock(),
            argument,
            is_admin=chat.user_id is not None and chat.user_id in self.admin_ids,
            from_button=from_button,
            buttons=buttons,
        )

    # -- text ---------------------------------------------------------------------------------

    async def _text(self, message: TextMessage) -> Response:
        command = parse_command(message.text)
        if command is not None:
            return await self._command(message, command)
        if not message.chat.is_private and not message.addressed:
            return SILENCE
        context = self.context(message.chat, message.text)
        if message.reply_to is not None and self.reply_router is not None:
            routed = await self.reply_router.route_reply(context, message.reply_to, message.text)
            if routed is not None:
                return routed
        # After the router: a coordinator's reply to a hand-over is never a dialogue answer.
        if message.chat.is_private and self.dialogues is not None:
            answered = await self.dialogues.continue_dialogue(context, message.text)
            if answered is not None:
                return answered
        question = _without_mention(message.text, message.bot_username)
        now = self.clock()
        knowledge = self.live.current  # one snapshot for the answer and its buttons
        chat_id = message.chat.id
        reply = knowledge.engine.ask(question, now, self.memories.get(chat_id, now))
        self.memories.update(chat_id, reply.subjects, now)
        log = self.question_log
        question_id = log.record(message.chat, question, reply, now) if log is not None else None
        replies = Replies(knowledge.kb, event_services=self.event_services is not None)
        answer = replies.answer(
            reply,
            now,
            question_id=question_id,
            feedback=self.actions.find(FEEDBACK_UP) is not None,
            handover=message.chat.is_private and self.actions.find(HANDOVER) is not None,
        )
        return say(answer)

    async def _command(self, message: TextMessage, parsed: ParsedCommand) -> Response:
        chat = message.chat
        if parsed.target is not None and not _is_us(parsed.target, message.bot_username):
            return SILENCE  # `/cmd@otherbot`: for another bot
        addressed = chat.is_private or parsed.target is not None
        command = self.commands.find(parsed.name)
        context = self.context(chat, parsed.argument)
        if command is None:
            return say(Outgoing(_unknown_command(parsed.name))) if addressed else SILENCE
        refusal = self.refusal(command, context)
        if refusal is not None:
            return say(Outgoing(refusal)) if addressed or command.manages_chat else SILENCE
        return await command.handler(context)

    def refusal(self, command: Command, context: Context) -> str | None:
        """Why this sender may not run `command` here, or None. Coordinator output only in
        private chats (a group would see it all); in a group only its administrators may
        change or delete what the group receives."""
        chat = context.chat
        if command.admin_only and not context.is_admin:
            logger.warning("Refused /%s to user %s: not in ADMIN_IDS", command.name, chat.user_id)
            return texts.ADMIN_ONLY
        if command.admin_only and not chat.is_private:
            return texts.PRIVATE_ONLY
        if command.manages_chat and not chat.sender_manages:
            logger.info("Refused /%s in group %s: not a group administrator", command.name, chat.id)
            return texts.GROUP_ADMINS_ONLY
        return None

    # -- buttons ------------------------------------------------------------------------------

    async def _button(self, press: ButtonPress) -> Response:
        try:
            action = decode(press.data)
        except BadButtonError as bad:
            return Response(notice=texts.BUTTON_OUTDATED if bad.outdated else texts.BUTTON_BROKEN)
        handler = self.actions.find(action.code)
        if handler is None:
            return Response(notice=texts.BUTTON_BROKEN)
        if self.actions.manages_chat(action.code) and not press.chat.sender_manages:
            return Response(notice=texts.GROUP_ADMINS_ONLY)
        context = self.context(press.chat, action.argument, from_button=True, buttons=press.buttons)
        return await handler(context)

    # -- everything else ----------------------------------------------------------------------

    @staticmethod
    def _other(message: OtherMessage) -> Response:
        """Stickers, photos, voice ...: a hint in private chats, silence in groups."""
        if message.chat.is_private or message.addressed:
            return say(Outgoing(texts.ONLY_TEXT))
        return SILENCE


def _is_us(target: str, username: str | None) -> bool:
    return username is not None and target.casefold() == username.casefold()


def _without_mention(text: str, username: str | None) -> str:
    if not username:
        return text
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)


def _unknown_command(name: str) -> str:
    """Echo the command only when it is short and printable."""
    printable = all(unicodedata.category(ch)[0] not in "CZ" for ch in name)
    if printable and len(name) <= 32:
        return texts.UNKNOWN_COMMAND.format(command=f"/{name}")
    return texts.UNKNOWN_COMMAND_PLAIN
