"""Polling a calendar on loopback: polite requests, the last good copy, the admins told once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.core.knowledge import OSLO, EventFeed, KnowledgeBase
from bot.feeds.cache import FeedCache
from bot.feeds.fetch import FeedFetcher
from bot.feeds.poller import EventFeeds
from tests.feeds.ics_server import Calendar, fixture, serve

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=OSLO)


def with_feed(kb: KnowledgeBase, url: str) -> KnowledgeBase:
    feed = EventFeed(url, name="Gauldalskalenderen", audience=("barnehage",))
    return KnowledgeBase(kb.entries, kb.sources, kb.vocabulary, (feed,))


def titles(kb: KnowledgeBase) -> set[str]:
    return {entry.title for entry in kb.events}


async def test_polling_is_conditional_and_a_broken_feed_keeps_its_last_good_copy(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    told: list[str] = []

    async def tell(text: str) -> None:
        told.append(text)

    calendar = Calendar(fixture("outlook.ics"))
    with serve(calendar) as url:
        files = with_feed(kb, url)
        feeds = EventFeeds((), FeedCache(tmp_path), FeedFetcher(), lambda: NOW, tell_admins=tell)
        assert await feeds.poll(files)  # new samlinger
        assert "Nettverkssamling barnehage" in titles(feeds.merge(files))

        assert not await feeds.poll(files)  # unchanged: a 304
        assert calendar.requests[-1]["If-None-Match"] == calendar.etag
        assert "If-Modified-Since" in calendar.requests[-1]

        calendar.publish(b"<html>Denne kalenderen er ikke publisert lenger</html>")
        assert not await feeds.poll(files)
        calendar.status = 500
        assert not await feeds.poll(files)
        assert not await feeds.poll(files)
        assert "Nettverkssamling barnehage" in titles(feeds.merge(files))  # the last good copy
        assert len(told) == 1  # once, not at every poll
        assert told[0].startswith("Kalenderen «Gauldalskalenderen» er ikke en gyldig iCalendar")
        assert "siste gode kopien (hentet 01.12.2026 kl. 12:00)" in told[0]
        assert url not in told[0]

        moved = fixture("outlook.ics").replace(b":20270114T", b":20270115T")  # start and end
        calendar.publish(moved)
        assert await feeds.poll(files)
        assert told[-1] == "Kalenderen «Gauldalskalenderen» virker igjen."
        await feeds.aclose()

    # A restart with the server gone: the cached copy is there before any poll.
    restarted = EventFeeds((), FeedCache(tmp_path), FeedFetcher(), lambda: NOW)
    restarted.load_cached(files)
    samling = next(
        e for e in restarted.merge(files).events if e.title == "Nettverkssamling barnehage"
    )
    assert samling.event is not None and samling.event.start.day == 15
    await restarted.poll(files)  # fails: nobody listens
    assert "Nettverkssamling barnehage" in titles(restarted.merge(files))
    await restarted.aclose()


async def test_a_feed_over_the_size_limit_is_refused(kb: KnowledgeBase, tmp_path: Path) -> None:
    told: list[str] = []

    async def tell(text: str) -> None:
        told.append(text)

    calendar = Calendar(fixture("google.ics") * 40)
    with serve(calendar) as url:
        files = with_feed(kb, url)
        fetcher = FeedFetcher(max_bytes=10_000)
        feeds = EventFeeds((), FeedCache(tmp_path), fetcher, lambda: NOW, tell_admins=tell)
        assert not await feeds.poll(files)
        await feeds.aclose()
    assert titles(feeds.merge(files)) == titles(files)
    assert "større enn grensen" in told[0]
    assert "ingen kopi av den ennå" in told[0]


async def test_event_feeds_from_the_environment_need_no_yaml(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    calendar = Calendar(fixture("google.ics"))
    with serve(calendar) as url:
        feeds = EventFeeds((url,), FeedCache(tmp_path), FeedFetcher(), lambda: NOW)
        assert await feeds.poll(kb)
        await feeds.aclose()
    assert "Matematikksamling" in titles(feeds.merge(kb))
