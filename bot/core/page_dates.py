"""When the pages were last updated: "når ble siden sist oppdatert?", "hvor oppdatert er
informasjonen om satsingene i Trondheimsskolen?".

The answer is the date a page states ("Sist oppdatert: 18.04.2024"), of the pages the question
names by their publisher or title, or of every page when it names none; a page that states no
date is said to state none.
"""

from __future__ import annotations

import re

from bot.core.date_texts import short_date
from bot.core.knowledge import KnowledgeBase, Source
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.reply import Intent, Reply
from bot.core.text import fold, stem, typed_words

_UPDATED = frozenset(
    {"oppdatert", "oppdatering", "oppdateringen", "oppdaterte", "oppdatere", "oppdateres"}
)
_NAMING = 5  # a word of a page's publisher or title this long names the page
_SAMLING_CUES = (Cue.EVENT, Cue.NEXT, Cue.DEADLINE, Cue.CANCELLED)


def updated_reply(q: Question, kb: KnowledgeBase) -> Reply | None:
    """The pages' dates, when the question asks when a page was last updated."""
    if _UPDATED.isdisjoint(q.words) or q.has(*_SAMLING_CUES) or not kb.sources:
        return None  # "er samlingen oppdatert med ny dato?" asks about the samling
    pages = list(kb.sources.values())
    asked = [page for page in pages if _names(q, page)] or pages
    text = " ".join(_updated_sentence(page) for page in asked)
    dated = [page.updated for page in asked if page.updated is not None]
    since = _SINCE.search(fold(q.text))
    if q.yes_no and since is not None and len(asked) == 1 and dated:
        # "er siden oppdatert etter 2020?" ("… ikke oppdatert siden 2020" is that denied)
        year = int(since.group("year"))
        later = (
            dated[0].year > year if since.group(1) in ("etter", "after") else dated[0].year >= year
        )
        text = ("Ja. " if later else "Nei. ") + text
    elif q.yes_no and q.period is not None and len(asked) == 1 and dated:
        # "Ble siden sist oppdatert i mars 2024?"
        within = q.period.start <= dated[0] <= q.period.end
        text = ("Ja. " if within else "Nei. ") + text
    return Reply(text, True, Intent.WHAT_IS)


_SINCE = re.compile(r"\b(etter|siden|sia|sidan|after|since) (?P<year>(?:19|20)\d\d)\b")


def _names(q: Question, page: Source) -> bool:
    """ "Trondheimsskolen" names Trondheim kommune's page, "satsingene" its title."""
    own = {stem(word) for word in typed_words(fold(f"{page.publisher} {page.title}"))}
    own = {term for term in own if len(term) >= _NAMING}
    asked = {stem(word) for word in q.words}
    return any(
        word.startswith(term) or term.startswith(word)
        for word in asked
        for term in own
        if len(word) >= _NAMING
    )


def _updated_sentence(page: Source) -> str:
    name = f"{_possessive(page.publisher)} side «{page.title}»"
    if page.updated is None:
        return f"{name} oppgir ikke når den sist ble oppdatert."
    return f"{name} ble sist oppdatert {short_date(page.updated)}."


def _possessive(name: str) -> str:
    """ "Trondheim kommunes", "Gauldalsregionens"."""
    return name if name.endswith("s") else f"{name}s"
