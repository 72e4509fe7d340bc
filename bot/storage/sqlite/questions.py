"""The question log in SQLite: what was asked, when, which entry answered it, whether the bot
was confident, the intent and the 👍/👎 feedback. NO chat id, user id or name: the coordinators
need to see what teachers ask and what the bot could not answer, not who asked. Each row has
the chat's keyed pseudonym (bot.storage.pseudonyms), so /slettmeg can find the chat's questions
and a button press can be checked against the chat the answer was shown in.

A question and its feedback are written with `durable=False` (synchronous=NORMAL, see
bot.storage.sqlite.connection): this insert runs for every answered question, and the last
few rows of a statistic are not worth an fsync each."""

from __future__ import annotations

from datetime import datetime

from bot.core.stats import LoggedQuestion
from bot.storage.pseudonyms import ChatPseudonyms
from bot.storage.sqlite.connection import Row, SqliteConnection, parse_stamp, stamp, text_or_none

_COLUMNS = "id, asked_at, question, normalised, entry_id, confident, intent, feedback"


class SqliteQuestionStore:
    """The `QuestionStore` (bot.storage.protocols) over the shared connection."""

    def __init__(self, db: SqliteConnection, pseudonyms: ChatPseudonyms) -> None:
        self._db = db
        self._pseudonyms = pseudonyms

    def log_question(
        self,
        asked_at: datetime,
        question: str,
        normalised: str,
        entry_id: str | None,
        confident: bool,
        intent: str,
        chat_id: int | None = None,
    ) -> int:
        """Log one question (the chat only as its pseudonym); returns its id for the buttons."""
        chat_key = None if chat_id is None else self._pseudonyms.of(chat_id)
        with self._db.transaction(durable=False) as sql:
            cursor = sql.execute(
                "INSERT INTO question_log"
                " (asked_at, question, normalised, entry_id, confident, intent, chat_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (stamp(asked_at), question, normalised, entry_id, int(confident), intent, chat_key),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def set_feedback(self, question_id: int, value: int) -> bool:
        """Record 👍 (+1) or 👎 (-1) once; False if already given or the row is gone."""
        if value not in (-1, 1):
            raise ValueError(f"feedback must be +1 or -1, not {value}")
        with self._db.transaction(durable=False) as sql:
            cursor = sql.execute(
                "UPDATE question_log SET feedback = ? WHERE id = ? AND feedback IS NULL",
                (value, question_id),
            )
        return cursor.rowcount > 0

    def question(self, question_id: int) -> LoggedQuestion | None:
        row = self._db.row(f"SELECT {_COLUMNS} FROM question_log WHERE id = ?", (question_id,))
        return None if row is None else _question_from(row)

    def asked_in(self, question_id: int, chat_id: int) -> bool | None:
        """Whether the question was asked in this chat; None when that is not known (logged
        before chats were linked by pseudonym, or the row is gone)."""
        found = self._db.value("SELECT chat_key FROM question_log WHERE id = ?", (question_id,))
        return None if found is None else str(found) == self._pseudonyms.of(chat_id)

    def questions_since(self, since: datetime) -> list[LoggedQuestion]:
        """Every logged question asked at or after `since`, oldest first."""
        rows = self._db.rows(
            f"SELECT {_COLUMNS} FROM question_log WHERE asked_at >= ? ORDER BY asked_at, id",
            (stamp(since),),
        )
        return [_question_from(row) for row in rows]

    def latest_unanswered(self, limit: int) -> list[LoggedQuestion]:
        """The latest questions the bot was not confident about, newest first."""
        rows = self._db.rows(
            f"SELECT {_COLUMNS} FROM question_log WHERE confident = 0"
            " AND intent != 'invalid' ORDER BY asked_at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [_question_from(row) for row in rows]

    def delete_before(self, before: datetime) -> int:
        """Retention: delete the questions asked before `before`; returns how many."""
        with self._db.transaction() as sql:
            cursor = sql.execute("DELETE FROM question_log WHERE asked_at < ?", (stamp(before),))
        return cursor.rowcount


def _question_from(row: Row) -> LoggedQuestion:
    id_, asked_at, question, normalised, entry_id, confident, intent, feedback = row
    return LoggedQuestion(
        id=int(id_ or 0),
        asked_at=parse_stamp(asked_at),
        question=str(question),
        normalised=str(normalised),
        entry_id=text_or_none(entry_id),
        confident=bool(confident),
        intent=str(intent),
        feedback=None if feedback is None else int(feedback),
    )
