"""Saving a coordinator's change to the YAML knowledge base, and taking one back.

Every save runs the same way, under `editing_lock`: read the file again (another coordinator
may have saved a moment ago), apply this one change to what is there now, validate the whole
knowledge base with the real loader, replace the file, and log the change (who, when, which
samling, old → new) in the change store. Then the runtime's reload makes it live and sends
subscribers the same notices as for a hand edit (new, moved, cancelled). Two coordinators
saving at once are serialised by the lock, so neither change is lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from bot.core.entry_files import MAX_ID_BYTES
from bot.core.knowledge import Entry, Kind, KnowledgeBase
from bot.core.loading import Problem
from bot.core.yaml_values import slugify
from bot.editing.entry_file import EntryFile, editing_lock, replace_file, set_field, validate
from bot.editing.values import FIELDS, Value, ValueProblemError, read_value, value_text, yaml_value
from bot.runtime.live import LiveKnowledge
from bot.storage import ChangeStore
from bot.storage.records import Change

logger = logging.getLogger(__name__)

NEW_EVENTS_FILE = "samlinger.yaml"  # where a samling made from Telegram is written
CREATED = "ny"  # the change log's field for a samling that was added
Reload = Callable[[], Awaitable[object]]


class EditError(Exception):
    """A change that cannot be saved; the message is Norwegian, for the coordinator."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry as it would be after a change: valid (with its knowledge base) or not."""

    entry_id: str
    kb: KnowledgeBase | None
    problems: tuple[Problem, ...]

    @property
    def entry(self) -> Entry | None:
        return None if self.kb is None else self.kb.get(self.entry_id)


@dataclass(frozen=True, slots=True)
class Saved:
    change: Change
    title: str


class Editor:
    """Creates, edits, cancels and un-does samlinger in the files of `knowledge_dir`."""

    def __init__(
        self, knowledge_dir: Path, live: LiveKnowledge, changes: ChangeStore, reload: Reload
    ) -> None:
        self.knowledge_dir = knowledge_dir
        self.live = live
        self.changes = changes
        self.reload = reload

    # -- trying a change without saving it ------------------------------------------------------

    def try_new(self, fields: Mapping[str, Value], kb: KnowledgeBase, today: date) -> Candidate:
        """The new samling as it would be saved, checked by the loader."""
        path = self.knowledge_dir / NEW_EVENTS_FILE
        document = EntryFile(path)
        entry = new_entry(fields, kb, today)
        document.append(entry)
        return self._candidate(str(entry["id"]), path, document)

    def try_edit(self, entry_id: str, field: str, value: Value | None, today: date) -> Candidate:
        try:
            path, document, entry = self._open(entry_id)
        except EditError as gone:  # removed meanwhile (by hand, or someone's /angre)
            return Candidate(entry_id, None, (Problem("", 0, entry_id, field, str(gone)),))
        set_field(entry, field, None if value is None else yaml_value(value))
        set_field(entry, "updated", today)
        return self._candidate(entry_id, path, document)

    # -- saving ---------------------------------------------------------------------------------

    async def create(
        self, admin_id: int, fields: Mapping[str, Value], kb: KnowledgeBase, now: datetime
    ) -> Saved:
        def apply() -> tuple[str, str | None, str | None, str]:
            path = self.knowledge_dir / NEW_EVENTS_FILE
            document = EntryFile(path)
            taken = {e.id for e in kb} | {str(e.get("id")) for e in document.entries}
            entry = new_entry(fields, kb, now.date(), taken=taken)
            document.append(entry)
            entry_id = str(entry["id"])
            self._save(entry_id, path, document)
            return entry_id, None, str(entry["title"]), CREATED

        return await self._saving(admin_id, apply, now)

    async def edit(
        self, admin_id: int, entry_id: str, field: str, value: Value | None, now: datetime
    ) -> Saved:
        def apply() -> tuple[str, str | None, str | None, str]:
            path, document, entry = self._open(entry_id)
            old = _current_text(entry, field)
            set_field(entry, field, None if value is None else yaml_value(value))
            set_field(entry, "updated", now.date())
            self._save(entry_id, path, document)
            return entry_id, old, value_text(value), field

        return await self._saving(admin_id, apply, now)

    async def cancel(self, admin_id: int, entry_id: str, now: datetime) -> Saved:
        return await self.edit(admin_id, entry_id, "cancelled", True, now)

    async def undo(self, admin_id: int, kb: KnowledgeBase, now: datetime) -> Saved:
        """Take back this coordinator's last change that is not yet taken back."""
        last = self.changes.last_undoable_by(admin_id)
        if last is None:
            raise EditError("Du har ingen endring som kan angres.")

        def apply() -> tuple[str, str | None, str | None, str]:
            path, document, entry = self._open(last.event_id)
            if last.field == CREATED:
                document.remove(last.event_id)
                self._save(None, path, document)
                return last.event_id, last.new_value, None, CREATED
            current = _current_text(entry, last.field)
            if current != last.new_value:
                raise EditError(
                    f"Feltet {FIELDS[last.field].label} er endret etter deg (nå: "
                    f"{current or 'tomt'}), så jeg angrer ikke. Bruk /endresamling."
                )
            old = (
                None
                if last.old_value is None
                else read_value(last.field, last.old_value, now.date(), kb)
            )
            set_field(entry, last.field, None if old is None else yaml_value(old))
            self._save(last.event_id, path, document)
            return last.event_id, last.new_value, last.old_value, last.field

        return await self._saving(admin_id, apply, now, undoes=last.id)

    # -- inside -----------------------------------------------------------------------------------

    async def _saving(
        self,
        admin_id: int,
        apply: Callable[[], tuple[str, str | None, str | None, str]],
        now: datetime,
        undoes: int | None = None,
    ) -> Saved:
        def locked() -> tuple[str, str | None, str | None, str]:
            with editing_lock(self.knowledge_dir):
                return apply()

        try:  # files in a worker thread (validation takes a moment); the log stays on the loop
            entry_id, old, new, field = await asyncio.to_thread(locked)
        except ValueProblemError as problem:
            raise EditError(str(problem)) from None
        except OSError as error:
            reason = error.strerror or error
            raise EditError(f"Kunne ikke skrive kunnskapsbasen: {reason}") from None
        change = self.changes.record(admin_id, entry_id, field, old, new, now, undoes)
        logger.info("Samling %s: %s changed by admin %s", entry_id, field, admin_id)
        await self.reload()
        return Saved(change, new or old or entry_id)

    def _open(self, entry_id: str) -> tuple[Path, EntryFile, CommentedMap]:
        """The file that holds the entry now: where the live one was read, else any."""
        live = self.live.kb.get(entry_id)
        if live is not None and live.origin is not None:
            document = EntryFile(Path(live.origin.path))
            entry = document.find(entry_id)
            if entry is not None:
                return Path(live.origin.path), document, entry
        for path in sorted(self.knowledge_dir.glob("*.yaml")):
            if path.name in ("sources.yaml", "vocabulary.yaml"):
                continue
            document = EntryFile(path)
            entry = document.find(entry_id)
            if entry is not None:
                return path, document, entry
        raise EditError(f"Finner ikke samlingen «{entry_id}» i kunnskapsbasen lenger.")

    def _candidate(self, entry_id: str, path: Path, document: EntryFile) -> Candidate:
        kb, problems = validate(self.knowledge_dir, path, document.text())
        return Candidate(entry_id, kb, tuple(problems))

    def _save(self, entry_id: str | None, path: Path, document: EntryFile) -> None:
        text = document.text()
        kb, problems = validate(self.knowledge_dir, path, text)
        if kb is None:
            own = [p for p in problems if entry_id is None or p.entry_id == entry_id]
            raise EditError("Ikke lagret: " + "; ".join(p.message for p in (own or problems)[:3]))
        replace_file(path, text)


