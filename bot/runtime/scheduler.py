"""When the runtime's jobs run: reminder waves, notice waves, the knowledge watch, pruning.

How reminders are scheduled, and why
------------------------------------
One one-off job ("reminders") is kept on the `JobRunner`, set for the moment the planner says
the next reminder falls due (`Waves.run_reminders` returns it after every wave). When it fires,
the wave runs: everything due is sent through the pacer, and the job is set again. So:

* It is exact: a reminder planned for 07:30 goes out at 07:30, not at the next tick.
* Between reminders nothing runs. Planning for 10,000 chats takes a noticeable slice of the
  event loop; a periodic tick would pay that every minute, a computed moment once per wave.
* Every moment comes from storage and the knowledge base, never from the runner's memory, so a
  restart rebuilds the schedule by asking the planner (start-up runs a wave straight away,
  which also sends what fell due while the bot was down, marked late, or skips it if the
  samling has begun).
* A runner runs a late job late rather than not at all (Telegram's: `misfire_grace_time=None`).
* The job is never set further ahead than `MAX_SLEEP` (an hour). If some change did not move it
  (there should be none), the planner is asked again within the hour anyway.
* Re-planning: a chat's subscription change asks the planner about that chat only (cheap) and
  moves the job earlier if needed; a reload re-plans everything.

The work itself (a wave can last minutes: 10,000 chats at 25/s) runs as a background task, not
inside the job: a channel's shutdown may wait for running jobs, and it must not wait for a
wave. `stop` closes the pacer instead: sends in flight may finish, queued messages stay
unclaimed for the next start.

A wave that fails (a locked database, a full disk: bot.runtime.outage) is set again after a
backoff, never left unscheduled; the admins are told once when it has failed for a while.

Change notices run at start-up, after every successful reload, and again at the time the notice
wave asks for (07:30 after quiet hours, or a minute later after flood control).

The knowledge folder is watched by a repeating job (every `WATCH_INTERVAL`) that compares the
files' names, sizes and modification times. A change is loaded once the files have stayed the
same for one interval, so a half-saved file is not read. A knowledge base that fails validation
is not loaded; the admins (ADMIN_IDS) get the errors once per broken version.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from bot.runtime import texts
from bot.runtime.jobs import JobRunner
from bot.runtime.outage import Outage, RetryPolicy, TellAdmins
from bot.runtime.reload import Fingerprint, Reloader, ReloadResult, knowledge_fingerprint
from bot.runtime.reload_guard import confirm_keyboard, notices_keyboard
from bot.runtime.retention import LedgerRetention
from bot.runtime.tasks import Background
from bot.runtime.waves import Waves

logger = logging.getLogger(__name__)

MAX_SLEEP = timedelta(hours=1)
WATCH_INTERVAL = timedelta(seconds=3)  # between looks at the knowledge folder
REMINDER_JOB, NOTICE_JOB, WATCH_JOB = "reminders", "notices", "knowledge-watch"

__all__ = ["MAX_SLEEP", "WATCH_INTERVAL", "Scheduler", "TellAdmins"]


class Scheduler:
    """Decides when each runtime job runs next; see the module docstring."""

    def __init__(
        self,
        waves: Waves,
        reloader: Reloader,
        ledger_retention: LedgerRetention,
        runner: JobRunner,
        background: Background,
        *,
        tell_admins: TellAdmins | None = None,
        watch_interval: timedelta = WATCH_INTERVAL,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.waves = waves
        self.reloader = reloader
        self.ledger_retention = ledger_retention
        self.runner = runner
        self.background = background
        self.tell_admins = tell_admins
        self.watch_interval = watch_interval
        self.clock = waves.clock
        self.reminders_at: datetime | None = None  # when the reminder job is set to fire
        self.next_due: datetime | None = None  # when the planner said the next one is due
        self._seen: Fingerprint | None = None  # the knowledge files at the last look
        self._reloading: asyncio.Task[Any] | None = None
        self._asked_about_removals = 0  # held removal notices the admins were asked about
        self._removals_confirmed = False  # a coordinator let them go; until they are sent
        policy = retry or RetryPolicy()
        self.reminder_outage = Outage("påminnelser", self.clock, policy, tell_admins)
        self.notice_outage = Outage("endringsvarsler", self.clock, policy, tell_admins)

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Settle the ledger, then notices and reminders; the watch and pruning jobs."""
        self.waves.settle_after_restart()
        self.background.spawn(self._notices_then_reminders(), "start-up")
        self.runner.run_repeating(WATCH_JOB, self.watch_interval, self.watch_knowledge)
        self.ledger_retention.schedule(self.runner)

    async def stop(self) -> None:
        """No new waves; sends in flight finish, queued ones wait for the next start."""
        await self.waves.aclose()
        await self.background.cancel_all()

    async def _notices_then_reminders(self, *, removals_confirmed: bool = False) -> None:
        await self.send_notices(removals_confirmed=removals_confirmed)
        await self.send_reminders()

    # -- reminders ------------------------------------------------------------------------------

    async def send_reminders(self) -> None:
        """One reminder wave, then set the job for the next one (or a retry, if it failed)."""
        try:
            wave = await self.waves.run_reminders()
        except Exception as error:  # storage (locked, disk full) or a bug: try again later
            retry_at = await self.reminder_outage.failed(error)
            if self.waves.can_broadcast:
                self.schedule_reminders(retry_at)
            return
        self.schedule_reminders(wave.next_run)
        await self.reminder_outage.succeeded()

    def schedule_reminders(self, moment: datetime | None) -> None:
        """(Re)set the reminder job to `moment` (at most MAX_SLEEP ahead)."""
        now = self.clock()
        self.next_due = moment
        self.reminders_at = min(moment or now + MAX_SLEEP, now + MAX_SLEEP)
        self.runner.run_once(REMINDER_JOB, self.reminders_at, self._reminder_tick)

    async def _reminder_tick(self) -> None:
        self.reminders_at = None
        self.background.spawn(self.send_reminders(), "reminders")

    def reminders_changed(self, chat_id: int) -> None:
        """A chat's subscriptions changed: fire the reminder job earlier if one of its reminders
        is due earlier."""
        if not self.waves.can_broadcast:
            return
        moment = self.waves.next_reminder_for(chat_id)
        if moment is not None and (self.reminders_at is None or moment < self.reminders_at):
            self.schedule_reminders(moment)

    # -- change notices and reloads -------------------------------------------------------------

    async def send_notices(self, *, removals_confirmed: bool = False) -> None:
        """One notice wave; the job is set again if it must wait or failed. Notices that would
        call most samlinger removed wait for a coordinator (asked once per such state); once
        confirmed, they stay confirmed until they are sent (quiet hours, flood control)."""
        self._removals_confirmed |= removals_confirmed
        try:
            wave = await self.waves.run_notices(removals_confirmed=self._removals_confirmed)
        except Exception as error:  # as for reminders: never left unscheduled
            retry_at = await self.notice_outage.failed(error)
            if self.waves.can_broadcast:
                self.runner.run_once(NOTICE_JOB, retry_at, self._notice_tick)
            return
        self.runner.cancel(NOTICE_JOB)
        if wave.next_run is not None:
            self.runner.run_once(NOTICE_JOB, wave.next_run, self._notice_tick)
        else:
            self._removals_confirmed = False  # every notice is settled, the snapshots saved
        await self.notice_outage.succeeded()
        if not wave.held_removals:
            self._asked_about_removals = 0
        elif wave.held_removals != self._asked_about_removals:
            self._asked_about_removals = wave.held_removals
            logger.warning("Change notices held: %d samlinger would be removed", wave.held_removals)
            if self.tell_admins is not None:
                text = texts.removals_held(wave.held_removals)
                await self.tell_admins(text, notices_keyboard())

    def confirm_notices(self) -> bool:
        """A coordinator said the held removal notices may go out (False: none are held)."""
        if not self._asked_about_removals or not self.waves.can_broadcast:
            return False
        self._asked_about_removals = 0
        self.background.spawn(self.send_notices(removals_confirmed=True), "notices")
        return True

    async def _notice_tick(self) -> None:
        self.background.spawn(self.send_notices(), "notices")

    async def reload(self) -> ReloadResult:
        """Load the knowledge base again; if it is live, send notices, then re-plan reminders."""
        return self._after_swap(await self.reloader.reload(), "after-reload")

    async def refresh(self) -> ReloadResult:
        """A calendar feed changed: merge it again; notices and re-planning as after a reload."""
        return self._after_swap(await self.reloader.refresh(), "after-feed")

    async def confirm_reload(self, held: int) -> ReloadResult:
        """A coordinator confirmed a held reload (bot.runtime.reload_guard): swap it in, then
        notices and re-planning as after any reload."""
        result = await self.reloader.confirm(held)
        return self._after_swap(result, "after-reload", removals_confirmed=True)

    def _after_swap(
        self, result: ReloadResult, name: str, *, removals_confirmed: bool = False
    ) -> ReloadResult:
        """If `result` went live: notices, then reminders re-planned, in the background."""
        if result.ok and self.waves.can_broadcast:
            notices = self._notices_then_reminders(removals_confirmed=removals_confirmed)
            self.background.spawn(notices, name)
        return result

    async def watch_knowledge(self) -> None:
        """Reload when the knowledge files changed and then stayed the same for an interval."""
        current = knowledge_fingerprint(self.reloader.knowledge_dir)
        settled = current == self._seen
        self._seen = current
        if not self.reloader.needs_reload(current) or not settled:
            return
        if self._reloading is None or self._reloading.done():
            self._reloading = self.background.spawn(self._auto_reload(), "reload")

    async def _auto_reload(self) -> None:
        result = await self.reload()
        if result.ok:
            logger.info("Knowledge files changed; reloaded")
            return
        if result.held is not None:  # logged by the reloader; the admins decide
            if self.tell_admins is not None:
                await self.tell_admins(result.summary, confirm_keyboard(result.held))
            return
        logger.error("Knowledge files changed but are invalid: %s", result.summary)
        if self.tell_admins is not None:
            await self.tell_admins(texts.errors_for_admins(result.summary, result.errors))
