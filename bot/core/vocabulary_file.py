"""vocabulary.yaml: tags, audiences, the names of kinds, and synonym groups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from bot.core.knowledge import Audience, Kind, KindNames, Vocabulary
from bot.core.yaml_reader import (
    TAG_STR,
    Problem,
    Record,
    Spec,
    Where,
    line_of,
    read_document,
    read_mapping,
    read_record,
    unknown_value,
)
from bot.core.yaml_values import misread_text, read_text, read_texts


@dataclass
class VocabularyAsRead:
    """The sections as read; None where a section is missing or unusable."""

    tags: dict[str, str] | None = None
    audiences: dict[str, Audience] | None = None
    kinds: dict[Kind, KindNames] | None = None
    synonyms: tuple[tuple[str, ...], ...] | None = None
    forms: dict[str, str] | None = None

    def built(self) -> Vocabulary:
        return Vocabulary(
            tags=self.tags or {},
            audiences=self.audiences or {},
            kinds=self.kinds or {},
            synonyms=self.synonyms or (),
            forms=self.forms or {},
        )


_AUDIENCE_FIELDS: dict[str, Spec] = {
    "label": Spec(read_text, required=True),
    "words": Spec(read_texts),
    "part_of": Spec(read_text),
}
_KIND_FIELDS: dict[str, Spec] = {
    "label": Spec(read_text, required=True),
    "plural": Spec(read_text, required=True),
    "words": Spec(read_texts),
}
_VOCABULARY_SECTIONS = {"tags": "{}", "audiences": "{}", "kinds": "{}", "synonyms": "[]"}
_OPTIONAL_SECTIONS = {"forms": "{}"}


def read_vocabulary(path: Path, problems: list[Problem]) -> VocabularyAsRead | None:
    where = Where(problems, str(path))
    document = read_document(path, where)
    if document is None:
        return None
    vocabulary = VocabularyAsRead()
    if document.root is None:
        where.report(1, f"filen er tom; den skal ha {', '.join(_VOCABULARY_SECTIONS)}")
        return vocabulary
    pairs = read_mapping(document.root, where, f"en samling med {', '.join(_VOCABULARY_SECTIONS)}")
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
        elif name == "forms":
            vocabulary.forms = _read_forms(node, section)
        else:
            known = {**_VOCABULARY_SECTIONS, **_OPTIONAL_SECTIONS}
            section.report(key, unknown_value("del", name, known))
    for name, empty in _VOCABULARY_SECTIONS.items():
        if name not in pairs:
            where.for_field(name).report(
                document.root, f"mangler '{name}'; skriv {name}: {empty} om den skal være tom"
            )
    return vocabulary


def _read_tags(node: Node, where: Where) -> dict[str, str] | None:
    pairs = read_mapping(node, where, "en samling av tagg: beskrivelse")
    if pairs is None:
        return None
    tags: dict[str, str] = {}
    for name, (key, value) in pairs.items():
        tag_where = where.for_field(name)
        _id_key(key, tag_where)
        tags[name] = read_text(value, tag_where) or ""
    return tags


def _read_audiences(node: Node, where: Where) -> dict[str, Audience] | None:
    pairs = read_mapping(node, where, "en samling av målgrupper med label og words")
    if pairs is None:
        return None
    audiences: dict[str, Audience] = {}
    parts_of: dict[str, tuple[Node, Where]] = {}  # checked when every audience is read
    for name, (key, value) in pairs.items():
        audience_where = where.for_field(name)
        _id_key(key, audience_where)
        record = _read_group(key, value, _AUDIENCE_FIELDS, audience_where, f"målgruppen '{name}'")
        audiences[name] = Audience(
            id=name,
            label=record.get("label", str) or name,
            words=record.get("words", tuple) or (),
            part_of=record.get("part_of", str),
        )
        if "part_of" in record.nodes:
            parts_of[name] = (record.nodes["part_of"], audience_where.for_field("part_of"))
    for name, (node, part_where) in parts_of.items():
        wider = audiences[name].part_of
        if wider is not None and (wider not in pairs or wider == name):
            known = ", ".join(other for other in audiences if other != name)
            part_where.report(node, f"'{wider}' er ingen annen målgruppe her (kjente: {known})")
    return audiences


def _read_kinds(node: Node, where: Where) -> dict[Kind, KindNames] | None:
    pairs = read_mapping(node, where, "en samling av typer med label, plural og words")
    if pairs is None:
        return None
    kinds: dict[Kind, KindNames] = {}
    for name, (key, value) in pairs.items():
        kind_where = where.for_field(name)
        if name not in set(Kind):
            kind_where.report(key, unknown_value("type", name, Kind, f"gyldige: {', '.join(Kind)}"))
            continue
        record = _read_group(key, value, _KIND_FIELDS, kind_where, f"typen '{name}'")
        kinds[Kind(name)] = KindNames(
            label=record.get("label", str) or name,
            plural=record.get("plural", str) or name,
            words=record.get("words", tuple) or (),
        )
    return kinds


def _read_group(
    key: ScalarNode, node: Node, specs: Mapping[str, Spec], where: Where, what: str
) -> Record:
    """A small record inside the vocabulary, such as one audience or one kind, under `key`."""
    pairs = read_mapping(node, where, f"en samling med {' og '.join(specs)}")
    if pairs is None:
        return Record()
    return read_record(key, pairs, specs, where, what)


def _id_key(key: ScalarNode, where: Where) -> None:
    """An id written as a mapping key must be text: `no:` would be false, `2024:` a number."""
    if key.tag != TAG_STR:
        where.report(key, misread_text(key))


def _read_synonyms(node: Node, where: Where) -> tuple[tuple[str, ...], ...] | None:
    if not isinstance(node, SequenceNode):
        where.report(node, "skal være en liste av grupper, f.eks. - [vfl, vurdering for læring]")
        return None
    groups: list[tuple[str, ...]] = []
    group_of: dict[str, int] = {}  # phrase (case-folded) -> line of the group it is in
    for group_node in node.value:
        group = read_texts(group_node, where)
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
                group_of[folded] = line_of(group_node)
        groups.append(group)
    return tuple(groups)


def _read_forms(node: Node, where: Where) -> dict[str, str] | None:
    """`forms:` maps a bokmål word to the ways people write it: `hvem: [kæm, kven]`. Returned
    in lower case, form -> word, as the question reader looks them up."""
    pairs = read_mapping(node, where, "en samling av ord med former, f.eks. hvem: [kæm, kven]")
    if pairs is None:
        return None
    forms: dict[str, str] = {}
    line_of_form: dict[str, int] = {}
    for name, (_key, value) in pairs.items():
        word_where = where.for_field(name)
        variants = read_texts(value, word_where)
        if variants is None:
            continue
        for variant, item in zip(variants, value.value, strict=True):  # read_texts: a list
            form = variant.strip().lower()
            if " " in form:
                word_where.report(item, f"'{variant}' er flere ord; en form er ett ord")
            elif form in line_of_form and forms[form] != name.lower():
                word_where.report(
                    item,
                    f"'{variant}' står allerede under '{forms[form]}' på linje "
                    f"{line_of_form[form]}; en form kan bare bety ett ord",
                )
            elif form != name.lower():
                forms[form] = name.lower()
                line_of_form[form] = line_of(item)
    return forms
