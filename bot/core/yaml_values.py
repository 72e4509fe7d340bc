"""Scalar values of a YAML file: each reader takes one node, reports what is wrong with it and
returns None if it is invalid.

They explain YAML 1.1's surprises in the editor's terms: `no` read as false, `9:30` read as 570,
an unquoted date read as a date where a text was meant.
"""

from __future__ import annotations

import re
from datetime import date, time

from yaml.nodes import Node, ScalarNode, SequenceNode

from bot.core.yaml_reader import (
    TAG_BOOL,
    TAG_FLOAT,
    TAG_INT,
    TAG_NULL,
    TAG_STR,
    TAG_TIMESTAMP,
    Read,
    Where,
    describe,
    short,
    unknown_value,
)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NORWEGIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_HOURS_MINUTES = re.compile(r"(\d{1,2})[:.](\d{2})")
_TRUE = ("yes", "y", "true", "on")  # the plain values YAML 1.1 reads as true


def read_text(node: Node, where: Where) -> str | None:
    """A non-empty text. Explains plain values YAML read as something else."""
    if not isinstance(node, ScalarNode):
        where.report(node, f"skal være én tekst, ikke {describe(node)}")
        return None
    if node.tag == TAG_STR:
        if not node.value.strip():
            where.report(node, "er tom; skriv en tekst eller fjern feltet")
            return None
        return str(node.value)
    where.report(node, misread_text(node))
    return None


def misread_text(node: ScalarNode) -> str:
    """Why a plain scalar is not a text, and how to write it so it is."""
    value = node.value
    if node.tag == TAG_NULL:
        return "mangler verdi; skriv en tekst eller fjern feltet"
    if node.tag == TAG_BOOL:
        truth = "true" if value.lower() in _TRUE else "false"
        read_as = f"'{value}' ble lest som en sannhetsverdi ({truth})"
    elif node.tag == TAG_INT and ":" in value:
        read_as = f"{value} ble lest som tallet {_sexagesimal(value)}"
    elif node.tag in (TAG_INT, TAG_FLOAT):
        read_as = f"{value} ble lest som et tall"
    elif node.tag == TAG_TIMESTAMP:
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


def read_texts(node: Node, where: Where) -> tuple[str, ...] | None:
    """A list of non-empty texts (possibly empty: `[]`)."""
    if not isinstance(node, SequenceNode):
        if isinstance(node, ScalarNode) and node.tag == TAG_NULL:
            where.report(node, "mangler verdi; skriv en liste eller fjern feltet")
        else:
            where.report(
                node, "skal være en liste; skriv hvert element på egen linje med '- ' foran"
            )
        return None
    items = [read_text(item, where) for item in node.value]
    texts = [item for item in items if item is not None]
    return tuple(texts) if len(texts) == len(items) else None


def read_slug(node: Node, where: Where) -> str | None:
    value = read_text(node, where)
    if value is None or _SLUG.fullmatch(value):
        return value
    where.report(
        node,
        f"id-en '{short(value)}' er ikke gyldig; bruk bare a–z, 0–9 og bindestrek, "
        f"f.eks. '{short(slugify(value) or 'min-id')}'",
    )
    return None


def slugify(text: str) -> str:
    """An id made of a text: "Nettverkssamling Øst" -> "nettverkssamling-ost"; "" if nothing
    is left."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read_date(node: Node, where: Where) -> date | None:
    """A real date written `YYYY-MM-DD`, quoted or not."""
    if not isinstance(node, ScalarNode):
        where.report(node, f"skal være en dato (ÅÅÅÅ-MM-DD), ikke {describe(node)}")
        return None
    value = str(node.value).strip()
    if node.tag not in (TAG_TIMESTAMP, TAG_STR) or not value:
        where.report(
            node, f"skal være en dato (ÅÅÅÅ-MM-DD), f.eks. 2024-09-18; fant '{short(value)}'"
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
        return f"skal være bare en dato (ÅÅÅÅ-MM-DD), uten klokkeslett; fant '{short(value)}'"
    return f"'{short(value)}' er ikke en dato; skriv ÅÅÅÅ-MM-DD, f.eks. 2024-09-18"


def read_time(node: Node, where: Where) -> time | None:
    """A clock time written "HH:MM" in quotes."""
    if not isinstance(node, ScalarNode):
        where.report(node, f'skal være et klokkeslett ("TT:MM"), ikke {describe(node)}')
        return None
    value = str(node.value).strip()
    example = _time_example(value)
    if node.tag == TAG_INT and ":" in value:
        where.report(
            node,
            f"{value} ble lest som tallet {_sexagesimal(value)}; "
            f'skriv klokkeslett i anførselstegn, f.eks. "{example}"',
        )
    elif node.tag != TAG_STR:
        where.report(node, f'skriv klokkeslett som tekst i anførselstegn, f.eks. "{example}"')
    elif not _TIME.fullmatch(value):
        where.report(
            node,
            f"'{short(value)}' er ikke et klokkeslett; skriv TT:MM mellom 00:00 og 23:59, "
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


def read_bool(node: Node, where: Where) -> bool | None:
    if isinstance(node, ScalarNode) and node.tag == TAG_BOOL:
        return node.value.lower() in _TRUE
    where.report(node, "skal være true eller false (uten anførselstegn)")
    return None


def one_of(*choices: str) -> Read[str]:
    def read(node: Node, where: Where) -> str | None:
        value = read_text(node, where)
        if value is None or value in choices:
            return value
        hint = f"skriv {' eller '.join(choices)}"
        where.report(node, unknown_value("verdi", value, choices, hint))
        return None

    return read


def read_url(node: Node, where: Where) -> str | None:
    value = read_text(node, where)
    if value is None or value.startswith(("https://", "http://")):
        return value
    where.report(node, f"'{short(value)}' er ikke en nettadresse; den skal begynne med https://")
    return None
