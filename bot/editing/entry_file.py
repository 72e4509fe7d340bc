"""One entry file of the knowledge directory, edited so that a diff shows only the change.

ruamel.yaml reads the file round-trip: comments, key order, quoting and the other entries are
written back as they were (the shipped files come back byte for byte). A candidate is checked
by the knowledge base's own loader (bot.core.loading) in a scratch copy of the directory, so an
edit obeys exactly the rules of `python -m bot check`, and only a valid file replaces the old
one (a temporary file in the same directory, then an atomic rename).

`editing_lock` serialises every save, between threads and between processes (the terminal
chat and the bot on one machine): whoever saves re-reads the file under it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import io
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.core.entry_files import ENTRY_FIELDS
from bot.core.knowledge import KnowledgeBase
from bot.core.loading import KnowledgeBaseError, Problem, load_knowledge_base

LOCK_FILE = ".kompetansebot-redigering.lock"
_THREAD_LOCK = threading.Lock()
_FIELD_ORDER = {name: number for number, name in enumerate(ENTRY_FIELDS)}


class EntryFile:
    """An entry file as a round-trip YAML list; nothing is written until `text` is saved."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        self._yaml = _round_trip()
        loaded = self._yaml.load(text) if text.strip() else None
        self.entries: CommentedSeq = loaded if isinstance(loaded, CommentedSeq) else CommentedSeq()
        # The shipped files write "- id:" at the left margin, nested lists indented under
        # their key; ruamel writes both one way, so the left margin is taken back after.
        self._flush_left = not text.strip() or any(
            line.startswith("- ") for line in text.splitlines()
        )
        self._appended: list[str] = []

    def find(self, entry_id: str) -> CommentedMap | None:
        for entry in self.entries:
            if isinstance(entry, CommentedMap) and entry.get("id") == entry_id:
                return entry
        return None

    def append(self, entry: CommentedMap) -> None:
        self.entries.append(entry)
        self._appended.append(f"- id: {entry['id']}\n")

    def remove(self, entry_id: str) -> bool:
        for number, entry in enumerate(self.entries):
            if isinstance(entry, CommentedMap) and entry.get("id") == entry_id:
                del self.entries[number]
                return True
        return False

    def text(self) -> str:
        out = io.StringIO()
        transform = _flush_left if self._flush_left else None
        self._yaml.dump(self.entries, out, transform=transform)
        lines = out.getvalue().splitlines(True)
        for number, line in enumerate(lines):  # a blank line between entries, as by hand
            if number and line.lstrip() in self._appended and lines[number - 1].strip():
                lines[number] = "\n" + line
        return "".join(lines)


def set_field(entry: CommentedMap, name: str, value: object | None) -> None:
    """Set a field (None: remove it); a new field goes where the format lists it."""
    if value is None:
        entry.pop(name, None)
        return
    if name in entry:
        entry[name] = value
        return
    order = _FIELD_ORDER.get(name, len(_FIELD_ORDER))
    keys = list(entry.keys())
    position = next(
        (n for n, key in enumerate(keys) if _FIELD_ORDER.get(key, len(_FIELD_ORDER)) > order),
        len(keys),
    )
    entry.insert(position, name, value)


def validate(directory: Path, path: Path, text: str) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Load the knowledge base as it would be with `text` in `path`, in a scratch copy.

    Problems name the real file, as `python -m bot check` would after the save.
    """
    with tempfile.TemporaryDirectory(prefix="kompetansebot-") as scratch_name:
        scratch = Path(scratch_name)
        for existing in directory.glob("*.yaml"):
            if existing.is_file() and existing.name != path.name:
                shutil.copyfile(existing, scratch / existing.name)
        (scratch / path.name).write_text(text, encoding="utf-8")
        try:
            return load_knowledge_base(scratch), []
        except KnowledgeBaseError as error:
            return None, [_in(directory, scratch, problem) for problem in error.problems]


def replace_file(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: a temporary file beside it, then a rename."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            temporary.chmod(path.stat().st_mode & 0o777)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


@contextlib.contextmanager
def editing_lock(directory: Path) -> Iterator[None]:
    """Held while a save re-reads, validates and replaces a file."""
    with _THREAD_LOCK, (directory / LOCK_FILE).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _round_trip() -> YAML:
    yaml = YAML()
    yaml.width = 4096  # never re-wrap a long line someone wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _flush_left(text: str) -> str:
    return "".join(line[2:] if line.startswith("  ") else line for line in text.splitlines(True))


def _in(directory: Path, scratch: Path, problem: Problem) -> Problem:
    path = problem.path.replace(str(scratch), str(directory), 1)
    return dataclasses.replace(problem, path=path)
