"""From chat Norwegian to the knowledge base's words: dialect, nynorsk, split and merged words.

Teachers type as they speak: "kæm e styrersamlinga for?", "kva for tema har leiinga?", "gauldal
regionen", "nestesamling". Before a question is spell-checked and stemmed, its words go through
three steps, each grounded in what the bot knows rather than in a list of sentences:

1. **Word forms** from the vocabulary (`forms` in vocabulary.yaml, kept by the coordinators):
   "ka" → "hva", "e" → "er", "ittj" → "ikke", "vart" → "ble".
2. **Endings**: an unknown word whose dialect or nynorsk ending, swapped for a bokmål one, gives a
   known word ("barnehagan" → "barnehagene", "lærera" → "lærere").
3. **Joining and splitting**: two words that together make a known compound are joined
   ("lærings miljø" → "læringsmiljø"), an unknown word that is a question word glued to a
   known word is split ("nestefrist" → "neste frist"), a compound whose first part is a
   form is written the standard way ("skulebibliotek" → "skolebibliotek"), a message typed
   without spaces is split into its words ("hvaerdekom" → "hva er dekom"), and a letter typed
   twice too many is dropped ("dettte" → "dette").

English words typed into Norwegian ("which", "network") are word forms like dialect.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from bot.core.question_words import INTERROGATIVES
from bot.core.spelling import MIN_LENGTH as SPELLED_LENGTH
from bot.core.text import fold, stem

MIN_JOINED = 6  # a joined compound is at least this long
MIN_PART = 3  # each part of a split word is at least this long
_CACHED_WORDS = 50_000
_RUN_TOGETHER = 8  # a word this long may be several typed without spaces
_TWO_SMALL = 7  # a word this short may be two small words typed as one ("erdet", "nårkom")
_LONG_SMALL_WORD = 7  # a small word this long starts no compound ("foregentlig")
_LONGEST_PART = 24
_DOUBLED = frozenset("bdfgklmnprst")  # consonants people type once for twice
_TWO = 2
_WORD_COST = 3  # a word costs more than a small word in a run typed without spaces
# Small words that run into the next in "hvaerdekom" but never start a compound.
_GLUE_WORDS = """
    hva kva ka hvem kem kven når nar hvor kor er var og pa på fra til te for med om det den
    de som av en et ei jeg eg vi du meg neste
    """
_GLUE = frozenset(_GLUE_WORDS.split())
_SECOND = _GLUE | {"kom"}  # "nårkom": "når kom"
_VOWELS = frozenset("aeiouyæøå")

# Dialect and nynorsk endings of nouns and their bokmål counterparts, tried in order.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("erne", ("ene",)),  # Danish "samlingerne" → "samlingene"
    ("ane", ("ene", "er")),  # nynorsk "kommunane" → "kommunene"
    ("ar", ("er",)),  # nynorsk "leiarar", "samlingar"
    ("an", ("ene", "en", "er")),  # trøndersk "barnehagan", "styreran"
    ("a", ("ene", "en", "er", "e")),  # trøndersk "lærera", "kommuna"
)


class WordForms:
    """Rewrites the words of a question towards the knowledge base's words.

    `forms` maps a lower-case variant to its standard form ("kæm" → "hvem"); it is looked up as
    typed, before folding, so "æ" (jeg) and "e" (er) stay apart. `known` says
    whether a folded word is one the bot knows (knowledge-base text, vocabulary, question words);
    `split_heads` are the question words that users glue to the next word ("neste", "forrige").
    """

    def __init__(
        self,
        forms: Mapping[str, str],
        known: Callable[[str], bool],
        split_heads: Iterable[str] = (),
        spell: Callable[[str], str] | None = None,
        function_words: Iterable[str] = (),
    ) -> None:
        self._exact = {variant: fold(word) for variant, word in forms.items()}
        # Forms without æ, ø, å also match a word after folding (a joined or split word).
        self._forms = {
            variant: word for variant, word in self._exact.items() if fold(variant) == variant
        }
        self._known = known
        self._spell = spell  # a word the speller can mend is a typo, not a compound
        self._heads = tuple(sorted(set(split_heads), key=len, reverse=True))
        # "vær" in "værmeldinga" is the weather, not the verb: no compound starts with a word
        # such as "vær", "over" or "alle" that the reader skips.
        self._function_words = frozenset(function_words)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._targets = frozenset(fold(word) for form in forms.values() for word in form.split())

    def rewrite(self, typed: Sequence[str], drop: Sequence[str] = ()) -> list[str]:
        """Folded words: forms applied, unknown endings fixed, compounds joined or split.
        `typed` are the lower-case words as written; `drop` a run of folded words to leave out
        (a period such as "i morgen", read elsewhere)."""
        if drop:
            typed = _without_run(list(typed), list(drop), key=fold)
        typed = _each_read(typed)
        mapped: list[str] = []
        for word in typed:
            exact = self._exact.get(word)
            if exact is not None:
                # a form's word is never read as a form again ("autumn" is "høst", no "host")
                mapped.extend(
                    part for piece in exact.split() for part in self._word(piece, forms=False)
                )
                continue
            folded = fold(word)
            parts = () if self._known(folded) else self._run_together_once(word)
            if parts:  # typed as typed: "hvaerdekom" must not fold "ae" to "æ" first
                mapped.extend(piece for part in parts for piece in self._word(part))
                continue
            # "vært" is no "vert" (nynorsk "blir"): a form without æ, ø, å matches only a word
            # typed without them.
            mapped.extend(self._word(folded, forms=folded == word))
        return self._join(mapped)

    def _word(self, word: str, *, forms: bool = True) -> tuple[str, ...]:
        if not forms and word in self._forms:
            return (word,)
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        result: tuple[str, ...]
        if word in self._forms:
            result = tuple(self._forms[word].split())
        elif word.isdigit():
            result = (word,)
        elif self._known(word):
            # "trondheimsskulen" is known by its parts, but compared as "trondheimsskolen"
            result = self._tail_form(word) or (word,)
        else:
            result = (
                self._ending(word)
                or self._split(word)
                or self._two_small(word)
                or self._head_form(word)
                or self._tail_form(word)
                or self._compound(word)
                or self._squeezed(word)
                or (word,)
            )
        if len(self._cache) < _CACHED_WORDS:
            self._cache[word] = result
        return result

    def _ending(self, word: str) -> tuple[str, ...]:
        for ending, replacements in _ENDINGS:
            if not word.endswith(ending) or len(word) - len(ending) < 4:
                continue
            base = word[: -len(ending)]
            for replacement in replacements:
                candidate = base + replacement
                if self._known(candidate):
                    return (candidate,)
        return ()

    def _head_form(self, word: str) -> tuple[str, ...]:
        """A compound whose first part is written as a form: "skulebibliotek" → "skolebibliotek"."""
        for variant, standard in self._forms.items():
            rest = word[len(variant) :]
            # (a short form of a long word too: "bhglærar" → "barnehagelærer")
            long_enough = len(variant) >= 4 or (len(variant) == 3 and len(standard) >= 8)
            if long_enough and word.startswith(variant) and len(rest) >= MIN_PART:
                candidate = standard.replace(" ", "") + rest
                if self._known(candidate):
                    return (candidate,)
        return ()

    def _tail_form(self, word: str) -> tuple[str, ...]:
        """A compound whose last part is written as a form: "trondheimsskulen" →
        "trondheimsskolen"."""
        for variant, standard in self._forms.items():
            head = word[: -len(variant)]
            if len(variant) >= 4 and word.endswith(variant) and len(head) >= MIN_PART:
                candidate = head + standard.replace(" ", "")
                if self._known(candidate):
                    return (candidate,)
        return ()

    def _compound(self, word: str) -> tuple[str, ...]:
        """An unknown compound of two known words, the longest head first, a linking s or e
        dropped: "engelsksamlinga" → "engelsk samlinga", "trinnslærera" → "trinn lærera"."""
        if len(word) < 2 * MIN_PART + 2 or (self._spell is not None and self._spell(word) != word):
            return ()
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            # (the tail in dialect too: "engelsksamlingan" → "engelsk samlinger")
            read = (tail,) if self._known(tail) else self._ending(tail)
            if not read or (read[0] != tail and read[0] in self._function_words):
                continue  # (but not "plangruppa" → "plan grupper")
            for candidate in (head, head[:-1] if head[-1] in "se" else ""):
                if candidate in _ORDINAL_HEADS:  # "førstesamlinga" → "første samlinga"
                    return (_ORDINAL_HEADS[candidate], *read)
                if candidate in self._function_words:
                    continue
                if len(candidate) >= MIN_PART and self._known(candidate):
                    return (candidate, *read)
        return ()

    def _squeezed(self, word: str) -> tuple[str, ...]:
        """A letter typed once too often or too few: "dettte" → "dette", "hvemm" → "hvem"."""
        if len(word) > _LONGEST_PART or self._mended(word):
            return ()  # "samlig" is a slip of "samling" the speller mends, not "samllig"
        tripled = re.sub(r"(.)\1\1+", r"\1\1", word)  # "dettte" → "dette"
        candidates = [tripled] if tripled != word else []
        candidates += [
            word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1]
        ]
        # … or once too few: "samen" → "sammen", "komer" → "kommer"
        candidates += [
            word[: i + 1] + word[i:]
            for i in range(1, len(word) - 1)
            if word[i] in _DOUBLED and word[i - 1] != word[i] != word[i + 1]
        ]
        return next(((c,) for c in candidates if self._known(c)), ())

    def _run_together_once(self, word: str) -> tuple[str, ...]:
        """`_run_together`, worked out once per word."""
        key = f"\0{word}"  # kept apart from the folded words of `_word`
        cached = self._cache.get(key)
        if cached is None:
            cached = self._run_together(word)
            if len(self._cache) < _CACHED_WORDS:
                self._cache[key] = cached
        return cached

    def _run_together(self, word: str) -> tuple[str, ...]:
        """A message typed without spaces: "hvaerdekom" → "hva er dekom",
        "nårersamlingenforførstetrinn". Each part is a small word that never starts a compound
        ("er", "for", "det") or a known word of its own, and a small word counts less than a
        word ("hva er dekom", not "hvaer dekom"). Two parts are split here only when one is a small
        word; two words alone are a compound (`_compound`)."""
        if len(word) < _RUN_TOGETHER:
            return ()
        best: list[tuple[int, tuple[str, ...]] | None] = [(0, ())] + [None] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - _LONGEST_PART), end - 1):
                before, piece = best[start], fold(word[start:end])
                if before is None or not self._a_part(piece):
                    continue
                cost = before[0] + (1 if piece in _GLUE else _WORD_COST)
                current = best[end]
                if current is None or cost < current[0]:
                    best[end] = (cost, (*before[1], piece))
        found = best[len(word)]
        parts = found[1] if found else ()
        several = len(parts) > _TWO or (len(parts) == _TWO and not _GLUE.isdisjoint(parts))
        ends_in_a_word = bool(parts) and parts[-1] not in _GLUE  # "leseaktiviteter" ≠ "… er"
        return parts if several and ends_in_a_word else ()

    def _a_part(self, piece: str) -> bool:
        if piece in _GLUE:
            return True
        if piece in self._forms:
            return len(piece) >= MIN_PART  # "forbhg": "for" and the form "bhg"
        return (
            len(piece) >= MIN_JOINED - 2
            and (piece not in self._function_words or len(piece) >= _LONG_SMALL_WORD)
            and self._known(piece)
        )

    def _two_small(self, word: str) -> tuple[str, ...]:
        """ "erdet", "nårvar", "ermed", "forbhg": a short unknown word that is a small word
        (`_GLUE`) and another small word, or an abbreviation, typed without the
        space. Only small words: "forhold", "sommer" and "videre" are words of their own."""
        if len(word) > _TWO_SMALL or self._mended(word) or word in self._targets:
            return ()  # "dekomm" is a slip of "dekom" the speller mends; "eier" is a word
        for at in range(_TWO, len(word) - 1):
            first, second = word[:at], word[at:]
            small = second in _SECOND and len(second) >= MIN_PART  # not "korte": "kor te"
            if first in _GLUE and (small or self._abbreviation(second)):
                return (first, *self._word(second))
        return ()

    def _mended(self, word: str) -> bool:
        """Whether the speller takes the word for a slip of a known one ("samlig", "dekomm")."""
        return len(word) >= SPELLED_LENGTH and self._spell is not None and self._spell(word) != word

    def _small_form(self, word: str) -> bool:
        """A form's word that is a small word ("hvem", "er"; not "områder" of "areas")."""
        return word in self._targets and (word in self._function_words or len(word) <= _TWO)

    def _abbreviation(self, piece: str) -> bool:
        """ "bhg", "trh": a form with no vowel, so never the end of a word ("forsker")."""
        return piece in self._forms and len(piece) >= MIN_PART and not _VOWELS & set(piece)

    def _split(self, word: str) -> tuple[str, ...]:
        for head in self._heads:
            rest = word[len(head) :]
            if word.startswith(head) and len(rest) >= MIN_PART and self._known(rest):
                return (head, rest)
        return ()

    def _join(self, words: list[str]) -> list[str]:
        """Join neighbours that make a known word together, with or without a linking s. Of
        three words that join either way, the last two are the compound: "trondheim skole
        bibliotek" is Trondheim's "skolebibliotek"."""
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words):
                joined = self._joined(words[i], words[i + 1])
                if (
                    joined is not None
                    and i + 2 < len(words)
                    and self._joined(words[i + 1], words[i + 2]) is not None
                ):
                    joined = None  # the last two of three are the compound
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
            out.append(words[i])
            i += 1
        return out

    def _joined(self, first: str, second: str) -> str | None:
        if first.isdigit() or second.isdigit() or len(first) < MIN_PART or len(second) < MIN_PART:
            return None
        if self._small_form(first) or self._small_form(second):
            return None  # a form's small word ("hvem", "er") is never part of a compound
        if first in _QUESTION_WORDS:
            return None  # nor a question word: "when does" is no "nardos"
        for candidate in (first + second, first + "s" + second, first.removesuffix("s") + second):
            # (a word that only ends like an inflection is no compound: "prosjekt heter" of
            # "project called" is not "prosjektheter", stemmed "prosjekt")
            if (
                len(candidate) >= MIN_JOINED
                and self._known(candidate)
                and stem(candidate) != stem(first)
            ):
                return candidate
        return None


