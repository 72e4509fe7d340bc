"""Finding what is asked in a message: the question parts apart from the personal context.

"Hei! Jeg er pedagogisk leder i Holtålen og har nettopp begynt, så jeg lurer på når neste
samling er" asks one thing; the rest tells who is asking. "Når er fristen, og hvor er
samlingen?" asks two things. A claim in the order of a statement with a tag ("Trondheim er med
i nettverket, ikke sant?") is asked as the yes/no question it is (`bot.core.statement_claims`).
Splitting a message into clauses lets the engine answer each question part and let the context
count only for what the bot recognises in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.core.question_words import QUESTION_INTRODUCERS, STOP_WORDS
from bot.core.statement_claims import (
    BELIEVING,
    TAG_PHRASES,
    OpenerTest,
    as_checked_claim,
    has_a_tag,
    in_question_order,
    unmarked_claim,
    with_its_subject,
)
from bot.core.text import fold

# Sentence ends: ? and ! always; a full stop after a word, not after a number or a short
# abbreviation ("1. trinn", "21. oktober", "st. meld.", "kl. 9"), but after a year when a
# capital letter follows ("høsten 2019. Når var …"); "el." and "evt." are "eller" and
# "eventuelt". Dots in a row ("om dekom.. hva er det?") end a sentence.
_SENTENCE_END = re.compile(
    r"(?<=[?!])\s*|(?<=[^\W\d_][.])(?<!\bca[.])(?<!\bnr[.])(?<!\bkl[.])(?<!\bst[.])"
    r"(?<!\bjf[.])(?<!\beks[.])(?<!\bmeld[.])(?<!\bel[.])(?<!\bevt[.])(?<!\bbl[.]a[.])\s+"
    r"|(?<=\b\d{4}[.])\s+(?=[A-ZÆØÅ])|(?:(?<=[.][.])|(?<=…))\s*(?=[^\W\d_])|\n+"
)
_PART_BREAK = re.compile(
    r",?\s+(?P<because>nå som|na som|no som|ettersom|fordi|slik at|sånn at)\s+"
    r"|\s*(?:,|\s[-–]\s|;|:)\s*(?:og\s+|men\s+|eller\s+|and\s+|or\s+|but\s+)?|\s+(?:og|and)\s+"
)
_TRAILING_AND = re.compile(r"[\s,]+(?:og|men)(?:\s+(?:jeg|eg|æ|vi|me))?$", re.IGNORECASE)
_INTRODUCER = re.compile(
    r"\b(?:" + "|".join(re.escape(fold(text)) for text in QUESTION_INTRODUCERS) + r")\b\s*"
)


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    is_question: bool
    # "Er PPT med, eller gjelder det bare skole?": the other half of the question before it
    alternative: bool = False
    # "Planen er ikke på plass, stemmer det?": a claim asked about, not a question of its own
    claimed: bool = False


def split_clauses(text: str, opener: OpenerTest) -> list[Clause]:
    """The message as clauses in order. A part that starts with a question word is a question;
    one that starts with a verb is a question only in a sentence that ends with "?" (or in the
    last sentence, as people often leave the "?" out)."""
    sentences = [
        part
        for sentence in _sentences(text)
        for part in _run_on(with_its_subject(as_checked_claim(sentence), opener), opener)
    ]
    clauses: list[Clause] = []
    marked = any(sentence.rstrip().endswith("?") for sentence in sentences)
    for number, sentence in enumerate(sentences, start=1):
        asked = sentence.rstrip().endswith("?") or (
            number == len(sentences)
            and not sentence.rstrip().endswith((".", "!"))
            and not (marked and _tells(sentence, opener))
        )
        if marked and sentence.rstrip().endswith((".", "!")):
            # "… og jeg vet aldri hva som gjelder skole. Kan du si meg …?": where the message
            # marks its questions, a sentence that ends in a full stop tells
            clauses.append(Clause(sentence.strip(), False))
            continue

        def opens_question(word: str, after_og: bool = False, asked: bool = asked) -> bool:
            """After a plain "og" only a question word starts a new question: "… og har ikke
            fått med meg så mye" goes on telling."""
            kind = opener(word)
            return kind == "wh" or (kind == "yes_no" and asked and not after_og)

        if clauses and clauses[-1].is_question and _offers_a_choice(sentence, opener):
            # "Hvem bestemmer …? Staten eller kommunen?": the choices of the question before
            clauses[-1] = Clause(f"{clauses[-1].text.rstrip('?')}, {sentence}", True)
            continue
        parts = _when_told(_parts(sentence, opens_question, opener), opener)
        if asked and _claims(sentence):  # "… avlyst?? trodde det var skoleledersamlingen"
            parts = [replace(part, is_question=True) for part in parts]
        clauses.extend(parts)
    clauses = _with_lone_question_word([clause for clause in clauses if clause.text], opener)
    claim = unmarked_claim(clauses[-1].text, opener, alone=len(clauses) == 1) if clauses else None
    if claim is not None and not any(clause.is_question for clause in clauses):
        clauses[-1] = replace(clauses[-1], text=claim, is_question=True, claimed=True)
    return [
        part
        for clause in clauses
        for part in (
            _without_relative(_as_question(clause, opener), opener)
            if clause.is_question
            else [clause]
        )
    ]


