"""Lists of one kind of entry: "hvilke ordninger finnes?" lists the schemes; "hvilken ordning
gjelder for barnehagene?" the ones for them; "hvilke ordninger er tilskuddsordningene?" the
members of the group named; "hva slags ordninger er DEKOM og REKOM?" what each is."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import answers
from bot.core.fact_answers import fact_text, summary
from bot.core.index import Hit, SearchResult
from bot.core.knowledge import Entry, Fact, KnowledgeBase
from bot.core.not_knowing import CONFIDENT_COVERAGE, coverage, unknown_reply
from bot.core.question import Question
from bot.core.question_shapes import fact_naming, sorts_named
from bot.core.reply import Intent, Reply, reply_about
from bot.core.subjects import (
    CONFIDENT_MARGIN,
    CONFIDENT_SCORE,
    MemberNames,
    SubjectFinder,
    runner_up_score,
)
from bot.core.text import Normaliser


class KindLists:
    """Answers "hvilke X …?" for a kind X, for one knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        find: SubjectFinder,
        members: MemberNames,
        normaliser: Normaliser,
        topic_entries: tuple[Entry, ...],
    ) -> None:
        self.kb = kb
        self._normaliser = normaliser
        self._find = find
        self._members = members
        self._topic_entries = topic_entries  # the buttons of a reply that does not know

    def answer(self, q: Question, search: SearchResult) -> Reply | None:
        """ "hvilke ordninger finnes?" lists the schemes, unless one entry holds that list."""
        assert q.list_kind is not None
        top = search.hits[0] if search.hits else None
        if top is not None and top.entry.items and top.score >= CONFIDENT_SCORE and q.topic:
            return None
        of_kind = [entry for entry in self.kb if entry.kind == q.list_kind]
        if not of_kind:
            return None
        if coverage(q, search) < CONFIDENT_COVERAGE:
            return unknown_reply(
                q, search, self._topic_entries
            )  # "hvilke fokusområder har Bergen kommune?"
        sorts = sorts_named(q, self.kb)
        if sorts is not None:  # "hva slags ordninger er DEKOM og REKOM?": what they are
            text = " ".join(summary(entry) for entry in sorts)
            return self._reply(text, Intent.WHAT_IS, sorts, search.hits)
        group = self._group_of_kind(q, search)
        if group is not None:  # "hvilke ordninger er tilskuddsordningene?": its members
            return self._reply(fact_text(group, Fact.MEMBERS) or "", Intent.LIST, [group])
        named = self._find.named_entity(q, strict=False)
        if named is not None and named.kind != q.list_kind:
            said = fact_naming(named, of_kind)  # "hvilken stortingsmelding beskriver DEKOM?"
            if said is not None:
                return self._reply(said, Intent.WHAT_IS, [named], search.hits)
        names = self.kb.vocabulary.kinds.get(q.list_kind)
        plural = names.plural if names else q.list_kind.value
        wanted = q.filters.audiences
        fitting = [entry for entry in of_kind if wanted and wanted <= set(entry.applies_to)]
        if fitting:  # "hvilken ordning gjelder for barnehagene?": the ones for them
            plural = f"{plural} for {answers.audience_labels(self.kb, sorted(wanted))}"
            return self._reply(answers.kind_list(plural, fitting), Intent.LIST, fitting)
        return self._reply(answers.kind_list(plural, of_kind), Intent.LIST, of_kind)

    def _group_of_kind(self, q: Question, search: SearchResult) -> Entry | None:
        """The clear best match, named by the question or its message, when its members are
        all of the kind asked for (the tilskuddsordninger are three ordninger)."""
        top = search.hits[0] if search.hits else None
        if top is None or top.score < CONFIDENT_SCORE or not top.entry.members:
            return None
        # the question or its message names the group by a word of its title, not only by the
        # kind ("hvilken ordning gjelder for barnehagene?" names no group)
        title = set(self._normaliser.terms(top.entry.title))
        named = not title.isdisjoint((*q.content, *q.context_terms))
        if not named or top.score - runner_up_score(search.hits) < CONFIDENT_MARGIN:
            return None
        members = [self._members.entry(name) for name in top.entry.members]
        of_kind = all(member is not None and member.kind is q.list_kind for member in members)
        return top.entry if of_kind else None

    def _reply(
        self, text: str, intent: Intent, entries: Sequence[Entry], hits: Sequence[Hit] = ()
    ) -> Reply:
        return reply_about(self.kb, text, intent, entries, hits)
