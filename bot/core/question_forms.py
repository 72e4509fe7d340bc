"""How a question is put: a yes/no question by its verb, its tag ("…, ikke sant?", "stemmer
det") or a statement with a question mark; words that point back to what was said before
("når trådte den i kraft?") or only make sense after it ("og fristen da?").

The question reader (`bot.core.question`) reads these from the corrected, folded words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from bot.core.question_words import (
    BACK_REFERENCES,
    DEFINITE_KINDS,
    NUMBER_WORDS,
    STOP_WORDS,
    YES_NO_OPENERS,
)
from bot.core.text import Token, fold, stem

STOP_WORDS_FOLDED = frozenset(fold(word) for word in STOP_WORDS.split())
YES_NO_WORDS = frozenset(fold(word) for word in YES_NO_OPENERS)  # compared with folded words
DEFINITE_KIND_WORDS = frozenset(fold(word) for word in DEFINITE_KINDS)
# ("fører" stems to "for": a stem that is a small word of its own opens nothing)
_YES_NO_STEMS = frozenset(stem(word) for word in YES_NO_WORDS if len(word) > 4) - STOP_WORDS_FOLDED
_BACK_REFERENCES = frozenset(fold(word) for word in BACK_REFERENCES)
# Words before a kind noun that make it name something new ("den nye ordningen for …").
_INDEFINITE_BEFORE = frozenset(["nye", "ny", "forrige", "neste", "regionale", "desentraliserte"])


def small_words(forms: Mapping[str, str]) -> dict[str, str]:
    """Stop words, and the vocabulary's one-word forms of them ("egentli": "egentlig"), by the
    word they stand for: a slip of one is mended to it (`bot.core.spelling`)."""
    small = {word: word for word in STOP_WORDS_FOLDED}
    for variant, standard in forms.items():
        if fold(standard) in STOP_WORDS_FOLDED and " " not in variant:
            small[fold(variant)] = fold(standard)
    return small


def asks_yes_or_no(
    text: str, typed: Sequence[str], opener: str, question_words: frozenset[str]
) -> bool:
    """Whether the question asks yes or no: it opens with a verb (`opener`, past fillers such
    as "hei") or with "om", is a tag question or a statement with a question mark, and has no
    question word (before an "i så fall")."""
    # "samarbeide" too, by its stem; but a participle ("pågående satsinger") names, not asks
    # (nynorsk "-ar": "jobbar dei …?" opens as "jobber de …?")
    bokmal = opener[:-2] + "er" if opener.endswith("ar") else opener
    verb = (
        opener in YES_NO_WORDS
        or bokmal in YES_NO_WORDS
        or (stem(opener) in _YES_NO_STEMS and not opener.endswith(_PARTICIPLE))
    )
    whether = opener == "om" and len(typed) > 2  # "(jeg lurer på) om lesing er prioritert"
    # "noe i morgen?", "nån samling for styrera?": "er det" left out
    whether = whether or (opener in _SOME and text.rstrip().endswith("?"))
    asked = (
        verb or whether or _is_tag_question(text, typed) or _is_declarative_question(text, typed)
    )
    if not asked:
        return False
    return question_words.isdisjoint(_before_if_so(typed)) or (
        verb and _embeds_a_question(typed, opener, question_words)
    )


def _embeds_a_question(typed: Sequence[str], opener: str, question_words: frozenset[str]) -> bool:
    """ "Skal kommunene selv bestemme hva de trenger?": a question word inside a yes/no
    question about someone else; "kan du si hva …", "er det noen som vet hva …" ask what."""
    start = typed.index(opener) if opener in typed else 0
    asked = [i for i, word in enumerate(typed) if word in question_words]
    subject = typed[start + 1] if start + 1 < len(typed) else ""
    if subject == "det" and "som" in typed[start + 2 : start + 5]:
        subject = typed[start + 2]  # "er det kommunane sjølve som bestemmer kva …?"
    return (
        subject not in _ASKING_SUBJECTS
        and asked[0] >= start + _EMBEDDED_AT
        and asked[0] < len(typed) - 1  # "hva de trenger", not "… for hvem?"
    )


_ASKING_SUBJECTS = frozenset(
    fold(word)
    for word in ("du", "dere", "dokker", "dåkker", "det", "der", "noen", "nokon", "nån", "man")
) | frozenset(("en", "eg", "jeg", "æ", "vi", "me"))
_EMBEDDED_AT = 3  # a verb, its subject and a verb come before the question word


# "Still" ("er det fortsatt mulig?") and "in time" ("rekker jeg det?"), folded.
STILL_WORDS = frozenset({"fortsatt", "fremdeles", "framleis", "enda", "enna", "enno"})
IN_TIME_WORDS = frozenset({"rekker", "rekke", "rekk", "rakk", "tidsnok"})

# The words of a samling held online; "fysisk" is the other format.
ONLINE = frozenset({"digital", "digitalt", "digitale", "zoom", "teams", "nett", "nettet"})


def asks_only_of_format(typed: Sequence[str]) -> bool:
    """ "på teams?", "digitalt da?", "eller fysisk?": a follow-up that asks only whether the
    samling just talked about is held that way."""
    words = [word for word in typed if word not in _AROUND_A_FORMAT]
    return bool(words) and all(word in ONLINE or word == "fysisk" for word in words)


_AROUND_A_FORMAT = frozenset({"pa", "da", "og", "eller", "ogsa", "ho", "den", "er", "e"})


def follows_up(typed: Sequence[str]) -> bool:
    """ "når er fristen da?", "og hvem er den for?": words that only make sense after
    something said before."""
    return len(typed) >= 2 and (typed[-1] == "da" or typed[0] == "og")


_EXPLETIVE_BEFORE = frozenset(
    fold(word) for word in ["er", "var", "blir", "ble", "finnes", "fins", "skjer", "kommer", "har"]
)


def points_back(typed: Sequence[str], *, telling: bool = False) -> bool:
    """Whether a word points back to what was said before ("når trådte den i kraft?"); the
    "det" of "er det noen samling" points at nothing. In a `telling` sentence "den digitale
    skoleledersamlingen" names what it is about."""
    for i, word in enumerate(typed):
        every = "alle" in typed[max(0, i - 2) : i]  # "alle disse ordningene": all of them
        kind_named = (
            word in DEFINITE_KIND_WORDS
            and i > 0
            and typed[i - 1] not in _INDEFINITE_BEFORE
            and not every
        )
        if kind_named and not (telling and i > 1 and _determiner(typed, i - 2)):
            return True  # "… beskriver ordningen?", not "den nye ordningen"
        if word not in _BACK_REFERENCES or (telling and _determiner(typed, i)) or every:
            continue
        if telling and word in _THEY and typed[i + 1 : i + 2] and typed[i + 1] in YES_NO_WORDS:
            continue  # "I Trondheim har de …", "de har lesing som fokus": who, not what
        if (
            word == "det"
            and i > 0
            and typed[i - 1] in _EXPLETIVE_BEFORE
            and not _asks_what_it_is(typed, i)
            and not (typed[i - 1] == "har" and i == len(typed) - 1)  # "hvilke tema har det?"
        ):
            continue
        if word == "der" and 0 < i < len(typed) - 1 and typed[i - 1] in _EXPLETIVE_BEFORE:
            continue  # "hvor mange kommuner er der i regionen?" (but "hva skjer der?" points)
        if word == "der" and "det" in typed[max(0, i - 2) : i]:
            continue  # Danish "hvilken samling var det (så) der blev aflyst?": "der" is "som"
        return True
    return False


