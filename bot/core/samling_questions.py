"""What a question asks of samlinger beyond which ones: whether one is for an audience, how long it
lasts, why it changed, whether it is held as planned, whether its deadline has passed, at what
time of day it starts, whether it asks for a list (avlyst, digital) or for who took part.

"er engelsksamlinga for ungdomstrinnet?" asks whether one samling is for them; "hvorfor ble den
avlyst?" asks a reason no source gives; "er fristen gått ut?" asks the opposite of "er fristen
åpen?". The event answers (`bot.core.event_answers`) ask these before they answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.question import Question
from bot.core.question_forms import ONLINE
from bot.core.question_words import CUE_WORDS, NUMBER_VALUES, Cue
from bot.core.text import fold


def asks_whether_for(q: Question) -> bool:
    """ "er engelsksamlinga for ungdomstrinnet?" asks whether one samling is for them; "er det
    fleire samlingar for leiarar?" asks which there are."""
    one_day = q.period is not None and q.period.start == q.period.end  # "samlinga 18. september"
    if not q.yes_no or not q.filters.audiences or (q.period and not one_day) or q.plural:
        return False
    signing_up = asks_to_sign_up(q) and q.has(Cue.DEADLINE)  # "kan foreldre melde seg på?"
    if "for" not in q.words and not signing_up:
        return False  # "Styrersamlinga for barnehage, ble den holdt?" asks something else
    # "kan foreldre melde seg på samlingen?" asks whether it is for them, not about the deadline
    others = _ASKS_OTHER_THAN_SIGNING_UP if asks_to_sign_up(q) else _ASKS_OTHER
    return not q.has(*others) and q.words[1:2] not in (("det",), ("der",))


def as_whether_for(q: Question) -> Question:
    """The question read as "who is it for?", so the answer says who, after "Ja." or "Nei."."""
    cues = q.cues | {Cue.FOR_WHOM, Cue.WHO}
    if asks_to_sign_up(q):
        cues -= {Cue.DEADLINE}  # "kan foreldre melde seg på?": whom it is for, not the deadline
    return replace(q, cues=cues)


def asks_to_sign_up(q: Question) -> bool:
    """ "kan vi melde oss på …?": whether one may, not when the deadline is (but "kan jeg
    fortsatt rekke fristen?" asks whether there is time)."""
    in_time = not _STILL.isdisjoint(q.words) or any("frist" in word for word in q.words)
    return q.words[:1] == ("kan",) and not in_time


# What a yes/no question about samlinger may ask besides who they are for.
_ASKS_OTHER = (Cue.WHEN, Cue.WHERE, Cue.DEADLINE, Cue.CANCELLED, Cue.NEXT, Cue.PAST, Cue.LIST)
_ASKS_OTHER_THAN_SIGNING_UP = tuple(cue for cue in _ASKS_OTHER if cue is not Cue.DEADLINE)


def asks_how_long(q: Question) -> bool:
    """ "hvor lenge varer samlingen?", "hvor mange dager varte den?": its days, not a period;
    or "gikk den over to dager?"."""
    return (q.has(Cue.PERIOD) and not _HOW_LONG.isdisjoint(q.words)) or bool(days_claimed(q))


_HOW_LONG = frozenset({"lenge", "dager", "dagar", "dag"})


def asks_days_between(q: Question) -> bool:
    """ "hvor mange dager er det mellom påmeldingsfristen og samlingen?", "hvor lang tid har
    jeg fra fristen til samlingen?"."""
    between = "mellom" in q.words or ("fra" in q.words and "til" in q.words)
    return between and (q.has(Cue.COUNT) or not _HOW_LONG.isdisjoint(q.words))


def days_claimed(q: Question) -> int | None:
    """ "Gikk ledersamlingen over to dager?", "varte den i én dag?": the number of days a
    yes/no question claims."""
    if not q.yes_no:
        return None
    for number, unit in pairwise(q.words):
        if unit in _HOW_LONG - {"lenge"}:
            value = _ONE.get(number) or NUMBER_VALUES.get(number)
            if value is None and number.isdigit():
                value = int(number)
            if value:
                return value
    return None


_ONE = {"en": 1, "ein": 1, "ei": 1, "eit": 1, "et": 1, "ett": 1, "1": 1}


def asks_why_changed(q: Question) -> bool:
    """ "Hvorfor ble samlingen avlyst?", "kvifor er ho digital?": the reason for a change or a
    format, which no source gives."""
    return "hvorfor" in q.words and (q.has(Cue.CANCELLED) or not ONLINE.isdisjoint(q.words))


