"""One bot per BOT_DATA_DIR: an exclusive `flock` on `BOT_DATA_DIR/kompetansebot.lock`.

Two bots polling with one token and one database answer some questions twice and fight over
getUpdates (409 Conflict). `python -m bot run` takes this lock before it opens the database and
holds it until the process ends; the kernel releases it when the process dies, even on SIGKILL,
so a stale lock file never blocks a restart. The file stays (it holds the last holder's process
id) and doubles as the sign that a bot has run in this folder before: a missing database next
to it means the database was removed, which is worth a loud warning.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Self

from bot.storage.errors import DataDirInUseError, DataDirNotWritableError

LOCK_FILE = "kompetansebot.lock"


class DataDirLock:
    """Held from `acquire` until `release` (or the end of the process)."""

    def __init__(self, path: Path, fd: int, *, existed: bool) -> None:
        self.path = path
        self._fd: int | None = fd
        self.existed = existed  # a bot has run in this folder before

    @classmethod
    def acquire(cls, data_dir: Path) -> Self:
        """Take the lock, or raise `DataDirInUseError` naming the process that holds it."""
        path = data_dir / LOCK_FILE
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            existed = path.exists()
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise DataDirNotWritableError(f"cannot create {path}: {error.strerror}") from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise DataDirInUseError(str(path), holder) from error
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(path, fd, existed=existed)

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
