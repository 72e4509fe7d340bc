"""A reload that would take much away at once waits for a coordinator to confirm it.

A knowledge file that was emptied or deleted by mistake still validates: without this guard
every subscriber would get "tatt ut av oversikten" for each samling in it, and "Ny samling"
again when the file came back. So a reload (bot.runtime.reload) is held, not swapped in, when

* a file that had entries has none now (emptied, reduced to comments, or deleted), or
* it removes most of the samlinger: more than half, and at least `MIN_REMOVED` of them.

While it is held the old knowledge stays live (the samlinger are still answered) and nobody is
notified. The admins get one message with a confirm button (`CONFIRM_RELOAD`); pressing it
swaps the held version in (if the files are still the ones read), and only then do the change
notices go out. Files that change again replace the held version, or, if the change is
ordinary again (the file came back), are loaded as usual and the held version is dropped.

A restart reads the files without a reload, so the notice wave holds the same storm itself
(`too_many_removals`): when most of the samlinger the subscribers know of are gone since the
saved snapshots, nothing is sent until a coordinator presses `CONFIRM_NOTICES`; restoring the
file makes the removals, and the question, go away.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

from bot.conversation.callbacks import Action, encode
from bot.conversation.messages import Button, Keyboard
from bot.core.changes import ChangeKind, EventChange
from bot.core.knowledge import KnowledgeBase

CONFIRM_RELOAD = "kb"  # the confirm button under a held reload (argument: its number)
CONFIRM_NOTICES = "kv"  # "send the removal notices" after a restart (bot.runtime.waves)
MIN_REMOVED = 2


@dataclass(frozen=True, slots=True)
class Drastic:
    """Why a reload is held."""

    emptied: tuple[str, ...]  # file names that had entries and have none now
    removed: int  # samlinger that would disappear
    samlinger: int  # samlinger live now


def drastic_change(live: KnowledgeBase, loaded: KnowledgeBase) -> Drastic | None:
    """Why swapping `loaded` in for `live` needs a confirmation; None if it does not."""
    before, after = _entries_per_file(live), _entries_per_file(loaded)
    emptied = tuple(sorted(name for name in before if not after.get(name)))
    remaining = {entry.id for entry in loaded.events}
    removed = sum(1 for entry in live.events if entry.id not in remaining)
    most = removed >= MIN_REMOVED and 2 * removed > len(live.events)
    if not emptied and not most:
        return None
    return Drastic(emptied, removed, len(live.events))


def too_many_removals(changes: list[EventChange], upcoming_before: int) -> int:
    """How many samlinger the notices would call removed, if that is most of the
    `upcoming_before` the subscribers knew of (else 0: send as usual)."""
    removed = sum(1 for change in changes if change.kind is ChangeKind.REMOVED)
    return removed if removed >= MIN_REMOVED and 2 * removed > upcoming_before else 0


def confirm_keyboard(held: int) -> Keyboard:
    return ((Button("✅ Ja, ta i bruk", encode(Action(CONFIRM_RELOAD, str(held)))),),)


def notices_keyboard() -> Keyboard:
    return ((Button("📣 Send beskjed", encode(Action(CONFIRM_NOTICES))),),)


def _entries_per_file(kb: KnowledgeBase) -> Counter[str]:
    return Counter(PurePath(entry.origin.path).name for entry in kb if entry.origin is not None)
