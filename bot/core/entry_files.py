"""The entry files (every other *.yaml): one entry per list item, events with their dates.

Each entry is kept as a `Draft` until `bot.core.loading` has checked the ids and references
between files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Literal

from yaml.nodes import MappingNode, Node, ScalarNode

from bot.core.knowledge import Entry, EventDetails, Fact, Kind, Origin
from bot.core.yaml_reader import (
    TAG_STR,
    Pairs,
    Problem,
    Record,
    Spec,
    Where,
    line_of,
    peek_id,
    read_document,
    read_mapping,
    read_pairs,
    read_record,
    top_level_list,
    unknown_value,
)
from bot.core.yaml_values import (
    one_of,
    read_bool,
    read_date,
    read_slug,
    read_text,
    read_texts,
    read_time,
    read_url,
)

# Enum lookup by value is slow on Python 3.11 (~25 µs); a large knowledge base does it per entry.
_KINDS = {kind.value: kind for kind in Kind}

# An entry's id travels in button data ("1:<code>:<id>", codes of up to three letters), which
# Telegram limits to 64 bytes; a longer id would silently lose "Påminn meg" and its siblings.
MAX_ID_BYTES = 64 - len("1:abc:")

Target = Literal["source", "tag", "audience", "entry", "scheme", "region"]


@dataclass(frozen=True)
class EntryField(Spec):
    """A field of an entry; `refers_to` names what its ids must exist in."""

    event_only: bool = False
    refers_to: Target | None = None


def _read_kind(node: Node, where: Where) -> Kind | None:
    value = read_text(node, where)
    if value is None:
        return None
    kind = _KINDS.get(value)
    if kind is None:
        where.report(node, unknown_value("type", value, Kind, f"gyldige: {', '.join(Kind)}"))
    return kind


_FACTS = {fact.value: fact for fact in Fact}


def _read_facts(node: Node, where: Where) -> tuple[tuple[Fact, str], ...] | None:
    """`facts:` is one sentence per known fact name: `when: REKOM trådte i kraft i 2019.`"""
    pairs = read_mapping(node, where, "en samling av fakta, f.eks. when: ... og goals: ...")
    if pairs is None:
        return None
    facts: list[tuple[Fact, str]] = []
    for name, (key, value) in pairs.items():
        fact = _FACTS.get(name)
        if fact is None:
            where.report(
                key, unknown_value("faktum", name, _FACTS, f"gyldige: {', '.join(_FACTS)}")
            )
            continue
        text = read_text(value, where.for_field(name))
        if text is not None:
            facts.append((fact, text))
    return tuple(facts)


ENTRY_FIELDS: dict[str, EntryField] = {
    "id": EntryField(read_slug, required=True),
    "kind": EntryField(_read_kind, required=True),
    "title": EntryField(read_text, required=True),
    "answer": EntryField(read_text),  # required for every kind but event; see _check_entry
    "source": EntryField(read_text, required=True, refers_to="source"),
    "updated": EntryField(read_date, required=True),
    "phrasings": EntryField(read_texts),
    "keywords": EntryField(read_texts),
    "tags": EntryField(read_texts, refers_to="tag"),
    "items": EntryField(read_texts),
    "items_title": EntryField(read_text),
    "related": EntryField(read_texts, refers_to="entry"),
    "facts": EntryField(_read_facts),
    "members": EntryField(read_texts),
    "applies_to": EntryField(read_texts, refers_to="audience"),
    "url": EntryField(read_url),  # registration or more information (http or https)
    # Events only:
    "start": EntryField(read_date, event_only=True),  # required for events; see _check_entry
    "start_time": EntryField(read_time, event_only=True),
    "end": EntryField(read_date, event_only=True),
    "end_time": EntryField(read_time, event_only=True),
    "cancelled": EntryField(read_bool, event_only=True),
    "held": EntryField(read_bool, event_only=True),  # the source says it was held
    "format": EntryField(one_of("digital", "fysisk"), event_only=True),
    "platform": EntryField(read_text, event_only=True),
    "location": EntryField(read_text, event_only=True),
    "audience": EntryField(read_texts, event_only=True, refers_to="audience"),
    "scheme": EntryField(read_text, event_only=True, refers_to="scheme"),
    "organisers": EntryField(read_texts, event_only=True),
    "region": EntryField(read_text, event_only=True, refers_to="region"),
    "deadline": EntryField(read_date, event_only=True),
    "registration": EntryField(read_text, event_only=True),
}


@dataclass
class Draft:
    """One entry as read, kept until the references between files have been checked."""

    where: Where  # its file and id
    line: int
    record: Record
    entry: Entry | None  # None when the entry itself has problems

    @property
    def id(self) -> str | None:
        return self.record.get("id", str)

    @property
    def kind(self) -> Kind | None:
        return self.record.get("kind", Kind)


def read_entries(path: Path, problems: list[Problem]) -> list[Draft] | None:
    """The entries in one file; None if the file could not be read at all."""
    where = Where(problems, str(path))
    document = read_document(path, where)
    if document is None:
        return None
    nodes = top_level_list(document, where, "oppføringer")
    if nodes is None:
        return None
    drafts: list[Draft] = []
    for node in nodes:
        if isinstance(node, MappingNode):
            drafts.append(_read_entry(node, where.for_entry(peek_id(node))))
        else:
            where.report(node, "hver oppføring skal være felt med verdier, som '- id: ...'")
    return drafts


def _read_entry(node: MappingNode, where: Where) -> Draft:
    before = len(where.problems)
    pairs = read_pairs(node, where)
    kind = _peek_kind(pairs)
    if kind not in (None, Kind.EVENT):
        _drop_event_fields(pairs, where)
    record = read_record(node, pairs, ENTRY_FIELDS, where, "oppføringen")
    _check_entry(node, kind, record, where)
    line = line_of(node)
    entry = _build_entry(record, where.path, line) if len(where.problems) == before else None
    return Draft(where, line, record, entry)


def _peek_kind(pairs: Pairs) -> Kind | None:
    """The entry's kind if it is written correctly (problems are reported when it is read)."""
    _key, node = pairs.get("kind", (None, None))
    if isinstance(node, ScalarNode) and node.tag == TAG_STR and node.value in _KINDS:
        return _KINDS[node.value]
    return None


