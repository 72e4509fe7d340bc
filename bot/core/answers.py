"""Answer texts in short, friendly bokmål. Plain text with "•" bullets; channels add markup.

Every function takes `now` from the caller, so the same event reads "er" before it happens and
"var" after, and a cancelled event always says "avlyst".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time

from bot.core.date_texts import clock, day_span, long_date, relative_hint, short_date
from bot.core.facets import Filters
from bot.core.knowledge import Entry, EventDetails, Kind, KnowledgeBase

MAX_LISTED = 8


def event_of(entry: Entry) -> EventDetails:
    """The samling details of an entry that is a samling."""
    assert entry.event is not None, entry.id
    return entry.event


NUMBER_WORDS = ("null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti")


def number_word(number: int) -> str:
    """ "seks" for 6; digits from 11 on, as Norwegian style guides do."""
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)


def join_words(items: Sequence[str], last: str = "og") -> str:
    """ "a, b og c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def when(entry: Entry, now: datetime) -> str:
    """ "onsdag 20. januar 2021 (om 3 dager)" — the dates, times and a hint for near ones."""
    event = event_of(entry)
    text = days_and_times(event.start, event.end, event.start_time, event.end_time)
    hint = relative_hint(event.start, now.date())
    return f"{text} ({hint})" if hint else text


def days_and_times(
    start: date, end: date | None, start_time: time | None, end_time: time | None
) -> str:
    """ "onsdag 20. januar 2021 kl. 09.00–15.00", "29.–30. januar 2020 (onsdag–torsdag)"."""
    text = day_span(start, end)
    if start_time is not None:
        text += f" {clock(start_time)}"
        if end_time is not None and end is None:
            text += f"–{clock(end_time).removeprefix('kl. ')}"
    return text


def where(entry: Entry) -> str | None:
    """ "digitalt på Zoom", "på Oppdal", or None when nothing is known."""
    event = event_of(entry)
    return place(event.format, event.platform, event.location)


def place(format_: str | None, platform: str | None, location: str | None) -> str | None:
    parts = []
    if format_ == "digital":
        parts.append("digitalt")
    elif format_ == "fysisk":
        parts.append("fysisk oppmøte")
    if platform:
        parts.append(f"på {platform}")
    if location:
        parts.append(f"på {location}")
    return " ".join(parts) or None


def audience_labels(kb: KnowledgeBase, audience_ids: Iterable[str]) -> str:
    """ "barnehage, skole og PPT": the labels of audience ids, as the vocabulary writes them."""
    known = kb.vocabulary.audiences
    return join_words([known[a].label if a in known else a for a in audience_ids])


def audience(kb: KnowledgeBase, entry: Entry) -> str | None:
    """ "skole og lærere på 1. trinn": a label inside a longer one ("lærere") is left out."""
    labels = [
        kb.vocabulary.audiences[a].label if a in kb.vocabulary.audiences else a
        for a in event_of(entry).audience
    ]
    narrowest = [label for label in labels if not any(label != o and label in o for o in labels)]
    return join_words(narrowest) or None


def event_line(entry: Entry, now: datetime) -> str:
    """One bullet for a list of events."""
    event = event_of(entry)
    line = f"• {when(entry, now)}: {entry.title}"
    place = where(entry)
    if place:
        line += f" ({place})"
    if event.cancelled:
        line += " – AVLYST"
    elif event.is_over(now) and event.held:
        line += " – gjennomført"  # only where the source says so
    elif event.is_over(now):
        line += " – har vært"  # plain past: the pages rarely say how a samling went
    elif event.deadline is not None and event.deadline_open(now):
        line += f" – påmeldingsfrist {short_date(event.deadline)}"
    return line


def event_summary(kb: KnowledgeBase, entry: Entry, now: datetime) -> str:
    """Everything about one event: when, where, for whom, deadline, and its description."""
    return "\n".join([event_headline(entry, now), *event_details(kb, entry, now)])


def event_headline(entry: Entry, now: datetime, subject: str | None = None) -> str:
    """ "«Digital ledersamling barnehage» var onsdag 20. januar 2021."; `subject` ("Den")
    instead of the title when the sentence before already named it."""
    event = event_of(entry)
    over = event.is_over(now)
    name = subject or f"«{entry.title}»"
    if event.cancelled:
        verb = "var planlagt" if over else "er planlagt"
        return f"{name} {verb} {when(entry, now)}, men er AVLYST."
    verb = "var" if over else ("pågår nå, fra" if event.has_started(now) else "er")
    if over and event.held:
        verb = "ble gjennomført"  # only when the source says so
    return f"{name} {verb} {when(entry, now)}."


