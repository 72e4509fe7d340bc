"""/kunngjoring (coordinators only): an announcement to every subscriber, sent at most once.

/kunngjoring <tekst> stores the text as a pending announcement and shows a preview with the
number of recipients and "Send"/"Avbryt". "Send" moves it to "sending" in one atomic update (a
double press, or a second coordinator, cannot send it twice) and broadcasts it through the
paced broadcaster with one ledger key per chat (bot.delivery.ledger), so a restart mid-way
resumes without sending anything twice (`resume`). A text the channel sends in several messages
gets one ledger key per part, so a failure on part 3 resends part 3 only. The author then gets
"Levert til N, M chatter deaktivert", with how many got only some of the parts. Only the
coordinator who wrote an announcement can send or cancel it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.admin import texts
from bot.admin.buttons import number
from bot.conversation import texts as conversation_texts
from bot.conversation.callbacks import Action, encode
from bot.conversation.commands import Context
from bot.conversation.interfaces import Messenger
from bot.conversation.messages import Button, Outgoing, Response, say
from bot.delivery.pacer import NOTICE_PRIORITY, Broadcast, DeliveryReport
from bot.runtime.outage import RetryPolicy
from bot.runtime.tasks import Background
from bot.runtime.waves import Waves
from bot.storage import (
    Announcement,
    AnnouncementState,
    AnnouncementStore,
    DeliveryKey,
    SubscriptionStore,
)

logger = logging.getLogger(__name__)

SEND = "ks"  # "📣 Send" under an announcement preview (argument: its id)
CANCEL = "ka"  # "Avbryt"
ANNOUNCEMENT_EVENT = "announcement"  # the ledger's event_id for announcements
BROADCAST_PASSES = 3  # a broadcast that hit flood control too often tries the rest again


class Announcements:
    """The /kunngjoring command and its Send/Avbryt buttons; see the module docstring."""

    def __init__(
        self,
        announcements: AnnouncementStore,
        subscribers: SubscriptionStore,
        waves: Waves,
        background: Background,
        clock: Callable[[], datetime],
        *,
        messenger: Messenger | None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.announcements = announcements
        self.subscribers = subscribers
        self.waves = waves
        self.background = background
        self.clock = clock
        self.messenger = messenger
        self.retry = retry or RetryPolicy()
        self.sleep = sleep

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
        if not self.waves.can_broadcast:
            return say(Outgoing(texts.ANNOUNCE_NO_BROADCAST))
        recipients = self.subscribers.subscriber_count()
        if recipients == 0:
            return say(Outgoing(texts.ANNOUNCE_NO_RECIPIENTS))
        author = context.chat.user_id
        assert author is not None  # admin_only: only a known user gets here
        announcement = self.announcements.create_announcement(author, text, context.now)
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

    async def send(self, context: Context) -> Response:
        announcement, refusal = self._own_announcement(context)
        if announcement is None:
            return refusal
        if not self.waves.can_broadcast:
            return Response(notice=texts.ANNOUNCE_NO_BROADCAST)
        recipients = self.subscribers.subscriber_count()
        if not self.announcements.start_announcement(announcement.id, recipients, context.now):
            return self._already(announcement.id)  # a double press lands here
        logger.info(
            "Announcement %d confirmed by admin %s for %d chat(s)",
            announcement.id,
            context.chat.user_id,
            recipients,
        )
        self.background.spawn(
            self._broadcast(announcement, context.chat.id), f"announcement-{announcement.id}"
        )
        return Response(
            (Outgoing(texts.ANNOUNCE_SENDING.format(recipients=texts.subscribers(recipients))),),
            notice=texts.ANNOUNCE_SENDING_NOTICE,
            keyboard=(),
        )

    async def cancel(self, context: Context) -> Response:
        announcement, refusal = self._own_announcement(context)
        if announcement is None:
            return refusal
        if not self.announcements.cancel_announcement(announcement.id, context.now):
            return self._already(announcement.id)
        return Response(
            (Outgoing(texts.ANNOUNCE_CANCELLED),),
            notice=texts.ANNOUNCE_CANCELLED_NOTICE,
            keyboard=(),
        )

    def resume(self) -> int:
        """At start-up: finish announcements a restart interrupted (nothing is sent twice)."""
        interrupted = self.announcements.announcements(AnnouncementState.SENDING)
        for announcement in interrupted:
            logger.info("Resuming announcement %d after a restart", announcement.id)
            self.background.spawn(
                self._broadcast(announcement, announcement.author_id),
                f"announcement-{announcement.id}",
            )
        return len(interrupted)

    async def _broadcast(self, announcement: Announcement, report_to: int) -> None:
        """Send to every active subscriber through the pacer, then report to the author.

        A long text goes out in the channel's parts, each with its own ledger key, so a
        failure on one part resends only that part and nobody gets a part twice; the report
        counts, from the ledger, who got every part, who only some, and who none. A failure
        (a locked database, a full disk) is tried again with backoff (bot.runtime.outage)
        until it goes through; the author hears about it once."""
        parts = self.waves.parts(announcement_text(announcement.text))
        kinds = part_kinds(announcement.id, len(parts))
        recipients: set[int] = set()
        blocked: set[int] = set()
        failures = 0
        while True:
            try:
                await self._deliver(parts, kinds, recipients, blocked)
                sent = self.subscribers.sent_per_chat(ANNOUNCEMENT_EVENT, kinds)
                tally = Tally.of(recipients, blocked, sent, len(parts))
                self.announcements.finish_announcement(
                    announcement.id, tally.complete, len(blocked), self.clock()
                )
                break
            except Exception as error:
                if not self.waves.can_broadcast:  # shutting down: resumed at the next start
                    logger.warning("Announcement %d stopped by shutdown", announcement.id)
                    return
                failures += 1
                delay = self.retry.delay(failures)
                logger.warning(
                    "Announcement %d failed (%s, %d in a row); trying again in %d s",
                    announcement.id,
                    type(error).__name__,
                    failures,
                    delay.total_seconds(),
                    exc_info=error if failures == 1 else None,
                )
                if failures == 1:
                    await self._tell(report_to, texts.ANNOUNCE_FAILED)
                await self.sleep(delay.total_seconds())
        logger.info(
            "Announcement %d in %d part(s): all parts to %d chat(s), some to %d, none to %d, "
            "%d deactivated",
            announcement.id,
            len(parts),
            tally.complete,
            tally.partial,
            tally.missed,
            len(blocked),
        )
        await self._tell(report_to, tally.report(len(blocked)))

    async def _deliver(
        self, parts: list[str], kinds: list[str], recipients: set[int], blocked: set[int]
    ) -> None:
        """The passes of one try; `recipients` and `blocked` grow across tries."""
        for _ in range(BROADCAST_PASSES):
            chats = self.subscribers.subscriber_chats()
            recipients.update(chats)
            items = [
                Broadcast(chat_id, part, _key(chat_id, kind), NOTICE_PRIORITY)
                for chat_id in chats
                for part, kind in zip(parts, kinds, strict=True)
            ]
            report: DeliveryReport[str] = await self.waves.broadcast(items)
            blocked |= report.blocked_chats
            if report.settled:  # else a later pass sends what was postponed, only that
                return

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
            return None, Response(notice=conversation_texts.ADMIN_ONLY)
        announcement_id = number(context.argument)
        announcement = (
            self.announcements.announcement(announcement_id)
            if announcement_id is not None
            else None
        )
        if announcement is None:
            return None, Response(notice=texts.ANNOUNCE_GONE, keyboard=())
        if announcement.author_id != context.chat.user_id:
            return None, Response(notice=texts.ANNOUNCE_NOT_YOURS)
        return announcement, Response()

    def _already(self, announcement_id: int) -> Response:
        current = self.announcements.announcement(announcement_id)
        state = current.state.value if current is not None else "sent"
        return Response(notice=texts.ANNOUNCE_ALREADY.get(state, texts.ANNOUNCE_GONE), keyboard=())


def announcement_text(text: str) -> str:
    """What subscribers get: the heading, then the coordinator's text (plain text)."""
    return f"{texts.ANNOUNCEMENT_HEADING}\n\n{text}"


