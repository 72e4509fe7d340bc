"""Settings from ONE place: the environment, then a `.env` file, then defaults.

The environment wins over `.env`, so a deployment can override a developer's file. An empty
value counts as unset. Every problem is reported as one `ConfigError` with a Norwegian sentence
(and the English gist), never a traceback, and the token itself never appears in a message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ENV_FILE = Path(".env")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

# BotFather tokens look like `123456789:AAE…` (a numeric bot id, a colon, ~35 url-safe chars).
TOKEN_PATTERN = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{30,64}")


class ConfigError(Exception):
    """A setting is missing or malformed; the message is meant for the person starting the bot."""


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)  # never shown in repr or logs
    base_url: str | None = None
    knowledge_dir: Path = Path("knowledge")
    data_dir: Path = Path("data")
    admin_ids: frozenset[int] = frozenset()
    log_level: str = "INFO"
    broadcast_rate: float = 25.0  # reminders and notices per second, all chats together
    question_log_retention_days: int = 180  # logged questions and hand-overs are kept this long
    event_feeds: tuple[str, ...] = ()  # iCalendar URLs whose events become samlinger
    event_feed_interval: int = 900  # seconds between polls of the calendar feeds
    read_timeout: float = 20.0  # seconds to wait for Telegram's answer to a sent message

    def require_token(self) -> str:
        """The token, checked for the `<digits>:<35ish chars>` shape BotFather hands out."""
        if not self.token:
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN mangler. Hent en token fra @BotFather og sett den i miljøet "
                "eller i .env, eller start terminalversjonen med `python -m bot chat`. "
                "(TELEGRAM_BOT_TOKEN is missing.)"
            )
        if not TOKEN_PATTERN.fullmatch(self.token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN ser ikke ut som en token fra @BotFather "
                f"(forventet <tall>:<omtrent 35 tegn>, fikk {len(self.token)} tegn). "
                "Sjekk at du har kopiert hele tokenen uten mellomrom eller anførselstegn. "
                "(TELEGRAM_BOT_TOKEN is malformed.)"
            )
        return self.token

    @property
    def base_file_url(self) -> str | None:
        """File downloads live beside the API: `…/bot` becomes `…/file/bot`."""
        if self.base_url is None:
            return None
        if self.base_url.endswith("/bot"):
            return self.base_url.removesuffix("bot") + "file/bot"
        return self.base_url.rstrip("/") + "/file/bot"


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | None = ENV_FILE
) -> Settings:
    """Read every setting; raise ConfigError naming the first bad one."""
    env = os.environ if environ is None else environ
    dotenv = read_env_file(env_file) if env_file is not None else {}

    def get(name: str) -> str | None:
        value = (env.get(name) or "").strip() or dotenv.get(name, "").strip()
        return value or None

    return Settings(
        token=get("TELEGRAM_BOT_TOKEN"),
        base_url=_base_url(get("TELEGRAM_BASE_URL")),
        knowledge_dir=Path(get("KNOWLEDGE_DIR") or "knowledge"),
        data_dir=Path(get("BOT_DATA_DIR") or "data"),
        admin_ids=_admin_ids(get("ADMIN_IDS")),
        log_level=_log_level(get("LOG_LEVEL")),
        broadcast_rate=_broadcast_rate(get("BROADCAST_RATE")),
        question_log_retention_days=_retention_days(get("QUESTION_LOG_RETENTION_DAYS")),
        event_feeds=_event_feeds(get("EVENT_FEEDS")),
        event_feed_interval=_feed_interval(get("EVENT_FEED_INTERVAL")),
        read_timeout=_read_timeout(get("TELEGRAM_READ_TIMEOUT")),
    )


def knowledge_dir_from_environment(environ: Mapping[str, str] | None = None) -> Path:
    """KNOWLEDGE_DIR from the environment only (not .env): the default `--kb` of every
    command line command; `run` and `stats` use the settings' value when `--kb` is not given."""
    env = os.environ if environ is None else environ
    return Path(env.get("KNOWLEDGE_DIR", "knowledge"))


