"""The delivery guarantee: never twice, and the one crash window. Told here once.

The ledger: claim, then send, then mark
----------------------------------------
Every reminder, change notice or announcement to a chat has a ledger row keyed
(chat_id, event_id, kind) in storage (bot.storage, `SubscriptionStore`). The pacer
(bot.delivery.pacer) first `claim`s the row (one atomic statement: it succeeds only if there is
no row yet, or the row was released after a failed attempt), right before the send, then sends,
then marks it `sent` as soon as Telegram has accepted the message. A send that failed for sure
is `release`d (may be claimed again) or marked `failed` (given up); a send whose outcome is
unknown (a timeout while waiting for Telegram's answer, see bot.delivery.failures) is marked
`unconfirmed`. Claimed, sent, failed and unconfirmed rows are never claimed again, so no
restart, reload or second wave can repeat a message: delivery is at-most-once per key.

The one crash window
--------------------
The process dies (SIGKILL, power cut, OOM) after a row was claimed and before it was marked
sent. Telegram may or may not have the message; the bot cannot know. It is not resent
(resending could repeat it). At the next start-up the runtime (bot.runtime.waves,
`settle_after_restart`) relabels such rows `unconfirmed` and logs how many there were. The
window is bounded:

* at most one message per chat: the pacer has at most one send in flight per chat;
* at most `Limits.max_in_flight` (8) messages in all: no more sends are ever in flight;
* per crash: everything not yet claimed is sent after the restart (late, if need be, but never
  after the samling has begun), and everything marked sent is never sent again.

A graceful stop (SIGTERM) does not use the window: nothing new is started, the sends in flight
get `CLOSE_GRACE` seconds to finish and be marked sent, and queued messages stay unclaimed for
the next start. Keys contain the event's date, so pruning old rows (bot.runtime.retention) can
never let an old message through again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.storage.records import DeliveryKey


class Ledger(Protocol):
    """The part of the `SubscriptionStore` (bot.storage.protocols) the pacer uses."""

    def claim(self, key: DeliveryKey, now: datetime) -> bool: ...

    def mark_sent(self, key: DeliveryKey, now: datetime) -> bool: ...

    def release(self, key: DeliveryKey, now: datetime) -> bool: ...

    def mark_failed(self, key: DeliveryKey, now: datetime) -> bool: ...

    def mark_unconfirmed(self, key: DeliveryKey, now: datetime) -> bool: ...