def _drop_event_fields(pairs: Pairs, where: Where) -> None:
    """Report and forget fields only an event can have, on an entry of another kind."""
    for name in [name for name in pairs if name in ENTRY_FIELDS]:
        if ENTRY_FIELDS[name].event_only:
            key, _value = pairs.pop(name)
            message = f"'{name}' gjelder bare samlinger (kind: event); fjern feltet"
            where.for_field(name).report(key, message)


def _check_entry(node: MappingNode, kind: Kind | None, record: Record, where: Where) -> None:
    """Rules that involve more than one field, and the id's length."""
    entry_id = record.get("id", str)
    if entry_id is not None and len(entry_id.encode()) > MAX_ID_BYTES:
        where.for_field("id").report(
            record.nodes["id"],
            f"id-en er {len(entry_id.encode())} tegn lang; knappene under svaret har plass til "
            f"{MAX_ID_BYTES}, så forkort den, f.eks. '{_shortened_id(entry_id)}'",
        )
    if kind is Kind.EVENT and "start" not in record.keys:
        where.for_field("start").report(
            node, "en samling (kind: event) mangler feltet 'start' (dato, ÅÅÅÅ-MM-DD)"
        )
    if kind not in (None, Kind.EVENT) and "answer" not in record.keys:
        where.for_field("answer").report(node, "oppføringen mangler feltet 'answer'")
    has_items = "items" in record.keys and record.values.get("items") != ()
    if "items_title" in record.keys and not has_items:
        where.for_field("items_title").report(
            record.keys["items_title"], "items_title brukes bare sammen med items; legg til items"
        )
    if record.get("held", bool) and record.get("cancelled", bool):
        where.for_field("held").report(
            record.nodes["held"],
            "en samling kan ikke både være avlyst (cancelled: true) og gjennomført (held: true)",
        )
    _check_event_dates(record, where)


def _shortened_id(entry_id: str) -> str:
    """The id cut at a hyphen so it fits, as a suggestion."""
    cut = entry_id[:MAX_ID_BYTES]
    return cut[: cut.rindex("-")] if "-" in cut else cut


def _check_event_dates(record: Record, where: Where) -> None:
    start = record.get("start", date)
    if start is None:
        return
    deadline = record.get("deadline", date)
    if deadline is not None and deadline > start:
        where.for_field("deadline").report(
            record.nodes["deadline"],
            f"påmeldingsfristen {deadline} er etter starten {start}; "
            "fristen kan ikke være etter at samlingen begynner",
        )
    end = record.get("end", date)
    if end is not None and end < start:
        where.for_field("end").report(record.nodes["end"], f"slutten {end} er før starten {start}")
        return
    end_time = record.get("end_time", time)
    if end_time is None:
        return
    start_time = record.get("start_time", time) or time(0, 0)
    last_day = end or start
    if (last_day, end_time) <= (start, start_time):
        where.for_field("end_time").report(
            record.nodes["end_time"],
            f"samlingen slutter ({last_day} kl. {end_time:%H:%M}) før eller samtidig med "
            f"at den starter ({start} kl. {start_time:%H:%M})",
        )


def _build_entry(record: Record, path: str, line: int) -> Entry:
    kind = record.need("kind", Kind)
    return Entry(
        id=record.need("id", str),
        kind=kind,
        title=record.need("title", str),
        answer=record.get("answer", str) or "",
        source=record.need("source", str),
        updated=record.need("updated", date),
        phrasings=record.get("phrasings", tuple) or (),
        keywords=record.get("keywords", tuple) or (),
        tags=record.get("tags", tuple) or (),
        items=record.get("items", tuple) or (),
        items_title=record.get("items_title", str),
        related=record.get("related", tuple) or (),
        facts=record.get("facts", tuple) or (),
        members=record.get("members", tuple) or (),
        applies_to=record.get("applies_to", tuple) or (),
        url=record.get("url", str),
        event=_build_event(record) if kind is Kind.EVENT else None,
        origin=Origin(path, line),
    )


def _build_event(record: Record) -> EventDetails:
    return EventDetails(
        start=record.need("start", date),
        start_time=record.get("start_time", time),
        end=record.get("end", date),
        end_time=record.get("end_time", time),
        cancelled=record.get("cancelled", bool) or False,
        held=record.get("held", bool) or False,
        format=record.get("format", str),
        platform=record.get("platform", str),
        location=record.get("location", str),
        audience=record.get("audience", tuple) or (),
        scheme=record.get("scheme", str),
        organisers=record.get("organisers", tuple) or (),
        region=record.get("region", str),
        deadline=record.get("deadline", date),
        registration=record.get("registration", str),
    )
