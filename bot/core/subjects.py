"""Finding what a question is about: the entry it names, the clear best match, an entry's own
title, the one entry of a kind ("prosjektet"), or — for a follow-up — what the chat's memory says
was talked about last ("når trådte den i kraft?", "og den andre?", "og ledelsesområdet?")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from bot.core.contraries import CLAIM_TERMS
from bot.core.dates import Period, claims_a_weekday
from bot.core.fact_answers import asked_fact, fact_text, tells
from bot.core.index import Hit, SearchIndex, SearchResult
from bot.core.knowledge import Entry, Fact, Kind, KnowledgeBase
from bot.core.list_items import item_asked
from bot.core.memory import Memory
from bot.core.question import Question
from bot.core.question_forms import IN_TIME_WORDS, points_back
from bot.core.question_words import NUMBER_WORDS, ONLY_WORDS, SAMLING_CUES, Cue
from bot.core.text import Normaliser, fold, stem

CONFIDENT_SCORE = 0.6  # a subject needs at least this score ...
CONFIDENT_MARGIN = 0.08  # ... and this lead over the runner-up
TITLE_PHRASE = 0.85  # this close to an entry's title, with its cue words from the title
SURELY_KNOWN = 0.9  # a term resolved this well is the knowledge base's own
HAVING_SCORE, HAVING_GAP = 0.5, 0.2  # a match this good and close may answer with its fact
SAYING_GAP = 0.1  # ... and this close, with whom it applies to
EVENT_CUES = (*SAMLING_CUES, Cue.WHERE)
_ORDINALS = {"forste": 0, "andre": 1, "tredje": 2, "fjerde": 3}
_CORRESPONDING = "tilsvarende"
_COUNTS = frozenset(map(stem, NUMBER_WORDS))  # "… av de tre"


class SubjectFinder:
    """Finds the subject of a question among the entries of one knowledge base."""

    def __init__(
        self, kb: KnowledgeBase, index: SearchIndex, normaliser: Normaliser, members: MemberNames
    ) -> None:
        self.kb = kb
        self._index = index
        self._normaliser = normaliser
        self._members = members
        self._own_terms: dict[str, frozenset[str]] = {}  # an entry's words, once asked for

    def remembered(
        self, q: Question, own: Entry | None, memory: Memory | None, now: datetime
    ) -> Entry | None:
        """The chat's last subject when this question is a follow-up to it; `own` is the
        subject the question itself names, if any (`subject`)."""
        if memory is None or not memory.fresh(now):
            return None
        last = self.last(memory, now)
        if last is not None and last.is_event and not q.topic and claims_a_weekday(q.text):
            return last  # "er det en fredag?" of the samling just talked about
        counterpart = self._counterpart(q, last) if last is not None else None
        if counterpart is not None:
            return counterpart  # "og den tilsvarende ordningen for barnehagene?"
        if last is not None and _for_others(q, last):
            return None  # "og den for styrarar?": another samling, the one for them
        if last is not None and own is not None and _fits_only(q, own, last):
            return None  # "hva heter strategien for barnehage?" after the model for skole
        if (
            last is not None
            and q.yes_no
            and not ONLY_WORDS.isdisjoint(q.words)
            and not last.is_event
        ):
            return last  # "hvem har bestemt fokusområdene? er det bare kommunen?"
        filters = q.filters
        context_names = [term for term in q.context_terms if term not in _COUNTS]
        named = bool(filters.schemes or filters.regions or filters.member_of or context_names)
        # "hvilket nettverk er Malvik med i?" names what it asks for; "hvilken stortingsmelding
        # står den i?" asks what the last subject is described in.
        own_words = [term for term in q.topic if term not in q.kind_words]
        asks_of_last = q.refers_back and not own_words
        named = named or (own is not None and own.kind is q.kind_named and not asks_of_last)
        # "og hvilken annen kommune er med?" after the network: its words are the last one's.
        of_last = (
            q.follows_up
            and not named
            and last not in (None, own)
            and self._speaks_of(last, q.topic)
        )
        # "når trådte ordningen i kraft?": the kind noun alone points back, it names nothing
        names_own = own is not None and (not q.refers_back or named or own_words) and not of_last
        fact = asked_fact(q)
        if own is not None and last is not None and fact is not None and not of_last:
            # "og hva er målene for ordningene?" after the network: the ordninger have goals
            names_own = names_own or (bool(fact_text(own, fact)) and not tells(last, fact))
        # "rekker jeg den i kveld?": the asker's own time, of the samling just talked about
        reach = q.has(Cue.DEADLINE) or not IN_TIME_WORDS.isdisjoint(q.words)
        in_time = reach and q.refers_back and not q.topic and last is not None
        if names_own or (q.period is not None and not in_time):
            return None  # the question names what it is about ("og målet med læringsmiljø?")
        asks_of_it = asked_fact(q) is not None or q.has(Cue.WHO, Cue.WHERE, Cue.WHEN, Cue.COUNT)
        if q.topic and not q.refers_back and not (asks_of_it and self.all_known(q.topic)):
            return None  # "hvem skal kommunene samarbeide med?" still asks about the last one
        subjects = [self.kb.get(entry_id) for entry_id in memory.subjects]
        known = [entry for entry in subjects if entry is not None]
        if not known:
            return None
        chosen = self._ordinal(q, known)
        if q.counted is not None and chosen.items and not self.can_count(q, chosen):
            return None  # "hvor mange tema er ledelsesområdet delt i?" after the focus areas
        which = q.has(Cue.LIST) and q.has(Cue.EVENT)  # "hvilken samling var det da som …?"
        if (
            q.has(*SAMLING_CUES)
            and not q.refers_back
            and (not chosen.is_event or q.filters or which)
        ):
            return None  # "når er neste samling?" after "hva er Lesetråder?" is a new question
        return chosen  # "og den andre ordningen?" is the second subject

    def year_claimed_of_last(
        self, q: Question, memory: Memory | None, now: datetime
    ) -> tuple[Entry, Question] | None:
        """ "når trådte REKOM i kraft?" … "var det 2017?": the chat's last subject, and the
        question read as claiming that year of it, when it claims only a year (which would
        otherwise name the model "fra 2017")."""
        last = self.last(memory, now)
        if last is None or not _claims_only_a_year(q) or _of_others(q, last):
            return None  # ("og den skolelederne skulle ha på onsdag?" is another samling)
        if q.period is not None:
            return last, q
        year = int(q.topic[0])
        period = Period(date(year, 1, 1), date(year, 12, 31), f"i {year}")
        return last, replace(q, period=period, topic=(), content=())

    def ordinal_item(
        self, q: Question, memory: Memory | None, now: datetime
    ) -> tuple[Entry, str] | None:
        """ "hvor mange mål har den?" … "hva er det siste målet?": that item of the list the
        chat talked about last, when the list names no entries of its own."""
        last = self.last(memory, now)
        return (last, said) if last is not None and (said := item_asked(q, last)) else None

    def can_count(self, q: Question, entry: Entry) -> bool:
        """ "Hvor mange X?" is answerable when the entry's list is a list of X."""
        if not entry.items or q.counted is None:
            return False
        heading = self._normaliser.terms(f"{entry.items_title or ''} {entry.title}")
        return q.counted in heading

    def remembered_group(self, memory: Memory | None, now: datetime) -> Entry | None:
        """The chat's last subject, when it is a group with members."""
        last = self.last(memory, now)
        return last if last is not None and last.members else None

    def last(self, memory: Memory | None, now: datetime) -> Entry | None:
        """What the chat talked about last, while the memory is fresh."""
        if memory is None or not memory.fresh(now) or not memory.subjects:
            return None
        return self.kb.get(memory.subjects[0])

    def _speaks_of(self, entry: Entry, terms: Sequence[str]) -> bool:
        """Whether every term is a word of the entry's own text."""
        own = self._own_terms.get(entry.id)
        if own is None:
            texts = [entry.title, entry.answer, *(text for _, text in entry.facts), *entry.members]
            own = frozenset(term for text in texts for term in self._normaliser.terms(text))
            self._own_terms[entry.id] = own
        return bool(terms) and all(term in own for term in terms)

    def _fact_saying(self, fact: Fact, terms: Sequence[str], hits: Sequence[Hit]) -> list[Entry]:
        """The close matches whose text for `fact` has every one of `terms`."""
        found = []
        for hit in hits:
            text = fact_text(hit.entry, fact) if hit.score >= 0.5 else None
            if text and terms and set(terms) <= set(self._normaliser.terms(text)):
                found.append(hit.entry)
        return found

    def _counterpart(self, q: Question, last: Entry) -> Entry | None:
        """ "og den tilsvarende for barnehagene?": the entry of the same kind for them."""
        audiences = q.filters.audiences or q.context_filters.audiences
        if _CORRESPONDING not in (*q.words, *q.context_words) or not audiences:
            return None
        same_kind = [entry for entry in self.kb if entry.kind is last.kind and entry is not last]
        related = [entry for entry in same_kind if entry.id in last.related]
        return self._for_audiences(related, audiences) or self._for_audiences(same_kind, audiences)

    def _ordinal(self, q: Question, subjects: Sequence[Entry]) -> Entry:
        """ "og den andre?": the second subject of the last answer, or the second member of
        the one it was about ("hvilke fokusområder …?" → "og hva er målet med det andre?");
        a member named by a word of its name ("og ledelsesområdet?") is that member."""
        first = subjects[0]
        for group in (first, *self._members.groups_of(first)):  # "og ledelsesområdet?"
            by_name = self._member_named(q, group)
            if by_name is not None:
                return by_name
        words = (*q.words, *q.context_words)
        position = next((_ORDINALS[word] for word in words if word in _ORDINALS), None)
        if position is None:
            return first
        if first.members and position < len(first.members):
            named = self._members.entry(first.members[position])
            if named is not None:
                return named
        if position < len(subjects) and len(subjects) > 1:
            return subjects[position]
        for group in self._members.groups_of(first):  # "og det første?" after the second of
            member = (
                self._members.entry(group.members[position])
                if position < len(group.members)
                else None
            )
            if member is not None:
                return member
        return first

    def _member_named(self, q: Question, group: Entry) -> Entry | None:
        """The entry of the group's member whose name shares a word with the question."""
        told = (*q.topic, *q.context_terms)
        asked = set(told)
        for term in told:
            asked.update(part for part, _quality in self._index.resolve(term))
        for member in group.members:
            entry = self._members.entry(member)
            if entry is not None and asked & set(self._normaliser.terms(member)):
                return entry
        return None

    def subject(self, q: Question, search: SearchResult) -> Entry | None:
        """The entry the question is about: the clear best match when the question has words of
        its own beyond names, else the scheme or region it names, else the one entry of the kind
        it names ("regionen", "prosjektet")."""
        hits = search.hits
        best = None
        if hits:
            top = hits[0]
            margin = top.score - runner_up_score(hits)
            if top.score >= CONFIDENT_SCORE and margin >= CONFIDENT_MARGIN:
                best = top.entry
        if q.has(Cue.FOR_WHOM) and hits and not q.has(*SAMLING_CUES):
            best = _saying_for_whom(hits) or best  # "kven er kompetanseutviklinga i regionen for?"
        named = self.named_entity(q, strict=False)
        beyond_kind = [term for term in q.topic if term not in q.kind_words]
        fact = asked_fact(q)
        if best is not None and fact is not None and not fact_text(best, fact):
            with_fact = _having(fact, [named] if named is not None else [], hits)
            if with_fact is not None:
                return with_fact  # "står staten bak DEKOM-ordningen?": the one that has it
        if beyond_kind and best is not None and not (named and set(beyond_kind) <= CLAIM_TERMS):
            return best  # (but "er Rekom privat?" claims only, of REKOM)
        samling = _its_samling_named(q, named, hits)
        if samling is not None:  # "gjelder dekom engelsk for ungdomstrinnet?": the samling
            return samling
        if named is not None:
            return named
        if best is not None:
            return best
        if q.kind_named is not None and points_back(q.words) and hits:  # "kvifor legg ordninga …"
            close = [h.entry for h in hits[:3] if hits[0].score - h.score < HAVING_GAP]
            of_kind_close = [entry for entry in close if entry.kind is q.kind_named]
            if len(of_kind_close) == 1 and of_kind_close[0] is not close[0]:
                return of_kind_close[0]
        if q.kind_named is not None:
            of_kind = [entry for entry in self.kb if entry.kind is q.kind_named]
            only = of_kind[0] if len(of_kind) == 1 else None
            only = only or self._for_audiences(of_kind, q.filters.audiences)
            if only is not None and fact is not None and not fact_text(only, fact):
                # "hvorfor skal kommunene gå sammen i nettverk?": DEKOM says why, not the network
                return _having(fact, [], hits) or only
            if only is not None:
                return only
        if fact is not None:  # "kva er måla for ordningane?": the one match that has goals
            having = [h.entry for h in hits[:3] if h.score >= 0.5 and fact_text(h.entry, fact)]
            if len(having) > 1:  # "kvifor skal kommunane gå saman i nettverk?": the one saying so
                having = [entry for entry in having if self._speaks_of(entry, beyond_kind)]
            if (
                not having and not beyond_kind and not points_back(q.words)
            ):  # "målene for ordningene":
                having = self._fact_saying(fact, q.topic, hits[:3])  # the one saying "ordningene"
            if len(having) == 1:
                return having[0]
        return None

    def named_entity(self, q: Question, *, strict: bool = True) -> Entry | None:
        """A question that only names a scheme or region ("dekom", "hva er REKOM?") is about it.

        With a question word about samlinger, an audience, a place or other topic words, the
        question is about something more specific, and the search decides (`strict`).
        """
        filters = q.filters
        if strict and (q.topic or q.period or q.list_kind or q.has(*EVENT_CUES)):
            return None
        if strict and (filters.audiences or filters.locations):
            return None
        named = [self.kb.get(entry_id) for entry_id in (*filters.schemes, *filters.regions)]
        entities = [entry for entry in named if entry is not None]
        schemes = [entry for entry in entities if entry.kind is Kind.SCHEME]
        if len(entities) == 1 or len(schemes) == 1:
            return schemes[0] if schemes else entities[0]
        return None

    @staticmethod
    def _for_audiences(entries: Sequence[Entry], audiences: frozenset[str]) -> Entry | None:
        """ "ordningen for barnehagene": the one entry that applies to them and to the fewest
        others (REKOM, not the three schemes together)."""
        fitting = [e for e in entries if audiences and audiences <= set(e.applies_to)]
        if not fitting:
            return None
        narrowest = min(len(e.applies_to) for e in fitting)
        best = [e for e in fitting if len(e.applies_to) == narrowest]
        return best[0] if len(best) == 1 else None

    def named_by_title(self, q: Question, search: SearchResult) -> Entry | None:
        """A message that is an entry's title, more or less word for word ("DEKOM –
        begynneropplæring i samarbeid med NTNU"), asks for that entry, whatever its words cue."""
        top = search.hits[0] if search.hits else None
        if top is None or top.phrase < TITLE_PHRASE or top.lexical < TITLE_PHRASE:
            return None
        if not q.cue_terms or q.yes_no or q.period is not None or q.has(Cue.UNSUPPORTED):
            return None
        title = set(self._normaliser.terms(top.entry.title))
        return top.entry if set(q.cue_terms) <= title else None  # the cue words are the title's

    def all_known(self, terms: Sequence[str]) -> bool:
        """ "er engelsk på barnetrinnet et DEKOM-tiltak?": the filters say which samlinger, and
        the other words are ones the bot knows ("tiltak"), so the filters say enough."""
        return all(_surely_known(self._index.resolve(term)) for term in terms)


