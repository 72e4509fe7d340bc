"""Fixtures: a fresh SQLite storage in the test's data folder, closed at the end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage import SqliteStorage, database_path


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return database_path(tmp_path / "data")


@pytest.fixture
def storage(path: Path) -> Iterator[SqliteStorage]:
    with SqliteStorage.open(path) as opened:
        yield opened
