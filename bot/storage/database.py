"""All SQL of the bot: chats, subscriptions, the delivery ledger and event snapshots.

One SQLite file (`BOT_DATA_DIR/kompetansebot.sqlite3`), WAL journal, foreign keys on,
`synchronous=FULL` so a committed "sent" survives a power cut, and one transaction per
operation. Stored per chat: its id, active or not, and timestamps; its subscriptions (scope and
lead times); one ledger row per message it was sent. No names, usernames or message texts.

Async callers: the API is synchronous on purpose. Every call is one short transaction on a local
file (well under a millisecond to a few milliseconds with the fsync), so it is called directly
from the asyncio event loop thread, never from executor threads: the connection belongs to the
thread that opened it (sqlite3's check_same_thread), and running everything on the one loop
thread means no two calls ever interleave.

The ledger: claim, then send, then mark
----------------------------------------
Every reminder or notice to a chat has a ledger row keyed (chat_id, event_id, kind). A sender
first `claim`s the row (one atomic INSERT … ON CONFLICT: it succeeds only if there is no row
yet, or the row was released after a failed attempt), then sends, then marks it `sent`. A send
that failed for sure is `release`d (may be claimed again) or marked `failed` (given up); a
send whose outcome is unknown (a timeout) is marked `unconfirmed`. Claimed, sent, failed and
unconfirmed rows are never claimed again, so no message goes out twice.

The one crash window: the process dies after Telegram accepted a message but before the row
was marked sent. The row stays `claimed`. We choose at-most-once ("never repeat"): a claimed row
is never claimed again, so that message is not resent. It may have been lost, and that is
bounded: the pacer (bot.delivery.pacer) claims a row only right before sending it and sends at
most one message per chat at a time, so one crash costs at most one message per chat (and at
most the pacer's `max_in_flight` messages in all). At start-up, `settle_stale_claims` relabels
claimed rows older than a short timeout (nothing can still be in flight after a restart) as
`unconfirmed` and counts them, so the log can say how many may have been lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Self

from bot.core.changes import EventSnapshot
from bot.core.reminders import (
    ALL_EVENTS,
    DEFAULT_LEAD_TIMES,
    LeadTime,
    Scope,
    Subscription,
    ordered,
)
from bot.core.stats import LoggedQuestion
from bot.storage.schema import MIGRATIONS, Migration

DATABASE_FILE = "kompetansebot.sqlite3"
CLAIM_TIMEOUT = timedelta(minutes=5)  # no send takes longer; an older claim is from a crash
_SNAPSHOTS_SAVED = "snapshots_saved_at"


def database_path(data_dir: Path) -> Path:
    """Where the database lives in BOT_DATA_DIR."""
    return data_dir / DATABASE_FILE


class SchemaError(Exception):
    """The database file was written by a newer version of the bot."""


# --------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Chat:
    chat_id: int
    active: bool
    created_at: datetime
    updated_at: datetime


class DeliveryState(StrEnum):
    CLAIMED = "claimed"  # being sent; stays so if the bot died mid-send
    SENT = "sent"
    RELEASED = "released"  # the send failed for sure; may be claimed again
    FAILED = "failed"  # given up
    UNCONFIRMED = "unconfirmed"  # unknown whether it arrived (timeout, crash); not resent


@dataclass(frozen=True, slots=True)
class DeliveryKey:
    """One message to one chat: a reminder ("day:2026-03-10") or a notice ("cancelled:2")."""

    chat_id: int
    event_id: str
    kind: str


@dataclass(frozen=True, slots=True)
class Delivery:
    key: DeliveryKey
    state: DeliveryState
    attempts: int
    created_at: datetime
    updated_at: datetime


# --------------------------------------------------------------------------------------------
# Opening and migrating


class Database:
    """The bot's SQLite database. Open with `Database.open(path)`; see the module docstring."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> Self:
        """Open (creating it and its folder if needed) and migrate the database at `path`."""
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        try:
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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

    @property
    def journal_mode(self) -> str:
        return str(self._connection.execute("PRAGMA journal_mode").fetchone()[0])

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
            with self._transaction() as sql:
                for statement in migration.statements:
                    sql.execute(statement)
                sql.execute(f"PRAGMA user_version = {migration.version:d}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK if anything raises."""
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    # ----------------------------------------------------------------------------------------
    # Chats and subscriptions

    def subscribe(
        self,
        chat_id: int,
        now: datetime,
        scope: Scope = ALL_EVENTS,
        lead_times: Iterable[LeadTime] = DEFAULT_LEAD_TIMES,
    ) -> Subscription:
        """Follow `scope` (default: every upcoming event, default lead times) in one step.

        Subscribing again to the same scope only changes its lead times. The chat is
        (re)activated.
        """
        with self._transaction() as sql:
            self._upsert_active_chat(sql, chat_id, now)
            self._upsert_subscription(sql, chat_id, scope, lead_times, now)
        subscription = self._subscription(chat_id, scope)
        assert subscription is not None
        return subscription

    def replace_subscriptions(
        self,
        chat_id: int,
        scope: Scope,
        now: datetime,
        lead_times: Iterable[LeadTime] = DEFAULT_LEAD_TIMES,
    ) -> Subscription:
        """Narrow or widen: the chat follows exactly `scope` from now on."""
        with self._transaction() as sql:
            self._upsert_active_chat(sql, chat_id, now)
            sql.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND scope != ?", (chat_id, str(scope))
            )
            self._upsert_subscription(sql, chat_id, scope, lead_times, now)
        subscription = self._subscription(chat_id, scope)
        assert subscription is not None
        return subscription

    def set_lead_times(self, chat_id: int, lead_times: Iterable[LeadTime], now: datetime) -> int:
        """Use these lead times for every subscription of the chat; returns how many changed."""
        with self._transaction() as sql:
            cursor = sql.execute(
                "UPDATE subscriptions SET lead_times = ?, updated_at = ? WHERE chat_id = ?",
                (_lead_times_text(lead_times), _stamp(now), chat_id),
            )
        return cursor.rowcount

    def subscriptions(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions, oldest first."""
        rows = self._connection.execute(
            "SELECT chat_id, scope, lead_times, created_at FROM subscriptions"
            " WHERE chat_id = ? ORDER BY created_at, scope",
            (chat_id,),
        )
        return [_subscription_from(row) for row in rows]

    def active_subscriptions(self) -> list[Subscription]:
        """Every subscription of every active chat: what the planner plans for."""
        rows = self._connection.execute(
            "SELECT s.chat_id, s.scope, s.lead_times, s.created_at FROM subscriptions AS s"
            " JOIN chats AS c USING (chat_id) WHERE c.active = 1 ORDER BY s.chat_id, s.scope"
        )
        return [_subscription_from(row) for row in rows]

    def unsubscribe(self, chat_id: int, scope: Scope) -> bool:
        """Stop following one scope; False if the chat did not follow it."""
        with self._transaction() as sql:
            cursor = sql.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND scope = ?", (chat_id, str(scope))
            )
        return cursor.rowcount > 0

    def unsubscribe_all(self, chat_id: int) -> int:
        """/avmeld: stop every subscription. The ledger stays, so nothing is resent later."""
        with self._transaction() as sql:
            cursor = sql.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
        return cursor.rowcount

    def forget_chat(self, chat_id: int) -> int:
        """/slettmeg: delete every row about the chat; returns how many rows were deleted."""
        with self._transaction() as sql:
            deleted = 0
            for table in ("handovers", "deliveries", "subscriptions", "chats"):
                deleted += sql.execute(
                    f"DELETE FROM {table} WHERE chat_id = ?",
                    (chat_id,),
                ).rowcount
        return deleted

    def rows_about_chat(self, chat_id: int) -> int:
        """How many rows mention the chat (what /slettmeg would delete)."""
        return sum(
            int(
                self._connection.execute(
                    f"SELECT count(*) FROM {table} WHERE chat_id = ?",
                    (chat_id,),
                ).fetchone()[0]
            )
            for table in ("handovers", "deliveries", "subscriptions", "chats")
        )

    def chat(self, chat_id: int) -> Chat | None:
        row = self._connection.execute(
            "SELECT chat_id, active, created_at, updated_at FROM chats WHERE chat_id = ?",
            (chat_id,),
        ).fetchone()
        if row is None:
            return None
        return Chat(int(row[0]), bool(row[1]), _parse_stamp(row[2]), _parse_stamp(row[3]))

    def deactivate_chat(self, chat_id: int, now: datetime) -> bool:
        """The chat blocked the bot (Forbidden): stop sending, keep its settings.

        Returns True if it was active.
        """
        return self._set_active(chat_id, False, now)

    def reactivate_chat(self, chat_id: int, now: datetime) -> bool:
        """The chat wrote to the bot again: send to it again. True if it was inactive."""
        return self._set_active(chat_id, True, now)

    def _set_active(self, chat_id: int, active: bool, now: datetime) -> bool:
        with self._transaction() as sql:
            cursor = sql.execute(
                "UPDATE chats SET active = ?, updated_at = ? WHERE chat_id = ? AND active != ?",
                (int(active), _stamp(now), chat_id, int(active)),
            )
        return cursor.rowcount > 0

    def _upsert_active_chat(self, sql: sqlite3.Connection, chat_id: int, now: datetime) -> None:
        sql.execute(
            "INSERT INTO chats (chat_id, active, created_at, updated_at) VALUES (?, 1, ?, ?)"
            " ON CONFLICT (chat_id) DO UPDATE SET active = 1, updated_at = excluded.updated_at",
            (chat_id, _stamp(now), _stamp(now)),
        )

    def _upsert_subscription(
        self,
        sql: sqlite3.Connection,
        chat_id: int,
        scope: Scope,
        lead_times: Iterable[LeadTime],
        now: datetime,
    ) -> None:
        sql.execute(
            "INSERT INTO subscriptions (chat_id, scope, lead_times, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, scope) DO UPDATE"
            " SET lead_times = excluded.lead_times, updated_at = excluded.updated_at",
            (chat_id, str(scope), _lead_times_text(lead_times), _stamp(now), _stamp(now)),
        )

    def _subscription(self, chat_id: int, scope: Scope) -> Subscription | None:
        row = self._connection.execute(
            "SELECT chat_id, scope, lead_times, created_at FROM subscriptions"
            " WHERE chat_id = ? AND scope = ?",
            (chat_id, str(scope)),
        ).fetchone()
        return None if row is None else _subscription_from(row)

    # ----------------------------------------------------------------------------------------
    # The delivery ledger

    def claim(self, key: DeliveryKey, now: datetime) -> bool:
        """Take the right to send this message, atomically.

        False if it is not ours to send: it was claimed or settled before, or the chat is gone
        or inactive.
        """
        with self._transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO deliveries"
                " (chat_id, event_id, kind, state, attempts, created_at, updated_at)"
                " SELECT ?, ?, ?, 'claimed', 1, ?, ?"
                " WHERE EXISTS (SELECT 1 FROM chats WHERE chat_id = ? AND active = 1)"
                " ON CONFLICT (chat_id, event_id, kind) DO UPDATE"
                " SET state = 'claimed', attempts = attempts + 1, updated_at = excluded.updated_at"
                " WHERE deliveries.state = 'released'",
                (key.chat_id, key.event_id, key.kind, _stamp(now), _stamp(now), key.chat_id),
            )
        return cursor.rowcount > 0

    def mark_sent(self, key: DeliveryKey, now: datetime) -> bool:
        return self._settle(key, DeliveryState.SENT, now)

    def release(self, key: DeliveryKey, now: datetime) -> bool:
        """The send failed and nothing arrived: it may be claimed and tried again."""
        return self._settle(key, DeliveryState.RELEASED, now)

    def mark_failed(self, key: DeliveryKey, now: datetime) -> bool:
        return self._settle(key, DeliveryState.FAILED, now)

    def mark_unconfirmed(self, key: DeliveryKey, now: datetime) -> bool:
        """Unknown whether it arrived (e.g. a timeout after sending): never resend it."""
        return self._settle(key, DeliveryState.UNCONFIRMED, now)

    def _settle(self, key: DeliveryKey, state: DeliveryState, now: datetime) -> bool:
        """Move a claimed row on; False if it is not claimed (e.g. /slettmeg meanwhile)."""
        with self._transaction() as sql:
            cursor = sql.execute(
                "UPDATE deliveries SET state = ?, updated_at = ?"
                " WHERE chat_id = ? AND event_id = ? AND kind = ? AND state = 'claimed'",
                (str(state), _stamp(now), key.chat_id, key.event_id, key.kind),
            )
        return cursor.rowcount > 0

    def delivery(self, key: DeliveryKey) -> Delivery | None:
        row = self._connection.execute(
            "SELECT state, attempts, created_at, updated_at FROM deliveries"
            " WHERE chat_id = ? AND event_id = ? AND kind = ?",
            (key.chat_id, key.event_id, key.kind),
        ).fetchone()
        if row is None:
            return None
        state, attempts, created_at, updated_at = row
        return Delivery(
            key,
            DeliveryState(state),
            int(attempts),
            _parse_stamp(created_at),
            _parse_stamp(updated_at),
        )

    def handled(self, keys: Iterable[DeliveryKey]) -> set[DeliveryKey]:
        """The keys that are not (or no longer) to be sent: any row that is not released."""
        found: set[DeliveryKey] = set()
        for key in keys:
            row = self._connection.execute(
                "SELECT 1 FROM deliveries WHERE chat_id = ? AND event_id = ? AND kind = ?"
                " AND state != 'released'",
                (key.chat_id, key.event_id, key.kind),
            ).fetchone()
            if row is not None:
                found.add(key)
        return found

    def settle_stale_claims(self, now: datetime, older_than: timedelta = CLAIM_TIMEOUT) -> int:
        """Mark claims older than `older_than` unconfirmed; returns how many (maybe lost).

        Call at start-up (and now and then): after a restart no send can still be in flight.
        These rows were never going to be resent; this only records it.
        """
        with self._transaction() as sql:
            cursor = sql.execute(
                "UPDATE deliveries SET state = 'unconfirmed', updated_at = ?"
                " WHERE state = 'claimed' AND updated_at <= ?",
                (_stamp(now), _stamp(now - older_than)),
            )
        return cursor.rowcount

    def prune_deliveries(self, before: datetime) -> int:
        """Delete settled ledger rows last touched before `before`; their events are long past.

        Keys contain the event date, so an old row can never block a new message.
        """
        with self._transaction() as sql:
            cursor = sql.execute(
                "DELETE FROM deliveries WHERE state != 'claimed' AND updated_at < ?",
                (_stamp(before),),
            )
        return cursor.rowcount

    # ----------------------------------------------------------------------------------------
    # Event snapshots

    def load_snapshots(self) -> dict[str, EventSnapshot] | None:
        """The last saved version of every event; None if snapshots were never saved."""
        saved = self._connection.execute(
            "SELECT value FROM meta WHERE key = ?", (_SNAPSHOTS_SAVED,)
        ).fetchone()
        if saved is None:
            return None
        rows = self._connection.execute(
            "SELECT event_id, title, start_date, start_time, end_date, end_time, format,"
            " platform, location, cancelled, audience, scheme, region, details, removed, sequence"
            " FROM event_snapshots ORDER BY event_id"
        )
        snapshots = (_snapshot_from(row) for row in rows)
        return {snapshot.event_id: snapshot for snapshot in snapshots}

    def save_snapshots(self, snapshots: Mapping[str, EventSnapshot], now: datetime) -> None:
        """Replace the saved snapshots with these (see bot.core.changes.updated_snapshots)."""
        with self._transaction() as sql:
            sql.execute("DELETE FROM event_snapshots")
            sql.executemany(
                "INSERT INTO event_snapshots (event_id, title, start_date, start_time, end_date,"
                " end_time, format, platform, location, cancelled, audience, scheme, region,"
                " details, removed, sequence, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*_snapshot_row(snapshot), _stamp(now)) for snapshot in snapshots.values()],
            )
            sql.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_SNAPSHOTS_SAVED, _stamp(now)),
            )


# --------------------------------------------------------------------------------------------
# Conversions between rows and records

_Value = str | int | None


def _stamp(moment: datetime) -> str:
    """Aware datetimes are stored as UTC ISO-8601 text, which sorts in time order."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment}; pass an aware one")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _lead_times_text(lead_times: Iterable[LeadTime]) -> str:
    return ",".join(ordered(lead_times))


