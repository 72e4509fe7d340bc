"""Subscriptions, reminders and calendar files in the conversation (see feature.py), and the
subscription book that stores them and tells the scheduler (book.py)."""

from bot.subscriptions.feature import (
    Subscriptions,
    install_subscriptions,
    parse_scope_code,
    scope_code,
)

__all__ = [
    "Subscriptions",
    "install_subscriptions",
    "parse_scope_code",
    "scope_code",
]
