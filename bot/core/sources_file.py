"""sources.yaml: the web pages the knowledge comes from, each with the line it starts on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from yaml.nodes import MappingNode

from bot.core.knowledge import Origin, Source
from bot.core.yaml_reader import (
    Problem,
    Spec,
    Where,
    line_of,
    peek_id,
    read_document,
    read_pairs,
    read_record,
    top_level_list,
)
from bot.core.yaml_values import read_date, read_slug, read_text, read_url

_SOURCE_FIELDS: dict[str, Spec] = {
    "id": Spec(read_slug, required=True),
    "title": Spec(read_text, required=True),
    "publisher": Spec(read_text, required=True),
    "seed": Spec(read_text),
    "url": Spec(read_url),
    "updated": Spec(read_date),
}


@dataclass
class SourcesAsRead:
    """The sources as read; `built` holds those without problems, each with its origin."""

    ids: set[str]  # every id written, even of a source with problems, for reference checks
    built: dict[str, Source]


def read_sources(path: Path, problems: list[Problem]) -> SourcesAsRead | None:
    """The sources in sources.yaml; None if the file is missing, empty or not a list."""
    where = Where(problems, str(path))
    document = read_document(path, where)
    if document is None:
        return None
    if document.root is None:
        where.report(1, "filen er tom; den skal være en liste av kilder ('- id: ...')")
        return None
    nodes = top_level_list(document, where, "kilder")
    if nodes is None:
        return None
    built: dict[str, Source] = {}
    lines: dict[str, int] = {}  # every id written, with the line its source starts on
    for node in nodes:
        if not isinstance(node, MappingNode):
            where.report(node, "hver kilde skal være felt med verdier, som '- id: ...'")
            continue
        source_where = where.for_entry(peek_id(node))
        before = len(problems)
        record = read_record(
            node, read_pairs(node, source_where), _SOURCE_FIELDS, source_where, "kilden"
        )
        source_id = record.get("id", str)
        if source_id is None:
            continue
        if source_id in lines:
            source_where.for_field("id").report(
                record.nodes["id"],
                f"kilde-id-en '{source_id}' er brukt før, på linje {lines[source_id]}",
            )
            continue
        lines[source_id] = line_of(node)
        if len(problems) == before:
            built[source_id] = Source(
                id=source_id,
                title=record.need("title", str),
                publisher=record.need("publisher", str),
                seed=record.get("seed", str),
                url=record.get("url", str),
                updated=record.get("updated", date),
                origin=Origin(str(path), lines[source_id]),
            )
    return SourcesAsRead(set(lines), built)