_THEY = frozenset({"de", "dei", "dem", "dæm"})


def _determiner(typed: Sequence[str], i: int) -> bool:
    """ "den digitale skoleledersamlingen", "det nye prosjektet": "den" before an adjective and
    a definite noun names something new; "er den digital?" points back."""
    adjective, noun = [*typed[i + 1 : i + 3], "", ""][:2]
    return (
        typed[i] in _DETERMINERS
        and bool(adjective)
        and adjective not in STOP_WORDS_FOLDED
        and adjective not in NUMBER_WORDS
        and len(noun) >= _NOUN
        and noun.endswith(_DEFINITE_ENDINGS)
    )


_DETERMINERS = frozenset({"den", "det", "de", "dei"})
_DEFINITE_ENDINGS = ("en", "et", "ene", "ane", "na", "a")
_NOUN = 5


def _asks_what_it_is(typed: Sequence[str], i: int) -> bool:
    """ "hva er det?", "ka e det": a question word, a verb and "det" last ask what was just
    named; "hvilke samlinger er det?" asks what there is."""
    return i == 2 == len(typed) - 1


def _is_declarative_question(text: str, typed: Sequence[str]) -> bool:
    """ "og den gjelder for skolene også?", "dekom engelsk er for ungdomstrinnet?": a statement
    with a question mark and no question word asks whether it is true."""
    # (and "påmeldingsfrist engelsk gått ut?" with its verb left out)
    claims = YES_NO_WORDS | _PASSED_WORDS
    return text.rstrip().endswith("?") and any(word in claims for word in typed[1:])


