"""What a subscription will actually send, and when, in words: the confirmations under
"🔔 Påminn meg", the lead-time toggles and /mine say this instead of only the lead times chosen.

A lead time that cannot fire is named with its reason (the samling has no påmeldingsfrist, the
moment has passed), and a subscription that can send nothing for the samlinger it covers (only
the deadline reminder, for samlinger without deadlines) is pointed out.
"""

from __future__ import annotations

from datetime import datetime

from bot.core import answers
from bot.core.date_texts import clock, long_date
from bot.core.knowledge import OSLO, Entry, KnowledgeBase
from bot.core.reminders import (
    LeadTime,
    ScopeKind,
    Subscription,
    ordered,
    plan_reminders,
    scope_label,
)
from bot.subscriptions import texts


def event_plan(
    kb: KnowledgeBase,
    subscription: Subscription,
    event: Entry,
    now: datetime,
    *,
    reused_from: str | None = None,
) -> str:
    """The reminders one samling will get, each with its moment, and why others will not.

    `reused_from`: the subscription whose lead times were taken over, said so."""
    details = event.event
    assert details is not None
    planned = {
        reminder.lead_time: reminder
        for reminder in plan_reminders(kb, [subscription], now)
        if reminder.event_id == event.id
    }
    lines = [
        f"• {lead.label}: {moment(planned[lead].due_at)}"
        for lead in ordered(subscription.lead_times)
        if lead in planned
    ]
    passed = [
        lead.label
        for lead in ordered(subscription.lead_times)
        if lead not in planned and not (lead is LeadTime.DEADLINE and details.deadline is None)
    ]
    head = texts.REMIND_PLAN if lines else texts.REMIND_NOTHING
    parts = [head.format(title=event.title), *lines]
    if LeadTime.DEADLINE in subscription.lead_times and details.deadline is None:
        parts.append(texts.REMIND_NO_DEADLINE)
    if passed:
        parts.append(texts.REMIND_PASSED.format(lead_times=answers.join_words(passed)))
    if reused_from is not None:
        parts += ["", texts.REMIND_REUSED.format(scope=reused_from)]
    elif not lines:
        parts.append(texts.REMIND_CHOOSE_OTHER)
    return "\n".join(parts)


def scope_warning(kb: KnowledgeBase, subscription: Subscription, now: datetime) -> str | None:
    """A warning when the subscription's lead times send nothing for its coming samlinger."""
    coming = [
        entry
        for entry in kb.events
        if entry.event is not None
        and entry.event.is_upcoming(now)
        and subscription.scope.covers_entry(entry)
    ]
    if not coming:
        return None
    label = scope_label(kb, subscription.scope)
    without_deadline = all(entry.event and entry.event.deadline is None for entry in coming)
    if subscription.lead_times == {LeadTime.DEADLINE} and without_deadline:
        if subscription.scope.kind is ScopeKind.EVENT:
            return texts.ONLY_DEADLINE_EVENT.format(title=coming[0].title)
        return texts.ONLY_DEADLINE.format(scope=label)
    if not plan_reminders(kb, [subscription], now):
        return texts.NOTHING_PLANNED.format(scope=label)
    if LeadTime.DEADLINE in subscription.lead_times and without_deadline:
        return texts.DEADLINE_UNUSED.format(scope=label)
    return None


def next_reminder(kb: KnowledgeBase, subscription: Subscription, now: datetime) -> str | None:
    """ "Neste påminnelse: «…» (1 dag før), torsdag 17. september 2020 kl. 09.00."."""
    planned = plan_reminders(kb, [subscription], now)
    if not planned:
        return None
    first = planned[0]
    entry = kb.get(first.event_id)
    title = entry.title if entry is not None else first.event_id
    return texts.NEXT_REMINDER.format(
        title=title, lead_time=first.lead_time.label, moment=moment(first.due_at)
    )


def moment(when: datetime) -> str:
    local = when.astimezone(OSLO)
    return f"{long_date(local.date())} {clock(local.time())}"
