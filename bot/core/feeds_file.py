"""feeds.yaml: the calendars (iCalendar URLs) whose events become samlinger.

The file is a mapping with one section, `feeds`: a list of calendars, each with its `url` and
the defaults its samlinger get (`audience`, `scheme`, `region`, `organiser`). The references
are checked by bot.core.loading together with the entries' (`feed_references`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.entry_files import Target
from bot.core.knowledge import EventFeed, Origin
from bot.core.yaml_reader import (
    TAG_NULL,
    Problem,
    Spec,
    Where,
    describe,
    line_of,
    read_document,
    read_pairs,
    read_record,
)
from bot.core.yaml_values import read_text, read_texts, read_url


def _read_feed_url(node: Node, where: Where) -> str | None:
    """https:// or http://, or webcal:// as Outlook and Google hand it out (fetched as https)."""
    value = read_text(node, where)
    if value is not None and value.startswith("webcal://"):
        return value
    return read_url(node, where)


FEEDS_FILE = "feeds.yaml"

_FEED_FIELDS: dict[str, Spec] = {
    "url": Spec(_read_feed_url, required=True),
    "name": Spec(read_text),
    "audience": Spec(read_texts),
    "scheme": Spec(read_text),
    "region": Spec(read_text),
    "organiser": Spec(read_text),
}


@dataclass
class FeedAsRead:
    where: Where  # file, and the field names below `feeds`
    nodes: dict[str, Node]
    feed: EventFeed | None  # None when it has problems


def read_feeds(path: Path, problems: list[Problem]) -> list[FeedAsRead]:
    """The calendars in feeds.yaml (an absent file means none); every problem reported."""
    if not path.is_file():
        return []
    where = Where(problems, str(path))
    document = read_document(path, where)
    if document is None or document.root is None:
        return []
    if not isinstance(document.root, MappingNode):
        where.report(document.root, "filen skal ha feltet 'feeds:' med en liste av kalendere")
        return []
    pairs = read_pairs(document.root, where)
    for name, (key, _value) in pairs.items():
        if name != "feeds":
            where.for_field(name).report(
                key, f"ukjent felt '{name}'; bare 'feeds' hører hjemme her"
            )
    if "feeds" not in pairs:
        return []
    _key, node = pairs["feeds"]
    if isinstance(node, ScalarNode) and node.tag == TAG_NULL:
        return []
    if not isinstance(node, SequenceNode):
        where.for_field("feeds").report(
            node, f"'feeds' skal være en liste med '- url: ...', ikke {describe(node)}"
        )
        return []
    feeds: list[FeedAsRead] = []
    for item in node.value:
        feed_where = where.for_field("feeds")
        if not isinstance(item, MappingNode):
            feed_where.report(item, "hver kalender skal være felt med verdier, som '- url: ...'")
            continue
        before = len(problems)
        record = read_record(
            item, read_pairs(item, feed_where), _FEED_FIELDS, feed_where, "kalenderen"
        )
        feed = None
        if len(problems) == before:
            feed = EventFeed(
                url=record.need("url", str),
                name=record.get("name", str),
                audience=record.get("audience", tuple) or (),
                scheme=record.get("scheme", str),
                region=record.get("region", str),
                organiser=record.get("organiser", str),
                origin=Origin(str(path), line_of(item)),
            )
        feeds.append(FeedAsRead(feed_where, record.nodes, feed))
    return feeds


_REFERENCES: tuple[Target, ...] = ("audience", "scheme", "region")  # fields named as targets


def feed_references(feeds: list[FeedAsRead]) -> Iterator[tuple[Target, str, Node, Where]]:
    """(target, id, node, where) for every id a calendar's defaults refer to."""
    for feed in feeds:
        for target in _REFERENCES:
            node = feed.nodes.get(target)
            if node is None:
                continue
            values = node.value if isinstance(node, SequenceNode) else [node]
            for value_node in values:
                if isinstance(value_node, ScalarNode) and value_node.value:
                    yield target, str(value_node.value), value_node, feed.where.for_field(target)
