"""Samlinger a question names, and what it claims of them: the place ("er styrersamlinga på
Oppdal?"), the day ("var planleggingsdagen 29.11.2020?"), a partner ("er den i samarbeid med
UiT?"), or the one after it ("neste samling etter begynneropplæringa?").

A place or a day in such a question is the claim to check, not a filter: filtering by it would
answer "Ja" about another samling that is there. The decider (`bot.core.decide`) asks these
before it narrows the samlinger down.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.core import answers
from bot.core.answers import event_of, most_relevant
from bot.core.date_texts import WEEKDAYS, short_date
from bot.core.dates import Period
from bot.core.event_answers import EventAnswers
from bot.core.facets import Filters
from bot.core.index import SearchResult
from bot.core.knowledge import Entry, Kind
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.reply import Intent, Reply, reply_about
from bot.core.strange_names import strange_names, with_institution
from bot.core.text import Normaliser, fold

_HELD = ("var", "er", "blir", "ble", "holdes", "holdt", "den", "ho", "samlingen", "samlinga")
_NAMED_SCORE = 0.3  # the samling the question names matches at least this well


class NamedSamlinger:
    """Claims about, and samlinger after, the samlinger a question names."""

    def __init__(self, events: EventAnswers, normaliser: Normaliser) -> None:
        self._events = events
        self._normaliser = normaliser
        self._all = events.kb.events
        self._municipalities = frozenset(
            name
            for entry in events.kb
            if entry.kind is Kind.REGION
            for name in entry.members
            if name[:1].isupper()
        )

    def claimed(self, q: Question, now: datetime) -> Reply | None:
        """ "Nei." and the truth, when the question claims a place or a day the samling it
        names does not have."""
        return self.elsewhere(q, now) or self.on_another_day(q, now)

    def held_by_others(
        self, q: Question, search: SearchResult, now: datetime, last: Entry | None = None
    ) -> Reply | None:
        """ "Er begynneropplæringa i samarbeid med UiT?", or of the samling the chat talked
        about, "og det er i samarbeid med UiT, ikke sant?": a partner the sources never name of
        the samling the question names: "Nei." and who holds it."""
        top = search.hits[0] if search.hits else None
        if top is not None and top.entry.event is not None and top.score >= _NAMED_SCORE:
            samling: Entry | None = top.entry
        else:
            samling = last if q.refers_back and last is not None and last.is_event else None
        if not q.yes_no or not q.has(Cue.PARTNERS) or samling is None or samling.event is None:
            return None
        names = strange_names(q, search)
        if not names or not samling.event.organisers:
            return None
        unknown = answers.join_words([with_institution(name, q.text) for name in names])
        held = answers.organisers_of_event(self._events.kb, samling, now)
        text = f"Nei. Kildene mine nevner ikke {unknown}. {held}"
        return reply_about(self._events.kb, text, Intent.EVENT_INFO, [samling], search.hits)

    def elsewhere(self, q: Question, now: datetime) -> Reply | None:
        """ "er styrersamlinga på Oppdal?": the place is the claim, not a filter. When none of
        the samlinger the question names is there, "Nei." and where the one meant is."""
        claimed = q.filters.locations | self._municipalities_claimed(q)
        if not q.yes_no or not claimed:
            return None
        # the samlinger by name: not narrowed by the place, nor by whom it is asked for
        pool = self._named(q, Filters(schemes=q.filters.schemes, regions=q.filters.regions))
        if pool and q.period is not None:
            pool = self._events.in_period(q.period, pool, named=True)
        if not pool or len(pool) == len(self._all):
            # "er det noen samling på Røros?": a municipality no samling is held in
            places = claimed - q.filters.locations
            if not places or any(event_of(e).location in places for e in self._all):
                return None
            shown = answers.join_words(sorted(places))
            text = f"Nei. Ingen av samlingene i oversikten min er på {shown}."
            return reply_about(self._events.kb, text, Intent.WHERE, [])
        if any(event_of(e).location in claimed for e in pool):
            return None
        chosen = most_relevant(pool, now)
        text = answers.place_of_event(self._events.kb, chosen, now)
        return reply_about(self._events.kb, f"Nei. {text}", Intent.WHERE, [chosen])

    def _municipalities_claimed(self, q: Question) -> frozenset[str]:
        """ "var ledersamlinga på Røros?": a municipality of a region named as the place (after
        "på" or "i"), which no samling may be held in."""
        said = f" {' '.join(q.words)} "
        return frozenset(
            name
            for name in self._municipalities
            if f" pa {fold(name)} " in said
            or any(f" {verb} i {fold(name)} " in said for verb in _HELD)  # "var den i Melhus?"
        )

    def on_another_day(self, q: Question, now: datetime) -> Reply | None:
        """ "var planleggingsdagen 29.11.2020?", "var styrersamlinga i november?": a day or a
        month claimed for the samling the question names, which is on another: "Nei." and
        when it is."""
        period = q.period
        if not q.yes_no or period is None or not (period.start == period.end or _a_month(period)):
            return None
        # "Er samlingen 18. september på en torsdag?": the weekday is claimed too
        days = [i for i, name in enumerate(_WEEKDAYS) if name in q.words]
        other_day = len(days) == 1 and period.weekday is None
        weekday_only = period.weekday is not None  # "er samlingen for 1. trinn en torsdag?"
        named_by_audience = other_day or weekday_only or bool(q.naming_audiences)
        named_by_audience = named_by_audience and not q.has(Cue.DEADLINE)  # "… i dag?"
        by_audience = self._for_audience(q) if named_by_audience else []  # "engelsksamlingen"
        pool = self._named(q, q.filters) or by_audience
        if not pool or len(pool) == len(self._all):
            return None
        on_the_day = self._events.in_period(period, pool, named=True)
        weekdays = {event_of(e).start.weekday() for e in on_the_day}
        if on_the_day and other_day and days[0] not in weekdays:
            pool, on_the_day = on_the_day, []
        if on_the_day:
            return None
        chosen = most_relevant(pool, now)
        text = f"Nei. {answers.event_headline(chosen, now)}"
        deadline = event_of(chosen).deadline
        day_of = (deadline.day, deadline.month) if deadline else None
        if deadline and (deadline == period.start or day_of == period.day_month):
            # "… er engelsksamlingen 24. september?": that day is its deadline
            verb = "var" if deadline < now.date() else "er"
            text += f" {short_date(deadline)} {verb} påmeldingsfristen."
        return reply_about(self._events.kb, text, Intent.EVENT_INFO, [chosen])

    def after_last(self, q: Question, last: Entry | None, now: datetime) -> Reply | None:
        """ "og den etter?", "og neste etter den?" after a samling: the next one for any of
        its audiences. When the sources know of none, that is said, not confidently."""
        if last is None or last.event is None or not _asks_for_the_one_after(q):
            return None
        later = self._events.after(last)
        kb = self._events.kb
        if later:
            text = answers.event_headline(later[0], now)
            return reply_about(kb, text, Intent.NEXT_EVENT, [later[0]])
        text = f"Jeg kjenner ikke til flere samlinger etter «{last.title}»."
        return replace(reply_about(kb, text, Intent.UNKNOWN, [last]), confident=False)

    def _for_audience(self, q: Question) -> list[Entry]:
        """ "Er begynneropplæringssamlingen …?": a samling named by whom it is for."""
        if not q.filters.audiences or q.words[1:2] == ("det",):
            return []
        return self._events.matching(q.filters)

    def _named(self, q: Question, filters: Filters) -> list[Entry]:
        """The samlinger of `filters` that the question's own words name ("styrersamlinga"); none
        when it has no topic, or asks whether there is one ("var det … i vinter?")."""
        if not q.topic or q.words[1:2] == ("det",):
            return []
        return self._events.on_topic(q.topic, self._events.matching(filters))

    def after_named(self, q: Question) -> tuple[Question, list[Entry]] | None:
        """ "neste samling etter begynneropplæringa?", "… styrersamlinga. Når er den neste?":
        the samlinger after the one named after "etter" (or pointed back to), in the region or
        scheme asked (its own audience named that one), and the question with those filters."""
        if not q.has(Cue.NEXT):
            return None
        if "etter" in q.words and q.period is not None:  # "neste samling etter 18. september?"
            day = q.period.end
            q = replace(q, period=None)
            later = [e for e in self._events.matching(q.filters) if event_of(e).start > day]
            return q, later
        if "etter" in q.words:
            named = self._normaliser.terms(" ".join(q.words[q.words.index("etter") + 1 :]))
        elif q.refers_back and q.topic and "neste" in q.words:
            # "Jeg var på styrersamlinga. Når er den neste?" (not "… snart, eller har den vært?")
            named = q.topic
        else:
            return None
        found = self._events.on_topic(named, self._all)
        if len(found) != 1:
            return None
        q = replace(q, filters=Filters(schemes=q.filters.schemes, regions=q.filters.regions))
        allowed = {entry.id for entry in self._events.matching(q.filters)}
        return q, [entry for entry in self._events.after(found[0]) if entry.id in allowed]


def _asks_for_the_one_after(q: Question) -> bool:
    """ "og den etter?", "og neste etter den?": "etter" with nothing but a pointer after it."""
    if "etter" not in q.words or not (q.refers_back or q.follows_up):
        return False
    after = q.words[q.words.index("etter") + 1 :]
    return all(word in _POINTERS for word in after)


_WEEKDAYS = tuple(fold(name) for name in WEEKDAYS)
_POINTERS = frozenset({"den", "det", "denne", "dette", "igjen", "da", "sa"})


def _a_month(period: Period) -> bool:
    """ "i november", "i oktober 2020": one calendar month."""
    start, end = period.start, period.end
    return start.day == 1 and (start.year, start.month) == (end.year, end.month) and end.day >= 28