def event_details(kb: KnowledgeBase, entry: Entry, now: datetime) -> list[str]:
    """Place, audience, deadline, registration and description, one line each."""
    event = event_of(entry)
    over = event.is_over(now)
    lines = place_and_audience(kb, entry)
    if event.deadline is not None and not event.cancelled:
        lines.append(deadline_sentence(entry, now))
    if event.registration and not over and not event.cancelled:
        lines.append(event.registration)
    if entry.answer:
        lines.append(entry.answer)
    return lines


def place_and_audience(kb: KnowledgeBase, entry: Entry) -> list[str]:
    """ "Sted: digitalt på Zoom." and "For: barnehage og ledere.", for what is known."""
    lines = []
    place = where(entry)
    if place:
        lines.append(f"Sted: {place}.")
    group = audience(kb, entry)
    if group:
        lines.append(f"For: {group}.")
    return lines


def deadline_sentence(entry: Entry, now: datetime, *, named: bool = False) -> str:
    """ "Påmeldingsfristen er torsdag 24. september 2020 (om 4 dager)." (`named`: "… for «X» …")."""
    event = event_of(entry)
    if event.deadline is None:
        return f"Jeg har ingen påmeldingsfrist registrert for «{entry.title}»."
    subject = f"Påmeldingsfristen for «{entry.title}»" if named else "Påmeldingsfristen"
    verb = "er" if event_of(entry).deadline_open(now) else "var"
    return f"{subject} {verb} {deadline_day(entry, now)}."


def deadline_day(entry: Entry, now: datetime) -> str:
    """ "torsdag 24. september 2020 (om 4 dager)": the day, with a hint while it is open."""
    deadline = event_of(entry).deadline
    assert deadline is not None
    hint = relative_hint(deadline, now.date()) if event_of(entry).deadline_open(now) else None
    return long_date(deadline) + (f" ({hint})" if hint else "")


def filter_phrase(kb: KnowledgeBase, filters: Filters) -> str:
    """ " for barnehage" / " i DEKOM" — words for the filters a question set."""
    parts = []
    if filters.audiences:
        labels = [kb.vocabulary.audiences[a].label for a in sorted(filters.audiences)]
        # "lærere på 1. trinn", not "lærere eller lærere på 1. trinn"
        labels = [label for label in labels if not any(label in o and label != o for o in labels)]
        parts.append(f"for {join_words(labels, 'eller')}")
    if filters.schemes:
        titles = [_title_of(kb, s) for s in sorted(filters.schemes)]
        parts.append(f"i {join_words(titles, 'eller')}")
    if filters.organisers:
        parts.append(f"med {join_words(sorted(filters.organisers), 'eller')}")
    if filters.locations:
        parts.append(f"på {join_words(sorted(filters.locations), 'eller')}")
    if filters.regions:
        titles = [_title_of(kb, r) for r in sorted(filters.regions)]
        parts.append(f"i {join_words(titles, 'eller')}")
    return (" " + " ".join(parts)) if parts else ""


def _title_of(kb: KnowledgeBase, entry_id: str) -> str:
    entry = kb.get(entry_id)
    return entry_id if entry is None else short_title(entry)


def short_title(entry: Entry) -> str:
    """The name in an entry's title: "DEKOM" for "Desentralisert ordning … (DEKOM)",
    "Lesetråder" for "Skolebibliotekprosjekt – Lesetråder"."""
    title = entry.title
    if title.endswith(")") and " (" in title:
        inside = title[title.rindex(" (") + 2 : -1]
        if " " not in inside and not any(ch.isdigit() for ch in inside):
            return inside  # a name ("DEKOM"), not a remark ("fra 2017")
        return title[: title.rindex(" (")]
    if entry.kind is Kind.EVENT:
        return title
    return title.split(" – ")[-1]


def event_list(entries: Sequence[Entry], now: datetime) -> str:
    lines = [event_line(entry, now) for entry in entries[:MAX_LISTED]]
    if len(entries) > MAX_LISTED:
        lines.append(f"… og {len(entries) - MAX_LISTED} til.")
    return "\n".join(lines)


