"""Coordinator tools: the question log, /statistikk, /ubesvarte, hand-over to a person, and
/kunngjoring. Channel-independent; installed by the composition root (bot/app.py).

Who may do what: the commands are `admin_only` (ADMIN_IDS), so the conversation refuses
anyone else politely and logs the attempt with the user id only. The announcement buttons check
the same, and only the coordinator who wrote an announcement can send or cancel it. Everyone
may press 👍/👎 and "Spør en koordinator".

The question log (`record`, the conversation's `QuestionLog`): every free-text question the
engine answered in a private chat or a group that spoke to the bot, with the time, the entry
the answer was about, whether the bot was confident and the intent. Never the chat, the user or
a name. Not logged: small talk ("hei", "takk", "hva kan du"), empty or unreadable texts (the
engine's "invalid"), commands, buttons and inline queries (inline mode asks on every keystroke,
so it would log half-typed words). Rows are deleted after QUESTION_LOG_RETENTION_DAYS.

Hand-over: an unsure answer in a private chat offers "Spør en koordinator". Pressing it stores a
pending hand-over (the asker's chat id and first name: the only place a chat id is kept with a
question) and sends the question with the first name to every admin's private chat. An admin
answers by replying to that message; the answer goes to the asker with a note that a
coordinator answered, the admin gets a confirmation, and the hand-over forgets the chat id and
name. Routing is by (admin chat, message id) in SQLite, so it works after a restart. An asker
who blocked the bot: the admin is told, the hand-over stays "undeliverable" with the answer.

Announcements: /kunngjoring <tekst> stores the text as a pending announcement and shows a
preview with the number of recipients and "Send"/"Avbryt". "Send" moves it to "sending" in one
atomic UPDATE (a double press, or a second coordinator, cannot send it twice) and broadcasts it
through the paced broadcaster with one ledger key per chat, so a restart mid-way resumes
without sending anything twice (`resume_announcements`). The author then gets "Levert til N,
M chatter deaktivert".
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.admin import texts
from bot.conversation import texts as conversation_texts
from bot.conversation.callbacks import Action, BadButtonError, decode, encode
from bot.conversation.commands import Command, Context
from bot.conversation.messages import Button, Keyboard, Outgoing, Photo, Response, say
from bot.conversation.replies import FEEDBACK_DOWN, FEEDBACK_UP, HANDOVER
from bot.conversation.services import Messenger, UnreachableChatError
from bot.core.chart import render_chart
from bot.core.engine import Intent, Reply
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.core.stats import (
    DEFAULT_DAYS,
    Statistics,
    compute_statistics,
    group_similar,
    grouping_key,
    period_start,
    statistics_text,
    unanswered_text,
)
from bot.delivery.pacer import NOTICE_PRIORITY, DeliveryReport, Outcome
from bot.delivery.pacer import Outgoing as Broadcast
from bot.storage import (
    Announcement,
    AnnouncementState,
    DeliveryKey,
    Expired,
    HandoverState,
    Storage,
    delete_expired,
)

if TYPE_CHECKING:
    from bot.conversation.conversation import Conversation
    from bot.services import Services

logger = logging.getLogger(__name__)

SEND = "ks"  # "📣 Send" under an announcement preview (argument: its id)
CANCEL = "ka"  # "Avbryt"
ANNOUNCEMENT_EVENT = "announcement"  # the ledger's event_id for announcements
NOT_LOGGED = frozenset(
    {Intent.INVALID, Intent.GREETING, Intent.THANKS, Intent.GOODBYE, Intent.HELP}
)
MAX_QUESTION = 1000  # characters of a question kept in the log
UNANSWERED_SCANNED = 500  # the latest unanswered questions /ubesvarte groups
MAX_DAYS = 365
BROADCAST_PASSES = 3  # a broadcast that hit flood control too often tries the rest again


def install_coordinator_tools(conversation: Conversation, services: Services) -> CoordinatorTools:
    """Add the admin commands, the buttons and the question log to the conversation."""
    tools = CoordinatorTools(services, admin_ids=conversation.admin_ids)
    for command in (
        Command("statistikk", texts.STATS_DESCRIPTION, tools.statistics, admin_only=True),
        Command("ubesvarte", texts.UNANSWERED_DESCRIPTION, tools.unanswered, admin_only=True),
        Command("kunngjoring", texts.ANNOUNCE_DESCRIPTION, tools.announce, admin_only=True),
    ):
        conversation.commands.add(command)
    for code, handler in (
        (FEEDBACK_UP, tools.thumbs_up),
        (FEEDBACK_DOWN, tools.thumbs_down),
        (HANDOVER, tools.hand_over),
        (SEND, tools.send_announcement),
        (CANCEL, tools.cancel_announcement),
    ):
        conversation.actions.add(code, handler)
    conversation.question_log = tools
    conversation.reply_router = tools
    return tools


class CoordinatorTools:
    """See the module docstring. `messenger` is plugged in by the channel (Telegram)."""

    def __init__(
        self,
        services: Services,
        *,
        admin_ids: Collection[int] = frozenset(),
        messenger: Messenger | None = None,
    ) -> None:
        self.services = services
        self.storage = services.storage
        self.admin_ids = frozenset(admin_ids)
        self.messenger = messenger
        self.retention = timedelta(days=services.settings.question_log_retention_days)
        self._answering = asyncio.Lock()  # one coordinator answer at a time: never two sends

    @property
    def kb(self) -> KnowledgeBase:
        return self.services.kb  # the live one: it changes on reload

    # -- the question log (QuestionLog) --------------------------------------------------------

    def record(self, question: str, reply: Reply, now: datetime) -> int | None:
        if reply.intent in NOT_LOGGED:
            return None
        question = " ".join(question.split())[:MAX_QUESTION]
        if not question:
            return None
        entry_id = reply.matches[0].id if reply.matches else None
        return self.storage.questions.log_question(
            now, question, grouping_key(question), entry_id, reply.confident, reply.intent.value
        )

    def delete_expired(self, now: datetime | None = None) -> Expired:
        """Retention: delete what is older than QUESTION_LOG_RETENTION_DAYS."""
        now = now or self.services.clock()
        expired = delete_expired(self.storage, now - self.retention)
        if expired.questions or expired.handovers or expired.announcements:
            logger.info(
                "Retention: deleted %d logged question(s), %d hand-over(s), %d announcement(s)"
                " older than %d days",
                expired.questions,
                expired.handovers,
                expired.announcements,
                self.retention.days,
            )
        return expired

    # -- /statistikk and /ubesvarte ------------------------------------------------------------

    def gather(self, now: datetime, days: int = DEFAULT_DAYS) -> Statistics:
        return gather_statistics(self.storage, self.kb, now, days)

    async def statistics(self, context: Context) -> Response:
        days = _days(context.argument)
        if days is None:
            return say(Outgoing(texts.STATS_USAGE, title=texts.STATS_TITLE))
        stats = self.gather(context.now, days)
        lines = [statistics_text(stats)]
        pending = len(self.storage.handovers.handovers(HandoverState.PENDING))
        if pending:
            lines.append(texts.PENDING_HANDOVERS.format(count=pending))
        lines.append(texts.STATS_HINT)
        chart = render_chart(stats.days)
        return Response(
            (
                Outgoing("\n\n".join(lines), title=texts.STATS_TITLE),
                Outgoing(
                    texts.STATS_CHART_CAPTION,
                    photo=Photo(f"statistikk-{stats.last_day:%Y-%m-%d}.png", chart),
                ),
            )
        )

    async def unanswered(self, context: Context) -> Response:
        groups = group_similar(self.storage.questions.latest_unanswered(UNANSWERED_SCANNED))
        text = unanswered_text(groups)
        if groups:
            text += "\n\n" + texts.UNANSWERED_HINT
        return say(Outgoing(text, title=texts.UNANSWERED_TITLE))

    # -- 👍/👎 ----------------------------------------------------------------------------------

    async def thumbs_up(self, context: Context) -> Response:
        return self._feedback(context, 1)

    async def thumbs_down(self, context: Context) -> Response:
        return self._feedback(context, -1)

    def _feedback(self, context: Context, value: int) -> Response:
        question_id = _number(context.argument)
        if question_id is None:
            return Response(notice=conversation_texts.BUTTON_BROKEN)
        recorded = self.storage.questions.set_feedback(question_id, value)
        already = not recorded and self.storage.questions.question(question_id) is not None
        notice = texts.FEEDBACK_ALREADY if already else texts.FEEDBACK_THANKS
        return Response(
            notice=notice, keyboard=_without(context.buttons, FEEDBACK_UP, FEEDBACK_DOWN)
        )

    # -- hand-over to a coordinator ------------------------------------------------------------

    async def hand_over(self, context: Context) -> Response:
        """ "Spør en koordinator": send the logged question to every admin's private chat."""
        chat = context.chat
        question_id = _number(context.argument)
        if question_id is None:
            return Response(notice=conversation_texts.BUTTON_BROKEN)
        if not chat.is_private:
            return Response(notice=texts.HANDOVER_PRIVATE_ONLY)
        messenger = self.messenger
        if messenger is None or not self.admin_ids:
            return Response(notice=texts.HANDOVER_UNAVAILABLE)
        logged = self.storage.questions.question(question_id)
        if logged is None:
            return Response(notice=texts.HANDOVER_GONE)
        name = chat.first_name or texts.SOMEONE
        handover = self.storage.handovers.create_handover(
            question_id, chat.id, name, logged.question, context.now
        )
        remaining = _without(context.buttons, HANDOVER)
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
                self.storage.handovers.add_handover_message(handover.id, admin_id, message_id)
            reached += 1
        if reached == 0:
            self.storage.handovers.delete_handover(handover.id)  # so the asker can try again later
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
        found = self.storage.handovers.handover_for_message(chat.id, replied_to)
        if found is None:
            return None  # a reply to another of the bot's messages: an ordinary question
        async with self._answering:
            handover = self.storage.handovers.handover(found.id)
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
                self.storage.handovers.mark_undeliverable(handover.id, answer, context.now)
                logger.info("Hand-over %d: the asker has blocked the bot", handover.id)
                return say(Outgoing(texts.ANSWER_UNDELIVERABLE.format(name=name)))
            except Exception as error:  # the network, after the sender's retries
                logger.warning(
                    "Hand-over %d: the answer could not be sent: %s",
                    handover.id,
                    type(error).__name__,
                )
                return say(Outgoing(texts.ANSWER_FAILED.format(name=name)))
            self.storage.handovers.mark_answered(handover.id, context.now)
        logger.info("Hand-over %d answered by admin %s", handover.id, chat.user_id)
        return say(Outgoing(texts.ANSWER_DELIVERED.format(name=name)))

    # -- /kunngjoring --------------------------------------------------------------------------

    async def announce(self, context: Context) -> Response:
        text = context.argument.strip()
        if not text:
            return say(Outgoing(texts.ANNOUNCE_USAGE, title=texts.ANNOUNCEMENT_HEADING))
        if len(text) > texts.ANNOUNCEMENT_LIMIT:
            return say(
                Outgoing(
                    texts.ANNOUNCE_TOO_LONG.format(length=len(text), limit=texts.ANNOUNCEMENT_LIMIT)
                )
            )
        if not self.services.can_broadcast:
            return say(Outgoing(texts.ANNOUNCE_NO_BROADCAST))
        recipients = self.storage.subscriptions.subscriber_count()
        if recipients == 0:
            return say(Outgoing(texts.ANNOUNCE_NO_RECIPIENTS))
        author = context.chat.user_id
        assert author is not None  # admin_only: only a known user gets here
        announcement = self.storage.announcements.create_announcement(author, text, context.now)
        argument = str(announcement.id)
        return say(
            Outgoing(
                announcement_text(text),
                title=texts.ANNOUNCE_PREVIEW_TITLE,
                footer=texts.ANNOUNCE_PREVIEW_FOOTER.format(
                    recipients=texts.subscribers(recipients)
                ),
                buttons=(
                    (
                        Button(texts.BUTTON_SEND, encode(Action(SEND, argument))),
                        Button(texts.BUTTON_CANCEL, encode(Action(CANCEL, argument))),
                    ),
                ),
            )
        )

    async def send_announcement(self, context: Context) -> Response:
        announcement, refusal = self._own_announcement(context)
        if announcement is None:
            return refusal
        if not self.services.can_broadcast:
            return Response(notice=texts.ANNOUNCE_NO_BROADCAST)
        recipients = self.storage.subscriptions.subscriber_count()
        if not self.storage.announcements.start_announcement(
            announcement.id, recipients, context.now
        ):
            return self._already(announcement.id)  # a double press lands here
        logger.info(
            "Announcement %d confirmed by admin %s for %d chat(s)",
            announcement.id,
            context.chat.user_id,
            recipients,
        )
        self.services.spawn(
            self._broadcast(announcement, context.chat.id), f"announcement-{announcement.id}"
        )
        return Response(
            (Outgoing(texts.ANNOUNCE_SENDING.format(recipients=texts.subscribers(recipients))),),
            notice=texts.ANNOUNCE_SENDING_NOTICE,
            keyboard=(),
        )

    async def cancel_announcement(self, context: Context) -> Response:
        announcement, refusal = self._own_announcement(context)
        if announcement is None:
            return refusal
        if not self.storage.announcements.cancel_announcement(announcement.id, context.now):
            return self._already(announcement.id)
        return Response(
            (Outgoing(texts.ANNOUNCE_CANCELLED),),
            notice=texts.ANNOUNCE_CANCELLED_NOTICE,
            keyboard=(),
        )

    def resume_announcements(self) -> int:
        """At start-up: finish announcements a restart interrupted (nothing is sent twice)."""
        interrupted = self.storage.announcements.announcements(AnnouncementState.SENDING)
        for announcement in interrupted:
            logger.info("Resuming announcement %d after a restart", announcement.id)
            self.services.spawn(
                self._broadcast(announcement, announcement.author_id),
                f"announcement-{announcement.id}",
            )
        return len(interrupted)

    async def _broadcast(self, announcement: Announcement, report_to: int) -> None:
        """Send to every active subscriber through the pacer, then report to the author."""
        kind = announcement_kind(announcement.id)
        text = announcement_text(announcement.text)
        try:
            blocked: set[int] = set()
            missed = 0
            for _ in range(BROADCAST_PASSES):
                items = [
                    Broadcast(
                        chat_id,
                        text,
                        DeliveryKey(chat_id, ANNOUNCEMENT_EVENT, kind),
                        NOTICE_PRIORITY,
                    )
                    for chat_id in self.storage.subscriptions.subscriber_chats()
                ]
                report: DeliveryReport[str] = await self.services.broadcast(items)
                blocked |= report.blocked_chats
                # A later pass sees these as already handled, so they are counted once.
                missed += report.count(Outcome.FAILED) + report.count(Outcome.UNCERTAIN)
                if report.settled:
                    break
            missed += report.count(Outcome.POSTPONED)
        except Exception:  # Services logs the error with its traceback
            logger.warning(
                "Announcement %d failed; it is resumed at the next start", announcement.id
            )
            await self._tell(report_to, texts.ANNOUNCE_FAILED)
            raise
        delivered = self.storage.subscriptions.delivered(ANNOUNCEMENT_EVENT, kind)
        self.storage.announcements.finish_announcement(
            announcement.id, delivered, len(blocked), self.services.clock()
        )
        logger.info(
            "Announcement %d: delivered to %d chat(s), %d deactivated, %d missed",
            announcement.id,
            delivered,
            len(blocked),
            missed,
        )
        lines = [
            texts.ANNOUNCE_REPORT.format(
                delivered=texts.chats(delivered), deactivated=texts.chats(len(blocked))
            )
        ]
        if blocked:
            lines.append(texts.ANNOUNCE_REPORT_DEACTIVATED)
        if missed:
            lines.append(texts.ANNOUNCE_REPORT_MISSED.format(missed=texts.chats(missed)))
        await self._tell(report_to, "\n".join(lines))

    async def _tell(self, chat_id: int, text: str) -> None:
        if self.messenger is None:
            return
        try:
            await self.messenger.send(chat_id, Outgoing(text, title=texts.ANNOUNCEMENT_HEADING))
        except Exception as error:
            logger.warning("Could not report to admin %s: %s", chat_id, type(error).__name__)

    def _own_announcement(self, context: Context) -> tuple[Announcement | None, Response]:
        """The announcement a Send/Avbryt button names, if this coordinator may act on it."""
        if not context.is_admin:
            logger.warning(
                "Refused an announcement button to user %s: not in ADMIN_IDS", context.chat.user_id
            )
            return None, Response(notice=_short(conversation_texts.ADMIN_ONLY))
        announcement_id = _number(context.argument)
        announcement = (
            self.storage.announcements.announcement(announcement_id)
            if announcement_id is not None
            else None
        )
        if announcement is None:
            return None, Response(notice=texts.ANNOUNCE_GONE, keyboard=())
        if announcement.author_id != context.chat.user_id:
            return None, Response(notice=texts.ANNOUNCE_NOT_YOURS)
        return announcement, Response()

    def _already(self, announcement_id: int) -> Response:
        current = self.storage.announcements.announcement(announcement_id)
        state = current.state.value if current is not None else "sent"
        return Response(notice=texts.ANNOUNCE_ALREADY.get(state, texts.ANNOUNCE_GONE), keyboard=())


