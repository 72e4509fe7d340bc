"""Which reminders are due, and when the next one is: pure planning, no I/O, `now` from the caller.

A chat subscribes to a *scope* (all events, an audience, a scheme, a region or one event) with
a set of *lead times*. The planner turns the knowledge base and the subscriptions into
`Reminder`s, each with the moment it may be sent. Whether it was sent already is not known here:
the delivery ledger (bot.storage) settles that, keyed by `Reminder.ledger_kind`.

Times of day, all Europe/Oslo wall-clock time and DST-correct (dates are combined with a time in
the Oslo zone, never shifted by fixed hours):

* An event with a `start_time` begins then. An all-day event (no time; all real ones) is planned
  as if it began at 09:00 (`ALL_DAY_REFERENCE`), a usual start for a samling.
* "1 uke før" (week): the start's clock time, 7 days before. All-day: 09:00.
* "1 dag før" (day): the start's clock time, the day before. All-day: 09:00.
* "samme morgen" (morning): 08:00 on the start day, or one hour before the start if the event
  begins before 09:00.
* "påmeldingsfrist" (deadline): 09:00 two days before the registration deadline.

Rules, in the order they are applied:

1. Quiet hours: nothing is sent from 21:00 to 07:00. A reminder that would fall in them is moved
   to 07:30: the same morning if it is before 07:00, the next morning if it is after 21:00.
2. Never after the start: a reminder is dropped when the start (or, for deadline reminders, the
   end of the deadline day) comes first. This includes one that quiet hours push past the start.
   Cancelled events get no reminders.
3. A reminder that fell due before the chat subscribed is not sent (no stale "1 uke før" right
   after /abonner); the subscription confirmation lists the events instead.
4. Late delivery: a reminder that fell due while the bot was down is still sent at start-up if
   the event has not begun (rule 2), flagged `late` so the text can apologise. If several of an
   event's start reminders are overdue, only the latest is sent ("1 dag før" supersedes
   "1 uke før"). If it is quiet hours at start-up, the late reminder waits until 07:30.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from bot.core import answers
from bot.core.date_texts import long_date, relative_hint
from bot.core.knowledge import OSLO, Entry, EventDetails, KnowledgeBase

# --------------------------------------------------------------------------------------------
# What a subscription is: lead times and scopes


class LeadTime(StrEnum):
    """When before an event a reminder goes out; the value is stored and used in ledger keys."""

    WEEK = "week"
    DAY = "day"
    MORNING = "morning"
    DEADLINE = "deadline"

    @property
    def label(self) -> str:
        return _LEAD_TIME_LABELS[self]


_LEAD_TIME_LABELS = {
    LeadTime.WEEK: "1 uke før",
    LeadTime.DAY: "1 dag før",
    LeadTime.MORNING: "samme morgen",
    LeadTime.DEADLINE: "2 dager før påmeldingsfristen",
}

DEFAULT_LEAD_TIMES: frozenset[LeadTime] = frozenset(
    {LeadTime.WEEK, LeadTime.DAY, LeadTime.DEADLINE}
)
START_LEAD_TIMES = (LeadTime.WEEK, LeadTime.DAY, LeadTime.MORNING)  # earliest first


def ordered(lead_times: Iterable[LeadTime]) -> tuple[LeadTime, ...]:
    """Lead times in their natural order: week, day, morning, deadline."""
    chosen = set(lead_times)
    return tuple(lead for lead in LeadTime if lead in chosen)


class ScopeKind(StrEnum):
    ALL = "all"
    AUDIENCE = "audience"
    SCHEME = "scheme"
    REGION = "region"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class Scope:
    """Which events a subscription covers; written "all" or "<kind>:<id>", e.g. "scheme:dekom"."""

    kind: ScopeKind
    value: str | None = None

    def __post_init__(self) -> None:
        if (self.kind is ScopeKind.ALL) != (self.value is None):
            raise ValueError(f"scope {self.kind} {'takes no' if self.value else 'needs an'} id")
        if self.value is not None and (not self.value or self.value != self.value.strip()):
            raise ValueError(f"invalid scope id {self.value!r}")

    @classmethod
    def parse(cls, text: str) -> Scope:
        """ "all" or "audience:barnehage"; raises ValueError for anything else."""
        if text == ScopeKind.ALL:
            return ALL_EVENTS
        kind, separator, value = text.partition(":")
        if not separator or kind not in set(ScopeKind) or kind == ScopeKind.ALL:
            raise ValueError(f"invalid scope {text!r}")
        return cls(ScopeKind(kind), value)

    def __str__(self) -> str:
        return str(self.kind) if self.value is None else f"{self.kind}:{self.value}"

    def covers(
        self,
        event_id: str,
        audience: Iterable[str] = (),
        scheme: str | None = None,
        region: str | None = None,
    ) -> bool:
        """Whether an event with these ids falls in the scope."""
        match self.kind:
            case ScopeKind.ALL:
                return True
            case ScopeKind.AUDIENCE:
                return self.value in tuple(audience)
            case ScopeKind.SCHEME:
                return self.value == scheme
            case ScopeKind.REGION:
                return self.value == region
            case ScopeKind.EVENT:
                return self.value == event_id

    def covers_entry(self, entry: Entry) -> bool:
        event = entry.event
        if event is None:
            return False
        return self.covers(entry.id, event.audience, event.scheme, event.region)


ALL_EVENTS = Scope(ScopeKind.ALL)


def scope_problem(kb: KnowledgeBase, scope: Scope) -> str | None:
    """Why a scope does not fit the knowledge base (Norwegian, for the user), or None."""
    value = scope.value or ""
    match scope.kind:
        case ScopeKind.ALL:
            return None
        case ScopeKind.AUDIENCE:
            known = value in kb.vocabulary.audiences
            return None if known else f"Jeg kjenner ikke målgruppen «{value}»."
    entry = kb.get(value)
    wanted = {
        ScopeKind.SCHEME: ("scheme",),
        ScopeKind.REGION: ("region", "network"),
        ScopeKind.EVENT: ("event",),
    }[scope.kind]
    if entry is None or entry.kind not in wanted:
        what = {ScopeKind.SCHEME: "ordningen", ScopeKind.REGION: "regionen"}
        return f"Jeg finner ikke {what.get(scope.kind, 'samlingen')} «{value}»."
    return None


def scope_label(kb: KnowledgeBase, scope: Scope) -> str:
    """ "alle kommende samlinger", "samlinger for barnehage", "samlinger i DEKOM", "«…»"."""
    value = scope.value or ""
    if scope.kind is ScopeKind.ALL:
        return "alle kommende samlinger"
    if scope.kind is ScopeKind.AUDIENCE:
        audience = kb.vocabulary.audiences.get(value)
        return f"samlinger for {audience.label if audience else value}"
    entry = kb.get(value)
    if scope.kind is ScopeKind.EVENT:
        return f"«{entry.title if entry else value}»"
    return f"samlinger i {answers.short_title(entry) if entry else value}"


@dataclass(frozen=True, slots=True)
class Subscription:
    """One scope a chat follows, with the lead times it chose. Stored by bot.storage."""

    chat_id: int
    scope: Scope
    lead_times: frozenset[LeadTime] = DEFAULT_LEAD_TIMES
    created_at: datetime = field(default=datetime(1970, 1, 1, tzinfo=UTC))


# --------------------------------------------------------------------------------------------
# Times of day

ALL_DAY_REFERENCE = time(9, 0)  # an all-day event is planned as if it began at 09:00
MORNING_AT = time(8, 0)
DEADLINE_REMINDER_AT = time(9, 0)
DEADLINE_DAYS_BEFORE = 2
QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(7, 0)
AFTER_QUIET = time(7, 30)  # where a reminder in quiet hours is moved to
LATE_AFTER = timedelta(minutes=15)  # sent this long after its time, a reminder says it is late


def reference_start(event: EventDetails) -> datetime:
    """The start that reminders count from: the start time, or 09:00 for all-day events."""
    return datetime.combine(event.start, event.start_time or ALL_DAY_REFERENCE, OSLO)


def lead_time_moment(event: EventDetails, lead: LeadTime) -> datetime | None:
    """The raw moment of a lead time in Oslo time, before quiet hours; None without a deadline."""
    start = reference_start(event)
    clock = start.timetz().replace(tzinfo=None)
    match lead:
        case LeadTime.WEEK:
            return datetime.combine(event.start - timedelta(days=7), clock, OSLO)
        case LeadTime.DAY:
            return datetime.combine(event.start - timedelta(days=1), clock, OSLO)
        case LeadTime.MORNING:
            morning = datetime.combine(event.start, MORNING_AT, OSLO)
            hour_before = datetime.combine(event.start, clock, OSLO) - timedelta(hours=1)
            return min(morning, hour_before, key=_utc)
        case LeadTime.DEADLINE:
            if event.deadline is None:
                return None
            day = event.deadline - timedelta(days=DEADLINE_DAYS_BEFORE)
            return datetime.combine(day, DEADLINE_REMINDER_AT, OSLO)


def is_quiet(moment: datetime) -> bool:
    local = moment.astimezone(OSLO).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def out_of_quiet_hours(moment: datetime) -> datetime:
    """`moment` itself, or 07:30 the same (before 07:00) or next (after 21:00) morning."""
    local = moment.astimezone(OSLO)
    if local.time() < QUIET_UNTIL:
        return datetime.combine(local.date(), AFTER_QUIET, OSLO)
    if local.time() >= QUIET_FROM:
        return datetime.combine(local.date() + timedelta(days=1), AFTER_QUIET, OSLO)
    return moment


def reminder_cutoff(event: EventDetails, lead: LeadTime) -> datetime:
    """A reminder must be sent before this: the start, or for deadlines the deadline's end."""
    start = reference_start(event)
    deadline_end = event.deadline_at()
    if lead is LeadTime.DEADLINE and deadline_end is not None:
        return min(start, deadline_end, key=_utc)
    return start


