"""/statistikk and /ubesvarte (coordinators only): what teachers ask, and what went unanswered.

`gather_statistics` is also what `python -m bot stats` prints in a terminal.
"""

from __future__ import annotations

from datetime import datetime

from bot.admin import texts
from bot.admin.buttons import number
from bot.conversation.commands import Context
from bot.conversation.messages import Outgoing, Photo, Response, say
from bot.core.chart import render_chart
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.core.stats import (
    DEFAULT_DAYS,
    Statistics,
    compute_statistics,
    group_similar,
    period_start,
    statistics_text,
    unanswered_text,
)
from bot.runtime.live import LiveKnowledge
from bot.storage import HandoverState, Storage

UNANSWERED_SCANNED = 500  # the latest unanswered questions /ubesvarte groups
MAX_DAYS = 365


class UsageStatistics:
    """The /statistikk and /ubesvarte handlers."""

    def __init__(self, storage: Storage, live: LiveKnowledge) -> None:
        self.storage = storage
        self.live = live

    def gather(self, now: datetime, days: int = DEFAULT_DAYS) -> Statistics:
        return gather_statistics(self.storage, self.live.kb, now, days)

    async def statistics(self, context: Context) -> Response:
        days = _days(context.argument)
        if days is None:
            return say(Outgoing(texts.STATS_USAGE, title=texts.STATS_TITLE))
        stats = self.gather(context.now, days)
        lines = [statistics_text(stats)]
        pending = len(self.storage.handovers.handovers(HandoverState.PENDING))
        if pending:
            lines.append(texts.PENDING_HANDOVERS.format(count=pending))
        lines.append(texts.STATS_HINT)
        chart = render_chart(stats.days)
        return Response(
            (
                Outgoing("\n\n".join(lines), title=texts.STATS_TITLE),
                Outgoing(
                    texts.STATS_CHART_CAPTION,
                    photo=Photo(f"statistikk-{stats.last_day:%Y-%m-%d}.png", chart),
                ),
            )
        )

    async def unanswered(self, context: Context) -> Response:
        groups = group_similar(self.storage.questions.latest_unanswered(UNANSWERED_SCANNED))
        text = unanswered_text(groups)
        if groups:
            text += "\n\n" + texts.UNANSWERED_HINT
        return say(Outgoing(text, title=texts.UNANSWERED_TITLE))


def gather_statistics(
    storage: Storage, kb: KnowledgeBase | None, now: datetime, days: int = DEFAULT_DAYS
) -> Statistics:
    """The statistics for the `days` Oslo days up to and including today."""
    today = now.astimezone(OSLO).date()

    def title_of(entry_id: str) -> str | None:
        entry = kb.get(entry_id) if kb is not None else None
        return entry.title if entry is not None else None

    return compute_statistics(
        storage.questions.questions_since(period_start(today, days)),
        today=today,
        days=days,
        title_of=title_of,
        subscribers=storage.subscriptions.subscriber_count(),
    )


def _days(argument: str) -> int | None:
    argument = argument.strip()
    if not argument:
        return DEFAULT_DAYS
    days = number(argument)
    return days if days is not None and 1 <= days <= MAX_DAYS else None
