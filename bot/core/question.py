"""Reading a question: what kind of question it is, what it is about, and which filters it sets.

A period ("neste uke", "i høst") is read first from the raw text; then unknown words are
spell-corrected against the knowledge base's words. The words that signal a question type ("når",
"hvor", "frist", "neste") are recognised before stop words are removed; what remains is the
content the index matches on, and its audience, scheme, region or place words set filters. How
the question is put (yes or no, pointing back) is read by `bot.core.question_forms`. All words
here are written in plain Norwegian and normalised once, through the same `Normaliser` as the
knowledge base, so nynorsk forms and typos fold the same way on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

from bot.core.dates import Period, comes_after_for, find_period, with_full_years
from bot.core.dialect import WordForms
from bot.core.facets import Facets, Filters
from bot.core.implied_cues import chosen_not_asked, implied_cues, without_hedges
from bot.core.knowledge import Kind, KnowledgeBase
from bot.core.question_forms import (
    DEFINITE_KIND_WORDS,
    STOP_WORDS_FOLDED,
    YES_NO_WORDS,
    asks_only_of_format,
    asks_yes_or_no,
    companions,
    follows_up,
    names_the_region,
    owned,
    points_back,
    small_words,
    told_of,
)
from bot.core.question_words import (
    CUE_WORDS,
    ENTRY_FACT_CUES,
    EVENT_NOUNS_PLURAL,
    INTERROGATIVES,
    NUMBER_WORDS,
    ONLY_WORDS,
    PLAIN_WORDS,
    SMALLTALK_CUES,
    Cue,
)
from bot.core.spelling import Speller
from bot.core.text import Normaliser, Token, fold, stem, typed_words, words


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    terms: tuple[str, ...]  # every normalised term, in order
    content: tuple[str, ...]  # what the question is about: terms minus cues and stop words
    topic: tuple[str, ...]  # content minus the words that only set filters
    cues: frozenset[Cue]
    period: Period | None
    filters: Filters
    list_kind: Kind | None  # "hvilke ordninger ..." -> Kind.SCHEME
    plural: bool  # "samlinger" rather than "samling"
    cue_terms: tuple[str, ...] = field(default=())  # the cue words found, for weighting
    counted: str | None = None  # "hvor mange kommuner" -> the term for "kommuner"
    yes_no: bool = False  # "er Oppdal med i ...?": opens with a verb, no question word
    claimed: bool = False  # "… er ikke på plass, stemmer det?": a claim asked about
    refers_back: bool = False  # "den", "det", "dem": may be about what was said before
    follows_up: bool = False  # "… da?", "og …": only makes sense after something said before
    words: tuple[str, ...] = ()  # the folded words after dialect forms and spelling
    kind_named: Kind | None = None  # "er lesing et fokusområde?" names Kind.FOCUS_AREA
    kind_words: tuple[str, ...] = ()  # the terms that named it ("fokusområde")
    context_terms: tuple[str, ...] = ()  # known terms from the rest of the message
    context_filters: Filters = field(default_factory=Filters)  # ... and the filters it sets
    # "er begynneropplæringssamlingen for styrere?": the audiences named before the last "for"
    # name the samling, the ones after it are asked about
    naming_audiences: frozenset[str] = frozenset()
    context_words: tuple[str, ...] = ()  # ... and its words ("og den første av dem, hvilke …")
    # "statlige eller kommunale?": the words beside "eller" are choices, and a choice the bot
    # does not know is no sign that the question is out of scope.
    alternatives: frozenset[str] = frozenset()

    def has(self, *cues: Cue) -> bool:
        return any(cue in self.cues for cue in cues)

    @property
    def says_med(self) -> bool:
        """ "er Oppdal med i …?", "er de med på …?", "er NTNU med?": "med" of taking part, not
        of "hjelpe oss med rammeplanen"."""
        words = self.words
        return any(
            word == "med"
            and (i + 1 == len(words) or words[i + 1] in _TAKING_PART)
            and (i == 0 or words[i - 1] not in _DOING)  # "hjelpe oss med i barnehagen"
            for i, word in enumerate(words)
        )

    @property
    def is_smalltalk_only(self) -> bool:
        talk = SMALLTALK_CUES
        return bool(self.cues & talk) and not self.content and not (self.cues - talk - {Cue.WHAT})


_TAKES_PLACE = re.compile(
    r"\b(?:fant|finner|funnet|finne|fann|finn)\b(?: \S+){0,6} (?:sted|stad)\b"
)
_TAKING_PART = frozenset(["i", "pa", "blant", "som", "der", "og"])  # after "med"
_DOING = frozenset(["hjelp", "hjelpe", "hjelper", "oss", "dem", "jobbe", "jobber", "arbeide"])
CuePhrases = list[tuple[tuple[str, ...], Cue]]
_PAST_TENSE = frozenset(fold(word) for word in ["var", "ble", "hadde", "holdt", "gjennomført"])
_LEADING_FILLERS = frozenset(
    fold(word) for word in ["og", "men", "hei", "sa", "da", "altsa", "forresten"]
)
_SPLIT_HEADS = ("neste", "forrige", "siste", "kommende")
# A word cut off with a full stop: letters follow, or a word in lower case ("læringsorient.
# ledelse"); not the end of a sentence.
_CUT_OFF = re.compile(r"([^\W\d_]{6,})\.(?=[^\W\d_]|\s+[a-zæøå])")


def cue_phrases(kb: KnowledgeBase, normaliser: Normaliser) -> CuePhrases:
    """The question-type phrases as normalised terms, longest first."""
    phrases: CuePhrases = []
    for cue, texts in CUE_WORDS.items():
        phrases += [(normaliser.terms(text), cue) for text in texts]
    event_names = kb.vocabulary.kinds.get(Kind.EVENT)
    phrases += (
        [(normaliser.terms(word), Cue.EVENT) for word in event_names.words] if event_names else []
    )
    phrases = [(terms, cue) for terms, cue in phrases if terms]
    return sorted(phrases, key=lambda pair: -len(pair[0]))


class QuestionReader:
    """Builds `Question`s; holds the normalised word lists for one knowledge base.

    `known_words` are the typed words of the knowledge base (the index collects them), which
    the speller corrects towards.
    """

    def __init__(
        self,
        kb: KnowledgeBase,
        normaliser: Normaliser,
        cues: CuePhrases,
        known_words: Iterable[str],
    ) -> None:
        self._normaliser = normaliser
        self._cues_by_first: dict[str, CuePhrases] = {}  # longest first, as `cues` is sorted
        for phrase, cue in cues:
            self._cues_by_first.setdefault(phrase[0], []).append((phrase, cue))
        self.stop_words = STOP_WORDS_FOLDED
        cue_words = {word for texts in CUE_WORDS.values() for text in texts for word in words(text)}
        targets = (set(known_words) | _vocabulary_words(kb) | cue_words) - self.stop_words
        # Small talk is typed as it is: "takler" is a word, not a slip of "takker".
        chatter = {word for cue in _CHATTER for text in CUE_WORDS[cue] for word in words(text)}
        # "ordninga" is no "ordningar", "kommunale" no "kommune"
        as_typed = self.stop_words | chatter | DEFINITE_KIND_WORDS | PLAIN_WORDS
        self._speller = Speller(
            targets - chatter, also_known=as_typed, small_words=small_words(kb.vocabulary.forms)
        )
        known_stems = frozenset(stem(word) for word in targets)

        def known(word: str) -> bool:
            return word in self.stop_words or word in targets or stem(word) in known_stems

        self._known = known
        self.forms = WordForms(
            kb.vocabulary.forms, known, _SPLIT_HEADS, self._speller.correct, self.stop_words
        )
        self._question_openers = frozenset(fold(word) for word in INTERROGATIVES)
        self._plural = frozenset(fold(word) for word in EVENT_NOUNS_PLURAL)
        self._kinds = self._kind_terms(kb, normaliser)
        self._facets = Facets(kb, normaliser)
        regions = [entry.id for entry in kb.entries if entry.kind is Kind.REGION]
        self._only_region = regions[0] if len(regions) == 1 else None
        self._region_term = normaliser.terms(regions[0].replace("-", " "))[0] if regions else ""
        self._region_words = self._kinds.get(Kind.REGION, frozenset()) | set(
            normaliser.terms("regionale")
        )

    def opener(self, word: str) -> str | None:
        """ "wh" when a folded word is a question word, "yes_no" when it is a verb that can open
        a yes/no question, else None (see `bot.core.clauses`)."""
        standard = self.forms.rewrite([word.lower()])
        first = standard[0] if standard else word
        if first in self._question_openers:
            return "wh"
        return "yes_no" if first in YES_NO_WORDS else None

    def read(self, text: str, today: date) -> Question:
        text = without_hedges(with_full_years(text))  # "23-27"; "…, slik siden sier det"
        written = typed_words(text)
        typed = self.forms.rewrite(written)
        past = not _PAST_TENSE.isdisjoint(typed)
        period = find_period(text, today, past=past)
        if period is not None and period.span is not None:
            start, end = period.span
            typed = self.forms.rewrite(written, drop=words(fold(text)[start:end]))
        typed = [word for word in typed if word not in _FILLERS]  # "står egentlig bak"
        cut = {fold(word) for word in _CUT_OFF.findall(text.lower())}  # "skolebibl.prosjektet"
        corrected = [self._speller.correct(word, cut_off=fold(word) in cut) for word in typed]
        tokens = self._normaliser.tokens(" ".join(corrected))
        terms = tuple(token.term for token in tokens)
        cues, rest, cue_terms, counted = self._find_cues(tokens)
        # "… satt opp for høsten 2027?": that "for" is of the time, not of an audience
        of_time = corrected[-1:] == ["for"] and comes_after_for(text, period)
        cued = corrected[:-1] if of_time else corrected
        cues |= implied_cues(text, cued, [token.word for token in rest], cues)
        cues -= chosen_not_asked(corrected, cues)
        if "hvor" not in corrected and _TAKES_PLACE.search(fold(text)):
            cues -= {Cue.WHERE}  # "når fant planleggingsdagen sted?" asks when, not where
        one_day = period is not None and period.day_month is not None and period.start == period.end
        if one_day and Cue.WHEN in cues and not _STARTS_OR_ENDS.isdisjoint(corrected):
            cues.add(Cue.TIME_OF_DAY)  # "ka tid starte samlinga 18. september?": the day is told
        slot = self._unknown_kind_asked(tokens, cues)
        content = tuple(
            token.term
            for token in rest
            if token.word not in self.stop_words
            and (len(token.word) > 1 or token.word.isdigit())
            and token is not slot
        )
        filters, filter_terms = self._facets.find(
            tuple(t for t in content if t not in told_of(tokens))
        )
        naming = self._audiences_before_for(tokens) if filters.audiences else frozenset()
        alternatives = _alternatives(tokens, self.stop_words)
        if Cue.WHO in cues and filters.audiences and not ONLY_WORDS.isdisjoint(corrected[-3:]):
            cues.add(Cue.FOR_WHOM)  # "kven er med i samarbeidet – berre skule?" asks who for
        if filters.locations and any(
            alternatives & set(self._normaliser.terms(place)) for place in filters.locations
        ):
            filters = replace(filters, locations=frozenset())  # "på Oppdal eller digital?"
        kind_named = self._list_kind(content)
        named = filters.regions or filters.schemes or filters.member_of
        # "hvem samarbeider regionen med om …?" names the one region the knowledge base has
        the_region = (
            kind_named in (Kind.REGION, None)
            and not named
            and (names_the_region(corrected) or names_the_region(typed))  # before the speller
            and not self._asks_which_region(tokens)
            and self._only_region
        )
        if the_region:
            filters = replace(filters, regions=frozenset({the_region}))
            content = tuple(self._region_term if t in self._region_words else t for t in content)
            filter_terms = filter_terms | {self._region_term}
            kind_named = None  # as if named by name
        # "skolen til sønnen min", "kollegaen min": the asker's own people say nothing of the
        # topic (a word the vocabulary knows, "skolen vår", still sets its filter).
        kinds = self._kinds[kind_named] if kind_named else frozenset()
        own = owned(tokens) - filter_terms - kinds
        if Cue.WHO in cues and (together := companions(tokens)):  # "… den sammen med regionen?"
            own, filters = (
                own | together,
                replace(filters, regions=frozenset(), organisers=frozenset()),
            )
            cues.add(Cue.PARTNERS)
        content = tuple(t for t in content if t not in own)
        topic = tuple(t for t in content if t not in filter_terms)
        if kind_named is not None and self._which_of_kind(tokens, kind_named):
            cues.add(Cue.LIST)  # "kva ordning gjeld for skulen?" asks which
        # "hva er målet med alle ordningene?" asks their goals, not which there are
        if cues & ENTRY_FACT_CUES and kind_named is not None and self._all_of(tokens, kind_named):
            cues.discard(Cue.LIST)
        listed = Cue.LIST in cues and kind_named is not None and self._lists(tokens, kind_named)
        list_kind = kind_named if listed else None
        if list_kind is not None:
            topic = tuple(t for t in topic if t not in self._kinds[list_kind])
        plural = any(word in self._plural for word in fold(text).split())
        opener = next((word for word in corrected if word not in _LEADING_FILLERS), "")
        yes_no = asks_yes_or_no(text, corrected, opener, self._question_openers)
        format_only = asks_only_of_format(corrected)  # "på teams?" after a samling
        if format_only:
            yes_no, content, topic = True, (), ()
        return Question(
            text=text,
            terms=terms,
            content=content,
            topic=topic,
            cues=frozenset(cues),
            period=period,
            filters=filters,
            list_kind=list_kind,
            plural=plural,
            cue_terms=cue_terms,
            counted=counted,
            yes_no=yes_no,
            refers_back=(points_back(corrected) and not the_region)
            or follows_up(corrected)
            or format_only,
            follows_up=follows_up(corrected) or format_only,
            words=tuple(corrected),
            kind_named=kind_named,
            kind_words=tuple(t for t in content if kind_named and t in self._kinds[kind_named]),
            alternatives=alternatives,
            naming_audiences=naming,
        )

    def _unknown_kind_asked(self, tokens: Sequence[Token], cues: set[Cue]) -> Token | None:
        """ "Hvilken institusjon er hovedpartner …?": the word after "hvilken" names the kind of
        answer; when the bot does not know it but knows the fact asked, it tells nothing more."""
        if not tokens or not tokens[0].word.startswith("hvilk") or not cues & ENTRY_FACT_CUES:
            return None
        after = next((t for t in tokens[1:] if t.word not in self.stop_words), None)
        return after if after is not None and not self._known(after.word) else None

    def _lists(self, tokens: Sequence[Token], kind: Kind) -> bool:
        """Whether "hvilke …" asks for things of the kind: "hvilke fokusområder finnes?", not
        "lesing som fokusområde – på hvilke nivåer skal det jobbes?"."""
        at = next((i for i, t in enumerate(tokens) if t.word.startswith("hvilk")), None)
        if at is None:
            return True  # "list opp fokusområdene", "alle ordningene"
        skipped = self.stop_words | NUMBER_WORDS  # "hvilke tre fokusområder"
        after = next((t.term for t in tokens[at + 1 :] if t.word not in skipped), None)
        return after is None or after in self._kinds[kind]

    def _which_of_kind(self, tokens: Sequence[Token], kind: Kind) -> bool:
        """ "kva ordning …", "hva fokusområder …": "hva" right before a kind noun asks which."""
        return (
            len(tokens) >= 2
            and tokens[0].word in _WHAT_WORDS
            and tokens[1].term in self._kinds[kind]
        )

    def _all_of(self, tokens: Sequence[Token], kind: Kind) -> bool:
        """ "alle ordningene", not "hvilke …" or "kva ordningar …"."""
        which = any(t.word.startswith("hvilk") for t in tokens) or self._which_of_kind(tokens, kind)
        return "alle" in (t.word for t in tokens) and not which

    def _asks_which_region(self, tokens: Sequence[Token]) -> bool:
        """ "hvilken region er Oppdal med i?", "kva region …": a question word before the kind."""
        return any(
            (before.word.startswith("hvilk") or before.word in _WHAT_WORDS)
            and token.term in self._kinds[Kind.REGION]
            for before, token in pairwise(tokens)
        )

    def _audiences_before_for(self, tokens: Sequence[Token]) -> frozenset[str]:
        """The audiences that name the samling: before the last "for", or, without one, all
        but the asker's own ("kan jeg som styrer melde meg på engelsksamlingen?")."""
        fors = [i for i, token in enumerate(tokens) if token.word == "for"]
        if fors:
            naming = tokens[: fors[-1]]
        else:
            naming = [t for before, t in pairwise([_NO_TOKEN, *tokens]) if before.word != "som"]
        words = [t.term for t in naming if t.word not in self.stop_words]
        return self._facets.find(words)[0].audiences

    def _find_cues(
        self, tokens: Sequence[Token]
    ) -> tuple[set[Cue], list[Token], tuple[str, ...], str | None]:
        """Cues found, the other tokens, the cue terms, and what "hvor mange" counts."""
        terms = [token.term for token in tokens]
        cues: set[Cue] = set()
        rest: list[Token] = []
        found: list[str] = []
        counted: str | None = None
        counting = False
        i = 0
        while i < len(terms):
            for phrase, cue in self._cues_by_first.get(terms[i], ()):
                if len(phrase) == 1 and tokens[i].word in self.stop_words:
                    continue  # "kommer" stems like "kommende", but says nothing
                if tuple(terms[i : i + len(phrase)]) == phrase:
                    if counting and cue is Cue.WHO:
                        counted = phrase[-1]  # "hvor mange deltakere": people are counted
                    cues.add(cue)
                    found.extend(phrase)
                    counting = cue is Cue.COUNT
                    i += len(phrase)
                    break
            else:
                word = tokens[i].word
                claimed_year = len(word) == 4 and word.isdigit() and not self._known(word)
                if (word in NUMBER_WORDS or claimed_year) and not counting:
                    # "har modellen fire ordninger?", "gjelder de 2019–2022?": a claim to check
                    found.append(terms[i])
                    i += 1
                    continue
                if counting and tokens[i].word not in self.stop_words:
                    counted, counting = terms[i], False
                rest.append(tokens[i])
                i += 1
        return cues, rest, tuple(found), counted

    @staticmethod
    def _kind_terms(kb: KnowledgeBase, normaliser: Normaliser) -> dict[Kind, frozenset[str]]:
        result: dict[Kind, frozenset[str]] = {}
        for kind, names in kb.vocabulary.kinds.items():
            if kind in (Kind.EVENT, Kind.TOPIC):
                continue
            phrases = (names.label, names.plural, *names.words)
            result[kind] = frozenset(t for p in phrases for t in normaliser.terms(p))
        return result

    def _list_kind(self, content: Sequence[str]) -> Kind | None:
        """The kind the question names first ("hvilken stortingsmelding beskriver ordningen?"
        asks for a stortingsmelding)."""
        for term in content:
            for kind, terms in self._kinds.items():
                if term in terms:
                    return kind
        return None