def gather_statistics(
    storage: Storage, kb: KnowledgeBase | None, now: datetime, days: int = DEFAULT_DAYS
) -> Statistics:
    """The statistics for the `days` Oslo days up to and including today."""
    today = now.astimezone(OSLO).date()

    def title_of(entry_id: str) -> str | None:
        entry = kb.get(entry_id) if kb is not None else None
        return entry.title if entry is not None else None

    return compute_statistics(
        storage.questions.questions_since(period_start(today, days)),
        today=today,
        days=days,
        title_of=title_of,
        subscribers=storage.subscriptions.subscriber_count(),
    )


def announcement_text(text: str) -> str:
    """What subscribers get: the heading, then the coordinator's text (plain text)."""
    return f"{texts.ANNOUNCEMENT_HEADING}\n\n{text}"


def announcement_kind(announcement_id: int) -> str:
    return f"kunngjoring:{announcement_id}"


def _days(argument: str) -> int | None:
    argument = argument.strip()
    if not argument:
        return DEFAULT_DAYS
    number = _number(argument)
    return number if number is not None and 1 <= number <= MAX_DAYS else None


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def _without(buttons: Keyboard, *codes: str) -> Keyboard:
    """The keyboard without the buttons of these action codes (empty rows dropped)."""
    rows = (tuple(button for button in row if _code(button) not in codes) for row in buttons)
    return tuple(row for row in rows if row)


def _code(button: Button) -> str | None:
    try:
        return decode(button.data).code
    except BadButtonError:
        return None


def _short(text: str, limit: int = 200) -> str:
    """Telegram shows at most 200 characters where a button was pressed."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
