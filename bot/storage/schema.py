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
    Migration(
        3,
        "question log, hand-overs to coordinators and announcements",
        (
            # Every question the engine answered, WITHOUT chat id, user id or name: what was
            # asked, when, and how well the bot answered. Rows older than the retention period
            # (QUESTION_LOG_RETENTION_DAYS) are deleted.
            """
            CREATE TABLE question_log (
                id         INTEGER PRIMARY KEY,
                asked_at   TEXT    NOT NULL,  -- UTC ISO-8601
                question   TEXT    NOT NULL,
                normalised TEXT    NOT NULL,  -- folded words, for grouping similar questions
                entry_id   TEXT,              -- the entry the answer was about, if any
                confident  INTEGER NOT NULL CHECK (confident IN (0, 1)),
                intent     TEXT    NOT NULL,
                feedback   INTEGER CHECK (feedback IN (-1, 1))  -- 👍 +1, 👎 -1, NULL: none
            )
            """,
            "CREATE INDEX question_log_by_time ON question_log (asked_at)",
            # A question handed over to the coordinators. The ONE place a chat id is kept
            # together with a question: the coordinator's answer must reach the asker, also
            # after a restart. `chat_id` and `first_name` are blanked as soon as the answer is
            # delivered; every row is deleted after the retention period.
            """
            CREATE TABLE handovers (
                id          INTEGER PRIMARY KEY,
                question_id INTEGER UNIQUE,  -- question_log.id; one hand-over per question
                chat_id     INTEGER,         -- the asker's private chat; NULL once answered
                first_name  TEXT,            -- shown to the coordinators; NULL once answered
                question    TEXT    NOT NULL,
                state       TEXT    NOT NULL CHECK (
                    state IN ('pending', 'answered', 'undeliverable')
                ),
                answer      TEXT,            -- kept while undeliverable, so nothing is lost
                created_at  TEXT    NOT NULL,
                answered_at TEXT
            )
            """,
            """
            CREATE TABLE handover_messages (
                handover_id INTEGER NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
                chat_id     INTEGER NOT NULL,  -- a coordinator's private chat
                message_id  INTEGER NOT NULL,  -- the message with the question in that chat
                PRIMARY KEY (chat_id, message_id)
            )
            """,
            "CREATE INDEX handover_messages_by_handover ON handover_messages (handover_id)",
            # /kunngjoring: kept from the preview until it is sent, so the confirm button
            # still works after a restart and a double press cannot send twice.
            """
            CREATE TABLE announcements (
                id          INTEGER PRIMARY KEY,
                author_id   INTEGER NOT NULL,  -- the coordinator's Telegram user id
                content     TEXT    NOT NULL,  -- the announcement as the coordinator wrote it
                state       TEXT    NOT NULL CHECK (
                    state IN ('pending', 'sending', 'sent', 'cancelled')
                ),
                recipients  INTEGER,
                delivered   INTEGER,
                deactivated INTEGER,
                created_at  TEXT    NOT NULL,
                updated_at  TEXT    NOT NULL
            )
            """,
        ),
    ),
    Migration(
        4,
        "the change log of coordinators' edits to samlinger",
        (
            # One row per changed field: who (the coordinator's Telegram user id), when, which
            # samling, which field, and the value before and after (NULL: empty).
            """
            CREATE TABLE change_log (
                id         INTEGER PRIMARY KEY,
                admin_id   INTEGER NOT NULL,
                changed_at TEXT    NOT NULL,  -- UTC ISO-8601
                event_id   TEXT    NOT NULL,
                field      TEXT    NOT NULL,
                old_value  TEXT,
                new_value  TEXT
            )
            """,
            "CREATE INDEX change_log_by_time ON change_log (changed_at)",
            "CREATE INDEX change_log_by_admin ON change_log (admin_id, changed_at)",
        ),
    ),
    Migration(
        5,
        "keyed chat pseudonyms on the question log and hand-overs (bot.storage.pseudonyms)",
        (
            # HMAC of the chat id under the secret in BOT_DATA_DIR: /slettmeg finds the chat's
            # questions and a 👍/👎 or "Spør en koordinator" press is checked against the chat
            # the answer was shown in, without the chat id in the log. NULL: logged before.
            "ALTER TABLE question_log ADD COLUMN chat_key TEXT",
            "CREATE INDEX question_log_by_chat ON question_log (chat_key)",
            "ALTER TABLE handovers ADD COLUMN chat_key TEXT",
        ),
    ),
    Migration(
        6,
        "undo in the change log",
        # `undoes`: the id of the change this row took back (/angre); NULL for an edit.
        ("ALTER TABLE change_log ADD COLUMN undoes INTEGER REFERENCES change_log (id)",),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