_PASSED_WORDS = frozenset({"gatt", "gott", "utlopt", "passert"})


def _before_if_so(typed: Sequence[str]) -> Sequence[str]:
    """ "Samarbeider de med NTNU, og i så fall om hva?": the words before "i så fall" (or a
    closing "eller hva"), where a question word makes it no yes/no question."""
    for i in range(len(typed) - 2):
        if tuple(typed[i : i + 3]) in (("i", "sa", "fall"), ("i", "so", "fall")):
            return typed[:i]
    if tuple(typed[-2:]) in (("eller", "hva"), ("eller", "kva")):
        return typed[:-2]  # "er Oppdal med, eller hva?" asks yes or no
    return typed


def _is_tag_question(text: str, typed: Sequence[str]) -> bool:
    """ "Trondheim er vel med i Gauldalsregionen?", "NTNU er hovedpartner, ikke sant?": a
    statement asked to be confirmed ("vel" and "jo" ask it without a question mark)."""
    if len(typed) < 3:
        return False
    if not _CONFIRM.isdisjoint(typed[1:5]) and not text.rstrip().endswith((".", "!")):
        return True  # "MALVIK ER VEL MED I GAULDALSREGIONEN", "rekom og dekom er jo det samme"
    if tuple(typed[-2:]) in _TAGS and not text.rstrip().endswith((".", "!")):
        return True  # "rekom ska hjelpe med ny rammeplan stemmer det"
    if not text.rstrip().endswith((".", "!")) and _ends_in_a_tag(typed):
        return True  # "dekom gjelder bare barnehage sant", "… holdt fysisk, gjorde den ikke"
    if not text.rstrip().endswith("?"):
        # "å styrersamlinga i oktober ble den gjennomført": "ble den" asks without a "?"
        return not text.rstrip().endswith((".", "!")) and _fronted(typed)
    if tuple(typed[-2:]) in _TAGS or typed[-1] in ("eller", "ja", "stemmer", "riktig", "sant"):
        return True
    if tuple(typed[-3:]) in (("ja", "eller", "nei"), ("ja", "nei")) or typed[-2:] == ["ja", "nei"]:
        return True
    return _fronted(typed)


def _ends_in_a_tag(typed: Sequence[str]) -> bool:
    """A statement ending in "sant" or "riktig", or in a verb, a pronoun and "ikke"."""
    if typed[-1] in ("sant", "riktig"):
        return True
    *_, verb, pronoun, negation = typed
    return negation in ("ikke", "ikkje") and pronoun in _PRONOUNS and verb in _TAG_VERBS


_TAG_VERBS = frozenset(
    {"gjorde", "gjor", "var", "er", "ble", "blei", "har", "hadde", "skal"}
)  # folded


def _fronted(typed: Sequence[str]) -> bool:
    """ "samlinga i begynneropplæring, er den med NTNU?": the subject first, then "er den"."""
    return any(
        verb in _FRONTED_VERBS and pronoun in _PRONOUNS for verb, pronoun in pairwise(typed[1:])
    )


_PARTICIPLE = "ende"
_SOME = frozenset({"noe", "noen", "no", "non"})  # as corrected
_CONFIRM = frozenset({"vel", "jo"})  # "X er vel …": asked to be confirmed
_FRONTED_VERBS = frozenset({"er", "e", "blir", "vart", "var", "ble", "blei"})
_PRONOUNS = frozenset({"den", "det", "ho", "hun", "de", "dei", "dette", "denne"})
_TAGS = frozenset(
    {("ikke", "sant"), ("ikkje", "sant"), ("ikke", "det"), ("ikkje", "det"), ("stemmer", "det")}
)


