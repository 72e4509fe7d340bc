"""The coordinator tools on Telegram: the messenger for hand-overs, the retention job, and
announcements a restart interrupted.

`coordination_start(tools, chats)` is an `on_start` hook for `build_application`; run it after
the scheduler's (which creates the paced broadcaster). It

* gives the tools a `TelegramMessenger`, so hand-overs reach the coordinators' chats;
* deletes logged questions, hand-overs and announcements older than
  QUESTION_LOG_RETENTION_DAYS right away, and then once a day on the JobQueue;
* resumes announcements that were being sent when the bot stopped (the ledger keeps anyone
  from getting one twice).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from bot.admin import CoordinatorTools
from bot.channels.telegram.messenger import TelegramMessenger
from bot.conversation import ChatStatus

logger = logging.getLogger(__name__)

RETENTION_INTERVAL = timedelta(days=1)

Hook = Callable[[Any], Coroutine[Any, Any, None]]


def coordination_start(tools: CoordinatorTools, chats: ChatStatus | None = None) -> Hook:
    async def start(application: Any) -> None:
        tools.messenger = TelegramMessenger(application.bot, chats)
        tools.delete_expired()
        queue = application.job_queue
        if queue is not None:
            queue.run_repeating(
                _retention_job(tools),
                interval=RETENTION_INTERVAL,
                first=RETENTION_INTERVAL,
                name="question-log-retention",
                job_kwargs={"misfire_grace_time": None},
            )
        else:  # pragma: no cover - python-telegram-bot without the job-queue extra
            logger.warning("No JobQueue: old questions are deleted only at start-up")
        tools.resume_announcements()

    return start


def _retention_job(tools: CoordinatorTools) -> Callable[[Any], Coroutine[Any, Any, None]]:
    async def run(context: Any) -> None:
        tools.delete_expired()

    return run


def chain(*hooks: Hook | None) -> Hook:
    """One lifecycle hook that runs the given ones in order."""

    async def run(application: Any) -> None:
        for hook in hooks:
            if hook is not None:
                await hook(application)

    return run
