"""Answers to questions about samlinger: the next one, the coming ones, those in a period, the
previous one, one in particular, where and for whom, deadlines and cancellations.

The engine decides that a question is about samlinger and which of them it may be about (the
pool); `EventAnswers` picks the kind of answer from the question's cues and composes it from the
sentences in `bot.core.answers`; a yes/no question's "Ja." or "Nei." is `bot.core.samling_verdicts`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.core import answers, status_texts
from bot.core.answers import event_of, most_relevant, when
from bot.core.audience_breadth import broader_audiences
from bot.core.dates import Period, claims_a_weekday, label_of_any_year, writes_a_year
from bot.core.facets import Filters
from bot.core.index import SearchIndex
from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.reply import Intent, Reply, reply_about
from bot.core.samling_questions import (
    NO_NEW_DATE,
    asks_days_between,
    asks_for_a_new_date,
    asks_how_long,
    asks_if_held,
    asks_if_moved,
    asks_where,
    days_claimed,
    format_listed,
    lists_samlinger,
    ordinal_asked,
)
from bot.core.samling_verdicts import with_verdict

_BEFORE_NOW = frozenset({"forrige", "forre", "sist", "siste", "tidligere", "tidlegare"})
_GUESSED_PLACE = re.compile(r",\s*(?:på|i)\s+[\w ]+\W*$", re.IGNORECASE)
_INFO = frozenset({"finner", "finne", "finnes", "fins", "info", "informasjon", "presentasjonen"})


class EventAnswers:
    """Answers about the samlinger of one knowledge base."""

    def __init__(self, kb: KnowledgeBase, index: SearchIndex) -> None:
        self.kb = kb
        self._index = index
        # Events by audience, scheme, region, organiser and place, so filtering is set algebra.
        self._events = kb.events
        # the samling that ends last: no source says anything of what comes after it
        self._latest = max(self._events, key=lambda e: event_of(e).last_day, default=None)
        self._by: dict[tuple[str, str], set[int]] = defaultdict(set)
        for position, entry in enumerate(self._events):
            event = event_of(entry)
            values = {
                "audiences": event.audience,
                "schemes": (event.scheme,) if event.scheme else (),
                "regions": (event.region,) if event.region else (),
                "organisers": event.organisers,
                "locations": (event.location,) if event.location else (),
            }
            for facet, names in values.items():
                for name in names:
                    self._by[facet, name].add(position)

    def matching(self, filters: Filters) -> list[Entry]:
        """Events that match every facet the filters name (any value within a facet). Of
        several audiences, the events for the most of them: "to lærere som underviser i engelsk"
        are the English teachers, not every samling for lærere."""
        chosen: set[int] | None = None
        for facet in ("audiences", "schemes", "regions", "organisers", "locations"):
            wanted: frozenset[str] = getattr(filters, facet)
            if not wanted:
                continue
            found = set().union(*(self._by.get((facet, name), set()) for name in wanted))
            chosen = found if chosen is None else chosen & found
        if chosen is None:
            return list(self._events)
        if len(filters.audiences) > 1 and chosen:
            chosen = self._for_most(filters.audiences, chosen)
        return [self._events[position] for position in sorted(chosen)]

    def for_broader_audiences(self, q: Question) -> tuple[Question, list[Entry]]:
        """The question's period for the audiences its narrow ones belong to: a styrer is one
        of the leaders a "ledersamling for barnehage" is for. The pool is empty when none."""
        narrow, broader = broader_audiences(self.kb.vocabulary.audiences, q.filters.audiences)
        if not broader or q.period is None:
            return q, []
        wider = replace(q.filters, audiences=(q.filters.audiences - narrow) | broader)
        pool = self.in_period(q.period, self.matching(wider), named=False)
        return (replace(q, filters=wider), pool) if pool else (q, [])

    def _for_most(self, audiences: frozenset[str], positions: set[int]) -> set[int]:
        def count(position: int) -> int:
            return len(audiences & set(event_of(self._events[position]).audience))

        most = max(map(count, positions))
        return {position for position in positions if count(position) == most}

    def asked_whether_for(self, q: Question, pool: Sequence[Entry]) -> list[Entry]:
        """The samlinger a "whether it is for them" question is about: the one it names
        whatever its audience ("er styrersamlingen for lærere?"), else those of `pool` for most
        of the audiences ("er engelsksamlinga for lærere på ungdomstrinnet?" is about the English
        samling, not every samling for lærere)."""
        if q.topic:
            named = self.on_topic(q.topic, self.matching(replace(q.filters, audiences=frozenset())))
            if named:
                return named
        naming = q.naming_audiences
        if naming and naming != q.filters.audiences:
            named = self.matching(replace(q.filters, audiences=naming))
            if named:
                return named  # "er begynneropplæringssamlingen for styrere?"
        told = q.context_filters.audiences
        if q.refers_back and told and told != q.filters.audiences:
            named = self.matching(replace(q.filters, audiences=told))
            if named:
                return named  # "engelsksamlinga, gjelder den for ungdomstrinnet?"
        anyone = self.matching(replace(q.filters, audiences=frozenset()))
        if q.period is not None and q.period.start == q.period.end:
            on_the_day = self.in_period(q.period, anyone, named=True)
            if on_the_day:
                return on_the_day  # "er samlinga 18. september for oss i barnehagen?"
        audiences = q.filters.audiences
        # "kan foreldre melde seg på samlingen 18. september?": no samling is for them
        pool = pool or anyone
        best = max((len(audiences & set(event_of(e).audience)) for e in pool), default=0)
        return [e for e in pool if len(audiences & set(event_of(e).audience)) == best]

    def about(self, entry_id: str) -> list[Entry]:
        """Events of a scheme or region entry."""
        positions = self._by.get(("schemes", entry_id), set()) | self._by.get(
            ("regions", entry_id), set()
        )
        return [self._events[position] for position in sorted(positions)]

    def on_topic(self, topic: Sequence[str], pool: Sequence[Entry]) -> list[Entry]:
        """The events in `pool` whose words best match the topic, earliest first."""
        allowed = {entry.id for entry in pool}
        result = self._index.search(
            topic, limit=max(len(allowed), 1), where=lambda e: e.id in allowed, rerank=False
        )
        scored = [hit for hit in result.hits if hit.lexical >= 0.5]
        if not scored:
            return []
        best = max(hit.lexical for hit in scored)
        chosen = [hit.entry for hit in scored if hit.lexical >= 0.8 * best]
        return sorted(chosen, key=lambda e: event_of(e).starts_at())

    def pointer(self, now: datetime, pool: Sequence[Entry] | None = None) -> str:
        """Where to look instead: the next samling, or the latest one when none is coming."""
        events = self.kb.events if pool is None else pool
        coming = [e for e in events if event_of(e).is_upcoming(now)]
        if coming:
            return answers.pointer_to_next(coming[0], now)
        held = [e for e in events if event_of(e).is_over(now) and not event_of(e).cancelled]
        if held:
            return answers.pointer_to_last(held[-1], now)
        return ""

    def after(self, event: Entry) -> list[Entry]:
        """ "Og den neste etter den?": the samlinger after `event` for any of its audiences."""
        start = event_of(event).starts_at()
        audiences = set(event_of(event).audience)
        return [
            other
            for other in self.kb.events
            if event_of(other).starts_at() > start
            and (not audiences or audiences & set(event_of(other).audience))
        ]

    @staticmethod
    def due_in(period: Period, pool: Sequence[Entry]) -> list[Entry]:
        """The samlinger of `pool` whose deadline is in the period."""
        return [e for e in pool if (d := event_of(e).deadline) and period.overlaps(d, d)]

    def in_period(self, period: Period, pool: Sequence[Entry], *, named: bool) -> list[Entry]:
        """The samlinger of `pool` in the period. A named samling with a day or month but no
        year ("styrersamlingen 21. oktober") is found on that day whatever year it is in."""
        found = [e for e in pool if period.overlaps(event_of(e).start, event_of(e).last_day)]
        if found or not named:
            return found
        if period.weekday is not None:  # "er samlingen på en fredag?"
            return [e for e in pool if event_of(e).start.weekday() == period.weekday]
        if period.year_given:
            return found
        if period.day_month is not None:
            return [e for e in pool if period.holds(event_of(e).start)]
        months = period.months()  # "styrersamlinga i høst": the autumn of any year
        return [e for e in pool if event_of(e).start.month in months]

    def with_verdict(self, q: Question, reply: Reply, now: datetime) -> Reply:
        """A yes/no question about a samling gets "Ja." or "Nei." first."""
        return with_verdict(self.kb, q, reply, now)

    def answer(self, q: Question, pool: Sequence[Entry], specific: bool, now: datetime) -> Reply:
        """The answer about `pool`; `specific` when the question narrowed it down."""
        if (nth := ordinal_asked(q)) and specific and 0 < len(pool) < nth:  # "andre samling …?"
            text = status_texts.only_these(answers.filter_phrase(self.kb, q.filters), pool, now)
            return replace(self._reply(text, Intent.UPCOMING_EVENTS, pool), confident=False)
        if q.has(Cue.CANCELLED):
            return self._cancelled(q, pool, specific, now)
        if q.has(Cue.DEADLINE):
            return self._deadline(q, pool, specific, now)
        if asks_how_long(q) and pool and (days_claimed(q) or not q.has(Cue.WHERE, Cue.WHO)):
            chosen = most_relevant(pool, now)  # "varte den to dager?", "hvor lenge varer den?"
            return self._reply(
                answers.days_of_event(self.kb, chosen, now), Intent.EVENT_INFO, [chosen]
            )
        if q.yes_no and q.has(Cue.PAST) and specific and not q.has(Cue.NEXT):
            return self._about(q, pool, now)  # "ble styrersamlingen gjennomført?", "er den over?"
        if (format_ := format_listed(q)) is not None:  # "hvilke samlinger er digitale?"
            of_format = [e for e in pool if event_of(e).format == format_]
            return replace(self._upcoming(q, of_format, now), confident=bool(of_format))
        if asks_where(q) or q.has(Cue.WHO):
            return self._where_or_who(q, pool, now)
        one = q.period is not None and specific and len(pool) == 1
        if one and (q.has(Cue.WHAT) or claims_a_weekday(q.text)):
            return self._about(q, pool, now)  # "hva finnes fra planleggingsdagen 29.11.19?"
        if q.period is not None:
            return self._in_period(q, pool, now)
        tense_only = _BEFORE_NOW.isdisjoint(q.words)  # "vart den halden?", not "forrige …"
        still_to_come = pool and not any(event_of(e).is_over(now) for e in pool)
        if q.has(Cue.PAST) and specific and tense_only and still_to_come:
            return self._about(q, pool, now)  # "korleis vart styrarsamlinga halden?" of tomorrow's
        if q.has(Cue.PAST) and not q.has(Cue.NEXT):
            return self._previous(q, pool, now)
        wants_list = q.has(Cue.LIST) or (q.plural and not q.has(Cue.NEXT))
        if wants_list and not specific:
            return self._upcoming(q, pool, now)
        if specific and not q.has(Cue.NEXT):
            return self._about(q, pool, now)
        return self._next(q, pool, now)

    # -- one kind of answer each --------------------------------------------------------------

    def _next(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        scope = answers.filter_phrase(self.kb, q.filters)
        skipped: list[Entry] = []  # cancelled ones before the next real one
        first: Entry | None = None
        later: list[Entry] = []
        for entry in (e for e in pool if not event_of(e).is_over(now)):
            if first is None and event_of(entry).cancelled:
                skipped.append(entry)
            elif first is None:
                first = entry
            elif len(later) < 3:
                later.append(entry)
            else:
                break
        if first is None:
            if not scope and len(pool) < len(self._events):
                scope = " som passer"  # "ingen kommende samlinger" would deny tomorrow's
            return self._nothing_ahead(pool, now, scope, Intent.NEXT_EVENT, skipped)
        text = answers.next_event(self.kb, scope, first, skipped, later, now)
        return self._reply(text, Intent.NEXT_EVENT, [first, *skipped, *later])

    def _nothing_ahead(
        self,
        pool: Sequence[Entry],
        now: datetime,
        scope: str,
        intent: Intent,
        cancelled: Sequence[Entry] = (),
    ) -> Reply:
        held = [e for e in pool if event_of(e).is_over(now) and not event_of(e).cancelled]
        text = answers.nothing_ahead(scope, held[-1] if held else None, now, cancelled)
        if not held and not pool:
            text += self.pointer(now)
        return self._reply(text, intent, [*cancelled[:2], *held[-1:]])

    def _upcoming(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        listed = format_listed(q)
        scope = answers.filter_phrase(self.kb, q.filters) + (f" som er {listed}e" if listed else "")
        ahead = [e for e in pool if not event_of(e).is_over(now)]
        if ahead:
            return self._reply(
                answers.upcoming_events(scope, ahead, now), Intent.UPCOMING_EVENTS, ahead
            )
        held = [e for e in pool if event_of(e).is_over(now)][::-1]
        text = answers.no_upcoming_events(scope, held, now)
        return self._reply(text, Intent.UPCOMING_EVENTS, held)

    def _in_period(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        assert q.period is not None
        scope = answers.filter_phrase(self.kb, q.filters)
        if pool:
            label = q.period.label
            period = q.period
            if not any(period.overlaps(event_of(e).start, event_of(e).last_day) for e in pool):
                # "29. – 30. januar", not "torsdag … 2026"; "på en onsdag", not "7. oktober"
                label = label_of_any_year(period, {event_of(e).start.year for e in pool})
            text = answers.events_in_period(scope, label, pool, now)
            if len(pool) == 1 and (group := answers.audience(self.kb, pool[0])):
                text += f"\nFor: {group}."  # "noe i morgen? må planlegge vikar": for whom
            return self._reply(text, Intent.EVENTS_IN_PERIOD, pool)
        if not q.period.year_given:  # "var det en skoleledersamling 21. oktober?"
            others = self.in_period(q.period, self.kb.events, named=True)
            if others:
                label = label_of_any_year(q.period, {event_of(e).start.year for e in others})
                text = answers.no_such_events_in_period(scope, label)
                if not (scope or q.topic):  # "er det samling 18. september?" of this year's day
                    text = answers.no_events_in_period("", q.period.label)
                listed = answers.events_in_period("", label, others, now)
                # (no samling of the reply's own: the one asked about was not on that day)
                return self._reply(f"{text}\n\n{listed}", Intent.EVENTS_IN_PERIOD, [])
        text = answers.no_events_in_period(scope, q.period.label)
        beyond = self.beyond_known(q, now)
        if beyond is not None:
            return beyond
        candidates = self.matching(q.filters)
        return self._reply(text + self.pointer(now, candidates), Intent.EVENTS_IN_PERIOD, [])

    def beyond_known(self, q: Question, now: datetime) -> Reply | None:
        """ "samlinger høsten 2027?": a written year after every samling known. No source says
        that none is planned then ("i morgen" in a current overview is known to be empty), so
        the reply says what is known, not confident."""
        latest = self._latest
        if q.period is None or latest is None or not writes_a_year(q.text, q.period):
            return None
        if q.period.start <= event_of(latest).last_day:
            return None
        text = answers.none_known_yet(q.period.label, latest, now)
        return replace(self._reply(text, Intent.EVENTS_IN_PERIOD, []), confident=False)

    def _previous(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        scope = answers.filter_phrase(self.kb, q.filters)
        held = [e for e in pool if event_of(e).is_over(now) and not event_of(e).cancelled]
        if not held:
            text = answers.no_held_events(scope) + self.pointer(now, pool)
            coming = [e for e in pool if event_of(e).is_upcoming(now)][:1]
            return self._reply(text, Intent.PREVIOUS_EVENT, coming)  # "og når er fristen?"
        last = held[-1]
        text = answers.previous_event(self.kb, scope, last, now)
        return self._reply(text, Intent.PREVIOUS_EVENT, [last])

    def _about(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        """A question about particular samlinger: the coming one first, else the latest."""
        if not pool:
            scope = answers.filter_phrase(self.kb, q.filters)
            return self._nothing_ahead(pool, now, scope, Intent.EVENT_INFO)
        chosen = most_relevant(pool, now)
        others = [e for e in pool if e is not chosen]
        text = answers.event_with_others(self.kb, chosen, others, now)
        return self._reply(text, Intent.EVENT_INFO, [chosen, *others])

    def _where_or_who(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        intent = Intent.WHERE if q.has(Cue.WHERE) else Intent.AUDIENCE
        if not pool and q.filters.locations and _GUESSED_PLACE.search(q.text):
            # "hvor er engelsksamlinga, på Oppdal?": the place is a guess, not which samling
            pool = self.matching(replace(q.filters, locations=frozenset()))
        if not pool:
            scope = answers.filter_phrase(self.kb, q.filters)
            return self._nothing_ahead(pool, now, scope, intent)
        chosen = most_relevant(pool, now)
        if intent is Intent.WHERE:
            text = answers.place_of_event(self.kb, chosen, now)
            # "på Oppdal eller Støren?", "trenger adressa": not known; "hvor finner jeg info?"
            # is told by the description
            asks_info = not _INFO.isdisjoint(q.words)
            if answers.where(chosen) is None and not asks_info:
                return replace(self._reply(text, intent, [chosen]), confident=False)
        elif (
            q.has(Cue.INTRODUCED_BY, Cue.PARTNERS, Cue.COOPERATION) and event_of(chosen).organisers
        ):
            text = answers.organisers_of_event(self.kb, chosen, now)  # "hvem holder samlingen?"
        else:
            text = answers.audience_of_event(self.kb, chosen, now)
        return self._reply(text, intent, [chosen])

    def _deadline(self, q: Question, pool: Sequence[Entry], specific: bool, now: datetime) -> Reply:
        if specific and pool:
            chosen = most_relevant(pool, now)
            text = status_texts.deadline_of_event(chosen, now)
            between = status_texts.days_after_deadline(chosen) if asks_days_between(q) else None
            reply = self._reply(f"{between} {text}" if between else text, Intent.DEADLINE, [chosen])
            event = event_of(chosen)
            # "hvor melder jeg meg på?", "er det påmelding til …?": how to register, which the
            # samling tells (but not its deadline, nor the "digital" of its name)
            frist = any("frist" in word for word in q.words)
            how = (not _HOW.isdisjoint(q.words) or not frist) and event.registration is not None
            if event.deadline is None and not event.cancelled and not how:
                return replace(reply, confident=False)  # a deadline nobody registered
            return reply
        scope = answers.filter_phrase(self.kb, q.filters)
        open_ = [e for e in pool if event_of(e).deadline_open(now) and not event_of(e).cancelled]
        if open_:
            return self._reply(
                status_texts.open_deadlines(scope, open_, now), Intent.DEADLINE, open_
            )
        past = [e for e in pool if event_of(e).deadline is not None]
        last = max(past, key=lambda e: event_of(e).deadline or event_of(e).start) if past else None
        return self._reply(status_texts.no_open_deadline(scope, last), Intent.DEADLINE, past[-1:])

    def _cancelled(
        self, q: Question, pool: Sequence[Entry], specific: bool, now: datetime
    ) -> Reply:
        if specific and pool and not lists_samlinger(q):  # not "hvilke er avlyst i regionen?"
            asked = list(pool[:3])
            text = status_texts.cancelled_or_not(
                asked, now, as_planned=asks_if_held(q), moved=asks_if_moved(q)
            )
            if asks_for_a_new_date(q) and any(event_of(e).cancelled for e in asked):
                # "er det satt opp ny dato for den avlyste?": what is known, and not sure
                told = text.removeprefix("Ja, ").removeprefix("Nei, ")
                told = told[:1].upper() + told[1:]
                reply = self._reply(f"{told} {NO_NEW_DATE}", Intent.CANCELLED, asked)
                return replace(reply, confident=False)
            return self._reply(text, Intent.CANCELLED, asked)
        scope = answers.filter_phrase(self.kb, q.filters)
        cancelled = [e for e in pool if event_of(e).cancelled]
        if not cancelled:
            # "hvilken samling ble avlyst i høst?": none then, and the last one that was
            scope += f" {q.period.label}" if q.period is not None else ""
            before = q.period.start if q.period is not None else None
            ever = [e for e in self.matching(q.filters) if event_of(e).cancelled]
            ever = [e for e in ever if before is not None and event_of(e).start < before]
            last = max(ever, key=lambda e: event_of(e).start) if ever else None
            text = ("Nei. " if q.yes_no else "") + status_texts.no_cancelled_events(scope)
            if last is not None:
                text += f" Den siste som ble avlyst, var «{last.title}» {when(last, now)}."
            return self._reply(text, Intent.CANCELLED, [last] if last is not None else [])
        text = status_texts.cancelled_events(scope, cancelled, now)
        verdict = "Ja. " if q.yes_no else ""  # "har noe blitt avlyst?"
        return self._reply(verdict + text, Intent.CANCELLED, cancelled)

    def _reply(self, text: str, intent: Intent, entries: Sequence[Entry]) -> Reply:
        return reply_about(self.kb, text, intent, entries)


_HOW = frozenset({"hvor", "hvordan"})
