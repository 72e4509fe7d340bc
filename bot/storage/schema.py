"""The database schema as an ordered list of migrations; `PRAGMA user_version` is the version.

A new database runs every migration; an existing one runs those after its version. Each
migration runs in one transaction together with the version bump, so a crash leaves the
database at the previous version, never half-migrated. Never edit a released migration:
append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int  # the user_version after it has run
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "chats, subscriptions and the delivery ledger",
        (
            """
            CREATE TABLE chats (
                chat_id    INTEGER PRIMARY KEY,
                active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at TEXT    NOT NULL,
                updated_at TEXT    NOT NULL
            )
            """,
            """
            CREATE TABLE subscriptions (
                chat_id    INTEGER NOT NULL REFERENCES chats (chat_id) ON DELETE CASCADE,
                scope      TEXT    NOT NULL,  -- "all", "audience:barnehage", "event:<id>", ...
                lead_times TEXT    NOT NULL,  -- comma-separated: "week,day,deadline"
                created_at TEXT    NOT NULL,
                updated_at TEXT    NOT NULL,
                PRIMARY KEY (chat_id, scope)
            )
            """,
            """
            CREATE TABLE deliveries (
                chat_id    INTEGER NOT NULL REFERENCES chats (chat_id) ON DELETE CASCADE,
                event_id   TEXT    NOT NULL,
                kind       TEXT    NOT NULL,  -- "day:2026-03-10", "cancelled:2", ...
                state      TEXT    NOT NULL CHECK (
                    state IN ('claimed', 'sent', 'released', 'failed', 'unconfirmed')
                ),
                attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                created_at TEXT    NOT NULL,
                updated_at TEXT    NOT NULL,
                PRIMARY KEY (chat_id, event_id, kind)
            )
            """,
            "CREATE INDEX deliveries_by_state ON deliveries (state, updated_at)",
        ),
    ),
    Migration(
        2,
        "event snapshots for change notices and calendar SEQUENCE",
        (
            """
            CREATE TABLE event_snapshots (
                event_id   TEXT    PRIMARY KEY,
                title      TEXT    NOT NULL,
                start_date TEXT    NOT NULL,
                start_time TEXT,
                end_date   TEXT,
                end_time   TEXT,
                format     TEXT,
                platform   TEXT,
                location   TEXT,
                cancelled  INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
                audience   TEXT    NOT NULL,  -- comma-separated audience ids
                scheme     TEXT,
                region     TEXT,
                details    TEXT    NOT NULL,
                removed    INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
                sequence   INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
                updated_at TEXT    NOT NULL
            )
            """,
            """
            CREATE TABLE meta (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )
            """,
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
