"""What the shape of a read question says about the answer it wants.

Small, pure tests the decider (`bot.core.decide`) asks of a question and its search: whether
the best match is clearly the one, whether "hvilke …" asks for a list, whether an entry can
answer a "når"/"hvor" question at all, and which two entries together answer "hva er X og Y?".
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from bot.core import answers
from bot.core.fact_answers import asked_fact, fact_text
from bot.core.index import Hit, SearchResult
from bot.core.knowledge import Entry, Kind, KnowledgeBase
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.sentence_words import ends_a_compound
from bot.core.subjects import CONFIDENT_MARGIN, CONFIDENT_SCORE, runner_up_score
from bot.core.text import fold, stem


def complementary_pair(q: Question, hits: Sequence[Hit]) -> list[Entry] | None:
    """ "Hva er X og Y?": two of the best entries, each named by its id, that each cover what
    the other does not, and together all of the question."""
    wanted = set(q.content)
    if len(wanted) < 2 or not q.cues <= {Cue.WHAT, Cue.LIST, Cue.DIFFERENCE}:
        return None
    candidates = [
        hit
        for hit in hits[:3]
        if hit.named and not hit.entry.is_event and hit.score >= CONFIDENT_SCORE
    ]
    for first, second in combinations(candidates, 2):
        if first.covered <= second.covered or second.covered <= first.covered:
            continue
        if wanted <= first.covered | second.covered:
            return [first.entry, second.entry]
    return None


def fact_naming(entry: Entry, candidates: Sequence[Entry]) -> str | None:
    """The entry's fact that names one of the candidates ("… er beskrevet i Stortingsmelding
    21"), asked which of a kind the entry has to do with."""
    for _fact, text in entry.facts:
        folded = fold(text)
        if any(fold(answers.short_title(candidate)) in folded for candidate in candidates):
            return text
    return None


def clear(search: SearchResult) -> bool:
    """Whether the best match is clearly the one (the score and lead a subject needs)."""
    hits = search.hits
    return (
        bool(hits)
        and hits[0].score >= CONFIDENT_SCORE
        and (hits[0].score - runner_up_score(hits) >= CONFIDENT_MARGIN)
    )


def asks_if_any(q: Question) -> bool:
    """ "finnes det noe …?", "er det noen …?": whether there is any (samling)."""
    return q.words[:2] in _THERE_IS and not _ANY.isdisjoint(q.words)


_THERE_IS = (("finnes", "det"), ("fins", "det"), ("er", "det"), ("har", "dere"), ("har", "de"))
_ANY = frozenset({"noe", "noen", "no", "non", "noko", "nokon"})  # as the forms leave them


def names_what(q: Question, terms: Sequence[str]) -> bool:
    """Whether the word after "hvilke" (or opening a question without a verb) is among `terms`:
    "hvilke kommuner er i …?" asks for what "… består av de seks kommunene …" names."""
    at = next((i for i, word in enumerate(q.words) if word.startswith("hvilk")), None)
    if at is None and not (q.cues or q.yes_no) and q.words and stem(q.words[0]) in q.topic:
        at = -1  # "kommuner i gauldalsregionen?": the noun alone asks which
    if at is None or at + 1 >= len(q.words):
        return False
    noun = stem(q.words[at + 1])
    return noun in terms or ends_a_compound(noun, set(terms))  # "skoler", "prosjektskoler"


def asks_for_a_list(q: Question) -> bool:
    """ "Hvilke skoler er …?" asks for a list; "hvilke aktører skal samarbeide" asks who works
    together (a fact), and "hvem bestemmer hvilke tiltak" asks who."""
    opener = q.words[0] if q.words else ""
    return opener in ("hvilke", "hvilken", "hvilket") and asked_fact(q) is None


def can_answer(entry: Entry, q: Question) -> bool:
    """Whether an entry that is not a samling can answer this type of question at all."""
    if entry.is_event:
        return True
    if q.has(Cue.DEADLINE, Cue.CANCELLED):
        return False
    if q.has(Cue.WHERE):
        return entry.kind in (Kind.REGION, Kind.NETWORK)
    if q.has(Cue.WHEN):
        return any(ch.isdigit() for ch in entry.answer + " ".join(entry.items))
    return True


def has_fact_first(q: Question, alone: SearchResult, with_context: SearchResult) -> bool:
    """ "… passe med Dekom/Kompetanseløftet. Hva er målene for ordningene?": the question alone
    finds first what has the fact it asks for, the context's words something that has not."""
    fact = asked_fact(q)
    if fact is None or not alone.hits or not with_context.hits:
        return False
    mixed = with_context.hits[0].entry
    return not fact_text(mixed, fact) and bool(fact_text(alone.hits[0].entry, fact))


def sorts_named(q: Question, kb: KnowledgeBase) -> list[Entry] | None:
    """ "hva slags ordning er DEKOM?": the named entries of the kind asked, if any."""
    if "slags" not in q.words and "slag" not in q.words:
        return None
    terms = q.terms
    ids = sorted(
        (*q.filters.schemes, *q.filters.regions),
        key=lambda i: terms.index(i) if i in terms else len(terms),
    )
    named = [kb.get(entry_id) for entry_id in ids]
    of_kind = [entry for entry in named if entry is not None and entry.kind is q.list_kind]
    return of_kind or None


def list_counted(q: Question, hits: Sequence[Hit]) -> Entry | None:
    """ "hvor mange fokusområder er det?": nothing but the kind counted, and one of the best
    matches lists them (the focus areas' overview, not the focus area "Lesing")."""
    if not q.has(Cue.COUNT) or q.kind_named is None or not set(q.topic) <= set(q.kind_words):
        return None
    listing = [hit.entry for hit in hits[:_CLOSE_HITS] if hit.entry.items and hit.lexical >= 1]
    return listing[0] if len(listing) == 1 else None


_CLOSE_HITS = 3
