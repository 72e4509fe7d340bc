"""Yes or no about an entry: "er Oppdal med i Gauldalsregionen?" wants "Ja." or "Nei." first.

Membership, what it applies to, what kind of thing it is, numbers and years it claims
(`bot.core.number_claims`), the opposite word ("kommunale?" of "statlige"), another actor, or
whether one of the entry's own sentences says what the question claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.core import answers
from bot.core.contraries import contrary_sentence
from bot.core.dates import another_month
from bot.core.fact_answers import fact_text
from bot.core.knowledge import Entry, Fact, Kind, KnowledgeBase
from bot.core.list_claims import ListClaims, said_in, unnamed_member
from bot.core.number_claims import counts_before_names, number_verdict
from bot.core.question import Question
from bot.core.question_forms import pointed_names
from bot.core.question_words import LINKING_VERBS, ONLY_WORDS, Cue
from bot.core.sectors import Sectors
from bot.core.sentence_words import (
    audience_sentence,
    ends_a_compound,
    entry_sentences,
    names_it,
    on_its_own,
    split_sentences,
)
from bot.core.strange_names import names_a_body
from bot.core.subjects import MemberNames
from bot.core.text import Normaliser, fold

_TELLING_CUE = 5  # a question word this long says what the sentence is about ("samarbeid")
_MAX_COMPLEMENT_WORDS = 40  # a sentence added after an answer stays short


class YesNo:
    """Yes or no about an entry: membership, audiences, kind, or what its own text says."""

    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser, members: MemberNames) -> None:
        self._kb = kb
        self._members = members  # the entry a member name is, by id or title
        self._normaliser = normaliser
        self._names: list[tuple[tuple[str, ...], str]] = []  # (terms, member name)
        seen: set[str] = set()
        for entry in kb:
            for name in entry.members:
                if name not in seen:
                    seen.add(name)
                    self._names.append((normaliser.terms(name), name))
        self._names.sort(key=lambda pair: -len(pair[0]))
        self._sectors = Sectors(kb, normaliser)
        # Who runs samlinger (NTNU): a partner, never one of a region's municipalities.
        self._organisers = frozenset(
            fold(name) for entry in kb if entry.event for name in entry.event.organisers
        )
        # Who the sources say stands behind or pays for something ("Kunnskapsdepartementet").
        self._actors = frozenset(
            term
            for entry in kb
            for fact in (Fact.INTRODUCED_BY, Fact.FUNDED_BY)
            for word in _CAPITALISED.findall(entry.fact(fact) or "")
            for term in normaliser.terms(word)
        ) - frozenset(term for entry in kb for term in normaliser.terms(entry.title))
        self._linking = frozenset(normaliser.terms(" ".join(LINKING_VERBS)))
        self._identities: dict[str, frozenset[str]] = {}
        # The words that name each kind of entry ("ordning", "fokusområde"), as terms.
        self.kind_words = {
            kind: frozenset(
                term
                for phrase in (names.label, names.plural, *names.words)
                for term in normaliser.terms(phrase)
            )
            for kind, names in kb.vocabulary.kinds.items()
        }
        self.lists = ListClaims(kb, normaliser, self.claim, self.kind_words, self._linking)

    def mentioned_members(self, q: Question, *, own: bool = False) -> list[str]:
        """Member names the question mentions ("Oppdal", "Midtre Gauldal", "NTNU"), with those
        of its message's context unless `own`."""
        terms = [*q.terms] if own else [*q.terms, "\0", *q.context_terms]
        found = []
        named_in_question = False  # a name in the question's own words, not only in its context
        for name_terms, name in self._names:
            size = len(name_terms)
            for i in range(len(terms) - size + 1):
                if tuple(terms[i : i + size]) == name_terms:
                    found.append(name)
                    named_in_question = named_in_question or i < len(q.terms)
                    terms[i : i + size] = ["\0"] * size
                    break
        if own or named_in_question:
            return found
        return pointed_names(q.words, q.context_words, found)  # "Er denne skolen med?"

    def judge(self, q: Question, entry: Entry, mentioned: Sequence[str]) -> str | None:
        """ "Ja. …" or "Nei. …" when the knowledge base can tell, else None."""
        sorts = {self._sort(name) for name in entry.members}
        outsiders = [
            name
            for name in mentioned
            if not self._is_member(name, entry)
            and _not_in_title(name, entry)
            and self._sort(name) in (*sorts, None)  # a name with no entry may be anything
        ]
        insiders = [name for name in mentioned if self._is_member(name, entry)]
        title = answers.short_title(entry)
        # "er de med på …?", "er spesialundervisning et fokusområde?" (of the focus areas)
        of_kind = of_kind_asked(q, sorts) and bool(outsiders)
        membership = q.has(Cue.MEMBERS) or q.says_med or of_kind
        # "er Trondheim i kompetansenettverk (sammen) med Melhus?": "sammen med" a member of
        # some group, not "… sammen med bibliotekene?"
        known = {name for _, name in self._names}
        together = "sammen" in q.words and not any(name in known for name in outsiders)
        in_it_with = "med" in q.words and not together
        in_it_with = in_it_with or _IS_IN.match(" ".join(q.words)) is not None  # "er Malvik i …?"
        in_it_with = in_it_with or not _INCLUDING.isdisjoint(q.words)  # "… inkludert Trondheim"
        membership = membership or (bool(outsiders) and in_it_with)
        if entry.members and not (outsiders or insiders) and of_kind_asked(q, sorts):
            # "er digitale ferdigheter et av …?"
            stranger = unnamed_member(q, entry, self._normaliser)
            outsiders = [stranger] if stranger is not None else []
        outside = not _OUTSIDE.isdisjoint(q.words)  # "er Holtålen utenfor regionen?"
        # (a count before the names is judged as a count, unless a name is not in it at all:
        # "seks kommuner inkludert Trondheim?")
        including = bool(outsiders) and not _INCLUDING.isdisjoint(q.words)
        a_count = counts_before_names(q.text, mentioned) and not including
        membership = (membership or outside) and not a_count
        if entry.members and (outsiders or insiders) and membership:
            listing = fact_text(entry, Fact.MEMBERS) or ""
            if outsiders:
                names = answers.join_words([self.shown(name) for name in outsiders])
                verdict = "Ja" if outside else "Nei"
                # "Trondheim er med i Gauldalsregionen?": and where Trondheim is
                elsewhere = "".join(
                    f" {self.shown(name)} er med i {answers.short_title(groups[0])}."
                    for name in outsiders
                    if (groups := [g for g in self.groups_of(name) if g.id != entry.id])
                )
                return f"{verdict}, {names} er ikke med i {title}.{elsewhere} {listing}".strip()
            names = answers.join_words([self.shown(name) for name in insiders])
            if outside:
                return f"Nei, {names} er med i {title}. {listing}".strip()
            only = not ONLY_WORDS.isdisjoint(q.words) and "eller" not in q.words
            if only and len(insiders) < len(entry.members):
                return f"Nei. {listing}".strip()  # "består modellen bare av A og B?": and C
            return f"Ja, {names} er med i {title}. {listing}".strip()
        # "Rektor sier at …. Stemmer det?": whom the context names is no claim of the question
        # "Jeg eier en barnehage. Gjelder DEKOM for oss?": then the asker's people are the claim
        asks_of_us = not _US.isdisjoint(q.words) and "eller" not in q.words
        told = set() if q.has(Cue.FOR_WHOM) or asks_of_us else set(q.context_filters.audiences)
        told -= self._named_audiences(q)  # "Eg jobbar i PPT. Er PPT med i …?" names it again
        ours = set(q.context_filters.audiences) if asks_of_us else set()
        wanted = self._sectors.of((set(q.filters.audiences) | ours) - told, entry)
        titled = self._sectors.in_title(entry)
        wanted -= titled  # "… modellen for skolen kom i 2015?": its name
        if wanted and titled and not entry.applies_to:  # "gjelder modellen barnehagene?"
            return f"Nei. {title} gjelder {self._labels(sorted(titled))}."
        counted = number_verdict(q, entry, self.claim(q, entry))
        if counted is not None:  # "har modellen fire ordninger?" of "… består av tre ordninger"
            return counted
        contrary = contrary_sentence(q, entry)
        if contrary is not None:
            return f"Nei. {contrary}"  # "er REKOM og DEKOM kommunale ordninger?" → "… statlige …"
        supported = self.supporting_sentence(q, entry)
        if not ONLY_WORDS.isdisjoint(q.words) or q.alternatives:
            # "er det bare kommunen?" is not confirmed by "kommunene skal …", and "er det 5
            # eller 6 kommuner?" asks which
            supported = None
        if wanted and entry.applies_to:
            labels = self._labels(entry.applies_to)
            only = not ONLY_WORDS.isdisjoint(q.words) and "eller" not in q.words
            only = only and not _NOT_ONLY.search(" ".join(q.words))  # "… ikke bare skole?"
            if only and wanted < set(entry.applies_to):  # "gjelder de bare skole?"
                said = audience_sentence(self._kb, entry)
                return f"Nei. {title} gjelder {labels}." + (f" {said}" if said else "")
            if wanted <= set(entry.applies_to) and supported is not None:
                return f"Ja. {supported}"  # "… hjelpe oss i barnehagen med ny rammeplan?"
            if wanted <= set(entry.applies_to):
                return f"Ja. {title} gjelder {labels}."
            return f"Nei. {title} gjelder {labels}.{sibling_sentence(self._kb, wanted, entry)}"
        fewer = self.lists.fewer_items_than_listed(q, entry)
        if fewer is not None:  # "består modellen bare av A og B?": it has C too
            return fewer
        if supported is not None:  # (but of another month: "kommer planen høsten 2024?")
            other = q.period is not None and another_month(q.period, supported)
            return f"{'Nei' if other else 'Ja'}. {supported}"
        # "er DEKOM en ordning?", and no name claimed that is not in it
        of_its_kind = q.kind_named not in (None, Kind.EVENT) and entry.kind is q.kind_named
        # … and nothing claimed that the entry does not say: "er Orkland med i et nettverk?",
        # "er REKOM en av ordningene i modellen?"
        if of_its_kind and not outsiders and self._says_all(q, entry):
            return "Ja. " + answers.entry_text(entry)
        return None

    def _says_all(self, q: Question, entry: Entry) -> bool:
        """Whether the entry's text has every word the question claims of it."""
        terms = set(self._normaliser.terms(" ".join(entry_sentences(entry))))
        return all(said_in(term, terms) for term in self.claim(q, entry))

    def groups_of(self, name: str) -> list[Entry]:
        """The groups that list `name` among their members ("Melhus": Gauldalsregionen)."""
        return [group for group in self._kb if group.members and self._is_member(name, group)]

    def _is_member(self, name: str, group: Entry) -> bool:
        """Whether `name` is one of the group's members, by name or by what it is: DEKOM, whose
        title says "desentralisert ordning", is that member of the 2017 model."""
        if fold(name) in {fold(member) for member in group.members}:
            return True
        entry = self._kb.get(fold(name))
        if entry is None:
            return False
        title = set(self._normaliser.terms(entry.title))
        return any(set(self._normaliser.terms(member)) <= title for member in group.members)

    def _named_audiences(self, q: Question) -> set[str]:
        """The audiences the question's own words name (not only its context)."""
        audiences = self._kb.vocabulary.audiences
        return {
            a
            for a in q.filters.audiences
            if a in audiences and any(fold(word) in q.words for word in audiences[a].words)
        }

    def shown(self, name: str) -> str:
        """A member name as the answer writes it: "DEKOM" for the list's "Dekom"."""
        entry = self._kb.get(fold(name))
        return answers.short_title(entry) if entry is not None else name

    def _sort(self, name: str) -> Kind | str | None:
        """What kind of thing a member name is: a scheme ("Dekom") is never one of the
        municipalities of a region, so "er Holtålen med i samarbeidet om DEKOM?" is no "Nei",
        and nor is a partner that runs samlinger ("er NTNU med på begynneropplæringa i
        Gauldalsregionen?"). A member named by its kind or an entry's title is of that kind."""
        entry = self._members.entry(name)
        if entry is not None:
            return entry.kind
        if fold(name) in self._organisers:
            return _ORGANISER
        terms = set(self._normaliser.terms(name))
        for kind, words in self.kind_words.items():
            if any(ends_a_compound(word, terms) for word in words) or terms & words:
                return kind
        return None

    def _labels(self, audience_ids: Sequence[str]) -> str:
        return answers.audience_labels(self._kb, audience_ids)

    def names(self, q: Question, entry: Entry) -> bool:
        """Whether the question names the entry itself: its id or its whole title."""
        terms = set(q.terms)
        for text in (entry.id.replace("-", " "), entry.title):
            own = set(self._normaliser.terms(text)) - self.kind_words.get(entry.kind, frozenset())
            if own and own <= terms:
                return True
        return False

    def supports(self, q: Question, entry: Entry, text: str, *, by_heading: bool = False) -> bool:
        """Whether `text` has the question's words beyond the entry's name (and, `by_heading`, its
        list's heading: "… ifølge målene?"), but for those its first sentence has."""
        heading = set(self._normaliser.terms(entry.items_title or "")) if by_heading else set()
        claim = [term for term in self.claim(q, entry) if term not in heading]
        terms = set(self._normaliser.terms(text))
        said = [term for term in claim if said_in(term, terms)]
        # What the entry's first sentence says it is ("… fokusområder for Trondheimsskolen")
        # need not be said again: "er lesing prioritert i Trondheimsskolen?"
        identity = self._identity(entry)
        return bool(said) and all(
            term in said or term in identity or ends_a_compound(term, identity) for term in claim
        )

    def _identity(self, entry: Entry) -> frozenset[str]:
        """The terms of the entry's first sentence, worked out once per entry."""
        terms = self._identities.get(entry.id)
        if terms is None:
            terms = frozenset(self._normaliser.terms(split_sentences(entry.answer)[0]))
            self._identities[entry.id] = terms
        return terms

    def claim(self, q: Question, entry: Entry) -> list[str]:
        """What the question says about the entry: its content words minus the entry's own
        name and the name of its kind ("fokusområdet" of a focus area), also as one compound
        ("barnehagestrategien" of the strategy for barnehage), or as a part of one ("bibliotek"
        of "skolebibliotekprosjekt")."""
        naming = self._naming(q, entry) | self._linking
        return [t for t in q.content if not names_it(t, q.content, naming)]

    def _naming(self, q: Question, entry: Entry) -> set[str]:
        """The terms that name the entry, its kind, or what the question names."""
        naming = set(self._normaliser.terms(f"{entry.title} {entry.id.replace('-', ' ')}"))
        naming |= self.kind_words.get(entry.kind, frozenset())
        for named_id in (*q.filters.schemes, *q.filters.regions):  # "kom REKOM i 2017?"
            naming |= set(self._normaliser.terms(named_id.replace("-", " ")))
        return naming

    def closest_sentence(
        self, q: Question, entry: Entry, answer: str, *, cues_tell: bool = False
    ) -> str | None:
        """The sentence of the entry (its text, facts or list) with the most of the question's
        claim, when it has at least two of its words and more than `answer` has; else None."""
        claim = set(self.claim(q, entry))
        # "… hvorfor vi skal gå sammen i nettverk. Hva er begrunnelsen i Dekom?": the context
        # says which of the reasons
        claim |= set(q.context_terms) - self._naming(q, entry)
        if cues_tell:  # "hvem skal kommunene samarbeide med?": "samarbeid" tells which sentence
            claim |= {term for term in q.cue_terms if len(term) >= _TELLING_CUE}
        if len(claim) < 2:
            return None
        least = max(2, 1 + self._overlap(claim, answer))
        best, _count = self._best_sentence(entry, claim, more_than=least - 1)
        return None if best is None else on_its_own(best, entry)

    def complement(self, q: Question, entry: Entry, answer: str) -> str | None:
        """The entry's sentence with the most of the question's topic words that `answer` lacks
        ("hvordan er lesing prioritert i perioden?": the period, then the sentence that says
        "prioritert"), if one has any and is short enough to follow an answer."""
        said = set(self._normaliser.terms(answer))
        missing = {term for term in self.claim(q, entry) if term in q.topic} - said
        if not missing:
            return None
        best, _count = self._best_sentence(entry, missing, longest=_MAX_COMPLEMENT_WORDS)
        told = None if best is None else on_its_own(best, entry)
        if told is None or set(self._normaliser.terms(told)) <= said:
            return None  # the answer says it already, in other punctuation
        return told

    def _best_sentence(
        self,
        entry: Entry,
        claim: set[str],
        *,
        more_than: int = 0,
        longest: int | None = None,
        naming: set[str] | None = None,
    ) -> tuple[str | None, int]:
        """The first of the entry's sentences with the most of `claim` (more than `more_than`,
        at most `longest` words), and how many it has."""
        best, best_count = None, more_than
        for text in entry_sentences(entry):
            if longest is not None and len(text.split()) > longest:
                continue
            count = self._overlap(claim, text, naming)
            if count > best_count:
                best, best_count = text, count
        return best, best_count

    def names_another_actor(self, q: Question, entry: Entry, text: str) -> bool:
        """ "Kommer modellen fra Utdanningsdirektoratet?" of "Kunnskapsdepartementet står bak
        …": the question names an actor that the entry's fact does not."""
        asked = {t for t in self.claim(q, entry) if t in self._actors or names_a_body(t)}
        # "tilskudd fra Utdanningsdirektoratet": who gives, not who receives ("Trondheim kommune")
        givers = {t for name in _GIVER.findall(text) for t in self._normaliser.terms(name)}
        named_elsewhere = not asked <= set(self._normaliser.terms(text))
        return bool(asked) and (named_elsewhere or (bool(givers) and asked.isdisjoint(givers)))

    def _overlap(self, claim: set[str], text: str, naming: set[str] | None = None) -> int:
        """How many of the claim's terms the text has, as words or as the last part of a
        compound ("nivå" in "individnivå"; not "skole" in the entry's own "universitetsskole",
        `naming`)."""
        if not text:
            return 0
        terms = set(self._normaliser.terms(text))
        parts = terms - naming if naming else terms
        return sum(1 for term in claim if term in terms or ends_a_compound(term, parts))

    def saying_sentence(self, q: Question, entry: Entry, *, all_of: int = 0) -> str | None:
        """The entry's sentence that has most of what the question says beyond the entry's
        name: all of it, or at least two words and half ("bestemmer kommunen selv hva lærerne
        skal lære med DEKOM?" of "kommunene skal selv definere og prioritere …")."""
        claim = set(self.claim(q, entry))
        if not claim:
            return None
        best, best_count = self._best_sentence(entry, claim, naming=self._naming(q, entry))
        enough = best_count == len(claim) or (best_count >= 2 and 2 * best_count >= len(claim))
        if all_of:  # every word, and at least `all_of` of them
            enough = best_count == len(claim) >= all_of
        if best is None or not enough:
            return None
        return on_its_own(best, entry)

    def supporting_sentence(self, q: Question, entry: Entry) -> str | None:
        """A sentence of the entry that contains every content word of the question that does
        not just name the entry: the page says what the question asks whether it says."""
        for text in entry_sentences(entry):
            if self.supports(q, entry, text):
                return on_its_own(text, entry)
        return None


