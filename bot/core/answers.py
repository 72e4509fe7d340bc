"""Answer texts in short, friendly bokmål. Plain text with "•" bullets; channels add markup.

Every function takes `now` from the caller, so the same event reads "er" before it happens and
"var" after, and a cancelled event always says "avlyst".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from bot.core.dates import clock, day_span, long_date, relative_hint, short_date
from bot.core.knowledge import Entry, EventDetails, Kind, KnowledgeBase
from bot.core.question import Filters

MAX_LISTED = 8


def _details(entry: Entry) -> EventDetails:
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
    event = _details(entry)
    text = days_and_times(event.start, event.end, event.start_time, event.end_time)
    hint = relative_hint(event.start, now.date())
    return f"{text} ({hint})" if hint else text


def days_and_times(
    start: date, end: date | None, start_time: time | None, end_time: time | None
) -> str:
    """ "onsdag 20. januar 2021 kl. 09.00–15.00", "onsdag 29. – torsdag 30. januar 2020"."""
    text = day_span(start, end)
    if start_time is not None:
        text += f" {clock(start_time)}"
        if end_time is not None and end is None:
            text += f"–{clock(end_time).removeprefix('kl. ')}"
    return text


def where(entry: Entry) -> str | None:
    """ "digitalt på Zoom", "på Oppdal", or None when nothing is known."""
    event = _details(entry)
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


def audience(kb: KnowledgeBase, entry: Entry) -> str | None:
    """ "skole og lærere på 1. trinn": a label inside a longer one ("lærere") is left out."""
    labels = [
        kb.vocabulary.audiences[a].label if a in kb.vocabulary.audiences else a
        for a in _details(entry).audience
    ]
    narrowest = [label for label in labels if not any(label != o and label in o for o in labels)]
    return join_words(narrowest) or None


def status(entry: Entry, now: datetime) -> str:
    """How an event stands at `now`: avlyst, gjennomført, pågår or kommende."""
    event = _details(entry)
    if event.cancelled:
        return "avlyst"
    if event.is_over(now):
        return "gjennomført"
    if event.has_started(now):
        return "pågår nå"
    return "kommende"


def event_line(entry: Entry, now: datetime) -> str:
    """One bullet for a list of events."""
    event = _details(entry)
    line = f"• {when(entry, now)}: {entry.title}"
    place = where(entry)
    if place:
        line += f" ({place})"
    if event.cancelled:
        line += " – AVLYST"
    elif event.is_over(now):
        line += " – gjennomført"
    elif event.deadline is not None and now < (event.deadline_at() or now):
        line += f" – påmeldingsfrist {short_date(event.deadline)}"
    return line


def event_summary(kb: KnowledgeBase, entry: Entry, now: datetime) -> str:
    """Everything about one event: when, where, for whom, deadline, and its description."""
    return "\n".join([event_headline(entry, now), *event_details(kb, entry, now)])


def event_headline(entry: Entry, now: datetime) -> str:
    """ "«Digital ledersamling barnehage» var onsdag 20. januar 2021." """
    event = _details(entry)
    over = event.is_over(now)
    if event.cancelled:
        verb = "var planlagt" if over else "er planlagt"
        return f"«{entry.title}» {verb} {when(entry, now)}, men er AVLYST."
    verb = "var" if over else ("pågår nå, fra" if event.has_started(now) else "er")
    return f"«{entry.title}» {verb} {when(entry, now)}."


def event_details(kb: KnowledgeBase, entry: Entry, now: datetime) -> list[str]:
    """Place, audience, deadline, registration and description, one line each."""
    event = _details(entry)
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


def deadline_sentence(entry: Entry, now: datetime) -> str:
    event = _details(entry)
    if event.deadline is None:
        return f"Jeg har ingen påmeldingsfrist registrert for «{entry.title}»."
    day = long_date(event.deadline)
    deadline_at = event.deadline_at()
    assert deadline_at is not None
    if now >= deadline_at:
        return f"Påmeldingsfristen var {day}."
    hint = relative_hint(event.deadline, now.date())
    return f"Påmeldingsfristen er {day}" + (f" ({hint})." if hint else ".")


def filter_phrase(kb: KnowledgeBase, filters: Filters) -> str:
    """ " for barnehage" / " i DEKOM" — words for the filters a question set."""
    parts = []
    if filters.audiences:
        labels = [kb.vocabulary.audiences[a].label for a in sorted(filters.audiences)]
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
        return title[title.rindex(" (") + 2 : -1]
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
