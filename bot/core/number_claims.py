"""How many of something the question claims, against how many the sources say.

"har den nye modellen fire ordninger?" claims four where the page says "tre ordninger", so the
answer is "Nei." with the sentence that counts them; "har fokusområdet seks tema?" gets "Ja.", and
"har strategien fire mål?" is checked against the length of its list of goals. Counts are number
words, digits before a noun ("8 kommuner") and numbers after a name ("stortingsmelding 28"), never
an ordinal ("1. trinn"). Years are checked against a period the sources give ("gjelder
fokusområdene 2020–2024?" of "2023–2027"), or, asked when it came, against its first year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from bot.core import answers
from bot.core.knowledge import Entry, Fact
from bot.core.question import Question
from bot.core.question_forms import STILL_WORDS
from bot.core.question_words import NUMBER_VALUES, Cue
from bot.core.sentence_words import entry_sentences, on_its_own, same_noun
from bot.core.text import fold, stem, typed_words


@dataclass(frozen=True)
class CountVerdict:
    """Whether the sources agree with the number claimed, and the sentence that says so."""

    agrees: bool
    sentence: str | None  # None: the list itself counts


def number_verdict(q: Question, entry: Entry, claim: Sequence[str]) -> str | None:
    """ "Ja. …" or "Nei. …" when the yes/no question claims a number or years of the entry
    that its sentences, its list or its period can check. `claim` is what else the question
    says of it: "kommer modellen med tre ordninger fra Udir?" is no "Ja" for the three."""
    question = " ".join((*q.context_words, q.text))  # "X har fire tema. Stemmer det?"
    if q.period is not None and q.period.is_a_year and not _YEAR.search(question):
        # "Er REKOM en ny ordning fra i år?": the year of "i år" is claimed
        question += f" fra {q.period.start.year}" if "fra" in q.words else f" {q.period.start.year}"
    listing = (entry.items_title or "", len(entry.items)) if entry.items else None
    verdict = judge_count(question, entry_sentences(entry), listing)
    periods = [entry.fact(Fact.PERIOD) or "", entry.fact(Fact.WHEN) or ""]
    started = q.has(Cue.IN_FORCE) or not _STARTS.isdisjoint(q.words)  # "… at modellen kom i 2015?"
    started = started or _FROM_A_YEAR.search(question.lower()) is not None  # "gjaldt den fra 2016?"
    verdict = verdict or judge_years(question, periods, started=started)
    if verdict is None:
        return None
    counted = {noun for _, noun in claimed_counts(question)}
    if verdict.agrees and any(not _counted_noun(term, counted) for term in claim):
        return None
    if verdict.sentence is None:
        said = answers.counted_text(entry)  # "Det er tre.", then the list
    else:
        said = on_its_own(verdict.sentence, entry)
    if q.alternatives and "eller" in q.words:
        return said  # "er det 5 eller 6 kommuner?" asks which ("bare to?" claims two)
    return f"{'Ja' if verdict.agrees else 'Nei'}. {said}"


def _counted_noun(term: str, nouns: set[str]) -> bool:
    """Whether a claim's term is one of the counted nouns (or the number itself)."""
    return any(same_noun(term, noun) or same_noun(noun, term) for noun in nouns) or term.isdigit()


def claimed_counts(text: str) -> list[tuple[int, str]]:
    """The (number, noun stem) pairs a text says: "fire ordninger" → (4, "ordning"), "8
    kommuner" → (8, "kommun"), and a numbered name: "stortingsmelding 28"."""
    words = [fold(word) for word in typed_words(text)]
    pairs = [
        (NUMBER_VALUES[word], stem(after))
        for word, after in pairwise([*words, ""])
        if word in NUMBER_VALUES and after and after not in NUMBER_VALUES
    ]
    folded = fold(text)
    pairs += [(int(m.group(1)), stem(m.group(2))) for m in _DIGITS_BEFORE.finditer(folded)]
    pairs += [(int(m.group(2)), stem(m.group(1))) for m in _NUMBERED.finditer(folded)]
    return pairs


