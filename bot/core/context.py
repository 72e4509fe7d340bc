"""A question read with the rest of its message: who asks, what the message named.

"Jeg er lærer på 1. trinn. Er det noen samling snart?" asks about samlinger for 1. trinn;
"Skoleledersamlinga 28. oktober, blir den noe av?" asks about that samling. The parts of a
message that are not questions are read as one context (`bot.core.engine`), and each question
part takes from it what it leaves open itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from bot.core.dates import writes_a_year
from bot.core.knowledge import Kind
from bot.core.question import Question
from bot.core.question_forms import DEMONSTRATIVES, ONLINE, joins, points_back
from bot.core.question_words import ENTRY_FACT_CUES, Cue
from bot.core.samling_questions import TOOK_PART
from bot.core.text import fold, stem

# The words of a samling's format, as terms ("zoom", "digital", "fysisk").
_FORMATS = frozenset(stem(word) for word in (*ONLINE, "fysisk"))


def with_context(
    q: Question,
    context: Question,
    known: Callable[[str], bool],
    named: Callable[[str], bool] | None = None,
) -> Question:
    """The question as asked in a message that also tells who is asking ("Jeg er lærer på
    1. trinn. Er det noen samling snart?"): the context adds the filters the question does not
    set itself, and the terms the bot recognises as search words; its other words count for
    nothing, so personal context cannot sink the confidence."""
    extra = tuple(term for term in context.content if known(term) and term not in q.content)
    claimed = q.filters.audiences - q.naming_audiences  # not the audience naming a samling
    theirs = context.filters.audiences
    if _of_the_asker(q) and not claimed and theirs.isdisjoint(q.naming_audiences):
        # "Jeg har 9. trinn. Er begynneropplæringa noe for meg?": the asker's audience is the claim
        # (of an English teacher on 3. trinn and the English samling, only what names it)
        audiences = q.filters.audiences | theirs
        q = replace(q, filters=replace(q.filters, audiences=audiences))
    if (q.refers_back or q.follows_up) and not (q.filters.schemes or q.filters.regions):
        # "Jeg må forklare DEKOM for kollegiet. Hvilken stortingsmelding beskriver ordningen?"
        told_of = replace(
            q.filters, schemes=context.filters.schemes, regions=context.filters.regions
        )
        if len(told_of.schemes | told_of.regions) == 1:
            q = replace(q, filters=told_of)
    # "æ har hørt om DEKOM på jobb, ka står d for?": "det" is the scheme the message names
    of_the_named = (q.refers_back or q.follows_up) and len(
        q.filters.schemes | q.filters.regions
    ) == 1
    # Where the asker works ("jeg er lærer i Oppdal") is no place of a samling, and who they
    # are, or where, does not narrow a samling named by its day ("PPT her. Hvem er samlinga
    # 18. sept. for?", "Rektor i Malvik her. Blir skoleledersamlingen 28. oktober noe av?").
    # (But "ledersaml bhg på oppdal, når var den?" names the samling by its place, also when
    # the asker tells of themselves: "eg hugsar ei leiarsamling på Oppdal, eg var der sjølv".)
    by_its_place = _named_by_place(context.words)
    told = context.filters if by_its_place else replace(context.filters, locations=frozenset())
    if q.period is not None and q.period.start == q.period.end:
        told = replace(told, audiences=frozenset(), member_of=frozenset(), regions=frozenset())
    # "Blir den på Zoom eller fysisk?": choices are no topic of the question's own.
    # "… skoleledersamling 28. oktober. Blir den på Zoom?": the format asked is no topic either.
    # "… ledersamlinga 20. januar. Er den på Oppdal?": the place asked is no topic either, nor
    # the kind that points back ("… har inkluderende læringsmiljø. Hva er målet med det
    # fokusområdet?").
    places = {stem(word) for place in q.filters.locations for word in fold(place).split()}
    pointed = {
        stem(word)
        for before, word in pairwise(q.words)
        if before in DEMONSTRATIVES and stem(word) in q.kind_words
    }
    choices = (
        [
            t
            for t in q.content
            if t in q.alternatives or t in _FORMATS or t in places or t in pointed
        ]
        if q.refers_back
        else []
    )
    exact = named or known  # the words of the knowledge base itself, not parts or typos
    if len(choices) < len(q.content):  # the context's filters count only for samlinger asked
        q = replace(q, context_filters=told, context_terms=extra, context_words=context.words)
        if not _points_at(q, context):
            return q
        # "… får større lokalt handlingsrom. Medfører det også mer ansvar?": "det" is what
        # the message named, and the question's own words say what is asked of it
        named_terms = tuple(
            t for t in context.topic if len(t) >= _TELLING and exact(t) and t not in q.content
        )
        return replace(q, content=(*named_terms, *q.content), topic=(*named_terms, *q.topic))
    # "Jeg glemte å melde meg på. Når er fristen?" carries the deadline; "når er neste samling
    # nå som skoleledersamlinga ble avlyst?" asks what it asks, not whether it is cancelled
    asks_own = q.has(Cue.NEXT, Cue.WHEN, Cue.WHERE, Cue.WHO)
    carried = context.cues & ({Cue.EVENT} | (set() if asks_own else {Cue.DEADLINE, Cue.CANCELLED}))
    if q.has(Cue.COUNT) and not q.content and not TOOK_PART.isdisjoint(context.words):
        carried |= {Cue.UNSUPPORTED}  # "… 200 deltakere på styrersamlingen. Hvor mange var det?"
    # "Det er en samling i morgen. Hvem arrangerer den?": "den" is that samling, by its time
    its_samling = (
        q.refers_back and context.has(Cue.EVENT) and context.period is not None and not q.topic
    )
    if (q.kind_named not in (None, Kind.EVENT) or q.cues & ENTRY_FACT_CUES) and not its_samling:
        # "Vi var på et møte om X. Hva er målet med dette fokusområdet / i den?"
        carried = frozenset()
    # "Jeg var på samlinga i går. Når er neste?": the next one, not yesterday's
    # "Jeg startet i august. … når kom det?", "Jeg begynte som rektor i august … Når er første
    # samling?": when it is, is asked; the period told is the asker's, no filter
    # (but "og den på Oppdal tidlegare i år, når var den?" names the samling by its time)
    # (and "ledersamlinga for bhg i 2020, hvilken dato?" names the samling by its year)
    of_a_samling = context.has(Cue.EVENT) or not context.topic or _names_a_samling(context)
    asks_when_it_is = q.has(Cue.WHEN) and not of_a_samling
    own_time = (q.has(Cue.NEXT, *ENTRY_FACT_CUES) and not its_samling) or asks_when_it_is
    period = q.period or (None if own_time or _the_askers_own_time(context) else context.period)
    # "Skoleledersamlinga 28. oktober, blir den noe av?": "den" is what the message named.
    # ("den første av dem, hva …?" points back further, to what the chat talked about.)
    names = q.refers_back and not points_back(context.words, telling=True) and not of_the_named
    its_words = context.topic
    if context.kind_words and set(its_words) <= set(context.kind_words):
        its_words = context.content  # "… an English project for primary school teachers"
    topic = tuple(term for term in its_words if exact(term)) if names else ()
    # "Jeg blander alltid DEKOM og REKOM, hva er forskjellen?": a question of a fact that names
    # nothing itself asks it of what the message named, the schemes included
    of_named = () if q.content or q.refers_back else _named_for(q, context, exact)
    # "… hører om Dekom og Rekom på møter, men har aldri forstått hva det er. Kan du forklare
    # kort?": a request to explain asks what the named things are, not about any møte
    explain = not q.cues and (bool(of_named) or (of_the_named and _asks_to_explain(q)))
    # "Jeg er rektor i Melhus og alle snakker om DEKOM. Hva er det?": what the named thing is,
    # for anyone; who asks narrows only samlinger
    # (but "… spurte om dette dekom engelsk greiene. Hva er det?" names the English samling)
    what_the_named_is = (explain or (of_the_named and q.cues <= _WHAT_IT_IS)) and not (
        _scheme_narrowed(context, exact)
    )
    filters = q.filters if what_the_named_is else q.filters.or_else(told)
    cues = q.cues | carried | _chatter_of(q, context, bool(extra))
    return replace(
        q,
        terms=(*q.terms, *of_named),
        content=(*topic, *of_named, *choices),
        topic=(*topic, *(t for t in of_named if t in context.topic)),
        filters=filters,
        context_terms=extra,
        context_words=context.words,
        cues=frozenset({Cue.WHAT}) if explain else cues,
        yes_no=q.yes_no and not explain,
        context_filters=told,
        period=period,
        kind_named=q.kind_named or context.kind_named,
    )


def _scheme_narrowed(context: Question, known: Callable[[str], bool]) -> bool:
    """Whether a scheme is named together with a word the knowledge base knows ("dekom
    engelsk", "engelsk-dekomen"): then it names something of the scheme, such as a samling."""
    words = context.words
    if any(a in context.filters.schemes and b in _SOMETHING_OF for a, b in pairwise(words)):
        return True  # "… going to some dekom thing", "dekom-greiene"
    terms = context.terms
    for at, term in enumerate(terms):
        if term in context.filters.schemes:
            near = terms[max(0, at - _NEAR) : at] + terms[at + 1 : at + 1 + _NEAR]
            if any(
                t in context.content and known(t) and t not in context.filters.schemes for t in near
            ):
                return True
    return False


_NEAR = 1
_SOMETHING_OF = frozenset(
    {"thing", "things", "stuff", "greie", "greia", "greiene", "greier", "opplegg", "opplegget"}
)


def _chatter_of(q: Question, context: Question, names_something: bool) -> frozenset[Cue]:
    """ "God morgen! Jeg har et par spørsmål etter hvert, går det greit?": a part that asks
    nothing of its own asks what the small talk around it does (but "… skoleledersamlinga
    28. oktober … Blir den av?" asks of what the message names)."""
    asks_nothing = not (q.content or q.cues or q.period or q.filters or names_something)
    return context.cues & _CHATTER if asks_nothing else frozenset()


_CHATTER = frozenset({Cue.GREETING, Cue.THANKS, Cue.HELP, Cue.IDENTITY, Cue.GOODBYE})


def _the_askers_own_time(context: Question) -> bool:
    """ "… har vært i jobben siden i vår", "jeg begynte som rektor i Melhus i august": a time
    the asker tells of themselves."""
    span = context.period.span if context.period is not None else None
    before = fold(context.text)[: span[0]].split() if span is not None else []
    started = not _STARTED.isdisjoint(before[-_STARTED_BEFORE:])
    return bool(before) and (before[-1] in ("siden", "sidan", "sia") or started)


_STARTED = frozenset({"begynte", "begynt", "startet", "starta", "byrja", "begynnte"})
_STARTED_BEFORE = 6  # "begynte som rektor i Melhus i august"


def _named_for(q: Question, context: Question, exact: Callable[[str], bool]) -> tuple[str, ...]:
    """The known terms of the context, when the question asks a fact of something unnamed, or
    asks only to have it explained ("kan du forklare kort?")."""
    # "lesetråder, hva er det for noe?" asks what the named thing is
    what_it_is = q.cues == {Cue.WHAT} and not _IT.isdisjoint(q.words)
    if not (q.cues & _FACTS_OF_NAMED or (not q.cues and _asks_to_explain(q)) or what_it_is):
        return ()
    return tuple(term for term in context.content if exact(term))


_FACTS_OF_NAMED = ENTRY_FACT_CUES | {Cue.DIFFERENCE, Cue.MEMBERS}
# "… snakker om DEKOM. Hva står det for?": what the named thing is, or what its name stands for
_WHAT_IT_IS = frozenset({Cue.WHAT, Cue.STANDS_FOR})


def _names_a_samling(context: Question) -> bool:
    """ "ledersamlinga for barnehagen i 2020": a samling named by its kind and its year (a
    time such as "i fjor vinter" may be the asker's memory, and the name finds it)."""
    dated = context.period is not None and writes_a_year(context.text, context.period)
    return dated and any("samling" in term for term in context.topic)


def _named_by_place(told: Sequence[str]) -> bool:
    """ "ledersamling bhg på oppdal": "på" a few words after a samling's name."""
    return any("samling" in word and "pa" in told[i + 1 : i + 4] for i, word in enumerate(told))


def _of_the_asker(q: Question) -> bool:
    """Whether the question asks if something is for the asker: "… noe for meg?", "gjelder
    den oss?" (not "rekker jeg å melde meg på?")."""
    applies = not _APPLIES_TO.isdisjoint(q.words) and not _ASKER.isdisjoint(q.words)
    for_the_asker = any(a == "for" and b in _ASKER for a, b in pairwise(q.words))
    return applies or for_the_asker or joins(q.words)


_APPLIES_TO = frozenset({"gjelder", "gjeld", "angar", "passer"})
# The asker, or whom they ask for ("er det noe for henne?")
_ASKER = frozenset({"meg", "mæ", "oss", "ho", "henne", "han", "ham"})
_IT = frozenset({"det", "dette", "den", "denne", "d"})


def _asks_to_explain(q: Question) -> bool:
    return not _EXPLAIN.isdisjoint(q.words)


_EXPLAIN = frozenset({"forklar", "forklare", "forklart", "fortell", "fortelle", "beskriv", "utdyp"})


def _points_at(q: Question, context: Question) -> bool:
    """ "Medfører det også mer ansvar?" after a sentence that names something: a yes/no
    question of few words whose "det" or "den" stands for what the context named."""
    return (
        q.yes_no
        and q.refers_back
        and not q.follows_up
        and len(q.content) <= _FEW_OWN_WORDS
        and bool(context.topic)
        and not points_back(context.words, telling=True)
    )


_FEW_OWN_WORDS = 2
_TELLING = 6  # a context word this long names a topic ("handlingsrom"), not the asker ("jobb")
