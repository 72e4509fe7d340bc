"""Reloading the knowledge base: load and validate again, detect what changed, swap it in.

A knowledge base that fails validation is not loaded: the old one stays live and the errors
are returned. One that would take much away at once (an emptied or deleted file, most samlinger
gone) is held until a coordinator confirms it (bot.runtime.reload_guard). The files'
fingerprints (name, modification time, size) are kept for the watch
(bot.runtime.scheduler): it reloads when the files differ both from what is live and from the
last version that failed.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.core.changes import EventChange, detect_changes
from bot.core.knowledge import KnowledgeBase
from bot.core.loading import KnowledgeBaseError, load_knowledge_base
from bot.runtime import texts
from bot.runtime.live import Knowledge, LiveKnowledge
from bot.runtime.reload_guard import drastic_change
from bot.storage import SubscriptionStore

logger = logging.getLogger(__name__)

Fingerprint = tuple[tuple[str, int, int], ...]
Merge = Callable[[KnowledgeBase], KnowledgeBase]  # adds what is not in the files (calendar feeds)


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """What a reload did: `ok` with a summary, or not ok with every validation error."""

    ok: bool
    summary: str
    errors: tuple[str, ...] = ()
    changes: tuple[EventChange, ...] = ()
    held: int | None = None  # held for a confirmation (bot.runtime.reload_guard): its number

    @property
    def text(self) -> str:
        """The reply to /oppdater: the summary, or the errors one per line."""
        return "\n".join([self.summary, *self.errors])


class Reloader:
    """Loads KNOWLEDGE_DIR again into `live`; change detection against the saved snapshots."""

    def __init__(
        self,
        live: LiveKnowledge,
        store: SubscriptionStore,
        knowledge_dir: Path,
        clock: Callable[[], datetime],
        *,
        merge: Merge | None = None,
        files_kb: KnowledgeBase | None = None,
    ) -> None:
        self.live = live
        self.merge: Merge = merge or _as_read
        self.files_kb = files_kb or live.kb  # the knowledge base as the files hold it
        self.store = store
        self.knowledge_dir = knowledge_dir
        self.clock = clock
        self._lock = asyncio.Lock()
        # What the files looked like when the live knowledge was read, and when a reload last
        # failed; the watch reloads when the files differ from both.
        self.loaded_fingerprint = knowledge_fingerprint(knowledge_dir)
        self.failed_fingerprint: Fingerprint | None = None
        self.held: _Held | None = None  # a version waiting for a coordinator's confirmation
        self._held_numbers = 0

    def needs_reload(self, current: Fingerprint) -> bool:
        held = self.held.fingerprint if self.held is not None else None
        return current not in (self.loaded_fingerprint, self.failed_fingerprint, held)

    async def reload(self) -> ReloadResult:
        """Load KNOWLEDGE_DIR again; swap it in only if it is valid."""
        async with self._lock:
            directory = self.knowledge_dir
            fingerprint = knowledge_fingerprint(directory)  # before reading: no change is missed
            try:
                files_kb, knowledge = await asyncio.to_thread(_load, directory, self.merge)
            except KnowledgeBaseError as error:
                self.failed_fingerprint = fingerprint
                problems = tuple(str(problem) for problem in error.problems)
                return ReloadResult(
                    False, texts.invalid_summary(directory, len(problems)), problems
                )
            except OSError as error:
                self.failed_fingerprint = fingerprint
                return ReloadResult(False, texts.unreadable_summary(directory, error))
            drastic = drastic_change(self.live.kb, knowledge.kb)
            if drastic is not None:
                self._held_numbers += 1
                self.held = _Held(self._held_numbers, knowledge, fingerprint, files_kb)
                logger.warning(
                    "Knowledge reload held for confirmation: %d of %d samlinger removed, "
                    "emptied: %s",
                    drastic.removed,
                    drastic.samlinger,
                    ", ".join(drastic.emptied) or "none",
                )
                return ReloadResult(False, texts.held_summary(drastic), held=self.held.number)
            self.files_kb, self.held = files_kb, None
            return self._swap(knowledge, fingerprint)

    async def refresh(self) -> ReloadResult:
        """The files are as before, but what `merge` adds changed (a calendar feed). A version
        held for confirmation stays held."""
        async with self._lock:
            files_kb, merge = self.files_kb, self.merge
            knowledge = await asyncio.to_thread(lambda: Knowledge.of(merge(files_kb)))
            return self._swap(knowledge, self.loaded_fingerprint)

    async def confirm(self, number: int) -> ReloadResult:
        """A coordinator confirmed held version `number`: swap it in, if it is still the one
        on disk (else nothing changes and the reply says why)."""
        async with self._lock:
            held = self.held
            if held is None or held.number != number:
                return ReloadResult(False, texts.NOTHING_HELD)
            if knowledge_fingerprint(self.knowledge_dir) != held.fingerprint:
                return ReloadResult(False, texts.HELD_OUTDATED)
            logger.info("Held knowledge reload %d confirmed", number)
            self.files_kb, self.held = held.files_kb, None
            return self._swap(held.knowledge, held.fingerprint)

    def _swap(self, knowledge: Knowledge, fingerprint: Fingerprint) -> ReloadResult:
        self.loaded_fingerprint, self.failed_fingerprint = fingerprint, None
        kb = knowledge.kb
        changes = tuple(detect_changes(self.store.load_snapshots(), kb, self.clock()))
        self.live.swap(knowledge)
        logger.info(
            "Knowledge base reloaded: %d entries, %d samlinger, %d event changes",
            len(kb),
            len(kb.events),
            len(changes),
        )
        return ReloadResult(True, texts.reload_summary(kb, changes), changes=changes)


@dataclass(frozen=True, slots=True)
class _Held:
    number: int
    knowledge: Knowledge
    fingerprint: Fingerprint
    files_kb: KnowledgeBase  # the files as read, without what the feeds add


def knowledge_fingerprint(directory: Path) -> Fingerprint:
    """(name, modification time, size) of every *.yaml file: cheap to take every few seconds."""
    found = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.endswith(".yaml") and entry.is_file():
                    info = entry.stat()
                    found.append((entry.name, info.st_mtime_ns, info.st_size))
    except OSError:
        return ()
    return tuple(sorted(found))


def _load(directory: Path, merge: Merge) -> tuple[KnowledgeBase, Knowledge]:
    """Runs in a worker thread: parsing and indexing do not hold up replies."""
    files_kb = load_knowledge_base(directory)
    return files_kb, Knowledge.of(merge(files_kb))


def _as_read(kb: KnowledgeBase) -> KnowledgeBase:
    return kb