def entry_text(entry: Entry) -> str:
    """A non-event entry: its answer, then its list."""
    parts = [entry.answer.strip()]
    if entry.items:
        heading = entry.items_title or ""
        bullets = "\n".join(f"• {item}" for item in entry.items)
        parts.append(f"{heading}\n{bullets}" if heading else bullets)
    return "\n\n".join(part for part in parts if part)


def source_line(kb: KnowledgeBase, entries: Sequence[Entry]) -> str | None:
    """ "Kilde: Trondheim kommune – Satsinger og kompetanseheving (sist oppdatert 18.04.2024)"."""
    seen: list[str] = []
    for entry in entries:
        if entry.source not in seen:
            seen.append(entry.source)
    names = []
    for source_id in seen:
        source = kb.sources.get(source_id)
        if source is None:
            continue
        name = f"{source.publisher} – {source.title}"
        if source.updated is not None:
            name += f" (sist oppdatert {source.updated:%d.%m.%Y})"
        names.append(name)
    if not names:
        return None
    return "Kilde: " + "; ".join(names)


# -- the engine's answers: entries ------------------------------------------------------------


def entry_with_events(entry: Entry, events: Sequence[Entry], now: datetime) -> str:
    """A scheme or region named on its own, with a few of its samlinger under it."""
    text = entry_text(entry)
    if events:
        text += f"\n\nSamlinger i {short_title(entry)}:\n"
        text += event_list(events, now)
    return text


def entry_pair_text(pair: Sequence[Entry]) -> str:
    """ "Hva er X og Y?": both entries, each under its title."""
    return "\n\n".join(f"{e.title}:\n{entry_text(e)}" for e in pair)


def counted_text(entry: Entry) -> str:
    """ "Hvor mange X?": the number of items first, then the entry."""
    return f"Det er {number_word(len(entry.items))}.\n\n{entry_text(entry)}"


def kind_list(plural: str, of_kind: Sequence[Entry]) -> str:
    """ "Ordninger jeg kjenner til:" and a bullet for each."""
    lines = [f"{plural.capitalize()} jeg kjenner til:"]
    lines += [f"• {entry.title}" for entry in of_kind]
    lines.append("Spør gjerne om en av dem, for eksempel «Hva er " + of_kind[0].title + "?»")
    return "\n".join(lines)


# -- the engine's answers: samlinger ----------------------------------------------------------


def no_events_about(about: Entry | None) -> str:
    """The question names something no samling is about."""
    subject = f" om «{about.title}»" if about is not None else " om det du spør om"
    return f"Jeg finner ingen samlinger{subject}."


def pointer_to_next(entry: Entry, now: datetime) -> str:
    return f" Neste samling er «{entry.title}» {when(entry, now)}."


def pointer_to_last(entry: Entry, now: datetime) -> str:
    return f" Den siste var «{entry.title}» {when(entry, now)}."


def next_event(
    kb: KnowledgeBase,
    scope: str,
    first: Entry,
    skipped: Sequence[Entry],
    later: Sequence[Entry],
    now: datetime,
) -> str:
    """The next samling in full, the cancelled ones before it, and a few after it."""
    headline = f"Neste samling{scope} er «{first.title}», {when(first, now)}."
    text = "\n".join([headline, *event_details(kb, first, now)])
    if skipped:
        text += "\n\nMerk: " + " ".join(f"«{e.title}» {when(e, now)} er avlyst." for e in skipped)
    if later:
        text += "\n\nSenere:\n" + event_list(later, now)
    return text


def nothing_ahead(
    scope: str, last: Entry | None, now: datetime, cancelled: Sequence[Entry] = ()
) -> str:
    """No samling is coming; the ones that would have come but are cancelled, and the last one
    held, if any."""
    text = f"Det er ingen kommende samlinger{scope} i oversikten min nå."
    for entry in cancelled[:2]:
        text += f" «{entry.title}» {when(entry, now)} er avlyst."
    if last is not None:
        text += f" Den siste var «{last.title}» {when(last, now)}"
        place = where(last)
        text += f" ({place})." if place else "."
    return text


def upcoming_events(scope: str, ahead: Sequence[Entry], now: datetime) -> str:
    return f"Kommende samlinger{scope}:\n" + event_list(ahead, now)


def no_upcoming_events(scope: str, held: Sequence[Entry], now: datetime) -> str:
    """None coming: the latest held ones, latest first."""
    text = f"Det er ingen kommende samlinger{scope} i oversikten min nå."
    if held:
        text += " Dette er de siste:\n" + event_list(held, now)
    return text


