"""`SqliteStorage`: every SQLite store over one connection, and what spans the stores."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Self

from bot.storage.schema import MIGRATIONS, Migration
from bot.storage.sqlite.announcements import SqliteAnnouncementStore
from bot.storage.sqlite.changes import SqliteChangeStore
from bot.storage.sqlite.connection import SqliteConnection
from bot.storage.sqlite.handovers import SqliteHandoverStore
from bot.storage.sqlite.questions import SqliteQuestionStore
from bot.storage.sqlite.subscriptions import SqliteSubscriptionStore

# Every table with a chat_id column: what /slettmeg deletes, children before parents.
_TABLES_WITH_CHATS = ("handovers", "deliveries", "subscriptions", "chats")


class SqliteStorage:
    """The `Storage` (bot.storage.protocols) in one SQLite file. Open with `open(path)`."""

    def __init__(self, connection: SqliteConnection) -> None:
        self._connection = connection
        self.subscriptions = SqliteSubscriptionStore(connection)
        self.questions = SqliteQuestionStore(connection)
        self.handovers = SqliteHandoverStore(connection)
        self.announcements = SqliteAnnouncementStore(connection)
        self.changes = SqliteChangeStore(connection)

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> Self:
        """Open (creating it and its folder if needed) and migrate the database at `path`."""
        return cls(SqliteConnection.open(path, migrations=migrations))

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._connection.schema_version

    @property
    def journal_mode(self) -> str:
        return self._connection.journal_mode

    @property
    def synchronous(self) -> str:
        """How the last transaction was committed: "full" (on disk) or "normal"."""
        return self._connection.synchronous

    def forget_chat(self, chat_id: int) -> int:
        """/slettmeg: delete every row about the chat in one step; returns how many."""
        with self._connection.transaction() as sql:
            return sum(
                sql.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,)).rowcount
                for table in _TABLES_WITH_CHATS
            )

    def rows_about_chat(self, chat_id: int) -> int:
        """How many rows mention the chat (what /slettmeg would delete)."""
        return sum(
            int(
                self._connection.value(
                    f"SELECT count(*) FROM {table} WHERE chat_id = ?", (chat_id,)
                )
                or 0
            )
            for table in _TABLES_WITH_CHATS
        )
