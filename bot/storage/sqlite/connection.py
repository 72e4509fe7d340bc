"""The one SQLite connection every SQLite store shares, and the row helpers they use.

One file (`BOT_DATA_DIR/kompetansebot.sqlite3`), WAL journal, foreign keys on,
`synchronous=FULL` so a committed "sent" survives a power cut, and one transaction per
operation. Every sqlite3 error leaves this module as `StorageError` (its cause kept).

Async callers: the API is synchronous on purpose. Every call is one short transaction on a local
file (well under a millisecond to a few milliseconds with the fsync), so it is called directly
from the asyncio event loop thread, never from executor threads: the connection belongs to the
thread that opened it (sqlite3's check_same_thread), and running everything on the one loop
thread means no two calls ever interleave.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from bot.storage.errors import SchemaError, StorageError
from bot.storage.schema import MIGRATIONS, Migration

Value = str | int | None
Row = tuple[Value, ...]
Params = Sequence[Value] | Mapping[str, Value]  # positional (?) or named (:name)


class SqliteConnection:
    """Owns the connection: opening, migrating, transactions and queries for the stores."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> Self:
        """Open (creating it and its folder if needed) and migrate the database at `path`."""
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        except sqlite3.Error as error:
            raise StorageError(f"could not open {path}: {error}") from error
        try:
            with _translated():
                connection.execute("PRAGMA foreign_keys = ON")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = FULL")
            database = cls(connection)
            database._migrate(migrations)
        except BaseException:
            connection.close()
            raise
        return database

    def close(self) -> None:
        self._connection.close()

    @property
    def schema_version(self) -> int:
        return int(self.value("PRAGMA user_version") or 0)

    @property
    def journal_mode(self) -> str:
        return str(self.value("PRAGMA journal_mode"))

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        for number, migration in enumerate(migrations, start=1):
            if migration.version != number:
                raise ValueError(f"migration {migration.version} is out of order")
        version = self.schema_version
        if version > len(migrations):
            raise SchemaError(
                f"the database is at schema version {version}, but this bot knows only "
                f"{len(migrations)}; it was written by a newer version of the bot"
            )
        for migration in migrations[version:]:
            with self.transaction() as sql:
                for statement in migration.statements:
                    sql.execute(statement)
                sql.execute(f"PRAGMA user_version = {migration.version:d}")

    # -- for the stores -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK if anything raises (the COMMIT too).

        SQLite may have rolled back by itself (a full disk): then the original error is
        raised, not the ROLLBACK's, and the connection is never left inside a transaction.
        """
        with _translated():
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:  # the error that brought us here is the one to report
                    with suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                raise

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        with _translated():
            return [tuple(row) for row in self._connection.execute(sql, params)]

    def row(self, sql: str, params: Params = ()) -> Row | None:
        with _translated():
            found = self._connection.execute(sql, params).fetchone()
        return None if found is None else tuple(found)

    def value(self, sql: str, params: Params = ()) -> Value:
        """The first column of the first row (a count, a pragma); None if there is no row."""
        found = self.row(sql, params)
        return None if found is None else found[0]


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        raise StorageError(f"{type(error).__name__}: {error}") from error


def stamp(moment: datetime) -> str:
    """Aware datetimes are stored as UTC ISO-8601 text, which sorts in time order."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment}; pass an aware one")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_stamp(value: Value) -> datetime:
    return datetime.fromisoformat(str(value))


def text_or_none(value: Value) -> str | None:
    return None if value is None else str(value)


def int_or_none(value: Value) -> int | None:
    return None if value is None else int(value)