def _subscription_from(row: tuple[int, str, str, str]) -> Subscription:
    chat_id, scope, lead_times, created_at = row
    return Subscription(
        chat_id=int(chat_id),
        scope=Scope.parse(scope),
        lead_times=frozenset(LeadTime(value) for value in lead_times.split(",") if value),
        created_at=_parse_stamp(created_at),
    )


def _snapshot_row(snapshot: EventSnapshot) -> tuple[_Value, ...]:
    return (
        snapshot.event_id,
        snapshot.title,
        snapshot.start.isoformat(),
        _time_text(snapshot.start_time),
        snapshot.end.isoformat() if snapshot.end else None,
        _time_text(snapshot.end_time),
        snapshot.format,
        snapshot.platform,
        snapshot.location,
        int(snapshot.cancelled),
        ",".join(snapshot.audience),
        snapshot.scheme,
        snapshot.region,
        snapshot.details,
        int(snapshot.removed),
        snapshot.sequence,
    )


def _snapshot_from(row: tuple[_Value, ...]) -> EventSnapshot:
    (event_id, title, start, start_time, end, end_time, format_, platform, location) = row[:9]
    (cancelled, audience, scheme, region, details, removed, sequence) = row[9:]
    return EventSnapshot(
        event_id=str(event_id),
        title=str(title),
        start=date.fromisoformat(str(start)),
        start_time=_time_from(start_time),
        end=date.fromisoformat(end) if isinstance(end, str) else None,
        end_time=_time_from(end_time),
        format=_text_or_none(format_),
        platform=_text_or_none(platform),
        location=_text_or_none(location),
        cancelled=bool(cancelled),
        audience=tuple(value for value in str(audience).split(",") if value),
        scheme=_text_or_none(scheme),
        region=_text_or_none(region),
        details=str(details),
        removed=bool(removed),
        sequence=int(sequence or 0),
    )


