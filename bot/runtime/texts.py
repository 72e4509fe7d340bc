"""What the runtime tells coordinators (bokmål): reload summaries, broken knowledge files,
and delivery that keeps failing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.core.changes import ChangeKind, EventChange
from bot.core.knowledge import OSLO, KnowledgeBase

TITLE = "Kunnskapsbasen"
MAX_ERRORS_TO_ADMINS = 30
RELOAD_FAILED_ADMINS = "Kunnskapsbasen ble endret, men kunne ikke lastes:"
_CHANGE_WORDS = {
    ChangeKind.ADDED: "ny",
    ChangeKind.MOVED: "endret tid eller sted",
    ChangeKind.CANCELLED: "avlyst",
    ChangeKind.REINSTATED: "ikke lenger avlyst",
    ChangeKind.REMOVED: "tatt ut",
}


def reload_summary(kb: KnowledgeBase, changes: Iterable[EventChange]) -> str:
    counts: dict[ChangeKind, int] = {}
    for change in changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    head = f"Kunnskapsbasen er oppdatert: {len(kb)} oppføringer, {len(kb.events)} samlinger."
    if not counts:
        return head + " Ingen endringer i samlingene som abonnenter må varsles om."
    parts = [f"{counts[kind]} {_CHANGE_WORDS[kind]}" for kind in ChangeKind if kind in counts]
    return f"{head} Endringer i samlinger: {', '.join(parts)}. Abonnentene får beskjed."


def invalid_summary(directory: object, problems: int) -> str:
    return (
        f"Kunnskapsbasen i {directory} har {problems} feil og er ikke lastet. "
        "Den gamle er fortsatt i bruk."
    )


def unreadable_summary(directory: object, error: OSError) -> str:
    return f"Kunne ikke lese kunnskapsbasen i {directory}: {error}. Den gamle er fortsatt i bruk."


def errors_for_admins(summary: str, errors: tuple[str, ...]) -> str:
    shown = list(errors[:MAX_ERRORS_TO_ADMINS])
    if len(errors) > len(shown):
        shown.append(f"… og {len(errors) - len(shown)} til. Kjør `python -m bot check`.")
    return "\n".join([RELOAD_FAILED_ADMINS, summary, *shown])


def delivery_failing(what: str, since: datetime, error: BaseException) -> str:
    local = since.astimezone(OSLO)
    return (
        f"Jeg har ikke fått sendt {what} siden kl. {local:%H:%M} ({local:%d.%m.}): "
        f"databasen eller lagringen svarer ikke ({type(error).__name__}). "
        "Jeg prøver igjen hele tiden og sender det som venter så snart det går. "
        "Sjekk at disken ikke er full og at ingen annen prosess holder databasen låst. "
        "Jeg sier fra her når det virker igjen."
    )


def delivery_recovered(what: str) -> str:
    return f"Nå virker det igjen: {what} blir sendt som før."
