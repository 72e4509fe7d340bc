"""The built-in commands and buttons: /start, /hjelp, /neste, /samlinger, /ordninger, /fokus.

Each is an ordinary registry entry, the same way later features add theirs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from bot.conversation import texts
from bot.conversation.callbacks import Action
from bot.conversation.commands import Command, Context
from bot.conversation.links import entry_from_payload
from bot.conversation.messages import Button, Outgoing, Response, say
from bot.conversation.replies import (
    ANSWER,
    CALENDAR,
    CHOOSE,
    COMMAND,
    MAX_LIST_BUTTONS,
    PAST,
    REMIND,
    UPCOMING,
    Replies,
    button,
)
from bot.core import answers
from bot.core.engine import Engine
from bot.core.knowledge import Entry, Kind, KnowledgeBase

if TYPE_CHECKING:
    from bot.conversation.conversation import Conversation


def install_builtins(conversation: Conversation) -> None:
    builtins = Builtins(conversation)
    for command in (
        Command("start", "Start og se hva jeg kan", builtins.start),
        Command("hjelp", "Hva jeg kan svare på", builtins.help, aliases=("help",)),
        Command("neste", "Neste samling", builtins.next_event),
        Command("samlinger", "Kommende samlinger", builtins.upcoming),
        Command("ordninger", "Ordningene, som DEKOM og REKOM", builtins.schemes),
        Command("fokus", "Fokusområdene", builtins.focus_areas),
    ):
        conversation.commands.add(command)
    for code, handler in (
        (ANSWER, builtins.answer_entry),
        (CHOOSE, builtins.choose_entry),
        (UPCOMING, builtins.upcoming),
        (PAST, builtins.past),
        (COMMAND, builtins.run_command),
        (CALENDAR, builtins.calendar),
    ):
        conversation.actions.add(code, handler)
    # "🔔 Påminn meg" subscribes the chat: in a group, only its administrators may.
    conversation.actions.add(REMIND, builtins.remind, manages_chat=True)


class Builtins:
    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation

    # The knowledge base can be reloaded while the bot runs: always use the current one.
    @property
    def engine(self) -> Engine:
        return self.conversation.engine

    @property
    def kb(self) -> KnowledgeBase:
        return self.conversation.kb

    @property
    def replies(self) -> Replies:
        return self.conversation.replies

    # -- commands -----------------------------------------------------------------------------

    async def start(self, context: Context) -> Response:
        """Welcome, or the entry a deep link (`/start samling_<id>`) points at."""
        if context.argument:
            entry = entry_from_payload(self.kb, context.argument)
            if entry is not None:
                return self._entry(context, entry.id, replace=False)
            return say(self._welcome(context, texts.LINK_NOT_FOUND))
        return say(self._welcome(context))

    async def help(self, context: Context) -> Response:
        # Coordinator commands work only in private chats: a group is not told about them.
        listed = context.is_admin and context.chat.is_private
        commands = self.conversation.commands.listed(admin=listed)
        public = [c for c in commands if not c.admin_only]
        admin = [c for c in commands if c.admin_only]
        parts = [self.engine.help_text(), _command_list(texts.HELP_COMMANDS, public)]
        if admin:
            parts.append(_command_list(texts.HELP_ADMIN, admin))
        return say(Outgoing("\n\n".join(parts), title="Hjelp"))

    async def next_event(self, context: Context) -> Response:
        reply = self.engine.ask(texts.NEXT_QUESTION, context.now)
        answer = self.replies.answer(reply, context.now)
        coming = any(
            e.event is not None and not e.event.is_over(context.now) for e in self.kb.events
        )
        if not coming:  # buttons that help: past samlinger, news of new ones; not old entries
            rows = [(button(texts.BUTTON_PAST, Action(PAST)),)]
            if self.conversation.commands.find("abonner") is not None:
                rows.append((button(texts.BUTTON_TELL_ME, Action(COMMAND, "abonner")),))
            answer = replace(answer, buttons=tuple(rows))
        return say(answer)

    async def upcoming(self, context: Context) -> Response:
        """Coming samlinger, one button each; replaces the list when toggled from a button."""
        now = context.now
        coming = [e for e in self.kb.events if e.event is not None and not e.event.is_over(now)]
        text = (
            answers.event_list(coming, now) + "\n\n" + texts.UPCOMING_HINT
            if coming
            else texts.UPCOMING_NONE
        )
        rows = self.replies.entry_rows(coming[:MAX_LIST_BUTTONS], ANSWER)
        rows += ((button(texts.BUTTON_PAST, Action(PAST)),),)
        message = Outgoing(
            text, title=texts.UPCOMING_TITLE, buttons=rows, replace=context.from_button
        )
        return say(message)

    async def past(self, context: Context) -> Response:
        now = context.now
        held = [e for e in self.kb.events if e.event is not None and e.event.is_over(now)]
        latest = held[::-1][:MAX_LIST_BUTTONS]
        if latest:
            text = answers.event_list(latest, now)
            if len(held) > len(latest):
                text += "\n" + texts.PAST_MORE.format(shown=len(latest), total=len(held))
            text += "\n\n" + texts.UPCOMING_HINT
        else:
            text = texts.PAST_NONE
        rows = self.replies.entry_rows(latest, ANSWER)
        rows += ((button(texts.BUTTON_UPCOMING, Action(UPCOMING)),),)
        message = Outgoing(text, title=texts.PAST_TITLE, buttons=rows, replace=context.from_button)
        return say(message)

    async def schemes(self, context: Context) -> Response:
        return say(self._menu(Kind.SCHEME, texts.SCHEMES_TITLE, texts.SCHEMES_INTRO))

    async def focus_areas(self, context: Context) -> Response:
        return say(self._menu(Kind.FOCUS_AREA, texts.FOCUS_TITLE, texts.FOCUS_INTRO))

    # -- buttons ------------------------------------------------------------------------------

    async def answer_entry(self, context: Context) -> Response:
        return self._entry(context, context.argument, replace=False)

    async def choose_entry(self, context: Context) -> Response:
        """A "Mente du …?" choice: the answer takes the place of the question."""
        return self._entry(context, context.argument, replace=True)

    async def run_command(self, context: Context) -> Response:
        command = self.conversation.commands.find(context.argument)
        if command is None or command.admin_only:
            return Response(notice=texts.BUTTON_BROKEN)
        refusal = self.conversation.refusal(command, context)
        if refusal is not None:
            return Response(notice=refusal)
        return await command.handler(
            Context(context.chat, context.now, "", context.is_admin, from_button=True)
        )

    async def remind(self, context: Context) -> Response:
        return await self._for_coming_event(context, "remind")

    async def calendar(self, context: Context) -> Response:
        return await self._for_coming_event(context, "calendar")

    async def _for_coming_event(
        self, context: Context, action: Literal["remind", "calendar"]
    ) -> Response:
        """Hand a button press about a coming samling to the plugged-in event services."""
        services = self.conversation.event_services
        event, problem = self._coming_event(context.argument, context)
        if services is None or event is None:
            return Response(notice=problem or texts.SERVICE_MISSING)
        if action == "remind":
            return await services.remind(context, event)
        return await services.calendar(context, event)

    # -- helpers ------------------------------------------------------------------------------

    def _welcome(self, context: Context, lead: str | None = None) -> Outgoing:
        parts = [lead] if lead else []
        parts.append(texts.WELCOME)
        if not context.chat.is_private:
            parts.append(texts.WELCOME_GROUP)
        rows: tuple[tuple[Button, ...], ...] = (
            (
                button(texts.BUTTON_NEXT, Action(COMMAND, "neste")),
                button(texts.BUTTON_UPCOMING, Action(COMMAND, "samlinger")),
            ),
            (
                button(texts.BUTTON_SCHEMES, Action(COMMAND, "ordninger")),
                button(texts.BUTTON_FOCUS, Action(COMMAND, "fokus")),
            ),
            (button(texts.BUTTON_HELP, Action(COMMAND, "hjelp")),),
        )
        return Outgoing("\n\n".join(parts), title=texts.WELCOME_TITLE, buttons=rows)

    def _entry(self, context: Context, entry_id: str, *, replace: bool) -> Response:
        reply = self.engine.answer_entry(entry_id, context.now)
        entry = self.kb.get(entry_id)
        if reply is None or entry is None:
            return Response(notice=texts.ENTRY_GONE)
        title = None if entry.is_event else entry.title
        return say(self.replies.answer(reply, context.now, title=title, replace=replace))

    def _menu(self, kind: Kind, title: str, intro: str) -> Outgoing:
        entries = [entry for entry in self.kb if entry.kind == kind]
        if not entries:
            names = self.kb.vocabulary.kinds.get(kind)
            what = names.plural if names else title.lower()
            return Outgoing(texts.NOTHING_OF_KIND.format(what=what), title=title)
        return self.replies.entry_menu(title, intro, entries)

    def _coming_event(self, entry_id: str, context: Context) -> tuple[Entry | None, str | None]:
        """The samling a reminder/calendar button names, or why it cannot have one."""
        entry = self.kb.get(entry_id)
        if entry is None:
            return None, texts.ENTRY_GONE
        if entry.event is None:
            return None, texts.NOT_AN_EVENT
        if entry.event.cancelled:
            return None, texts.EVENT_CANCELLED
        if entry.event.is_over(context.now):
            return None, texts.EVENT_OVER
        return entry, None


def _command_list(heading: str, commands: list[Command]) -> str:
    return "\n".join([heading, *(f"/{c.name} – {c.description}" for c in commands)])
