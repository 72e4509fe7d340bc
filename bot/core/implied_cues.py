"""Cues that the order of a question's words implies, beyond its cue phrases.

"hva står DEKOM for?" asks what it stands for, though "står" and "for" are apart; "kommer
modellen fra Udir?" asks who introduced it; "hører DEKOM til modellen?" asks membership. The
question reader (`bot.core.question`) adds these to the cues its phrases found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.question_forms import STILL_WORDS
from bot.core.question_words import CUE_WORDS, Cue
from bot.core.text import fold

_PLURAL = re.compile(r"(?:er|ar|ene|ane|a)$")  # "kommuner", "kommunar", "samlingane"


def implied_cues(
    text: str, corrected: Sequence[str], rest: Sequence[str], cues: set[Cue]
) -> set[Cue]:
    """The cues implied by the corrected words (folded) and the words no cue phrase took."""
    implied: set[Cue] = set()
    first = corrected[:1]
    if corrected and corrected[-1] == "for" and _STANDS in corrected:
        implied.add(Cue.STANDS_FOR)  # "hva står DEKOM for?"
    elif (Cue.WHO in cues or Cue.LIST in cues) and _ends_in_for(text, corrected):
        implied.add(Cue.FOR_WHOM)  # "hvem er den for?", "hvilke ansatte er det for?"
    if Cue.FOR_WHOM in cues | implied:
        implied.add(Cue.WHO)
    if first in (["kommer"], ["kom"]) and "fra" in corrected:
        implied.add(Cue.INTRODUCED_BY)  # "kommer modellen med tre ordninger fra Udir?"
    if Cue.COUNT in cues and Cue.FUNDED_BY in cues and "mye" in corrected:
        implied.add(Cue.UNSUPPORTED)  # "hvor mye DEKOM-midler får Rennebu?": no amounts
    if first in (["hører"], ["horer"]) and "til" in corrected:
        implied.add(Cue.MEMBERS)  # "hører DEKOM til modellen?"
    if corrected[1:2] == ["det"] and "som" in corrected and _INTRODUCES & set(corrected):
        implied.add(Cue.INTRODUCED_BY)  # "var det Udir som innførte modellen?": who did
    if first in (["star"], ["sto"]) and "bak" in corrected:
        implied.add(Cue.INTRODUCED_BY)  # "står Udir bak modellen?"
    after = corrected[corrected.index("betyr") + 1 :] if "betyr" in corrected else []
    short_name = len(after) == 1 and after[0].isalpha() and _SHORT_NAME <= len(after[0]) <= 5
    if corrected[:1] == ["hva"] and after and (_ACRONYM.search(text) or short_name):
        implied.add(Cue.STANDS_FOR)  # "kva betyr DEKOM?", "hva betyr dekom": what the letters say
    if any(word.startswith("hovedpartner") for word in corrected):
        implied.add(Cue.PARTNERS)  # a cue, but also the network's own word: kept as content
    if any(_is_unsupported(word) for word in rest):
        implied.add(Cue.UNSUPPORTED)  # "parkeringsplass", "passordene"
    if first and first[0].startswith("hvilk") and _DESCRIBES & set(corrected):
        implied.add(Cue.DESCRIBED_IN)  # "hvilken melding beskriver DEKOM?" (not "beskriv …")
    if not _POSSIBLE.isdisjoint(corrected) and not STILL_WORDS.isdisjoint(corrected):
        implied.add(Cue.DEADLINE)  # "er det fortsatt mulig å få med noen på …?": sign-up
    if first == ["har"] and _BEEN in corrected:
        implied.add(Cue.PAST)  # "har styrersamlinga vært?", "har ho vore?" (read as "vært")
    if first == ["hva"] and corrected[2:3] in (["er"], ["var"]) and _PLURAL.search(corrected[1]):
        implied.add(Cue.LIST)  # "kva kommunar er med …?" asks which, as "hvilke kommuner"
    return implied


def chosen_not_asked(corrected: Sequence[str], cues: set[Cue]) -> set[Cue]:
    """ "hvem bestemmer hva slags kurs lærerne trenger?", "bestemmer staten hvilke kurs vi
    trenger?": the courses are what someone chooses, not samlinger asked about; the cues of
    samlinger and lists that only the chosen part has."""
    for at, word in enumerate(corrected[:-1]):
        which = next((i for i in range(at + 1, at + 4) if corrected[i : i + 1] in _WHICH), None)
        if word in _CHOOSES and which is not None:  # ("bestemmer staten hvilke …")
            chosen, before = corrected[which:], corrected[:at]
            if any(map(_is_event, chosen)) and not any(map(_is_event, before)):
                return cues & {Cue.EVENT, Cue.LIST}
    return set()


def _is_event(word: str) -> bool:
    return word.startswith(("samling", "kurs", "fagdag", "seminar", "arrangement", "tiltak"))


_CHOOSES = frozenset(
    fold(word)
    for word in (
        "bestemmer", "bestemme", "bestemte", "definerer", "definere", "prioriterer",
        "prioritere", "velger", "velge", "valgte", "avgjør", "avgjøre", "vurderer", "vurdere",
    )
)  # fmt: skip
_WHICH = (["hva"], ["hvilke"], ["hvilken"], ["hvilket"])

_STANDS = fold("står")
_POSSIBLE = frozenset({"mulig", "mogleg", "mulighet", "moglegheit"})
_BEEN = fold("vært")  # typed nynorsk "vert" reads as "blir", so this is "vært"
_INTRODUCES = frozenset(
    {"innforte", "innfort", "innforer", "innfores", "laget", "lagde", "startet"}
)
_ACRONYM = re.compile(r"\b[A-ZÆØÅ]{3,}\b")
_SHORT_NAME = 4  # "hva betyr dekom": one word of four or five letters names an abbreviation
_DESCRIBES = frozenset({"beskriver", "beskrives", "beskrev", "beskrive", "skildrar"})
_UNSUPPORTED_HEADS = tuple(
    fold(phrase) for phrase in CUE_WORDS[Cue.UNSUPPORTED] if " " not in phrase and len(phrase) >= 5
)


def without_hedges(text: str) -> str:
    """The question without a hedge that asks nothing: "Hva er målene, slik Trondheim kommune
    beskriver dem?" asks for the goals, not where they are described or by whom; "trådte
    REKOM i kraft i 2017 samtidig som modellen?" claims the year, the rest says why; "med enkle
    ord", "kort fortalt" say how to answer, not what."""
    text = _MANNER.sub("", _HEDGE.sub("", _WHAT_IT_SAYS.sub(r"\1 er", text)))
    if not _ASKS_WHAT.match(text):  # "er lesing prioritert fram mot 2027?" claims the year
        text = _TOWARDS.sub(r"i \1", text)
    return _AT_THE_SAME_TIME.sub("", text) if _YEAR.search(text) else text


