"""Subscriptions, reminders and calendar files in the conversation (see feature.py)."""

from bot.subscriptions.feature import (
    Subscriptions,
    install_reload_command,
    install_subscriptions,
    parse_scope_code,
    scope_code,
)

__all__ = [
    "Subscriptions",
    "install_reload_command",
    "install_subscriptions",
    "parse_scope_code",
    "scope_code",
]
