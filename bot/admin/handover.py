"""Hand-over to a person: "Spør en koordinator" under an unsure answer, and the coordinator's
reply back to the asker.

Pressing the button (private chats only) stores a pending hand-over (the asker's chat id and
first name: the only place a chat id is kept with a question) and sends the question with the
first name to every admin's private chat. An admin answers by replying to that message (the
conversation's `ReplyRouter`); the answer goes to the asker with a note that a coordinator
answered, the admin gets a confirmation, and the hand-over forgets the chat id and name.
Routing is by (admin chat, message id) in storage, so it works after a restart. An asker who
blocked the bot: the admin is told, the hand-over stays "undeliverable" with the answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection

from bot.admin import texts
from bot.admin.buttons import number, without
from bot.conversation import texts as conversation_texts
from bot.conversation.commands import Context
from bot.conversation.interfaces import Messenger, UnreachableChatError
from bot.conversation.messages import Outgoing, Response, say
from bot.conversation.replies import HANDOVER
from bot.storage import HandoverState, HandoverStore, QuestionStore

logger = logging.getLogger(__name__)


class Handovers:
    """The "Spør en koordinator" button, and the conversation's `ReplyRouter`."""

    def __init__(
        self,
        questions: QuestionStore,
        handovers: HandoverStore,
        *,
        admin_ids: Collection[int],
        messenger: Messenger | None,
    ) -> None:
        self.questions = questions
        self.handovers = handovers
        self.admin_ids = frozenset(admin_ids)
        self.messenger = messenger
        self._answering = asyncio.Lock()  # one coordinator answer at a time: never two sends

    async def hand_over(self, context: Context) -> Response:
        """ "Spør en koordinator": send the logged question to every admin's private chat."""
        chat = context.chat
        question_id = number(context.argument)
        if question_id is None:
            return Response(notice=conversation_texts.BUTTON_BROKEN)
        if not chat.is_private:
            return Response(notice=texts.HANDOVER_PRIVATE_ONLY)
        messenger = self.messenger
        if messenger is None or not self.admin_ids:
            return Response(notice=texts.HANDOVER_UNAVAILABLE)
        logged = self.questions.question(question_id)
        if logged is None:
            return Response(notice=texts.HANDOVER_GONE)
        asked_here = self.questions.asked_in(question_id, chat.id)
        if asked_here is None:  # logged before questions were bound to their chat
            return Response(notice=conversation_texts.BUTTON_OUTDATED)
        if not asked_here:  # forged, or pressed in another chat
            logger.warning("Refused hand-over of question %d from another chat", question_id)
            return Response(notice=conversation_texts.BUTTON_ELSEWHERE)
        name = chat.first_name or texts.SOMEONE
        handover = self.handovers.create_handover(
            question_id, chat.id, name, logged.question, context.now
        )
        remaining = without(context.buttons, HANDOVER)
        if handover is None:
            return Response(notice=texts.HANDOVER_ALREADY, keyboard=remaining)
        message = Outgoing(
            texts.HANDOVER_FOR_ADMINS.format(name=name, question=logged.question),
            title=texts.HANDOVER_TITLE,
        )
        reached = 0
        for admin_id in sorted(self.admin_ids):
            try:
                message_ids = await messenger.send(admin_id, message)
            except UnreachableChatError:
                logger.warning(
                    "Hand-over %d not shown to admin %s: has not started the bot or blocked it",
                    handover.id,
                    admin_id,
                )
                continue
            except Exception as error:  # the network: the other admins may still get it
                logger.warning(
                    "Hand-over %d not shown to admin %s: %s",
                    handover.id,
                    admin_id,
                    type(error).__name__,
                )
                continue
            for message_id in message_ids:
                self.handovers.add_handover_message(handover.id, admin_id, message_id)
            reached += 1
        if reached == 0:
            self.handovers.delete_handover(handover.id)  # so the asker can try again later
            return say(Outgoing(texts.HANDOVER_NOBODY))
        logger.info("Hand-over %d sent to %d admin(s)", handover.id, reached)
        return Response(
            (Outgoing(texts.HANDOVER_SENT),), notice=texts.HANDOVER_SENT_NOTICE, keyboard=remaining
        )

    async def route_reply(self, context: Context, replied_to: int, text: str) -> Response | None:
        """A coordinator's reply to a handed-over question: deliver it to the asker."""
        chat = context.chat
        if not chat.is_private or not context.is_admin:
            return None
        found = self.handovers.handover_for_message(chat.id, replied_to)
        if found is None:
            return None  # a reply to another of the bot's messages: an ordinary question
        async with self._answering:
            handover = self.handovers.handover(found.id)
            if handover is None or handover.state is HandoverState.ANSWERED:
                return say(Outgoing(texts.ANSWER_ALREADY))
            name = handover.first_name or texts.SOMEONE
            messenger = self.messenger
            if messenger is None or handover.chat_id is None:
                return say(Outgoing(texts.HANDOVER_UNAVAILABLE))
            answer = text.strip()
            delivery = Outgoing(
                texts.ANSWER_FOR_ASKER.format(question=handover.question, answer=answer)
            )
            try:
                await messenger.send(handover.chat_id, delivery)
            except UnreachableChatError:
                self.handovers.mark_undeliverable(handover.id, answer, context.now)
                logger.info("Hand-over %d: the asker has blocked the bot", handover.id)
                return say(Outgoing(texts.ANSWER_UNDELIVERABLE.format(name=name)))
            except Exception as error:  # the network, after the sender's retries
                logger.warning(
                    "Hand-over %d: the answer could not be sent: %s",
                    handover.id,
                    type(error).__name__,
                )
                return say(Outgoing(texts.ANSWER_FAILED.format(name=name)))
            self.handovers.mark_answered(handover.id, context.now)
        logger.info("Hand-over %d answered by admin %s", handover.id, chat.user_id)
        return say(Outgoing(texts.ANSWER_DELIVERED.format(name=name)))