class MemberNames:
    """The entries that groups name as members, and the groups an entry is a member of."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._by_title = {fold(entry.title): entry for entry in kb}
        self._titles = sorted(self._by_title)  # for the entries whose title starts with a name
        self._groups: dict[str, list[Entry]] = {}
        for group in kb:
            for member in group.members:
                entry = self.entry(member)
                if entry is not None:
                    self._groups.setdefault(entry.id, []).append(group)

    def entry(self, member: str) -> Entry | None:
        """The entry a group's member is, by its id, its title or the start of its title
        ("desentralisert ordning" is "Desentralisert ordning for kompetanseutvikling …")."""
        name = fold(member)
        found = self.kb.get(name) or self._by_title.get(name)
        if found is not None:
            return found
        first = bisect_left(self._titles, name)
        starting = self._titles[first : first + 2]
        starting = [title for title in starting if title.startswith(name)]
        return self._by_title[starting[0]] if len(starting) == 1 else None

    def groups_of(self, entry: Entry) -> list[Entry]:
        """ "kva modell er innovasjonsordninga ein del av?": the groups listing the entry."""
        return self._groups.get(entry.id, [])


def _for_others(q: Question, last: Entry) -> bool:
    """ "og den for styrarar?" after a samling for others: not a question about it (but
    "kven er den for, berre småskulen?" asks who it is for)."""
    return not (q.yes_no or q.has(Cue.FOR_WHOM)) and _of_others(q, last)


def _of_others(q: Question, last: Entry) -> bool:
    """The audiences the question names are not all the last samling's."""
    wanted = q.filters.audiences
    return last.event is not None and bool(wanted) and not wanted <= set(last.event.audience)


