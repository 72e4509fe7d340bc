"""The one entry a few words of a question name, when they name it clearly: "den nye modellen
for kompetanseutvikling i skolen", "engelsksamlingen". Claims and comparisons read a question
in parts ("er A eldre enn B?") and need to know what each part names."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.index import SearchIndex
from bot.core.knowledge import Entry
from bot.core.subjects import (
    CONFIDENT_MARGIN,
    CONFIDENT_SCORE,
    SURELY_KNOWN,
    TITLE_PHRASE,
    runner_up_score,
)
from bot.core.text import Normaliser


def clearly_named(index: SearchIndex, normaliser: Normaliser, words: Sequence[str]) -> Entry | None:
    """The entry the words name: the clear best match, by its own words or its title's."""
    terms = normaliser.terms(" ".join(words))
    if not terms:
        return None
    hits = index.search(terms, limit=3).hits
    if not hits:
        return None
    top = hits[0]
    margin = top.score - runner_up_score(hits)
    clear = top.score >= CONFIDENT_SCORE and margin >= CONFIDENT_MARGIN
    by_name = top.lexical >= SURELY_KNOWN or top.phrase >= TITLE_PHRASE
    return top.entry if clear and by_name else None
