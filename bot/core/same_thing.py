"""Whether two names mean the same thing: "er den desentraliserte ordningen det samme som DEKOM?"

The vocabulary's synonyms say which names are one entry, so "den desentraliserte ordningen" and
"DEKOM" are one scheme ("Ja."), and a follow-up ("er det det samme som REKOM?" after DEKOM)
compares the chat's last subject with the one named ("Nei."). Two different names in one
question ("er REKOM det samme som DEKOM?") are answered with the other schemes named at once
(`bot.core.subject_answers`).
"""

from __future__ import annotations

from bot.core.fact_answers import summary
from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.question import Question
from bot.core.text import stem

SAME_WORDS = frozenset({"samme", "same", "sama", "sammen", "lik", "like"})  # "det sammå"
_SAME_TERMS = frozenset(stem(word) for word in SAME_WORDS)


def asks_if_same(q: Question) -> bool:
    """ "er X det samme som Y?", "e det samme som dekom?"."""
    return q.yes_no and not SAME_WORDS.isdisjoint(q.words) and "som" in q.words


def same_or_not(q: Question, last: Entry | None, kb: KnowledgeBase) -> tuple[str, Entry] | None:
    """ "Ja. …" or "Nei. …" and the entry named, when the question asks whether one name is the
    same as another and names one entry (or compares the chat's last subject with it)."""
    if not asks_if_same(q):
        return None
    named = [kb.get(entry_id) for entry_id in q.filters.schemes | q.filters.regions]
    entries = [entry for entry in named if entry is not None]
    if len(entries) != 1:
        return None
    other = entries[0]
    at = next((i for i, term in enumerate(q.terms) if term in _SAME_TERMS), None)
    if at is None:
        return None
    before, after = set(q.terms[:at]), set(q.terms[at + 1 :])
    if other.id in before and other.id in after:  # both names are the one entry's
        return f"Ja. {summary(other)}", other
    if last is None or other.id in before:  # "er det det samme som …?" asks of the last one
        return None
    if last.id == other.id:  # "er det det samme som DEKOM?" after DEKOM
        return f"Ja. {summary(other)}", other
    return f"Nei. {summary(last)} {summary(other)}", other
