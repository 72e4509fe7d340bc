"""The knowledge base as the rest of the bot sees it: plain, immutable, validated data.

Loading and validation live in `bot.core.loading`; this module only describes what a valid
knowledge base looks like, so the engine, reminders and calendar code can rely on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


class Kind(StrEnum):
    """What an entry is about; decides how it is listed and answered."""

    SCHEME = "scheme"  # a state or regional scheme (ordning): DEKOM, REKOM, ...
    FOCUS_AREA = "focus_area"  # a municipality's focus area (fokusområde)
    PROJECT = "project"  # a project (prosjekt), e.g. Lesetråder
    NETWORK = "network"  # a competence network (kompetansenettverk)
    REGION = "region"  # a regional cooperation, e.g. Gauldalsregionen
    STRATEGY = "strategy"  # a national strategy or white paper
    TOPIC = "topic"  # anything else worth knowing (goals, plans, overviews)
    EVENT = "event"  # a samling: has a date


class Fact(StrEnum):
    """A typed fact of an entry, answered in the first sentence when a question asks for it."""

    STANDS_FOR = "stands_for"  # "hva står DEKOM for"
    WHEN = "when"  # when it came into force, was introduced, ended or comes
    INTRODUCED_BY = "introduced_by"  # "hvem står bak modellen"
    FUNDED_BY = "funded_by"  # "hvem finansierer", "hvor kommer pengene fra"
    PERIOD = "period"  # "hvor lenge gjelder"
    GOALS = "goals"  # "hva er målet / formålet / hensikten"
    MEMBERS = "members"  # "hvem er med", "består av"
    PARTNERS = "partners"  # "hvem samarbeider de med", "hovedpartner"
    DESCRIBED_IN = "described_in"  # "hvor er den beskrevet"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an entry or a source was written, so errors and warnings can point at it."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Source:
    """A web page the knowledge comes from."""

    id: str
    title: str
    publisher: str
    seed: str | None = None  # the captured copy of the page
    url: str | None = None
    updated: date | None = None  # "Sist oppdatert" as the page states it
    origin: Origin | None = field(default=None, compare=False)  # where sources.yaml names it


@dataclass(frozen=True, slots=True)
class EventDetails:
    """The when/where/who of a samling. Whether it has been held follows from `now`."""

    start: date
    start_time: time | None = None
    end: date | None = None
    end_time: time | None = None
    cancelled: bool = False
    held: bool = False  # the source says it was held ("Ble gjennomført på Zoom")
    format: str | None = None  # "digital" or "fysisk"
    platform: str | None = None  # e.g. "Zoom"
    location: str | None = None  # e.g. "Oppdal"
    audience: tuple[str, ...] = ()  # audience ids from the vocabulary
    scheme: str | None = None  # id of a scheme entry, e.g. "dekom"
    organisers: tuple[str, ...] = ()  # names, e.g. "Gauldalsregionen", "NTNU"
    region: str | None = None  # id of a region or network entry
    deadline: date | None = None  # påmeldingsfrist
    registration: str | None = None  # how to register, as the page says it

    @property
    def last_day(self) -> date:
        return self.end or self.start

    def starts_at(self) -> datetime:
        """Start as an aware Oslo datetime; an event without a time starts at midnight."""
        return datetime.combine(self.start, self.start_time or time(0, 0), OSLO)

    def ends_at(self) -> datetime:
        """End as an aware Oslo datetime; without an end time, the end of its last day."""
        if self.end_time is not None:
            return datetime.combine(self.last_day, self.end_time, OSLO)
        return datetime.combine(self.last_day + timedelta(days=1), time(0, 0), OSLO)

    def deadline_at(self) -> datetime | None:
        """The deadline is open until the end of its day."""
        if self.deadline is None:
            return None
        return datetime.combine(self.deadline + timedelta(days=1), time(0, 0), OSLO)

    def deadline_open(self, now: datetime) -> bool:
        """Whether one can still register: before the end of the deadline's day."""
        deadline_at = self.deadline_at()
        return deadline_at is not None and now < deadline_at

    def is_over(self, now: datetime) -> bool:
        return now >= self.ends_at()

    def has_started(self, now: datetime) -> bool:
        return now >= self.starts_at()

    def is_upcoming(self, now: datetime) -> bool:
        """Not over yet and not cancelled: something a user can still attend."""
        return not self.cancelled and not self.is_over(now)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the bot knows: a scheme, a focus area, a samling, ..."""

    id: str
    kind: Kind
    title: str
    answer: str  # short bokmål answer; for events an optional description
    source: str  # id of a Source
    updated: date  # when a coordinator last checked this entry
    phrasings: tuple[str, ...] = ()  # questions users ask that this entry answers
    keywords: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # a list that belongs to the answer (goals, themes, members)
    items_title: str | None = None  # heading for the list, e.g. "Kommunene er"
    related: tuple[str, ...] = ()  # ids of entries worth offering as a follow-up
    event: EventDetails | None = None
    origin: Origin | None = field(default=None, compare=False)
    facts: tuple[tuple[Fact, str], ...] = ()  # one sentence per fact, from the source page
    members: tuple[str, ...] = ()  # names that belong to it: municipalities, schools, partners
    applies_to: tuple[str, ...] = ()  # audience ids it is for ("gjelder REKOM skolen?")
    url: str | None = None  # registration or more information, shown as a link button

    @property
    def is_event(self) -> bool:
        return self.event is not None

    def fact(self, kind: Fact) -> str | None:
        return next((text for fact, text in self.facts if fact is kind), None)


@dataclass(frozen=True, slots=True)
class Audience:
    """A group an event is for, with the words users call it by."""

    id: str
    label: str  # as shown in answers: "barnehage", "lærere på 1. trinn"
    words: tuple[str, ...] = ()
    part_of: str | None = None  # the wider group it is part of: "ungdomstrinn" of "skole"


@dataclass(frozen=True, slots=True)
class KindNames:
    """How users name a kind of entry, so "hvilke ordninger finnes?" lists the schemes."""

    label: str  # singular: "ordning"
    plural: str  # "ordninger"
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words that belong to the domain rather than to one entry."""

    tags: Mapping[str, str] = field(default_factory=dict)  # tag -> what it means
    audiences: Mapping[str, Audience] = field(default_factory=dict)
    kinds: Mapping[Kind, KindNames] = field(default_factory=dict)
    synonyms: tuple[tuple[str, ...], ...] = ()  # each group: canonical form first
    forms: Mapping[str, str] = field(default_factory=dict)  # "kæm" -> "hvem", lower case as typed


@dataclass(frozen=True, slots=True)
class EventFeed:
    """A calendar (iCalendar URL) whose events become samlinger, with defaults for them."""

    url: str
    name: str | None = None  # shown to the coordinators and as the source of its samlinger
    audience: tuple[str, ...] = ()
    scheme: str | None = None
    region: str | None = None
    organiser: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class KnowledgeBase:
    entries: tuple[Entry, ...]
    sources: Mapping[str, Source]
    vocabulary: Vocabulary
    feeds: tuple[EventFeed, ...] = ()  # the `feeds` section of feeds.yaml
    _by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _events: tuple[Entry, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})
        events = sorted(
            (entry for entry in self.entries if entry.event is not None),
            key=lambda entry: (_event_of(entry).starts_at(), entry.id),
        )
        object.__setattr__(self, "_events", tuple(events))

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def __getitem__(self, entry_id: str) -> Entry:
        return self._by_id[entry_id]

    @property
    def events(self) -> tuple[Entry, ...]:
        """All events, earliest first."""
        return self._events


def _event_of(entry: Entry) -> EventDetails:
    assert entry.event is not None
    return entry.event
