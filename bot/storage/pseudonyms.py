"""Keyed pseudonyms of chats: what links a logged question to its chat without the chat id.

A pseudonym is HMAC-SHA256 of the chat id under a secret kept in BOT_DATA_DIR (created with
mode 0600 on first use). With the secret, /slettmeg finds a chat's questions and a button
press can be checked against the chat it was shown in; without it, the question log says
nothing about who asked (a chat id cannot be tried against the pseudonyms).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from bot.storage.errors import StorageError

SECRET_FILE = "chat_pseudonym.key"
_SECRET_BYTES = 32
_LENGTH = 32  # hex characters of the digest kept: 128 bits


class ChatPseudonyms:
    """`of(chat_id)`: the chat's pseudonym. The secret is read (or made) on first use."""

    def __init__(self, path: Path | None) -> None:
        self._path = path  # None: a secret for this process only (tests, in-memory databases)
        self._secret: bytes | None = None

    @classmethod
    def next_to(cls, database: Path) -> ChatPseudonyms:
        return cls(database.parent / SECRET_FILE)

    def of(self, chat_id: int) -> str:
        digest = hmac.new(self._key(), f"chat:{chat_id:d}".encode(), hashlib.sha256)
        return digest.hexdigest()[:_LENGTH]

    def _key(self) -> bytes:
        """The secret; StorageError when its file cannot be read, made or is damaged."""
        if self._secret is None:
            if self._path is None:
                self._secret = _new_secret()
            else:
                try:
                    self._secret = _read_or_create(self._path)
                except (OSError, ValueError) as error:
                    raise StorageError(
                        f"the chat pseudonym secret {self._path} cannot be used: {error}"
                    ) from error
        return self._secret


def _new_secret() -> bytes:
    return secrets.token_bytes(_SECRET_BYTES)


def _read_or_create(path: Path) -> bytes:
    """The secret in `path`; made (mode 0600) when the file does not exist yet."""
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    secret = _new_secret()
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it meanwhile: use that one
        return _read(path)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secret.hex() + "\n")
        file.flush()
        os.fsync(file.fileno())
    return secret


def _read(path: Path) -> bytes:
    secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    if len(secret) < _SECRET_BYTES:
        raise ValueError("too short")
    return secret