def counts_before_names(text: str, names: Sequence[str]) -> bool:
    """ "er det tre skoler med i prosjektet i Trondheim?": a count claimed before any name, so
    the count is the claim, and the name only where."""
    folded = fold(text)
    if _ONE_OF.search(folded):
        return False  # "er X et av de tre fokusområdene i Trondheim?" claims X is one of them
    found = [at for at in (folded.find(fold(name)) for name in names) if at >= 0]
    return bool(found) and bool(claimed_counts(folded[: min(found)]))


_ONE_OF = re.compile(r"\b(?:en|ein|ett|et|eit|ei|ene|eine) av (?:de|dei|di)\b")


# A count in digits ("8 kommuner"), not an ordinal ("1. trinn") or a year; a numbered name
# ("stortingsmelding 21", "melding nr. 21").
_DIGITS_BEFORE = re.compile(r"(?<![\d.])\b(\d{1,2})\b(?![.\d]) ([^\W\d_]{3,})")
_NUMBERED = re.compile(r"\b([^\W\d_]{5,}) (?:nr\.? )?(\d{1,3})\b(?![.\d])")


def judge_count(
    question: str, sentences: Iterable[str], listing: tuple[str, int] | None = None
) -> CountVerdict | None:
    """The verdict on the first number the question claims that a sentence also counts, else
    that the `listing` (its heading and length) counts."""
    claims = claimed_counts(question)
    if not claims:
        return None
    for sentence in sentences:
        for said, noun in claimed_counts(sentence):
            for claimed, asked in claims:
                if same_noun(asked, noun) or same_noun(noun, asked):
                    return CountVerdict(claimed == said, sentence)
    if listing is not None:
        heading = _counted_in(listing[0])
        for claimed, asked in claims:
            if any(same_noun(asked, noun) or same_noun(noun, asked) for noun in heading):
                return CountVerdict(claimed == listing[1], None)
    return None


def _counted_in(heading: str) -> set[str]:
    """What a list's heading says it lists: the noun after its number ("De seks temaene er"),
    or its nouns before "for" or the verb ("Mål for ordningene er at" lists goals, not
    ordninger; "Strategiens mål er å": the genitive is whose)."""
    words = [fold(word) for word in typed_words(heading)]
    after_number = {stem(b) for a, b in pairwise(words) if a in NUMBER_VALUES}
    if after_number:
        return after_number
    head = []
    for word in words:
        if word in _HEADING_STOPS:
            break
        if not word.endswith("s"):
            head.append(stem(word))
    return set(head)


_HEADING_STOPS = frozenset({"for", "er", "består", "bestar", "av", "i"})


def judge_years(
    question: str, sentences: Iterable[str], *, started: bool = False
) -> CountVerdict | None:
    """Whether the years a question names lie in the first period ("2023–2027") a sentence
    gives: "gjelder fokusområdene 2020–2024?" gets "Nei."; or, asked when it `started`
    ("kom strategien i 2017?"), whether the year is the period's first."""
    asked = [int(year) for year in _YEAR.findall(question)]
    if not asked:
        return None
    sentences = list(sentences)
    relative = _BEFORE_OR_AFTER.search(question.lower())
    if started and relative is not None:  # "startet REKOM før 2019?" of "i 2019": "Nei."
        for sentence in sentences:
            said = _SPAN.search(sentence) or _YEAR.search(sentence)
            if said is not None:
                began, limit = int(said.group(1)), int(relative.group(2))
                earlier = relative.group(1) in _EARLIER
                return CountVerdict(began < limit if earlier else began > limit, sentence)
    saying = _saying_the_years(question, asked, sentences)
    if saying is not None:  # "kom det en ny plan i januar 2024?"
        return CountVerdict(True, saying)
    for sentence in sentences:
        span = _SPAN.search(sentence)
        if span is not None:
            first, last = int(span.group(1)), int(span.group(2))
            if started:
                return CountVerdict(asked == [first], sentence)
            claimed = _SPAN.search(question)  # "gjaldt den 2014–2018?" of 2014–2020 claims the
            if claimed is not None and len({first, last} & set(asked)) == 1:  # period: "Nei."
                return CountVerdict(False, sentence)
            return CountVerdict(all(first <= year <= last for year in asked), sentence)
        year = _YEAR.search(sentence)
        if started and year is not None:  # "innførte de modellen i 2019?" of "fra 2017"
            return CountVerdict(asked == [int(year.group(1))], sentence)
    return None