def _time_text(moment: time | None) -> str | None:
    return moment.isoformat(timespec="minutes") if moment is not None else None


def _time_from(value: _Value) -> time | None:
    return time.fromisoformat(value) if isinstance(value, str) else None


def _text_or_none(value: _Value) -> str | None:
    return None if value is None else str(value)


# ============================================================================================
# Coordinator tools: the question log, hand-overs to coordinators, announcements
#
# What is stored, and why (see also the README's privacy section):
#
# * question_log: what was asked, when, which entry answered it, whether the bot was confident,
#   the intent and the 👍/👎 feedback. NO chat id, user id or name: the coordinators need to
#   see what teachers ask and what the bot could not answer, not who asked.
# * handovers: a question a teacher chose to send to the coordinators ("Spør en koordinator").
#   This is the one place a chat id is kept together with a question, because the
#   coordinator's answer must reach the asker, also after a restart. The chat id and first
#   name are blanked as soon as the answer is delivered (an undeliverable answer keeps them and
#   the answer, so nothing is lost and a coordinator can try again).
# * announcements: the text of a /kunngjoring from preview until it is sent, with the counts.
#
# `delete_expired` removes question-log rows, hand-overs and announcements (unless still being
# sent) older than the retention period (QUESTION_LOG_RETENTION_DAYS, default 180 days).


