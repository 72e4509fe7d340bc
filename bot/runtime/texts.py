"""What the runtime tells coordinators (bokmål): reload summaries, broken knowledge files,
and delivery that keeps failing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.core.changes import ChangeKind, EventChange
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.runtime.reload_guard import Drastic

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


NOTHING_HELD = (
    "Denne endringen venter ikke lenger på bekreftelse: den er allerede tatt i bruk, "
    "eller filene er endret igjen siden."
)
HELD_OUTDATED = (
    "Filene er endret igjen etter at jeg spurte, så jeg tar ikke i bruk den versjonen. "
    "Jeg ser på de nye filene nå og spør på nytt om det trengs."
)


def held_summary(drastic: Drastic) -> str:
    reasons = []
    if drastic.emptied:
        verb = "er tom eller slettet" if len(drastic.emptied) == 1 else "er tomme eller slettet"
        reasons.append(f"{', '.join(drastic.emptied)} {verb}")
    if drastic.removed:
        reasons.append(f"{drastic.removed} av {drastic.samlinger} samlinger ville forsvinne")
    return (
        f"Kunnskapsbasen ble endret, men jeg har ikke tatt den i bruk: {' og '.join(reasons)}. "
        "Den gamle er fortsatt i bruk, og ingen abonnenter har fått beskjed. "
        "Var det meningen, trykk «Ja, ta i bruk» (da får abonnentene beskjed om det som er "
        "tatt ut). Var det en feil, legg filen tilbake; da skjer ingenting."
    )


def removals_held(removed: int) -> str:
    return (
        f"{removed} samlinger som abonnentene kjenner til, er borte fra kunnskapsbasen siden "
        "sist (en tom eller slettet fil?). Jeg har ikke sendt «tatt ut av oversikten» til noen. "
        "Var det meningen, trykk «Send beskjed». Var det en feil, legg filen tilbake; da skjer "
        "ingenting."
    )


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
