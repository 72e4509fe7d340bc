"""Deadlines and cancellations in words: "Påmeldingsfristen for … er …", "Nei, … var ikke
avlyst; den ble gjennomført digitalt på Zoom."."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.core.answers import deadline_day, deadline_sentence, event_list, event_of, when, where
from bot.core.date_texts import long_date
from bot.core.knowledge import Entry


def deadline_of_event(entry: Entry, now: datetime) -> str:
    """The deadline of one samling, when it is, and whether it is cancelled or how to register."""
    event = event_of(entry)
    text = deadline_sentence(entry, now, named=True)
    verb = "var" if event.is_over(now) else "er"
    text += f" Samlingen {verb} {when(entry, now)}."
    if event.cancelled:
        text += " Merk: samlingen er AVLYST."
    elif event.registration and not event.is_over(now):
        text += f" {event.registration}"
    return text


def days_after_deadline(entry: Entry) -> str | None:
    """ "hvor mange dager er det mellom fristen og samlingen?": counted, when both are known."""
    event = event_of(entry)
    if event.deadline is None:
        return None
    days = (event.start - event.deadline).days
    return f"Det er {days} {'dag' if days == 1 else 'dager'} fra påmeldingsfristen til samlingen."


def open_deadlines(scope: str, events: Sequence[Entry], now: datetime) -> str:
    lines = [f"• {deadline_day(e, now)} – «{e.title}»" for e in events]
    return f"Åpne påmeldingsfrister{scope}:\n" + "\n".join(lines)


def no_open_deadline(scope: str, last: Entry | None) -> str:
    """No deadline is open; the latest one known, if any."""
    text = f"Ingen kommende samlinger{scope} har åpen påmelding nå."
    if last is not None:
        deadline = event_of(last).deadline
        assert deadline is not None
        text += f" Den siste fristen jeg kjenner til var {long_date(deadline)}, for «{last.title}»."
    return text


def cancelled_or_not(
    entries: Sequence[Entry], now: datetime, *, as_planned: bool = False, moved: bool = False
) -> str:
    """ "Er … avlyst?" about particular samlinger: yes or no for each. `as_planned` ("går den
    som planlagt?", "blir den noe av?") asks the opposite, so "Ja" means it is held. `moved`
    ("er den flytta?"): a cancelled samling was not moved, and the sources keep no earlier day,
    so another is told its day without a verdict."""
    lines = []
    yes, no = ("Nei", "Ja") if as_planned else ("Ja", "Nei")
    for entry in entries:
        day = when(entry, now)
        if moved:
            event = event_of(entry)
            verb = "var" if event.is_over(now) else "er"
            lines.append(
                f"Nei, «{entry.title}» {day} er avlyst."
                if event.cancelled
                else f"«{entry.title}» {verb} {day}, slik oversikten min er nå; den er ikke avlyst."
            )
        elif event_of(entry).cancelled:
            lines.append(f"{yes}, «{entry.title}» {day} er avlyst.")
        else:
            held = where(entry)
            verb = "ble gjennomført" if event_of(entry).held else "var"
            held_at = f"; den {verb} {held}" if held else ""
            if event_of(entry).is_over(now):
                lines.append(f"{no}, «{entry.title}» {day} var ikke avlyst{held_at}.")
            else:
                lines.append(f"{no}, «{entry.title}» {day} er ikke avlyst; den går som planlagt.")
    return "\n".join(lines)


def no_cancelled_events(scope: str) -> str:
    return f"Ingen samlinger{scope} er avlyst."


def cancelled_events(scope: str, events: Sequence[Entry], now: datetime) -> str:
    return f"Avlyste samlinger{scope}:\n" + event_list(events, now)


def only_these(scope: str, events: Sequence[Entry], now: datetime) -> str:
    """ "Når er andre samling?" of one samling: the ones known, and that the rest are not."""
    known = "den ene samlingen" if len(events) == 1 else f"de {len(events)} samlingene"
    return (
        f"Jeg kjenner bare til {known}{scope}; kildene mine sier ikke når den neste blir:\n"
        + event_list(events, now)
    )
