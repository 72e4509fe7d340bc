"""Chats, subscriptions, the delivery ledger and event snapshots in SQLite.

Stored per chat: its id, active or not, and timestamps; its subscriptions (scope and lead
times); one ledger row per message it was sent. No names, usernames or message texts. The
ledger's claim → send → mark rules are described in bot.delivery.ledger.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from bot.core.changes import EventSnapshot
from bot.core.reminders import (
    ALL_EVENTS,
    DEFAULT_LEAD_TIMES,
    LeadTime,
    Scope,
    Subscription,
    ordered,
)
from bot.storage.records import CLAIM_TIMEOUT, ChatRecord, Delivery, DeliveryKey, DeliveryState
from bot.storage.sqlite.connection import Row, SqliteConnection, parse_stamp, stamp
from bot.storage.sqlite.snapshots import SNAPSHOT_COLUMNS, snapshot_from, snapshot_row

_SNAPSHOTS_SAVED = "snapshots_saved_at"
_SUBSCRIPTION_COLUMNS = "chat_id, scope, lead_times, created_at"


class SqliteSubscriptionStore:
    """The `SubscriptionStore` (bot.storage.protocols) over the shared connection."""

    def __init__(self, db: SqliteConnection) -> None:
        self._db = db

    # -- chats and subscriptions ----------------------------------------------------------------

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
        with self._db.transaction() as sql:
            _upsert_active_chat(sql, chat_id, now)
            _upsert_subscription(sql, chat_id, scope, lead_times, now)
        return self._subscription(chat_id, scope)

    def replace_subscriptions(
        self,
        chat_id: int,
        scope: Scope,
        now: datetime,
        lead_times: Iterable[LeadTime] = DEFAULT_LEAD_TIMES,
    ) -> Subscription:
        """Narrow or widen: the chat follows exactly `scope` from now on."""
        with self._db.transaction() as sql:
            _upsert_active_chat(sql, chat_id, now)
            sql.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND scope != ?", (chat_id, str(scope))
            )
            _upsert_subscription(sql, chat_id, scope, lead_times, now)
        return self._subscription(chat_id, scope)

    def set_lead_times(self, chat_id: int, lead_times: Iterable[LeadTime], now: datetime) -> int:
        """Use these lead times for every subscription of the chat; returns how many changed."""
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE subscriptions SET lead_times = ?, updated_at = ? WHERE chat_id = ?",
                (_lead_times_text(lead_times), stamp(now), chat_id),
            )
        return cursor.rowcount

    def subscriptions(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions, oldest first."""
        rows = self._db.rows(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions"
            " WHERE chat_id = ? ORDER BY created_at, scope",
            (chat_id,),
        )
        return [_subscription_from(row) for row in rows]

    def active_subscriptions(self) -> list[Subscription]:
        """Every subscription of every active chat: what the planner plans for."""
        rows = self._db.rows(
            "SELECT s.chat_id, s.scope, s.lead_times, s.created_at FROM subscriptions AS s"
            " JOIN chats AS c USING (chat_id) WHERE c.active = 1 ORDER BY s.chat_id, s.scope"
        )
        return [_subscription_from(row) for row in rows]

    def unsubscribe(self, chat_id: int, scope: Scope) -> bool:
        """Stop following one scope; False if the chat did not follow it."""
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND scope = ?", (chat_id, str(scope))
            )
        return cursor.rowcount > 0

    def unsubscribe_all(self, chat_id: int) -> int:
        """/avmeld: stop every subscription. The ledger stays, so nothing is resent later."""
        with self._db.transaction() as sql:
            cursor = sql.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
        return cursor.rowcount

    def subscriber_chats(self) -> list[int]:
        """Active chats with at least one subscription: who an announcement reaches."""
        rows = self._db.rows(
            "SELECT DISTINCT s.chat_id FROM subscriptions AS s JOIN chats AS c USING (chat_id)"
            " WHERE c.active = 1 ORDER BY s.chat_id"
        )
        return [int(row[0] or 0) for row in rows]

    def subscriber_count(self) -> int:
        return len(self.subscriber_chats())

    def chat(self, chat_id: int) -> ChatRecord | None:
        row = self._db.row(
            "SELECT chat_id, active, created_at, updated_at FROM chats WHERE chat_id = ?",
            (chat_id,),
        )
        if row is None:
            return None
        return ChatRecord(int(row[0] or 0), bool(row[1]), parse_stamp(row[2]), parse_stamp(row[3]))

    def deactivate_chat(self, chat_id: int, now: datetime) -> bool:
        """The chat blocked the bot (Forbidden): stop sending, keep its settings.

        Returns True if it was active.
        """
        return self._set_active(chat_id, False, now)

    def reactivate_chat(self, chat_id: int, now: datetime) -> bool:
        """The chat wrote to the bot again: send to it again. True if it was inactive."""
        return self._set_active(chat_id, True, now)

    def _set_active(self, chat_id: int, active: bool, now: datetime) -> bool:
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE chats SET active = ?, updated_at = ? WHERE chat_id = ? AND active != ?",
                (int(active), stamp(now), chat_id, int(active)),
            )
        return cursor.rowcount > 0

    def _subscription(self, chat_id: int, scope: Scope) -> Subscription:
        row = self._db.row(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE chat_id = ? AND scope = ?",
            (chat_id, str(scope)),
        )
        assert row is not None  # just written in this thread
        return _subscription_from(row)

    # -- the delivery ledger --------------------------------------------------------------------

    def claim(self, key: DeliveryKey, now: datetime) -> bool:
        """Take the right to send this message, atomically.

        False if it is not ours to send: it was claimed or settled before, or the chat is gone
        or inactive.
        """
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO deliveries"
                " (chat_id, event_id, kind, state, attempts, created_at, updated_at)"
                " SELECT ?, ?, ?, 'claimed', 1, ?, ?"
                " WHERE EXISTS (SELECT 1 FROM chats WHERE chat_id = ? AND active = 1)"
                " ON CONFLICT (chat_id, event_id, kind) DO UPDATE"
                " SET state = 'claimed', attempts = attempts + 1, updated_at = excluded.updated_at"
                " WHERE deliveries.state = 'released'",
                (key.chat_id, key.event_id, key.kind, stamp(now), stamp(now), key.chat_id),
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
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE deliveries SET state = ?, updated_at = ?"
                " WHERE chat_id = ? AND event_id = ? AND kind = ? AND state = 'claimed'",
                (str(state), stamp(now), key.chat_id, key.event_id, key.kind),
            )
        return cursor.rowcount > 0

    def delivery(self, key: DeliveryKey) -> Delivery | None:
        row = self._db.row(
            "SELECT state, attempts, created_at, updated_at FROM deliveries"
            " WHERE chat_id = ? AND event_id = ? AND kind = ?",
            (key.chat_id, key.event_id, key.kind),
        )
        if row is None:
            return None
        state, attempts, created_at, updated_at = row
        return Delivery(
            key,
            DeliveryState(str(state)),
            int(attempts or 0),
            parse_stamp(created_at),
            parse_stamp(updated_at),
        )

    def handled(self, keys: Iterable[DeliveryKey]) -> set[DeliveryKey]:
        """The keys that are not (or no longer) to be sent: any row that is not released."""
        return {
            key
            for key in keys
            if self._db.row(
                "SELECT 1 FROM deliveries WHERE chat_id = ? AND event_id = ? AND kind = ?"
                " AND state != 'released'",
                (key.chat_id, key.event_id, key.kind),
            )
            is not None
        }

    def delivered(self, event_id: str, kind: str) -> int:
        """How many chats the ledger says got the message (event_id, kind), e.g. an
        announcement: counted from the ledger, so also across a restart."""
        return int(
            self._db.value(
                "SELECT count(*) FROM deliveries WHERE event_id = ? AND kind = ?"
                " AND state = 'sent'",
                (event_id, kind),
            )
            or 0
        )

    def sent_per_chat(self, event_id: str, kinds: Sequence[str]) -> dict[int, int]:
        """For a message sent in parts (one ledger kind each): how many of `kinds` the ledger
        says each chat got; chats that got none are left out."""
        if not kinds:
            return {}
        marks = ", ".join("?" for _ in kinds)
        rows = self._db.rows(
            "SELECT chat_id, count(*) FROM deliveries WHERE event_id = ?"
            f" AND kind IN ({marks}) AND state = 'sent' GROUP BY chat_id",
            (event_id, *kinds),
        )
        return {int(chat_id or 0): int(sent or 0) for chat_id, sent in rows}

    def settle_stale_claims(self, now: datetime, older_than: timedelta = CLAIM_TIMEOUT) -> int:
        """Mark claims older than `older_than` unconfirmed; returns how many (maybe lost).

        Call at start-up (and now and then): after a restart no send can still be in flight.
        These rows were never going to be resent; this only records it.
        """
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE deliveries SET state = 'unconfirmed', updated_at = ?"
                " WHERE state = 'claimed' AND updated_at <= ?",
                (stamp(now), stamp(now - older_than)),
            )
        return cursor.rowcount

    def prune_deliveries(self, before: datetime) -> int:
        """Delete settled ledger rows last touched before `before`; their events are long past.

        Keys contain the event date, so an old row can never block a new message.
        """
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "DELETE FROM deliveries WHERE state != 'claimed' AND updated_at < ?",
                (stamp(before),),
            )
        return cursor.rowcount

    # -- event snapshots ------------------------------------------------------------------------

    def load_snapshots(self) -> dict[str, EventSnapshot] | None:
        """The last saved version of every event; None if snapshots were never saved."""
        if self._db.row("SELECT value FROM meta WHERE key = ?", (_SNAPSHOTS_SAVED,)) is None:
            return None
        rows = self._db.rows(f"SELECT {SNAPSHOT_COLUMNS} FROM event_snapshots ORDER BY event_id")
        snapshots = (snapshot_from(row) for row in rows)
        return {snapshot.event_id: snapshot for snapshot in snapshots}

    def save_snapshots(self, snapshots: Mapping[str, EventSnapshot], now: datetime) -> None:
        """Replace the saved snapshots with these (see bot.core.changes.updated_snapshots)."""
        with self._db.transaction() as sql:
            sql.execute("DELETE FROM event_snapshots")
            sql.executemany(
                f"INSERT INTO event_snapshots ({SNAPSHOT_COLUMNS}, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*snapshot_row(snapshot), stamp(now)) for snapshot in snapshots.values()],
            )
            sql.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_SNAPSHOTS_SAVED, stamp(now)),
            )


def _upsert_active_chat(sql: sqlite3.Connection, chat_id: int, now: datetime) -> None:
    sql.execute(
        "INSERT INTO chats (chat_id, active, created_at, updated_at) VALUES (?, 1, ?, ?)"
        " ON CONFLICT (chat_id) DO UPDATE SET active = 1, updated_at = excluded.updated_at",
        (chat_id, stamp(now), stamp(now)),
    )


def _upsert_subscription(
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
        (chat_id, str(scope), _lead_times_text(lead_times), stamp(now), stamp(now)),
    )


def _lead_times_text(lead_times: Iterable[LeadTime]) -> str:
    return ",".join(ordered(lead_times))


def _subscription_from(row: Row) -> Subscription:
    chat_id, scope, lead_times, created_at = row
    return Subscription(
        chat_id=int(chat_id or 0),
        scope=Scope.parse(str(scope)),
        lead_times=frozenset(LeadTime(value) for value in str(lead_times).split(",") if value),
        created_at=parse_stamp(created_at),
    )