def _fits_only(q: Question, own: Entry, last: Entry) -> bool:
    """The audience asked about is one the question's own subject applies to, and the last
    subject does not."""
    wanted = set(q.filters.audiences)
    return bool(wanted) and wanted <= set(own.applies_to) and not wanted <= set(last.applies_to)


def _surely_known(resolved: Sequence[tuple[str, float]]) -> bool:
    """Known as itself or a part of a compound, not only as a guess at a typo ("Hansen" is no
    slip of "ansatte")."""
    return any(quality >= SURELY_KNOWN for _term, quality in resolved)


def _its_samling_named(q: Question, named: Entry | None, hits: Sequence[Hit]) -> Entry | None:
    """The best match when it is a samling of the scheme the question names, for an audience
    the question names too ("dekom engelsk" is «DEKOM – Engelsk på barnetrinnet»)."""
    top = hits[0].entry if hits else None
    if named is None or top is None or top.event is None or top.event.scheme != named.id:
        return None
    return top if q.filters.audiences & set(top.event.audience) else None


def only_ahead(q: Question, search: SearchResult) -> bool:
    """ "Kva er fokusområda for perioden framover?": "framover" (a cue of the next samling)
    with no other samling word, asked of what the words name clearly, is no samling question."""
    top = search.hits[0] if search.hits else None
    samling_cues = q.has(*(cue for cue in EVENT_CUES if cue is not Cue.NEXT))
    clear = top is not None and not top.entry.is_event and top.lexical >= _CLEAR_NAME
    return not samling_cues and clear


