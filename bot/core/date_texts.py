"""Dates written the Norwegian way, as the answers say them: "onsdag 20. januar 2021",
"29.–30. januar 2020 (onsdag–torsdag)", "kl. 09.30", "om 3 dager". Reading periods out of a
question is `bot.core.dates`.
"""

from __future__ import annotations

from datetime import date, time

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def long_date(day: date) -> str:
    """ "onsdag 20. januar 2021"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day}. {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """ "20. januar 2021"."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def day_span(start: date, end: date | None) -> str:
    """One day in long form, or a span: "29.–30. januar 2020 (onsdag–torsdag)", as people
    write it; across months "onsdag 30. september – torsdag 1. oktober 2020"."""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        days = f"{WEEKDAYS[start.weekday()]}–{WEEKDAYS[end.weekday()]}"
        return f"{start.day}.–{end.day}. {MONTHS[end.month - 1]} {end.year} ({days})"
    first = f"{WEEKDAYS[start.weekday()]} {start.day}."
    if (start.year, start.month) != (end.year, end.month):
        first += f" {MONTHS[start.month - 1]}"
        if start.year != end.year:
            first += f" {start.year}"
    return f"{first} – {long_date(end)}"


def clock(moment: time) -> str:
    return f"kl. {moment.hour:02d}.{moment.minute:02d}"


def relative_hint(day: date, today: date) -> str | None:
    """A human hint for dates near today: "i dag", "i morgen", "om 3 dager", "for 2 uker siden"."""
    delta = (day - today).days
    if delta == 0:
        return "i dag"
    if delta == 1:
        return "i morgen"
    if delta == -1:
        return "i går"
    if abs(delta) > 31:
        return None
    amount = f"{abs(delta)} dager" if abs(delta) < 14 else f"{round(abs(delta) / 7)} uker"
    return f"om {amount}" if delta > 0 else f"for {amount} siden"
