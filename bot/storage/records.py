"""What the stores hand out: plain, immutable records with no database types in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

CLAIM_TIMEOUT = timedelta(minutes=5)  # no send takes longer; an older claim is from a crash


@dataclass(frozen=True, slots=True)
class ChatRecord:
    """A chat as stored: its id and whether the bot may write to it (it did not block us)."""

    chat_id: int
    active: bool
    created_at: datetime
    updated_at: datetime


class DeliveryState(StrEnum):
    CLAIMED = "claimed"  # being sent; stays so if the bot died mid-send
    SENT = "sent"
    RELEASED = "released"  # the send failed for sure; may be claimed again
    FAILED = "failed"  # given up
    UNCONFIRMED = "unconfirmed"  # unknown whether it arrived (timeout, crash); not resent


@dataclass(frozen=True, slots=True)
class DeliveryKey:
    """One message to one chat: a reminder ("day:2026-03-10") or a notice ("cancelled:2")."""

    chat_id: int
    event_id: str
    kind: str


@dataclass(frozen=True, slots=True)
class Delivery:
    key: DeliveryKey
    state: DeliveryState
    attempts: int
    created_at: datetime
    updated_at: datetime


class HandoverState(StrEnum):
    PENDING = "pending"  # waiting for a coordinator
    ANSWERED = "answered"  # delivered; chat id and name are gone
    UNDELIVERABLE = "undeliverable"  # the asker could not be reached; the answer is kept


@dataclass(frozen=True, slots=True)
class Handover:
    id: int
    question_id: int | None
    chat_id: int | None  # None once answered
    first_name: str | None
    question: str
    state: HandoverState
    answer: str | None
    created_at: datetime
    answered_at: datetime | None


class AnnouncementState(StrEnum):
    PENDING = "pending"  # previewed, waiting for "Send" or "Avbryt"
    SENDING = "sending"  # confirmed; being broadcast (resumed after a restart)
    SENT = "sent"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Announcement:
    id: int
    author_id: int
    text: str
    state: AnnouncementState
    recipients: int | None
    delivered: int | None
    deactivated: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Expired:
    """What retention removed (bot.runtime.retention)."""

    questions: int
    handovers: int
    announcements: int


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one samling changed by a coordinator: who, when, what, before and after.

    `old_value` is None when the field was empty, `new_value` None when it was cleared.
    """

    id: int
    admin_id: int  # the coordinator's Telegram user id
    changed_at: datetime
    event_id: str  # the samling's id in the knowledge base
    field: str
    old_value: str | None
    new_value: str | None
    undoes: int | None = None  # the id of the change this one took back (/angre)


@dataclass(frozen=True, slots=True)
class ChatData:
    """What is stored from one chat, by kind: what /slettmeg shows and deletes."""

    chat: int = 0  # the chat itself (its id, active or not)
    subscriptions: int = 0
    deliveries: int = 0  # the log of reminders and notices sent to it
    questions: int = 0  # question-log rows asked in it (found by its pseudonym)
    handovers: int = 0  # its questions handed over to a coordinator
    coordinator_messages: int = 0  # an admin's chat: hand-overs shown to it
    announcements: int = 0  # an admin's chat: announcements written in it

    @property
    def total(self) -> int:
        return (
            self.chat
            + self.subscriptions
            + self.deliveries
            + self.questions
            + self.handovers
            + self.coordinator_messages
            + self.announcements
        )


class FileEvent(StrEnum):
    """What happened to the database file while it was open (Storage.database_file_event)."""

    RESTORED = "restored"  # deleted; written back from the open connection, nothing lost
    REPLACED = "replaced"  # another file was put in its place; that one is used from now on