# (as the forms have read them: "ka" is "hva", "when" is "når")
_QUESTION_WORDS = frozenset(fold(word) for word in INTERROGATIVES)
# A first part that says which samling ("førstesamlinga", "nestesamling"), as folded
_ORDINAL_HEADS = {"forste": "forste", "forst": "forste", "neste": "neste", "siste": "siste"}


def _each_read(typed: Sequence[str]) -> list[str]:
    """Nynorsk "kvar" is "hvor" and "hver": "kvar for seg", "kvar kommune" say "hver". And
    "me" is "med" in dialect ("e Oppdal me?"), but English after "for" ("is there something for
    me?")."""
    return [
        "hver"
        if (word == "kvar" and typed[i + 1 : i + 2] and typed[i + 1] in _EACH_BEFORE)
        or (word == "var" and tuple(typed[i + 1 : i + 3]) in _EACH_ALONE)  # Swedish "var för sig"
        else "meg"
        if word == "me" and i > 0 and typed[i - 1] in ("for", "to")
        else word
        for i, word in enumerate(typed)
    ]


_EACH_ALONE = frozenset({("för", "sig"), ("for", "sig"), ("for", "seg")})
_EACH_BEFORE = frozenset(
    {"for", "einaste", "enkelt", "einskild", "kommune", "skule", "barnehage", "dag", "veke",
     "år", "gong", "gang", "lærar", "elev", "barn", "tilsett", "einskilde"}
)  # fmt: skip


def _without_run(words: list[str], run: list[str], key: Callable[[str], str] = str) -> list[str]:
    """`words` with the first occurrence of `run` taken out, comparing `key(word)`."""
    size = len(run)
    keys = [key(word) for word in words]
    for i in range(len(words) - size + 1):
        if keys[i : i + size] == run:
            return words[:i] + words[i + size :]
    return words


def synonyms_as_read(groups: Sequence[Sequence[str]], forms: Mapping[str, str]) -> list[list[str]]:
    """The synonym groups with each phrase also as a question reads it after its word forms:
    questions reach the synonyms only after "day" has become "dag", so the English "day of the
    week" is also "dag av the uke" (of "ukedag"). `forms` are lower case, as typed."""
    result = []
    for group in groups:
        read = [
            " ".join(forms.get(word, word) for word in phrase.lower().split()) for phrase in group
        ]
        result.append([*group, *(phrase for phrase in read if phrase not in group)])
    return result