NO_REASON = "Kildene mine sier ikke hvorfor."


def asks_if_held(q: Question) -> bool:
    """ "går den som planlagt?", "holdt som vanlig?", "blir den noe av?": asked whether it is
    held, not cancelled."""
    words = set(q.words)
    as_usual = not words.isdisjoint({"planlagt", "vanlig", "normalt", "planned", "ahead"})
    as_usual = as_usual or {"fortsatt", "on"} <= words  # "is it still on?"
    return as_usual or ("av" in words and not words.isdisjoint(_SOMETHING))


_SOMETHING = frozenset({"noe", "noko", "no", "noen"})


def asks_if_moved(q: Question) -> bool:
    """ "er den flytta?", "ble den utsatt?": moved, which a cancelled samling was not."""
    return not _MOVED.isdisjoint(q.words)


_MOVED = frozenset({"flyttet", "flytta", "flyttes", "utsatt", "utsett", "endret", "endra"})


def asks_for_a_new_date(q: Question) -> bool:
    """ "Er det satt opp ny dato for den avlyste samlinga?", "får den en ny dato?", "hvilken
    dato er den flyttet til?": a new day for a samling, which no source gives."""
    text = f" {' '.join(q.words)} "
    moved_to = any(word in _MOVED and after == "til" for word, after in pairwise(q.words))
    return (
        moved_to
        or (asks_if_moved(q) and not q.yes_no)
        or any(f" {phrase} " in text for phrase in _NEW_DATE)
    )


_NEW_DATE = ("ny dato", "nytt tidspunkt", "ny tid", "ny dag", "erstatning", "nye datoen")
NO_NEW_DATE = "Kildene mine sier ikke noe om en ny dato."


def asks_if_passed_instead(q: Question) -> bool:
    """ "Kan vi melde oss på, eller er det for sent?": the second half asks the first the other
    way round, so the answer is one "Ja" or "Nei" to the first."""
    return _says_passed(" ".join(q.words).partition(" eller ")[2])


def _says_passed(text: str) -> bool:
    return any(phrase in text for phrase in _PASSED)


def asks_if_passed(q: Question) -> bool:
    """ "er fristen gått ut?", "er det for sent å melde seg på?", "er påmeldingsfristen ute?":
    asked whether it has closed."""
    text = " ".join(q.words)
    # "er det fortsatt mulig å melde seg på, eller er det for sent?": the first half asks
    if asks_if_passed_instead(q):
        return _says_passed(text.partition(" eller ")[0])
    # "går fristen for engelsk ut?" (not "går den ut i morgen?", which asks when)
    said = [word for word in q.words if word not in _AFTER_OUT] or list(q.words)
    ends_out = bool(said) and said[-1] in ("ut", "ute") and q.period is None
    return ends_out or _says_passed(text)


_AFTER_OUT = frozenset({"allerede", "alt", "na", "no", "enda", "da", "snart", "forbi"})
_PASSED = (
    "gatt ut",
    "gott ut",
    "utlopt",
    "lopt ut",
    "for sent",
    "for seint",
    "forsent",
    "forseint",
    "fristen ute",
    "fristen er ute",
    "frist ute",
    "glipp av",  # "har jeg gått glipp av fristen?"
    "passert",
)


def time_of_day_unknown(q: Question, subject: Entry | None, kb: KnowledgeBase) -> bool:
    """ "Når på dagen starter samlingen?": the sources give no time of day unless the samling
    (or, with none named, any samling) has one."""
    if not q.has(Cue.TIME_OF_DAY):
        return False
    named = subject is not None and subject.event is not None
    events = [subject] if subject is not None and named else [e for e in kb if e.is_event]
    return not any(entry.event and entry.event.start_time for entry in events)


def names_the_format(q: Question) -> bool:
    """ "har den digitale ledersamlingen vært?", "er den digitale skoleledersamlingen fortsatt
    på?": the format names the samling, asks nothing (but "er det en digital samling?" asks)."""
    naming = {
        word
        for before, word, after in zip(("", *q.words), q.words, q.words[1:], strict=False)
        if word in ONLINE
        and "samling" in after
        and (q.has(Cue.PAST) or after.endswith(_DEFINITE) or before in _THE)
    }
    return bool(naming) and ONLINE.intersection(q.words) <= naming


_DEFINITE = ("samlingen", "samlinga")
_THE = frozenset({"den", "the"})


