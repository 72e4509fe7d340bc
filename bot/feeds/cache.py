"""The last good copy of every calendar, in BOT_DATA_DIR/kalendere, so it survives a restart.

Per feed two files named by a hash of its URL: the body (`.ics`) and what the server said
about it (`.json`: ETag, Last-Modified, when it was fetched). Written to a temporary file and
renamed, so a crash never leaves half a copy.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.feeds.fetch import Validators

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CachedFeed:
    body: bytes
    validators: Validators
    fetched_at: datetime | None


class FeedCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _paths(self, url: str) -> tuple[Path, Path]:
        name = hashlib.sha256(url.encode()).hexdigest()[:16]
        return self.directory / f"{name}.ics", self.directory / f"{name}.json"

    def load(self, url: str) -> CachedFeed | None:
        body_path, meta_path = self._paths(url)
        try:
            body = body_path.read_bytes()
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        fetched = meta.get("fetched_at")
        return CachedFeed(
            body,
            Validators(meta.get("etag"), meta.get("last_modified")),
            datetime.fromisoformat(fetched) if isinstance(fetched, str) else None,
        )

    def save(self, url: str, body: bytes, validators: Validators, fetched_at: datetime) -> None:
        """Keep `body` as the last good copy; a failure to write is logged, not raised."""
        body_path, meta_path = self._paths(url)
        meta = {
            "etag": validators.etag,
            "last_modified": validators.last_modified,
            "fetched_at": fetched_at.isoformat(),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            _write(body_path, body)
            _write(meta_path, json.dumps(meta).encode())
        except OSError as error:
            logger.warning("Could not cache a calendar feed: %s", error)


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