def announcement_kind(announcement_id: int) -> str:
    return f"kunngjoring:{announcement_id}"


def _key(chat_id: int, kind: str) -> DeliveryKey:
    return DeliveryKey(chat_id, ANNOUNCEMENT_EVENT, kind)


def part_kinds(announcement_id: int, parts: int) -> list[str]:
    """The ledger kind of each part: the first keeps the one-part key, the others add ":delN"."""
    first = announcement_kind(announcement_id)
    return [first, *(f"{first}:del{number}" for number in range(2, parts + 1))]


@dataclass(frozen=True, slots=True)
class Tally:
    """Who got an announcement of `parts` parts, counted from the ledger."""

    parts: int
    complete: int  # every part
    partial: int  # some parts
    missed: int  # none (and not blocked)

    @classmethod
    def of(cls, recipients: set[int], blocked: set[int], sent: dict[int, int], parts: int) -> Tally:
        counts = [sent.get(chat_id, 0) for chat_id in recipients]
        unreached = [chat_id for chat_id in recipients - blocked if sent.get(chat_id, 0) == 0]
        return cls(
            parts,
            complete=sum(1 for got in counts if got >= parts),
            partial=sum(1 for got in counts if 0 < got < parts),
            missed=len(unreached),
        )

    def report(self, deactivated: int) -> str:
        lines = [
            texts.ANNOUNCE_REPORT.format(
                delivered=texts.chats(self.complete), deactivated=texts.chats(deactivated)
            )
        ]
        if self.parts > 1:
            lines.append(texts.ANNOUNCE_REPORT_PARTS.format(parts=self.parts))
        if self.partial:
            lines.append(texts.ANNOUNCE_REPORT_PARTIAL.format(partial=texts.chats(self.partial)))
        if deactivated:
            lines.append(texts.ANNOUNCE_REPORT_DEACTIVATED)
        if self.missed:
            lines.append(texts.ANNOUNCE_REPORT_MISSED.format(missed=texts.chats(self.missed)))
        return "\n".join(lines)
