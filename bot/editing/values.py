"""What a coordinator types for one field, read into the value the YAML file will hold.

Dates are accepted the way people write them ("14.01.2027", "14. januar", "onsdag 14.
januar", "neste onsdag", "2027-01-14"), times as "9", "09:30" or "9.30", lists comma-separated.
Reading only turns the text into a value; whether the value is allowed (an audience that
exists, a deadline before the start, an http(s) link) is decided by the knowledge base's own
loader, so the rules are exactly those of `python -m bot check` (see bot.editing.entry_file).

Every value also has one canonical text (`value_text`), which the change log stores and which
reads back into the same value, so /angre can put an old value back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.core.date_texts import MONTHS, WEEKDAYS, long_date
from bot.core.knowledge import Kind, KnowledgeBase
from bot.core.text import fold

ValueKind = Literal["text", "date", "time", "format", "list", "audience", "ref", "bool"]
Value = str | date | bool | list[str]


class ValueProblemError(ValueError):
    """Text that cannot be read as the field's value; the message is Norwegian."""


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # as in the YAML file
    label: str  # Norwegian, for buttons and messages
    kind: ValueKind


FIELDS: dict[str, Field] = {
    field.name: field
    for field in (
        Field("title", "tittel", "text"),
        Field("start", "dato", "date"),
        Field("start_time", "starttid", "time"),
        Field("end", "sluttdato", "date"),
        Field("end_time", "sluttid", "time"),
        Field("format", "fysisk eller digital", "format"),
        Field("platform", "plattform", "text"),
        Field("location", "sted", "text"),
        Field("audience", "målgruppe", "audience"),
        Field("scheme", "ordning", "ref"),
        Field("region", "region", "ref"),
        Field("deadline", "påmeldingsfrist", "date"),
        Field("url", "lenke", "text"),
        Field("answer", "beskrivelse", "text"),
        Field("organisers", "arrangører", "list"),
        Field("cancelled", "avlyst", "bool"),
    )
}
FAST_PATH_FIELDS = tuple(name for name in FIELDS if name != "cancelled")

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"(\d{1,2})\.(\d{1,2})\.?(\d{2}|\d{4})?")
_NAMED = re.compile(
    r"(?:(?P<weekday>[a-zø]+)\s+)?(?P<day>\d{1,2})\.?\s*(?P<month>[a-zæøå]+)\.?(?:\s+(?P<year>\d{4}))?"
)
_RELATIVE = re.compile(r"(?:(?P<next>neste|nestkommende|kommende|på)\s+)?(?P<weekday>[a-zø]+)")
_TIME = re.compile(r"(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?")
_MONTH_NUMBERS = {fold(name): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({fold(name[:3]): number for number, name in enumerate(MONTHS, start=1)})
_WEEKDAY_NUMBERS = {fold(name): number for number, name in enumerate(WEEKDAYS)}
_FORMATS = {"digital": "digital", "digitalt": "digital", "nett": "digital", "online": "digital"}
_FORMATS.update({"fysisk": "fysisk", "fysisk oppmote": "fysisk", "oppmote": "fysisk"})
_TRUE = {"ja", "true", "avlyst"}
_FALSE = {"nei", "false"}


def read_value(name: str, text: str, today: date, kb: KnowledgeBase) -> Value:
    """The field's value from what a coordinator typed; ValueProblemError when it cannot be read."""
    field = FIELDS[name]
    text = " ".join(text.split())
    if not text:
        raise ValueProblemError(f"skriv en {field.label}")
    if field.kind == "date":
        return read_day(text, today)
    if field.kind == "time":
        return read_clock(text)
    if field.kind == "format":
        value = _FORMATS.get(fold(text).rstrip("."))
        if value is None:
            raise ValueProblemError(
                f"'{text}' er verken fysisk eller digital; skriv fysisk eller digital"
            )
        return value
    if field.kind == "bool":
        folded = fold(text)
        if folded in _TRUE or folded in _FALSE:
            return folded in _TRUE
        raise ValueProblemError("svar ja eller nei")
    if field.kind in ("list", "audience"):
        items = _items(text)
        return [_audience_id(item, kb) for item in items] if field.kind == "audience" else items
    if field.kind == "ref":
        return _entry_id(
            text, kb, (Kind.SCHEME,) if name == "scheme" else (Kind.REGION, Kind.NETWORK)
        )
    return text


def value_text(value: Value | None) -> str | None:
    """The canonical text of a value: what the change log keeps, and reads back the same."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def yaml_value(value: Value) -> object:
    """The value as ruamel.yaml should write it: times quoted, lists in flow style."""
    if isinstance(value, list):
        sequence = CommentedSeq(value)
        sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}", value):
        return DoubleQuotedScalarString(value)
    return value


def read_day(text: str, today: date) -> date:
    """A day as people write it; without a year, the first such day from today on."""
    folded = fold(text).strip().rstrip(".")
    if folded in ("i dag", "idag"):
        return today
    if folded in ("i morgen", "imorgen"):
        return today + timedelta(days=1)
    if (iso := _ISO.fullmatch(folded)) is not None:
        return _real_day(int(iso[1]), int(iso[2]), int(iso[3]), text)
    if (numeric := _NUMERIC.fullmatch(folded)) is not None:
        year = numeric[3]
        full_year = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
        return _complete(int(numeric[1]), int(numeric[2]), full_year, today, text)
    if (named := _NAMED.fullmatch(folded)) is not None:
        month = _MONTH_NUMBERS.get(named["month"])
        if month is not None:
            year = int(named["year"]) if named["year"] else None
            day = _complete(int(named["day"]), month, year, today, text)
            _check_weekday(named["weekday"], day)
            return day
    if (relative := _RELATIVE.fullmatch(folded)) is not None:
        weekday = _WEEKDAY_NUMBERS.get(relative["weekday"])
        if weekday is not None:
            ahead = (weekday - today.weekday() - 1) % 7 + 1  # the first one after today
            return today + timedelta(days=ahead)
    raise ValueProblemError(
        f"'{text}' forstår jeg ikke som en dato; skriv f.eks. 14.01.2027, 14. januar, "
        "onsdag 14. januar eller neste onsdag"
    )


def read_clock(text: str) -> str:
    """ "9", "9:30", "09.30", "kl. 9" -> "HH:MM"."""
    match = _TIME.fullmatch(fold(text).strip())
    if match is None or int(match[1]) > 23 or int(match[2] or 0) > 59:
        raise ValueProblemError(f"'{text}' er ikke et klokkeslett; skriv f.eks. 09:00 eller 13.30")
    return f"{int(match[1]):02d}:{int(match[2] or 0):02d}"


def _complete(day: int, month: int, year: int | None, today: date, text: str) -> date:
    if year is not None:
        return _real_day(year, month, day, text)
    this_year = _real_day(today.year, month, day, text, leap_ok=True)
    return this_year if this_year >= today else _real_day(today.year + 1, month, day, text)


def _real_day(year: int, month: int, day: int, text: str, *, leap_ok: bool = False) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        if leap_ok and (month, day) == (2, 29):
            return date(year + 4 - year % 4, 2, 29)
        raise ValueProblemError(f"'{text}' er ikke en dato som finnes") from None


def _check_weekday(named: str | None, day: date) -> None:
    if named is None:
        return
    weekday = _WEEKDAY_NUMBERS.get(named)
    if weekday is None:
        raise ValueProblemError(f"'{named}' er ikke en ukedag")
    if weekday != day.weekday():
        raise ValueProblemError(f"{long_date(day)} er en {WEEKDAYS[day.weekday()]}, ikke {named}")


def _items(text: str) -> list[str]:
    text = text.strip().removeprefix("[").removesuffix("]")
    return [item.strip() for item in re.split(r",|\bog\b", text) if item.strip()]


def _audience_id(text: str, kb: KnowledgeBase) -> str:
    """An audience by its id or label; anything else is kept for the loader to report."""
    folded = fold(text)
    for audience in kb.vocabulary.audiences.values():
        if folded in (fold(audience.id), fold(audience.label)):
            return audience.id
    return text


def _entry_id(text: str, kb: KnowledgeBase, kinds: Sequence[Kind]) -> str:
    """A scheme or region by its id or title; anything else is kept for the loader."""
    folded = fold(text)
    for entry in kb:
        if entry.kind in kinds and folded in (fold(entry.id), fold(entry.title)):
            return entry.id
    return text


def choices(name: str, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(value, label) for the fields answered with buttons: audiences, schemes, regions."""
    if name == "audience":
        return [(a.id, a.label) for a in kb.vocabulary.audiences.values()]
    if name == "format":
        return [("fysisk", "Fysisk oppmøte"), ("digital", "Digitalt")]
    kinds = (Kind.SCHEME,) if name == "scheme" else (Kind.REGION, Kind.NETWORK)
    return [(e.id, e.title) for e in kb if e.kind in kinds]
