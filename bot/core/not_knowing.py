"""Not knowing, said so: "Mente du …?" with the close matches, or "Det vet jeg dessverre
ikke" with topic buttons, never confident. And how much of a question the bot understood, which
decides between the two (`bot.core.decide`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.core import help_texts
from bot.core.index import SearchResult
from bot.core.knowledge import Entry
from bot.core.question import Question
from bot.core.reply import Intent, Reply, Suggestion, matches_of

CONFIDENT_COVERAGE = 0.65  # a confident answer needs the question's words mostly known
SUGGEST_SCORE = 0.3  # "Mente du …?" offers entries above this score ...
SUGGEST_LEXICAL = 0.35  # ... that contain this share of the question ...
SUGGEST_COVERAGE = 0.4  # ... when the bot recognised this much of the question at all


def coverage(q: Question, search: SearchResult) -> float:
    """Share of the question the bot understood, each recognised question word counting 1."""
    extra = len(q.cue_terms) + (1 if q.period is not None else 0)  # "i dag" is understood
    filter_words = frozenset(q.content) - frozenset(q.topic)  # audiences, places
    return search.coverage(recognised_extra=float(extra), also_known=filter_words)


def unknown_reply(
    q: Question, search: SearchResult, topics: Sequence[Entry], *, asked_nothing: bool = False
) -> Reply:
    """The close matches to choose from, or (when there are none, or nothing was asked) the
    short "vet ikke" with the topics as buttons."""
    hits = search.hits
    suggestions = [
        hit for hit in hits if hit.score >= SUGGEST_SCORE and hit.lexical >= SUGGEST_LEXICAL
    ][:3]
    if coverage(q, search) < SUGGEST_COVERAGE:
        suggestions = []
    if suggestions and not asked_nothing:
        return Reply(
            help_texts.did_you_mean([hit.entry.title for hit in suggestions]),
            False,
            Intent.UNKNOWN,
            matches_of(hits),
            tuple(Suggestion(hit.entry.id, hit.entry.title) for hit in suggestions),
        )
    return Reply(help_texts.DONT_KNOW, False, Intent.UNKNOWN, matches_of(hits), buttons(topics))


def with_topic_buttons(reply: Reply, topics: Sequence[Entry]) -> Reply:
    """An unsure reply that offers nothing to tap gets the topics as buttons, as "vet ikke"
    does ("Det står ikke i kildene mine …" of a parking question)."""
    if reply.confident or reply.suggestions:
        return reply
    return replace(reply, suggestions=buttons(topics))


def buttons(entries: Sequence[Entry]) -> tuple[Suggestion, ...]:
    """The entries as buttons to tap."""
    return tuple(Suggestion(entry.id, entry.title) for entry in entries)