class HandoverState(StrEnum):
    PENDING = "pending"  # waiting for a coordinator
    ANSWERED = "answered"  # delivered; chat id and name are gone
    UNDELIVERABLE = "undeliverable"  # the asker could not be reached; the answer is kept


@dataclass(frozen=True, slots=True)
class Handover:
    id: int
    question_id: int | None
    chat_id: int | None  # None once answered
    first_name: str | None
    question: str
    state: HandoverState
    answer: str | None
    created_at: datetime
    answered_at: datetime | None


class AnnouncementState(StrEnum):
    PENDING = "pending"  # previewed, waiting for "Send" or "Avbryt"
    SENDING = "sending"  # confirmed; being broadcast (resumed after a restart)
    SENT = "sent"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Announcement:
    id: int
    author_id: int
    text: str
    state: AnnouncementState
    recipients: int | None
    delivered: int | None
    deactivated: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Expired:
    """What `delete_expired` removed."""

    questions: int
    handovers: int
    announcements: int


_QUESTION_COLUMNS = "id, asked_at, question, normalised, entry_id, confident, intent, feedback"
_HANDOVER_COLUMNS = (
    "id, question_id, chat_id, first_name, question, state, answer, created_at, answered_at"
)
_ANNOUNCEMENT_COLUMNS = (
    "id, author_id, content, state, recipients, delivered, deactivated, created_at, updated_at"
)


