"""Per-chat memory of what was talked about last, so follow-ups ("og når er fristen da?") work.

Kept in process memory only: a restart forgets it, which costs at most one re-asked question,
and nothing a user wrote is stored (only entry ids and a moment). `bot.core.memory` decides when
a memory is too old; this store only holds the newest one per chat, for a bounded number of
chats.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime

from bot.core.memory import Memory, remember

MAX_CHATS = 10_000  # the least recently active chats are forgotten first


class ChatMemories:
    def __init__(self, max_chats: int = MAX_CHATS) -> None:
        self._memories: OrderedDict[int, Memory] = OrderedDict()
        self._max_chats = max_chats

    def get(self, chat_id: int, now: datetime) -> Memory | None:
        memory = self._memories.get(chat_id)
        return memory if memory is not None and memory.fresh(now) else None

    def update(self, chat_id: int, subjects: tuple[str, ...], now: datetime) -> None:
        """After an answer: remember its subjects (or keep the old ones fresh)."""
        memory = remember(self.get(chat_id, now), subjects, now)
        self._memories.pop(chat_id, None)
        if memory is None:
            return
        self._memories[chat_id] = memory
        while len(self._memories) > self._max_chats:
            self._memories.popitem(last=False)
