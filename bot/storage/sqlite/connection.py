"""The one SQLite connection every SQLite store shares, and the row helpers they use.

One file (`BOT_DATA_DIR/kompetansebot.sqlite3`), WAL journal, foreign keys on, and one
transaction per operation. Every sqlite3 error leaves this module as `StorageError` (its cause
kept).

Durability: every transaction is committed with `synchronous=FULL` (on disk when COMMIT
returns), so a committed claim or "sent" in the delivery ledger survives a power cut (see
bot.delivery.ledger), unless a store asks for `transaction(durable=False)`: the question log
does, because it is written for every answered question and losing its last rows in a power cut
costs nothing a user would miss. Such a commit runs with `synchronous=NORMAL`: in WAL mode it
survives a crash or kill of the process, the database stays intact after a power cut, and only
the last such commits may be lost then; it skips the fsync (about 0.2 ms on the event loop, half
of it CPU) on every answer. The next durable commit syncs the journal with them.

Async callers: the API is synchronous on purpose. Every call is one short transaction on a local
file (well under a millisecond to a few milliseconds with the fsync), so it is called directly
from the asyncio event loop thread, never from executor threads: the connection belongs to the
thread that opened it (sqlite3's check_same_thread), and running everything on the one loop
thread means no two calls ever interleave.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from bot.storage.errors import SchemaError, StorageError
from bot.storage.schema import MIGRATIONS, Migration

Value = str | int | None
Row = tuple[Value, ...]
Params = Sequence[Value]

# PRAGMA synchronous levels (https://sqlite.org/pragma.html#pragma_synchronous).
_NORMAL = 1
_FULL = 2
_LEVEL_NAMES = {0: "off", _NORMAL: "normal", _FULL: "full", 3: "extra"}


class SqliteConnection:
    """Owns the connection: opening, migrating, transactions and queries for the stores."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._level: int | None = None  # the synchronous level last set, None: not known

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
            database = cls(connection)
            database._set_level(_FULL)
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

    @property
    def synchronous(self) -> str:
        """The synchronous level the last transaction was committed with: "full" or "normal"."""
        level = int(self.value("PRAGMA synchronous") or 0)
        return _LEVEL_NAMES.get(level, str(level))

    def _set_level(self, level: int) -> None:
        """Set PRAGMA synchronous (outside a transaction), only when it changes."""
        if level != self._level:
            with _translated():
                self._connection.execute(f"PRAGMA synchronous = {level:d}")
            self._level = level

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
    def transaction(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK if anything raises. Durable (the default):
        on disk when it returns; `durable=False`: may be lost in a power cut (module docstring)."""
        self._set_level(_FULL if durable else _NORMAL)
        with _translated():
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

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
