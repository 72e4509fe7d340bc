"""The storage layer's own exceptions: callers never see a database driver's errors."""

from __future__ import annotations


class StorageError(Exception):
    """The database could not be opened, read or written; the driver's error is the cause."""


class SchemaError(StorageError):
    """The database file was written by a newer version of the bot."""
