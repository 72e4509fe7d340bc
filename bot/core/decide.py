"""Deciding how to answer one question: which entry or samlinger it is about, and what it asks.

The engine has already split the message into question parts and read each one. Here one
`Question` (with its search result, the chat's memory and the terms the message's context
added) becomes a `Reply`:

1. a follow-up that picks an item of the last list ("hva er det siste målet?") or claims a
   year of the last subject ("… var det 2017?"); membership ("er Oppdal med i …?", answered
   from the group's members, `bot.core.memberships`; "er X en del av DEKOM?" of a samling), a
   partner a samling does not have, a yes/no about something the sources never name, small
   talk, an entry's own title, several schemes named at once (`bot.core.several_named`), and
   attributes the sources never have (prices, passwords) — the unknown ones never confident;
2. the subject (bot.core.subjects): an entry's own title, the entry the question names, or, for
   a follow-up ("når trådte den i kraft?", "hvem passer den for?"), what the chat talked about
   last;
3. a typed fact ("hvem står bak", "hva står X for"), a yes or no, samlinger, or the entry
   itself — each only when the question was understood well enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.core import answers, help_texts
from bot.core.comparisons import Comparisons
from bot.core.contraries import CLAIM_TERMS
from bot.core.event_answers import EventAnswers
from bot.core.fact_answers import asked_fact, fact_text, not_known
from bot.core.index import Hit, SearchIndex, SearchResult
from bot.core.kind_claims import KindClaims
from bot.core.kind_lists import KindLists
from bot.core.knowledge import Entry, Fact, Kind, KnowledgeBase
from bot.core.list_items import members_besides
from bot.core.memberships import Memberships
from bot.core.memory import Memory
from bot.core.named_samlinger import NamedSamlinger
from bot.core.not_knowing import (
    CONFIDENT_COVERAGE,
    SUGGEST_SCORE,
    coverage,
    unknown_reply,
    with_topic_buttons,
)
from bot.core.question import Question
from bot.core.question_shapes import (
    asks_for_a_list,
    asks_if_any,
    can_answer,
    clear,
    complementary_pair,
    has_fact_first,
    list_counted,
    names_what,
)
from bot.core.question_words import ONLY_WORDS, Cue
from bot.core.reply import Intent, Reply, matches_of, reply_about
from bot.core.same_thing import same_or_not
from bot.core.samling_questions import (
    as_whether_for,
    asks_whether_for,
    asks_who_took_part,
    names_a_samling,
    time_of_day_unknown,
)
from bot.core.samling_routing import asks_about_samlinger, is_about_samlinger
from bot.core.several_named import SeveralNamed
from bot.core.smalltalk import helps_towards, only_chatter, smalltalk
from bot.core.strange_names import asks_of_a_stranger, without_bodies_claimed
from bot.core.subject_answers import SubjectAnswers
from bot.core.subjects import (
    CONFIDENT_MARGIN,
    CONFIDENT_SCORE,
    EVENT_CUES,
    MemberNames,
    SubjectFinder,
    runner_up_score,
)
from bot.core.text import Normaliser
from bot.core.yes_no import YesNo

_OF_A_SAMLING = (Cue.DEADLINE, Cue.WHERE, Cue.CANCELLED, Cue.FOR_WHOM)
ONE_SENTENCE_WORDS = 3  # a sentence with this many of the question's words, and all, answers it


class Decider:
    """Answers one read question about one knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: SearchIndex,
        normaliser: Normaliser,
        events: EventAnswers,
    ) -> None:
        self.kb = kb
        self._index = index
        self._normaliser = normaliser
        self._events = events
        self._named = NamedSamlinger(events, normaliser)
        members = MemberNames(kb)
        self._find = SubjectFinder(kb, index, normaliser, members)
        yes_no = self._yes_no = YesNo(kb, normaliser, members)
        known = index.knows
        self._subjects = SubjectAnswers(kb, events, yes_no, normaliser, members, known)
        self._several = SeveralNamed(kb, yes_no, normaliser, members)
        self._kinds = KindClaims(kb, index, normaliser, yes_no.kind_words, members)
        self._comparisons = Comparisons(index, normaliser, yes_no.kind_words[Kind.EVENT])
        self._topics = help_texts.known_topics(kb)
        self._topic_entries = help_texts.topic_entries(kb)
        self._kind_lists = KindLists(kb, self._find, members, normaliser, self._topic_entries)
        self._memberships = Memberships(
            kb, index, normaliser, self._subjects, self._find, yes_no, self._topic_entries
        )

    def help_text(self) -> str:
        return help_texts.help_text(self._topics)

    def decide(self, q: Question, memory: Memory | None, now: datetime) -> Reply:
        """`memory`: what the chat talked about last, for follow-ups."""
        asked, search = self._search(q)
        item = self._find.ordinal_item(q, memory, now)
        if item is not None:  # "… hvor mange mål har den?" "hva er det siste målet?"
            return reply_about(self.kb, item[1], Intent.WHAT_IS, [item[0]], search.hits)
        year_claim = self._find.year_claimed_of_last(q, memory, now)
        if year_claim is not None:  # "… trådte REKOM i kraft? var det 2017?"
            return self._subjects.year_claimed(year_claim[1], year_claim[0], search, now)
        compared = self._comparisons.answer(q, now)
        if compared is not None:  # "er REKOM eldre enn den nye modellen?"
            return reply_about(self.kb, compared[0], Intent.WHAT_IS, compared[1], search.hits)
        # (not "får vi betalt ekstra for å være med på DEKOM?", which asks what no source has)
        outright = self._memberships.answer(q, search, memory, now)
        if outright is not None and not q.has(Cue.UNSUPPORTED):
            return outright
        other = self._named.held_by_others(q, search, now, self._find.last(memory, now))
        if (other := other or self._subjects.someone_else_in_role(q, search)) is not None:
            return other  # "Er det UiT som er hovedpartner …?"
        kind = self._kinds.verdict(q, self._find.last(memory, now))
        if kind is not None:  # "er REKOM en stortingsmelding?", "er det en lov?"
            return reply_about(self.kb, kind[0], Intent.WHAT_IS, [kind[1]], search.hits)
        unknown = [t for t in asked if t in q.topic and len(t) >= 7 and not self._index.resolve(t)]
        # (of samlinger, also "hvilke forskere leder samlingene?", which lists what no source has)
        listed = q.has(Cue.LIST) and q.has(Cue.EVENT)
        if ((q.yes_no or listed) and unknown) or asks_of_a_stranger(q, search):
            # "får man studiepoeng for …?", "har Tromsø et leseprosjekt?": not in the sources
            return self._unknown(q, search)
        if (q.is_smalltalk_only and not helps_towards(q)) or only_chatter(q, search):
            return smalltalk(q, self.help_text())
        titled = self._find.named_by_title(q, search)
        if titled is not None:
            return self.answer_entry(titled, now, search.hits)
        same = same_or_not(q, self._find.last(memory, now), self.kb)
        if same is not None:  # "er den desentraliserte ordningen det samme som DEKOM?"
            return reply_about(self.kb, same[0], Intent.WHAT_IS, [same[1]], search.hits)
        several = self._several.answer(q, search)
        if several is not None:  # "hva står REKOM og DEKOM for?", "er DEKOM og REKOM det samme?"
            return several
        subject = self._find.subject(q, search)
        remembered = self._find.remembered(q, subject, memory, now)
        if q.has(Cue.UNSUPPORTED) or time_of_day_unknown(q, remembered or subject, self.kb):
            unsupported = self._subjects.unsupported(q, remembered or subject, search, now)
            return with_topic_buttons(unsupported, self._topic_entries)
        later = self._named.after_last(q, self._find.last(memory, now), now)
        if later is not None:  # "og den etter?"
            return later
        if remembered is not None:
            return self._subjects.answer(q, remembered, search, now, follow_up=True)
        asked_events = asks_about_samlinger(q, search)
        own_words = q.topic or q.filters or q.context_terms or q.period
        self_contained = asked_events and q.has(Cue.NEXT)  # "neste samling da?" asks it all
        if (
            q.refers_back
            and not own_words
            and not self_contained
            and (q.follows_up or not asked_events)
        ):
            return self._unknown(q, search, asked_nothing=True)  # a follow-up to nothing
        asks_about = asked_fact(q) is not None or q.has(Cue.WHEN, Cue.OTHER_THAN) or q.yes_no
        asks_about = asks_about or (q.has(Cue.FOR_WHOM) and subject is not None)
        asks_about = asks_about or self._asks_what_named_is(q, subject)
        if subject is not None and self._about_its_samlinger(q, subject):
            return self._answer_events(q, search, now)
        if subject is not None and not subject.is_event and not asked_events and asks_about:
            if coverage(q, search) < CONFIDENT_COVERAGE:
                return self._unknown(q, search)
            return self._subjects.answer(q, subject, search, now, follow_up=False)
        said = self._said_of_named(q, search, asked_events, subject)
        if said is not None:  # "kva skal DEKOM erstatte etter kvart?"
            return said
        named = self._find.named_entity(q)
        if named is not None:
            return self._answer_named(named, q, search, now)
        if is_about_samlinger(q, search):
            return self._answer_events(q, search, now)
        return self._answer_entries(q, search, now)

    def _asks_what_named_is(self, q: Question, subject: Entry | None) -> bool:
        """ "Vi skal drøfte DEKOM. Kan du forklare hva ordningen går ut på?": what the scheme
        named (here or in the message's context) is, in words that only name its kind."""
        if subject is None or not q.has(Cue.WHAT) or q.yes_no or q.alternatives or q.list_kind:
            return False  # "hvilken stortingsmelding beskriver DEKOM?" asks for one of a kind
        if q.filters.audiences or q.filters.locations or q.period or q.has(*EVENT_CUES):
            return False  # "hva er DEKOM engelsk på barnetrinnet?" is about a samling
        if any(term not in q.kind_words for term in q.topic):
            return False
        return subject is self._find.named_entity(q, strict=False)

    def _said_of_named(
        self, q: Question, search: SearchResult, events: bool, subject: Entry | None
    ) -> Reply | None:
        """A question about a scheme or region it names, in words one sentence of it has."""
        if q.yes_no or events or asked_fact(q) is not None or q.has(Cue.LIST, Cue.COUNT):
            return None  # "hvilke kommuner består Gauldalsregionen av?" asks for the list
        named = self._find.named_entity(q, strict=False)
        if named is None or named.is_event or subject not in (None, named):
            return None  # "planer for nettverket" is about the plans, not the network
        if coverage(q, search) < CONFIDENT_COVERAGE:
            return None
        members = fact_text(named, Fact.MEMBERS) if named.members else None
        # "kæm e kommunan i Gauldalsregionen?", "kommuner i Gauldalsregionen?": who they are
        if members and (q.has(Cue.WHO) or names_what(q, self._normaliser.terms(members))):
            return self._reply(members, Intent.LIST, [named], search.hits)
        said = self._yes_no.saying_sentence(q, named)
        return None if said is None else self._reply(said, Intent.WHAT_IS, [named], search.hits)

    def _search(self, q: Question) -> tuple[list[str], SearchResult]:
        """The question's own terms and the search for them (with the context's terms unless
        those drown a question that is clear on its own)."""
        # "statlige eller kommunale?": an unknown choice beside a known one is no sign that the
        # question is out of scope; "vikar eller overtid?", both unknown, is.
        known_choice = q.period is not None or any(map(self._index.resolve, q.alternatives))
        forgiven = q.alternatives if known_choice else frozenset()  # "fredag eller lørdag?"
        forgiven |= {choice for choice in q.alternatives if choice.isdigit()}  # "5 eller 6?"
        forgiven |= CLAIM_TERMS & set(q.content) if q.yes_no else frozenset()  # "over natta?"
        asked = [t for t in q.content if t not in forgiven or self._index.resolve(t)]
        asked = without_bodies_claimed(q, asked)  # "var det fylkesmannen som innførte den?"
        search = self._index.search((*asked, *q.context_terms), limit=6)
        if q.context_terms and asked:
            alone = self._index.search(asked, limit=6)
            if (clear(alone) and not clear(search)) or has_fact_first(q, alone, search):
                search = alone
        return asked, search

    def answer_entry(self, entry: Entry, now: datetime, hits: Sequence[Hit] = ()) -> Reply:
        """One entry in full: a samling's summary, or the entry's answer."""
        if entry.event is not None:
            text = answers.event_summary(self.kb, entry, now)
            return self._reply(text, Intent.EVENT_INFO, [entry], hits)
        return self._reply(answers.entry_text(entry), Intent.WHAT_IS, [entry], hits)

    # -- entries ------------------------------------------------------------------------------

    def _answer_named(
        self, entry: Entry, q: Question, search: SearchResult, now: datetime
    ) -> Reply:
        if coverage(q, search) < CONFIDENT_COVERAGE:
            return self._unknown(q, search)
        if q.yes_no and not entry.is_event:  # "erstatter DEKOM satsingene over natta?"
            return self._subjects.answer(q, entry, search, now, follow_up=False)
        shown = answers.around(self._events.about(entry.id), now, 3)
        text = answers.entry_with_events(entry, shown, now)
        return self._reply(text, Intent.WHAT_IS, [entry, *shown], search.hits)

    def _answer_entries(self, q: Question, search: SearchResult, now: datetime) -> Reply:
        if q.list_kind is not None:
            listed = self._kind_lists.answer(q, search)
            if listed is not None:
                return listed
        hits = search.hits
        if not q.content or not hits:
            return self._unknown(q, search, asked_nothing=not q.content)
        if (listing := list_counted(q, hits)) is not None:  # "hvor mange fokusområder er det?"
            return self._reply(answers.counted_text(listing), Intent.LIST, [listing], hits)
        top = hits[0]
        pair = complementary_pair(q, hits)
        if pair is not None and coverage(q, search) >= CONFIDENT_COVERAGE:
            return self._reply(answers.entry_pair_text(pair), Intent.WHAT_IS, pair, hits)
        confident = (
            top.score >= CONFIDENT_SCORE
            and top.score - runner_up_score(hits) >= CONFIDENT_MARGIN
            and coverage(q, search) >= CONFIDENT_COVERAGE
            and can_answer(top.entry, q)
        )
        if confident and q.has(Cue.COUNT):
            confident = self._find.can_count(q, top.entry)
        entry = top.entry
        besides = members_besides(q, entry) if q.has(Cue.LIST, Cue.MEMBERS) else None
        if besides is not None and top.score >= SUGGEST_SCORE:  # "… utenom Melhus?"
            return self._reply(besides, Intent.LIST, [entry], hits)
        if (
            confident
            and asks_for_a_list(q)
            and not (entry.items or entry.members or entry.is_event)
        ):
            # "hvilke nivå skal lesesatsingen jobbe på?" is in a sentence of it; "hvilke skoler
            # er universitetsskoler?" asks of a heading the page says no more of
            said = self._yes_no.saying_sentence(q, entry)
            if said is not None:
                return self._reply(said, Intent.WHAT_IS, [entry], hits)
            text = not_known(entry, "hvilke det er")
            return Reply(text, False, Intent.UNKNOWN, matches_of(hits))
        if not confident and not entry.is_event and coverage(q, search) >= CONFIDENT_COVERAGE:
            # "Kven skal definere og prioritere kva kompetanseutviklingstiltak vi treng?": every
            # word of it in one sentence of the best match
            said = self._yes_no.saying_sentence(q, entry, all_of=ONE_SENTENCE_WORDS)
            if said is not None and top.score >= SUGGEST_SCORE:
                confirms = q.yes_no and ONLY_WORDS.isdisjoint(q.words)  # a yes/no, not "bare …?"
                return self._reply(
                    ("Ja. " if confirms else "") + said, Intent.WHAT_IS, [entry], hits
                )
        if not confident:
            return self._unknown(q, search)
        if q.yes_no and not entry.is_event:  # "skal DEKOM erstatte satsingene over natta?"
            return self._subjects.answer(q, entry, search, now, follow_up=False)
        members = fact_text(entry, Fact.MEMBERS) if q.has(Cue.LIST) else None
        if members and names_what(q, self._normaliser.terms(members)):
            return self._reply(members, Intent.LIST, [entry], hits)  # "hvilke kommuner er i …?"
        if entry.event is not None or not (q.has(Cue.LIST, Cue.COUNT) and entry.items):
            return self.answer_entry(entry, now, hits)
        text = answers.counted_text(entry) if q.has(Cue.COUNT) else answers.entry_text(entry)
        return self._reply(text, Intent.LIST, [entry], hits)

    # -- events -------------------------------------------------------------------------------

    def _answer_events(self, q: Question, search: SearchResult, now: datetime) -> Reply:
        """Narrow the samlinger down to those the question is about, then let them answer."""
        if (q.has(Cue.COUNT) and q.counted is not None) or asks_who_took_part(q):
            return self._unknown(q, search)  # "hvor mange lærere deltok?": never in the sources
        q = replace(q, filters=q.filters.or_else(q.context_filters).for_samlinger())
        # "er styrersamlinga på Oppdal?", "var planleggingsdagen 29.11.2020?"
        claimed = self._named.claimed(q, now)
        if claimed is not None:
            return claimed
        later = self._named.after_named(q)
        if later is not None:  # "neste samling etter begynneropplæringa?"
            return self._events.answer(later[0], later[1], False, now)
        pool = self._events.matching(q.filters)
        if asks_whether_for(q):  # "er styrersamlingen for lærere?": is it, not which are
            q = as_whether_for(q)
            pool = self._events.asked_whether_for(q, pool)
        specific = bool(q.filters)
        if q.topic:
            found = self._events.on_topic(q.topic, pool)
            if found:
                pool, specific = found, True
            elif (
                q.period is not None and not q.has(*EVENT_CUES) and not self._filters_say_enough(q)
            ):
                return self._answer_entries(q, search, now)  # "… i kraft i 2017?": no samling
            elif not self._filters_say_enough(q):
                return self._no_event_on_topic(q, search, now)
        elif q.context_terms and q.has(*_OF_A_SAMLING) and not q.has(Cue.NEXT):
            told = self._events.on_topic(q.context_terms, pool)  # "Eg skal på X. Kvar …?"
            on_day = not q.period or self._events.in_period(q.period, told, named=True)
            if told and on_day and len(told) < len(pool):  # not "Jeg er styrer. … 1. oktober"
                pool, specific = told, True
        due = self._events.due_in(q.period, pool) if q.period and q.has(Cue.DEADLINE) else []
        if due:  # "er fristen for engelsk i morgen?": the deadline is in the period
            pool = due
        elif q.period is not None and q.has(Cue.DEADLINE) and specific and pool:
            pass  # "er fristen for engelsk i dag?" of a deadline on another day: that deadline
        elif q.period is not None:
            # "kven er samlinga 18. september for?": a day named without a year is that day
            day = q.period.day_month is not None
            on_a_day = day and (not q.yes_no or names_a_samling(q))
            pool = self._events.in_period(q.period, pool, named=specific or on_a_day)
            if not pool and not q.topic:  # "æ e styrer, e det nån samling neste uke?"
                q, pool = self._events.for_broader_audiences(q)
            specific = specific or (day and len(pool) == 1)
        if coverage(q, search) < CONFIDENT_COVERAGE:
            return self._unknown(q, search)
        return self._events.with_verdict(q, self._events.answer(q, pool, specific, now), now)

    def _filters_say_enough(self, q: Question) -> bool:
        """ "samlinga for 1. trinn", "er engelsk på barnetrinnet et DEKOM-tiltak?": the filters
        name the samlinger, and the other words are ones the bot knows ("tiltak")."""
        known = q.has(Cue.EVENT) or (q.yes_no and self._find.all_known(q.topic))
        return bool(q.filters) and known

    def _about_its_samlinger(self, q: Question, subject: Entry) -> bool:
        """ "hvem samarbeider vi med på begynneropplæring i DEKOM?": a scheme or region with an
        audience that its samlinger are for is a question about those samlinger."""
        asks_of_them = q.has(Cue.WHO, Cue.WHERE, Cue.WHEN, Cue.INTRODUCED_BY)
        # "hvem samarbeider vi med på …?" asks of its samlinger; "hva samarbeider X om?" of X
        asks_of_them = asks_of_them or (q.has(Cue.COOPERATION) and not q.has(Cue.WHAT))
        asks_of_them = asks_of_them or asks_if_any(q)  # "finnes det noe DEKOM for oss som …?"
        if subject.is_event or not q.filters.audiences or not asks_of_them:
            return False
        if q.yes_no and not asks_if_any(q):
            return False
        if (q.has(Cue.FOR_WHOM) or not q.has(Cue.EVENT)) and q.alternatives:
            return False  # "kem jobbe regionen med kompetanse for, berre lærera?" asks of it
        if subject.kind not in _HAS_EVENTS:
            return False
        return bool(self._events.matching(q.filters)) and bool(self._events.about(subject.id))

    def _no_event_on_topic(self, q: Question, search: SearchResult, now: datetime) -> Reply:
        """The question names something no samling is about."""
        explicit = q.period is not None or q.has(Cue.EVENT, Cue.NEXT)
        if q.has(Cue.DEADLINE, Cue.CANCELLED) and not q.has(Cue.EVENT):
            explicit = False  # "søknadsfristen for videreutdanning neste år": not a samling's
        if not explicit:
            if q.has(Cue.DEADLINE, Cue.CANCELLED, Cue.PAST):
                return self._unknown(q, search)
            return self._answer_entries(q, search, now)
        if coverage(q, search) < CONFIDENT_COVERAGE:
            return self._unknown(q, search)
        beyond = self._events.beyond_known(q, now)  # "… for nettverket våren 2025?"
        if beyond is not None:
            return beyond
        about = next((h.entry for h in search.hits if not h.entry.is_event), None)
        if about is not None and self._events.about(about.id):
            return self._unknown(q, search)  # never "ingen samlinger om X" while X has some
        text = answers.no_events_about(about) + self._events.pointer(now)
        return self._reply(text, Intent.NEXT_EVENT, [], search.hits)

    # -- not knowing ---------------------------------------------------------------------------

    def _unknown(self, q: Question, search: SearchResult, *, asked_nothing: bool = False) -> Reply:
        return unknown_reply(q, search, self._topic_entries, asked_nothing=asked_nothing)

    def _reply(
        self, text: str, intent: Intent, entries: Sequence[Entry], hits: Sequence[Hit] = ()
    ) -> Reply:
        return reply_about(self.kb, text, intent, entries, hits)


_HAS_EVENTS = frozenset({Kind.SCHEME, Kind.REGION, Kind.NETWORK})  # kinds samlinger refer to