_FILLERS = frozenset({"egentlig", "liksom", "lissom", "assa", "altsa"})  # never part of a cue


_ONLY = frozenset(["bare", "berre", "kun", "bærre", "bere"])
_STARTS_OR_ENDS = frozenset(
    ["starter", "startet", "starte", "begynner", "begynne", "slutter", "slutte", "ferdig"]
)


def _alternatives(tokens: Sequence[Token], stop_words: frozenset[str]) -> frozenset[str]:
    """The terms right before and after each "eller", stop words skipped, and the one after
    "bare" ("berre lærera?" offers a choice to confirm)."""
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if token.word in _ONLY:
            found.update(t.term for t in tokens[i + 1 :][:1] if t.word not in stop_words)
        if token.word != "eller":
            continue
        before = [t for t in tokens[:i] if t.word not in stop_words][-1:]
        after = [t for t in tokens[i + 1 :] if t.word not in stop_words][:1]
        if after:  # "…, eller?" at the end asks to confirm, it offers no choice
            found.update(t.term for t in (*before, *after))
    return frozenset(found)


_WHAT_WORDS = frozenset({"hva", "kva", "ka", "hvaslags"})
_CHATTER = (Cue.THANKS, Cue.GREETING, Cue.GOODBYE)
_NO_TOKEN = Token("", "")


def _vocabulary_words(kb: KnowledgeBase) -> set[str]:
    """Words of the vocabulary file (audiences, kinds, synonyms): also the speller's targets."""
    vocabulary = kb.vocabulary
    texts: list[str] = []
    for audience in vocabulary.audiences.values():
        texts += [audience.label, *audience.words]
    for names in vocabulary.kinds.values():
        texts += [names.label, names.plural, *names.words]
    for group in vocabulary.synonyms:
        texts += group
    return {word for text in texts for word in words(text) if not word.isdigit()}
