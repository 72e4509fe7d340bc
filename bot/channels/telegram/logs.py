"""Logging for the Telegram bot, with the token kept out of every log line.

httpx logs each request URL at INFO, and Bot API URLs contain the token; so httpx and httpcore
are turned down to WARNING, and a filter on every root handler redacts the token from messages
and tracebacks anyway, in case some other library prints a URL. It matches case-insensitively
(an error message may have lower-cased the URL) and also finds the token URL-encoded
(`%3A` for the colon).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

REDACTED = "<TOKEN>"
QUIET_LOGGERS = ("httpx", "httpcore", "apscheduler")


class RedactingFilter(logging.Filter):
    """Replaces secrets in a record's message and traceback before any handler formats it."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]
        forms = {form for secret in self.secrets for form in (secret, secret.replace(":", "%3A"))}
        self._pattern = (
            re.compile("|".join(re.escape(form) for form in sorted(forms)), re.IGNORECASE)
            if forms
            else None
        )

    def redact(self, text: str) -> str:
        return text if self._pattern is None else self._pattern.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed log call: keep the raw message
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure_logging(level: str, secrets: Iterable[str]) -> RedactingFilter:
    """Log to stderr at `level`; returns the filter so callers can add more secrets."""
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    redactor = RedactingFilter(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    return redactor