def _as_question(clause: Clause, opener: OpenerTest) -> Clause:
    """A question part verb first, and whether it claims something with a tag."""
    claimed = clause.claimed or has_a_tag(clause.text)
    return replace(clause, text=in_question_order(clause.text, opener), claimed=claimed)


def _run_on(sentence: str, opener: OpenerTest) -> list[str]:
    """A message typed without punctuation that tells, then asks: "dekom e jo førr skola ka
    ordning e de førr bærnehagan" is "dekom e jo førr skola." and "ka ordning e de …"."""
    words = sentence.split()
    lower = [word.lower() for word in words]
    if _INNER_MARKS.search(sentence.rstrip(" ?!.")) or not words or opener(_first_word(sentence)):
        return [sentence]
    for at in range(_TOLD_WORDS, len(words) - 1):
        told = {fold(word) for word in lower[1:at]}
        asks = opener(lower[at])
        # "æ jobbe i ppt e samarbeidet for oss og": the asker tells, then asks yes or no
        following = lower[at + 1]
        subject = fold(following) in _SUBJECTS or _DEFINITE.search(following) is not None
        # (not after "at": "jeg har forstått at planen for nettverket kommer høsten 2024")
        of_the_asker = asks == "yes_no" and lower[0] in _I and subject and "at" not in told
        if lower[at] not in ("om", "som") and ((asks == "wh" and told & _IS) or of_the_asker):
            return [" ".join(words[:at]) + ".", " ".join(words[at:])]
    return [sentence]


_INNER_MARKS = re.compile(r"[,.;:?!–]|\s-\s")
_TOLD_WORDS = 3  # a statement of at least this many words before the question word
_IS = frozenset({"er", "e", "var", "va", "ar"})
_I = frozenset({"jeg", "eg", "æ", "je", "vi", "me"})
_DEFINITE = re.compile(r"\w{4,}(?:et|en|a)$")  # "e samarbeidet for oss og"


def _without_relative(clause: Clause, opener: OpenerTest) -> list[Clause]:
    """ "Hva er neste samling jeg må ordne rom til?", "kva samlingar er det som eg bør kjenne
    til før møtet?": what the asker will do with the samling tells, and the question asks
    which samling it is."""
    if opener(_first_word(clause.text)) != "wh" or not _SAMLING_NOUN.search(clause.text):
        return [clause]
    found = _RELATIVE.search(clause.text)
    if found is None:
        return [clause]
    asked = clause.text[: found.start("rest")].rstrip(" ,")
    return [replace(clause, text=f"{asked}?"), Clause(found.group("rest").strip(" ?"), False)]


_SAMLING_NOUN = re.compile(r"samling|kurs|fagdag|seminar|webinar", re.IGNORECASE)
# A samling noun, a few words, then "som" and the asker, or the asker right after the noun.
_RELATIVE = re.compile(
    r"\b(?:\w*samling\w*|kurs\w*|fagdag\w*|seminar\w*|webinar\w*)"
    r"(?:(?:\s+[^\W\d_]+){0,2}?\s+som)?\s+"
    r"(?P<rest>(?:jeg|eg|æ|vi|me|du|dere|dokker|dåkker)\s+[^\W\d_]+.*)$",
    re.IGNORECASE,
)


