"""Outgoing messages as Telegram HTML, split to fit Telegram's size limits.

Every piece of text is escaped with `html.escape`; the only tags are the ones added here (bold
title, italic source line). Splitting happens on the plain text, before escaping, at paragraph
breaks first, then line breaks, then spaces, so a tag or an entity like `&amp;` is never cut.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from bot.conversation import Keyboard, Outgoing

MESSAGE_LIMIT = 4096  # characters (UTF-16 code units) in one message
CAPTION_LIMIT = 1024  # characters in a document caption


@dataclass(frozen=True, slots=True)
class _Piece:
    html: str
    separator: str  # put before this piece unless it starts a message


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji can count as two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def render_html(message: Outgoing, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The message as one or more HTML texts, each at most `limit` long."""
    paragraphs: list[list[_Piece]] = []
    if message.title:
        paragraphs.append(_pieces(message.title, "b", limit))
    paragraphs += [_pieces(paragraph, None, limit) for paragraph in message.text.split("\n\n")]
    if message.footer:
        paragraphs.append(_pieces(message.footer, "i", limit))
    return _pack([paragraph for paragraph in paragraphs if paragraph], limit)


ButtonsJson = dict[str, object]  # the Bot API's InlineKeyboardMarkup object, as JSON


def keyboard(message: Outgoing) -> ButtonsJson | None:
    return reply_markup(message.buttons)


def reply_markup(buttons: Keyboard) -> ButtonsJson | None:
    """The buttons as the Bot API's `reply_markup` JSON, ready to send (through PTB's
    `api_kwargs`); None without buttons.

    Written directly rather than through PTB's InlineKeyboardMarkup: building and serialising
    those objects took about 0.1 ms of CPU for a reply's usual four rows, on every answer
    (README, bench_telegram). What Telegram receives is the same.
    """
    if not buttons:
        return None
    rows = [
        [
            {"text": button.label, "url": button.url}
            if button.url
            else {"text": button.label, "callback_data": button.data}
            for button in row
        ]
        for row in buttons
    ]
    return {"inline_keyboard": rows}


def _pieces(paragraph: str, tag: str | None, limit: int) -> list[_Piece]:
    """A paragraph as pieces that each fit `limit`: whole lines, else words, else slices."""
    lines = [line.rstrip() for line in paragraph.strip("\n").split("\n")]
    if not any(lines):
        return []
    opening, closing = (f"<{tag}>", f"</{tag}>") if tag else ("", "")
    room = limit - telegram_length(opening + closing)
    pieces: list[_Piece] = []
    for number, line in enumerate(lines):
        separator = "\n\n" if number == 0 else "\n"
        for part_number, part in enumerate(_fit(line, room)):
            text = f"{opening}{html.escape(part, quote=False)}{closing}" if part else ""
            pieces.append(_Piece(text, separator if part_number == 0 else " "))
    return pieces


def _fit(line: str, room: int) -> list[str]:
    """Split a line so each part, escaped, fits in `room`; prefer cutting between words."""
    if _escaped_length(line) <= room:
        return [line]
    parts: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if _escaped_length(candidate) <= room:
            current = candidate
            continue
        if current:
            parts.append(current)
        current = ""
        while _escaped_length(word) > room:
            head = _longest_prefix(word, room)
            parts.append(head)
            word = word[len(head) :]
        current = word
    if current:
        parts.append(current)
    return parts


def _longest_prefix(word: str, room: int) -> str:
    size = 0
    for index, char in enumerate(word):
        size += _escaped_length(char)
        if size > room:
            return word[: max(index, 1)]
    return word


def _escaped_length(text: str) -> int:
    return telegram_length(html.escape(text, quote=False))


def _pack(paragraphs: list[list[_Piece]], limit: int) -> list[str]:
    """Fill messages with whole paragraphs; cut inside one only when it is too long alone."""
    messages: list[str] = []
    current = ""

    def add(piece: _Piece) -> None:
        nonlocal current
        candidate = current + piece.separator + piece.html if current else piece.html
        if telegram_length(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = piece.html

    for paragraph in paragraphs:
        whole = "".join(piece.separator + piece.html for piece in paragraph)
        if current and telegram_length(current + whole) > limit >= telegram_length(whole):
            messages.append(current)  # start the paragraph in a fresh message
            current = ""
        for piece in paragraph:
            add(piece)
    messages.append(current)
    return [message for message in messages if message.strip()]
