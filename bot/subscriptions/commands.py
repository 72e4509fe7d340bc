"""The subscription commands and buttons: /abonner, /mine, /avmeld, /slettmeg and narrowing.

Channel-independent: it works in Telegram and in the terminal chat alike. It writes through
the subscription book (bot.subscriptions.book), which tells the scheduler when a chat's
subscriptions changed, so the next reminder is planned in time. It is also the conversation's
`EventServices`: the "🔔 Påminn meg" and "📅 Legg i kalender" buttons under a coming samling
call `remind` and `calendar`.

What is stored for a subscription is only the chat id, the scope and the lead times (and
timestamps); see bot.storage.sqlite.subscriptions. Confirmations say exactly what was stored.

Buttons carry short codes (bot.subscriptions.codes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bot.conversation import texts as conversation_texts
from bot.conversation.callbacks import Action, fits
from bot.conversation.commands import Command, Context
from bot.conversation.messages import Button, Keyboard, Outgoing, Response, say
from bot.conversation.replies import COMMAND, button, shorten
from bot.core import answers
from bot.core.knowledge import Entry, Kind, KnowledgeBase
from bot.core.reminders import (
    ALL_EVENTS,
    DEFAULT_LEAD_TIMES,
    LeadTime,
    Scope,
    ScopeKind,
    Subscription,
    lead_times_label,
    scope_label,
    scope_problem,
)
from bot.runtime.live import LiveKnowledge
from bot.subscriptions import texts
from bot.subscriptions.book import SubscriptionBook
from bot.subscriptions.calendars import CalendarFiles
from bot.subscriptions.codes import (
    CHOOSE_EVENT,
    CODE_LEADS,
    LEAD_CODES,
    LEAD_TIMES,
    MINE,
    NARROW,
    REMOVE,
    SET_SCOPE,
    TOGGLE,
    parse_scope_code,
    scope_code,
)
from bot.subscriptions.leaving import FORGET, KEEP, UNSUBSCRIBE_ALL, Leaving
from bot.subscriptions.plans import event_plan, next_reminder, scope_warning

if TYPE_CHECKING:
    from datetime import datetime

    from bot.conversation.conversation import Conversation

# The audiences offered for narrowing. The vocabulary cannot yet say which audiences are broad
# enough (barnehage, skole, ledere, PPT) and which are sub-groups (styrere, lærere på 1. trinn);
# that needs a field in vocabulary.yaml, read by bot/core/loading.py. Until then: these ids.
AUDIENCES = ("barnehage", "skole", "ledere", "ppt")
MAX_EVENTS = 8
LABEL_LENGTH = 40


def install_subscriptions(conversation: Conversation, feature: Subscriptions) -> None:
    """Add the commands and buttons to `conversation`. Pass the same `feature` to the
    Conversation as its `event_services` for the buttons under a coming samling."""
    leaving = feature.leaving
    for command in (  # in a group, only its administrators may change what it receives
        Command("abonner", texts.ABONNER, feature.subscribe, manages_chat=True),
        Command("mine", texts.MINE, feature.mine),
        Command("kalender", texts.KALENDER, feature.calendars.calendar_file),
        Command("avmeld", texts.AVMELD, leaving.ask_unsubscribe_all, manages_chat=True),
        Command("slettmeg", texts.SLETTMEG, leaving.ask_forget, manages_chat=True),
    ):
        conversation.commands.add(command)
    for code, handler, manages in (
        (NARROW, feature.narrow_menu, False),
        (SET_SCOPE, feature.set_scope, True),
        (CHOOSE_EVENT, feature.choose_event, False),
        (LEAD_TIMES, feature.lead_time_menu, False),
        (TOGGLE, feature.toggle_lead_time, True),
        (REMOVE, feature.remove, True),
        (MINE, feature.mine, False),
        (UNSUBSCRIBE_ALL, leaving.unsubscribe_all, True),
        (FORGET, leaving.forget, True),
        (KEEP, leaving.keep, False),
    ):
        conversation.actions.add(code, handler, manages_chat=manages)


class Subscriptions:
    """The subscription commands and buttons, and the conversation's EventServices."""

    def __init__(
        self, book: SubscriptionBook, live: LiveKnowledge, calendars: CalendarFiles
    ) -> None:
        self.book = book
        self.live = live
        self.calendars = calendars
        self.leaving = Leaving(book)

    @property
    def kb(self) -> KnowledgeBase:
        return self.live.kb  # the live one: it changes on reload

    # -- /abonner and narrowing ---------------------------------------------------------------

    async def subscribe(self, context: Context) -> Response:
        """/abonner: every coming samling with the default lead times, in one step."""
        chat_id, book = context.chat.id, self.book
        existing = _find(book.subscriptions(chat_id), ALL_EVENTS)
        if existing is not None:
            template = texts.ALREADY_ALL
            book.renew(chat_id, context.now)  # a paused chat that asks wants them back
            subscription = existing
        else:
            template = texts.SUBSCRIBED_ALL
            subscription = book.subscribe(chat_id, context.now, ALL_EVENTS, DEFAULT_LEAD_TIMES)
        text = template.format(
            scope=scope_label(self.kb, ALL_EVENTS),
            lead_times=lead_times_label(subscription.lead_times),
        )
        body = [text, *self._plan_notes(subscription, context.now)]
        body += [texts.ALSO_CHANGES, self._coming(ALL_EVENTS, context.now)]
        message = Outgoing(
            "\n\n".join(body),
            title=texts.NARROW_TITLE,
            buttons=self._narrow_buttons(),
            replace=context.from_button,
        )
        return say(message)

    async def narrow_menu(self, context: Context) -> Response:
        chat_id = context.chat.id
        subscriptions = self.book.subscriptions(chat_id)
        lines = [self._mine_lines(subscriptions)] if subscriptions else []
        lines.append(texts.MINE_NONE if not subscriptions else "Velg hva du vil følge:")
        return say(
            Outgoing(
                "\n\n".join(lines),
                title=texts.NARROW_TITLE,
                buttons=self._narrow_buttons(),
                replace=context.from_button,
            )
        )

    async def set_scope(self, context: Context) -> Response:
        """A narrowing button: follow exactly this scope, keeping the chosen lead times."""
        scope = parse_scope_code(context.argument)
        if scope is None:
            return Response(notice=texts.SUBSCRIPTION_GONE)
        problem = scope_problem(self.kb, scope)
        if problem is not None:
            return Response(notice=problem)
        chat_id, book = context.chat.id, self.book
        before = book.subscriptions(chat_id)
        lead_times = _preferred_lead_times(before)
        subscription = book.replace(chat_id, scope, context.now, lead_times)
        template = texts.WIDENED if scope == ALL_EVENTS else texts.NARROWED
        label = scope_label(self.kb, scope)
        text = template.format(scope=label, lead_times=lead_times_label(subscription.lead_times))
        if before:
            text += " " + texts.NARROW_REUSED
        body = [text, *self._plan_notes(subscription, context.now)]
        body += [texts.ALSO_CHANGES, self._coming(scope, context.now)]
        rows: list[tuple[Button, ...]] = [
            (button(texts.BUTTON_LEAD_TIMES, Action(LEAD_TIMES, scope_code(scope))),),
        ]
        if scope != ALL_EVENTS:
            rows.append((button(texts.BUTTON_ALL, Action(SET_SCOPE, "all")),))
        rows.append((button(texts.BUTTON_MINE, Action(MINE)),))
        message = Outgoing(
            "\n\n".join(body), title=texts.NARROW_TITLE, buttons=tuple(rows), replace=True
        )
        return say(message, notice=texts.SAVED)

    async def choose_event(self, context: Context) -> Response:
        coming = _coming_events(self.kb, ALL_EVENTS, context.now)
        rows = [
            (button(_event_label(entry), Action(SET_SCOPE, f"e.{entry.id}")),)
            for entry in coming[:MAX_EVENTS]
            if fits(Action(SET_SCOPE, f"e.{entry.id}"))
        ]
        rows.append((button(texts.BUTTON_BACK, Action(NARROW)),))
        text = texts.CHOOSE_EVENT if coming else texts.NO_EVENTS
        return say(Outgoing(text, title=texts.NARROW_TITLE, buttons=tuple(rows), replace=True))

    # -- lead times ---------------------------------------------------------------------------

    async def lead_time_menu(self, context: Context) -> Response:
        scope = parse_scope_code(context.argument)
        subscription = self._subscription(context.chat.id, scope)
        if subscription is None:
            return Response(notice=texts.SUBSCRIPTION_GONE)
        return say(self._lead_time_message(subscription, context.now))

    async def toggle_lead_time(self, context: Context) -> Response:
        lead_code, _dot, code = context.argument.partition(".")
        lead = CODE_LEADS.get(lead_code)
        scope = parse_scope_code(code)
        subscription = self._subscription(context.chat.id, scope)
        if lead is None or subscription is None:
            return Response(notice=texts.SUBSCRIPTION_GONE)
        chosen = set(subscription.lead_times) ^ {lead}
        if not chosen:
            return Response(notice=texts.LEAD_TIMES_LAST)
        updated = self.book.subscribe(context.chat.id, context.now, subscription.scope, chosen)
        notice = texts.LEAD_TIMES_SAVED.format(lead_times=lead_times_label(updated.lead_times))
        return say(self._lead_time_message(updated, context.now), notice=shorten(notice, 190))

    def _lead_time_message(self, subscription: Subscription, now: datetime) -> Outgoing:
        code = scope_code(subscription.scope)
        toggles = [
            button(
                f"{texts.ON if lead in subscription.lead_times else texts.OFF} "
                f"{texts.LEAD_TIME_BUTTONS[lead]}",
                Action(TOGGLE, f"{LEAD_CODES[lead]}.{code}"),
            )
            for lead in LeadTime
            if fits(Action(TOGGLE, f"{LEAD_CODES[lead]}.{code}"))
        ]
        rows = [tuple(toggles[i : i + 2]) for i in range(0, len(toggles), 2)]
        rows.append((button(texts.BUTTON_DONE, Action(MINE)),))
        label = scope_label(self.kb, subscription.scope)
        text = "\n\n".join(
            [
                texts.LEAD_TIMES_INTRO.format(scope=label),
                texts.LEAD_TIMES_NOW.format(lead_times=lead_times_label(subscription.lead_times)),
                *self._plan_notes(subscription, now),
            ]
        )
        return Outgoing(text, title=texts.LEAD_TIMES_TITLE, buttons=tuple(rows), replace=True)

    # -- /mine, /avmeld, /slettmeg ------------------------------------------------------------

    async def mine(self, context: Context) -> Response:
        chat_id, book = context.chat.id, self.book
        subscriptions = book.subscriptions(chat_id)
        if not subscriptions:
            subscribe = (button(texts.BUTTON_SUBSCRIBE, Action(COMMAND, "abonner")),)
            message = Outgoing(
                texts.MINE_NONE,
                title=texts.MINE_TITLE,
                buttons=(subscribe,),
                replace=context.from_button,
            )
            return say(message)
        parts = [self._mine_lines(subscriptions)]
        parts += [
            warning
            for subscription in subscriptions
            if (warning := scope_warning(self.kb, subscription, context.now)) is not None
        ]
        parts.append(texts.ALSO_CHANGES)
        chat = book.chat(chat_id)
        if chat is not None and not chat.active:
            parts.append(texts.MINE_PAUSED)
        parts.append(texts.MINE_HINT)
        rows: list[tuple[Button, ...]] = []
        for number, subscription in enumerate(subscriptions, start=1):
            code = scope_code(subscription.scope)
            if fits(Action(LEAD_TIMES, code)):
                rows.append(
                    (
                        button(texts.BUTTON_CHANGE.format(number=number), Action(LEAD_TIMES, code)),
                        button(texts.BUTTON_REMOVE.format(number=number), Action(REMOVE, code)),
                    )
                )
        rows.append(
            (
                button(texts.BUTTON_CALENDAR, Action(COMMAND, "kalender")),
                button(texts.BUTTON_UNSUBSCRIBE_ALL, Action(COMMAND, "avmeld")),
            )
        )
        message = Outgoing(
            "\n\n".join(parts),
            title=texts.MINE_TITLE,
            buttons=tuple(rows),
            replace=context.from_button,
        )
        return say(message)

    async def remove(self, context: Context) -> Response:
        scope = parse_scope_code(context.argument)
        chat_id = context.chat.id
        if scope is None or not self.book.unsubscribe(chat_id, scope):
            return Response(notice=texts.SUBSCRIPTION_GONE)
        listing = await self.mine(context)
        notice = texts.REMOVED.format(scope=scope_label(self.kb, scope))
        return Response(listing.messages, shorten(notice, 190))

    # -- EventServices: the buttons under a coming samling ------------------------------------

    async def remind(self, context: Context, event: Entry) -> Response:
        """ "🔔 Påminn meg": follow this one samling (unless a subscription covers it)."""
        chat_id, book = context.chat.id, self.book
        if not context.chat.sender_manages:
            return Response(notice=conversation_texts.GROUP_ADMINS_ONLY)
        subscriptions = book.subscriptions(chat_id)
        covering = [s for s in subscriptions if s.scope.covers_entry(event)]
        if covering:
            label = scope_label(self.kb, covering[0].scope)
            return Response(notice=shorten(texts.ALREADY_COVERED.format(scope=label), 190))
        scope = Scope(ScopeKind.EVENT, event.id)
        lead_times = _preferred_lead_times(subscriptions)
        subscription = book.subscribe(chat_id, context.now, scope, lead_times)
        reused = scope_label(self.kb, subscriptions[0].scope) if subscriptions else None
        text = event_plan(self.kb, subscription, event, context.now, reused_from=reused)
        code = scope_code(scope)
        rows: Keyboard = (
            (
                button(texts.BUTTON_LEAD_TIMES, Action(LEAD_TIMES, code)),
                button(texts.BUTTON_MINE, Action(MINE)),
            ),
        )
        buttons = rows if fits(Action(TOGGLE, f"w.{code}")) else ()
        return say(Outgoing(text, buttons=buttons), notice=texts.REMIND_NOTICE)

    async def calendar(self, context: Context, event: Entry) -> Response:
        """ "📅 Legg i kalender": one event as a calendar file (bot.subscriptions.calendars)."""
        return await self.calendars.event_file(context, event)

    # -- helpers ------------------------------------------------------------------------------

    def _plan_notes(self, subscription: Subscription, now: datetime) -> list[str]:
        """A warning when the lead times send nothing (or miss a part), and the next reminder."""
        notes = [
            scope_warning(self.kb, subscription, now),
            next_reminder(self.kb, subscription, now),
        ]
        return [note for note in notes if note is not None]

    def _subscription(self, chat_id: int, scope: Scope | None) -> Subscription | None:
        if scope is None:
            return None
        return _find(self.book.subscriptions(chat_id), scope)

    def _mine_lines(self, subscriptions: Sequence[Subscription]) -> str:
        return "\n".join(
            texts.MINE_LINE.format(
                number=number,
                scope=_capitalised(scope_label(self.kb, subscription.scope)),
                lead_times=lead_times_label(subscription.lead_times),
            )
            for number, subscription in enumerate(subscriptions, start=1)
        )

    def _coming(self, scope: Scope, now: datetime) -> str:
        coming = _coming_events(self.kb, scope, now)
        if not coming:
            return texts.NONE_IN_SCOPE
        return texts.COMING_IN_SCOPE + "\n" + answers.event_list(coming, now)

    def _narrow_buttons(self) -> Keyboard:
        """Audience, scheme, region/network and one samling; then the lead times."""
        kb = self.kb
        audiences = [
            button(
                kb.vocabulary.audiences[a].label[:1].upper() + kb.vocabulary.audiences[a].label[1:],
                _scope_action(ScopeKind.AUDIENCE, a),
            )
            for a in AUDIENCES
            if a in kb.vocabulary.audiences
        ]
        schemes = [  # the schemes the knowledge base has a tag for: DEKOM, REKOM, ...
            button(answers.short_title(entry), _scope_action(ScopeKind.SCHEME, entry.id))
            for entry in kb
            if entry.kind is Kind.SCHEME and entry.id in kb.vocabulary.tags
        ]
        regions = [
            button(answers.short_title(entry), _scope_action(ScopeKind.REGION, entry.id))
            for entry in kb
            if entry.kind in (Kind.REGION, Kind.NETWORK)
            and fits(_scope_action(ScopeKind.REGION, entry.id))
        ]
        rows: list[tuple[Button, ...]] = []
        for group, width in ((audiences, 4), (schemes, 3), (regions, 2)):
            rows += [tuple(group[i : i + width]) for i in range(0, len(group), width)]
        rows.append(
            (
                button(texts.BUTTON_ONE_EVENT, Action(CHOOSE_EVENT)),
                button(texts.BUTTON_LEAD_TIMES, Action(LEAD_TIMES, "all")),
            )
        )
        return tuple(rows)


def _scope_action(kind: ScopeKind, value: str) -> Action:
    return Action(SET_SCOPE, scope_code(Scope(kind, value)))


def _find(subscriptions: Iterable[Subscription], scope: Scope) -> Subscription | None:
    return next((s for s in subscriptions if s.scope == scope), None)


def _preferred_lead_times(subscriptions: Sequence[Subscription]) -> frozenset[LeadTime]:
    """The lead times the chat chose before (its oldest subscription's), else the defaults."""
    return subscriptions[0].lead_times if subscriptions else DEFAULT_LEAD_TIMES


def _coming_events(kb: KnowledgeBase, scope: Scope, now: datetime) -> list[Entry]:
    return [
        entry
        for entry in kb.events
        if entry.event is not None and entry.event.is_upcoming(now) and scope.covers_entry(entry)
    ]


def _event_label(entry: Entry) -> str:
    assert entry.event is not None
    return shorten(f"{entry.event.start:%d.%m.} {entry.title}", LABEL_LENGTH)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
