"""Items of a list asked for by their place ("hva er det siste målet?" after the goals), or
as the ones besides those named ("hvilke kommuner er med utenom Melhus?"), and what else an
entry is or does."""

from __future__ import annotations

from bot.core import answers
from bot.core.knowledge import Entry
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.sentence_words import split_sentences
from bot.core.text import fold

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


def members_besides(q: Question, entry: Entry) -> str | None:
    """ "hvilke kommuner er med i regionen utenom Melhus?": the members other than the ones
    named, or None when the question names none of them with such a word."""
    if not entry.members or _BESIDES.isdisjoint(q.words):
        return None
    said = f" {' '.join(q.words)} "
    named = [name for name in entry.members if f" {fold(name.lower())} " in said]
    others = [name for name in entry.members if name not in named]
    if not named or not others:
        return None
    title = answers.short_title(entry)
    return (
        f"I tillegg til {answers.join_words(named)} er {answers.join_words(others)} med i {title}."
    )


# "utenom", "unntatt", "bortsett fra", "i tillegg til", as folded words
_BESIDES = frozenset(
    {"utenom", "utanom", "unntatt", "untatt", "bortsett", "foruten", "tillegg", "except", "besides"}
)


def what_else(entry: Entry) -> str | None:
    """The sentence of the entry that tells what else it is or does ("… samarbeider også om
    andre felles satsingsområder og utfordringer")."""
    for sentence in split_sentences(entry.answer):
        words = set(fold(sentence).split())
        if words & _ELSE:
            return sentence.rstrip(".") + "."
    return None


_ELSE = frozenset({"ogsa", "andre", "dessuten"})
