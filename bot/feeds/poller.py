"""The polling job: fetch every calendar, keep its last good copy, swap the live knowledge.

Each poll asks every configured calendar (feeds.yaml and EVENT_FEEDS) with a conditional
request. A new body that parses becomes the feed's copy (and is cached); one that fails to
download or to parse leaves the last good copy in use, and the admins are told once when a
feed starts failing and once when it works again, never at every poll. When any feed's
samlinger changed, `refresh` merges them into the knowledge from the files and swaps it in,
which sends the same change notices as an edit of the YAML (bot.runtime.reload).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from bot.core.knowledge import OSLO, EventFeed, KnowledgeBase
from bot.feeds.cache import FeedCache
from bot.feeds.events import FeedContent, FeedFormatError, parse_feed
from bot.feeds.fetch import FeedFetcher, Validators
from bot.feeds.merge import merge_feeds
from bot.runtime.jobs import JobRunner

logger = logging.getLogger(__name__)

FIRST_POLL, POLL_JOB = "event-feeds-first", "event-feeds"
TellAdmins = Callable[[str], Awaitable[None]]


@dataclass
class _Feed:
    """What the bot has of one calendar: the last good copy, and whether it is failing."""

    body: bytes | None = None
    validators: Validators = field(default_factory=Validators)
    fetched_at: datetime | None = None
    content: FeedContent | None = None
    parsed_on: date | None = None
    failing: bool = False


def configured_feeds(kb: KnowledgeBase, urls: Iterable[str]) -> tuple[EventFeed, ...]:
    """The calendars of feeds.yaml, then those of EVENT_FEEDS not already there."""
    feeds = list(kb.feeds)
    known = {feed.url for feed in feeds}
    feeds.extend(EventFeed(url) for url in urls if url not in known)
    return tuple(feeds)


def feed_label(feed: EventFeed) -> str:
    """The name, or the host: the URL itself may hold a secret (Outlook's published links)."""
    return feed.name or urlsplit(feed.url).hostname or "kalenderen"


class EventFeeds:
    """The calendars' last good copies; `merge` adds their samlinger to a knowledge base."""

    def __init__(
        self,
        urls: Sequence[str],
        cache: FeedCache,
        fetcher: FeedFetcher,
        clock: Callable[[], datetime],
        *,
        tell_admins: TellAdmins | None = None,
    ) -> None:
        self.urls = tuple(urls)
        self.cache = cache
        self.fetcher = fetcher
        self.clock = clock
        self.tell_admins = tell_admins
        self._feeds: dict[str, _Feed] = {}
        self._lock = asyncio.Lock()

    def configured(self, kb: KnowledgeBase) -> tuple[EventFeed, ...]:
        return configured_feeds(kb, self.urls)

    def load_cached(self, kb: KnowledgeBase) -> None:
        """At start-up: the copies cached by the last run, so feeds work before the first poll."""
        for feed in self.configured(kb):
            self._state(feed)

    def merge(self, kb: KnowledgeBase) -> KnowledgeBase:
        """`kb` (from the files) with the samlinger of its configured calendars."""
        contents = []
        for feed in self.configured(kb):
            state = self._feeds.get(feed.url)
            if state is not None and state.content is not None:
                contents.append(state.content)
        return merge_feeds(kb, contents)

    async def poll(self, kb: KnowledgeBase) -> bool:
        """Ask every calendar once; True when some feed's samlinger changed."""
        if self._lock.locked():
            return False  # the last poll is still running (a slow server)
        async with self._lock:
            changed = False
            for feed in self.configured(kb):
                changed = await self._poll_one(feed) or changed
            return changed

    async def aclose(self) -> None:
        await self.fetcher.aclose()

    def _state(self, feed: EventFeed) -> _Feed:
        state = self._feeds.get(feed.url)
        if state is None:
            state = self._feeds[feed.url] = _Feed()
            cached = self.cache.load(feed.url)
            if cached is not None:
                state.body, state.validators = cached.body, cached.validators
                state.fetched_at = cached.fetched_at
                try:
                    self._parse(feed, state, cached.body)
                except FeedFormatError:
                    state.body = None
        return state

    def _parse(self, feed: EventFeed, state: _Feed, body: bytes) -> bool:
        """At start-up, before the event loop serves anyone."""
        return self._keep(state, parse_feed(body, feed, self.clock()))

    async def _parse_off_loop(self, feed: EventFeed, state: _Feed, body: bytes) -> bool:
        """While polling: a big calendar takes seconds to expand; replies do not wait for it."""
        return self._keep(state, await asyncio.to_thread(parse_feed, body, feed, self.clock()))

    def _keep(self, state: _Feed, content: FeedContent) -> bool:
        changed = state.content is None or state.content != content
        state.content, state.parsed_on = content, self.clock().astimezone(OSLO).date()
        return changed

    async def _poll_one(self, feed: EventFeed) -> bool:
        state = self._state(feed)
        fetched = await self.fetcher.fetch(feed.url, state.validators)
        if fetched.unchanged and state.body is not None:
            await self._works(feed, state)
            if state.parsed_on != self.clock().astimezone(OSLO).date():
                return await self._parse_off_loop(feed, state, state.body)  # a new day
            return False
        if fetched.error is not None or fetched.body is None:
            await self._fails(feed, state, fetched.error or "svarte uten innhold")
            return False
        try:
            changed = await self._parse_off_loop(feed, state, fetched.body)
        except FeedFormatError as error:
            await self._fails(feed, state, f"er ikke en gyldig iCalendar-fil ({error})")
            return False
        now = self.clock()
        state.body, state.validators, state.fetched_at = fetched.body, fetched.validators, now
        self.cache.save(feed.url, fetched.body, fetched.validators, now)
        await self._works(feed, state)
        if changed:
            assert state.content is not None
            logger.info(
                "Calendar feed %s: %d samlinger", feed_label(feed), len(state.content.events)
            )
        return changed

    async def _fails(self, feed: EventFeed, state: _Feed, reason: str) -> None:
        logger.warning("Calendar feed %s %s", feed_label(feed), reason)
        if state.failing:
            return
        state.failing = True
        if self.tell_admins is None:
            return
        if state.content is not None and state.fetched_at is not None:
            kept = (
                "Boten bruker den siste gode kopien (hentet "
                f"{state.fetched_at.astimezone(OSLO):%d.%m.%Y kl. %H:%M}) til den virker igjen."
            )
        elif state.content is not None:
            kept = "Boten bruker den siste gode kopien til den virker igjen."
        else:
            kept = "Boten har ingen kopi av den ennå, så samlingene derfra vises ikke."
        await self.tell_admins(f"Kalenderen «{feed_label(feed)}» {reason}. {kept}")

    async def _works(self, feed: EventFeed, state: _Feed) -> None:
        if not state.failing:
            return
        state.failing = False
        if self.tell_admins is not None:
            await self.tell_admins(f"Kalenderen «{feed_label(feed)}» virker igjen.")


class FeedPolling:
    """The polling job on the runtime's JobRunner: once at start-up, then every `interval`."""

    def __init__(
        self,
        feeds: EventFeeds,
        files_kb: Callable[[], KnowledgeBase],
        refresh: Callable[[], Awaitable[Any]],
        interval: timedelta,
        clock: Callable[[], datetime],
    ) -> None:
        self.feeds = feeds
        self.files_kb = files_kb
        self.refresh = refresh
        self.interval = interval
        self.clock = clock

    def start(self, runner: JobRunner) -> None:
        """Poll now and then every interval (also with no feed yet: a reload may add one)."""
        runner.run_once(FIRST_POLL, self.clock(), self.poll)
        runner.run_repeating(POLL_JOB, self.interval, self.poll)

    async def poll(self) -> None:
        if await self.feeds.poll(self.files_kb()):
            await self.refresh()

    async def stop(self, runner: JobRunner) -> None:
        runner.cancel(FIRST_POLL)
        runner.cancel(POLL_JOB)
        await self.feeds.aclose()
