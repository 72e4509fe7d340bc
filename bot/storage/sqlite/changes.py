"""The change log in SQLite: every edit a coordinator makes to a samling from Telegram, one row
per field (who, when, which samling, which field, old value → new value). The editing feature
(bot.editing) shows the recent ones (/endringer) and takes back one's own last one (/angre): the
undo is a change too, which names the change it undid."""

from __future__ import annotations

from datetime import datetime

from bot.storage.records import Change
from bot.storage.sqlite.connection import Row, SqliteConnection, parse_stamp, stamp, text_or_none

_COLUMNS = "id, admin_id, changed_at, event_id, field, old_value, new_value, undoes"


class SqliteChangeStore:
    """The `ChangeStore` (bot.storage.protocols) over the shared connection."""

    def __init__(self, db: SqliteConnection) -> None:
        self._db = db

    def record(
        self,
        admin_id: int,
        event_id: str,
        field: str,
        old_value: str | None,
        new_value: str | None,
        now: datetime,
        undoes: int | None = None,
    ) -> Change:
        """Add one change (`undoes`: the change it takes back); returns it as stored."""
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO change_log (admin_id, changed_at, event_id, field, old_value,"
                " new_value, undoes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (admin_id, stamp(now), event_id, field, old_value, new_value, undoes),
            )
        assert cursor.lastrowid is not None
        row = self._db.row(f"SELECT {_COLUMNS} FROM change_log WHERE id = ?", (cursor.lastrowid,))
        assert row is not None
        return _change_from(row)

    def latest(self, limit: int) -> list[Change]:
        """The last `limit` changes by anyone, newest first."""
        rows = self._db.rows(
            f"SELECT {_COLUMNS} FROM change_log ORDER BY changed_at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [_change_from(row) for row in rows]

    def last_by(self, admin_id: int) -> Change | None:
        """This coordinator's latest change, if any."""
        row = self._db.row(
            f"SELECT {_COLUMNS} FROM change_log WHERE admin_id = ?"
            " ORDER BY changed_at DESC, id DESC LIMIT 1",
            (admin_id,),
        )
        return None if row is None else _change_from(row)

    def last_undoable_by(self, admin_id: int) -> Change | None:
        """This coordinator's latest change that is not an undo and has not been undone."""
        row = self._db.row(
            f"SELECT {_COLUMNS} FROM change_log WHERE admin_id = ? AND undoes IS NULL"
            " AND id NOT IN (SELECT undoes FROM change_log WHERE undoes IS NOT NULL)"
            " ORDER BY changed_at DESC, id DESC LIMIT 1",
            (admin_id,),
        )
        return None if row is None else _change_from(row)


def _change_from(row: Row) -> Change:
    id_, admin_id, changed_at, event_id, field, old_value, new_value, undoes = row
    return Change(
        id=int(id_ or 0),
        admin_id=int(admin_id or 0),
        changed_at=parse_stamp(changed_at),
        event_id=str(event_id),
        field=str(field),
        old_value=text_or_none(old_value),
        new_value=text_or_none(new_value),
        undoes=None if undoes is None else int(undoes),
    )
