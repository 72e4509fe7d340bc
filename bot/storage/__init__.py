"""Persistence: one SQLite database behind `bot.storage.database.Database`."""

from bot.storage.database import (
    CLAIM_TIMEOUT,
    DATABASE_FILE,
    Chat,
    Database,
    Delivery,
    DeliveryKey,
    DeliveryState,
    SchemaError,
    database_path,
)
from bot.storage.schema import MIGRATIONS, SCHEMA_VERSION, Migration

__all__ = [
    "CLAIM_TIMEOUT",
    "DATABASE_FILE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Chat",
    "Database",
    "Delivery",
    "DeliveryKey",
    "DeliveryState",
    "Migration",
    "SchemaError",
    "database_path",
]
