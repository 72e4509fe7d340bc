"""The subscription book: every write to a chat's subscriptions, and the one place that tells
the scheduler about it, so the next reminder is planned in time.

Reads go straight to the store; writes go through here and call `on_change(chat_id)` once
they are stored (the scheduler's `reminders_changed`: it asks the planner about that chat).
What is stored is only the chat id, the scope and the lead times (and timestamps).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from bot.core.reminders import DEFAULT_LEAD_TIMES, LeadTime, Scope, Subscription
from bot.storage import ChatData, ChatRecord, Storage, StorageError

logger = logging.getLogger(__name__)

OnChange = Callable[[int], None]


class SubscriptionBook:
    def __init__(
        self, storage: Storage, clock: Callable[[], datetime], on_change: OnChange | None = None
    ) -> None:
        self._storage = storage
        self._store = storage.subscriptions
        self._clock = clock
        self._on_change = on_change

    # -- reads ----------------------------------------------------------------------------------

    def subscriptions(self, chat_id: int) -> list[Subscription]:
        return self._store.subscriptions(chat_id)

    def chat(self, chat_id: int) -> ChatRecord | None:
        return self._store.chat(chat_id)

    def stored(self, chat_id: int) -> ChatData:
        """Everything stored from the chat, by kind (what /slettmeg would delete)."""
        return self._storage.about_chat(chat_id)

    # -- writes, each followed by `on_change` ---------------------------------------------------

    def subscribe(
        self,
        chat_id: int,
        now: datetime,
        scope: Scope,
        lead_times: Iterable[LeadTime] = DEFAULT_LEAD_TIMES,
    ) -> Subscription:
        """Follow `scope` (again: only its lead times change); the chat is (re)activated."""
        subscription = self._store.subscribe(chat_id, now, scope, lead_times)
        self._changed(chat_id)
        return subscription

    def replace(
        self, chat_id: int, scope: Scope, now: datetime, lead_times: Iterable[LeadTime]
    ) -> Subscription:
        """Narrow or widen: the chat follows exactly `scope` from now on."""
        subscription = self._store.replace_subscriptions(chat_id, scope, now, lead_times)
        self._changed(chat_id)
        return subscription

    def unsubscribe(self, chat_id: int, scope: Scope) -> bool:
        removed = self._store.unsubscribe(chat_id, scope)
        if removed:
            self._changed(chat_id)
        return removed

    def unsubscribe_all(self, chat_id: int) -> int:
        removed = self._store.unsubscribe_all(chat_id)
        self._changed(chat_id)
        return removed

    def forget(self, chat_id: int) -> ChatData:
        """/slettmeg: everything that came from the chat; returns what was deleted."""
        deleted = self._storage.forget_chat(chat_id)
        self._changed(chat_id)
        return deleted

    def reactivate(self, chat_id: int, now: datetime) -> bool:
        """The chat wants messages again (it wrote to the bot); True if it was paused."""
        resumed = self._store.reactivate_chat(chat_id, now)
        if resumed:
            self._changed(chat_id)
        return resumed

    def renew(self, chat_id: int, now: datetime) -> None:
        """/abonner when already subscribed: resume a paused chat and plan its reminders."""
        self._store.reactivate_chat(chat_id, now)
        self._changed(chat_id)

    def deactivate(self, chat_id: int, now: datetime) -> bool:
        """The chat blocked the bot: pause it, keep its settings (nothing comes earlier)."""
        return self._store.deactivate_chat(chat_id, now)

    def _changed(self, chat_id: int) -> None:
        if self._on_change is not None:
            self._on_change(chat_id)


class StoredChatStatus:
    """The conversation's ChatStatus kept in storage: a chat that blocked the bot is inactive
    (its subscriptions paused) until it writes again. Chats without subscriptions are not
    stored."""

    def __init__(self, book: SubscriptionBook, clock: Callable[[], datetime]) -> None:
        self.book = book
        self.clock = clock

    def mark_inactive(self, chat_id: int) -> None:
        try:
            self.book.deactivate(chat_id, self.clock())
        except StorageError as error:  # a full disk: the chat only fails once more
            logger.warning("Could not pause chat %s: %s", chat_id, error)

    def mark_active(self, chat_id: int) -> None:
        """Called before a paused chat's message is answered: a failed write (a full disk)
        must not cost the answer; the chat stays paused until a write succeeds."""
        try:
            self.book.reactivate(chat_id, self.clock())
        except StorageError as error:
            logger.warning("Could not resume chat %s: %s", chat_id, error)

    def is_active(self, chat_id: int) -> bool:
        chat = self.book.chat(chat_id)
        return chat is None or chat.active
