"""Load the knowledge base from its YAML files and check everything an editor can get wrong.

The files are read with `yaml.compose`, not `yaml.safe_load`: the node tree keeps the line of
every key and value, the text exactly as written and whether it was quoted. That lets the
checks point at the offending line, find duplicate keys (which `safe_load` silently drops),
and explain YAML's surprises in the editor's terms: `no` read as false, `9:30` read as 570.

Every problem in every file is collected before anything is reported, so one run of the check
shows the editor the whole list. The format is described in `docs/knowledge-format.md`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from rapidfuzz import fuzz, process, utils
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.bulk import cyclic_gc_paused
from bot.core.knowledge import (
    Audience,
    Entry,
    EventDetails,
    Kind,
    KindNames,
    KnowledgeBase,
    Origin,
    Source,
    Vocabulary,
)

# Enum lookup by value is slow on Python 3.11 (~25 µs); a large knowledge base does it per entry.
_KINDS = {kind.value: kind for kind in Kind}

SOURCES_FILE = "sources.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
# libyaml's composer gives the same nodes and line marks, ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# --------------------------------------------------------------------------------------------
# Public API


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, as `PATH:LINE: ENTRY_ID: FIELD: message` (1-based line)."""

    path: str
    line: int
    entry_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.entry_id or '-'}: {self.field or '-'}: {self.message}"
        )


class KnowledgeBaseError(Exception):
    """The knowledge base has problems; `problems` lists all of them, in file and line order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def load_knowledge_base(directory: Path) -> KnowledgeBase:
    """Read and validate the knowledge base in `directory`; raise with every problem found."""
    with cyclic_gc_paused():
        knowledge_base, problems = _load(directory)
    if problems or knowledge_base is None:
        raise KnowledgeBaseError(problems)
    return knowledge_base


def find_problems(directory: Path) -> list[Problem]:
    """Every problem in the knowledge base in `directory`; empty when it is valid."""
    return _load(directory)[1]


# --------------------------------------------------------------------------------------------
# Reporting: where we are (file, entry, field) and the list problems go to


@dataclass(frozen=True)
class _Where:
    problems: list[Problem] = field(compare=False)
    path: str
    entry_id: str | None = None
    field: str | None = None

    def for_entry(self, entry_id: str | None) -> _Where:
        return _Where(self.problems, self.path, entry_id, self.field)

    def for_field(self, name: str) -> _Where:
        """A field inside the current one; nested names are joined: `audiences.barnehage.label`."""
        nested = f"{self.field}.{name}" if self.field else name
        return _Where(self.problems, self.path, self.entry_id, nested)

    def report(self, at: Node | int, message: str) -> None:
        line = at if isinstance(at, int) else _line(at)
        self.problems.append(Problem(self.path, line, self.entry_id, self.field, message))


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _short(value: str, limit: int = 40) -> str:
    """A value as quoted in a message: on one line, and cut if it is long."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    match = process.extractOne(
        word, list(choices), scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=80
    )
    return f" — mente du '{match[0]}'?" if match else ""


# --------------------------------------------------------------------------------------------
# The whole load, top-down


