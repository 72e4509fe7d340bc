"""Persistence behind Protocols (bot.storage.protocols), implemented in SQLite (bot.storage.sqlite).

All SQL of the bot is in this package, and every failure leaves it as `StorageError`. Callers
type against `Storage` and its stores; the composition root opens one with `open_storage`.
"""

from pathlib import Path

from bot.storage.errors import (
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DataDirInUseError,
    DataDirNotWritableError,
    SchemaError,
    StorageError,
)
from bot.storage.lock import LOCK_FILE, DataDirLock
from bot.storage.protocols import (
    AnnouncementStore,
    ChangeStore,
    HandoverStore,
    QuestionStore,
    Storage,
    SubscriptionStore,
)
from bot.storage.records import (
    CLAIM_TIMEOUT,
    Announcement,
    AnnouncementState,
    Change,
    ChatData,
    ChatRecord,
    Delivery,
    DeliveryKey,
    DeliveryState,
    Expired,
    FileEvent,
    Handover,
    HandoverState,
)
from bot.storage.retention import delete_expired
from bot.storage.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from bot.storage.sqlite import SqliteStorage

DATABASE_FILE = "kompetansebot.sqlite3"


def database_path(data_dir: Path) -> Path:
    """Where the database lives in BOT_DATA_DIR."""
    return data_dir / DATABASE_FILE


def open_storage(data_dir: Path) -> Storage:
    """The bot's storage in BOT_DATA_DIR (created and migrated if needed)."""
    return SqliteStorage.open(database_path(data_dir))


__all__ = [
    "CLAIM_TIMEOUT",
    "DATABASE_FILE",
    "LOCK_FILE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Announcement",
    "AnnouncementState",
    "AnnouncementStore",
    "Change",
    "ChangeStore",
    "ChatData",
    "ChatRecord",
    "DataDirInUseError",
    "DataDirLock",
    "DataDirNotWritableError",
    "DatabaseDamagedError",
    "DatabaseReadOnlyError",
    "Delivery",
    "DeliveryKey",
    "DeliveryState",
    "Expired",
    "FileEvent",
    "Handover",
    "HandoverState",
    "HandoverStore",
    "Migration",
    "QuestionStore",
    "SchemaError",
    "SqliteStorage",
    "Storage",
    "StorageError",
    "SubscriptionStore",
    "database_path",
    "delete_expired",
    "open_storage",
]
