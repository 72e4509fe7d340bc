"""Announcements in SQLite: the text of a /kunngjoring from preview until it is sent, with the
counts, so the confirm button still works after a restart and a double press cannot send twice.
"""

from __future__ import annotations

from datetime import datetime

from bot.storage.records import Announcement, AnnouncementState
from bot.storage.sqlite.connection import Row, SqliteConnection, int_or_none, parse_stamp, stamp

_COLUMNS = (
    "id, author_id, content, state, recipients, delivered, deactivated, created_at, updated_at"
)


class SqliteAnnouncementStore:
    """The `AnnouncementStore` (bot.storage.protocols) over the shared connection."""

    def __init__(self, db: SqliteConnection) -> None:
        self._db = db

    def create_announcement(self, author_id: int, text: str, now: datetime) -> Announcement:
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO announcements (author_id, content, state, created_at, updated_at)"
                " VALUES (?, ?, 'pending', ?, ?)",
                (author_id, text, stamp(now), stamp(now)),
            )
        assert cursor.lastrowid is not None
        announcement = self.announcement(cursor.lastrowid)
        assert announcement is not None
        return announcement

    def announcement(self, announcement_id: int) -> Announcement | None:
        row = self._db.row(f"SELECT {_COLUMNS} FROM announcements WHERE id = ?", (announcement_id,))
        return None if row is None else _announcement_from(row)

    def announcements(self, state: AnnouncementState) -> list[Announcement]:
        rows = self._db.rows(
            f"SELECT {_COLUMNS} FROM announcements WHERE state = ? ORDER BY created_at, id",
            (str(state),),
        )
        return [_announcement_from(row) for row in rows]

    def start_announcement(self, announcement_id: int, recipients: int, now: datetime) -> bool:
        """Pending -> sending, atomically: only the first "Send" press gets True."""
        return self._move(
            announcement_id, AnnouncementState.PENDING, AnnouncementState.SENDING, now, recipients
        )

    def cancel_announcement(self, announcement_id: int, now: datetime) -> bool:
        return self._move(
            announcement_id, AnnouncementState.PENDING, AnnouncementState.CANCELLED, now
        )

    def finish_announcement(
        self, announcement_id: int, delivered: int, deactivated: int, now: datetime
    ) -> bool:
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE announcements SET state = 'sent', delivered = ?, deactivated = ?,"
                " updated_at = ? WHERE id = ? AND state = 'sending'",
                (delivered, deactivated, stamp(now), announcement_id),
            )
        return cursor.rowcount > 0

    def delete_before(self, before: datetime) -> int:
        """Retention: delete announcements last changed before `before`, except one still
        being sent (it is resumed at start-up); returns how many."""
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "DELETE FROM announcements WHERE state != 'sending' AND updated_at < ?",
                (stamp(before),),
            )
        return cursor.rowcount

    def _move(
        self,
        announcement_id: int,
        before: AnnouncementState,
        after: AnnouncementState,
        now: datetime,
        recipients: int | None = None,
    ) -> bool:
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE announcements SET state = ?, recipients = coalesce(?, recipients),"
                " updated_at = ? WHERE id = ? AND state = ?",
                (str(after), recipients, stamp(now), announcement_id, str(before)),
            )
        return cursor.rowcount > 0


def _announcement_from(row: Row) -> Announcement:
    id_, author_id, text, state, recipients, delivered, deactivated, created, updated = row
    return Announcement(
        id=int(id_ or 0),
        author_id=int(author_id or 0),
        text=str(text),
        state=AnnouncementState(str(state)),
        recipients=int_or_none(recipients),
        delivered=int_or_none(delivered),
        deactivated=int_or_none(deactivated),
        created_at=parse_stamp(created),
        updated_at=parse_stamp(updated),
    )
