"""Change notices: the real knowledge base, edited with dataclasses.replace, against snapshots."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from bot.core.changes import (
    ChangeKind,
    EventChange,
    EventSnapshot,
    detect_changes,
    notice_text,
    recipients,
    sequences,
    snapshot_of,
    updated_snapshots,
)
from bot.core.knowledge import OSLO, Entry, EventDetails, KnowledgeBase
from bot.core.reminders import ALL_EVENTS, Scope, Subscription, plan_reminders

ENGELSK = "dekom-engelsk-barnetrinnet-2020"  # Thursday 1 October 2020, all day, no place
OPPDAL = "ledersamling-barnehage-oppdal-2020"  # 29–30 January 2020 on Oppdal
NOW = datetime(2020, 9, 1, 12, 0, tzinfo=OSLO)


def edit(kb: KnowledgeBase, event_id: str, **changes: object) -> KnowledgeBase:
    """A copy of `kb` with some EventDetails fields of one event changed."""
    entry = kb[event_id]
    assert entry.event is not None
    event = replace(entry.event, **changes)  # type: ignore[arg-type]
    return with_entries(kb, [replace(entry, event=event) if e.id == event_id else e for e in kb])


def with_entries(kb: KnowledgeBase, entries: list[Entry]) -> KnowledgeBase:
    return KnowledgeBase(tuple(entries), kb.sources, kb.vocabulary)


def changes_between(
    old: KnowledgeBase, new: KnowledgeBase, now: datetime = NOW
) -> list[EventChange]:
    return detect_changes(updated_snapshots({}, old), new, now)


def only(changes: list[EventChange]) -> EventChange:
    assert len(changes) == 1, changes
    return changes[0]


# --------------------------------------------------------------------------------------------
# Snapshots and sequences


def test_the_first_run_records_a_baseline_and_announces_nothing(kb: KnowledgeBase) -> None:
    assert detect_changes(None, kb, NOW) == []
    snapshots = updated_snapshots(None, kb)
    assert set(snapshots) == {entry.id for entry in kb.events}
    assert {snapshot.sequence for snapshot in snapshots.values()} == {0}


def test_an_unchanged_knowledge_base_changes_nothing(kb: KnowledgeBase) -> None:
    saved = updated_snapshots({}, kb)
    assert detect_changes(saved, kb, NOW) == []
    assert updated_snapshots(saved, kb) == saved


def test_every_change_a_calendar_shows_bumps_the_sequence_once(kb: KnowledgeBase) -> None:
    saved = updated_snapshots({}, kb)
    retitled = with_entries(
        kb, [replace(e, title="Engelsk 1–7") if e.id == ENGELSK else e for e in kb]
    )
    redescribed = with_entries(
        kb, [replace(e, answer="Ny tekst.") if e.id == ENGELSK else e for e in kb]
    )
    for changed in (retitled, redescribed, edit(kb, ENGELSK, deadline=date(2020, 9, 20))):
        assert sequences(saved, changed)[ENGELSK] == 1
        assert sequences(saved, changed)[OPPDAL] == 0
        assert detect_changes(saved, changed, NOW) == []  # not worth a message
    twice = updated_snapshots(updated_snapshots(saved, retitled), redescribed)
    assert twice[ENGELSK].sequence == 2


def test_same_version_ignores_only_the_sequence(kb: KnowledgeBase) -> None:
    snapshot = snapshot_of(kb[ENGELSK])
    assert snapshot.same_version(replace(snapshot, sequence=7))
    assert not snapshot.same_version(replace(snapshot, location="Støren"))
    with pytest.raises(ValueError, match="not an event"):
        snapshot_of(kb["dekom"])


# --------------------------------------------------------------------------------------------
# The kinds of change


def test_a_new_upcoming_event_is_announced(kb: KnowledgeBase) -> None:
    without = with_entries(kb, [e for e in kb if e.id != ENGELSK])
    change = only(changes_between(without, kb))
    assert (change.kind, change.event_id, change.before) == (ChangeKind.ADDED, ENGELSK, None)
    assert change.ledger_kind == "added:0"
    assert notice_text(kb, change, NOW) == (
        "Ny samling: «DEKOM – Engelsk på barnetrinnet» er torsdag 1. oktober 2020 (om 4 uker)."
    )


def test_new_events_that_are_over_or_cancelled_are_not_announced(kb: KnowledgeBase) -> None:
    without = with_entries(kb, [e for e in kb if e.id not in (ENGELSK, OPPDAL)])
    cancelled = edit(kb, ENGELSK, cancelled=True)
    assert changes_between(without, cancelled) == []  # Oppdal was in January


def test_a_new_date_is_announced_old_to_new(kb: KnowledgeBase) -> None:
    moved = edit(kb, ENGELSK, start=date(2020, 10, 8))
    change = only(changes_between(kb, moved))
    assert change.kind is ChangeKind.MOVED
    assert change.after.sequence == 1
    assert change.ledger_kind.startswith("moved:1:")
    assert notice_text(moved, change, NOW) == (
        "Endring for «DEKOM – Engelsk på barnetrinnet»:\n"
        "• Når: torsdag 1. oktober 2020 → torsdag 8. oktober 2020"
    )


def test_a_new_time_and_place_are_announced(kb: KnowledgeBase) -> None:
    moved = edit(
        kb,
        ENGELSK,
        start_time=time(12, 0),
        end_time=time(15, 30),
        format="digital",
        platform="Zoom",
    )
    change = only(changes_between(kb, moved))
    assert notice_text(moved, change, NOW) == (
        "Endring for «DEKOM – Engelsk på barnetrinnet»:\n"
        "• Når: torsdag 1. oktober 2020 → torsdag 1. oktober 2020 kl. 12.00–15.30\n"
        "• Sted: ikke oppgitt → digitalt på Zoom"
    )


def test_a_cancellation_is_announced_and_its_reminders_stop(kb: KnowledgeBase) -> None:
    cancelled = edit(kb, ENGELSK, cancelled=True)
    change = only(changes_between(kb, cancelled))
    assert (change.kind, change.ledger_kind) == (ChangeKind.CANCELLED, "cancelled:1")
    assert notice_text(cancelled, change, NOW) == (
        "Avlyst: «DEKOM – Engelsk på barnetrinnet» torsdag 1. oktober 2020 er avlyst."
    )
    subscription = Subscription(1, Scope.parse(f"event:{ENGELSK}"))
    assert plan_reminders(kb, [subscription], NOW)
    assert plan_reminders(cancelled, [subscription], NOW) == []


def test_a_moved_and_cancelled_event_is_only_cancelled(kb: KnowledgeBase) -> None:
    both = edit(kb, ENGELSK, cancelled=True, start=date(2020, 10, 8))
    assert only(changes_between(kb, both)).kind is ChangeKind.CANCELLED


def test_a_cancellation_taken_back_is_announced(kb: KnowledgeBase) -> None:
    cancelled = edit(kb, ENGELSK, cancelled=True)
    change = only(changes_between(cancelled, kb))
    assert (change.kind, change.ledger_kind) == (ChangeKind.REINSTATED, "reinstated:1")
    assert notice_text(kb, change, NOW) == (
        "Likevel ikke avlyst: «DEKOM – Engelsk på barnetrinnet» blir som planlagt "
        "torsdag 1. oktober 2020 (om 4 uker)."
    )


def test_an_upcoming_event_taken_out_of_the_files_is_announced(kb: KnowledgeBase) -> None:
    without = with_entries(kb, [e for e in kb if e.id != ENGELSK])
    saved = updated_snapshots({}, kb)
    change = only(detect_changes(saved, without, NOW))
    assert change.kind is ChangeKind.REMOVED
    assert notice_text(without, change, NOW) == (
        "«DEKOM – Engelsk på barnetrinnet» (torsdag 1. oktober 2020) er tatt ut av oversikten "
        "over samlinger. Sjekk med arrangøren om den blir noe av."
    )
    # It stays in the snapshots, marked removed; when it comes back it is new again.
    after_removal = updated_snapshots(saved, without)
    assert after_removal[ENGELSK].removed
    assert after_removal[ENGELSK].sequence == 1
    assert detect_changes(after_removal, without, NOW) == []
    back = only(detect_changes(after_removal, kb, NOW))
    assert (back.kind, back.ledger_kind) == (ChangeKind.ADDED, "added:2")


def test_changes_to_events_that_are_over_are_not_announced(kb: KnowledgeBase) -> None:
    moved = edit(kb, OPPDAL, location="Røros")
    assert changes_between(kb, moved) == []
    assert sequences(updated_snapshots({}, kb), moved)[OPPDAL] == 1
    assert changes_between(kb, moved, now=datetime(2020, 1, 29, 12, 0, tzinfo=OSLO))  # ongoing


def test_ledger_kinds_tell_apart_a_change_and_its_reversal(kb: KnowledgeBase) -> None:
    # 1 Oct -> 8 Oct -> 1 Oct -> 8 Oct: four versions, each notice its own ledger kind.
    moved = edit(kb, ENGELSK, start=date(2020, 10, 8))
    kinds = []
    saved = updated_snapshots({}, kb)
    for version in (moved, kb, moved):
        kinds.append(only(detect_changes(saved, version, NOW)).ledger_kind)
        saved = updated_snapshots(saved, version)
    assert len(set(kinds)) == 3


def test_ledger_kinds_tell_apart_two_edits_before_the_snapshot_was_saved(
    kb: KnowledgeBase,
) -> None:
    saved = updated_snapshots({}, kb)
    to_the_8th = only(detect_changes(saved, edit(kb, ENGELSK, start=date(2020, 10, 8)), NOW))
    to_the_9th = only(detect_changes(saved, edit(kb, ENGELSK, start=date(2020, 10, 9)), NOW))
    assert to_the_8th.after.sequence == to_the_9th.after.sequence == 1
    assert to_the_8th.ledger_kind != to_the_9th.ledger_kind


# --------------------------------------------------------------------------------------------
# Who gets a notice


def test_notices_go_to_the_subscribers_in_scope(kb: KnowledgeBase) -> None:
    change = only(changes_between(kb, edit(kb, ENGELSK, cancelled=True)))
    subscriptions = [
        Subscription(1, ALL_EVENTS),
        Subscription(2, Scope.parse("scheme:dekom")),
        Subscription(2, Scope.parse("audience:engelsk-barnetrinn")),  # twice: one notice
        Subscription(3, Scope.parse("audience:barnehage")),
        Subscription(4, Scope.parse(f"event:{ENGELSK}")),
        Subscription(5, Scope.parse("event:styrersamling-barnehage-2020")),
        Subscription(6, Scope.parse("region:gauldalsregionen")),
        Subscription(7, Scope.parse("region:trondheim")),
    ]
    assert recipients(change, subscriptions) == [1, 2, 4, 6]


def test_a_removed_event_reaches_its_subscribers_through_the_snapshot(kb: KnowledgeBase) -> None:
    without = with_entries(kb, [e for e in kb if e.id != ENGELSK])
    change = only(changes_between(kb, without))
    subscriptions = [
        Subscription(2, Scope.parse("scheme:dekom")),
        Subscription(3, Scope.parse("audience:barnehage")),
    ]
    assert recipients(change, subscriptions) == [2]


def test_snapshots_round_trip_as_events(kb: KnowledgeBase) -> None:
    snapshot = snapshot_of(kb[OPPDAL])
    assert isinstance(snapshot, EventSnapshot)
    event = snapshot.as_event()
    assert isinstance(event, EventDetails)
    assert event.ends_at() == datetime(2020, 1, 30, 23, 0, tzinfo=UTC)  # midnight in Oslo
