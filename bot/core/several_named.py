"""Two or more schemes or regions named at once: "hva står REKOM og DEKOM for?", "er DEKOM og
REKOM det samme?", "forskjellen på REKOM og DEKOM?".

Each named entry answers for itself, unless together they name a group that lists what is asked
("målene for Rekom, Dekom og Kompetanseløftet" are the goals of the tilskuddsordninger).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import answers
from bot.core.contraries import contrary_sentence
from bot.core.fact_answers import asked_fact, fact_text, summary
from bot.core.index import SearchResult
from bot.core.knowledge import Entry, Fact, KnowledgeBase
from bot.core.not_knowing import buttons
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.reply import Intent, Reply, matches_of, reply_about
from bot.core.same_thing import SAME_WORDS
from bot.core.subjects import MemberNames
from bot.core.text import Normaliser, fold
from bot.core.yes_no import YesNo

_TITLE_MATCH = 0.9  # a samling matched this well is what a question naming its scheme asks of


class SeveralNamed:
    """Answers to questions that name several schemes or regions, for one knowledge base."""

    def __init__(
        self, kb: KnowledgeBase, yes_no: YesNo, normaliser: Normaliser, members: MemberNames
    ) -> None:
        self.kb = kb
        self._yes_no = yes_no
        self._normaliser = normaliser
        self._members = members

    def answer(self, q: Question, search: SearchResult) -> Reply | None:
        """Two or more schemes or regions named by name: the fact asked of each ("hva står
        REKOM og DEKOM for?"), or, asked whether they are the same, "Nei" and what each is."""
        ids = sorted(q.filters.schemes | q.filters.regions, key=lambda i: _position(i, q.terms))
        named = [self.kb.get(entry_id) for entry_id in ids]
        entries = [entry for entry in named if entry is not None and self._yes_no.names(q, entry)]
        if len(entries) < 2 or q.has(Cue.MEMBERS) or q.says_med:
            return None
        top = search.hits[0] if search.hits else None
        if top is not None and top.entry.is_event and top.lexical >= _TITLE_MATCH:
            return None  # "hvem samarbeider regionen med om begynneropplæringen i dekom?"
        fact = asked_fact(q)
        if self._a_group_of(q, entries, search):
            return None
        group = self._group_saying(entries, fact)
        if group is not None:
            return self._replied(answers.entry_text(group), Intent.LIST, [group], search)
        if q.yes_no and not SAME_WORDS.isdisjoint(q.words):  # "er DEKOM og REKOM det samme?"
            text = "Nei. " + " ".join(summary(entry) for entry in entries)
        elif q.has(Cue.DIFFERENCE) and not q.yes_no:  # "forskjellen på REKOM og DEKOM?"
            if _said_alike(entries):  # the sources say the same of both: no difference known
                text = _no_difference_known(entries)
                return Reply(text, False, Intent.UNKNOWN, matches_of(search.hits), buttons(entries))
            text = " ".join(summary(entry) for entry in entries)
        elif fact is not None and not q.yes_no and all(fact_text(e, fact) for e in entries):
            text = " ".join(fact_text(entry, fact) or "" for entry in entries)
        elif q.yes_no and (contrary := self._contrary(q, entries)) is not None:
            said, of = contrary  # "Dekom og Rekom er private ordninger?": "… statlige …"
            return self._replied(f"Nei. {said}", Intent.WHAT_IS, of, search)

        elif q.cues <= {Cue.WHAT} and not q.yes_no and set(q.topic) <= set(q.kind_words):
            # "hva er dekom/kompetanseløftet?" asks what each is
            text = answers.entry_pair_text(entries)
        else:
            return None
        return self._replied(text, Intent.WHAT_IS, entries, search)

    def _contrary(
        self, q: Question, entries: Sequence[Entry]
    ) -> tuple[str, Sequence[Entry]] | None:
        """The sentence of a group of them all that words the claim the other way, else one
        such sentence of each; and the entries they are from."""
        for group in self._shared_groups(entries):
            said = contrary_sentence(q, group)
            if said is not None:
                return said, [group]
        each = [contrary_sentence(q, entry) for entry in entries]
        if not all(each):
            return None
        return " ".join(dict.fromkeys(s for s in each if s)), entries

    def _shared_groups(self, entries: Sequence[Entry]) -> list[Entry]:
        shared = self._members.groups_of(entries[0])
        for entry in entries[1:]:
            shared = [g for g in shared if g in self._members.groups_of(entry)]
        return shared

    def _a_group_of(self, q: Question, entries: Sequence[Entry], search: SearchResult) -> bool:
        """ "målene for Rekom, Dekom og Kompetanseløftet", "tilskuddsordningene dekom/
        kompetanseløftet": all of one group's members, or members and the group's best match,
        name the group (the tilskuddsordninger), not the schemes one by one."""
        ids = {entry.id for entry in entries}
        top = search.hits[0].entry if search.hits else None
        for group in self._members.groups_of(entries[0]):
            members = {m.id for m in map(self._members.entry, group.members) if m is not None}
            if members and (members <= ids or (group is top and self._named_as_group(q, group))):
                return True
        return False

    def _group_saying(self, entries: Sequence[Entry], fact: Fact | None) -> Entry | None:
        """ "hva er målene for Dekom og Kompetanseløftet?": members of one group asked for what
        the group itself lists (the goals of the ordninger), not each one's own."""
        if fact is not Fact.GOALS:
            return None
        shared = [g for g in self._shared_groups(entries) if g.items]
        listing = [g for g in shared if "mål" in (g.items_title or "").lower()]
        return listing[0] if listing else None

    def _named_as_group(self, q: Question, group: Entry) -> bool:
        """Whether the question has a word of the group's title that no member's name has."""
        own = set(self._normaliser.terms(group.title))
        for member in group.members:
            own -= set(self._normaliser.terms(member))
        return not own.isdisjoint(q.content)

    def _replied(
        self, text: str, intent: Intent, entries: Sequence[Entry], search: SearchResult
    ) -> Reply:
        return reply_about(self.kb, text, intent, entries, search.hits)


def _position(entry_id: str, terms: Sequence[str]) -> tuple[int, str]:
    """Where the question names an entry by its id (or the stem of it: "oppfolgingsordning"),
    so answers come in the order asked; the id breaks ties, so the order never depends on how
    a set happens to iterate."""
    named = (
        i
        for i, term in enumerate(terms)
        if term == entry_id or (len(term) >= _STEM and entry_id.startswith(term))
    )
    return next(named, len(terms)), entry_id


_STEM = 4


def _said_alike(entries: Sequence[Entry]) -> bool:
    """Whether the sources say the same of each entry but its name ("Oppfølgingsordningen er
    én av tre ordninger i …", "Innovasjonsordningen er én av tre ordninger i …")."""
    unnamed = {
        fold(summary(entry)).replace(fold(answers.short_title(entry)), "") for entry in entries
    }
    return len(unnamed) == 1


def _no_difference_known(entries: Sequence[Entry]) -> str:
    names = answers.join_words([answers.short_title(entry) for entry in entries])
    said = summary(entries[0])
    return f"Kildene mine sier ikke hva som skiller {names}. De omtaler begge likt: {said}"
