"""The database file under an open storage: deleted, replaced or damaged."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from bot.core.knowledge import OSLO
from bot.storage import DatabaseDamagedError, FileEvent, database_path, open_storage

NOW = datetime(2020, 9, 1, 12, 0, tzinfo=OSLO)
KARI, OLA = 1001, 1002


def test_a_deleted_database_is_written_back_before_the_next_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    storage = open_storage(data)
    try:
        storage.subscriptions.subscribe(KARI, NOW)
        shutil.rmtree(data)  # the whole BOT_DATA_DIR, file, journal and all
        storage.subscriptions.subscribe(OLA, NOW)  # noticed here, before writing
        assert storage.database_file_event() is FileEvent.RESTORED
        assert storage.database_file_event() is None  # told once
    finally:
        storage.close()
    reopened = open_storage(data)
    try:
        assert reopened.subscriptions.subscriber_chats() == [KARI, OLA]
    finally:
        reopened.close()


def test_a_database_replaced_by_a_backup_is_used_from_then_on(tmp_path: Path) -> None:
    backup = open_storage(tmp_path / "backup")
    backup.subscriptions.subscribe(OLA, NOW)
    backup.close()
    storage = open_storage(tmp_path / "data")
    try:
        storage.subscriptions.subscribe(KARI, NOW)
        path = database_path(tmp_path / "data")
        for journal in path.parent.glob(path.name + "-*"):
            journal.unlink()
        shutil.copy(database_path(tmp_path / "backup"), path.with_suffix(".new"))
        path.with_suffix(".new").replace(path)
        assert storage.database_file_event() is FileEvent.REPLACED
        assert storage.subscriptions.subscriber_chats() == [OLA]
    finally:
        storage.close()


def test_a_damaged_database_is_refused_when_opened(tmp_path: Path) -> None:
    storage = open_storage(tmp_path)
    storage.subscriptions.subscribe(KARI, NOW)
    storage.close()
    path = database_path(tmp_path)
    content = bytearray(path.read_bytes())
    content[4096 * 2 : 4096 * 2 + 100] = b"\x00\xff" * 50
    path.write_bytes(bytes(content))
    with pytest.raises(DatabaseDamagedError):
        open_storage(tmp_path)


def test_a_file_that_is_no_database_is_called_damaged(tmp_path: Path) -> None:
    database_path(tmp_path).write_text("samlinger: []\n", encoding="utf-8")
    with pytest.raises(DatabaseDamagedError):
        open_storage(tmp_path)
