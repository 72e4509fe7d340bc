"""Warnings about a valid knowledge base that may be going stale, for `python -m bot check`.

Errors stop the bot (bot.core.loading); these only warn, so the check still succeeds:

* an entry not checked against its source (`updated`) for more than a year. Samlinger that
  are over are left out: what happened at a past samling does not go out of date;
* a source without `url`: users see "Kilde: …" under every answer but cannot open the page;
* an entry whose source is not in sources.yaml (the loader refuses that already; this is for
  knowledge bases built in code).

Each warning has the loader's format, `PATH:LINE: ID: FIELD: message`, so an editor finds
the line the same way as for errors.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.core.knowledge import KnowledgeBase, Origin
from bot.core.loading import SOURCES_FILE
from bot.core.yaml_reader import Problem

STALE_AFTER = timedelta(days=365)


def freshness_warnings(
    kb: KnowledgeBase,
    today: date,
    *,
    stale_after: timedelta = STALE_AFTER,
) -> list[Problem]:
    """Every warning, in file and line order; each source and entry is placed by the origin
    the loader recorded, so sources.yaml is read only once."""
    warnings: list[Problem] = []
    for source in kb.sources.values():
        if source.url is None:
            where = source.origin or Origin(SOURCES_FILE, 1)
            warnings.append(
                Problem(
                    where.path,
                    where.line,
                    source.id,
                    "url",
                    "kilden har ingen nettadresse (url), så brukerne kan ikke åpne siden "
                    "svarene bygger på. Legg den inn hvis du vet den sikkert.",
                )
            )
    for entry in kb:
        where = entry.origin or Origin("?", 1)
        if entry.source not in kb.sources:
            warnings.append(
                Problem(
                    where.path,
                    where.line,
                    entry.id,
                    "source",
                    f"kilden «{entry.source}» finnes ikke i {SOURCES_FILE}.",
                )
            )
        if entry.event is not None and entry.event.last_day < today:
            continue  # a samling that is over does not go out of date
        age = today - entry.updated
        if age > stale_after:
            warnings.append(
                Problem(
                    where.path,
                    where.line,
                    entry.id,
                    "updated",
                    f"sist oppdatert {entry.updated:%d.%m.%Y}, for mer enn ett år siden "
                    f"({age.days} dager). Sjekk oppføringen mot kilden og sett ny dato i "
                    "`updated`.",
                )
            )
    return sorted(warnings, key=lambda problem: (problem.path, problem.line, problem.field or ""))
