"""Watching the database file: deleted or replaced while the bot runs, or missing at start.

Storage notices a deleted file before every write and writes it back from the open connection
(bot.storage.sqlite.connection); this job asks it every few seconds as well, so a quiet bot
notices too, and tells the coordinators. A database missing at start next to the lock file of an
earlier run means every subscription is gone: that is logged loudly and told to them as well.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from bot.runtime.jobs import JobRunner
from bot.runtime.outage import TellAdmins
from bot.storage import FileEvent, Storage, StorageError

logger = logging.getLogger(__name__)

WATCH_JOB = "database-file"
WATCH_INTERVAL = timedelta(seconds=5)  # one stat() each time
TITLE = "Databasen"  # of the messages to the admins


def restored_text(path: Path) -> str:
    return (
        f"Databasefila {path} ble slettet mens boten kjørte. Boten har skrevet den tilbake fra "
        "den åpne databasen, så ingen abonnementer er tapt. Stopp boten før du flytter eller "
        "sletter databasen."
    )


def replaced_text(path: Path) -> str:
    return (
        f"Databasefila {path} ble byttet ut mens boten kjørte. Boten bruker den nye fila fra nå "
        "av; det som ble lagret i den gamle etter byttet, er ikke med."
    )


def missing_text(path: Path) -> str:
    return (
        f"Databasen {path} manglet da boten startet, selv om boten har kjørt i denne mappa før. "
        "Boten har laget en ny, tom database: alle abonnementer og spørsmålsloggen er borte. "
        "Stopp boten og legg tilbake en sikkerhetskopi hvis det ikke var meningen."
    )


class DatabaseWatch:
    def __init__(self, storage: Storage, path: Path, tell_admins: TellAdmins | None) -> None:
        self.storage = storage
        self.path = path
        self.tell_admins = tell_admins  # titled TITLE (bot.runtime.admins.admin_notifier)
        self._at_start: str | None = None

    def missing_at_start(self) -> None:
        """The database had to be created although a bot ran here before (see bot.storage.lock)."""
        logger.warning(
            "NO DATABASE at %s although a bot has run with this BOT_DATA_DIR before: started "
            "with an empty one; every subscription is gone",
            self.path,
        )
        self._at_start = missing_text(self.path)

    async def start(self, runner: JobRunner) -> None:
        runner.run_repeating(WATCH_JOB, WATCH_INTERVAL, self.check)
        if self._at_start is not None:
            await self.tell(self._at_start)
            self._at_start = None

    async def check(self) -> None:
        try:
            event = self.storage.database_file_event()
        except StorageError as error:
            logger.error("Could not check the database file: %s", error)
            return
        if event is FileEvent.RESTORED:
            await self.tell(restored_text(self.path))
        elif event is FileEvent.REPLACED:
            await self.tell(replaced_text(self.path))

    async def tell(self, text: str) -> None:
        if self.tell_admins is not None:
            await self.tell_admins(text)
