"""Tools for the regional coordinators (ADMIN_IDS): what teachers ask, what the bot could not
answer, a hand-over to a person, and announcements. See bot.admin.tools."""

from bot.admin.tools import CoordinatorTools, gather_statistics, install_coordinator_tools

__all__ = ["CoordinatorTools", "gather_statistics", "install_coordinator_tools"]
