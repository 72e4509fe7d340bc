"""Yes or no to a negated question or claim: "Planen er ikke på plass, stemmer det?" and "er
ikke planen på plass?".

The verdicts (`bot.core.yes_no`, `bot.core.samling_verdicts`) judge what is said without its
"ikke": whether the plan is in place. A claim that denies it is then false when that holds
("Nei.") and true when it does not ("Ja."); a question put in the negative is answered "Jo."
where the thing holds, as Norwegian does ("Er ikke planen på plass?" "Jo. …").
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bot.core.question import Question
from bot.core.reply import Reply


def with_negation(q: Question, reply: Reply) -> Reply:
    """The reply with its verdict turned for a negated yes/no question or claim."""
    if not (q.yes_no and reply.confident and negated(q.words)):
        return reply
    verdict = _VERDICT.match(reply.text)
    if verdict is None:
        return reply
    said, rest = verdict.group(1), reply.text[verdict.end(1) :]
    if q.claimed:
        turned = "Nei" if said == "Ja" else "Ja"
    elif said == "Ja":
        turned = "Jo"
    else:
        return reply  # "Er ikke Malvik med?" "Nei, Malvik er ikke med …"
    return replace(reply, text=turned + rest)


def negated(words: tuple[str, ...]) -> bool:
    """Whether the words deny something: "ikke", "aldri", "ingenting", but not "ikke bare"
    (a claim of more), "ikke sant" or a tag at the end ("…, gjorde den ikke")."""
    claim = list(words)
    while len(claim) >= 2 and (claim[-1] in DENIALS or claim[-1] in _TAG_ENDS):
        claim.pop()  # "…, eller ikke", "… ikke sant", "gjorde den ikke"
    for word, after in pairwise([*claim, ""]):
        if word in DENIALS and after not in _NOT_NEGATING:
            return True
        if word in _NOTHING:
            return True
    return False


_VERDICT = re.compile(r"^(Ja|Nei)[.,]")
DENIALS = frozenset({"ikke", "ikkje", "aldri"})  # folded, as the question's words are
_NOTHING = frozenset({"ingenting", "intet"})
_NOT_NEGATING = frozenset({"bare", "berre", "bere", "sant", "minst", "lenger"})
_TAG_ENDS = frozenset({"sant", "det", "den", "riktig", "stemmer", "eller"})
