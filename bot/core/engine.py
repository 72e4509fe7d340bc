"""The answer engine: a question and the moment it is asked in, a `Reply` out.

Pure domain code: no I/O, no Telegram, no clock. The conversation layer and the command line
both call `Engine.ask`, so every channel gives the same answers. The engine decides which path a
question takes; the answers about samlinger are in `bot.core.event_answers`, the sentences in
`bot.core.answers` and `bot.core.help_texts`, the reply types in `bot.core.reply`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from itertools import combinations

from bot.core import answers, help_texts
from bot.core.bulk import cyclic_gc_paused
from bot.core.event_answers import EventAnswers, around, event_of
from bot.core.index import Hit, SearchIndex, SearchResult
from bot.core.knowledge import OSLO, Entry, Kind, KnowledgeBase
from bot.core.question import STOP_WORDS_FOLDED, Cue, Question, QuestionReader, cue_phrases
from bot.core.reply import Intent, Match, Reply, Suggestion, matches_of, reply_about
from bot.core.text import Normaliser

# The reply types are importable from here until the callers outside bot.core import them
# from bot.core.reply.
__all__ = ["Engine", "Intent", "Match", "Reply", "Suggestion", "clean_question"]

MAX_QUESTION_LENGTH = 500
CONFIDENT_SCORE = 0.6  # an entry answer needs at least this score ...
CONFIDENT_MARGIN = 0.08  # ... this lead over the runner-up ...
CONFIDENT_COVERAGE = 0.65  # ... and the question's words must mostly be known
SUGGEST_SCORE = 0.3  # "Mente du …?" offers entries above this score ...
SUGGEST_LEXICAL = 0.35  # ... that contain this share of the question ...
SUGGEST_COVERAGE = 0.4  # ... when the bot recognised this much of the question at all
_TERMINAL_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")


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
        self._events = EventAnswers(kb, self._index)
        self._topics = help_texts.known_topics(kb)

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

    def help_text(self) -> str:
        return help_texts.help_text(self._topics)

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
        shown = around(self._events.about(entry.id), now, 3)
        text = answers.entry_with_events(entry, shown, now)
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
            return self._reply(answers.entry_pair_text(pair), Intent.WHAT_IS, pair, hits)
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
        if q.has(Cue.COUNT) and top.entry.items:
            text = answers.counted_text(top.entry)
        else:
            text = answers.entry_text(top.entry)
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
        return self._reply(answers.kind_list(plural, of_kind), Intent.LIST, of_kind)

    # -- events -------------------------------------------------------------------------------

    def _answer_events(self, q: Question, search: SearchResult, now: datetime) -> Reply:
        """Narrow the samlinger down to those the question is about, then let them answer."""
        pool = self._events.matching(q.filters)
        specific = bool(q.filters)
        if q.topic:
            found = self._events.on_topic(q.topic, pool)
            if not found:
                return self._no_event_on_topic(q, search, now)
            pool, specific = found, True
        if q.period is not None:
            period = q.period
            pool = [e for e in pool if period.overlaps(event_of(e).start, event_of(e).last_day)]
        if self._coverage(q, search) < CONFIDENT_COVERAGE:
            return self._unknown(q, search)
        return self._events.answer(q, pool, specific, now)

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
        text = answers.no_events_about(about) + self._events.pointer(now)
        return self._reply(text, Intent.NEXT_EVENT, [], search.hits)

    # -- small talk and not knowing -----------------------------------------------------------

    def _smalltalk(self, q: Question) -> Reply:
        if Cue.THANKS in q.cues:
            return Reply(help_texts.THANKS, True, Intent.THANKS)
        if Cue.HELP in q.cues:
            return Reply(self.help_text(), True, Intent.HELP)
        if Cue.GOODBYE in q.cues:
            return Reply(help_texts.GOODBYE, True, Intent.GOODBYE)
        return Reply(help_texts.GREETING, True, Intent.GREETING)

    def _unknown(self, q: Question, search: SearchResult, *, asked_nothing: bool = False) -> Reply:
        hits = search.hits
        suggestions = [
            hit for hit in hits if hit.score >= SUGGEST_SCORE and hit.lexical >= SUGGEST_LEXICAL
        ][:3]
        if self._coverage(q, search) < SUGGEST_COVERAGE:
            suggestions = []
        if suggestions and not asked_nothing:
            return Reply(
                help_texts.did_you_mean([hit.entry.title for hit in suggestions]),
                False,
                Intent.UNKNOWN,
                matches_of(hits),
                tuple(Suggestion(hit.entry.id, hit.entry.title) for hit in suggestions),
            )
        return Reply(help_texts.dont_know(self._topics), False, Intent.UNKNOWN, matches_of(hits))

    def _reply(
        self,
        text: str,
        intent: Intent,
        entries: Sequence[Entry],
        hits: Sequence[Hit] = (),
    ) -> Reply:
        return reply_about(self.kb, text, intent, entries, hits)


def clean_question(raw: str) -> tuple[str, str | None]:
    """The question with control characters removed, or a Norwegian message saying what's wrong."""
    text = _TERMINAL_ESCAPES.sub(" ", raw)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text).strip()
    if not text:
        return "", help_texts.EMPTY_QUESTION
    if len(text) > MAX_QUESTION_LENGTH:
        return "", help_texts.too_long(len(text), MAX_QUESTION_LENGTH)
    if not any(ch.isalnum() for ch in text):
        return "", help_texts.NOT_TEXT
    return " ".join(text.split()), None


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


def _runner_up_score(hits: Sequence[Hit]) -> float:
    """The best score of a competing entry; entries linked as related do not compete."""
    top = hits[0].entry
    for hit in hits[1:]:
        if hit.entry.id not in top.related and top.id not in hit.entry.related:
            return hit.score
    return 0.0
