"""Calendar files: /kalender (every coming samling the chat follows, or all) and one samling's
file from "📅 Legg i kalender", with an alarm per lead time the chat chose. SEQUENCE numbers
come from the saved event snapshots, so a calendar app replaces a changed samling."""

from __future__ import annotations

from bot.conversation.commands import Context
from bot.conversation.messages import Document, Outgoing, Response, say
from bot.core.calendar import (
    CONTENT_TYPE,
    calendar_filename,
    event_calendar,
    scope_calendar,
    subscriptions_calendar,
)
from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.reminders import ALL_EVENTS, DEFAULT_LEAD_TIMES
from bot.delivery.jobs import calendar_sequences
from bot.runtime.live import LiveKnowledge
from bot.storage import SubscriptionStore
from bot.subscriptions import texts
from bot.subscriptions.book import SubscriptionBook


class CalendarFiles:
    def __init__(
        self, book: SubscriptionBook, live: LiveKnowledge, store: SubscriptionStore
    ) -> None:
        self.book = book
        self.live = live
        self.store = store  # read-only here: the snapshots for SEQUENCE numbers

    @property
    def kb(self) -> KnowledgeBase:
        return self.live.kb  # the live one: it changes on reload

    async def calendar_file(self, context: Context) -> Response:
        """/kalender: every coming samling in the chat's scope (all, without subscriptions)."""
        kb, now = self.kb, context.now
        subscriptions = self.book.subscriptions(context.chat.id)
        sequences = calendar_sequences(self.store, kb)
        if subscriptions:
            content = subscriptions_calendar(kb, subscriptions, now=now, sequences=sequences)
            covered = [e for e in kb.events if any(s.scope.covers_entry(e) for s in subscriptions)]
            what, name = texts.CALENDAR_MINE, "kompetansebot-mine-samlinger"
        else:
            content = scope_calendar(kb, ALL_EVENTS, now=now, sequences=sequences)
            covered = list(kb.events)
            what, name = texts.CALENDAR_ALL, "kompetansebot-samlinger"
        if content is None:
            return say(Outgoing(texts.CALENDAR_NONE.format(scope=what)))
        count = sum(1 for entry in covered if entry.event and not entry.event.is_over(now))
        word = "samling" if count == 1 else "samlinger"
        text = texts.CALENDAR_MANY.format(count=count, word=word, scope=what)
        document = Document(calendar_filename(name), content, CONTENT_TYPE)
        return say(Outgoing(text, document=document))

    async def event_file(self, context: Context, event: Entry) -> Response:
        """ "📅 Legg i kalender": one event, with an alarm per lead time the chat chose."""
        kb = self.kb
        covering = [
            s for s in self.book.subscriptions(context.chat.id) if s.scope.covers_entry(event)
        ]
        lead_times = (
            set().union(*(s.lead_times for s in covering)) if covering else DEFAULT_LEAD_TIMES
        )
        content = event_calendar(
            kb,
            event,
            now=context.now,
            sequence=calendar_sequences(self.store, kb).get(event.id, 0),
            lead_times=lead_times,
        )
        document = Document(calendar_filename(event.id), content, CONTENT_TYPE)
        text = texts.CALENDAR_ONE.format(title=event.title)
        return say(Outgoing(text, document=document), notice=texts.CALENDAR_NOTICE)
