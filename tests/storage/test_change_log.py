"""The change log: who changed which field of which samling, when, from what to what."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import SqliteStorage

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
ADMIN, OTHER = 4242, 4343


def test_a_change_is_stored_with_who_when_what_and_both_values(storage: SqliteStorage) -> None:
    change = storage.changes.record(ADMIN, "dekom-engelsk", "location", "Støren", "Oppdal", NOW)
    assert (change.admin_id, change.event_id, change.field) == (ADMIN, "dekom-engelsk", "location")
    assert (change.old_value, change.new_value) == ("Støren", "Oppdal")
    assert change.changed_at == NOW
    assert storage.changes.latest(10) == [change]


def test_empty_values_round_trip_as_none(storage: SqliteStorage) -> None:
    added = storage.changes.record(ADMIN, "samling", "platform", None, "Teams", NOW)
    cleared = storage.changes.record(ADMIN, "samling", "platform", "Teams", None, NOW)
    assert (added.old_value, cleared.new_value) == (None, None)


def test_the_last_n_changes_come_newest_first(storage: SqliteStorage) -> None:
    for minute in range(5):
        storage.changes.record(
            ADMIN,
            "samling",
            "title",
            f"v{minute}",
            f"v{minute + 1}",
            NOW + timedelta(minutes=minute),
        )
    latest = storage.changes.latest(3)
    assert [c.new_value for c in latest] == ["v5", "v4", "v3"]
    assert storage.changes.latest(0) == []


def test_the_last_change_by_one_admin(storage: SqliteStorage) -> None:
    assert storage.changes.last_by(ADMIN) is None
    storage.changes.record(ADMIN, "a", "title", "x", "y", NOW)
    mine = storage.changes.record(ADMIN, "b", "start", "2026-01-01", "2026-01-02", NOW)
    storage.changes.record(OTHER, "c", "title", "p", "q", NOW + timedelta(minutes=1))
    assert storage.changes.last_by(ADMIN) == mine  # same moment: the later row wins
    last_other = storage.changes.last_by(OTHER)
    assert last_other is not None and last_other.event_id == "c"


def test_the_change_log_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "kompetansebot.sqlite3"
    with SqliteStorage.open(path) as first:
        change = first.changes.record(ADMIN, "samling", "cancelled", "false", "true", NOW)
    with SqliteStorage.open(path) as again:
        assert again.changes.latest(1) == [change]


def test_an_undo_names_what_it_undid_and_the_one_before_is_next(storage: SqliteStorage) -> None:
    first = storage.changes.record(ADMIN, "samling", "title", "a", "b", NOW)
    second = storage.changes.record(ADMIN, "samling", "title", "b", "c", NOW + timedelta(1))
    storage.changes.record(OTHER, "samling", "title", "c", "d", NOW + timedelta(2))
    assert storage.changes.last_undoable_by(ADMIN) == second
    undo = storage.changes.record(
        ADMIN, "samling", "title", "c", "b", NOW + timedelta(3), second.id
    )
    assert undo.undoes == second.id
    assert storage.changes.last_undoable_by(ADMIN) == first  # neither the undo nor the undone
    storage.changes.record(ADMIN, "samling", "title", "b", "a", NOW + timedelta(4), first.id)
    assert storage.changes.last_undoable_by(ADMIN) is None
