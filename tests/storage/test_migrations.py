"""Schema versions: a new file, an empty file, the previous version, a newer one, a failure."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.core.reminders import Scope
from bot.storage import (
    MIGRATIONS,
    SCHEMA_VERSION,
    DeliveryKey,
    Migration,
    SchemaError,
    SqliteStorage,
    StorageError,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def tables(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    return names


def columns(path: Path, table: str) -> set[str]:
    raw = sqlite3.connect(path)
    names = {row[1] for row in raw.execute(f"PRAGMA table_info({table})")}
    raw.close()
    return names


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2


def test_a_new_database_gets_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "new" / "kompetansebot.sqlite3"
    with SqliteStorage.open(path) as db:
        assert db.schema_version == SCHEMA_VERSION
    assert {"chats", "subscriptions", "deliveries", "event_snapshots", "meta"} <= tables(path)
    assert {"question_log", "handovers", "handover_messages", "announcements"} <= tables(path)
    assert "change_log" in tables(path)


def test_an_empty_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "kompetansebot.sqlite3"
    path.write_bytes(b"")
    with SqliteStorage.open(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        db.subscriptions.subscribe(1, NOW)


def test_the_previous_version_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "kompetansebot.sqlite3"
    previous = MIGRATIONS[:-2]  # before the chat pseudonyms (5) and undo in the change log (6)
    with SqliteStorage.open(path, migrations=previous) as old:
        assert old.schema_version == SCHEMA_VERSION - 2
        old.subscriptions.subscribe(1, NOW, Scope.parse("scheme:dekom"))
        assert old.subscriptions.claim(DeliveryKey(1, "dekom-engelsk", "week:2026-03-10"), NOW)
        old.subscriptions.mark_sent(DeliveryKey(1, "dekom-engelsk", "week:2026-03-10"), NOW)
    raw = sqlite3.connect(path)  # a question logged by the previous version
    with raw:
        old_question = raw.execute(
            "INSERT INTO question_log (asked_at, question, normalised, confident, intent)"
            " VALUES ('2026-03-02T09:00:00+00:00', 'Hva er DEKOM?', 'dekom', 1, 'x')"
        ).lastrowid
    raw.close()
    assert old_question is not None
    assert "chat_key" not in columns(path, "question_log")  # the newest migration has not run
    assert "undoes" not in columns(path, "change_log")
    with SqliteStorage.open(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        assert "chat_key" in columns(path, "question_log")
        assert "undoes" in columns(path, "change_log")
        assert db.questions.asked_in(old_question, 1) is None  # logged without a chat: unknown
        new_question = db.questions.log_question(NOW, "Og REKOM?", "rekom", None, True, "x", 1)
        assert db.questions.asked_in(new_question, 1)
        assert [s.scope for s in db.subscriptions.subscriptions(1)] == [Scope.parse("scheme:dekom")]
        assert not db.subscriptions.claim(DeliveryKey(1, "dekom-engelsk", "week:2026-03-10"), NOW)
        assert db.subscriptions.load_snapshots() is None
    with SqliteStorage.open(path) as again:  # opening a current database changes nothing
        assert again.schema_version == SCHEMA_VERSION


def test_a_database_from_a_newer_bot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kompetansebot.sqlite3"
    SqliteStorage.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(SchemaError, match="newer version"):
        SqliteStorage.open(path)


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "kompetansebot.sqlite3"
    broken = Migration(
        SCHEMA_VERSION + 1,
        "broken",
        ("CREATE TABLE extra (id INTEGER)", "INSERT INTO nowhere VALUES (1)"),
    )
    with pytest.raises(StorageError) as failure:  # the project's own error, sqlite3's as cause
        SqliteStorage.open(path, migrations=(*MIGRATIONS, broken))
    assert isinstance(failure.value.__cause__, sqlite3.OperationalError)
    assert "extra" not in tables(path)  # rolled back with the version bump
    with SqliteStorage.open(path) as db:
        assert db.schema_version == SCHEMA_VERSION


def test_migrations_out_of_order_are_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="out of order"):
        SqliteStorage.open(tmp_path / "x.sqlite3", migrations=(MIGRATIONS[1],))
