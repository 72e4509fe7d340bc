"""Can every entry be found by its exact title? `python -m bot check` asks the engine.

A coordinator who adds "Nettverkssamling skole" expects a teacher who types exactly that to
get it. The check asks the engine each title and warns (never fails) about the entries that
are not the confident answer; the fix is usually a phrasing or keyword in the entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from bot.core.engine import Engine
from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.reply import Intent


def unfindable_titles(kb: KnowledgeBase, engine: Engine, now: datetime) -> Iterator[str]:
    """One warning per entry not answered confidently when its title is asked, as
    `file:line: id: title: message`."""
    for entry in kb:
        reply = engine.ask(entry.title, now)
        lead = reply.matches[0] if reply.matches else None
        # an entry that says the source has nothing more is found, and unsure on purpose
        found = reply.confident or reply.intent is not Intent.UNKNOWN
        if found and lead is not None and _answers(kb, entry, lead.id):
            continue
        where = f"{entry.origin}: " if entry.origin is not None else ""
        answered = f"svaret handler om «{lead.title}»" if lead else "jeg finner ikke noe svar"
        if not reply.confident:
            answered = "jeg er ikke sikker på svaret"
        yield (
            f"{where}{entry.id}: title: den som spør etter «{entry.title}», får ikke denne "
            f"oppføringen ({answered}); legg tittelen eller ord fra den i phrasings eller keywords"
        )


def _answers(kb: KnowledgeBase, entry: Entry, lead_id: str) -> bool:
    """The lead is the entry, or a samling of the same title (one a year: the most relevant
    one answers)."""
    lead = kb[lead_id]
    return lead.id == entry.id or (entry.is_event and lead.is_event and lead.title == entry.title)
