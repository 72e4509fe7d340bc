"""Whether a question is about samlinger or about an entry of the knowledge base: "når er
neste samling?" is; "når trådte REKOM i kraft?" asks a fact of a scheme, and "fokusområdene for
2023–2027" names a plan's years, not samlinger. The decider (`bot.core.decide`) asks this before
it answers."""

from __future__ import annotations

from bot.core.fact_answers import asked_fact
from bot.core.index import SearchResult
from bot.core.knowledge import Fact
from bot.core.question import Question
from bot.core.question_words import SAMLING_CUES, Cue
from bot.core.subjects import CONFIDENT_SCORE, EVENT_CUES, only_ahead

_A_YEAR = 366


def asks_about_samlinger(q: Question, search: SearchResult) -> bool:
    """Whether the question is about samlinger rather than about an entry: a year alone
    ("modellen fra 2017") about a clear match that is no samling is not."""
    if q.has(Cue.WHERE) and asked_fact(q) is not None and not q.has(*SAMLING_CUES):
        return q.period is not None  # "hvor er den beskrevet?" asks for a fact
    if q.has(*EVENT_CUES):
        return not only_ahead(q, search)  # "fokusområda for perioden framover"
    if q.period is None or asked_fact(q) not in (None, Fact.PERIOD, Fact.WHEN):
        return False  # "står Udir bak modellen fra 2017?" asks for a fact
    if (q.period.end - q.period.start).days > _A_YEAR:
        return False  # "fokusområdene for 2023–2027" names a plan's years, not samlinger
    top = search.hits[0] if search.hits else None
    return top is None or top.entry.is_event or top.score < CONFIDENT_SCORE


def is_about_samlinger(q: Question, search: SearchResult) -> bool:
    """Whether the samlinger answer the question: its cues, its period, or the best match."""
    if q.list_kind is not None:
        return False
    if q.has(Cue.EVENT, Cue.NEXT, Cue.DEADLINE, Cue.CANCELLED):
        return True
    if q.period is not None:
        return asks_about_samlinger(q, search)
    top = search.hits[0] if search.hits else None
    if top is None:
        return q.has(Cue.PAST) and not q.content
    return top.entry.is_event