def asks_where(q: Question) -> bool:
    """Whether the question asks where or how a samling is held: not when a format word only
    names the samling ("er den digitale skoleledersamlingen fortsatt på?")."""
    named_only = names_the_format(q) and _WHERE_WORDS.isdisjoint(q.words)
    return q.has(Cue.WHERE) and not named_only


_WHERE_WORDS = (
    frozenset(fold(word) for phrase in CUE_WORDS[Cue.WHERE] for word in phrase.split()) - ONLINE
)


def ordinal_asked(q: Question) -> int | None:
    """ "når er andre samling i engelsk?": which samling in order, when a singular samling noun
    follows the ordinal ("andre samlinger" are other ones)."""
    for word, after in pairwise(q.words):
        if word in _ORDINALS and after in _SAMLING_SINGULAR:
            return _ORDINALS[word]
    return None


_ORDINALS = {"andre": 2, "2": 2, "tredje": 3, "3": 3, "fjerde": 4, "4": 4}
_SAMLING_SINGULAR = frozenset({"samling", "samlinga", "samlingen", "samlingsdag", "fagdag"})


def asks_if_due_then(q: Question) -> bool:  # of a question with a period
    """ "er fristen i morgen?" asks whether the deadline falls in its period; "rekker han det
    fortsatt i dag?" asks whether it is still open."""
    in_time = not _STILL.isdisjoint(q.words)
    return not asks_if_passed(q) and not in_time


_STILL = frozenset({"rekker", "rekke", "rekk", "tidsnok", "fortsatt", "enna", "enno", "framleis"})


def lists_samlinger(q: Question) -> bool:
    """ "hvilke samlinger er avlyst i regionen?", "er noen av samlingene avlyst?" ask for a
    list, not whether the ones the filters leave are avlyst."""
    some = not _SOME.isdisjoint(q.words)
    which = q.has(Cue.LIST) or q.words[:1] == ("hva",)  # "kva samlingar er avlyste?"
    return q.plural and ((which and not q.yes_no) or (q.yes_no and some))


def format_listed(q: Question) -> str | None:
    """ "hvilke samlinger er digitale?", "list alle fysiske samlinger": the format ("digital",
    "fysisk") a list of samlinger is narrowed to; one format only."""
    if not lists_samlinger(q) or q.yes_no:
        return None
    named = {_FORMATS[word] for word in q.words if word in _FORMATS}
    return named.pop() if len(named) == 1 else None


_SOME = frozenset({"non", "no"})  # "noen", "nokon", "nån", "nokre" as the words read them
_FORMATS = {
    **dict.fromkeys(ONLINE, "digital"),
    **dict.fromkeys(("fysisk", "fysiske", "oppmote"), "fysisk"),
}


def asks_who_took_part(q: Question) -> bool:
    """ "hvilke skoler er med på engelsksamlinga?", "hvem deltok på styrersamlingen?": who
    took part in a samling, which no source lists (not "hvem er samlinga for?")."""
    if q.yes_no or not _MAY.isdisjoint(q.words):  # "hvem skal delta?" asks whom it is for
        return False
    took_part = not TOOK_PART.isdisjoint(q.words)
    of_some = " med pa " in f" {' '.join(q.words)} " and not _PARTICIPANTS.isdisjoint(q.words)
    return (took_part and q.has(Cue.WHO, Cue.LIST, Cue.WHAT)) or of_some


_MAY = frozenset({"skal", "ska", "kan", "bor", "burde", "skulle", "kunne", "ma"})
# Words of taking part in a samling, as folded words (the sources never list who did)
TOOK_PART = frozenset(
    {"deltok", "deltar", "deltatt", "deltaker", "deltakere", "deltakarar", "pameldt", "pameldte",
     "deltagere", "participants", "attendees"}
)  # fmt: skip
_PARTICIPANTS = frozenset(
    {"skoler", "skolar", "skolene", "skular", "skulane", "kommuner", "kommunar", "kommunene"}
    | {"barnehager", "barnehagar", "barnehagene", "deltakere", "deltakarar"}
)


def names_a_samling(q: Question) -> bool:
    """ "er samlinga 18. september digital?": a samling in the definite form with a day names
    the one held that day, in whatever year; "er det samling 18. september?" asks if there is
    one."""
    return any(_DEFINITE_SAMLING.search(word) for word in q.words)


_DEFINITE_SAMLING = re.compile(r"(?:samling(?:en|a)|kurset|fagdagen|planleggingsdagen|motet)$")
