"""The one SQLite connection every SQLite store shares, and the row helpers they use.

One file (`BOT_DATA_DIR/kompetansebot.sqlite3`), WAL journal, foreign keys on, and one
transaction per operation. Every sqlite3 error leaves this module as `StorageError` (its cause
kept); the faults a person must fix before the bot can start (a folder it may not write, a
read-only or damaged file) are subclasses of their own, checked when the database is opened
(bot.storage.errors). The file is watched while it is open: see `guard_file`.

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

import logging
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from bot.storage.errors import (
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DataDirNotWritableError,
    SchemaError,
    StorageError,
)
from bot.storage.records import FileEvent
from bot.storage.schema import MIGRATIONS, Migration

Value = str | int | None
Row = tuple[Value, ...]
Params = Sequence[Value] | Mapping[str, Value]  # positional (?) or named (:name)
logger = logging.getLogger(__name__)

# PRAGMA synchronous levels (https://sqlite.org/pragma.html#pragma_synchronous).
_NORMAL = 1
_FULL = 2
_LEVEL_NAMES = {0: "off", _NORMAL: "normal", _FULL: "full", 3: "extra"}


class SqliteConnection:
    """Owns the connection: opening, migrating, transactions and queries for the stores."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path, migrations: Sequence[Migration]
    ) -> None:
        """Use `open`: it checks the file and makes the connection this takes over."""
        self._connection = connection
        self._path = path
        self._identity = _identity(path)
        self._file_event: FileEvent | None = None  # what `guard_file` did since it was asked
        self._migrations = migrations  # run again on a file put in place of ours
        self._level = _FULL  # the synchronous level last set (_connect sets FULL)

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> Self:
        """Open (creating it and its folder if needed) and migrate the database at `path`.

        Before anything is read: the folder must be writable, the file readable and writable,
        and SQLite's `quick_check` must find no damaged page; each fault is its own
        StorageError subclass, so the caller can say what to do in one sentence.
        """
        _check_access(path)
        connection = _connect(path)
        try:
            with _translated():
                if connection.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
                    raise DatabaseDamagedError(f"{path}: quick_check found damaged pages")
            database = cls(connection, path, migrations)
            database._migrate(migrations)
        except BaseException:
            connection.close()
            raise
        return database

    def close(self) -> None:
        try:  # a database deleted while the bot ran is put back before it stops
            self.guard_file()
        except StorageError as error:
            logger.error("Could not write the deleted database back: %s", error)
        self._connection.close()

    # -- the file under the connection ---------------------------------------------------------

    def guard_file(self) -> FileEvent | None:
        """Notice a database file that was deleted or replaced while it was open.

        Checked before every write transaction (one `stat`) and by the runtime's periodic
        watch. A deleted file is written back from the open connection (SQLite's backup), so no
        subscription is lost; a replaced file (someone put a backup in place) is reopened. The
        event is kept until `take_file_event` reports it.
        """
        if _identity(self._path) == self._identity:
            return None
        path = self._path
        event = FileEvent.REPLACED if path.exists() else FileEvent.RESTORED
        logger.error(
            "The database %s was %s while the bot was running; %s",
            path,
            "replaced" if event is FileEvent.REPLACED else "deleted",
            "using the new file" if event is FileEvent.REPLACED else "writing it back",
        )
        with _translated(), _os_errors():
            if event is FileEvent.RESTORED:
                partial = path.with_name(path.name + ".restoring")
                path.parent.mkdir(parents=True, exist_ok=True)  # the whole folder may be gone
                partial.unlink(missing_ok=True)
                copy = sqlite3.connect(partial)
                try:
                    self._connection.backup(copy)
                finally:
                    copy.close()
                self._connection.close()  # its journal files go with the deleted file
                partial.replace(path)
            else:
                self._connection.close()
            self._connection = _connect(path)
        self._identity = _identity(path)
        if event is FileEvent.REPLACED:
            self._migrate(self._migrations)  # an older backup gets the newer tables
        self._file_event = event
        return event

    def take_file_event(self) -> FileEvent | None:
        """Check the file now; what happened to it since the last call (None: nothing)."""
        self.guard_file()
        event, self._file_event = self._file_event, None
        return event

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
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK if anything raises (the COMMIT too). Durable
        (the default): on disk when it returns; `durable=False`: may be lost in a power cut
        (module docstring).

        SQLite may have rolled back by itself (a full disk): then the original error is
        raised, not the ROLLBACK's, and the connection is never left inside a transaction.
        """
        self.guard_file()
        self._set_level(_FULL if durable else _NORMAL)
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


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _check_access(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataDirNotWritableError(f"cannot create {folder}: {error.strerror}") from error
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataDirNotWritableError(f"cannot write in {folder}")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseReadOnlyError(f"cannot write {path}")


def _connect(path: Path) -> sqlite3.Connection:
    """A connection with the bot's settings: WAL, foreign keys, synchronous=FULL."""
    with _translated():
        connection = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    try:
        with _translated():
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


@contextmanager
def _os_errors() -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise StorageError(f"{type(error).__name__}: {error}") from error


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        text = str(error).lower()
        kind = StorageError
        if "malformed" in text or "not a database" in text:
            kind = DatabaseDamagedError
        elif "readonly" in text or "read-only" in text:
            kind = DatabaseReadOnlyError
        raise kind(f"{type(error).__name__}: {error}") from error


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