_ORGANISER = "organiser"
_US = frozenset({"oss", "meg", "mæ", "me"})
_OUTSIDE = frozenset({"utenfor", "utanfor", "outside"})
_INCLUDING = frozenset(
    {"inkludert", "inklusive", "medregnet", "deriblant", "herunder", "including"}
)
_IS_IN = re.compile(r"(?:er|e|var) [^\W\d_]+(?: [^\W\d_]+)? i ")
_NOT_ONLY = re.compile(r"\b(?:ikke|ikkje) (?:bare|berre)\b")
_CAPITALISED = re.compile(r"\b[A-ZÆØÅ][^\W\d_]{3,}")
_GIVER = re.compile(r"\b(?:tilskudd|midler|støtte) fra ([A-ZÆØÅ][^\W\d_]{3,})")


def of_kind_asked(q: Question, sorts: set[Kind | str | None]) -> bool:
    """ "er X et fokusområde?", "… en av ordningene?": the question names the members' kind."""
    return q.kind_named is not None and q.kind_named in sorts


def _not_in_title(name: str, entry: Entry) -> bool:
    """ "Er Melhus med i nettverket med Trondheim og Malvik?": the names in the group's own
    title describe the group, not a candidate member."""
    return fold(name) not in fold(entry.title)


def sibling_sentence(kb: KnowledgeBase, audiences: Iterable[str], entry: Entry) -> str:
    """ " For barnehage er det REKOM." of "gjeld DEKOM for barnehagen (og skulen)?": the related
    entry of the same kind that is for the audiences asked that `entry` is not for, and for
    nothing else; "" when there is no one such entry."""
    missing = set(audiences) - set(entry.applies_to)
    fitting = [
        other
        for other in kb
        if other.kind is entry.kind
        and (other.id in entry.related or entry.id in other.related)
        and set(other.applies_to) == missing
    ]
    if not missing or len(fitting) != 1:
        return ""
    labels = answers.audience_labels(kb, sorted(missing))
    return f" For {labels} er det {answers.short_title(fitting[0])}."
