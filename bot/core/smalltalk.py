"""Small talk: greetings, thanks, "er du en robot?" — and telling it from a question.

"tusen takk, det hjalp masse!" is small talk; "takk, men når er fristen?" and "kan du hjelpe
meg med matteleksa?" are questions, answered (or refused) as such.
"""

from __future__ import annotations

from bot.core import help_texts
from bot.core.index import SearchResult
from bot.core.question import Question
from bot.core.question_words import CUE_WORDS, Cue
from bot.core.reply import Intent, Reply
from bot.core.subjects import EVENT_CUES
from bot.core.text import fold

SMALLTALK_LEXICAL = 0.5  # small talk with words that match an entry this well is a question
_CHATTER_WORDS = 3  # small talk with more content words than this is a question
_CHATTER = frozenset({Cue.GREETING, Cue.THANKS, Cue.GOODBYE, Cue.IDENTITY})
# "har du tid til et par spørsmål før første time?" asks whether it may ask
_ASKING_TO_ASK = tuple(
    fold(phrase)
    for phrase in (
        "har du tid", "kan jeg spørre", "par spørsmål", "noen spørsmål", "kan du svare",
        "svarer du", "det du som kan svare",
    )
)  # fmt: skip
_ABOUT_THE_BOT = (("er", "dette"), ("er", "du"), ("hva", "er"), ("hvem", "er"))


def only_chatter(q: Question, search: SearchResult) -> bool:
    """ "tusen takk, det hjalp masse!": small talk whose other words match no entry."""
    asks_to_ask = q.has(Cue.HELP) and any(phrase in fold(q.text) for phrase in _ASKING_TO_ASK)
    if not (q.cues & _CHATTER or asks_to_ask) or q.has(*EVENT_CUES, *_ASKING_FOR):
        return False  # "hvilke ordninger er det snakk om?" asks, whatever "snakk" sounds like
    if q.has(Cue.HELP) and not q.has(Cue.THANKS) and not asks_to_ask:
        return False  # "kan du hjelpe meg med matteleksa?" is a question
    if asks_to_ask and not q.period:
        return True  # "e det du som kan svare på ting om kompetanse i barnehagen?": yes, ask
    words = list(q.words)
    while words and words[0] in _GREETINGS:
        words = words[1:]  # "hei, er dette boten …?"
    if q.has(Cue.IDENTITY) and tuple(words[:2]) in _ABOUT_THE_BOT:
        return True  # "er dette chatten for kompetansenettverket?" asks what the bot is
    # "god morgen, travel dag i dag 😅" tells; "hei, noe i dag?" asks about a day
    asks = q.yes_no or "?" in q.text or bool(q.cues - _CHATTER)
    if (q.period is not None and asks) or q.filters or len(q.content) > _CHATTER_WORDS:
        return False
    return not any(hit.lexical >= SMALLTALK_LEXICAL for hit in search.hits)


_ASKING_FOR = (Cue.LIST, Cue.WHO, Cue.WHEN, Cue.COUNT, Cue.DEADLINE, Cue.FOR_WHOM)


def helps_towards(q: Question) -> bool:
    """ "ka ska den hjelp te me?": what something named before is to help with ("hjelpe til
    med"), not a call for help."""
    words = q.words
    return (
        q.refers_back
        and "du" not in words
        and any(
            word.startswith("hjelp") and words[i + 1 : i + 2] == ("til",)
            for i, word in enumerate(words)
        )
    )


def smalltalk(q: Question, help_text: str) -> Reply:
    """The reply to small talk; `help_text` is what the bot can answer."""
    if Cue.THANKS in q.cues:
        return Reply(help_texts.THANKS, True, Intent.THANKS)
    if Cue.IDENTITY in q.cues:
        greeting = "Hei! " if _greets(q) else ""  # "hei, er du en robot?"
        return Reply(greeting + help_texts.IDENTITY + "\n\n" + help_text, True, Intent.HELP)
    if Cue.HELP in q.cues:
        # "god morgen, har du tid til et par spørsmål?": a greeting back, and yes
        opening = ("Hei! " if _greets(q) else "") + ("Ja, bare spør! " if q.yes_no else "")
        return Reply(opening + help_text, True, Intent.HELP)
    if Cue.GOODBYE in q.cues:
        return Reply(help_texts.GOODBYE, True, Intent.GOODBYE)
    return Reply(help_texts.GREETING, True, Intent.GREETING)


def _greets(q: Question) -> bool:
    """Whether the message opens with a greeting, in this part or in the part before it."""
    opening = (*q.context_words[:1], *q.words[:1])
    return Cue.GREETING in q.cues or not _GREETINGS.isdisjoint(opening)


_GREETINGS = frozenset(phrase for phrase in CUE_WORDS[Cue.GREETING] if " " not in phrase)