class CoordinatorTables:
    """The coordinator tools' tables in a `Database`: `CoordinatorTables(db)`.

    Kept apart from `Database` so these tables have one clearly separated home; it shares the
    database's connection and transactions (same thread and rules, see the module docstring).
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def _connection(self) -> sqlite3.Connection:
        return self._db._connection

    # -- the question log ----------------------------------------------------------------------

    def log_question(
        self,
        asked_at: datetime,
        question: str,
        normalised: str,
        entry_id: str | None,
        confident: bool,
        intent: str,
    ) -> int:
        """Log one question (no chat or user); returns its id for the 👍/👎 buttons."""
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO question_log"
                " (asked_at, question, normalised, entry_id, confident, intent)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (_stamp(asked_at), question, normalised, entry_id, int(confident), intent),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def set_feedback(self, question_id: int, value: int) -> bool:
        """Record 👍 (+1) or 👎 (-1) once; False if already given or the row is gone."""
        if value not in (-1, 1):
            raise ValueError(f"feedback must be +1 or -1, not {value}")
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "UPDATE question_log SET feedback = ? WHERE id = ? AND feedback IS NULL",
                (value, question_id),
            )
        return cursor.rowcount > 0

    def question(self, question_id: int) -> LoggedQuestion | None:
        row = self._connection.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM question_log WHERE id = ?", (question_id,)
        ).fetchone()
        return None if row is None else _question_from(row)

    def questions_since(self, since: datetime) -> list[LoggedQuestion]:
        """Every logged question asked at or after `since`, oldest first."""
        rows = self._connection.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM question_log WHERE asked_at >= ?"
            " ORDER BY asked_at, id",
            (_stamp(since),),
        )
        return [_question_from(row) for row in rows]

    def latest_unanswered(self, limit: int) -> list[LoggedQuestion]:
        """The latest questions the bot was not confident about, newest first."""
        rows = self._connection.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM question_log WHERE confident = 0"
            " AND intent != 'invalid' ORDER BY asked_at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [_question_from(row) for row in rows]

    def subscriber_count(self) -> int:
        """Active chats with at least one subscription: who an announcement reaches."""
        return len(self.subscriber_chats())

    def subscriber_chats(self) -> list[int]:
        rows = self._connection.execute(
            "SELECT DISTINCT s.chat_id FROM subscriptions AS s JOIN chats AS c USING (chat_id)"
            " WHERE c.active = 1 ORDER BY s.chat_id"
        )
        return [int(row[0]) for row in rows]

    # -- hand-overs ----------------------------------------------------------------------------

    def create_handover(
        self, question_id: int, chat_id: int, first_name: str, question: str, now: datetime
    ) -> Handover | None:
        """A pending hand-over of a logged question; None if it was handed over before."""
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO handovers (question_id, chat_id, first_name, question, state,"
                " created_at) VALUES (?, ?, ?, ?, 'pending', ?)"
                " ON CONFLICT (question_id) DO NOTHING",
                (question_id, chat_id, first_name, question, _stamp(now)),
            )
        if cursor.rowcount == 0 or cursor.lastrowid is None:
            return None
        return self.handover(cursor.lastrowid)

    def add_handover_message(self, handover_id: int, chat_id: int, message_id: int) -> None:
        """The question was shown to a coordinator as `message_id` in their chat."""
        with self._db._transaction() as sql:
            sql.execute(
                "INSERT OR REPLACE INTO handover_messages (handover_id, chat_id, message_id)"
                " VALUES (?, ?, ?)",
                (handover_id, chat_id, message_id),
            )

    def delete_handover(self, handover_id: int) -> bool:
        """Forget a hand-over (e.g. no coordinator could be reached)."""
        with self._db._transaction() as sql:
            cursor = sql.execute("DELETE FROM handovers WHERE id = ?", (handover_id,))
        return cursor.rowcount > 0

    def handover(self, handover_id: int) -> Handover | None:
        row = self._connection.execute(
            f"SELECT {_HANDOVER_COLUMNS} FROM handovers WHERE id = ?", (handover_id,)
        ).fetchone()
        return None if row is None else _handover_from(row)

    def handover_for_message(self, chat_id: int, message_id: int) -> Handover | None:
        """The hand-over a coordinator's message shows, if it is one."""
        row = self._connection.execute(
            "SELECT handover_id FROM handover_messages WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        ).fetchone()
        return None if row is None else self.handover(int(row[0]))

    def handovers(self, state: HandoverState | None = None) -> list[Handover]:
        """Hand-overs (in one state), oldest first."""
        where, params = ("WHERE state = ?", (str(state),)) if state else ("", ())
        rows = self._connection.execute(
            f"SELECT {_HANDOVER_COLUMNS} FROM handovers {where} ORDER BY created_at, id", params
        )
        return [_handover_from(row) for row in rows]

    def mark_answered(self, handover_id: int, now: datetime) -> bool:
        """The answer was delivered: forget who asked (chat id, name) and the answer."""
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "UPDATE handovers SET state = 'answered', chat_id = NULL, first_name = NULL,"
                " answer = NULL, answered_at = ? WHERE id = ? AND state != 'answered'",
                (_stamp(now), handover_id),
            )
        return cursor.rowcount > 0

    def mark_undeliverable(self, handover_id: int, answer: str, now: datetime) -> bool:
        """The asker could not be reached: keep the answer and the chat, so nothing is lost."""
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "UPDATE handovers SET state = 'undeliverable', answer = ?, answered_at = ?"
                " WHERE id = ? AND state != 'answered'",
                (answer, _stamp(now), handover_id),
            )
        return cursor.rowcount > 0

    # -- announcements -------------------------------------------------------------------------

    def create_announcement(self, author_id: int, text: str, now: datetime) -> Announcement:
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO announcements (author_id, content, state, created_at, updated_at)"
                " VALUES (?, ?, 'pending', ?, ?)",
                (author_id, text, _stamp(now), _stamp(now)),
            )
        assert cursor.lastrowid is not None
        announcement = self.announcement(cursor.lastrowid)
        assert announcement is not None
        return announcement

    def announcement(self, announcement_id: int) -> Announcement | None:
        row = self._connection.execute(
            f"SELECT {_ANNOUNCEMENT_COLUMNS} FROM announcements WHERE id = ?", (announcement_id,)
        ).fetchone()
        return None if row is None else _announcement_from(row)

    def announcements(self, state: AnnouncementState) -> list[Announcement]:
        rows = self._connection.execute(
            f"SELECT {_ANNOUNCEMENT_COLUMNS} FROM announcements WHERE state = ?"
            " ORDER BY created_at, id",
            (str(state),),
        )
        return [_announcement_from(row) for row in rows]

    def start_announcement(self, announcement_id: int, recipients: int, now: datetime) -> bool:
        """Pending -> sending, atomically: only the first "Send" press gets True."""
        return self._move_announcement(
            announcement_id, AnnouncementState.PENDING, AnnouncementState.SENDING, now, recipients
        )

    def cancel_announcement(self, announcement_id: int, now: datetime) -> bool:
        return self._move_announcement(
            announcement_id, AnnouncementState.PENDING, AnnouncementState.CANCELLED, now
        )

    def finish_announcement(
        self, announcement_id: int, delivered: int, deactivated: int, now: datetime
    ) -> bool:
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "UPDATE announcements SET state = 'sent', delivered = ?, deactivated = ?,"
                " updated_at = ? WHERE id = ? AND state = 'sending'",
                (delivered, deactivated, _stamp(now), announcement_id),
            )
        return cursor.rowcount > 0

    def _move_announcement(
        self,
        announcement_id: int,
        before: AnnouncementState,
        after: AnnouncementState,
        now: datetime,
        recipients: int | None = None,
    ) -> bool:
        with self._db._transaction() as sql:
            cursor = sql.execute(
                "UPDATE announcements SET state = ?, recipients = coalesce(?, recipients),"
                " updated_at = ? WHERE id = ? AND state = ?",
                (str(after), recipients, _stamp(now), announcement_id, str(before)),
            )
        return cursor.rowcount > 0

    def delivered(self, event_id: str, kind: str) -> int:
        """How many chats the ledger says got the message (event_id, kind), e.g. an
        announcement: counted from the ledger, so also across a restart."""
        row = self._connection.execute(
            "SELECT count(*) FROM deliveries WHERE event_id = ? AND kind = ? AND state = 'sent'",
            (event_id, kind),
        ).fetchone()
        return int(row[0])

    # -- retention -----------------------------------------------------------------------------

    def delete_expired(self, before: datetime) -> Expired:
        """Delete log rows, hand-overs and announcements from before `before` (except one still
        being sent: it is resumed at start-up)."""
        cutoff = _stamp(before)
        with self._db._transaction() as sql:
            questions = sql.execute(
                "DELETE FROM question_log WHERE asked_at < ?", (cutoff,)
            ).rowcount
            handovers = sql.execute(
                "DELETE FROM handovers WHERE created_at < ?", (cutoff,)
            ).rowcount
            announcements = sql.execute(
                "DELETE FROM announcements WHERE state != 'sending' AND updated_at < ?",
                (cutoff,),
            ).rowcount
        return Expired(questions, handovers, announcements)


