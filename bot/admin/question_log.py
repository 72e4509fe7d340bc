"""The question log and its 👍/👎 buttons.

Every free-text question the engine answered in a private chat or a group that spoke to the
bot is logged (`record`, the conversation's `QuestionLog`), with the time, the entry the answer
was about, whether the bot was confident and the intent. Never the chat, the user or a name.
Not logged: small talk ("hei", "takk", "hva kan du"), empty or unreadable texts (the engine's
"invalid"), commands, buttons and inline queries (inline mode asks on every keystroke, so it
would log half-typed words). Rows are deleted after QUESTION_LOG_RETENTION_DAYS
(bot.runtime.retention). Everyone may press 👍/👎; each question counts once.
"""

from __future__ import annotations

from datetime import datetime

from bot.admin import texts
from bot.admin.buttons import number, without
from bot.conversation import texts as conversation_texts
from bot.conversation.commands import Context
from bot.conversation.messages import Response
from bot.conversation.replies import FEEDBACK_DOWN, FEEDBACK_UP
from bot.core.reply import Intent, Reply
from bot.core.stats import grouping_key
from bot.storage import QuestionStore

NOT_LOGGED = frozenset(
    {Intent.INVALID, Intent.GREETING, Intent.THANKS, Intent.GOODBYE, Intent.HELP}
)
MAX_QUESTION = 1000  # characters of a question kept in the log


class QuestionLogger:
    """The conversation's `QuestionLog`, and the 👍/👎 button handlers."""

    def __init__(self, questions: QuestionStore) -> None:
        self.questions = questions

    def record(self, question: str, reply: Reply, now: datetime) -> int | None:
        if reply.intent in NOT_LOGGED:
            return None
        question = " ".join(question.split())[:MAX_QUESTION]
        if not question:
            return None
        entry_id = reply.matches[0].id if reply.matches else None
        return self.questions.log_question(
            now, question, grouping_key(question), entry_id, reply.confident, reply.intent.value
        )

    async def thumbs_up(self, context: Context) -> Response:
        return self._feedback(context, 1)

    async def thumbs_down(self, context: Context) -> Response:
        return self._feedback(context, -1)

    def _feedback(self, context: Context, value: int) -> Response:
        question_id = number(context.argument)
        if question_id is None:
            return Response(notice=conversation_texts.BUTTON_BROKEN)
        recorded = self.questions.set_feedback(question_id, value)
        already = not recorded and self.questions.question(question_id) is not None
        notice = texts.FEEDBACK_ALREADY if already else texts.FEEDBACK_THANKS
        return Response(
            notice=notice, keyboard=without(context.buttons, FEEDBACK_UP, FEEDBACK_DOWN)
        )
