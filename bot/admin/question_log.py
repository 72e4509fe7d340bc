"""The question log and its 👍/👎 buttons.

Every free-text question the engine answered in a private chat or a group that spoke to the
bot is logged (`record`, the conversation's `QuestionLog`), with the time, the entry the answer
was about, whether the bot was confident and the intent. Never the chat id, the user or a
name: the chat only as a keyed pseudonym (bot.storage.pseudonyms), so /slettmeg finds its
questions and 👍/👎 counts only from the chat the answer was shown in.
Not logged: small talk ("hei", "takk", "hva kan du"), empty or unreadable texts (the engine's
"invalid"), commands, buttons and inline queries (inline mode asks on every keystroke, so it
would log half-typed words). Rows are deleted after QUESTION_LOG_RETENTION_DAYS
(bot.runtime.retention). Everyone in that chat may press 👍/👎; each question counts once.

The log is never on the answer's critical path: when it cannot be written (a full disk, a
locked database) the question is answered all the same, without the buttons that need a row,
and the failure is logged once per run of failures.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.admin import texts
from bot.admin.buttons import number, without
from bot.conversation import texts as conversation_texts
from bot.conversation.commands import Context
from bot.conversation.messages import Chat, Response
from bot.conversation.replies import FEEDBACK_DOWN, FEEDBACK_UP
from bot.core.reply import Intent, Reply
from bot.core.stats import grouping_key
from bot.storage import QuestionStore, StorageError

logger = logging.getLogger(__name__)

NOT_LOGGED = frozenset(
    {Intent.INVALID, Intent.GREETING, Intent.THANKS, Intent.GOODBYE, Intent.HELP}
)
MAX_QUESTION = 1000  # characters of a question kept in the log


class QuestionLogger:
    """The conversation's `QuestionLog`, and the 👍/👎 button handlers."""

    def __init__(self, questions: QuestionStore) -> None:
        self.questions = questions
        self._failing = False  # the last write failed: log the next failure at debug level

    def record(self, chat: Chat, question: str, reply: Reply, now: datetime) -> int | None:
        if reply.intent in NOT_LOGGED:
            return None
        question = " ".join(question.split())[:MAX_QUESTION]
        if not question:
            return None
        entry_id = reply.matches[0].id if reply.matches else None
        try:
            question_id = self.questions.log_question(
                now,
                question,
                grouping_key(question),
                entry_id,
                reply.confident,
                reply.intent.value,
                chat_id=chat.id,
            )
        except StorageError as error:  # never the question's text in the log
            log = logger.debug if self._failing else logger.warning
            log("Question not logged (answered all the same): %s", error)
            self._failing = True
            return None
        if self._failing:
            logger.info("The question log is written again")
            self._failing = False
        return question_id

    async def thumbs_up(self, context: Context) -> Response:
        return self._feedback(context, 1)

    async def thumbs_down(self, context: Context) -> Response:
        return self._feedback(context, -1)

    def _feedback(self, context: Context, value: int) -> Response:
        question_id = number(context.argument)
        if question_id is None:
            return Response(notice=conversation_texts.BUTTON_BROKEN)
        asked_here = self.questions.asked_in(question_id, context.chat.id)
        if asked_here is None and self.questions.question(question_id) is not None:
            return Response(notice=conversation_texts.BUTTON_OUTDATED)  # logged before binding
        if asked_here is False:
            logger.warning("Refused 👍/👎 on question %d from another chat", question_id)
            return Response(notice=conversation_texts.BUTTON_ELSEWHERE)
        recorded = self.questions.set_feedback(question_id, value)
        already = not recorded and self.questions.question(question_id) is not None
        notice = texts.FEEDBACK_ALREADY if already else texts.FEEDBACK_THANKS
        return Response(
            notice=notice, keyboard=without(context.buttons, FEEDBACK_UP, FEEDBACK_DOWN)
        )