def _tells(sentence: str, opener: OpenerTest) -> bool:
    """ "Er fristen ute?? glemte det helt": after a question, a last sentence with no "?" that
    opens with neither a question word nor a verb tells something; "… trodde det var X"
    claims something to check."""
    if _claims(sentence):
        return False
    return _tells_without_subject(sentence) or opener(_first_word(sentence)) is None


def _claims(sentence: str) -> bool:
    """ "trodde det var skoleledersamlingen som ble avlyst": what the asker believes."""
    return fold(_first_word(sentence)) in BELIEVING


def _introduces_the_asker(text: str) -> bool:
    """ "er rektor her", "e ny lærar": who asks, with "jeg" left out."""
    words = fold(text).split()
    return len(words) >= 2 and words[0] in ("er", "e") and words[1] in _ROLES


_ROLES = frozenset(
    fold(word)
    for word in (
        "rektor", "lærer", "lærar", "styrer", "styrar", "assistent", "nyansatt", "nytilsatt",
        "student", "forelder", "mamma", "pappa", "rådgiver", "barnehagelærer", "barnehagelærar",
        "avdelingsleder", "inspektør", "vikar", "lærerstudent", "lærarstudent", "pedagog",
        "fagarbeider", "fagarbeidar", "barnehageassistent", "spesialpedagog", "tillitsvalgt",
        "kontaktlærer", "kontaktlærar", "praksislærer", "styrervikar", "miljøarbeider",
    )
)  # fmt: skip


def _tells_without_subject(sentence: str) -> bool:
    """ "Hva er DEKOM? har nettopp begynt som rektor", "… Må vite om vi trenger vikar": a verb
    and then a small word that is no subject ("har du …", "er den …", "er samlinga …" ask), so
    the sentence tells, with "jeg" left out."""
    words = fold(sentence).split()
    if len(words) < 2:
        return False
    second = words[1].strip(",.!?")
    if words[0] in _MODALS and second not in _SUBJECTS and second not in _LIKELY_SUBJECTS:
        return True  # "… ? vil melde på to pedagogiske ledere": a modal and what "jeg" will do
    return second not in _SUBJECTS and second in _SMALL_WORDS


_SUBJECT_WORDS = """
du dere dokker dåkker jeg eg æ vi me de dei dæm den det d dette denne disse han hun ho hu man noen
nån nokon nokre
"""
_SUBJECTS = frozenset(fold(word) for word in _SUBJECT_WORDS.split())
_MODALS = frozenset({"vil", "skal", "ska", "ma", "bor", "trenger", "treng"})
_LIKELY_SUBJECTS = frozenset({"samlingen", "samlinga", "fristen", "en", "ei", "et", "ein", "eit"})
_SMALL_WORDS = frozenset(fold(word) for word in STOP_WORDS.split()) - _SUBJECTS


def _when_told(parts: list[Clause], opener: OpenerTest) -> list[Clause]:
    """ "Når skoleledersamlinga ble avlyst, hva finnes det ellers?": "når" with its subject
    first tells when (a question has its verb first: "når er fristen?")."""
    if len(parts) < 2 or not parts[1].is_question:
        return parts
    words = re.findall(r"[^\W\d_]+", parts[0].text.lower())
    if len(words) < 3 or words[0] not in ("når", "nar") or opener(words[1]) is not None:
        return parts
    return [Clause(parts[0].text, False), *parts[1:]]


