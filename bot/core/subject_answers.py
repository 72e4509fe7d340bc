"""Answers about one known subject: a typed fact, a yes or no, or the entry itself.

The decider has found what the question is about (`bot.core.decide`): the entry it names, the
clear best match, or, in a follow-up, what the chat talked about last. What is asked of it
decides the answer: "hvem står bak den?" a fact, "er Oppdal med i den?" a verdict, "hvor mange
mål har den?" a count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import pairwise

from bot.core import answers, help_texts
from bot.core.contraries import contrary_sentence
from bot.core.event_answers import EventAnswers
from bot.core.fact_answers import (
    FactAnswer,
    answer_fact,
    asked_fact,
    fact_text,
    not_known,
    summary,
)
from bot.core.index import Hit, SearchResult
from bot.core.knowledge import Entry, Fact, Kind, KnowledgeBase
from bot.core.list_items import members_besides, what_else
from bot.core.number_claims import (
    counts_before_names,
    judge_years,
    number_verdict,
    still_in_period,
)
from bot.core.question import Question
from bot.core.question_words import ONLY_WORDS, Cue
from bot.core.reply import Intent, Reply, matches_of, reply_about
from bot.core.samling_questions import as_whether_for, asks_whether_for
from bot.core.sentence_words import audience_sentence, ends_a_compound
from bot.core.strange_names import asks_of_a_stranger, someone_else, strange_names, unknown_names
from bot.core.subjects import MemberNames
from bot.core.text import Normaliser, fold
from bot.core.yes_no import YesNo, sibling_sentence

CONFIRMING_SCORE = 0.3  # an entry that may confirm a yes/no question matches at least this well


class SubjectAnswers:
    """Answers about a subject entry of one knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        events: EventAnswers,
        yes_no: YesNo,
        normaliser: Normaliser,
        members: MemberNames,
        known: Callable[[str], bool],
    ) -> None:
        self.kb = kb
        self._kinds_by_title = {fold(entry.title): entry.kind for entry in kb}
        self._normaliser = normaliser
        self._members = members
        self._known = known  # whether the knowledge base has a term
        self._events = events
        self._yes_no = yes_no

    def answer(
        self, q: Question, subject: Entry, search: SearchResult, now: datetime, *, follow_up: bool
    ) -> Reply:
        """A fact, a yes or no, or the entry itself, about a known subject; for a samling, the
        samling answer ("og den neste etter den?" in a follow-up: the ones after it). When the
        answer leaves out a word the question asks about and the subject has a sentence with
        it, that sentence follows ("Ja. REKOM gjelder barnehage." + "… ny rammeplan.")."""
        reply = self._answer(q, subject, search, now, follow_up=follow_up)
        if not reply.confident or subject.is_event or not reply.matches:
            return reply
        if q.yes_no and (still := still_in_period(q, reply.text, now)):  # "… fortsatt i perioden?"
            return replace(reply, text=still)
        if reply.text.startswith("Nei. ") and q.yes_no:
            return reply  # what the question claims is not so; its words need no sentence
        about = self.kb.get(reply.matches[0].id)
        told = self._yes_no.complement(q, about, reply.text) if about is not None else None
        if told is None:
            return reply
        return replace(reply, text=f"{reply.text.rstrip()}\n{told}")

    def _answer(
        self, q: Question, subject: Entry, search: SearchResult, now: datetime, *, follow_up: bool
    ) -> Reply:
        if subject.is_event:
            if asks_whether_for(q):
                q = as_whether_for(q)  # "og er den for ungdomstrinnet?"
            pool = self._events.after(subject) if q.has(Cue.NEXT) and follow_up else [subject]
            reply = self._events.answer(q, pool, True, now)
            return self._events.with_verdict(q, reply, now)
        only_of = q.yes_no and any(w in ONLY_WORDS and a == "om" for w, a in pairwise(q.words))
        besides = members_besides(q, subject) if q.has(Cue.LIST, Cue.MEMBERS) else None
        if besides is not None:  # "hvilke kommuner er med utenom Melhus?"
            return self._reply(besides, Intent.LIST, [subject], search.hits)
        if q.has(Cue.OTHER_THAN) or only_of:  # "… om noe annet enn kompetanse?", "… berre om …?"
            for candidate in self._candidates(subject, q, search):
                beyond = what_else(candidate)
                if beyond is not None:
                    first_word = "Nei. " if only_of else "Ja. " if q.yes_no else ""
                    text = first_word + beyond
                    return self._reply(text, Intent.WHAT_IS, [candidate], search.hits)
        fact = asked_fact(q) or (Fact.WHEN if q.has(Cue.WHEN) else None)
        if q.has(Cue.COUNT) and subject.items and self._lists_what_is_counted(q, subject):
            return self._reply(answers.counted_text(subject), Intent.LIST, [subject], search.hits)
        if q.has(Cue.COUNT) and subject.items:  # "hvor mange kommuner er med i nettverket?"
            return self._items_of_a_sort(q, subject, search)
        # "hvilke tema …?" lists; "hvilken periode gjelder strategien?" asks for its period
        lists = fact in (None, Fact.MEMBERS) or q.list_kind is not None
        lists = lists or (
            q.kind_named is not None and fact is not None and not fact_text(subject, fact)
        )
        if q.has(Cue.LIST) and lists and subject.items:
            return self._reply(answers.entry_text(subject), Intent.LIST, [subject], search.hits)
        goal = self._yes_no.lists.goal_verdict(q, subject)
        goal = goal or self._yes_no.lists.one_of_the_items(q, subject)  # "… et av temaene?"
        if goal is not None:  # "er et av målene i strategien å bygge flere plasser?"
            return self._reply(goal, Intent.WHAT_IS, [subject], search.hits)
        group = self.membership_group(q, search) if q.yes_no else None
        if q.yes_no and fact in (None, Fact.MEMBERS, Fact.PARTNERS):
            # "samarbeider Gauldalsregionen med NTNU?", "er NTNU med på …?"
            partner = self._partner_in_samlinger(q, group or subject)
            if partner is not None:
                return partner
        if q.yes_no and (fact is None or fact is Fact.MEMBERS):
            # "er Melhus med …? jeg trodde vi hørte til Trondheim": the names asked about
            mentioned = self._yes_no.mentioned_members(q, own=True)
            if q.has(Cue.MEMBERS) or q.says_med:  # (not "Som rektor i Malvik …: er det …?")
                mentioned = mentioned or self._yes_no.mentioned_members(q)
            strange = unknown_names(q, search, self._known)
            if group is not None and all(fold(name) in fold(group.title) for name in mentioned):
                # "er Huseby skole en av …?" → "Nei, …" ("Trondheim" names "fokusområdene for
                # Trondheimsskolen", not a candidate)
                mentioned = [*mentioned, *strange]
            elif not self._yes_no.mentioned_members(q, own=True):
                # "Jeg jobber i Melhus. Er Selbu med?" asks of Selbu
                mentioned = [name for name in strange if fold(name) in q.words] or mentioned
            first = subject if subject.members else (group or subject)
            for candidate in self._candidates(first, q, search):
                verdict = self._yes_no.judge(q, candidate, mentioned)
                if verdict is not None:
                    return self._reply(verdict, Intent.WHAT_IS, [candidate], search.hits)
        claim = self._yes_no.claim(q, subject) if q.yes_no else []
        counted = number_verdict(q, subject, claim) if q.yes_no else None
        if counted is not None:  # "har strategien fire mål?": its list has three
            return self._reply(counted, Intent.WHAT_IS, [subject], search.hits)
        if fact is None and q.yes_no and q.period is not None and q.period.year_given:
            fact = Fact.WHEN  # "kom REKOM i 2017?"
        if fact is not None:
            return self._fact(q, subject, fact, search)
        if q.has(Cue.FOR_WHOM) or (q.has(Cue.WHO, Cue.WHERE) and follow_up):
            return self._who_or_where(q, subject, search)
        return self._reply(answers.entry_text(subject), Intent.WHAT_IS, [subject], search.hits)

    def year_claimed(self, q: Question, last: Entry, search: SearchResult, now: datetime) -> Reply:
        """ "… når trådte REKOM i kraft? var det 2017?", "og var den i 2019?": the year claimed
        of what the chat talked about last."""
        if last.event is not None and q.period is not None:
            held = q.period.overlaps(last.event.start, last.event.last_day)
            text = ("Ja. " if held else "Nei. ") + answers.event_headline(last, now)
            return self._reply(text, Intent.EVENT_INFO, [last], search.hits)
        return self.answer(q, last, search, now, follow_up=True)

    def someone_else_in_role(self, q: Question, search: SearchResult) -> Reply | None:
        """ "Er det UiT som er hovedpartner for nettverket?": "Nei", and who is."""
        names = strange_names(q, search) if q.yes_no else []
        if q.yes_no and not names and not _ASKER.isdisjoint(q.words):
            # "Jeg jobber på Huseby skole. Er vi prosjektskole?": the asker's own place
            told = unknown_names(q, search, self._known)
            names = [name for name in told if fold(name) not in q.words][:1]
        if not names or asks_of_a_stranger(q, search):
            return None  # "har Bergen kommune et prosjekt som Lesetråder?" asks of Bergen
        entries = [
            hit.entry
            for hit in search.hits[:3]
            if not hit.entry.is_event and hit.score >= CONFIRMING_SCORE
        ]
        found = someone_else(q, entries, names, self._normaliser, self._yes_no.claim)
        if found is None:
            return None
        entry, sentence = found
        text = f"Nei. Kildene mine nevner ikke {answers.join_words(names)}. {sentence}"
        return self._reply(text, Intent.WHAT_IS, [entry], search.hits)

    def samling_of_scheme(self, q: Question, search: SearchResult) -> Reply | None:
        """ "er engelsk på barnetrinnet en del av DEKOM?": a samling named by its title, asked
        whether it belongs to a scheme."""
        top = search.hits[0] if search.hits else None
        if top is None or not q.yes_no or not q.has(Cue.MEMBERS) or top.entry.event is None:
            return None
        scheme_id = top.entry.event.scheme
        scheme = self.kb.get(scheme_id) if scheme_id else None
        if top.lexical < 0.9 or scheme is None or scheme.id not in q.filters.schemes:
            return None
        title = answers.short_title(scheme)
        text = f"Ja. «{top.entry.title}» er en samling i {title}."
        return self._reply(text, Intent.WHAT_IS, [top.entry, scheme], search.hits)

    def _partner_in_samlinger(self, q: Question, group: Entry) -> Reply | None:
        """ "er NTNU med på DEKOM i Gauldalsregionen?": a partner that is none of the group's
        members, but runs samlinger of the group (or of a scheme named) with it."""
        named = [group.id, *q.filters.schemes, *q.filters.regions]
        organisers = {fold(name) for name in q.filters.organisers} - {
            fold(member) for member in group.members
        }
        if not organisers:
            return None
        pool = [event for entry_id in named for event in self._events.about(entry_id)]
        if q.filters.audiences:  # "… på begynneropplæringa": the samlinger for them
            pool = [e for e in pool if q.filters.audiences & set(answers.event_of(e).audience)]
        with_them = [
            event
            for event in dict.fromkeys(pool)
            if organisers & {fold(name) for name in answers.event_of(event).organisers}
        ]
        if not with_them:
            return None
        partner = next(iter(q.filters.organisers))
        titles = answers.join_words([f"«{event.title}»" for event in with_them])
        title = answers.short_title(group)
        if q.has(Cue.MEMBERS) and not q.filters.audiences:  # "er NTNU med i regionen?"
            text = f"{partner} er ikke med i {title}, men er med på {titles}."
        else:
            text = f"Ja. {partner} er med på {titles} i {title}."
        return self._reply(text, Intent.WHAT_IS, [group, *with_them])

    def _fact(self, q: Question, subject: Entry, fact: Fact, search: SearchResult) -> Reply:
        """The fact asked for, or a sentence of the entry that says exactly what was asked
        ("hvorfor skal kommunene gå sammen i nettverk?" asks for the reason the entry gives);
        "Ja." first when it confirms."""
        groups = self._members.groups_of(subject)
        if fact is Fact.MEMBERS and not subject.members and groups and not q.yes_no:
            names = answers.join_words([group.title for group in groups])
            text = f"{answers.short_title(subject)} er en del av {names}."  # "… ein del av?"
            return self._reply(text, Intent.WHAT_IS, [subject, *groups], search.hits)
        found = answer_fact(subject, fact)
        # "målene med Kompetanseløftet": the goals its page lists for the ordningene, too
        shared = [g for g in groups if g.items and not g.fact(fact) and g.source == subject.source]
        goals = next((said for g in shared if (said := fact_text(g, fact))), None)
        if found.confident and fact is Fact.GOALS and goals:  # (a list of goals, not members)
            found = replace(found, text=f"{found.text}\n\n{goals}")
        if found.confident and _restates(q, fact) and self._yes_no.supports(q, subject, found.text):
            # "kva for ny modell innførte Kunnskapsdepartementet i 2017?" names who, asks what
            return self._reply(answers.entry_text(subject), Intent.WHAT_IS, [subject], search.hits)
        # "hvilke kommuner samarbeider i Gauldal?": the members, who work together, say it all
        members_asked = (
            fact is Fact.PARTNERS
            and not subject.fact(fact)
            and bool(subject.members)
            and self._yes_no.supports(q, subject, found.text)
        )
        # "målene for ordningene" of the list "Mål for ordningene er at: …": the whole list
        listed = fact is Fact.GOALS and not subject.fact(fact) and bool(subject.items)
        if (
            fact in _SAID_IN_A_SENTENCE and not members_asked and not listed
        ) or not found.confident:
            # "kven skal samarbeide om eit inkluderande fellesskap etter måla?": the sentence
            # of the entry that says most of what the question says
            sentence = self._yes_no.closest_sentence(
                q, subject, found.text if found.confident else "", cues_tell=fact is Fact.PARTNERS
            )
            if sentence is not None:
                found = FactAnswer(sentence, True)
        if not found.confident and q.yes_no:
            # "er DEKOM og Kompetanseløftet noe staten står for?": no abbreviation is asked
            # for; a sentence that says what the question claims confirms it
            supported = self._yes_no.supporting_sentence(q, subject)
            if supported is not None:
                return self._reply(f"Ja. {supported}", Intent.WHAT_IS, [subject], search.hits)
        if not found.confident:
            return Reply(found.text, False, Intent.UNKNOWN, matches_of(search.hits))
        text = found.text
        year = str(q.period.start.year) if q.period is not None else None
        confirmed = self._yes_no.supports(q, subject, text, by_heading=True)
        confirmed = confirmed or (year is not None and year in text)
        within = judge_years(q.text, [text]) if year is not None else None
        confirmed = confirmed or (within is not None and within.agrees)  # "… i 2017?": 2014–2020
        if q.yes_no and not confirmed and fact in (Fact.PERIOD, Fact.GOALS):
            # "er lesing prioritert i perioden?": another sentence of it says so
            confirmed = self._yes_no.supporting_sentence(q, subject) is not None
        named = self._yes_no.mentioned_members(q, own=True) if fact is Fact.PARTNERS else []
        # no partner: the subject itself ("samarbeider de med universiteter om dekom?"), nor, of
        # goals, what its title names ("står det i måla for dekom/kompetanseløftet at PPT …?")
        own = fold(subject.title) if q.has(Cue.GOALS) else ""
        named = [n for n in named if self.kb.get(fold(n)) is not subject and fold(n) not in own]
        contrary = contrary_sentence(q, subject) if q.yes_no else None
        if q.yes_no and fact is Fact.PARTNERS and ("med", "non") in pairwise(q.words):
            text = "Ja. " + text  # "samarbeider prosjektskolene med noen?": with whom
        elif contrary is not None:  # "ble fokusområdene bestemt av skoleeier alene?": i fellesskap
            text = f"Nei. {contrary}"
        elif q.yes_no and fact in _ACTORS and self._yes_no.names_another_actor(q, subject, text):
            text = "Nei. " + text  # "kommer modellen fra Utdanningsdirektoratet?"
        elif q.yes_no and named and not self._in_role(named, subject, text):
            text = "Nei. " + text  # "er Malvik hovedpartner?": NTNU is
        elif q.yes_no and confirmed:  # "trådte REKOM i kraft i 2019?"
            text = "Ja. " + text
        elif q.yes_no and year is not None and fact is Fact.WHEN and _YEAR.search(text):
            text = "Nei. " + text  # "kom REKOM i 2017?" → "Nei. … i 2019."
        told = [g for g in shared if g.items_title and g.items_title in text]  # its source too
        return self._reply(text, Intent.WHAT_IS, [subject, *told], search.hits)

    @staticmethod
    def _in_role(names: Sequence[str], subject: Entry, text: str) -> bool:
        """Whether the fact's sentence names one of `names` beyond the subject's own title
        ("NTNU er hovedpartner for nettverket Trondheim–Malvik" gives Malvik no role)."""
        own = fold(subject.title)
        return any(fold(name) in fold(text) and fold(name) not in own for name in names)

    def _candidates(self, first: Entry, q: Question, search: SearchResult) -> list[Entry]:
        """Who may confirm a yes/no question: the subject, then the other entries it names or
        matches well ("samarbeider kommunene i Gauldalsregionen om DEKOM?" is DEKOM's text)."""
        named = [self.kb.get(entry_id) for entry_id in (*q.filters.schemes, *q.filters.regions)]
        found = [first, *(e for e in named if e is not None)]
        found += [hit.entry for hit in search.hits[:3] if hit.score >= CONFIRMING_SCORE]
        unique = list(dict.fromkeys(entry.id for entry in found if not entry.is_event))
        return [self.kb[entry_id] for entry_id in unique]

    def membership_group(self, q: Question, search: SearchResult) -> Entry | None:
        """For "er X med i Y?" (a membership question): the group Y, if it lists its members."""
        mentioned = self._yes_no.mentioned_members(q)
        with_med = q.says_med and (bool(mentioned) or self._group(q, search) is not None)
        if q.kind_named is not None and q.words[:1] == ("er",):
            # "er spesialundervisning et fokusområde i Trondheim?": a name never seen, as one
            # of a kind (the names the list's title has describe the list)
            lists = [g for g in self.kb if g.members and self._members_are(g, q.kind_named)]
            titled = len(lists) == 1 and all(fold(n) in fold(lists[0].title) for n in mentioned)
            if titled and unknown_names(q, search, self._known):
                return lists[0]
        if not (q.has(Cue.MEMBERS) or with_med):
            return None
        if q.has(Cue.EVENT, Cue.NEXT, Cue.DEADLINE, Cue.CANCELLED):
            return None  # "er det noen DEKOM-samling med NTNU snart?" asks about samlinger
        if q.period is not None and not q.period.is_a_year:
            return None  # "er Oppdal med i januar?"; but "… i modellen fra 2017?" names it
        if counts_before_names(q.text, mentioned):
            return None  # "er det tre skoler med i Lesetråder i Trondheim?" claims a count
        return self._group(q, search)

    def _group(self, q: Question, search: SearchResult) -> Entry | None:
        """For "er X med i Y?": the entry Y with members that the question names."""
        named = [
            self.kb.get(entry_id) for entry_id in sorted(q.filters.regions | q.filters.member_of)
        ]
        # The region named by its own name first ("… del av Gauldalsregionen?"), not the one a
        # mentioned member belongs to ("er Malvik …" also names the Trondheim–Malvik network).
        candidates = sorted(
            (entry for entry in named if entry is not None),
            key=lambda entry: not self._yes_no.names(q, entry),
        )
        if q.kind_named is not None:  # "… ett av fokusområdene?": the group that lists them
            candidates += [entry for entry in self.kb if entry.kind is q.kind_named]
            kind = q.kind_named
            candidates += [g for g in self.kb if g.members and self._members_are(g, kind)]
        candidates += [hit.entry for hit in search.hits if hit.named or hit.score >= 0.5]
        for entry in candidates:
            if entry is None or not entry.members:
                continue
            if q.kind_named is None or entry.kind is q.kind_named or q.filters.regions:
                return entry
            if self._members_are(entry, q.kind_named):  # "et av fokusområdene"
                return entry
        return None

    def _lists_what_is_counted(self, q: Question, entry: Entry) -> bool:
        """Whether the entry's list is of what is counted (its heading or title names it)."""
        named = self._normaliser.terms(f"{entry.items_title or ''} {entry.title}")
        known = {*named, *q.kind_words}  # and "skoler" of "Prosjektskolene er"
        return q.counted is None or q.counted in known or ends_a_compound(q.counted, set(named))

    def _items_of_a_sort(self, q: Question, entry: Entry, search: SearchResult) -> Reply:
        """The items that are what is counted, by their head noun ("Malvik kommune" is a
        kommune, "Trondheim kommune med private skoler" no school); none: not known."""
        of_sort = [item for item in entry.items if q.counted in self._normaliser.terms(item)[:2]]
        if not of_sort:
            return Reply(not_known(entry, "hvor mange det er"), False, Intent.UNKNOWN)
        text = f"Det er {answers.number_word(len(of_sort))}: {answers.join_words(of_sort)}."
        return self._reply(text, Intent.LIST, [entry], search.hits)

    def _members_are(self, group: Entry, kind: Kind) -> bool:
        return all(self._kinds_by_title.get(fold(member)) is kind for member in group.members)

    def _who_or_where(self, q: Question, subject: Entry, search: SearchResult) -> Reply:
        """ "Hvem passer den for?" about a scheme: who it applies to, else not known; "Nei."
        first when the question guessed fewer ("… er det bare styrerne?")."""
        if subject.applies_to:
            labels = answers.audience_labels(self.kb, subject.applies_to)
            guessed = q.filters.audiences if not ONLY_WORDS.isdisjoint(q.words) else frozenset()
            fewer = bool(guessed) and not set(subject.applies_to) <= guessed
            text = ("Nei. " if fewer else "") + f"{answers.short_title(subject)} gjelder {labels}."
            said = audience_sentence(self.kb, subject)  # in the page's own words, too
            text += f" {said}" if said else ""
            text += sibling_sentence(self.kb, q.filters.audiences, subject)  # "… og barnehage?"
            return self._reply(text, Intent.AUDIENCE, [subject], search.hits)
        return Reply(not_known(subject, "hvem den gjelder"), False, Intent.UNKNOWN)

    def unsupported(
        self, q: Question, subject: Entry | None, search: SearchResult, now: datetime
    ) -> Reply:
        """Prices, passwords, phone numbers: never in the sources, so never confident. Of a
        samling, when it is; that it is cancelled is the answer ("lenken til den?"), unless the
        question knows ("får vi refusjon når den er avlyst?")."""
        goal = self._yes_no.lists.goal_verdict(q, subject) if subject is not None else None
        if goal is not None and subject is not None:  # "… et av målene å øke lønna?": no
            return self._reply(goal, Intent.WHAT_IS, [subject], search.hits)
        cancelled = subject is not None and subject.event is not None and subject.event.cancelled
        if cancelled and subject is not None and not q.has(Cue.CANCELLED):
            text = answers.event_headline(subject, now)  # what is asked of it is moot
            return self._reply(text, Intent.EVENT_INFO, [subject], search.hits)
        text = help_texts.UNSUPPORTED
        if subject is not None and subject.event is not None:
            text += " " + answers.event_headline(subject, now)
        elif subject is not None:
            text += f" Om {answers.short_title(subject)} vet jeg dette: {summary(subject)}"
        return Reply(text, False, Intent.UNKNOWN, matches_of(search.hits))

    def _reply(
        self, text: str, intent: Intent, entries: Sequence[Entry], hits: Sequence[Hit] = ()
    ) -> Reply:
        return reply_about(self.kb, text, intent, entries, hits)


_ASKER = frozenset({"vi", "me", "oss"})


def _restates(q: Question, fact: Fact) -> bool:
    """Whether a question that is no yes/no and no "hvem" asks which thing has an actor it
    names, rather than for the actor."""
    asks_what = q.has(Cue.WHAT) or (bool(q.words) and q.words[0].startswith("hvilk"))
    return fact in _ACTORS and asks_what and not q.yes_no and not q.has(Cue.WHO, Cue.WHEN)


_ACTORS = (Fact.INTRODUCED_BY, Fact.FUNDED_BY, Fact.DESCRIBED_IN, Fact.WHEN)


_SAID_IN_A_SENTENCE = (Fact.GOALS, Fact.PARTNERS)  # facts one sentence among several may hold
_YEAR = re.compile(r"\b(19|20)\d\d\b")
