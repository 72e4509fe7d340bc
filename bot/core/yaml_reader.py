"""A YAML reader that tells an editor what is wrong, and where.

Files are read with `yaml.compose`, not `yaml.safe_load`: the node tree keeps the line of every
key and value, the text exactly as written and whether it was quoted. That lets the checks point
at the offending line, find duplicate keys (which `safe_load` silently drops), and explain
YAML's surprises in the editor's terms (see `bot.core.yaml_values`).

Nothing here knows the knowledge schema: a `Where` collects `Problem`s for one file, entry and
field; `read_record` reads a mapping with a `Spec` per field. The schema modules
(`sources_file`, `vocabulary_file`, `entry_files`, `feeds_file`) build on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

import yaml
from rapidfuzz import fuzz, process, utils
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# libyaml's composer gives the same nodes and line marks, ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

T = TypeVar("T")

# The tag PyYAML gives a scalar says what it read the value as.
TAG_STR = "tag:yaml.org,2002:str"
TAG_NULL = "tag:yaml.org,2002:null"
TAG_BOOL = "tag:yaml.org,2002:bool"
TAG_INT = "tag:yaml.org,2002:int"
TAG_FLOAT = "tag:yaml.org,2002:float"
TAG_TIMESTAMP = "tag:yaml.org,2002:timestamp"
TAG_MERGE = "tag:yaml.org,2002:merge"


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


# --------------------------------------------------------------------------------------------
# Where a problem is: file, entry, field


@dataclass(frozen=True)
class Where:
    """Where in a file problems are found (the entry and field, when known), and the list
    they are reported to."""

    problems: list[Problem] = field(compare=False)
    path: str
    entry_id: str | None = None
    field: str | None = None

    def for_entry(self, entry_id: str | None) -> Where:
        return Where(self.problems, self.path, entry_id, self.field)

    def for_field(self, name: str) -> Where:
        """A field inside the current one; nested names are joined: `audiences.barnehage.label`."""
        nested = f"{self.field}.{name}" if self.field else name
        return Where(self.problems, self.path, self.entry_id, nested)

    def report(self, at: Node | int, message: str) -> None:
        line = at if isinstance(at, int) else line_of(at)
        self.problems.append(Problem(self.path, line, self.entry_id, self.field, message))


def line_of(node: Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


def short(value: str, limit: int = 40) -> str:
    """A value as quoted in a message: on one line, and cut if it is long."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " — mente du 'x'?" for the choice closest to a misspelt word, or nothing."""
    match = process.extractOne(
        word, list(choices), scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=80
    )
    return f" — mente du '{match[0]}'?" if match else ""


def unknown_value(what: str, value: str, choices: Iterable[str], hint: str = "") -> str:
    """ "ukjent tagg 'x' — mente du 'y'? (hint)": a value that is not one of `choices`."""
    message = f"ukjent {what} '{short(value)}'{did_you_mean(value, choices)}"
    return f"{message} ({hint})" if hint else message


# --------------------------------------------------------------------------------------------
# Reading a YAML file into one node tree


@dataclass(frozen=True)
class Document:
    root: Node | None  # None: the file is empty (or holds only comments)


def read_document(path: Path, where: Where) -> Document | None:
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
        message = _missing_dash(text, error) or _yaml_error_message(error)
        where.report(mark.line + 1 if mark else 1, message)
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
    if isinstance(root, ScalarNode) and root.tag == TAG_NULL:
        root = None
    return Document(root)


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


_KEY_AT = re.compile(r"([A-Za-z_][\w-]*):(?:\s|$)")


def _missing_dash(text: str, error: yaml.MarkedYAMLError) -> str | None:
    """The message for `key: ...` where YAML expected the end of a list or mapping (YAML itself
    only says "expected <block end>"). At the list's own indentation such a field cannot
    belong anywhere, so the '- ' is almost surely what is missing (as in '- id: ...'); deeper
    in, it may be the '- ' or the indentation, and an `id:` makes the dash the likely one."""
    mark = error.problem_mark
    if mark is None or "expected <block end>" not in (error.problem or ""):
        return None
    lines = text.splitlines()
    key = _KEY_AT.match(lines[mark.line], mark.column) if mark.line < len(lines) else None
    if key is None:
        return None
    in_list = error.context == "while parsing a block collection"
    if not in_list and key.group(1) != "id":
        return None
    return (
        f"YAML-feil: mangler '- ' foran '{key.group(1)}:'"
        f"{'' if in_list else ', eller er innrykket feil'}? Hvert punkt i en liste begynner "
        "med '- ', og en ny oppføring med '- id: ...'"
    )


def _yaml_error_message(error: yaml.MarkedYAMLError) -> str:
    said = f"{error.context or ''} {error.problem or ''}"
    for english, norwegian in _YAML_MESSAGES:
        if english in said:
            return f"YAML-feil: {norwegian}"
    return f"YAML-feil: kan ikke lese filen her ({said.strip()})"


