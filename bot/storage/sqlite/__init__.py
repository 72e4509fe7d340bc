"""The SQLite implementation of the storage Protocols (bot.storage.protocols)."""

from bot.storage.sqlite.storage import SqliteStorage

__all__ = ["SqliteStorage"]