def events_in_period(scope: str, label: str, events: Sequence[Entry], now: datetime) -> str:
    return f"Samlinger{scope} {label}:\n" + event_list(events, now)


def no_events_in_period(scope: str, label: str) -> str:
    return f"Jeg finner ingen samlinger{scope} {label}."


def none_known_yet(label: str, last: Entry, now: datetime) -> str:
    """A period after the last samling the sources have: not known to be empty, just unknown."""
    return (
        f"Jeg kjenner ikke til noen samlinger {label}. Oversikten min har ingen samlinger etter "
        f"«{last.title}» {when(last, now)}; om flere er planlagt, vet jeg ikke."
    )


def no_such_events_in_period(scope: str, label: str) -> str:
    """ "var det en skoleledersamling 21. oktober?": none of those, though others were."""
    return no_events_in_period(scope, label) if scope else f"Jeg finner ingen slik samling {label}."


def no_held_events(scope: str) -> str:
    return f"Jeg finner ingen samlinger{scope} som har vært."


def previous_event(kb: KnowledgeBase, scope: str, last: Entry, now: datetime) -> str:
    text = f"Forrige samling{scope} var «{last.title}» {when(last, now)}."
    return "\n".join([text, *event_details(kb, last, now)])


def event_with_others(
    kb: KnowledgeBase, chosen: Entry, others: Sequence[Entry], now: datetime
) -> str:
    text = event_summary(kb, chosen, now)
    if others:
        text += "\n\nAndre samlinger som passer:\n" + event_list(others, now)
    return text


def place_of_event(kb: KnowledgeBase, entry: Entry, now: datetime) -> str:
    """ "Hvor er …?": the place first, then the rest without repeating it."""
    verb = "var" if event_of(entry).is_over(now) else "er"
    place = where(entry)
    first = (
        f"«{entry.title}» {verb} {place}."
        if place
        else f"Jeg har ikke noe sted registrert for «{entry.title}»."
    )
    return _one_fact_first(kb, entry, now, first, "Sted:")


def audience_of_event(kb: KnowledgeBase, entry: Entry, now: datetime) -> str:
    """ "Hvem er … for?": the audience first, then the rest without repeating it."""
    verb = "var" if event_of(entry).is_over(now) else "er"
    group = audience(kb, entry)
    first = (
        f"«{entry.title}» {verb} for {group}."
        if group
        else f"Jeg har ingen målgruppe registrert for «{entry.title}»."
    )
    return _one_fact_first(kb, entry, now, first, "For:")


def days_of_event(kb: KnowledgeBase, entry: Entry, now: datetime) -> str:
    """ "Hvor mange dager varer …?": the number of days first, then the rest."""
    event = event_of(entry)
    days = ((event.end or event.start) - event.start).days + 1
    verb = "varte" if event.is_over(now) else "varer"
    count = "én dag" if days == 1 else f"{number_word(days)} dager"
    first = f"«{entry.title}» {verb} {count}: {when(entry, now)}."
    if event.cancelled:
        first = f"«{entry.title}» skulle vare {count}: {when(entry, now)}, men er AVLYST."
    details = event_details(kb, entry, now)
    return "\n".join([first, *details])


def organisers_of_event(kb: KnowledgeBase, entry: Entry, now: datetime) -> str:
    """ "Hvem holder samlingen?": the organisers first."""
    verb = "holdes" if not event_of(entry).is_over(now) else "ble holdt"
    first = f"«{entry.title}» {verb} av {join_words(list(event_of(entry).organisers))}."
    return _one_fact_first(kb, entry, now, first, "Arrangør:")


def _one_fact_first(
    kb: KnowledgeBase, entry: Entry, now: datetime, first: str, repeated: str
) -> str:
    details = [line for line in event_details(kb, entry, now) if not line.startswith(repeated)]
    return "\n".join([first, event_headline(entry, now, subject="Den"), *details])


def most_relevant(pool: Sequence[Entry], now: datetime) -> Entry:
    """The next one that has not ended, else the latest."""
    ahead = [e for e in pool if not event_of(e).is_over(now)]
    return ahead[0] if ahead else pool[-1]


def around(events: Sequence[Entry], now: datetime, count: int) -> list[Entry]:
    """Up to `count` events: the coming ones first, else the most recent."""
    ahead = [e for e in events if not event_of(e).is_over(now)]
    if ahead:
        return ahead[:count]
    return list(events[-count:])