_CLEAR_NAME = 0.9


def _claims_only_a_year(q: Question) -> bool:
    """ "var det 2017?", "var det i 2019?": a short yes/no question that claims a year and
    names nothing else."""
    if not q.yes_no or len(q.words) > _SHORT_CLAIM or not IN_TIME_WORDS.isdisjoint(q.words):
        return False  # ("rekker jeg den i kveld?" asks whether the asker makes it)
    if q.topic:
        return all(len(term) == _YEAR_DIGITS and term.isdigit() for term in q.topic)
    period = q.period
    if period is None or period.weekday is not None:
        return False  # "er det en fredag?" claims a weekday
    return period.year_given and period.day_month is None


_SHORT_CLAIM, _YEAR_DIGITS = 5, 4  # words of a short claim; digits of a year


def _having(fact: Fact, named: Sequence[Entry], hits: Sequence[Hit]) -> Entry | None:
    """The entry named, else the one close match, that has the fact asked for."""
    for entry in named:
        if fact_text(entry, fact):
            return entry
    top = hits[0].score if hits else 0.0
    close = [h.entry for h in hits if h.score >= HAVING_SCORE and top - h.score < HAVING_GAP]
    having = [entry for entry in close if fact_text(entry, fact)]
    return having[0] if len(having) == 1 else None


def _saying_for_whom(hits: Sequence[Hit]) -> Entry | None:
    """Among the best matches, the one that says whom it applies to."""
    top = hits[0]
    close = [h for h in hits if h.score >= CONFIDENT_SCORE and top.score - h.score < SAYING_GAP]
    if top.entry.applies_to or top.entry.is_event:
        return None
    saying = [h.entry for h in close if h.entry.applies_to and not h.entry.is_event]
    return saying[0] if saying else None


def runner_up_score(hits: Sequence[Hit]) -> float:
    """The best score of a competing entry; entries linked as related do not compete."""
    top = hits[0].entry
    for hit in hits[1:]:
        if hit.entry.id not in top.related and top.id not in hit.entry.related:
            return hit.score
    return 0.0
