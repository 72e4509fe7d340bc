"""Feed samlinger into the knowledge base from the files: each samling shown once.

The files win: a feed event whose UID (or id) is an entry's id, or whose title and first day
are a samling's in the files, is left out. Two feeds with the same event show it once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bot.core.knowledge import KnowledgeBase
from bot.feeds.events import FeedContent


def _same_title(title: str) -> str:
    return " ".join(title.casefold().split())


def merge_feeds(kb: KnowledgeBase, contents: Iterable[FeedContent]) -> KnowledgeBase:
    """`kb` with the feeds' samlinger added; `kb` itself when there are none."""
    taken_ids = {entry.id for entry in kb}
    taken_days: set[tuple[str, date]] = {
        (_same_title(entry.title), entry.event.start) for entry in kb.events if entry.event
    }
    entries = list(kb.entries)
    sources = dict(kb.sources)
    for content in contents:
        for made in content.events:
            entry, event = made.entry, made.entry.event
            assert event is not None
            day = (_same_title(entry.title), event.start)
            if made.uid in taken_ids or entry.id in taken_ids or day in taken_days:
                continue
            taken_ids.add(entry.id)
            taken_days.add(day)
            entries.append(entry)
            sources.setdefault(content.source.id, content.source)
    if len(entries) == len(kb.entries):
        return kb
    return KnowledgeBase(tuple(entries), sources, kb.vocabulary, kb.feeds)
