"""The answer engine: a question and the moment it is asked in, a `Reply` out.

Pure domain code: no I/O, no Telegram, no clock. The conversation layer and the command line
both call `Engine.ask`, so every channel gives the same answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from itertools import combinations

from bot.core import answers
from bot.core.bulk import cyclic_gc_paused
from bot.core.dates import long_date
from bot.core.index import Hit, SearchIndex, SearchResult
from bot.core.knowledge import OSLO, Entry, EventDetails, Kind, KnowledgeBase
from bot.core.question import (
    STOP_WORDS_FOLDED,
    Cue,
    Filters,
    Question,
    QuestionReader,
    cue_phrases,
)
from bot.core.text import Normaliser

MAX_QUESTION_LENGTH = 500
CONFIDENT_SCORE = 0.6  # an entry answer needs at least this score ...
CONFIDENT_MARGIN = 0.08  # ... this lead over the runner-up ...
CONFIDENT_COVERAGE = 0.65  # ... and the question's words must mostly be known
SUGGEST_SCORE = 0.3  # "Mente du …?" offers entries above this score ...
SUGGEST_LEXICAL = 0.35  # ... that contain this share of the question ...
SUGGEST_COVERAGE = 0.4  # ... when the bot recognised this much of the question at all
EXAMPLE = "«Når er neste samling?»"
_TERMINAL_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")


class Intent(StrEnum):
    NEXT_EVENT = "next_event"
    PREVIOUS_EVENT = "previous_event"
    UPCOMING_EVENTS = "upcoming_events"
    EVENTS_IN_PERIOD = "events_in_period"
    EVENT_INFO = "event_info"
    DEADLINE = "deadline"
    WHERE = "where"
    AUDIENCE = "audience"
    CANCELLED = "cancelled"
    WHAT_IS = "what_is"
    LIST = "list"
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    GOODBYE = "goodbye"
    UNKNOWN = "unknown"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    kind: str
    title: str
    score: float


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    confident: bool
    intent: Intent
    matches: tuple[Match, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    source: str | None = None  # "Kilde: …" line

    @property
    def full_text(self) -> str:
        return f"{self.text}\n\n{self.source}" if self.source else self.text

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of `python -m bot ask --json` and `--jsonl`."""
        return {
            "answer": self.full_text,
            "confident": self.confident,
            "intent": self.intent.value,
            "matches": [
                {"id": m.id, "kind": m.kind, "title": m.title, "score": round(m.score, 3)}
                for m in self.matches
            ],
            "suggestions": [s.title for s in self.suggestions],
        }


