"""The chat pseudonym: HMAC under a secret in BOT_DATA_DIR, made once, private, stable."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import SqliteStorage, StorageError, database_path
from bot.storage.pseudonyms import SECRET_FILE, ChatPseudonyms

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_the_secret_is_made_on_first_use_private_and_kept(tmp_path: Path) -> None:
    with SqliteStorage.open(database_path(tmp_path)) as storage:
        assert not (tmp_path / SECRET_FILE).exists()  # not before it is needed
        asked = storage.questions.log_question(NOW, "Hva er DEKOM?", "dekom", None, True, "x", 7)
    secret = tmp_path / SECRET_FILE
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    with SqliteStorage.open(database_path(tmp_path)) as reopened:  # the same secret again
        assert reopened.questions.asked_in(asked, 7)
        assert reopened.questions.asked_in(asked, 8) is False
    pseudonym = ChatPseudonyms(secret).of(7)
    assert pseudonym != "7" and len(pseudonym) == 32
    assert ChatPseudonyms(tmp_path / "other.key").of(7) != pseudonym  # keyed: no guessing


def test_a_damaged_secret_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / SECRET_FILE).write_text("not hex\n", encoding="ascii")
    with SqliteStorage.open(database_path(tmp_path)) as storage, pytest.raises(StorageError):
        storage.questions.log_question(NOW, "Hva er DEKOM?", "dekom", None, True, "x", 7)