def describe(node: Node) -> str:
    """What a node holds, in the words of a message: "tom", "en liste", "verdien '…'"."""
    if isinstance(node, ScalarNode) and node.tag == TAG_NULL:
        return "tom"
    if isinstance(node, SequenceNode):
        return "en liste"
    if isinstance(node, MappingNode):
        return "en samling felt (felt: verdi)"
    return f"verdien '{short(str(node.value))}'"


# --------------------------------------------------------------------------------------------
# Mappings and records: duplicate keys, unknown fields, required fields


Pairs = dict[str, tuple[ScalarNode, Node]]
Read = Callable[[Node, Where], T | None]  # reads one value, reports what is wrong with it


def read_pairs(node: MappingNode, where: Where) -> Pairs:
    """The keys of a mapping with their key and value nodes; reports duplicate keys."""
    pairs: Pairs = {}
    for key, value in node.value:
        if not isinstance(key, ScalarNode):
            where.report(key, "et feltnavn skal være en enkel tekst")
        elif key.tag == TAG_MERGE:
            where.report(key, "'<<' (fletting) støttes ikke; skriv feltene ut")
        elif key.value in pairs:
            first = line_of(pairs[key.value][0])
            where.for_field(key.value).report(
                key,
                f"'{key.value}' står to ganger (også på linje {first}); "
                "YAML beholder bare den siste, så slett den ene",
            )
        else:
            pairs[key.value] = (key, value)
    return pairs


def read_mapping(node: Node, where: Where, what: str) -> Pairs | None:
    if isinstance(node, MappingNode):
        return read_pairs(node, where)
    where.report(node, f"skal være {what} (felt: verdi), ikke {describe(node)}")
    return None


@dataclass(frozen=True)
class Spec:
    """How to read one field of a record."""

    read: Read[object]
    required: bool = False


@dataclass
class Record:
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


def read_record(
    at: Node, pairs: Pairs, specs: Mapping[str, Spec], where: Where, what: str
) -> Record:
    """Read every known field with its spec; report unknown fields, and required fields
    missing, at `at` (the record's first line, or the key it is written under)."""
    record = Record()
    for name, (key, value) in pairs.items():
        spec = specs.get(name)
        if spec is None:
            where.for_field(name).report(key, f"ukjent felt '{name}'{did_you_mean(name, specs)}")
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


def top_level_list(document: Document, where: Where, what: str) -> list[Node] | None:
    """The items of a file that holds a list; None (and a problem) if it holds something else.
    An item holding the fields of two, the '- ' of the second left out, is read as two items
    and reported once (`split_at_repeated`)."""
    if document.root is None:
        return []
    if isinstance(document.root, SequenceNode):
        items: list[Node] = []
        for item in document.root.value:
            if not isinstance(item, MappingNode):
                items.append(item)
                continue
            parts = split_at_repeated(item, "id")
            for above, part in pairwise(parts):
                _report_missing_dash(part, above, where)
            items += parts
        return items
    where.report(document.root, f"filen skal være en liste av {what}, med '- ' foran hver")
    return None


def _report_missing_dash(item: MappingNode, above: MappingNode, where: Where) -> None:
    """One problem instead of a duplicate key for every field (see `split_at_repeated`); both
    items are still read, so nothing else fails because of it."""
    named = peek_id(above)
    joined_to = f"'{named}'" if named else f"den på linje {line_of(above)}"
    where.for_entry(peek_id(item)).for_field("id").report(
        item,
        "mangler '- ' foran 'id:'? Hvert punkt i lista begynner med '- id: ...'; uten '- ' "
        f"leses feltene herfra som en del av punktet over ({joined_to}), og hvert av dem står "
        "to ganger",
    )


def split_at_repeated(node: MappingNode, name: str) -> list[MappingNode]:
    """`node` cut before every repeated `name` key that starts a record of its own.

    Without the '- ' before the second item of a list, YAML joins its fields to the item above:

        - id: a            one mapping: id, kind, title, id, kind, title
          kind: event
          id: b            <- '- ' missing
          kind: event

    Each `name` key written again, followed by another field the mapping already had, starts a
    new part here (a lone repeated key stays a duplicate key). One part when nothing repeats.
    """
    parts: list[list[tuple[Node, Node]]] = [[]]
    for pair in node.value:
        key = pair[0]
        if isinstance(key, ScalarNode) and key.value == name and _has_key(parts[-1], name):
            parts.append([])
        parts[-1].append(pair)
    kept = [parts[0]]
    for part in parts[1:]:
        if any(_has_key(kept[-1], key.value) for key, _value in part[1:]):
            kept.append(part)
        else:
            kept[-1] = [*kept[-1], *part]
    if len(kept) == 1:
        return [node]
    return [
        MappingNode(
            node.tag,
            pairs,
            node.start_mark if number == 0 else pairs[0][0].start_mark,
            pairs[-1][1].end_mark,
            node.flow_style,
        )
        for number, pairs in enumerate(kept)
    ]


def _has_key(pairs: list[tuple[Node, Node]], name: object) -> bool:
    return any(isinstance(key, ScalarNode) and key.value == name for key, _value in pairs)


def peek_id(node: MappingNode) -> str | None:
    """The id written in a mapping, if any, so problems in it can name it."""
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
            return short(value.value) if value.tag == TAG_STR and value.value else None
    return None