def _question_from(row: tuple[_Value, ...]) -> LoggedQuestion:
    id_, asked_at, question, normalised, entry_id, confident, intent, feedback = row
    return LoggedQuestion(
        id=int(id_ or 0),
        asked_at=_parse_stamp(str(asked_at)),
        question=str(question),
        normalised=str(normalised),
        entry_id=_text_or_none(entry_id),
        confident=bool(confident),
        intent=str(intent),
        feedback=None if feedback is None else int(feedback),
    )


def _handover_from(row: tuple[_Value, ...]) -> Handover:
    id_, question_id, chat_id, first_name, question, state, answer, created, answered = row
    return Handover(
        id=int(id_ or 0),
        question_id=None if question_id is None else int(question_id),
        chat_id=None if chat_id is None else int(chat_id),
        first_name=_text_or_none(first_name),
        question=str(question),
        state=HandoverState(str(state)),
        answer=_text_or_none(answer),
        created_at=_parse_stamp(str(created)),
        answered_at=None if answered is None else _parse_stamp(str(answered)),
    )


def _announcement_from(row: tuple[_Value, ...]) -> Announcement:
    id_, author_id, text, state, recipients, delivered, deactivated, created, updated = row
    return Announcement(
        id=int(id_ or 0),
        author_id=int(author_id or 0),
        text=str(text),
        state=AnnouncementState(str(state)),
        recipients=None if recipients is None else int(recipients),
        delivered=None if delivered is None else int(delivered),
        deactivated=None if deactivated is None else int(deactivated),
        created_at=_parse_stamp(str(created)),
        updated_at=_parse_stamp(str(updated)),
    )