def _load(directory: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    problems: list[Problem] = []
    if not directory.is_dir():
        message = "mappen med kunnskapsbasen finnes ikke"
        problems.append(Problem(str(directory), 1, None, None, message))
        return None, problems

    sources = _read_sources(directory / SOURCES_FILE, problems)
    vocabulary = _read_vocabulary(directory / VOCABULARY_FILE, problems)
    drafts: list[_Draft] = []
    all_read = True  # if not, an id that seems unknown may be in the file that was not read
    for path in sorted(directory.glob("*.yaml")):
        if path.name not in (SOURCES_FILE, VOCABULARY_FILE) and path.is_file():
            file_drafts = _read_entries(directory / path.name, problems)
            all_read = all_read and file_drafts is not None
            drafts.extend(file_drafts or [])
    _check_ids_are_unique(drafts)
    _check_references(drafts, sources, vocabulary, all_entries_read=all_read)

    problems.sort(key=lambda problem: (problem.path, problem.line))
    if problems or sources is None or vocabulary is None:
        return None, problems
    entries = tuple(draft.entry for draft in drafts if draft.entry is not None)
    return KnowledgeBase(entries, sources.built, vocabulary.built()), problems


# --------------------------------------------------------------------------------------------
# Reading a YAML file into one node tree


@dataclass(frozen=True)
class _Document:
    root: Node | None  # None: the file is empty (or holds only comments)


def _read_document(path: Path, where: _Where) -> _Document | None:
    """The single YAML document in `path`; None (and a problem) if it cannot be read."""
    if not path.is_file():
        where.report(1, f"filen mangler; lag {path.name} i mappen med kunnskapsbasen")
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        where.report(1, f"kan ikke lese filen: {error.strerror}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        where.report(line, "filen er ikke lagret som UTF-8; lagre den på nytt med tegnsett UTF-8")
        return None
    try:
        documents = _compose_all(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where.report(mark.line + 1 if mark else 1, _yaml_error_message(error))
        return None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        where.report(line, f"ugyldig tegn (U+{error.character:04X}) i filen; fjern det")
        return None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML raises the two above
        where.report(1, f"YAML-feil: {error}")
        return None
    if len(documents) > 1:
        where.report(documents[1], "filen kan bare ha ett YAML-dokument; fjern '---' foran her")
    root = documents[0] if documents else None
    if isinstance(root, ScalarNode) and root.tag == _NULL:
        root = None
    return _Document(root)


def _compose_all(text: str) -> list[Node]:
    """The node trees of every document in `text`. libyaml is much faster, but PyYAML's own
    composer words its errors better and points at the right line, so it reads a broken file."""
    try:
        return list(yaml.compose_all(text, Loader=_YAML_LOADER))
    except yaml.YAMLError:
        return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


# What PyYAML says (a part of its English message) -> what the editor should do, first match.
_YAML_MESSAGES = (
    (
        "mapping values are not allowed here",
        "kolon på et sted der YAML ikke venter det; står det ': ' i en tekst uten "
        "anførselstegn, eller er innrykket feil?",
    ),
    ("could not find expected ':'", "fant ikke ':' etter feltnavnet; sjekk kolon og innrykk"),
    ("did not find expected key", "fant ikke neste felt der det var ventet; sjekk innrykket"),
    ("did not find expected '-'", "fant ikke '- ' der listen fortsetter; sjekk innrykket"),
    ("found character '\\t'", "tabulator (tab) kan ikke brukes til innrykk; bruk mellomrom"),
    (
        "that cannot start any token",
        "en verdi kan ikke begynne med dette tegnet; sett teksten i anførselstegn",
    ),
    (
        "found unexpected end of stream",
        "filen slutter midt i en tekst; mangler et avsluttende anførselstegn?",
    ),
    (
        "expected ',' or ']'",
        "listen i [ ] er ikke avsluttet riktig; mangler ']' eller ',', eller står det ':' "
        "i et element uten anførselstegn?",
    ),
    (
        "expected ',' or '}'",
        "{ } er ikke avsluttet riktig; mangler '}' eller ','?",
    ),
    (
        "but found '<scalar>'",
        "tekst etter et avsluttende anførselstegn; sett anførselstegn rundt hele teksten "
        "(bruk '...' utenpå en tekst som selv har \"...\")",
    ),
    ("expected <block end>", "uventet innhold her; sjekk innrykket på denne og forrige linje"),
    ("found undefined alias", "ukjent alias (*navn); ankeret (&navn) må stå før det brukes"),
    (
        "found unknown escape character",
        "ukjent \\-tegn i tekst med doble anførselstegn; bruk enkle anførselstegn i stedet",
    ),
    ("found duplicate anchor", "samme anker (&navn) er brukt to ganger; gi dem ulike navn"),
    (
        "while scanning an alias",
        "etter * skal navnet på et anker stå; sett teksten i anførselstegn",
    ),
    ("while scanning an anchor", "etter & skal et navn stå; sett teksten i anførselstegn"),
    (
        "while scanning a block scalar",
        "etter | eller > kan bare en kommentar stå på samme linje; skriv teksten på linjene under",
    ),
)


def _yaml_error_message(error: yaml.MarkedYAMLError) -> str:
    said = f"{error.context or ''} {error.problem or ''}"
    for english, norwegian in _YAML_MESSAGES:
        if english in said:
            return f"YAML-feil: {norwegian}"
    return f"YAML-feil: kan ikke lese filen her ({said.strip()})"


# --------------------------------------------------------------------------------------------
# Scalar values: each reads one node, reports what is wrong with it, returns None if invalid

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NORWEGIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_HOURS_MINUTES = re.compile(r"(\d{1,2})[:.](\d{2})")

T = TypeVar("T")
_Read = Callable[[Node, _Where], T | None]


def _text(node: Node, where: _Where) -> str | None:
    """A non-empty text. Explains plain values YAML read as something else."""
    if not isinstance(node, ScalarNode):
        where.report(node, f"skal være én tekst, ikke {_describe(node)}")
        return None
    if node.tag == _STR:
        if not node.value.strip():
            where.report(node, "er tom; skriv en tekst eller fjern feltet")
            return None
        return str(node.value)
    where.report(node, _misread_text(node))
    return None


def _misread_text(node: ScalarNode) -> str:
    """Why a plain scalar is not a text, and how to write it so it is."""
    value = node.value
    if node.tag == _NULL:
        return "mangler verdi; skriv en tekst eller fjern feltet"
    if node.tag == _BOOL:
        truth = "true" if value.lower() in ("yes", "y", "true", "on") else "false"
        read_as = f"'{value}' ble lest som en sannhetsverdi ({truth})"
    elif node.tag == _INT and ":" in value:
        read_as = f"{value} ble lest som tallet {_sexagesimal(value)}"
    elif node.tag in (_INT, _FLOAT):
        read_as = f"{value} ble lest som et tall"
    elif node.tag == _TIMESTAMP:
        read_as = f"{value} ble lest som en dato"
    else:
        yaml_type = node.tag.replace("tag:yaml.org,2002:", "!!")
        return f"har en YAML-type som ikke kan brukes her ({yaml_type}); skriv en vanlig tekst"
    return f'{read_as}; skriv teksten i anførselstegn: "{value}"'


def _sexagesimal(value: str) -> int:
    """The number YAML 1.1 reads from `9:30` (base 60: 9 * 60 + 30 = 570)."""
    sign = -1 if value.startswith("-") else 1
    number = 0
    for part in value.lstrip("+-").replace("_", "").split(":"):
        number = number * 60 + int(part)
    return sign * number


def _describe(node: Node) -> str:
    if isinstance(node, ScalarNode) and node.tag == _NULL:
        return "tom"
    if isinstance(node, SequenceNode):
        return "en liste"
    if isinstance(node, MappingNode):
        return "en samling felt (felt: verdi)"
    return f"verdien '{_short(str(node.value))}'"


def _texts(node: Node, where: _Where) -> tuple[str, ...] | None:
    """A list of non-empty texts (possibly empty: `[]`)."""
    if not isinstance(node, SequenceNode):
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            where.report(node, "mangler verdi; skriv en liste eller fjern feltet")
        else:
            where.report(
                node, "skal være en liste; skriv hvert element på egen linje med '- ' foran"
            )
        return None
    items = [_text(item, where) for item in node.value]
    texts = [item for item in items if item is not None]
    return tuple(texts) if len(texts) == len(items) else None


def _slug(node: Node, where: _Where) -> str | None:
    value = _text(node, where)
    if value is None or _SLUG.fullmatch(value):
        return value
    where.report(
        node,
        f"id-en '{_short(value)}' er ikke gyldig; bruk bare a–z, 0–9 og bindestrek, "
        f"f.eks. '{_short(_slugify(value))}'",
    )
    return None


def _slugify(value: str) -> str:
    value = value.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", value).strip("-") or "min-id"


def _kind(node: Node, where: _Where) -> Kind | None:
    value = _text(node, where)
    if value is None:
        return None
    kind = _KINDS.get(value)
    if kind is None:
        where.report(node, _unknown("type", value, Kind, f"gyldige: {', '.join(Kind)}"))
    return kind


def _date(node: Node, where: _Where) -> date | None:
    """A real date written `YYYY-MM-DD`, quoted or not."""
    if not isinstance(node, ScalarNode):
        where.report(node, f"skal være en dato (ÅÅÅÅ-MM-DD), ikke {_describe(node)}")
        return None
    value = str(node.value).strip()
    if node.tag not in (_TIMESTAMP, _STR) or not value:
        where.report(
            node, f"skal være en dato (ÅÅÅÅ-MM-DD), f.eks. 2024-09-18; fant '{_short(value)}'"
        )
        return None
    if not _DATE.fullmatch(value):
        where.report(node, _not_a_date(value))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        where.report(node, f"ugyldig dato {value}; den dagen finnes ikke")
        return None


def _not_a_date(value: str) -> str:
    if (norwegian := _NORWEGIAN_DATE.fullmatch(value)) is not None:
        day, month, year = norwegian.groups()
        return f"skriv datoen som ÅÅÅÅ-MM-DD: {year}-{int(month):02d}-{int(day):02d}"
    if _DATE.match(value):
        return f"skal være bare en dato (ÅÅÅÅ-MM-DD), uten klokkeslett; fant '{_short(value)}'"
    return f"'{_short(value)}' er ikke en dato; skriv ÅÅÅÅ-MM-DD, f.eks. 2024-09-18"


def _time(node: Node, where: _Where) -> time | None:
    """A clock time written "HH:MM" in quotes."""
    if not isinstance(node, ScalarNode):
        where.report(node, f'skal være et klokkeslett ("TT:MM"), ikke {_describe(node)}')
        return None
    value = str(node.value).strip()
    example = _time_example(value)
    if node.tag == _INT and ":" in value:
        where.report(
            node,
            f"{value} ble lest som tallet {_sexagesimal(value)}; "
            f'skriv klokkeslett i anførselstegn, f.eks. "{example}"',
        )
    elif node.tag != _STR:
        where.report(node, f'skriv klokkeslett som tekst i anførselstegn, f.eks. "{example}"')
    elif not _TIME.fullmatch(value):
        where.report(
            node,
            f"'{_short(value)}' er ikke et klokkeslett; skriv TT:MM mellom 00:00 og 23:59, "
            f'f.eks. "{example}"',
        )
    elif not node.style:  # plain: None from PyYAML, "" from libyaml
        where.report(node, f'skriv klokkeslett i anførselstegn: "{value}"')
    else:
        return time.fromisoformat(value)
    return None


def _time_example(value: str) -> str:
    """`9:30` or `9.30` -> `09:30`, so the message shows the editor what to write."""
    match = _HOURS_MINUTES.fullmatch(value)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return f"{int(match[1]):02d}:{match[2]}"
    return "09:30"


def _bool(node: Node, where: _Where) -> bool | None:
    if isinstance(node, ScalarNode) and node.tag == _BOOL:
        return node.value.lower() in ("yes", "y", "true", "on")
    where.report(node, "skal være true eller false (uten anførselstegn)")
    return None


def _one_of(*choices: str) -> _Read[str]:
    def read(node: Node, where: _Where) -> str | None:
        value = _text(node, where)
        if value is None or value in choices:
            return value
        hint = f"skriv {' eller '.join(choices)}"
        where.report(node, _unknown("verdi", value, choices, hint))
        return None

    return read


def _url(node: Node, where: _Where) -> str | None:
    value = _text(node, where)
    if value is None or value.startswith(("https://", "http://")):
        return value
    where.report(node, f"'{_short(value)}' er ikke en nettadresse; den skal begynne med https://")
    return None


# --------------------------------------------------------------------------------------------
# Mappings and records: duplicate keys, unknown fields, required fields

_Pairs = dict[str, tuple[ScalarNode, Node]]


def _pairs(node: MappingNode, where: _Where) -> _Pairs:
    """The keys of a mapping with their key and value nodes; reports duplicate keys."""
    pairs: _Pairs = {}
    for key, value in node.value:
        if not isinstance(key, ScalarNode):
            where.report(key, "et feltnavn skal være en enkel tekst")
        elif key.tag == _MERGE:
            where.report(key, "'<<' (fletting) støttes ikke; skriv feltene ut")
        elif key.value in pairs:
            first = _line(pairs[key.value][0])
            where.for_field(key.value).report(
                key,
                f"'{key.value}' står to ganger (også på linje {first}); "
                "YAML beholder bare den siste, så slett den ene",
            )
        else:
            pairs[key.value] = (key, value)
    return pairs


def _mapping(node: Node, where: _Where, what: str) -> _Pairs | None:
    if isinstance(node, MappingNode):
        return _pairs(node, where)
    where.report(node, f"skal være {what} (felt: verdi), ikke {_describe(node)}")
    return None


_Target = Literal["source", "tag", "audience", "entry", "scheme", "region"]


@dataclass(frozen=True)
class _Spec:
    """How to read one field of a record; `refers_to` names what its ids must exist in."""

    read: _Read[object]
    required: bool = False
    event_only: bool = False
    refers_to: _Target | None = None


@dataclass
class _Record:
    """The fields of one mapping as read: valid values, and the nodes (for lines)."""

    values: dict[str, object] = field(default_factory=dict)
    keys: dict[str, ScalarNode] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)

    def get(self, name: str, kind: type[T]) -> T | None:
        value = self.values.get(name)
        assert value is None or isinstance(value, kind)
        return value

    def need(self, name: str, kind: type[T]) -> T:
        value = self.get(name, kind)
        assert value is not None
        return value


def _read_record(
    at: Node, pairs: _Pairs, specs: Mapping[str, _Spec], where: _Where, what: str
) -> _Record:
    """Read every known field with its spec; report unknown fields, and required fields
    missing, at `at` (the record's first line, or the key it is written under)."""
    record = _Record()
    for name, (key, value) in pairs.items():
        spec = specs.get(name)
        if spec is None:
            where.for_field(name).report(key, f"ukjent felt '{name}'{_did_you_mean(name, specs)}")
            continue
        record.keys[name] = key
        record.nodes[name] = value
        parsed = spec.read(value, where.for_field(name))
        if parsed is not None:
            record.values[name] = parsed
    for name, spec in specs.items():
        if spec.required and name not in pairs:
            where.for_field(name).report(at, f"{what} mangler feltet '{name}'")
    return record


def _top_level_list(document: _Document, where: _Where, what: str) -> list[Node] | None:
    """The items of a file that holds a list; None (and a problem) if it holds something else."""
    if document.root is None:
        return []
    if isinstance(document.root, SequenceNode):
        return list(document.root.value)
    where.report(document.root, f"filen skal være en liste av {what}, med '- ' foran hver")
    return None


def _peek_id(node: MappingNode) -> str | None:
    """The id written in a mapping, if any, so problems in it can name it."""
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
            return _short(value.value) if value.tag == _STR and value.value else None
    return None


# --------------------------------------------------------------------------------------------
# sources.yaml

_SOURCE_FIELDS: dict[str, _Spec] = {
    "id": _Spec(_slug, required=True),
    "title": _Spec(_text, required=True),
    "publisher": _Spec(_text, required=True),
    "seed": _Spec(_text),
    "url": _Spec(_url),
    "updated": _Spec(_date),
}


@dataclass
class _Sources:
    ids: set[str]  # every id written, even of a source with problems, for reference checks
    built: dict[str, Source]


def _read_sources(path: Path, problems: list[Problem]) -> _Sources | None:
    where = _Where(problems, str(path))
    document = _read_document(path, where)
    if document is None:
        return None
    if document.root is None:
        where.report(1, "filen er tom; den skal være en liste av kilder ('- id: ...')")
        return None
    nodes = _top_level_list(document, where, "kilder")
    if nodes is None:
        return None
    sources = _Sources(set(), {})
    lines: dict[str, int] = {}
    for node in nodes:
        if not isinstance(node, MappingNode):
            where.report(node, "hver kilde skal være felt med verdier, som '- id: ...'")
            continue
        source_where = where.for_entry(_peek_id(node))
        before = len(problems)
        record = _read_record(
            node, _pairs(node, source_where), _SOURCE_FIELDS, source_where, "kilden"
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
        lines[source_id] = _line(node)
        sources.ids.add(source_id)
        if len(problems) == before:
            sources.built[source_id] = Source(
                id=source_id,
                title=record.need("title", str),
                publisher=record.need("publisher", str),
                seed=record.get("seed", str),
                url=record.get("url", str),
                updated=record.get("updated", date),
            )
    return sources


# --------------------------------------------------------------------------------------------
# vocabulary.yaml


@dataclass
class _Vocabulary:
    """The sections as read; None where a section is missing or unusable."""

    tags: dict[str, str] | None = None
    audiences: dict[str, Audience] | None = None
    kinds: dict[Kind, KindNames] | None = None
    synonyms: tuple[tuple[str, ...], ...] | None = None

    def built(self) -> Vocabulary:
        return Vocabulary(
            tags=self.tags or {},
            audiences=self.audiences or {},
            kinds=self.kinds or {},
            synonyms=self.synonyms or (),
        )


_AUDIENCE_FIELDS: dict[str, _Spec] = {
    "label": _Spec(_text, required=True),
    "words": _Spec(_texts),
}
_KIND_FIELDS: dict[str, _Spec] = {
    "label": _Spec(_text, required=True),
    "plural": _Spec(_text, required=True),
    "words": _Spec(_texts),
}
_VOCABULARY_SECTIONS = {"tags": "{}", "audiences": "{}", "kinds": "{}", "synonyms": "[]"}


def _read_vocabulary(path: Path, problems: list[Problem]) -> _Vocabulary | None:
    where = _Where(problems, str(path))
    document = _read_document(path, where)
    if document is None:
        return None
    vocabulary = _Vocabulary()
    if document.root is None:
        where.report(1, f"filen er tom; den skal ha {', '.join(_VOCABULARY_SECTIONS)}")
        return vocabulary
    pairs = _mapping(document.root, where, f"en samling med {', '.join(_VOCABULARY_SECTIONS)}")
    if pairs is None:
        return vocabulary
    for name, (key, node) in pairs.items():
        section = where.for_field(name)
        if name == "tags":
            vocabulary.tags = _read_tags(node, section)
        elif name == "audiences":
            vocabulary.audiences = _read_audiences(node, section)
        elif name == "kinds":
            vocabulary.kinds = _read_kinds(node, section)
        elif name == "synonyms":
            vocabulary.synonyms = _read_synonyms(node, section)
        else:
            section.report(key, _unknown("del", name, _VOCABULARY_SECTIONS))
    for name, empty in _VOCABULARY_SECTIONS.items():
        if name not in pairs:
            where.for_field(name).report(
                document.root, f"mangler '{name}'; skriv {name}: {empty} om den skal være tom"
            )
    return vocabulary


def _read_tags(node: Node, where: _Where) -> dict[str, str] | None:
    pairs = _mapping(node, where, "en samling av tagg: beskrivelse")
    if pairs is None:
        return None
    tags: dict[str, str] = {}
    for name, (key, value) in pairs.items():
        tag_where = where.for_field(name)
        _id_key(key, tag_where)
        tags[name] = _text(value, tag_where) or ""
    return tags


def _read_audiences(node: Node, where: _Where) -> dict[str, Audience] | None:
    pairs = _mapping(node, where, "en samling av målgrupper med label og words")
    if pairs is None:
        return None
    audiences: dict[str, Audience] = {}
    for name, (key, value) in pairs.items():
        audience_where = where.for_field(name)
        _id_key(key, audience_where)
        record = _read_group(key, value, _AUDIENCE_FIELDS, audience_where, f"målgruppen '{name}'")
        audiences[name] = Audience(
            id=name,
            label=record.get("label", str) or name,
            words=record.get("words", tuple) or (),
        )
    return audiences


def _read_kinds(node: Node, where: _Where) -> dict[Kind, KindNames] | None:
    pairs = _mapping(node, where, "en samling av typer med label, plural og words")
    if pairs is None:
        return None
    kinds: dict[Kind, KindNames] = {}
    for name, (key, value) in pairs.items():
        kind_where = where.for_field(name)
        if name not in set(Kind):
            kind_where.report(key, _unknown("type", name, Kind, f"gyldige: {', '.join(Kind)}"))
            continue
        record = _read_group(key, value, _KIND_FIELDS, kind_where, f"typen '{name}'")
        kinds[Kind(name)] = KindNames(
            label=record.get("label", str) or name,
            plural=record.get("plural", str) or name,
            words=record.get("words", tuple) or (),
        )
    return kinds


def _read_group(
    key: ScalarNode, node: Node, specs: Mapping[str, _Spec], where: _Where, what: str
) -> _Record:
    """A small record inside the vocabulary, such as one audience or one kind, under `key`."""
    pairs = _mapping(node, where, f"en samling med {' og '.join(specs)}")
    if pairs is None:
        return _Record()
    return _read_record(key, pairs, specs, where, what)


def _id_key(key: ScalarNode, where: _Where) -> None:
    """An id written as a mapping key must be text: `no:` would be false, `2024:` a number."""
    if key.tag != _STR:
        where.report(key, _misread_text(key))


def _read_synonyms(node: Node, where: _Where) -> tuple[tuple[str, ...], ...] | None:
    if not isinstance(node, SequenceNode):
        where.report(node, "skal være en liste av grupper, f.eks. - [vfl, vurdering for læring]")
        return None
    groups: list[tuple[str, ...]] = []
    group_of: dict[str, int] = {}  # phrase (case-folded) -> line of the group it is in
    for group_node in node.value:
        group = _texts(group_node, where)
        if group is None:
            continue
        if len(group) < 2:
            where.report(group_node, "en synonymgruppe trenger minst to uttrykk")
        for phrase, item in zip(group, group_node.value, strict=True):
            folded = phrase.casefold().strip()
            if folded in group_of:
                where.report(
                    item,
                    f"'{phrase}' står allerede i gruppen på linje {group_of[folded]}; "
                    "et uttrykk kan bare stå i én gruppe",
                )
            else:
                group_of[folded] = _line(group_node)
        groups.append(group)
    return tuple(groups)


# --------------------------------------------------------------------------------------------
# Entry files

_ENTRY_FIELDS: dict[str, _Spec] = {
    "id": _Spec(_slug, required=True),
    "kind": _Spec(_kind, required=True),
    "title": _Spec(_text, required=True),
    "answer": _Spec(_text),  # required for every kind but event; see _check_entry
    "source": _Spec(_text, required=True, refers_to="source"),
    "updated": _Spec(_date, required=True),
    "phrasings": _Spec(_texts),
    "keywords": _Spec(_texts),
    "tags": _Spec(_texts, refers_to="tag"),
    "items": _Spec(_texts),
    "items_title": _Spec(_text),
    "related": _Spec(_texts, refers_to="entry"),
    # Events only:
    "start": _Spec(_date, event_only=True),  # required for events; see _check_entry
    "start_time": _Spec(_time, event_only=True),
    "end": _Spec(_date, event_only=True),
    "end_time": _Spec(_time, event_only=True),
    "cancelled": _Spec(_bool, event_only=True),
    "format": _Spec(_one_of("digital", "fysisk"), event_only=True),
    "platform": _Spec(_text, event_only=True),
    "location": _Spec(_text, event_only=True),
    "audience": _Spec(_texts, event_only=True, refers_to="audience"),
    "scheme": _Spec(_text, event_only=True, refers_to="scheme"),
    "organisers": _Spec(_texts, event_only=True),
    "region": _Spec(_text, event_only=True, refers_to="region"),
    "deadline": _Spec(_date, event_only=True),
    "registration": _Spec(_text, event_only=True),
}


@dataclass
class _Draft:
    """One entry as read, kept until the references between files have been checked."""

    where: _Where  # its file and id
    line: int
    kind: Kind | None
    record: _Record
    entry: Entry | None  # None when the entry itself has problems

    @property
    def id(self) -> str | None:
        return self.record.get("id", str)


def _read_entries(path: Path, problems: list[Problem]) -> list[_Draft] | None:
    """The entries in one file; None if the file could not be read at all."""
    where = _Where(problems, str(path))
    document = _read_document(path, where)
    if document is None:
        return None
    nodes = _top_level_list(document, where, "oppføringer")
    if nodes is None:
        return None
    drafts: list[_Draft] = []
    for node in nodes:
        if isinstance(node, MappingNode):
            drafts.append(_read_entry(node, where.for_entry(_peek_id(node))))
        else:
            where.report(node, "hver oppføring skal være felt med verdier, som '- id: ...'")
    return drafts


def _read_entry(node: MappingNode, where: _Where) -> _Draft:
    before = len(where.problems)
    pairs = _pairs(node, where)
    kind = _peek_kind(pairs)
    if kind not in (None, Kind.EVENT):
        _drop_event_fields(pairs, where)
    record = _read_record(node, pairs, _ENTRY_FIELDS, where, "oppføringen")
    _check_entry(node, kind, record, where)
    entry = _build_entry(record, where.path, _line(node)) if len(where.problems) == before else None
    return _Draft(where, _line(node), kind, record, entry)


def _peek_kind(pairs: _Pairs) -> Kind | None:
    """The entry's kind if it is written correctly (problems are reported when it is read)."""
    _key, node = pairs.get("kind", (None, None))
    if isinstance(node, ScalarNode) and node.tag == _STR and node.value in _KINDS:
        return _KINDS[node.value]
    return None


def _drop_event_fields(pairs: _Pairs, where: _Where) -> None:
    """Report and forget fields only an event can have, on an entry of another kind."""
    for name in [name for name in pairs if name in _ENTRY_FIELDS]:
        if _ENTRY_FIELDS[name].event_only:
            key, _value = pairs.pop(name)
            message = f"'{name}' gjelder bare samlinger (kind: event); fjern feltet"
            where.for_field(name).report(key, message)


def _check_entry(node: MappingNode, kind: Kind | None, record: _Record, where: _Where) -> None:
    """Rules that involve more than one field."""
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
    _check_event_dates(record, where)


def _check_event_dates(record: _Record, where: _Where) -> None:
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


def _build_entry(record: _Record, path: str, line: int) -> Entry:
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
        event=_build_event(record) if kind is Kind.EVENT else None,
        origin=Origin(path, line),
    )


def _build_event(record: _Record) -> EventDetails:
    return EventDetails(
        start=record.need("start", date),
        start_time=record.get("start_time", time),
        end=record.get("end", date),
        end_time=record.get("end_time", time),
        cancelled=record.get("cancelled", bool) or False,
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


# --------------------------------------------------------------------------------------------
# Checks across files: unique ids, and every reference pointing at something that exists


def _check_ids_are_unique(drafts: list[_Draft]) -> None:
    first: dict[str, _Draft] = {}
    for draft in drafts:
        entry_id = draft.id
        if entry_id is None:
            continue
        if entry_id not in first:
            first[entry_id] = draft
            continue
        other = first[entry_id]
        draft.where.for_field("id").report(
            draft.record.nodes["id"],
            f"id-en '{entry_id}' er brukt før, i {other.where.path}:{other.line}; "
            "hver oppføring trenger sin egen id",
        )


def _check_references(
    drafts: list[_Draft],
    sources: _Sources | None,
    vocabulary: _Vocabulary | None,
    *,
    all_entries_read: bool,
) -> None:
    """Report ids that point at nothing. Where a file could not be read (and its problem is
    already reported), ids it would have defined are not reported as unknown."""
    entries: dict[str, _Draft] = {}
    for draft in drafts:
        if draft.id is not None:
            entries.setdefault(draft.id, draft)
    source_ids = sources.ids if sources is not None else None
    tags = vocabulary.tags if vocabulary is not None else None
    audiences = vocabulary.audiences if vocabulary is not None else None
    for draft in drafts:
        for target, value, node, name in _references(draft):
            where = draft.where.for_field(name)
            if target == "source" and source_ids is not None and value not in source_ids:
                where.report(node, _unknown("kilde", value, source_ids, "se sources.yaml"))
            elif target == "tag" and tags is not None and value not in tags:
                hint = "taggene står i vocabulary.yaml"
                where.report(node, _unknown("tagg", value, tags, hint))
            elif target == "audience" and audiences is not None and value not in audiences:
                hint = "målgruppene står under audiences i vocabulary.yaml"
                where.report(node, _unknown("målgruppe", value, audiences, hint))
            elif target in ("entry", "scheme", "region"):
                message = _entry_reference_problem(target, value, draft, entries)
                if message and (all_entries_read or value in entries):
                    where.report(node, message)


_REFERENCE_KINDS: dict[_Target, tuple[str, tuple[Kind, ...]]] = {
    "entry": ("oppføring", tuple(Kind)),
    "scheme": ("ordning", (Kind.SCHEME,)),
    "region": ("region", (Kind.REGION, Kind.NETWORK)),
}


def _entry_reference_problem(
    target: _Target, value: str, draft: _Draft, entries: Mapping[str, _Draft]
) -> str | None:
    what, kinds = _REFERENCE_KINDS[target]
    allowed = " eller ".join(f"kind: {kind}" for kind in kinds)
    if value not in entries:
        choices = [entry_id for entry_id, other in entries.items() if other.kind in kinds]
        hint = "ingen oppføring har denne id-en"
        return _unknown(what, value, choices, hint if target == "entry" else f"må ha {allowed}")
    if target == "entry" and value == draft.id:
        return f"oppføringen peker på seg selv; fjern '{value}' fra related"
    kind = entries[value].kind
    if kind is not None and kind not in kinds:
        return f"'{value}' har kind: {kind}, men må være en {what} ({allowed})"
    return None


def _references(draft: _Draft) -> Iterable[tuple[_Target, str, Node, str]]:
    """Every id the entry refers to, with the node it is written in."""
    for name, node in draft.record.nodes.items():
        target = _ENTRY_FIELDS[name].refers_to
        if target is None or name not in draft.record.values:
            continue
        items = node.value if isinstance(node, SequenceNode) else [node]
        for item in items:
            yield target, str(item.value), item, name


def _unknown(what: str, value: str, choices: Iterable[str], hint: str = "") -> str:
    message = f"ukjent {what} '{_short(value)}'{_did_you_mean(value, choices)}"
    return f"{message} ({hint})" if hint else message
