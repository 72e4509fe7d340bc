"""Reminders, change notices and knowledge-base reloads on PTB's JobQueue.

How reminders are scheduled, and why
------------------------------------
One one-off job ("reminders") is kept on the JobQueue, set for the moment the planner says the
next reminder falls due (`Services.run_reminders` returns it after every wave). When it fires,
the wave runs: everything due is sent through the pacer, and the job is set again. So:

* It is exact: a reminder planned for 07:30 goes out at 07:30, not at the next tick.
* Between reminders nothing runs. Planning for 10,000 chats takes a noticeable slice of the
  event loop; a periodic tick would pay that every minute, a computed moment once per wave.
* Every moment comes from SQLite and the knowledge base, never from the JobQueue's memory, so
  a restart rebuilds the schedule by asking the planner (start-up runs a wave straight away,
  which also sends what fell due while the bot was down, marked late, or skips it if the
  samling has begun).
* Jobs are added with `misfire_grace_time=None`: APScheduler would otherwise drop a job that
  starts more than a second late (a busy loop, a suspended machine); here it runs late instead.
* The job is never set further ahead than `MAX_SLEEP` (an hour). If some change did not move it
  (there should be none), the planner is asked again within the hour anyway.
* Re-planning: a chat's subscription change asks the planner about that chat only (cheap) and
  moves the job earlier if needed; a reload re-plans everything.

The work itself (a wave can last minutes: 10,000 chats at 25/s) runs as a background task of
`Services`, not inside the job callback: PTB's `Application.stop()` waits for running job
callbacks, and a shutdown must not wait for a wave. `on_stop` closes the pacer instead: sends in
flight may finish, queued messages stay unclaimed for the next start.

Change notices run at start-up, after every successful reload, and again at the time the notice
job asks for (07:30 after quiet hours, or a minute later after flood control).

The knowledge folder is watched by a repeating job (every `WATCH_INTERVAL` seconds) that compares
the files' names, sizes and modification times. A change is loaded once the files have stayed the
same for one interval, so a half-saved file is not read. A knowledge base that fails validation
is not loaded; the admins (ADMIN_IDS) get the errors once per broken version.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Job

from bot.channels.telegram.render import render_html
from bot.channels.telegram.sending import NO_PREVIEW, Sender
from bot.channels.terminal import TERMINAL
from bot.conversation import Outgoing
from bot.services import Fingerprint, Send, Services, knowledge_fingerprint
from bot.subscriptions import texts

logger = logging.getLogger(__name__)

MAX_SLEEP = timedelta(hours=1)
WATCH_INTERVAL = 3.0  # seconds between looks at the knowledge folder
MAX_ERRORS_TO_ADMINS = 30
PRUNE_INTERVAL = 24 * 3600.0  # seconds between prunings of the delivery ledger
KEEP_LEDGER = timedelta(days=400)  # ledger rows are kept this long after their last change
_JOB_KWARGS = {"misfire_grace_time": None}  # run late rather than not at all

Context = Any  # PTB's CallbackContext; only `.job` is used


def telegram_send(bot: Bot) -> Send:
    """The pacer's `send`: one plain-text message, escaped for HTML and split if too long.

    No retries here: the pacer decides what a failure means (bot.delivery.failures).
    """

    async def send(chat_id: int, text: str) -> None:
        if chat_id == TERMINAL.id:
            raise LocalChatError(chat_id)  # the terminal chat's subscriptions: not on Telegram
        for part in render_html(Outgoing(text)):
            await bot.send_message(
                chat_id, part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
            )

    return send


class LocalChatError(Exception):
    """A subscription of the terminal chat (chat id 0) met the Telegram broadcaster: nothing is
    sent, the ledger row is marked failed (a permanent failure), the chat stays active."""


class TelegramScheduler:
    """The `Scheduler` of `Services` for the Telegram bot; see the module docstring."""

    def __init__(self, services: Services, *, watch_interval: float = WATCH_INTERVAL) -> None:
        self.services = services
        self.watch_interval = watch_interval
        self.application: Any = None
        self.reminders_at: datetime | None = None  # when the reminder job is set to fire
        self.next_due: datetime | None = None  # when the planner said the next one is due
        self._reminder_job: Job[Any] | None = None
        self._notice_job: Job[Any] | None = None
        self._seen: Fingerprint | None = None  # the knowledge files at the last look
        self._reloading: asyncio.Task[Any] | None = None
        services.scheduler = self

    # -- the Application's lifecycle ----------------------------------------------------------

    async def start(self, application: Any) -> None:
        """`on_start`: create the pacer, settle the ledger, then notices and reminders."""
        self.application = application
        services = self.services
        services.start_broadcasting(telegram_send(application.bot))
        services.settle_after_restart()
        services.spawn(self._start_up(), "start-up")
        if application.job_queue is not None:
            application.job_queue.run_repeating(
                self._watch,
                interval=self.watch_interval,
                first=self.watch_interval,
                name="knowledge-watch",
            )
            application.job_queue.run_repeating(
                self._prune, interval=PRUNE_INTERVAL, first=PRUNE_INTERVAL, name="prune"
            )

    async def stop(self, application: Any) -> None:
        """`on_stop`: no new waves; sends in flight finish, queued ones wait for next start."""
        await self.services.aclose()

    async def _start_up(self) -> None:
        await self.send_notices()
        await self.send_reminders()

    # -- reminders ----------------------------------------------------------------------------

    async def send_reminders(self) -> None:
        """One reminder wave, then set the job for the next one."""
        wave = await self.services.run_reminders()
        self.schedule_reminders(wave.next_run)

    def schedule_reminders(self, moment: datetime | None) -> None:
        """(Re)set the reminder job to `moment` (at most MAX_SLEEP ahead)."""
        now = self.services.clock()
        self.next_due = moment
        moment = min(moment or now + MAX_SLEEP, now + MAX_SLEEP)
        if self._reminder_job is not None:
            self._reminder_job.schedule_removal()
            self._reminder_job = None
        self.reminders_at = moment
        queue = self._job_queue()
        if queue is None:
            return
        delay = max(0.0, (moment - now).total_seconds())
        self._reminder_job = queue.run_once(
            self._reminder_tick, when=delay, name="reminders", job_kwargs=_JOB_KWARGS
        )

    async def _reminder_tick(self, context: Context) -> None:
        self._reminder_job = None
        self.reminders_at = None
        self.services.spawn(self.send_reminders(), "reminders")

    def reminders_changed(self, chat_id: int | None = None) -> None:
        """Subscriptions changed: fire the reminder job earlier if a reminder is due earlier."""
        if self.application is None or not self.services.can_broadcast:
            return
        if chat_id is None:
            moment = self.services.next_reminder()
        else:
            moment = self.services.next_reminder_for(chat_id)
        if moment is not None and (self.reminders_at is None or moment < self.reminders_at):
            self.schedule_reminders(moment)

    # -- change notices and reloads -----------------------------------------------------------

    async def send_notices(self) -> None:
        wave = await self.services.run_notices()
        if self._notice_job is not None:
            self._notice_job.schedule_removal()
            self._notice_job = None
        queue = self._job_queue()
        if wave.next_run is not None and queue is not None:
            delay = max(0.0, (wave.next_run - self.services.clock()).total_seconds())
            self._notice_job = queue.run_once(
                self._notice_tick, when=delay, name="notices", job_kwargs=_JOB_KWARGS
            )

    async def _notice_tick(self, context: Context) -> None:
        self._notice_job = None
        self.services.spawn(self.send_notices(), "notices")

    def knowledge_changed(self) -> None:
        """A reload made a new knowledge base live: notices first, then every reminder."""
        if self.application is None or not self.services.can_broadcast:
            return
        self.services.spawn(self._after_reload(), "after-reload")

    async def _after_reload(self) -> None:
        await self.send_notices()
        await self.send_reminders()

    async def _watch(self, context: Context) -> None:
        """Reload when the knowledge files changed and then stayed the same for an interval."""
        services = self.services
        current = knowledge_fingerprint(services.knowledge_dir)
        settled = current == self._seen
        self._seen = current
        if current in (services.loaded_fingerprint, services.failed_fingerprint) or not settled:
            return
        if self._reloading is None or self._reloading.done():
            self._reloading = services.spawn(self._auto_reload(), "reload")

    async def _auto_reload(self) -> None:
        result = await self.services.reload()
        if result.ok:
            logger.info("Knowledge files changed; reloaded")
            return
        logger.error("Knowledge files changed but are invalid: %s", result.summary)
        await self.tell_admins(_errors_for_admins(result.summary, result.errors))

    async def tell_admins(self, text: str) -> None:
        if self.application is None:
            return
        sender = Sender(self.application.bot)
        for admin_id in sorted(self.services.settings.admin_ids):
            try:
                await sender.send(admin_id, Outgoing(text, title="Kunnskapsbasen"))
            except TelegramError as error:
                logger.warning("Could not tell admin %s: %s", admin_id, type(error).__name__)

    async def _prune(self, context: Context) -> None:
        """Forget ledger rows of long-past reminders (their keys carry the date, so an old row
        can never block a new message)."""
        pruned = self.services.db.prune_deliveries(self.services.clock() - KEEP_LEDGER)
        if pruned:
            logger.info("Pruned %d old delivery ledger rows", pruned)

    def _job_queue(self) -> Any:
        return None if self.application is None else self.application.job_queue


def _errors_for_admins(summary: str, errors: tuple[str, ...]) -> str:
    shown = list(errors[:MAX_ERRORS_TO_ADMINS])
    if len(errors) > len(shown):
        shown.append(f"… og {len(errors) - len(shown)} til. Kjør `python -m bot check`.")
    return "\n".join([texts.RELOAD_FAILED_ADMINS, summary, *shown])
