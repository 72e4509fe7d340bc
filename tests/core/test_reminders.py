"""Reminder planning: lead times, quiet hours, late delivery, cutoffs, scopes and DST.

Times are written as Oslo wall-clock time with `oslo(...)`; aware datetimes compare as
instants, so a UTC result equals the Oslo moment it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.core import answers
from bot.core.knowledge import OSLO, Entry, EventDetails, Kind, KnowledgeBase
from bot.core.reminders import (
    ALL_EVENTS,
    DEFAULT_LEAD_TIMES,
    LeadTime,
    Reminder,
    Scope,
    ScopeKind,
    Subscription,
    due_reminders,
    is_quiet,
    lead_time_moment,
    lead_times_label,
    next_due_time,
    out_of_quiet_hours,
    plan_reminders,
    reminder_text,
    scope_label,
    scope_problem,
)

ENGELSK = "dekom-engelsk-barnetrinnet-2020"  # all-day, Thursday 1 October 2020, deadline 24 Sep
ALL_LEADS = frozenset(LeadTime)
LONG_AGO = datetime(2019, 1, 1, tzinfo=UTC)


def oslo(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO)


def event(
    event_id: str,
    start: date,
    *,
    start_time: time | None = None,
    deadline: date | None = None,
    cancelled: bool = False,
    audience: tuple[str, ...] = ("skole",),
    scheme: str | None = None,
    region: str | None = None,
) -> Entry:
    details = EventDetails(
        start=start,
        start_time=start_time,
        deadline=deadline,
        cancelled=cancelled,
        audience=audience,
        scheme=scheme,
        region=region,
        location="Melhus",
    )
    return Entry(
        id=event_id,
        kind=Kind.EVENT,
        title=f"Samling {event_id}",
        answer="",
        source="gauldalsregionen",
        updated=date(2024, 1, 1),
        event=details,
    )


def kb_of(base: KnowledgeBase, *entries: Entry) -> KnowledgeBase:
    return KnowledgeBase(tuple(entries), base.sources, base.vocabulary)


def subscribe(
    chat_id: int = 1,
    scope: Scope = ALL_EVENTS,
    lead_times: Iterable[LeadTime] = ALL_LEADS,
    since: datetime = LONG_AGO,
) -> Subscription:
    return Subscription(chat_id, scope, frozenset(lead_times), since)


def moments(reminders: Iterable[Reminder]) -> dict[LeadTime, datetime]:
    return {reminder.lead_time: reminder.due_at for reminder in reminders}


# --------------------------------------------------------------------------------------------
# Lead times


def test_every_lead_time_of_a_real_all_day_event(kb: KnowledgeBase) -> None:
    plan = plan_reminders(kb, [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))], oslo(2020, 9, 1))
    assert moments(plan) == {
        LeadTime.DEADLINE: oslo(2020, 9, 22, 9),  # two days before Thursday 24 September
        LeadTime.WEEK: oslo(2020, 9, 24, 9),
        LeadTime.DAY: oslo(2020, 9, 30, 9),
        LeadTime.MORNING: oslo(2020, 10, 1, 8),
    }
    assert [r.lead_time for r in plan] == ["deadline", "week", "day", "morning"]  # by time


def test_every_lead_time_of_an_event_with_a_time(kb: KnowledgeBase) -> None:
    kveld = event("kveld", date(2024, 3, 12), start_time=time(18, 30), deadline=date(2024, 3, 1))
    plan = plan_reminders(kb_of(kb, kveld), [subscribe()], oslo(2024, 2, 1))
    assert moments(plan) == {
        LeadTime.DEADLINE: oslo(2024, 2, 28, 9),  # 2024 is a leap year
        LeadTime.WEEK: oslo(2024, 3, 5, 18, 30),
        LeadTime.DAY: oslo(2024, 3, 11, 18, 30),
        LeadTime.MORNING: oslo(2024, 3, 12, 8),
    }


def test_default_lead_times_are_week_day_and_deadline(kb: KnowledgeBase) -> None:
    assert {LeadTime.WEEK, LeadTime.DAY, LeadTime.DEADLINE} == DEFAULT_LEAD_TIMES
    subscription = Subscription(1, Scope(ScopeKind.EVENT, ENGELSK))
    plan = plan_reminders(kb, [subscription], oslo(2020, 9, 1))
    assert {r.lead_time for r in plan} == DEFAULT_LEAD_TIMES


@pytest.mark.parametrize(
    ("starts", "morning"),
    [
        (time(10, 0), time(8, 0)),  # the usual 08:00
        (time(8, 30), time(7, 30)),  # one hour before an early start
        (time(7, 45), time(7, 30)),  # 06:45 is quiet; 07:30 is still before the start
    ],
)
def test_morning_reminder_comes_before_the_start(
    kb: KnowledgeBase, starts: time, morning: time
) -> None:
    tidlig = event("tidlig", date(2024, 5, 7), start_time=starts)
    plan = plan_reminders(kb_of(kb, tidlig), [subscribe(lead_times=[LeadTime.MORNING])], LONG_AGO)
    assert moments(plan) == {LeadTime.MORNING: datetime.combine(date(2024, 5, 7), morning, OSLO)}


def test_a_morning_reminder_that_quiet_hours_push_past_the_start_is_skipped(
    kb: KnowledgeBase,
) -> None:
    tidlig = event("tidlig", date(2024, 5, 7), start_time=time(7, 15))  # 06:15 -> 07:30 > 07:15
    plan = plan_reminders(kb_of(kb, tidlig), [subscribe(lead_times=[LeadTime.MORNING])], LONG_AGO)
    assert plan == []


def test_no_deadline_no_deadline_reminder(kb: KnowledgeBase) -> None:
    uten = event("uten-frist", date(2024, 5, 7))
    assert lead_time_moment(uten.event or EventDetails(date.min), LeadTime.DEADLINE) is None
    plan = plan_reminders(kb_of(kb, uten), [subscribe(lead_times=[LeadTime.DEADLINE])], LONG_AGO)
    assert plan == []


# --------------------------------------------------------------------------------------------
# Quiet hours


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (oslo(2024, 5, 6, 20, 59), oslo(2024, 5, 6, 20, 59)),  # still allowed
        (oslo(2024, 5, 6, 21, 0), oslo(2024, 5, 7, 7, 30)),  # quiet from 21:00: next morning
        (oslo(2024, 5, 6, 23, 45), oslo(2024, 5, 7, 7, 30)),
        (oslo(2024, 5, 7, 0, 0), oslo(2024, 5, 7, 7, 30)),  # after midnight: same morning
        (oslo(2024, 5, 7, 6, 59), oslo(2024, 5, 7, 7, 30)),
        (oslo(2024, 5, 7, 7, 0), oslo(2024, 5, 7, 7, 0)),  # allowed again from 07:00
    ],
)
def test_quiet_hours_move_a_moment_to_half_past_seven(moment: datetime, expected: datetime) -> None:
    assert out_of_quiet_hours(moment) == expected
    assert is_quiet(moment) == (moment != expected)


def test_a_reminder_late_in_the_evening_moves_to_the_next_morning(kb: KnowledgeBase) -> None:
    kveld = event("kveld", date(2024, 5, 8), start_time=time(22, 0))
    plan = plan_reminders(kb_of(kb, kveld), [subscribe()], LONG_AGO)
    assert moments(plan) == {
        LeadTime.WEEK: oslo(2024, 5, 2, 7, 30),  # 22:00 on 1 May -> the next morning
        LeadTime.DAY: oslo(2024, 5, 8, 7, 30),  # 22:00 on 7 May -> the event day, before 22:00
        LeadTime.MORNING: oslo(2024, 5, 8, 8, 0),
    }


def test_a_reminder_early_in_the_morning_moves_to_the_same_morning(kb: KnowledgeBase) -> None:
    grytidlig = event("grytidlig", date(2024, 5, 8), start_time=time(6, 0))
    plan = plan_reminders(kb_of(kb, grytidlig), [subscribe()], LONG_AGO)
    assert moments(plan) == {
        LeadTime.WEEK: oslo(2024, 5, 1, 7, 30),
        LeadTime.DAY: oslo(2024, 5, 7, 7, 30),  # 06:00 the day before -> 07:30 that morning
        # morning: 05:00 -> 07:30 on the day, after the 06:00 start: skipped
    }


def test_no_reminder_is_ever_due_in_quiet_hours(kb: KnowledgeBase) -> None:
    entries = [
        event(f"e{hour}", date(2024, 5, 20), start_time=time(hour, 15)) for hour in range(24)
    ]
    plan = plan_reminders(kb_of(kb, *entries), [subscribe()], LONG_AGO)
    assert plan
    assert not [r for r in plan if is_quiet(r.due_at)]


# --------------------------------------------------------------------------------------------
# Due now, late delivery and the start cutoff


def test_a_reminder_is_due_at_its_time_and_not_before(kb: KnowledgeBase) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK), lead_times=[LeadTime.WEEK])]
    assert due_reminders(kb, subscriptions, oslo(2020, 9, 24, 8, 59)) == []
    (week,) = due_reminders(kb, subscriptions, oslo(2020, 9, 24, 9, 0))
    assert (week.lead_time, week.late, week.chat_id, week.event_id) == ("week", False, 1, ENGELSK)
    assert week.ledger_kind == "week:2020-10-01"


def test_late_after_downtime_only_the_latest_start_reminder_goes_out(kb: KnowledgeBase) -> None:
    # The bot was down from before the week reminder until after the day reminder.
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))]
    due = due_reminders(kb, subscriptions, oslo(2020, 9, 30, 12, 0))
    assert [(r.lead_time, r.late) for r in due] == [(LeadTime.DAY, True)]
    # the deadline (24 September) has passed, so its reminder is gone too


def test_a_few_minutes_behind_is_not_late(kb: KnowledgeBase) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))]
    (day,) = due_reminders(kb, subscriptions, oslo(2020, 9, 30, 9, 10))
    assert not day.late
    (day,) = due_reminders(kb, subscriptions, oslo(2020, 9, 30, 9, 20))
    assert day.late


def test_late_reminder_found_in_quiet_hours_waits_for_the_morning(kb: KnowledgeBase) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))]
    night = oslo(2020, 9, 30, 22, 0)  # up again at night; the day reminder was due at 09:00
    assert due_reminders(kb, subscriptions, night) == []
    assert next_due_time(kb, subscriptions, night) == oslo(2020, 10, 1, 7, 30)
    planned = [(r.lead_time, r.due_at) for r in plan_reminders(kb, subscriptions, night)]
    assert planned == [  # the week reminder is superseded, the deadline has passed
        (LeadTime.DAY, oslo(2020, 10, 1, 7, 30)),
        (LeadTime.MORNING, oslo(2020, 10, 1, 8, 0)),
    ]
    due = due_reminders(kb, subscriptions, oslo(2020, 10, 1, 7, 30))
    assert [(r.lead_time, r.late) for r in due] == [(LeadTime.DAY, True)]


def test_the_deadline_reminder_is_late_but_still_useful_before_the_deadline(
    kb: KnowledgeBase,
) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))]
    due = due_reminders(kb, subscriptions, oslo(2020, 9, 24, 23, 0))  # quiet, deadline today
    assert due == []  # 07:30 tomorrow is after the deadline: dropped
    due = due_reminders(kb, subscriptions, oslo(2020, 9, 24, 9, 0))
    assert sorted((r.lead_time, r.late) for r in due) == [("deadline", True), ("week", False)]


def test_nothing_after_the_event_has_begun(kb: KnowledgeBase) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))]
    (morning,) = due_reminders(kb, subscriptions, oslo(2020, 10, 1, 8, 30))
    assert morning.lead_time is LeadTime.MORNING
    assert due_reminders(kb, subscriptions, oslo(2020, 10, 1, 9, 0)) == []  # all-day: 09:00
    assert plan_reminders(kb, subscriptions, oslo(2020, 10, 1, 9, 0)) == []


def test_nothing_after_a_timed_event_has_begun(kb: KnowledgeBase) -> None:
    kveld = event("kveld", date(2024, 5, 8), start_time=time(22, 0))
    kb_kveld = kb_of(kb, kveld)
    assert due_reminders(kb_kveld, [subscribe()], oslo(2024, 5, 8, 21, 59)) == []  # quiet
    assert plan_reminders(kb_kveld, [subscribe()], oslo(2024, 5, 8, 22, 0)) == []


def test_reminders_due_before_the_chat_subscribed_are_not_sent(kb: KnowledgeBase) -> None:
    scope = Scope(ScopeKind.EVENT, ENGELSK)
    subscribed = oslo(2020, 9, 26, 10, 0)  # after the week reminder
    subscription = subscribe(scope=scope, since=subscribed)
    assert due_reminders(kb, [subscription], subscribed) == []
    assert next_due_time(kb, [subscription], subscribed) == oslo(2020, 9, 30, 9, 0)


def test_cancelled_events_get_no_reminders(kb: KnowledgeBase) -> None:
    cancelled = "skoleledersamling-2020"
    details = kb[cancelled].event
    assert details is not None and details.cancelled
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, cancelled))]
    assert plan_reminders(kb, subscriptions, oslo(2020, 10, 1)) == []


def test_next_due_time(kb: KnowledgeBase) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))]
    assert next_due_time(kb, subscriptions, oslo(2020, 9, 1)) == oslo(2020, 9, 22, 9)
    assert next_due_time(kb, subscriptions, oslo(2020, 9, 22, 9)) == oslo(2020, 9, 24, 9)
    assert next_due_time(kb, subscriptions, oslo(2020, 10, 1, 8)) is None
    assert next_due_time(kb, [], oslo(2020, 9, 1)) is None


def test_a_naive_now_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="naive"):
        plan_reminders(kb, [subscribe()], datetime(2020, 9, 1, 12, 0))


# --------------------------------------------------------------------------------------------
# Daylight saving time


def test_reminders_across_the_october_dst_change(kb: KnowledgeBase) -> None:
    # Summer time ends Sunday 27 October 2024 at 03:00 (CEST, +02) -> 02:00 (CET, +01).
    mandag = event("mandag", date(2024, 10, 28), start_time=time(10, 0))
    plan = plan_reminders(kb_of(kb, mandag), [subscribe()], oslo(2024, 10, 1))
    found = moments(plan)
    assert found[LeadTime.WEEK] == datetime(2024, 10, 21, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert found[LeadTime.DAY] == datetime(2024, 10, 27, 9, 0, tzinfo=UTC)  # 10:00 CET
    assert found[LeadTime.DAY].astimezone(OSLO).hour == 10
    saturday_noon = oslo(2024, 10, 26, 12, 0)
    following = next_due_time(kb_of(kb, mandag), [subscribe()], saturday_noon)
    assert following is not None
    assert following - saturday_noon == timedelta(hours=23)  # the night is an hour longer


def test_reminders_across_the_march_dst_change(kb: KnowledgeBase) -> None:
    # Summer time starts Sunday 30 March 2025 at 02:00 (CET, +01) -> 03:00 (CEST, +02).
    mandag = event("mandag", date(2025, 3, 31), start_time=time(10, 0))
    found = moments(plan_reminders(kb_of(kb, mandag), [subscribe()], oslo(2025, 3, 1)))
    assert found[LeadTime.WEEK] == datetime(2025, 3, 24, 9, 0, tzinfo=UTC)  # 10:00 CET
    assert found[LeadTime.DAY] == datetime(2025, 3, 30, 8, 0, tzinfo=UTC)  # 10:00 CEST


def test_quiet_hours_in_the_night_the_clocks_go_back(kb: KnowledgeBase) -> None:
    sondag = event("sondag-kveld", date(2024, 10, 27), start_time=time(23, 0))
    found = moments(plan_reminders(kb_of(kb, sondag), [subscribe()], oslo(2024, 10, 1)))
    assert found[LeadTime.DAY] == datetime(2024, 10, 27, 6, 30, tzinfo=UTC)  # 07:30 CET


def test_an_event_in_the_skipped_hour_is_still_planned(kb: KnowledgeBase) -> None:
    natt = event("natt", date(2025, 3, 30), start_time=time(2, 30))  # 02:30 does not exist
    found = moments(plan_reminders(kb_of(kb, natt), [subscribe()], oslo(2025, 3, 1)))
    assert found == {
        LeadTime.WEEK: oslo(2025, 3, 23, 7, 30),
        LeadTime.DAY: oslo(2025, 3, 29, 7, 30),
    }


# --------------------------------------------------------------------------------------------
# Scopes and several subscriptions


def planned_events(kb: KnowledgeBase, scope: Scope, now: datetime) -> set[str]:
    return {r.event_id for r in plan_reminders(kb, [subscribe(scope=scope)], now)}


def test_scope_filters_on_the_real_events(kb: KnowledgeBase) -> None:
    now = oslo(2020, 1, 1)
    assert planned_events(kb, ALL_EVENTS, now) == {
        "ledersamling-barnehage-oppdal-2020",
        "dekom-begynneropplaering-2020",
        "dekom-engelsk-barnetrinnet-2020",
        "styrersamling-barnehage-2020",
        "ledersamling-barnehage-2021",
    }  # not the cancelled skoleledersamling, not the 2019 planleggingsdag
    assert planned_events(kb, Scope.parse("audience:barnehage"), now) == {
        "ledersamling-barnehage-oppdal-2020",
        "styrersamling-barnehage-2020",
        "ledersamling-barnehage-2021",
    }
    assert planned_events(kb, Scope.parse("audience:styrere"), now) == {
        "styrersamling-barnehage-2020"
    }
    assert planned_events(kb, Scope.parse("scheme:dekom"), now) == {
        "dekom-begynneropplaering-2020",
        "dekom-engelsk-barnetrinnet-2020",
    }
    assert len(planned_events(kb, Scope.parse("region:gauldalsregionen"), now)) == 5
    assert planned_events(kb, Scope.parse("region:trondheim"), now) == set()
    assert planned_events(kb, Scope.parse(f"event:{ENGELSK}"), now) == {ENGELSK}


def test_overlapping_subscriptions_give_one_reminder_with_the_union_of_lead_times(
    kb: KnowledgeBase,
) -> None:
    subscriptions = [
        subscribe(scope=ALL_EVENTS, lead_times=[LeadTime.WEEK]),
        subscribe(scope=Scope.parse("scheme:dekom"), lead_times=[LeadTime.DAY]),
        subscribe(chat_id=2, scope=Scope.parse("audience:barnehage"), lead_times=[LeadTime.DAY]),
    ]
    plan = plan_reminders(kb, subscriptions, oslo(2020, 9, 1))
    engelsk = [(r.chat_id, r.lead_time) for r in plan if r.event_id == ENGELSK]
    assert sorted(engelsk) == [(1, "day"), (1, "week")]
    assert {r.chat_id for r in plan if r.event_id == "styrersamling-barnehage-2020"} == {1, 2}


def test_a_moved_event_gets_new_ledger_kinds(kb: KnowledgeBase) -> None:
    moved_event = replace(kb[ENGELSK].event or EventDetails(date.min), start=date(2020, 10, 8))
    moved = kb_of(kb, replace(kb[ENGELSK], event=moved_event))
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK), lead_times=[LeadTime.DAY])]
    (before,) = plan_reminders(kb, subscriptions, oslo(2020, 9, 30, 9))
    (after,) = plan_reminders(moved, subscriptions, oslo(2020, 9, 30, 9))
    assert before.ledger_kind == "day:2020-10-01"
    assert after.ledger_kind == "day:2020-10-08"


# --------------------------------------------------------------------------------------------
# Scopes as text, and texts


def test_scopes_parse_and_print() -> None:
    for text in ("all", "audience:barnehage", "scheme:dekom", "region:gauldalsregionen"):
        assert str(Scope.parse(text)) == text
    assert Scope.parse("all") is ALL_EVENTS
    for bad in ("", "alle", "audience", "audience:", "kind:x", "all:x", "event: x"):
        with pytest.raises(ValueError):
            Scope.parse(bad)


def test_scope_problems_and_labels_in_norwegian(kb: KnowledgeBase) -> None:
    assert scope_problem(kb, Scope.parse("audience:barnehage")) is None
    assert scope_problem(kb, Scope.parse("scheme:dekom")) is None
    assert scope_problem(kb, Scope.parse(f"event:{ENGELSK}")) is None
    assert scope_problem(kb, Scope.parse("audience:rektorer")) == (
        "Jeg kjenner ikke målgruppen «rektorer»."
    )
    assert scope_problem(kb, Scope.parse("scheme:gauldalsregionen")) == (
        "Jeg finner ikke ordningen «gauldalsregionen»."
    )
    assert scope_problem(kb, Scope.parse("event:dekom")) == "Jeg finner ikke samlingen «dekom»."
    assert scope_label(kb, ALL_EVENTS) == "alle kommende samlinger"
    assert scope_label(kb, Scope.parse("audience:laerere-1-trinn")) == (
        "samlinger for lærere på 1. trinn"
    )
    assert scope_label(kb, Scope.parse("scheme:dekom")) == "samlinger i DEKOM"
    assert scope_label(kb, Scope.parse(f"event:{ENGELSK}")) == "«DEKOM – Engelsk på barnetrinnet»"
    assert lead_times_label(DEFAULT_LEAD_TIMES) == (
        "1 uke før, 1 dag før og 2 dager før påmeldingsfristen"
    )


def test_reminder_texts(kb: KnowledgeBase) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK))]
    now = oslo(2020, 9, 30, 9, 0)
    (day,) = due_reminders(kb, subscriptions, now)
    assert reminder_text(kb, day, now) == (
        "Påminnelse: «DEKOM – Engelsk på barnetrinnet» er torsdag 1. oktober 2020 (i morgen).\n"
        f"For: {answers.audience(kb, kb[ENGELSK])}."
    )
    late_now = oslo(2020, 9, 30, 12, 0)
    (late,) = due_reminders(kb, subscriptions, late_now)
    assert reminder_text(kb, late, late_now).startswith(
        "Beklager at denne påminnelsen kommer litt sent.\nPåminnelse: «DEKOM"
    )
    deadline_now = oslo(2020, 9, 22, 9, 0)
    (deadline,) = due_reminders(kb, subscriptions, deadline_now)
    assert reminder_text(kb, deadline, deadline_now) == (
        "Påminnelse: Påmeldingsfristen for «DEKOM – Engelsk på barnetrinnet» er "
        "torsdag 24. september 2020 (om 2 dager).\n"
        "Samlingen er torsdag 1. oktober 2020 (om 9 dager)."
    )


def test_texts_count_days_in_oslo_even_for_a_utc_now(kb: KnowledgeBase) -> None:
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, ENGELSK), lead_times=[LeadTime.DAY])]
    now = datetime(2020, 9, 30, 22, 30, tzinfo=UTC)  # already 1 October in Oslo
    (day,) = plan_reminders(kb, subscriptions, oslo(2020, 9, 30, 9))
    assert "(i dag)" in reminder_text(kb, day, now)


def test_a_place_is_mentioned(kb: KnowledgeBase) -> None:
    oppdal = "ledersamling-barnehage-oppdal-2020"
    subscriptions = [subscribe(scope=Scope(ScopeKind.EVENT, oppdal), lead_times=[LeadTime.DAY])]
    (day,) = due_reminders(kb, subscriptions, oslo(2020, 1, 28, 9, 0))
    assert "Sted: på Oppdal." in reminder_text(kb, day, oslo(2020, 1, 28, 9, 0))