class Engine:
    """Answers questions about one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._normaliser = Normaliser(kb.vocabulary.synonyms)
        cues = cue_phrases(kb, self._normaliser)
        cue_terms = {term for terms, _ in cues for term in terms}
        with cyclic_gc_paused():
            self._index = SearchIndex(kb.entries, self._normaliser, STOP_WORDS_FOLDED, cue_terms)
            self._reader = QuestionReader(kb, self._normaliser, cues, self._index.surface_words)
        self._events = _EventFacets(kb.events)
        self._topics = self._known_topics()

    # -- public -------------------------------------------------------------------------------

    def ask(self, question: str, now: datetime) -> Reply:
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        now = now.astimezone(OSLO)
        text, problem = clean_question(question)
        if problem is not None:
            return Reply(problem, False, Intent.INVALID)
        q = self._reader.read(text, now.date())
        if q.is_smalltalk_only:
            return self._smalltalk(q)
        search = self._index.search(q.content, limit=6)
        named = self._named_entity(q)
        if named is not None:
            return self._answer_named(named, q, search, now)
        if self._is_about_events(q, search):
            return self._answer_events(q, search, now)
        return self._answer_entries(q, search, now)

    def answer_entry(self, entry_id: str, now: datetime) -> Reply | None:
        """The answer for one entry, e.g. when a user taps a suggestion button."""
        entry = self.kb.get(entry_id)
        if entry is None:
            return None
        now = now.astimezone(OSLO)
        if entry.event is not None:
            text = answers.event_summary(self.kb, entry, now)
            return self._reply(text, Intent.EVENT_INFO, [entry])
        return self._reply(answers.entry_text(entry), Intent.WHAT_IS, [entry])

    # -- deciding -----------------------------------------------------------------------------

    def _named_entity(self, q: Question) -> Entry | None:
        """A question that only names a scheme or region ("dekom", "hva er REKOM?") is about it.

        With a question word about samlinger, an audience, a place or other topic words, the
        question is about something more specific, and the search decides.
        """
        event_cues = (Cue.EVENT, Cue.NEXT, Cue.PAST, Cue.DEADLINE, Cue.CANCELLED, Cue.WHERE)
        filters = q.filters
        if q.topic or q.period or q.list_kind or q.has(*event_cues):
            return None
        if filters.audiences or filters.locations:
            return None
        named = [self.kb.get(entry_id) for entry_id in (*filters.schemes, *filters.regions)]
        entities = [entry for entry in named if entry is not None]
        schemes = [entry for entry in entities if entry.kind is Kind.SCHEME]
        if len(entities) == 1 or len(schemes) == 1:
            return schemes[0] if schemes else entities[0]
        return None

    def _answer_named(
        self, entry: Entry, q: Question, search: SearchResult, now: datetime
    ) -> Reply:
        if self._coverage(q, search) < CONFIDENT_COVERAGE:
            return self._unknown(q, search)
        text = answers.entry_text(entry)
        related = self._events.about(entry.id)
        shown = _around(related, now, 3)
        if shown:
            text += f"\n\nSamlinger i {answers.short_title(entry)}:\n"
            text += answers.event_list(shown, now)
        return self._reply(text, Intent.WHAT_IS, [entry, *shown], search.hits)

    def _is_about_events(self, q: Question, search: SearchResult) -> bool:
        if q.list_kind is not None:
            return False
        if q.period is not None or q.has(Cue.EVENT, Cue.NEXT, Cue.DEADLINE, Cue.CANCELLED):
            return True
        top = search.hits[0] if search.hits else None
        if top is None:
            return q.has(Cue.PAST) and not q.content
        return top.entry.is_event

    @staticmethod
    def _coverage(q: Question, search: SearchResult) -> float:
        """Share of the question the bot understood, each recognised question word counting 1."""
        return search.coverage(recognised_extra=float(len(q.cue_terms)))

    # -- entries ------------------------------------------------------------------------------

    def _answer_entries(self, q: Question, search: SearchResult, now: datetime) -> Reply:
        if q.list_kind is not None:
            listed = self._list_of_kind(q, search)
            if listed is not None:
                return listed
        if not q.content:
            return self._unknown(q, search, asked_nothing=True)
        hits = search.hits
        top = hits[0] if hits else None
        if top is None:
            return self._unknown(q, search)
        pair = self._complementary_pair(q, hits)
        if pair is not None and self._coverage(q, search) >= CONFIDENT_COVERAGE:
            text = "\n\n".join(f"{e.title}:\n{answers.entry_text(e)}" for e in pair)
            return self._reply(text, Intent.WHAT_IS, pair, hits)
        runner_up = _runner_up_score(hits)
        confident = (
            top.score >= CONFIDENT_SCORE
            and top.score - runner_up >= CONFIDENT_MARGIN
            and self._coverage(q, search) >= CONFIDENT_COVERAGE
            and _can_answer(top.entry, q)
        )
        if confident and q.has(Cue.COUNT):
            confident = self._can_count(q, top.entry)
        if not confident:
            return self._unknown(q, search)
        intent = Intent.LIST if q.has(Cue.LIST, Cue.COUNT) and top.entry.items else Intent.WHAT_IS
        if top.entry.event is not None:
            text = answers.event_summary(self.kb, top.entry, now)
            return self._reply(text, Intent.EVENT_INFO, [top.entry], hits)
        text = answers.entry_text(top.entry)
        if q.has(Cue.COUNT) and top.entry.items:
            text = f"Det er {answers.number_word(len(top.entry.items))}.\n\n{text}"
        return self._reply(text, intent, [top.entry], hits)

    def _can_count(self, q: Question, entry: Entry) -> bool:
        """ "Hvor mange X?" is answerable when the entry's list is a list of X."""
        if not entry.items or q.counted is None:
            return False
        heading = self._normaliser.terms(f"{entry.items_title or ''} {entry.title}")
        return q.counted in heading

    @staticmethod
    def _complementary_pair(q: Question, hits: Sequence[Hit]) -> list[Entry] | None:
        """ "Hva er X og Y?": two of the best entries, each named by its id, that each cover what
        the other does not, and together all of the question."""
        wanted = set(q.content)
        if len(wanted) < 2 or not q.cues <= {Cue.WHAT, Cue.LIST}:
            return None
        candidates = [
            hit
            for hit in hits[:3]
            if hit.named and not hit.entry.is_event and hit.score >= CONFIDENT_SCORE
        ]
        for first, second in combinations(candidates, 2):
            if first.covered <= second.covered or second.covered <= first.covered:
                continue
            if wanted <= first.covered | second.covered:
                return [first.entry, second.entry]
        return None

    def _list_of_kind(self, q: Question, search: SearchResult) -> Reply | None:
        """ "hvilke ordninger finnes?" lists the schemes, unless one entry holds that list."""
        assert q.list_kind is not None
        top = search.hits[0] if search.hits else None
        if top is not None and top.entry.items and top.score >= CONFIDENT_SCORE and q.topic:
            return None
        of_kind = [entry for entry in self.kb if entry.kind == q.list_kind]
        if not of_kind:
            return None
        names = self.kb.vocabulary.kinds.get(q.list_kind)
        plural = names.plural if names else q.list_kind.value
        lines = [f"{plural.capitalize()} jeg kjenner til:"]
        lines += [f"• {entry.title}" for entry in of_kind]
        lines.append("Spør gjerne om en av dem, for eksempel «Hva er " + of_kind[0].title + "?»")
        return self._reply("\n".join(lines), Intent.LIST, of_kind)

    # -- events -------------------------------------------------------------------------------

    def _answer_events(self, q: Question, search: SearchResult, now: datetime) -> Reply:
        pool = self._events.matching(q.filters)
        specific = bool(q.filters)
        if q.topic:
            found = self._events_on_topic(q.topic, pool)
            if not found:
                return self._no_event_on_topic(q, search, now)
            pool, specific = found, True
        if q.period is not None:
            period = q.period
            pool = [e for e in pool if period.overlaps(_event(e).start, _event(e).last_day)]
        if self._coverage(q, search) < CONFIDENT_COVERAGE:
            return self._unknown(q, search)
        if q.has(Cue.CANCELLED):
            return self._cancelled(q, pool, specific, now)
        if q.has(Cue.DEADLINE):
            return self._deadline(q, pool, specific, now)
        if q.has(Cue.WHERE) or q.has(Cue.WHO):
            return self._where_or_who(q, pool, now)
        if q.period is not None:
            return self._in_period(q, pool, now)
        if q.has(Cue.PAST) and not q.has(Cue.NEXT):
            return self._previous(q, pool, now)
        wants_list = q.has(Cue.LIST) or (q.plural and not q.has(Cue.NEXT))
        if wants_list and not specific:
            return self._upcoming(q, pool, now)
        if specific and not q.has(Cue.NEXT):
            return self._about(q, pool, now)
        return self._next(q, pool, now)

    def _events_on_topic(self, topic: Sequence[str], pool: Sequence[Entry]) -> list[Entry]:
        allowed = {entry.id for entry in pool}
        result = self._index.search(
            topic, limit=max(len(allowed), 1), where=lambda e: e.id in allowed, rerank=False
        )
        scored = [hit for hit in result.hits if hit.lexical >= 0.5]
        if not scored:
            return []
        best = max(hit.lexical for hit in scored)
        chosen = [hit.entry for hit in scored if hit.lexical >= 0.8 * best]
        return sorted(chosen, key=lambda e: _event(e).starts_at())

    def _no_event_on_topic(self, q: Question, search: SearchResult, now: datetime) -> Reply:
        """The question names something no samling is about."""
        explicit = q.period is not None or q.has(Cue.EVENT, Cue.NEXT)
        if not explicit:
            if q.has(Cue.DEADLINE, Cue.CANCELLED, Cue.PAST):
                return self._unknown(q, search)
            return self._answer_entries(q, search, now)
        if self._coverage(q, search) < CONFIDENT_COVERAGE:
            return self._unknown(q, search)
        about = next((h.entry for h in search.hits if not h.entry.is_event), None)
        subject = f" om «{about.title}»" if about is not None else " om det du spør om"
        text = f"Jeg finner ingen samlinger{subject}." + self._pointer(now)
        return self._reply(text, Intent.NEXT_EVENT, [], search.hits)

    def _pointer(self, now: datetime, pool: Sequence[Entry] | None = None) -> str:
        """Where to look instead: the next samling, or the latest one when none is coming."""
        events = self.kb.events if pool is None else pool
        coming = [e for e in events if _event(e).is_upcoming(now)]
        if coming:
            return f" Neste samling er «{coming[0].title}» {answers.when(coming[0], now)}."
        held = [e for e in events if _event(e).is_over(now) and not _event(e).cancelled]
        if held:
            return f" Den siste var «{held[-1].title}» {answers.when(held[-1], now)}."
        return ""

    def _next(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        scope = answers.filter_phrase(self.kb, q.filters)
        skipped: list[Entry] = []  # cancelled ones before the next real one
        first: Entry | None = None
        later: list[Entry] = []
        for entry in (e for e in pool if not _event(e).is_over(now)):
            if first is None and _event(entry).cancelled:
                skipped.append(entry)
            elif first is None:
                first = entry
            elif len(later) < 3:
                later.append(entry)
            else:
                break
        if first is None:
            return self._nothing_ahead(q, pool, now, scope, Intent.NEXT_EVENT)
        headline = f"Neste samling{scope} er «{first.title}», {answers.when(first, now)}."
        text = "\n".join([headline, *answers.event_details(self.kb, first, now)])
        if skipped:
            text += "\n\nMerk: " + " ".join(
                f"«{e.title}» {answers.when(e, now)} er avlyst." for e in skipped
            )
        if later:
            text += "\n\nSenere:\n" + answers.event_list(later, now)
        return self._reply(text, Intent.NEXT_EVENT, [first, *skipped, *later])

    def _nothing_ahead(
        self, q: Question, pool: Sequence[Entry], now: datetime, scope: str, intent: Intent
    ) -> Reply:
        held = [e for e in pool if _event(e).is_over(now) and not _event(e).cancelled]
        text = f"Det er ingen kommende samlinger{scope} i oversikten min nå."
        if held:
            last = held[-1]
            text += f" Den siste var «{last.title}» {answers.when(last, now)}"
            place = answers.where(last)
            text += f" ({place})." if place else "."
        elif not pool:
            text += self._pointer(now)
        return self._reply(text, intent, held[-1:] if held else [])

    def _upcoming(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        scope = answers.filter_phrase(self.kb, q.filters)
        ahead = [e for e in pool if not _event(e).is_over(now)]
        if ahead:
            text = f"Kommende samlinger{scope}:\n" + answers.event_list(ahead, now)
            return self._reply(text, Intent.UPCOMING_EVENTS, ahead)
        held = [e for e in pool if _event(e).is_over(now)][::-1]
        text = f"Det er ingen kommende samlinger{scope} i oversikten min nå."
        if held:
            text += " Dette er de siste:\n" + answers.event_list(held, now)
        return self._reply(text, Intent.UPCOMING_EVENTS, held)

    def _in_period(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        assert q.period is not None
        scope = answers.filter_phrase(self.kb, q.filters)
        if pool:
            text = f"Samlinger{scope} {q.period.label}:\n" + answers.event_list(pool, now)
            return self._reply(text, Intent.EVENTS_IN_PERIOD, pool)
        text = f"Jeg finner ingen samlinger{scope} {q.period.label}."
        candidates = self._events.matching(q.filters)
        return self._reply(text + self._pointer(now, candidates), Intent.EVENTS_IN_PERIOD, [])

    def _previous(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        scope = answers.filter_phrase(self.kb, q.filters)
        held = [e for e in pool if _event(e).is_over(now) and not _event(e).cancelled]
        if not held:
            text = f"Jeg finner ingen gjennomførte samlinger{scope}." + self._pointer(now, pool)
            return self._reply(text, Intent.PREVIOUS_EVENT, [])
        last = held[-1]
        text = f"Forrige samling{scope} var «{last.title}» {answers.when(last, now)}."
        text = "\n".join([text, *answers.event_details(self.kb, last, now)])
        return self._reply(text, Intent.PREVIOUS_EVENT, [last])

    def _about(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        """A question about particular samlinger: the coming one first, else the latest."""
        if not pool:
            scope = answers.filter_phrase(self.kb, q.filters)
            return self._nothing_ahead(q, pool, now, scope, Intent.EVENT_INFO)
        chosen = _most_relevant(pool, now)
        text = answers.event_summary(self.kb, chosen, now)
        others = [e for e in pool if e is not chosen]
        if others:
            text += "\n\nAndre samlinger som passer:\n" + answers.event_list(others, now)
        return self._reply(text, Intent.EVENT_INFO, [chosen, *others])

    def _where_or_who(self, q: Question, pool: Sequence[Entry], now: datetime) -> Reply:
        intent = Intent.WHERE if q.has(Cue.WHERE) else Intent.AUDIENCE
        if not pool:
            scope = answers.filter_phrase(self.kb, q.filters)
            return self._nothing_ahead(q, pool, now, scope, intent)
        chosen = _most_relevant(pool, now)
        verb = "var" if _event(chosen).is_over(now) else "er"
        if intent is Intent.WHERE:
            place = answers.where(chosen)
            first = (
                f"«{chosen.title}» {verb} {place}."
                if place
                else f"Jeg har ikke noe sted registrert for «{chosen.title}»."
            )
        else:
            group = answers.audience(self.kb, chosen)
            first = (
                f"«{chosen.title}» {verb} for {group}."
                if group
                else f"Jeg har ingen målgruppe registrert for «{chosen.title}»."
            )
        repeated = "Sted:" if intent is Intent.WHERE else "For:"
        details = [
            line
            for line in answers.event_details(self.kb, chosen, now)
            if not line.startswith(repeated)
        ]
        lines = [first, answers.event_headline(chosen, now), *details]
        return self._reply("\n".join(lines), intent, [chosen])

    def _deadline(self, q: Question, pool: Sequence[Entry], specific: bool, now: datetime) -> Reply:
        if specific and pool:
            chosen = _most_relevant(pool, now)
            event = _event(chosen)
            text = answers.deadline_sentence(chosen, now)
            if event.deadline is not None:
                text = text.replace("Påmeldingsfristen", f"Påmeldingsfristen for «{chosen.title}»")
            verb = "var" if event.is_over(now) else "er"
            text += f" Samlingen {verb} {answers.when(chosen, now)}."
            if event.cancelled:
                text += " Merk: samlingen er AVLYST."
            elif event.registration and not event.is_over(now):
                text += f" {event.registration}"
            return self._reply(text, Intent.DEADLINE, [chosen])
        scope = answers.filter_phrase(self.kb, q.filters)
        open_ = [e for e in pool if _deadline_open(_event(e), now) and not _event(e).cancelled]
        if open_:
            lines = [
                f"• {answers.deadline_sentence(e, now).removeprefix('Påmeldingsfristen ')}"
                f" – «{e.title}»"
                for e in open_
            ]
            text = f"Åpne påmeldingsfrister{scope}:\n" + "\n".join(lines)
            return self._reply(text, Intent.DEADLINE, open_)
        past = [e for e in pool if _event(e).deadline is not None]
        text = f"Ingen kommende samlinger{scope} har åpen påmelding nå."
        if past:
            last = max(past, key=lambda e: _event(e).deadline or _event(e).start)
            deadline = _event(last).deadline
            assert deadline is not None
            text += (
                f" Den siste fristen jeg kjenner til var {long_date(deadline)}, for «{last.title}»."
            )
        return self._reply(text, Intent.DEADLINE, past[-1:])

    def _cancelled(
        self, q: Question, pool: Sequence[Entry], specific: bool, now: datetime
    ) -> Reply:
        if specific and pool:
            lines = []
            for entry in pool[:3]:
                day = answers.when(entry, now)
                if _event(entry).cancelled:
                    lines.append(f"Ja, «{entry.title}» {day} er avlyst.")
                else:
                    verb = "ble gjennomført" if _event(entry).is_over(now) else "går som planlagt"
                    lines.append(f"Nei, «{entry.title}» {day} er ikke avlyst; den {verb}.")
            return self._reply("\n".join(lines), Intent.CANCELLED, list(pool[:3]))
        scope = answers.filter_phrase(self.kb, q.filters)
        cancelled = [e for e in pool if _event(e).cancelled]
        if not cancelled:
            return self._reply(f"Ingen samlinger{scope} er avlyst.", Intent.CANCELLED, [])
        text = f"Avlyste samlinger{scope}:\n" + answers.event_list(cancelled, now)
        return self._reply(text, Intent.CANCELLED, cancelled)

    # -- small talk and not knowing -----------------------------------------------------------

    def _smalltalk(self, q: Question) -> Reply:
        if Cue.THANKS in q.cues:
            return Reply("Bare hyggelig! Si fra hvis du lurer på noe mer.", True, Intent.THANKS)
        if Cue.HELP in q.cues:
            return Reply(self.help_text(), True, Intent.HELP)
        if Cue.GOODBYE in q.cues:
            return Reply("Ha det bra! Lykke til med arbeidet.", True, Intent.GOODBYE)
        text = (
            "Hei! Jeg er Kompetansebot. Spør meg om samlinger, påmeldingsfrister og ordninger "
            f"som DEKOM og REKOM – for eksempel {EXAMPLE}"
        )
        return Reply(text, True, Intent.GREETING)

    def help_text(self) -> str:
        return (
            "Jeg svarer på spørsmål om kompetanseutvikling i barnehage og skole:\n"
            "• samlinger: når neste er, hvor, hvem de er for, påmeldingsfrist og om de er avlyst\n"
            "• samlinger i en periode: «i morgen», «neste uke», «i oktober», «i høst»\n"
            f"• {self._topics}\n"
            f"Skriv spørsmålet slik du ville sagt det, for eksempel {EXAMPLE} "
            "eller «Hva er DEKOM?». Nynorsk går fint."
        )

    def _known_topics(self) -> str:
        names = self.kb.vocabulary.kinds
        parts = []
        for kind in (Kind.SCHEME, Kind.FOCUS_AREA, Kind.PROJECT, Kind.NETWORK, Kind.REGION):
            titles = [answers.short_title(e) for e in self.kb if e.kind == kind][:3]
            if titles and kind in names:
                parts.append(f"{names[kind].plural} ({answers.join_words(titles)})")
        return answers.join_words(parts) if parts else "temaene i kunnskapsbasen"

    def _unknown(self, q: Question, search: SearchResult, *, asked_nothing: bool = False) -> Reply:
        hits = search.hits
        suggestions = [
            hit for hit in hits if hit.score >= SUGGEST_SCORE and hit.lexical >= SUGGEST_LEXICAL
        ][:3]
        if self._coverage(q, search) < SUGGEST_COVERAGE:
            suggestions = []
        if suggestions and not asked_nothing:
            lines = ["Jeg er ikke helt sikker på hva du mener. Mente du …?"]
            lines += [f"• {hit.entry.title}" for hit in suggestions]
            return Reply(
                "\n".join(lines),
                False,
                Intent.UNKNOWN,
                _matches(hits),
                tuple(Suggestion(hit.entry.id, hit.entry.title) for hit in suggestions),
            )
        text = (
            "Det vet jeg dessverre ikke. Jeg kan svare på spørsmål om samlinger (når, hvor, "
            f"hvem de er for og påmeldingsfrist) og om {self._topics}. "
            f"Prøv for eksempel {EXAMPLE}"
        )
        return Reply(text, False, Intent.UNKNOWN, _matches(hits))

    def _reply(
        self,
        text: str,
        intent: Intent,
        entries: Sequence[Entry],
        hits: Sequence[Hit] = (),
    ) -> Reply:
        scores = {hit.entry.id: hit.score for hit in hits}
        matches = tuple(Match(e.id, e.kind.value, e.title, scores.get(e.id, 1.0)) for e in entries)
        return Reply(text, True, intent, matches, (), answers.source_line(self.kb, entries))


def clean_question(raw: str) -> tuple[str, str | None]:
    """The question with control characters removed, or a Norwegian message saying what's wrong."""
    text = _TERMINAL_ESCAPES.sub(" ", raw)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text).strip()
    if not text:
        return "", f"Skriv et spørsmål, så skal jeg svare. For eksempel {EXAMPLE}"
    if len(text) > MAX_QUESTION_LENGTH:
        return "", (
            f"Spørsmålet er for langt for meg ({len(text)} tegn; maks {MAX_QUESTION_LENGTH}). "
            f"Prøv å spørre kort, for eksempel {EXAMPLE}"
        )
    if not any(ch.isalnum() for ch in text):
        return "", f"Jeg forstår bare tekst. Spør meg gjerne om noe, for eksempel {EXAMPLE}"
    return " ".join(text.split()), None


def _event(entry: Entry) -> EventDetails:
    assert entry.event is not None, entry.id
    return entry.event


class _EventFacets:
    """Events by audience, scheme, region, organiser and place, so filtering is set algebra."""

    def __init__(self, events: Sequence[Entry]) -> None:
        self._events = tuple(events)
        self._by: dict[tuple[str, str], set[int]] = defaultdict(set)
        for position, entry in enumerate(self._events):
            event = _event(entry)
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
        """Events that match every facet the filters name (any value within a facet)."""
        chosen: set[int] | None = None
        for facet in ("audiences", "schemes", "regions", "organisers", "locations"):
            wanted: frozenset[str] = getattr(filters, facet)
            if not wanted:
                continue
            found = set().union(*(self._by.get((facet, name), set()) for name in wanted))
            chosen = found if chosen is None else chosen & found
        if chosen is None:
            return list(self._events)
        return [self._events[position] for position in sorted(chosen)]

    def about(self, entry_id: str) -> list[Entry]:
        """Events of a scheme or region entry."""
        positions = self._by.get(("schemes", entry_id), set())
        positions |= self._by.get(("regions", entry_id), set())
        return [self._events[position] for position in sorted(positions)]


def _deadline_open(event: EventDetails, now: datetime) -> bool:
    deadline_at = event.deadline_at()
    return deadline_at is not None and now < deadline_at


def _most_relevant(pool: Sequence[Entry], now: datetime) -> Entry:
    """The next one that has not ended, else the latest."""
    ahead = [e for e in pool if not _event(e).is_over(now)]
    return ahead[0] if ahead else pool[-1]


def _can_answer(entry: Entry, q: Question) -> bool:
    """Whether an entry that is not a samling can answer this type of question at all."""
    if entry.is_event:
        return True
    if q.has(Cue.DEADLINE, Cue.CANCELLED):
        return False
    if q.has(Cue.WHERE):
        return entry.kind in (Kind.REGION, Kind.NETWORK)
    if q.has(Cue.WHEN):
        return any(ch.isdigit() for ch in entry.answer + " ".join(entry.items))
    return True


def _matches(hits: Sequence[Hit]) -> tuple[Match, ...]:
    return tuple(Match(h.entry.id, h.entry.kind.value, h.entry.title, h.score) for h in hits)


def _runner_up_score(hits: Sequence[Hit]) -> float:
    """The best score of a competing entry; entries linked as related do not compete."""
    top = hits[0].entry
    for hit in hits[1:]:
        if hit.entry.id not in top.related and top.id not in hit.entry.related:
            return hit.score
    return 0.0


def _around(events: Sequence[Entry], now: datetime, count: int) -> list[Entry]:
    """Up to `count` events: the coming ones first, else the most recent."""
    ahead = [e for e in events if not _event(e).is_over(now)]
    if ahead:
        return ahead[:count]
    return list(events[-count:])
