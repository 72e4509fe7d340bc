"""Membership questions: "er Oppdal med i Gauldalsregionen?", "er Malvik med der også?".

Answered from the members a group lists, before anything else is tried: the group named (or
the one the chat talked about last), a samling asked whether it is part of a scheme, and a
name asked whether it is in any group at all ("er Melhus med i noe nettverk?").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.core import answers
from bot.core.index import SearchIndex, SearchResult
from bot.core.knowledge import Entry, Fact, KnowledgeBase
from bot.core.memory import Memory
from bot.core.not_knowing import unknown_reply
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.reply import Intent, Reply, reply_about
from bot.core.strange_names import asks_of_any_group, unknown_names
from bot.core.subject_answers import SubjectAnswers
from bot.core.subjects import SubjectFinder
from bot.core.text import Normaliser, fold
from bot.core.yes_no import YesNo


class Memberships:
    """Whether a name is one of a group's members, for one knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: SearchIndex,
        normaliser: Normaliser,
        subjects: SubjectAnswers,
        find: SubjectFinder,
        yes_no: YesNo,
        topic_entries: tuple[Entry, ...],
    ) -> None:
        self.kb = kb
        self._index = index
        self._normaliser = normaliser
        self._subjects = subjects
        self._find = find
        self._yes_no = yes_no
        self._topic_entries = topic_entries  # the topic buttons of a reply that does not know

    def answer(
        self, q: Question, search: SearchResult, memory: Memory | None, now: datetime
    ) -> Reply | None:
        """ "er engelsk på barnetrinnet en del av DEKOM?", "er Byåsen skole med i Lesetråder?",
        "er Malvik med der også?" (the group last talked about); None when it asks no such
        thing."""
        q = self._verbless(q)
        anywhere = self._in_any_group(q, search) or self._cooperating(q, search, now)
        if anywhere is not None:
            return anywhere
        of_scheme = self._subjects.samling_of_scheme(q, search)
        if of_scheme is not None:
            return of_scheme
        top = search.hits[0].entry if search.hits else None
        item = self._yes_no.lists.one_of_the_items(q, top) if top is not None else None
        if item is not None and item.startswith("Ja."):
            return None  # "er aktiv skoleeier ett av temaene i … ledelse i Trondheim?": its list
        group = self._subjects.membership_group(q, search) if q.yes_no else None
        names = self._yes_no.mentioned_members(q)
        if group is not None and (q.refers_back or self._names_only(q, names)):
            # "er Malvik med der?", or just "er Malvik med?": in the group the chat is about
            group = self._find.remembered_group(memory, now) or group
        if group is None and q.follows_up and not q.yes_no and not q.cues:
            # "er Rennebu med?" … "og Trondheim?": the same question of another name
            last = self._find.remembered_group(memory, now)
            if last is not None and names and len(q.topic) <= len(names):
                q = replace(q, yes_no=True, cues=q.cues | {Cue.MEMBERS})
                return self._subjects.answer(q, last, search, now, follow_up=True)
        if group is None:
            return None
        return self._subjects.answer(q, group, search, now, follow_up=False)

    def _verbless(self, q: Question) -> Question:
        """ "malvik i gauldalsregionen?", "oppdal med i gauldal?": a name, "(med) i", a group,
        and nothing else, asks whether it is a member."""
        if q.yes_no or not q.cues <= {Cue.MEMBERS}:
            return q
        names = self._yes_no.mentioned_members(q, own=True)
        first = self._normaliser.terms(names[0]) if names else ()
        if not first or tuple(q.terms[: len(first)]) != first:
            return q
        rest = [word for word in q.words[len(names[0].split()) :] if word != "med"]
        if rest[:1] != ["i"] or len(rest) < _GROUP_NAMED:
            return q
        return replace(q, yes_no=True, cues=q.cues | {Cue.MEMBERS})

    def _cooperating(self, q: Question, search: SearchResult, now: datetime) -> Reply | None:
        """ "samarbeider Trondheim med Malvik?": two members of one group work together in it,
        so the answer is their membership (not that the group's partner is someone else)."""
        if not (q.yes_no and q.has(Cue.COOPERATION)):
            return None
        names = self._yes_no.mentioned_members(q, own=True)
        if len(names) < 2:
            return None
        partner = fold(names[1])  # "samarbeider Trondheim med NTNU?": the partner's own fact
        shared = [
            group
            for group in self._yes_no.groups_of(names[0])
            if names[1] in group.members
            and not fold(group.fact(Fact.PARTNERS) or "").startswith(partner)
        ]
        if not shared:
            return None
        as_members = replace(q, cues=(q.cues - {Cue.COOPERATION}) | {Cue.MEMBERS})
        return self._subjects.answer(as_members, shared[0], search, now, follow_up=False)

    def _in_any_group(self, q: Question, search: SearchResult) -> Reply | None:
        """ "Er Melhus med i noe nettverk?": "Ja" and the groups that list it; of a name the
        sources never use ("… Orkland …") the two pages cannot say, so not confident."""
        if not asks_of_any_group(q):
            return None
        names = self._yes_no.mentioned_members(q, own=True)
        strangers = unknown_names(q, search, self._index.knows)
        if strangers and (not names or _at(strangers[0], q) < _at(names[0], q)):
            return unknown_reply(q, search, self._topic_entries)  # asked of the stranger
        if not names or _at(names[0], q) > _at("med", q):
            return None  # "er skolen med i noe prosjekt om lesing?" names no member
        groups = self._yes_no.groups_of(names[0])
        if not groups:
            return None
        titles = answers.join_words([answers.short_title(group) for group in groups])
        text = f"Ja, {self._yes_no.shown(names[0])} er med i {titles}."
        return reply_about(self.kb, text, Intent.WHAT_IS, groups, search.hits)

    def _names_only(self, q: Question, names: Sequence[str]) -> bool:
        """Whether the question's topic is only the member names it mentions ("er Malvik med?")."""
        return set(q.topic) <= {t for name in names for t in self._normaliser.terms(name)}


_GROUP_NAMED = 2  # "i" and the group's name


def _at(name: str, q: Question) -> int:
    """Where in the question a name is typed (the first one asks, the rest name the group)."""
    found = fold(q.text).find(fold(name))
    return len(q.text) if found < 0 else found
