"""Subscriptions, reminders and calendar files in the conversation: the commands and buttons
(commands.py), /avmeld and /slettmeg (leaving.py), what a subscription will send, in words
(plans.py), calendar files (calendars.py), the button codes (codes.py), and the subscription
book that stores every change and tells the scheduler (book.py)."""

from bot.subscriptions.codes import parse_scope_code, scope_code
from bot.subscriptions.commands import Subscriptions, install_subscriptions

__all__ = [
    "Subscriptions",
    "install_subscriptions",
    "parse_scope_code",
    "scope_code",
]
