"""Where the sources stop: what they say they do not say, and whose an entry is.

"Hva står det i den nye planen?" is answered by an entry that says "… sier ikke hva den nye
planen inneholder": the bot knows the plan, not its contents, so it says so and is not sure.
An entry that is only a heading on the page ("… ingen flere opplysninger om …") is never a
confident answer. "Hvilke fokusområder har Malvik?" is answered by the focus areas of
Trondheimsskolen: they are Trondheim's, so the answer says whose they are and is not sure
("er Lesetråder et prosjekt i Malvik?" gets "Nei." for the same reason).
The engine (`bot.core.engine`) checks every confident reply here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bot.core import answers
from bot.core.date_texts import short_date
from bot.core.dates import Period, writes_a_year
from bot.core.knowledge import Entry, Fact, Kind, KnowledgeBase
from bot.core.question import Question
from bot.core.question_forms import STOP_WORDS_FOLDED
from bot.core.question_words import Cue
from bot.core.reply import Intent, Reply
from bot.core.sentence_words import entry_sentences, split_sentences
from bot.core.text import Normaliser, fold

# "… sier ikke hva den nye planen inneholder": what is not said, as a question word, its
# subject and a verb.
_NOT_SAID = re.compile(r"sier ikke (?:hva|hvem|hvor|når|hvilke) (?P<subject>[^,.]+) \w+(?:[,.]|$)")
_ONLY_A_HEADING = "ingen flere opplysninger"
_ASKS_WHAT = (Cue.WHAT, Cue.LIST, Cue.GOALS)
# Words that ask what a document says ("hva står det i presentasjonen?")
_CONTENT_WORDS = "står sto stod inneholder innhold innholdet handler sa sier"
_CONTENTS = frozenset(fold(word) for word in _CONTENT_WORDS.split())
# A municipality's own ("Malvik kommunes egen plan")
_OWN = frozenset({"egen", "eget", "egne", "eiga", "eige", "eigne"})
_THEIRS = frozenset({"sin", "sitt", "sine"})
_OF_A_SAMLING = (Cue.WHEN, Cue.WHERE, Cue.DEADLINE, Cue.FOR_WHOM, Cue.NEXT, Cue.CANCELLED)


def _beyond_its_period(q: Question, entry: Entry) -> str | None:
    """ "Hva blir fokusområdene etter 2027?", "… i 2030?": a time outside the period the entry
    gives ("2023–2027"), which the sources say nothing of."""
    span = _SPAN.search(f"{entry.title} {entry.fact(Fact.PERIOD) or ''}")
    if span is None:
        return None
    first, last = int(span.group(1)), int(span.group(2))
    text = q.text.lower()  # not folded: "før 2023" is not "for 2023"
    after = [int(year) for year in _AFTER.findall(text)]
    before = [int(year) for year in _BEFORE.findall(text)]
    years = [int(year) for year in _YEAR.findall(text)]
    later = any(year >= last for year in after)
    earlier = any(year <= first for year in before)
    if not (after or before) and years and all(not first <= year <= last for year in years):
        later, earlier = all(year > last for year in years), all(year < first for year in years)
    said = [int(year) for year in _YEAR.findall(" ".join(entry_sentences(entry)))]
    later = later and not any(year > last for year in said)  # "… ny plan i januar 2024"
    earlier = earlier and not any(year < first for year in said)
    if not (later or earlier):
        return None
    side = "etter" if later else "før"
    return (
        f"Det jeg vet om {answers.short_title(entry)}, gjelder perioden {first}–{last}. "
        f"Kildene mine sier ikke noe om tiden {side}."
    )


_OF_SAMLINGER = frozenset(
    {
        Intent.NEXT_EVENT,
        Intent.PREVIOUS_EVENT,
        Intent.UPCOMING_EVENTS,
        Intent.EVENTS_IN_PERIOD,
        Intent.EVENT_INFO,
        Intent.DEADLINE,
        Intent.CANCELLED,
    }
)
_SPAN = re.compile(r"\b(20\d\d) ?[–-] ?(20\d\d)\b")
# A count in an answer: a digit, or a number written out ("seks kommuner", "to skoler")
# (not a date's "1." or a year)
_WRITTEN_NUMBERS = (*answers.NUMBER_WORDS[1:], "ett", "syv", "elleve", "tolv", "ingen")
_A_NUMBER = re.compile(
    rf"(?<![\d.])\b\d{{1,3}}\b(?![.\d–-])|\b(?:{'|'.join(_WRITTEN_NUMBERS)})\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(20\d\d)\b")
_AFTER = re.compile(r"\b(?:etter|after) (20\d\d)\b")
_BEFORE = re.compile(r"\b(?:før|innen|before) (20\d\d)\b")


class SourceGaps:
    """The gaps the knowledge base's own texts name, and the places entries belong to."""

    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser) -> None:
        self._normaliser = normaliser
        self._gaps: dict[str, list[tuple[frozenset[str], str]]] = {}
        self._headings: set[str] = set()
        for entry in kb:
            for sentence in split_sentences(entry.answer):
                if _ONLY_A_HEADING in sentence.lower():
                    self._headings.add(entry.id)
                found = _NOT_SAID.search(sentence.lower())
                if found is not None:
                    subject = normaliser.terms(found.group("subject"))
                    terms = frozenset(t for t in subject if t not in STOP_WORDS_FOLDED)
                    self._gaps.setdefault(entry.id, []).append((terms, sentence))
        # The last year each source tells of: its samlinger, the years its entries name, its
        # date (a question about a later year asks what no source knows)
        self._last_year: dict[str, int] = {}
        for entry in kb:
            years = [int(y) for y in _YEAR.findall(" ".join(entry_sentences(entry)))]
            if entry.event is not None:
                years.append(entry.event.last_day.year)
            known = max(years, default=0)
            self._last_year[entry.source] = max(self._last_year.get(entry.source, 0), known)
        for source in kb.sources.values():
            if source.updated is not None:
                last = self._last_year.get(source.id, 0)
                self._last_year[source.id] = max(last, source.updated.year)
        organisers = {fold(name) for e in kb if e.event for name in e.event.organisers}
        groups = [e for e in kb if e.kind in (Kind.REGION, Kind.NETWORK)]
        # Municipalities: members of regions and networks named with a capital, no partner
        self._places = {
            fold(name): group
            for group in groups
            for name in group.members
            if name[:1].isupper() and fold(name) not in organisers and kb.get(fold(name)) is None
        }
        self._groups = {fold(group.title.split()[0]): group for group in groups}
        # The last day of the last samling the sources know of
        self._last_samling = max((e.event.last_day for e in kb.events if e.event), default=None)
        self._kb = kb
        self._owned: dict[str, frozenset[str]] = {}

    def _without_samlinger(self, q: Question) -> str | None:
        """The title of the region or network a question about samlinger names, when the
        sources have no samling of it at all (the network Trondheim–Malvik)."""
        regions = q.filters.for_samlinger().regions
        held = {entry.event.region for entry in self._kb.events if entry.event is not None}
        if not regions or regions & held:
            return None
        named = [self._kb.get(region) for region in sorted(regions)]
        return " og ".join(answers.short_title(e) for e in named if e is not None) or None

    def _after_the_samlinger(self, q: Question) -> str | None:
        """ "Hvilke samlinger er planlagt høsten 2026?": a year written out after the last
        samling the sources know of, which they say nothing of (not that there are none)."""
        period, last = q.period, self._last_samling
        if period is None or last is None or not writes_a_year(q.text, period):
            return None
        # (or "neste samling etter januar 2021?", after the last one's month)
        after = "etter" in q.words and period.end >= last
        if period.start.year <= last.year and not after:
            return None
        asked = period.label.removeprefix("i ")
        return (
            f"Oversikten min har ingen samlinger etter {short_date(last)}, og kildene mine "
            f"sier ikke noe om {'tiden etter ' if after else ''}{asked}."
        )

    def _after_its_source(self, q: Question, period: Period, entry: Entry) -> str | None:
        """ "Kva planar har regionen i 2025?": a year written out after all its source tells of."""
        last = self._last_year.get(entry.source, 0)
        if not (last and writes_a_year(q.text, period) and period.start.year > last):
            return None
        return (
            f"Kildene mine om {answers.short_title(entry)} forteller ikke om tiden etter {last}, "
            f"så om {period.label.removeprefix('i ')} vet jeg ikke noe."
        )

    def checked(self, q: Question, reply: Reply) -> Reply:
        """The reply, or, when it answers what its entry says the sources do not say, or is
        about another place's entry, a reply that says so and is not confident."""
        unheld = self._without_samlinger(q) if reply.intent in _OF_SAMLINGER else None
        if reply.confident and unheld is not None:  # "neste nettverkssamling Malvik–Trondheim?"
            text = f"Kildene mine nevner ingen samlinger i {unheld}, så det vet jeg ikke."
            return Reply(text, False, Intent.UNKNOWN, reply.matches, (), reply.source)
        later = self._after_the_samlinger(q) if reply.intent in _OF_SAMLINGER else None
        if reply.confident and later is not None:  # "når er fristen for samlingene høsten 2027?"
            return Reply(later, False, Intent.UNKNOWN, reply.matches, (), reply.source)
        if not reply.confident or not reply.matches:
            return reply
        counts = _A_NUMBER.search(reply.text) is not None or "•" in reply.text  # (a list)
        if q.has(Cue.COUNT) and not q.yes_no and not counts:
            # "hvor mange barnehager i Holtålen er med i REKOM?": the sources count no such thing
            text = f"Det sier kildene mine ikke. Det jeg vet, er: {reply.text}"
            return Reply(text, False, Intent.UNKNOWN, reply.matches, (), reply.source)
        entry = self._kb.get(reply.matches[0].id)
        if entry is None:
            return reply
        if entry.id in self._headings and self._names(q, entry):
            return replace(reply, confident=False)
        # "hvilken dato var den …", "fra hvilken planleggingsdag ligger det en presentasjon?"
        of_the_samling = entry.is_event and (q.has(*_OF_A_SAMLING) or _CONTENTS.isdisjoint(q.words))
        for terms, sentence in self._gaps.get(entry.id, ()):
            # ("den nye planen handler bare om lesing": a claim of what is not said)
            of_contents = q.has(*_ASKS_WHAT) or (q.yes_no and not _CONTENTS.isdisjoint(q.words))
            if terms and terms <= set(q.terms) and of_contents and not of_the_samling:
                # a samling's text is short: where the presentation is, then what is not said
                told = entry.answer if entry.is_event else sentence
                return Reply(told, False, Intent.UNKNOWN, reply.matches, (), reply.source)
        beyond = None if q.yes_no else _beyond_its_period(q, entry)
        if beyond is None and not (entry.is_event or q.yes_no) and q.period is not None:
            beyond = self._after_its_source(q, q.period, entry)
        if beyond is not None:  # "Hva blir fokusområdene etter 2027?"
            return Reply(beyond, False, Intent.UNKNOWN, reply.matches, (), reply.source)
        asked = self._places_named(q)
        theirs = any(a in _THEIRS and b.startswith("plan") for a, b in pairwise(q.words))
        own = theirs or not _OWN.isdisjoint(q.words)  # "Malvik kommune sin plan for lesing"
        if asked and own and not (q.yes_no or q.has(Cue.MEMBERS)):
            # "Hva står i Malvik kommunes egen plan for lesing?": the sources tell only what
            # the municipalities do together
            others = " og ".join(sorted(self._shown(place) for place in asked))
            said = f"Kildene mine sier ikke noe om hva {others} gjør på egen hånd"
            known = split_sentences(reply.text)[0]
            text = f"{said}, bare om det felles arbeidet: {known[:1].lower()}{known[1:]}"
            return Reply(text, False, Intent.UNKNOWN, reply.matches, (), reply.source)
        if (
            entry.is_event
            or entry.kind in (Kind.REGION, Kind.NETWORK)
            or reply.text.startswith(("Ja", "Nei"))
        ):
            return reply  # who is in a group, or a verdict that weighed the place already
        owners = self._owners(entry)
        if owners and asked and not asked & owners:
            whose = " og ".join(sorted(self._shown(place) for place in owners))
            others = " og ".join(sorted(self._shown(place) for place in asked))
            said = f"Det jeg vet om dette, gjelder {whose}, ikke {others}."
            if q.yes_no:  # "er Lesetråder et prosjekt i Malvik?": it is Trondheim's
                return replace(reply, text=f"Nei. {said} {reply.text}")
            return replace(reply, text=f"{said} {reply.text}", confident=False)
        return reply

    def _names(self, q: Question, entry: Entry) -> bool:
        """Whether the question names the entry by its title ("universitetsskolene"), not
        only by a word like it ("universitet")."""
        return set(self._normaliser.terms(entry.title)) <= set(q.terms)

    def _places_named(self, q: Question) -> set[str]:
        """The municipalities the question's own words name."""
        said = f" {' '.join(q.words)} "
        return {place for place in self._places if f" {place} " in said}

    def _owners(self, entry: Entry) -> frozenset[str]:
        """The municipalities an entry's title and text name (a group named covers its
        members): "Trondheimsskolen" is Trondheim's. Worked out once per entry."""
        known = self._owned.get(entry.id)
        if known is not None:
            return known
        words = fold(f"{entry.title} {entry.answer}").split()

        def named(name: str) -> bool:  # every part starts a word: "trondheim" in "trondheimsskolen"
            return all(any(word.startswith(part) for word in words) for part in name.split())

        owners = {place for place in self._places if named(place)}
        for name, group in self._groups.items():
            if named(name):
                owners |= {fold(member) for member in group.members} & set(self._places)
        self._owned[entry.id] = frozenset(owners)
        return self._owned[entry.id]

    def _shown(self, place: str) -> str:
        group = self._places[place]
        return next(name for name in group.members if fold(name) == place)
