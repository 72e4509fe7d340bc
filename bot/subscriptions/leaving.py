"""/avmeld and /slettmeg: both ask first, with a button that does it, and say what they did.

/avmeld stops every subscription (the chat and its log of sent messages stay, so nothing is
sent twice if it subscribes again). /slettmeg deletes everything that came from the chat
(bot.storage: subscriptions, the log of sent messages, its questions, hand-overs, for a
coordinator the hand-overs shown and announcements written) and says what, in words.
In a group only the group's administrators may do either (the commands and buttons are
registered with `manages_chat`).
"""

from __future__ import annotations

from bot.conversation.callbacks import Action
from bot.conversation.commands import Context
from bot.conversation.messages import Outgoing, Response, say
from bot.conversation.replies import button
from bot.core import answers
from bot.storage import ChatData
from bot.subscriptions import texts
from bot.subscriptions.book import SubscriptionBook

# Button action codes.
UNSUBSCRIBE_ALL = "sa"  # "Ja, meld av alle" under the /avmeld question
FORGET = "sx"  # "Ja, slett alt" under the /slettmeg question
KEEP = "sk"  # "Avbryt" under either


class Leaving:
    def __init__(self, book: SubscriptionBook) -> None:
        self.book = book

    async def ask_unsubscribe_all(self, context: Context) -> Response:
        count = len(self.book.subscriptions(context.chat.id))
        if not count:
            return say(Outgoing(texts.NOTHING_TO_UNSUBSCRIBE, replace=context.from_button))
        rows = (
            (
                button(texts.BUTTON_CONFIRM_UNSUBSCRIBE, Action(UNSUBSCRIBE_ALL)),
                button(texts.BUTTON_KEEP, Action(KEEP)),
            ),
        )
        text = texts.ASK_UNSUBSCRIBE.format(count=_subscriptions(count))
        return say(Outgoing(text, buttons=rows, replace=context.from_button))

    async def unsubscribe_all(self, context: Context) -> Response:
        removed = self.book.unsubscribe_all(context.chat.id)
        if not removed:
            return say(Outgoing(texts.NOTHING_TO_UNSUBSCRIBE, replace=True))
        text = texts.UNSUBSCRIBED.format(count=_subscriptions(removed))
        return say(Outgoing(text, replace=True), notice=texts.DONE)

    async def ask_forget(self, context: Context) -> Response:
        stored = self.book.stored(context.chat.id)
        if not stored.total:
            return say(Outgoing(texts.NOTHING_STORED, replace=context.from_button))
        rows = (
            (
                button(texts.BUTTON_CONFIRM_FORGET, Action(FORGET)),
                button(texts.BUTTON_KEEP, Action(KEEP)),
            ),
        )
        text = texts.ASK_FORGET.format(what=describe(stored))
        return say(Outgoing(text, buttons=rows, replace=context.from_button))

    async def forget(self, context: Context) -> Response:
        deleted = self.book.forget(context.chat.id)
        if not deleted.total:
            return say(Outgoing(texts.NOTHING_STORED, replace=True))
        text = texts.FORGOTTEN.format(what=describe(deleted))
        return say(Outgoing(text, replace=True), notice=texts.DONE)

    async def keep(self, context: Context) -> Response:
        return say(Outgoing(texts.KEPT, replace=True))


def describe(data: ChatData) -> str:
    """ "3 spørsmål, 1 abonnement og chat-id-en": what is (or was) stored, in plain words."""
    parts = [
        _count(data.questions, "spørsmål", "spørsmål"),
        _count(data.subscriptions, "abonnement", "abonnementer"),
        _count(data.deliveries, "sendt melding", "sendte meldinger"),
        _count(
            data.handovers,
            "spørsmål sendt videre til en koordinator",
            "spørsmål sendt videre til en koordinator",
        ),
        _count(
            data.coordinator_messages,
            "spørsmål vist deg som koordinator",
            "spørsmål vist deg som koordinator",
        ),
        _count(data.announcements, "kunngjøring", "kunngjøringer"),
        texts.THE_CHAT if data.chat else "",
    ]
    return answers.join_words([part for part in parts if part])


def _count(number: int, one: str, many: str) -> str:
    if not number:
        return ""
    return f"{number} {one if number == 1 else many}"


def _subscriptions(count: int) -> str:
    return _count(count, "abonnement", "abonnementer")
