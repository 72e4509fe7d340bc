"""Hand-overs in SQLite: a question a teacher chose to send to the coordinators.

This is the one place a chat id is kept together with a question, because the coordinator's
answer must reach the asker, also after a restart. The chat id and first name are blanked as
soon as the answer is delivered (an undeliverable answer keeps them and the answer, so nothing
is lost and a coordinator can try again).
"""

from __future__ import annotations

from datetime import datetime

from bot.storage.pseudonyms import ChatPseudonyms
from bot.storage.records import Handover, HandoverState
from bot.storage.sqlite.connection import (
    Row,
    SqliteConnection,
    int_or_none,
    parse_stamp,
    stamp,
    text_or_none,
)

_COLUMNS = "id, question_id, chat_id, first_name, question, state, answer, created_at, answered_at"


class SqliteHandoverStore:
    """The `HandoverStore` (bot.storage.protocols) over the shared connection."""

    def __init__(self, db: SqliteConnection, pseudonyms: ChatPseudonyms) -> None:
        self._db = db
        self._pseudonyms = pseudonyms  # kept after the chat id is blanked, for /slettmeg

    def create_handover(
        self, question_id: int, chat_id: int, first_name: str, question: str, now: datetime
    ) -> Handover | None:
        """A pending hand-over of a logged question; None if it was handed over before."""
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "INSERT INTO handovers (question_id, chat_id, first_name, question, state,"
                " created_at, chat_key) VALUES (?, ?, ?, ?, 'pending', ?, ?)"
                " ON CONFLICT (question_id) DO NOTHING",
                (
                    question_id,
                    chat_id,
                    first_name,
                    question,
                    stamp(now),
                    self._pseudonyms.of(chat_id),
                ),
            )
        if cursor.rowcount == 0 or cursor.lastrowid is None:
            return None
        return self.handover(cursor.lastrowid)

    def add_handover_message(self, handover_id: int, chat_id: int, message_id: int) -> None:
        """The question was shown to a coordinator as `message_id` in their chat."""
        with self._db.transaction() as sql:
            sql.execute(
                "INSERT OR REPLACE INTO handover_messages (handover_id, chat_id, message_id)"
                " VALUES (?, ?, ?)",
                (handover_id, chat_id, message_id),
            )

    def delete_handover(self, handover_id: int) -> bool:
        """Forget a hand-over (e.g. no coordinator could be reached)."""
        with self._db.transaction() as sql:
            cursor = sql.execute("DELETE FROM handovers WHERE id = ?", (handover_id,))
        return cursor.rowcount > 0

    def handover(self, handover_id: int) -> Handover | None:
        row = self._db.row(f"SELECT {_COLUMNS} FROM handovers WHERE id = ?", (handover_id,))
        return None if row is None else _handover_from(row)

    def handover_for_message(self, chat_id: int, message_id: int) -> Handover | None:
        """The hand-over a coordinator's message shows, if it is one."""
        found = self._db.value(
            "SELECT handover_id FROM handover_messages WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        )
        return None if found is None else self.handover(int(found))

    def handovers(self, state: HandoverState | None = None) -> list[Handover]:
        """Hand-overs (in one state), oldest first."""
        where, params = ("WHERE state = ?", (str(state),)) if state else ("", ())
        rows = self._db.rows(
            f"SELECT {_COLUMNS} FROM handovers {where} ORDER BY created_at, id", params
        )
        return [_handover_from(row) for row in rows]

    def mark_answered(self, handover_id: int, now: datetime) -> bool:
        """The answer was delivered: forget who asked (chat id, name) and the answer."""
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE handovers SET state = 'answered', chat_id = NULL, first_name = NULL,"
                " answer = NULL, answered_at = ? WHERE id = ? AND state != 'answered'",
                (stamp(now), handover_id),
            )
        return cursor.rowcount > 0

    def mark_undeliverable(self, handover_id: int, answer: str, now: datetime) -> bool:
        """The asker could not be reached: keep the answer and the chat, so nothing is lost."""
        with self._db.transaction() as sql:
            cursor = sql.execute(
                "UPDATE handovers SET state = 'undeliverable', answer = ?, answered_at = ?"
                " WHERE id = ? AND state != 'answered'",
                (answer, stamp(now), handover_id),
            )
        return cursor.rowcount > 0

    def delete_before(self, before: datetime) -> int:
        """Retention: delete hand-overs created before `before`; returns how many."""
        with self._db.transaction() as sql:
            cursor = sql.execute("DELETE FROM handovers WHERE created_at < ?", (stamp(before),))
        return cursor.rowcount


def _handover_from(row: Row) -> Handover:
    id_, question_id, chat_id, first_name, question, state, answer, created, answered = row
    return Handover(
        id=int(id_ or 0),
        question_id=int_or_none(question_id),
        chat_id=int_or_none(chat_id),
        first_name=text_or_none(first_name),
        question=str(question),
        state=HandoverState(str(state)),
        answer=text_or_none(answer),
        created_at=parse_stamp(created),
        answered_at=None if answered is None else parse_stamp(answered),
    )