def new_entry(
    fields: Mapping[str, Value], kb: KnowledgeBase, today: date, taken: set[str] | None = None
) -> CommentedMap:
    """The YAML of a new samling: id from title and date, today's date, a fitting source."""
    entry = CommentedMap()
    entry["id"] = event_id(
        str(fields.get("title", "")),
        fields.get("start"),
        taken if taken is not None else {e.id for e in kb},
    )
    entry["kind"] = Kind.EVENT.value
    values = {name: yaml_value(value) for name, value in fields.items() if name in FIELDS}
    entry["title"] = values.pop("title", "")
    if "answer" in values:
        entry["answer"] = values.pop("answer")
    entry["source"] = _source_for(kb, fields.get("region"))
    entry["updated"] = today
    for name in FIELDS:  # the format's order
        if name in values:
            entry[name] = values[name]
    return entry


def event_id(title: str, start: object, taken: set[str]) -> str:
    """`nettverkssamling-skole-2027-01-14`: short enough for button data, and unique."""
    day = start.isoformat() if isinstance(start, date) else "uten-dato"
    room = MAX_ID_BYTES - len(day) - 4  # "-" before the date, and "-99" to tell twins apart
    slug = slugify(title)[:room].rstrip("-")
    base = f"{slug}-{day}" if slug else f"samling-{day}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _source_for(kb: KnowledgeBase, region: object) -> str:
    """The source most samlinger of the same region use, else most samlinger use."""
    same_region = Counter(e.source for e in kb.events if e.event and e.event.region == region)
    every = Counter(e.source for e in kb.events)
    for counted in (same_region, every):
        if counted:
            return counted.most_common(1)[0][0]
    return next(iter(kb.sources))


def _current_text(entry: CommentedMap, field: str) -> str | None:
    """The field's value as the change log writes it (ruamel reads a sequence as a list)."""
    return value_text(entry.get(field))