def _with_lone_question_word(clauses: list[Clause], opener: OpenerTest) -> list[Clause]:
    """ "læringsorientert ledelse er delt inn i noen tema, hvilke?": question words alone
    ask about the statement before them, and "…, stemmer det?" whether it is true."""
    lone = len(clauses)  # "…, hvor mange og hvilke?": the trailing parts of question words
    while lone > 1 and _only_question_words(clauses[lone - 1].text, opener):
        lone -= 1
    if lone < len(clauses) and not clauses[lone - 1].is_question:
        told = clauses[lone - 1].text
        asked_of = [Clause(f"{' '.join(_words(c.text))} {told}?", True) for c in clauses[lone:]]
        return [*clauses[: lone - 1], *asked_of]
    if len(clauses) < 2:
        return clauses
    words = [fold(word) for word in _words(clauses[-1].text)]  # as the tags: "forstått"
    same_sentence = not clauses[-2].text.rstrip().endswith((".", "!"))
    # ("hørte at prosjektet fortsatt pågår, er det sant?": a claim in the same sentence)
    told_then_tag = (
        same_sentence and tuple(words) in _TAGS and fold(_first_word(clauses[-2].text)) in BELIEVING
    )
    if clauses[-2].is_question and not told_then_tag:
        return clauses
    # "Midtre Gauldal er med, stemmer det?"; "Lesetråder ble avsluttet i 2019. Korrekt?" when
    # the sentence before is a claim ("Rektor sier at …. Stemmer det?" asks of what it names)
    joined = f"{clauses[-2].text.rstrip('.!')}, {clauses[-1].text}"
    asked = in_question_order(joined, opener) if tuple(words) in _TAGS else joined
    if tuple(words) in _CONFIRMING and (same_sentence or asked != joined):
        return [*clauses[:-2], Clause(asked, True, claimed=tuple(words) in _TAGS)]
    return clauses


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def _only_question_words(text: str, opener: OpenerTest) -> bool:
    words = _words(text)
    asking = [word for word in words if word not in _ASKING_TOO]
    return bool(asking) and all(opener(word) == "wh" for word in asking)


_TAGS = frozenset(tuple(fold(phrase).split()) for phrase in TAG_PHRASES if phrase != "eller")
_ASKING_TOO = frozenset({"og", "mange", "lenge", "mye", "mykje"})  # "hvor mange og hvilke"
# A part that only asks whether the statement before it is true, or for what it names
# ("passordet til møtet, har du det?").
_CONFIRMING = _TAGS | {
    ("har", "du", "det"), ("har", "du", "den"), ("vet", "du", "det"), ("veit", "du", "det"),
    ("vet", "du"), ("veit", "du"),
}  # fmt: skip


def _offers_a_choice(sentence: str, opener: OpenerTest) -> bool:
    """ "Staten eller kommunen?", "kommune, skole og …?": a few words around "eller" or "og",
    asking nothing of their own."""
    words = fold(sentence).split()
    first = _first_word(sentence)
    short = len(words) <= _CHOICE_WORDS and sentence.rstrip().endswith("?")
    joined = not {"eller", "og"}.isdisjoint(words[1:-1]) or "..." in sentence or "…" in sentence
    return short and joined and opener(first) is None


_CHOICE_WORDS = 4


def _sentences(text: str) -> list[str]:
    """The sentences, without the ones that are only punctuation (the second "?" of "??")."""
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    return [part for part in parts if any(char.isalnum() for char in part)]


