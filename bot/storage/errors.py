"""The storage layer's own exceptions: callers never see a database driver's errors."""

from __future__ import annotations


class StorageError(Exception):
    """The database could not be opened, read or written; the driver's error is the cause."""


class SchemaError(StorageError):
    """The database file was written by a newer version of the bot."""


class DatabaseDamagedError(StorageError):
    """The database file is not a database, or SQLite's check found damaged pages."""


class DatabaseReadOnlyError(StorageError):
    """The database file (or the folder its journal goes in) cannot be written."""


class DataDirNotWritableError(StorageError):
    """BOT_DATA_DIR cannot be created or written by the user the bot runs as."""


class DataDirInUseError(StorageError):
    """Another bot process holds the lock on BOT_DATA_DIR."""

    def __init__(self, lock_path: str, holder: str) -> None:
        super().__init__(f"{lock_path} is held by process {holder or 'unknown'}")
        self.lock_path = lock_path
        self.holder = holder  # the other process's id, as it wrote it ("" if unknown)
