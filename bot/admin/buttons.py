"""Small helpers the coordinator features share: button arguments and keyboards."""

from __future__ import annotations

from bot.conversation.callbacks import BadButtonError, decode
from bot.conversation.messages import Button, Keyboard


def number(text: str) -> int | None:
    """A button's or command's numeric argument (an id, a count), or None."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def without(buttons: Keyboard, *codes: str) -> Keyboard:
    """The keyboard without the buttons of these action codes (empty rows dropped)."""
    rows = (tuple(button for button in row if _code(button) not in codes) for row in buttons)
    return tuple(row for row in rows if row)


def _code(button: Button) -> str | None:
    try:
        return decode(button.data).code
    except BadButtonError:
        return None
