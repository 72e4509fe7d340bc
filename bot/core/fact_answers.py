"""Answers to what a question asks *about* an entry: an attribute.

"Når trådte REKOM i kraft?" wants one fact, not the whole entry. The facts are typed in the
knowledge base (`facts`, `members`, `applies_to`, each taken from the source pages), so the
first sentence of the answer is the fact itself. When the entry does not have the fact asked
for, the reply says so briefly and is not confident: the bot never guesses. Yes or no about an
entry is `bot.core.yes_no`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core import answers
from bot.core.knowledge import Entry, Fact, KnowledgeBase
from bot.core.question import Question
from bot.core.question_words import Cue
from bot.core.reply import Intent, Reply
from bot.core.sentence_words import split_sentences
from bot.core.text import fold

# Which question cue asks for which fact, in the order they are tried.
FACT_CUES: tuple[tuple[Cue, Fact], ...] = (
    (Cue.STANDS_FOR, Fact.STANDS_FOR),
    (Cue.DESCRIBED_IN, Fact.DESCRIBED_IN),
    (Cue.FUNDED_BY, Fact.FUNDED_BY),
    (Cue.INTRODUCED_BY, Fact.INTRODUCED_BY),
    (Cue.PARTNERS, Fact.PARTNERS),
    (Cue.IN_FORCE, Fact.WHEN),
    (Cue.PERIOD, Fact.PERIOD),
    (Cue.GOALS, Fact.GOALS),
    (Cue.MEMBERS, Fact.MEMBERS),
)
FACT_NAMES = {
    Fact.STANDS_FOR: "hva forkortelsen står for",
    Fact.DESCRIBED_IN: "hvor den er beskrevet",
    Fact.FUNDED_BY: "hvem som finansierer den",
    Fact.INTRODUCED_BY: "hvem som står bak",
    Fact.PARTNERS: "hvem den samarbeider med",
    Fact.WHEN: "når den kom",
    Fact.PERIOD: "hvilken periode den gjelder",
    Fact.GOALS: "hva målet er",
    Fact.MEMBERS: "hvem som er med",
}
_MAX_SUMMARY_WORDS = 25


def asked_fact(q: Question) -> Fact | None:
    """The fact a question's cues ask for, if any ("hvem står bak?", "hvem samarbeider de med?").
    A plain "når" about an entry is read as `Fact.WHEN` by the caller."""
    if q.words[:2] in _WHAT_IT_SAYS:
        return None  # "hva sier Trondheim om lesing i perioden?" asks all it says
    with_someone = q.yes_no and "med" in q.words and not q.says_med
    asks_whom = q.has(Cue.WHO, Cue.LIST) and not q.has(Cue.FOR_WHOM)  # not "… for?"
    if q.has(Cue.COOPERATION) and (asks_whom or with_someone):
        # "hvem samarbeider de med?", "hvilke aktører samarbeider?", "samarbeider de med …?"
        return Fact.PARTNERS
    if q.has(Cue.WHO) and "sammen" in q.words:
        return Fact.PARTNERS  # "hvem jobber skolene sammen med?"
    for cue, fact in FACT_CUES:
        if q.has(cue) and (cue is not Cue.MEMBERS or _members_asked(q)):
            # "hvor lenge har REKOM vært til?" asks since when it has been
            has_been = fact is Fact.PERIOD and "har" in q.words and not _BEEN.isdisjoint(q.words)
            return Fact.WHEN if has_been else fact
    return None


# "vært" as read: folded ("vart"), or taken for nynorsk "vert" (blir)
_BEEN = frozenset({"vart", "vert", "blir", "eksistert", "fantes"})


def _members_asked(q: Question) -> bool:
    """ "hvem er med i …?", "består av": members; "hjelpe oss med i barnehagen" is no such
    question, though "med i" cues it."""
    if q.says_med or "med" not in q.words:
        return True
    return not _MEMBER_WORDS.isdisjoint(q.words)


_WHAT_IT_SAYS = (("hva", "sier"), ("hva", "seier"))
_MEMBER_WORDS = frozenset(
    ["består", "bestar", "medlem", "medlemmer", "deltaker", "deltakar", "del", "inngår", "inngar"]
)


@dataclass(frozen=True, slots=True)
class FactAnswer:
    text: str
    confident: bool


def fact_text(entry: Entry, fact: Fact) -> str | None:
    """The entry's sentence for `fact`; else its `members`, or its list of goals ("Mål for …")."""
    sentence = entry.fact(fact)
    if sentence is None and fact is Fact.WHEN:
        sentence = entry.fact(Fact.PERIOD)
    if sentence is None and fact is Fact.PARTNERS:
        sentence = entry.fact(Fact.MEMBERS)  # in a cooperation, the members work together
        fact = Fact.MEMBERS
    if sentence is not None:
        return sentence
    if fact is Fact.MEMBERS and entry.members:
        return f"{answers.short_title(entry)}: {answers.join_words(list(entry.members))}."
    if fact is Fact.GOALS and entry.items and "mal" in fold(entry.items_title or ""):
        return f"{entry.items_title}:\n" + "\n".join(f"• {item}" for item in entry.items)
    return None


def answer_fact(entry: Entry, fact: Fact) -> FactAnswer:
    """The fact first; or, when the sources do not have it, a short honest "not known"."""
    text = fact_text(entry, fact)
    if text is not None:
        return FactAnswer(text, True)
    return FactAnswer(not_known(entry, FACT_NAMES[fact]), False)


def not_known(entry: Entry, what: str) -> str:
    """ "Om DEKOM sier kildene mine ikke …": what is missing, then the gist of what is known."""
    return (
        f"Om {answers.short_title(entry)} sier kildene mine ikke {what}. "
        f"Det jeg vet, er: {summary(entry)}"
    )


def summary(entry: Entry) -> str:
    """The entry's first sentence, shortened for a phone."""
    first = split_sentences(entry.answer)[0].rstrip(".")
    words = first.split()
    if len(words) > _MAX_SUMMARY_WORDS:
        first = " ".join(words[:_MAX_SUMMARY_WORDS]) + " …"
    return first + "."


def tells(entry: Entry, fact: Fact) -> bool:
    """Whether the entry tells the fact; a samling tells who holds it ("hvem arrangerer den
    sammen med regionen?")."""
    holders = entry.event is not None and bool(entry.event.organisers)
    held = fact in (Fact.INTRODUCED_BY, Fact.PARTNERS) and holders
    return held or bool(fact_text(entry, fact))


def name_first(q: Question, reply: Reply, kb: KnowledgeBase) -> Reply:
    """ "Hva heter skolebibliotekprosjektet?": its name first, then what else the answer says."""
    if not (reply.confident and reply.intent is Intent.WHAT_IS and len(reply.matches) == 1):
        return reply
    entry = kb.get(reply.matches[0].id)
    if entry is None or entry.is_event or _NAME_WORDS.isdisjoint(q.words) or q.yes_no:
        return reply
    ends = (m.end() for m in _SENTENCE_END.finditer(reply.text) if _outside_quotes(reply.text, m))
    cut = next(ends, len(reply.text))
    said_again = fold(entry.title) in fold(reply.text[:cut])
    text = reply.text[cut:] if said_again else reply.text  # not the name twice in a row
    return replace(reply, text=f"Det heter «{entry.title}». {text}".strip())


def _outside_quotes(text: str, end: re.Match[str]) -> bool:
    before = text[: end.start()]
    return before.count("«") == before.count("»")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NAME_WORDS = frozenset(
    {"heter", "heiter", "heite", "heitte", "hette", "heta", "navnet", "namnet", "called"}
)