_BEFORE_OR_AFTER = re.compile(r"\b(før|innen|before|etter|after|seinare enn|senere enn) (20\d\d)\b")
_EARLIER = frozenset({"før", "innen", "before"})


def _saying_the_years(question: str, asked: list[int], sentences: list[str]) -> str | None:
    """The sentence that names the years asked outside a period, about what the question asks
    ("… en ny langsiktig plan … på plass i januar 2024" for "ny plan i januar 2024?")."""
    words = {stem(w) for w in typed_words(fold(question)) if len(w) >= _TELLING and w.isalpha()}
    for sentence in sentences:
        said = [int(year) for year in _YEAR.findall(_SPAN.sub("", sentence))]
        own = {stem(word) for word in typed_words(fold(sentence))}
        if said and set(asked) <= set(said) and words & own:
            return sentence
    return None


_TELLING = 4  # a word this long says what the sentence is about
_YEAR = re.compile(r"\b(20\d\d)\b")
_STARTS = frozenset({"kom", "startet", "starta", "begynte", "innfort", "innforte"})
_FROM_A_YEAR = re.compile(r"\b(?:fra|frå|from) (?:og med )?20\d\d\b(?! ?[–-]| til| te)")
_SPAN = re.compile(r"\b(20\d\d) ?[–-] ?(20\d\d)\b")


def still_in_period(q: Question, text: str, now: datetime) -> str | None:
    """ "er vi fortsatt i perioden for fokusområdene?": "Ja." while today lies in the period
    the answer gives ("2023–2027"), else "Nei.", before the answer without its own verdict;
    "pågår Lesetråder fortsatt?" of a project "avsluttet i 2020": "Nei." once that year has
    come. None when the question asks no "still" or the answer gives no period or end."""
    span, ended = _SPAN.search(text), _ENDED.search(text)
    said = text.removeprefix("Ja. ").removeprefix("Nei. ")
    if ended is not None and not (_STILL.isdisjoint(q.words) and _ONGOING.isdisjoint(q.words)):
        # "er Lesetråd-prosjektet fortsatt i gang?" of one "avsluttet i 2020"
        return f"{'Nei.' if int(ended.group(1)) <= now.year else 'Ja.'} {said}"
    claims_a_year = _YEAR.search(q.text) is not None  # "ble det avsluttet i 2021?" is judged
    if ended is not None and not _OVER.isdisjoint(q.words) and not claims_a_year:  # "… ferdig?"
        return f"{'Ja.' if int(ended.group(1)) <= now.year else 'Nei.'} {said}"
    if _STILL.isdisjoint(q.words) or span is None:
        return None
    verdict = "Ja." if int(span.group(1)) <= now.year <= int(span.group(2)) else "Nei."
    return f"{verdict} {said}"


_ENDED = re.compile(r"\bavsluttet i (20\d\d)\b")
_ONGOING = frozenset({"pagar", "pagaende", "gang"})  # "pågår det?", "er det i gang?"
_OVER = frozenset({"avsluttet", "avslutta", "ferdig", "slutt", "over", "nedlagt"})
_STILL = STILL_WORDS | {"na"}  # "gjelder den nå?"
