"""The "Ja." or "Nei." that opens the answer to a yes/no question about a samling: whether it
is held, for the audience claimed, on the weekday claimed, digital, still open for sign-up."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.core.dates import claims_a_weekday
from bot.core.knowledge import KnowledgeBase
from bot.core.question import Question
from bot.core.question_forms import ONLINE, joins
from bot.core.question_words import Cue
from bot.core.reply import Reply
from bot.core.samling_questions import (
    NO_REASON,
    asks_if_due_then,
    asks_if_passed,
    asks_if_passed_instead,
    asks_to_sign_up,
    asks_why_changed,
    days_claimed,
    names_the_format,
)
from bot.core.text import fold

_DAY_RANGE = re.compile(r"\b\d{1,2}\.? ?[-–] ?\d{1,2}\.")
_APPLIES = frozenset({"gjelder", "gjaldt", "ment", "meint", "passer"})
# Words that claim a samling is held where people meet ("fysisk", "oppmøte", "reise dit")
_IN_PERSON = frozenset({"fysisk", "fysiske", "oppmote", "reise", "reis", "reiser"})
_PLATFORMS = frozenset({"zoom", "teams", "meet", "skype"})


def with_verdict(kb: KnowledgeBase, q: Question, reply: Reply, now: datetime) -> Reply:
    """A yes/no question about a samling gets "Ja." or "Nei." first."""
    if reply.confident and asks_why_changed(q):
        # "hvorfor ble den avlyst?": the sources say what happened, never why
        said = reply.text.removeprefix("Ja, ")  # not "Ja," to a "hvorfor"
        return replace(reply, text=f"{said}\n\n{NO_REASON}", confident=False)
    if not q.yes_no or not reply.confident or q.has(Cue.CANCELLED):
        return reply
    either = q.has(Cue.DEADLINE) and asks_if_passed_instead(q)  # "… mulig, eller for sent?"
    if q.alternatives and not q.has(Cue.FOR_WHOM) and not either:
        return reply  # "blir den digital eller fysisk?" asks which, not whether
    entry = kb.get(reply.matches[0].id) if reply.matches else None
    event = entry.event if entry is not None else None
    if event is None:
        verdict = False
    elif q.period is not None and q.period.weekday is not None and claims_a_weekday(q.text):
        verdict = event.start.weekday() == q.period.weekday  # "er det en fredag?"
        verdict = verdict and not event.cancelled
    elif q.has(Cue.DEADLINE) and q.period and event.deadline and asks_if_due_then(q):
        due = q.period.holds(event.deadline)
        verdict = due and not event.cancelled
    elif q.period is not None and q.topic and _DAY_RANGE.search(q.text):  # "var den 28.–29. jan?"
        first = replace(q.period, end=q.period.start)  # the days claimed, from the first
        days = q.period.end - q.period.start
        verdict = first.holds(event.start) and days == event.last_day - event.start
    elif days_claimed(q) is not None:  # "gikk den over to dager?"
        verdict = (event.last_day - event.start).days + 1 == days_claimed(q)
    elif q.has(Cue.DEADLINE):
        # "er det påmelding til …?" of a samling that tells how to register but no deadline
        open_ = event.deadline_open(now) or (
            event.deadline is None and event.registration is not None and not event.is_over(now)
        )
        verdict = not event.cancelled and open_
        if q.period is not None and event.deadline is not None:  # "rekker jeg den i morgen?"
            verdict = verdict and q.period.start <= event.deadline
        if asks_if_passed(q):
            verdict = not verdict  # "er fristen gått ut?", "er det for sent?"
    elif not ONLINE.isdisjoint(q.words) and not names_the_format(q):
        # "var den på Zoom?", "ble den holdt på Teams?" (of a Zoom samling: "Nei")
        named = _PLATFORMS & set(q.words)
        platform = fold(event.platform) if event.platform else None
        verdict = event.format == "digital" and (not named or platform in (None, *named))
        verdict = verdict and not (event.cancelled and q.has(Cue.PAST))  # "ble den holdt …?"
    elif not _IN_PERSON.isdisjoint(q.words):
        # "ble den holdt fysisk?", "må eg reise nokon stad?": a samling at a place is in person
        in_person = event.format == "fysisk" or (event.format is None and bool(event.location))
        verdict = in_person and not (event.cancelled and q.has(Cue.PAST))
    elif q.has(Cue.PAST) and not q.has(Cue.NEXT):
        verdict = event.is_over(now) and not event.cancelled  # "ble den gjennomført?"
    elif q.has(Cue.NEXT):
        verdict = event.is_upcoming(now)  # "er det noen samling for henne snart?"
    elif q.filters.audiences and (q.has(Cue.FOR_WHOM) or _APPLIES & set(q.words) or joins(q.words)):
        # "er den for ungdomstrinnet?", "gjelder den også ungdomstrinnet?"
        verdict = not event.cancelled and q.filters.audiences <= set(event.audience)
        if asks_to_sign_up(q):  # "kan vi melde oss på?": only while one still can
            open_ = event.deadline is None or event.deadline_open(now)
            verdict = verdict and not event.is_over(now) and open_
    else:
        verdict = not event.cancelled  # "er X et DEKOM-tiltak?", "er det samling i dag?"
    return replace(reply, text=("Ja. " if verdict else "Nei. ") + reply.text)
