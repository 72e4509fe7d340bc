"""Button data: compact, versioned and checked, because Telegram hands it back verbatim.

A button carries `1:<action>:<argument>`, e.g. `1:e:dekom` ("answer the entry dekom"). The
version lets a later release change the format and still recognise buttons in old messages.
Telegram allows at most 64 bytes; anything else a client sends (stale, truncated or forged data)
decodes to a `BadButtonError` the conversation answers politely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "1"
MAX_BYTES = 64  # Telegram's limit for callback_data
_ACTION = re.compile(r"[a-z]{1,3}")
_ARGUMENT = re.compile(r"[A-Za-z0-9_.-]*")


@dataclass(frozen=True, slots=True)
class Action:
    """What a button does: an action code and one argument (often an entry id)."""

    code: str
    argument: str = ""


class BadButtonError(ValueError):
    """Button data the bot did not make, or made in an older format."""

    def __init__(self, reason: str, *, outdated: bool = False) -> None:
        super().__init__(reason)
        self.outdated = outdated


def encode(action: Action) -> str:
    """The button data for an action; ValueError when it cannot fit Telegram's limit."""
    if not _ACTION.fullmatch(action.code):
        raise ValueError(f"bad action code {action.code!r}")
    if not _ARGUMENT.fullmatch(action.argument):
        raise ValueError(f"bad button argument {action.argument!r}")
    data = f"{VERSION}:{action.code}:{action.argument}"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"button data longer than {MAX_BYTES} bytes: {data!r}")
    return data


def fits(action: Action) -> bool:
    try:
        encode(action)
    except ValueError:
        return False
    return True


def decode(data: str | None) -> Action:
    """The action a button carried; BadButtonError for anything `encode` could not have made."""
    if not data:
        raise BadButtonError("empty button data")
    if len(data.encode("utf-8", "replace")) > MAX_BYTES:
        raise BadButtonError("button data too long")
    version, sep, rest = data.partition(":")
    if not sep:
        raise BadButtonError("button data without version")
    if version != VERSION:
        raise BadButtonError(f"button data of version {version!r}", outdated=version.isdigit())
    code, sep, argument = rest.partition(":")
    if not sep or not _ACTION.fullmatch(code) or not _ARGUMENT.fullmatch(argument):
        raise BadButtonError("malformed button data")
    return Action(code, argument)
