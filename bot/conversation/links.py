"""Deep links: `https://t.me/<bot>?start=samling_<id>` opens the bot on one samling.

Telegram passes the part after `start=` to the bot as `/start <payload>`; a payload may hold
at most 64 characters from A–Z, a–z, 0–9, `_` and `-`, which entry ids (slugs) satisfy.
"""

from __future__ import annotations

import re

from bot.core.knowledge import Entry, KnowledgeBase

EVENT_PREFIX = "samling_"
ENTRY_PREFIX = "tema_"
_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


def deep_link_payload(entry: Entry) -> str | None:
    """The /start payload for an entry, or None when its id is too long for a deep link."""
    payload = (EVENT_PREFIX if entry.is_event else ENTRY_PREFIX) + entry.id
    return payload if _PAYLOAD.fullmatch(payload) else None


def deep_link(bot_username: str, entry: Entry) -> str | None:
    payload = deep_link_payload(entry)
    return None if payload is None else f"https://t.me/{bot_username}?start={payload}"


def entry_from_payload(kb: KnowledgeBase, payload: str) -> Entry | None:
    """The entry a /start payload names; `samling_` payloads must name a samling."""
    if not _PAYLOAD.fullmatch(payload):
        return None
    if payload.startswith(EVENT_PREFIX):
        entry = kb.get(payload.removeprefix(EVENT_PREFIX))
        return entry if entry is not None and entry.is_event else None
    if payload.startswith(ENTRY_PREFIX):
        return kb.get(payload.removeprefix(ENTRY_PREFIX))
    return None