# --------------------------------------------------------------------------------------------
# Planning


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder for one chat. Times are aware UTC; show them with .astimezone(OSLO)."""

    chat_id: int
    event_id: str
    lead_time: LeadTime
    about: date  # the start (or deadline) day it reminds of; part of the ledger key
    planned_at: datetime  # its regular time, out of quiet hours
    due_at: datetime  # when it may be sent: planned_at, or 07:30 if it is overdue in quiet hours
    late: bool = False  # overdue by more than LATE_AFTER at the `now` it was planned for

    @property
    def ledger_kind(self) -> str:
        """ "day:2026-03-10": a moved event gets new reminders, a repeated plan does not."""
        return f"{self.lead_time}:{self.about.isoformat()}"


def plan_reminders(
    kb: KnowledgeBase, subscriptions: Iterable[Subscription], now: datetime
) -> list[Reminder]:
    """Every reminder still worth sending at or after `now`, sorted by due time.

    Includes ones already sent (the ledger knows); excludes ones past their cutoff, superseded
    ones and ones due before the chat subscribed. `subscriptions` should be the active ones.
    """
    now = _utc(now)
    events = [entry for entry in kb.events if _worth_planning(entry, now)]
    reminders: list[Reminder] = []
    for chat_id, chat_subscriptions in _by_chat(subscriptions).items():
        for entry in events:
            chosen = [sub for sub in chat_subscriptions if sub.scope.covers_entry(entry)]
            if chosen:
                reminders.extend(_plan_event(chat_id, entry, chosen, now))
    reminders.sort(key=lambda r: (r.due_at, r.chat_id, r.event_id, r.lead_time))
    return reminders


def due_reminders(
    kb: KnowledgeBase, subscriptions: Iterable[Subscription], now: datetime
) -> list[Reminder]:
    """The reminders that may be sent at `now` (the ledger filters out those already sent)."""
    moment = _utc(now)
    return [r for r in plan_reminders(kb, subscriptions, moment) if r.due_at <= moment]


def next_due_time(
    kb: KnowledgeBase, subscriptions: Iterable[Subscription], now: datetime
) -> datetime | None:
    """The first moment after `now` when a reminder falls due, in UTC; None if there is none.

    UTC so that `next - now` is real elapsed time even across a DST change.
    """
    moment = _utc(now)
    later = [r.due_at for r in plan_reminders(kb, subscriptions, moment) if r.due_at > moment]
    return min(later, default=None)


def _worth_planning(entry: Entry, now: datetime) -> bool:
    event = entry.event
    return event is not None and not event.cancelled and _utc(reference_start(event)) > now


def _by_chat(subscriptions: Iterable[Subscription]) -> dict[int, list[Subscription]]:
    chats: dict[int, list[Subscription]] = {}
    for subscription in subscriptions:
        chats.setdefault(subscription.chat_id, []).append(subscription)
    return chats


def _plan_event(
    chat_id: int, entry: Entry, subscriptions: list[Subscription], now: datetime
) -> list[Reminder]:
    event = entry.event
    assert event is not None
    lead_times = set().union(*(sub.lead_times for sub in subscriptions))
    since = min(_utc(sub.created_at) for sub in subscriptions)
    candidates = [
        reminder
        for lead in ordered(lead_times)
        if (reminder := _reminder(chat_id, entry.id, event, lead, now)) is not None
        and reminder.planned_at >= since
    ]
    overdue_starts = [
        r for r in candidates if r.lead_time in START_LEAD_TIMES and r.planned_at <= now
    ]
    superseded = overdue_starts[:-1]  # keep only the latest overdue start reminder
    return [reminder for reminder in candidates if reminder not in superseded]


def _reminder(
    chat_id: int, event_id: str, event: EventDetails, lead: LeadTime, now: datetime
) -> Reminder | None:
    moment = lead_time_moment(event, lead)
    if moment is None:
        return None
    planned = _utc(out_of_quiet_hours(moment))
    overdue_at_night = planned <= now and is_quiet(now)
    due = _utc(out_of_quiet_hours(now)) if overdue_at_night else planned
    if max(due, now) >= _utc(reminder_cutoff(event, lead)):  # it would go out too late
        return None
    about = event.deadline if lead is LeadTime.DEADLINE and event.deadline else event.start
    late = now - planned > LATE_AFTER
    return Reminder(chat_id, event_id, lead, about, planned, due, late)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment}; pass an aware one (e.g. in Europe/Oslo)")
    return moment.astimezone(UTC)


# --------------------------------------------------------------------------------------------
# Texts


def reminder_text(kb: KnowledgeBase, reminder: Reminder, now: datetime) -> str:
    """The message for one reminder, in bokmål; `now` is when it is sent."""
    now = now.astimezone(OSLO)  # relative hints ("i morgen") count Oslo days
    entry = kb[reminder.event_id]
    event = entry.event
    assert event is not None
    lines = []
    if reminder.late:
        lines.append("Beklager at denne påminnelsen kommer litt sent.")
    if reminder.lead_time is LeadTime.DEADLINE and event.deadline is not None:
        lines.append(_deadline_headline(entry, event.deadline, now))
        lines.append(f"Samlingen er {answers.when(entry, now)}.")
        if event.registration:
            lines.append(event.registration)
    else:
        lines.append(f"Påminnelse: «{entry.title}» er {answers.when(entry, now)}.")
        lines.extend(answers.place_and_audience(kb, entry))
    return "\n".join(lines)


def _deadline_headline(entry: Entry, deadline: date, now: datetime) -> str:
    hint = relative_hint(deadline, now.date())
    suffix = f" ({hint})" if hint else ""
    return f"Påminnelse: Påmeldingsfristen for «{entry.title}» er {long_date(deadline)}{suffix}."


def lead_times_label(lead_times: Iterable[LeadTime]) -> str:
    """ "1 uke før, 1 dag før og 2 dager før påmeldingsfristen"."""
    return answers.join_words([lead.label for lead in ordered(lead_times)]) or "ingen"
