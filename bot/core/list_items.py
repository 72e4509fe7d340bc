"""Items of a list asked for by their place: "hva er det siste målet?" after the goals."""

from __future__ import annotations

from bot.core.knowledge import Entry
from bot.core.question import Question
from bot.core.question_words import Cue

_ORDINALS = {"forste": 0, "andre": 1, "tredje": 2, "fjerde": 3, "femte": 4, "sjette": 5}
_ITEM_ORDINALS = {**_ORDINALS, "siste": -1}
_DEFINITE = frozenset({"det", "den", "de"})


def item_asked(q: Question, last: Entry) -> str | None:
    """ "hvor mange mål har den?" … "hva er det siste målet?": the sentence naming that item
    of the list the chat talked about last, when the list names no entries of its own."""
    if not last.items or last.members or last.is_event:
        return None
    if q.has(Cue.EVENT, Cue.NEXT, Cue.DEADLINE, Cue.CANCELLED):
        return None
    at = next((i for i, word in enumerate(q.words) if word in _ITEM_ORDINALS), None)
    if at is None or at == 0 or q.words[at - 1] not in _DEFINITE:
        return None  # "det siste målet", "den første", not "siste samling"
    word = q.words[at]
    position = _ITEM_ORDINALS[word]
    if position >= len(last.items):
        return None
    heading = (last.items_title or "").split()
    link = f" {heading[-1]}" if heading and heading[-1] in ("å", "at") else ""
    shown = "første" if word == "forste" else word
    return f"Det {shown} er{link} {last.items[position]}."