def read_env_file(path: Path) -> dict[str, str]:
    """A tiny `.env` reader: `KEY=value` lines, `#` comments, optional quotes and `export`."""
    if not path.is_file():
        return {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"Kunne ikke lese {path}: {error}. (Could not read {path}.)") from None
    values: dict[str, str] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").strip()
        name, equals, value = line.partition("=")
        name = name.strip()
        if not equals or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ConfigError(
                f"{path}:{number}: forventet NAVN=verdi. (Expected NAME=value on line {number}.)"
            )
        values[name] = _unquote(value.strip())
    return values


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    comment = re.search(r"\s#", value)  # `KEY=value  # comment`
    return value[: comment.start()].rstrip() if comment else value


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"https?://[^\s]+", value):
        raise ConfigError(
            "TELEGRAM_BASE_URL må være en adresse som begynner med http:// eller https://, "
            "for eksempel http://127.0.0.1:8081/bot. (TELEGRAM_BASE_URL must be an http(s) URL.)"
        )
    return value


def _admin_ids(value: str | None) -> frozenset[int]:
    if value is None:
        return frozenset()
    ids = set()
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"-?\d{1,20}", part):
            raise ConfigError(
                f"ADMIN_IDS må være Telegram-bruker-id-er (heltall) skilt med komma; «{part}» er "
                "ikke et heltall. (ADMIN_IDS must be comma-separated integers.)"
            )
        ids.add(int(part))
    return frozenset(ids)


def _log_level(value: str | None) -> str:
    level = (value or "INFO").upper()
    if level not in LOG_LEVELS:
        raise ConfigError(
            f"LOG_LEVEL må være en av {', '.join(LOG_LEVELS)}, ikke «{value}». "
            "(LOG_LEVEL is not a known level.)"
        )
    return level


MAX_BROADCAST_RATE = 1000.0  # only a loopback benchmark goes above Telegram's ~30/s


def _broadcast_rate(value: str | None) -> float:
    """Messages per second for reminders and notices. Telegram allows about 30 per second;
    the default 25 leaves room for replies. Higher values are for the loopback benchmark."""
    if value is None:
        return 25.0
    try:
        rate = float(value)
    except ValueError:
        rate = 0.0
    if not 0 < rate <= MAX_BROADCAST_RATE:
        raise ConfigError(
            f"BROADCAST_RATE må være et tall mellom 0 og {MAX_BROADCAST_RATE:.0f} "
            f"(meldinger per sekund), ikke «{value}». (BROADCAST_RATE must be a positive number.)"
        )
    return rate


MAX_RETENTION_DAYS = 3650


def _retention_days(value: str | None) -> int:
    """Days the question log and hand-overs are kept (default 180)."""
    if value is None:
        return 180
    if not re.fullmatch(r"\d{1,4}", value) or not 1 <= int(value) <= MAX_RETENTION_DAYS:
        raise ConfigError(
            "QUESTION_LOG_RETENTION_DAYS må være et helt antall dager mellom 1 og "
            f"{MAX_RETENTION_DAYS}, ikke «{value}». "
            "(QUESTION_LOG_RETENTION_DAYS must be a whole number of days.)"
        )
    return int(value)


def _event_feeds(value: str | None) -> tuple[str, ...]:
    """Calendar URLs separated by spaces; webcal:// (Outlook, Google) counts as https://."""
    urls = tuple(dict.fromkeys((value or "").split()))
    for url in urls:
        if not re.fullmatch(r"(https?|webcal)://[^\s]+", url):
            raise ConfigError(
                "EVENT_FEEDS må være kalenderadresser (iCalendar) som begynner med https://, "
                f"http:// eller webcal://, skilt med mellomrom; «{url[:40]}» er ikke det. "
                "(EVENT_FEEDS must be space-separated calendar URLs.)"
            )
    return urls


def _feed_interval(value: str | None) -> int:
    """Seconds between polls of the calendar feeds (default 900)."""
    if value is None:
        return 900
    if not re.fullmatch(r"\d{1,6}", value) or not 1 <= int(value) <= 86400:
        raise ConfigError(
            "EVENT_FEED_INTERVAL må være et helt antall sekunder mellom 1 og 86400, "
            f"ikke «{value}». (EVENT_FEED_INTERVAL must be a whole number of seconds.)"
        )
    return int(value)


MAX_READ_TIMEOUT = 300.0


def _read_timeout(value: str | None) -> float:
    """Seconds to wait for Telegram's answer to a sent message (default 20). A message whose
    answer comes later is not sent again, since it may well have arrived."""
    if value is None:
        return 20.0
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= MAX_READ_TIMEOUT:
        raise ConfigError(
            f"TELEGRAM_READ_TIMEOUT må være et antall sekunder mellom 0 og {MAX_READ_TIMEOUT:.0f}, "
            f"ikke «{value}». (TELEGRAM_READ_TIMEOUT must be a positive number of seconds.)"
        )
    return seconds