def _parts(
    sentence: str,
    opens_question: Callable[..., bool],
    opener: OpenerTest,
    *,
    introduced_by: bool = False,
) -> list[Clause]:
    """A sentence split where a new question starts: after a comma, a dash or "og".
    `introduced_by` ("… lurer på om den er digital, og om jeg må melde meg på"): "om" opens
    each question that follows."""
    asked = sentence.rstrip().endswith("?")
    folded = fold(sentence)
    introduced = _INTRODUCER.search(folded)
    if introduced is not None and introduced.start() > 0 and _opens_a_claim(introduced):
        introduced = None  # "hvem er det meningen at de skal samarbeide med?" asks who
    if introduced is not None and set(_words(folded[introduced.end() :])) <= {"det", "dette"}:
        introduced = None  # "…. Kan du bekrefte (det)?" asks of what came before
    if introduced is not None:
        before = _TRAILING_AND.sub("", sentence[: introduced.start()].strip(" ,."))
        after = sentence[introduced.end() :].strip()
        parts = [Clause(before, False)] if before else []
        asked_parts = _parts(after, opens_question, opener, introduced_by=True) if after else []
        if asked_parts and introduced.group(0).strip().endswith((" at", " att")):
            # "Er tanken at hver kommune skal klare DEKOM alene?" asks whether the claim holds
            claim = in_question_order(asked_parts[0].text, opener, claimed=True)
            asked_parts[0] = replace(asked_parts[0], text=claim, claimed=True)
        return [
            *parts,
            *(
                replace(part, is_question=True) if i == 0 else part
                for i, part in enumerate(asked_parts)
            ),
        ]
    pieces: list[str] = []
    announcing: set[int] = set()  # pieces before a colon: "Kan du gi meg en oversikt: …"
    telling: set[int] = set()  # pieces after "fordi", "slik at": why it is asked
    other_halves: set[int] = set()  # pieces after ", eller" that open with a verb
    start = 0
    for match in _PART_BREAK.finditer(sentence):
        rest = sentence[match.end() :]
        first = _asking_word(rest, opens_question)
        after_og = match.group(0).strip() == "og"
        asks_whether = introduced_by and first == "om" and "," in match.group(0)
        # "når er neste samling nå som skoleledersamlinga ble avlyst?", "… som planlagt, slik
        # at jeg kan sette av tid?": the rest tells why
        because = match.group("because") is not None and (
            introduced_by or opens_question(_first_word(sentence[start:]))
        )
        asks = bool(first) and (asks_whether or opens_question(first, after_og))
        if (because or asks) and match.start() > start:
            if ":" in match.group(0):
                announcing.add(len(pieces))
            if because:
                telling.add(len(pieces) + 1)  # "…, slik at jeg kan sette av tid" asks nothing
            verb_first = opens_question(first) and not opens_question(first, True)
            if "eller" in match.group(0) and verb_first:
                other_halves.add(len(pieces) + 1)
            pieces.append(sentence[start : match.start()])
            start = match.end()
        elif _tells_after_asking(
            sentence[start : match.start()], match.group(0), rest, opens_question
        ):
            pieces.append(sentence[start : match.start()])  # "…, sjefen snakker om det hele tida"
            start = match.end()
    pieces.append(sentence[start:])
    if len(pieces) == 1:
        first = _first_word(sentence)
        return [Clause(sentence.strip(), asked or (bool(first) and opens_question(first)))]
    clauses = []
    for number, piece in enumerate(pieces):
        first = _asking_word(piece, opens_question)
        whether = introduced_by and first == "om"
        asks = whether or (bool(first) and opens_question(first))
        asks = asks and number not in announcing and number not in telling
        asks = asks and not _introduces_the_asker(piece)  # "er rektor her, hva er …?"
        clauses.append(Clause(piece.strip(" ,"), asks, alternative=number in other_halves))
    if asked and not any(clause.is_question for clause in clauses):
        last = max(i for i in range(len(clauses)) if i not in telling or i == 0)
        clauses[last] = replace(clauses[last], is_question=True)
    return clauses


def _opens_a_claim(introduced: re.Match[str]) -> bool:
    """ "er tanken at …", "er det meningen at …": a question of its own only at the start."""
    words = introduced.group(0).split()
    return words[0] == "er" and words[-1] == "at"


def _tells_after_asking(
    before: str, separator: str, after: str, opens_question: Callable[..., bool]
) -> bool:
    """ "ka e rekom for nokka, sjefen snakke om det heile tida": after a comma, a statement of
    four words or more that offers no choice tells why the question is asked."""
    if "," not in separator or not opens_question(_first_word(before)):
        return False
    told = fold(after).split()
    return len(told) >= 4 and "eller" not in told and not after.rstrip().endswith("?")


def _first_word(text: str) -> str:
    """The first word, past a leading "og" or "men" ("og kven skal prioritere tiltaka")."""
    found = re.findall(r"[^\W\d_]+", text.lower()[:60])
    while len(found) > 1 and found[0] in _LEADING_AND:
        found = found[1:]
    return found[0] if found else ""


_LEADING_AND = frozenset({"og", "å", "men", "så"})


def _asking_word(text: str, opens_question: Callable[..., bool]) -> str:
    """The first word, or the question word after a preposition: "…, og på hvilke nivåer
    skal det jobbes?" asks as "hvilke" does."""
    first = _first_word(text)
    if first not in _PREPOSITIONS:
        return first
    found = re.findall(r"[^\W\d_]+", text.lower()[:60])
    following = found[found.index(first) + 1] if found.index(first) + 1 < len(found) else ""
    return following if following and opens_question(following) else first


_PREPOSITIONS = frozenset(
    {"på", "pa", "i", "for", "fra", "frå", "til", "te", "med", "me", "av", "om", "hos", "etter"}
)