_AT_THE_SAME_TIME = re.compile(
    r",?\s*\bsamtidig (?:som|med)\b[^,?.!]*?(?=\s+i\s+(?:19|20)\d\d|[,?.!]|$)", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "slik/sånn/som <up to three words> beskriver/sier/omtaler (dem)"
_HEDGE = re.compile(
    r",?\s*\b(?:slik|sånn|sann)\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(?:beskriver|beskrev|omtaler|omtalte|sier|sa|forklarer)(?:\s+(?:dem|det|den|de|dei))?\b"
    # "… ifølge sidene?", "… i følge kildene dine?": where the answer is to come from
    r"|,?\s*\b(?:ifølge|iflg\.?|i\s+følge|etter)\s+(?:(?:de|dei)\s+)?(?:sidene|siden|sida|sidane|"
    r"nettsidene|nettsiden|nettsida|kildene|kilden|kjeldene|kjelda)(?:\s+(?:dine|din|deres))?\b",
    re.IGNORECASE,
)

# "hva sier siden om lesing?" asks what lesing is, as the page tells it
_WHAT_IT_SAYS = re.compile(
    r"\b(hva|kva|ka)\s+(?:sier|seier|skriver|forteller)\s+(?:siden|sida|nettsiden|nettsida|"
    r"kommunen|de|dei)\s+om\b",
    re.IGNORECASE,
)
# "med enkle ord", "kort fortalt", "i korte trekk", "enkelt forklart", "i stikkordsform"
_TOWARDS = re.compile(r"\b(?:frem|fram)\s+(?:mot|til)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ASKS_WHAT = re.compile(
    r"\W*(?:(?:og|men|så)\s+)?(?:hva|kva|ka|hvem|kven|kæm|når|hvor|kor|hvilk\w*|kvifor|hvorfor)\b",
    re.I,
)
_MANNER = re.compile(
    r",?\s*\b(?:(?:med|på|i)\s+(?:enkle|få|korte|kort|enkelt)\s+(?:ord|trekk|setninger)"
    r"|kort\s+(?:fortalt|sagt|oppsummert)|enkelt\s+(?:forklart|sagt)|i\s+stikkordsform"
    r"|(?:om|hvis|dersom|viss)\s+(?:jeg|eg)\s+(?:tør|får|kan|må)\s+(?:spørre|spørje|be))\b",
    re.IGNORECASE,
)


def _is_unsupported(word: str) -> bool:
    """A compound that starts with an attribute the sources never have ("parkeringsplass")."""
    return len(word) > 6 and word.startswith(_UNSUPPORTED_HEADS)


def _ends_in_for(text: str, typed: Sequence[str]) -> bool:
    """ "… for?", "kem jobbe dei med kompetanse for, berre lærera?": "for" ends the question."""
    return (bool(typed) and typed[-1] == "for") or _FOR_AND_PAUSE.search(fold(text)) is not None


_FOR_AND_PAUSE = re.compile(r"\bfor\s*[,;:]")