def joins(words: Sequence[str]) -> bool:
    """ "kan jeg bli med på …?", "kan vi delta?": whether the asker may join it."""
    asker = not _I.isdisjoint(words)
    return asker and (("blir", "med") in pairwise(words) or "delta" in words)


_I = frozenset({"jeg", "vi", "eg", "me"})


def names_the_region(typed: Sequence[str]) -> bool:
    """ "regionen", "regionsamarbeidet", "det regionale samarbeidet" that point at nothing
    else: not "denne regionen", nor beside a "den" that points back ("hvem samarbeider
    regionen med om den?")."""
    words = list(typed)
    pairs = list(pairwise([*words, ""]))
    at = next(
        (
            i
            for i, (word, after) in enumerate(pairs)
            if word in _THE_REGION or (word, after) == ("regionale", "samarbeidet")
        ),
        None,
    )
    if at is None:
        return False
    before = words[at - 1] if at > 0 else ""
    if words[at] == "regionen" and before in DEMONSTRATIVES:
        return False
    if (words[at] == "regionsamarbeid" and before != "det") or before == "om":
        return False  # "det regionsamarbeid(et)", not any ("møte om regionsamarbeidet")
    end = at + (2 if words[at] == "regionale" else 1)
    start = at - 1 if before in ("det", "den") else at  # "i det regionsamarbeidet vårres"
    return not points_back([*words[:start], *words[end:]])


_THE_REGION = frozenset({"regionen", "regionsamarbeidet", "regionsamarbeid"})
# Words that point back with a noun after them ("denne regionen", "det fokusområdet").
DEMONSTRATIVES = frozenset({"det", "den", "dette", "denne", "disse", "desse"})


def companions(tokens: Sequence[Token]) -> frozenset[str]:
    """ "hvem holder den sammen med regionen?": in a question of what "den" points at, the
    terms after "sammen med" name whom it is held with, not what the question is about."""
    typed = [token.word for token in tokens]
    if not points_back(typed):
        return frozenset()
    for i, (first, second) in enumerate(pairwise(typed)):
        if first in _TOGETHER and second == "med":
            return frozenset(token.term for token in tokens[i + 2 :])
    return frozenset()


_TOGETHER = frozenset({"sammen", "saman", "tillsammans", "samarbeid"})


def pointed_names(words: Sequence[str], told: Sequence[str], names: Sequence[str]) -> list[str]:
    """ "… går på Lilleby skole i Trondheim. Er denne skolen med?": of the names a message
    told, those right before the noun that "denne" points with; all of them when none is."""
    nouns = {stem(after) for before, after in pairwise(words) if before in DEMONSTRATIVES}
    pointed = [
        name
        for name in names
        if any(fold(name).split()[-1] == w and stem(n) in nouns for w, n in pairwise(told))
    ]
    return pointed or list(names)


def owned(tokens: Sequence[Token]) -> frozenset[str]:
    """The terms right before a possessive ("sønnen min", "rektoren vår")."""
    return frozenset(token.term for token, after in pairwise(tokens) if after.word in _POSSESSIVES)


def told_of(tokens: Sequence[Token]) -> frozenset[str]:
    """ "Styreren min nevnte at …": a person of the asker's, not asked for ("noe for læreren
    min?"), is whom the message tells of, so no audience; the asker's school or kindergarten
    ("skolen min") still is."""
    told = set()
    for i, (token, after) in enumerate(pairwise(tokens)):
        if after.word not in _MY or token.word in _PLACES_OF_WORK:
            continue
        if i == 0 or tokens[i - 1].word not in _FOR:
            told.add(token.term)
    return frozenset(told)


_MY = frozenset(["min", "mi", "mitt"])
_FOR = frozenset(["for", "til", "te"])
_PLACES_OF_WORK = frozenset(
    ["skolen", "skulen", "barnehagen", "avdelingen", "avdelinga", "kommunen", "skole", "barnehage"]
)
# ("vår" folds to "var", which is also "was": left out.)
_POSSESSIVES = frozenset(["min", "mi", "mitt", "mine", "vare", "vaar", "vaart"])
