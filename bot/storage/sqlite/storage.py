"""`SqliteStorage`: every SQLite store over one connection, and what spans the stores."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Self

from bot.storage.pseudonyms import ChatPseudonyms
from bot.storage.records import ChatData, FileEvent
from bot.storage.schema import MIGRATIONS, Migration
from bot.storage.sqlite.announcements import SqliteAnnouncementStore
from bot.storage.sqlite.changes import SqliteChangeStore
from bot.storage.sqlite.connection import Params, SqliteConnection
from bot.storage.sqlite.handovers import SqliteHandoverStore
from bot.storage.sqlite.questions import SqliteQuestionStore
from bot.storage.sqlite.subscriptions import SqliteSubscriptionStore

logger = logging.getLogger(__name__)

# What /slettmeg finds, per ChatData field: a WHERE clause over (chat id, chat pseudonym).
# Deleted in this order: children before parents, hand-overs before the questions they name.
_HANDOVERS = (
    "chat_id = :chat OR chat_key = :key"
    " OR question_id IN (SELECT id FROM question_log WHERE chat_key = :key)"
)
_ABOUT_CHAT = (
    ("coordinator_messages", "handover_messages", "chat_id = :chat"),
    ("handovers", "handovers", _HANDOVERS),
    ("questions", "question_log", "chat_key = :key"),
    # An announcement being sent stays until it is sent (it is resumed after a restart).
    ("announcements", "announcements", "author_id = :chat AND state != 'sending'"),
    ("deliveries", "deliveries", "chat_id = :chat"),
    ("subscriptions", "subscriptions", "chat_id = :chat"),
    ("chat", "chats", "chat_id = :chat"),
)


class SqliteStorage:
    """The `Storage` (bot.storage.protocols) in one SQLite file. Open with `open(path)`."""

    def __init__(
        self, connection: SqliteConnection, pseudonyms: ChatPseudonyms | None = None
    ) -> None:
        self._connection = connection
        self._pseudonyms = pseudonyms or ChatPseudonyms(None)
        self.subscriptions = SqliteSubscriptionStore(connection)
        self.questions = SqliteQuestionStore(connection, self._pseudonyms)
        self.handovers = SqliteHandoverStore(connection, self._pseudonyms)
        self.announcements = SqliteAnnouncementStore(connection)
        self.changes = SqliteChangeStore(connection)

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> Self:
        """Open (creating it and its folder if needed) and migrate the database at `path`;
        the chat pseudonyms' secret lives next to it (bot.storage.pseudonyms)."""
        connection = SqliteConnection.open(path, migrations=migrations)
        return cls(connection, ChatPseudonyms.next_to(path))

    def close(self) -> None:
        self._connection.close()

    def database_file_event(self) -> FileEvent | None:
        """Whether the database file was deleted (and written back) or replaced since the
        last call; checked now and before every write."""
        return self._connection.take_file_event()

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

    def forget_chat(self, chat_id: int) -> ChatData:
        """/slettmeg: delete everything that came from the chat, in one step; what it was.

        Deleted content is overwritten (secure_delete) and the WAL is checkpointed and
        truncated afterwards, so none of it lingers in the database file or its -wal.
        """
        params = self._params(chat_id)
        self._connection.value("PRAGMA secure_delete = ON")
        try:
            with self._connection.transaction() as sql:
                counts = {
                    field: _delete(sql, table, where, params) for field, table, where in _ABOUT_CHAT
                }
        finally:
            self._connection.value("PRAGMA secure_delete = OFF")
        busy = self._connection.row("PRAGMA wal_checkpoint(TRUNCATE)")
        if busy is not None and busy[0]:
            logger.warning("/slettmeg: the WAL could not be checkpointed now (busy)")
        return ChatData(**counts)

    def about_chat(self, chat_id: int) -> ChatData:
        """What is stored from the chat (what /slettmeg would delete)."""
        params = self._params(chat_id)
        return ChatData(
            **{
                field: int(
                    self._connection.value(f"SELECT count(*) FROM {table} WHERE {where}", params)
                    or 0
                )
                for field, table, where in _ABOUT_CHAT
            }
        )

    def rows_about_chat(self, chat_id: int) -> int:
        """How many rows came from the chat (what /slettmeg would delete)."""
        return self.about_chat(chat_id).total

    def _params(self, chat_id: int) -> Params:
        return {"chat": chat_id, "key": self._pseudonyms.of(chat_id)}


def _delete(sql: sqlite3.Connection, table: str, where: str, params: Params) -> int:
    return sql.execute(f"DELETE FROM {table} WHERE {where}", params).rowcount
