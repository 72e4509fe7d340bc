"""The engine's words when it does not answer from the knowledge: greeting, thanks, goodbye,
help, not knowing, and a question it cannot read. Plain bokmål, like `bot.core.answers`.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.answers import join_words, short_title
from bot.core.knowledge import Entry, Kind, KnowledgeBase

EXAMPLE = "«Når er neste samling?»"
THANKS = "Bare hyggelig! Si fra hvis du lurer på noe mer."
GOODBYE = "Ha det bra! Lykke til med arbeidet."
GREETING = (
    "Hei! Jeg er Kompetansebot. Spør meg om samlinger, påmeldingsfrister og ordninger "
    f"som DEKOM og REKOM – for eksempel {EXAMPLE}"
)
IDENTITY = (
    "Jeg er Kompetansebot, en chatbot – et dataprogram, ikke et menneske. Svarene mine bygger "
    "på sidene til Trondheim kommune og Gauldalsregionen."
)
UNSUPPORTED = "Det står ikke i kildene mine, så det kan jeg ikke svare sikkert på."
DONT_KNOW = (
    "Det vet jeg dessverre ikke. Jeg svarer om samlinger, frister og ordninger som DEKOM og "
    "REKOM. Velg et tema under, eller spør på en annen måte."
)
EMPTY_QUESTION = f"Skriv et spørsmål, så skal jeg svare. For eksempel {EXAMPLE}"
NOT_TEXT = f"Jeg forstår bare tekst. Spør meg gjerne om noe, for eksempel {EXAMPLE}"


def too_long(length: int, maximum: int) -> str:
    return (
        f"Spørsmålet er for langt for meg ({length} tegn; maks {maximum}). "
        f"Prøv å spørre kort, for eksempel {EXAMPLE}"
    )


def known_topics(kb: KnowledgeBase) -> str:
    """ "ordninger (DEKOM, REKOM og …), fokusområder (…)": a few of each kind the bot knows."""
    names = kb.vocabulary.kinds
    parts = []
    for kind in (Kind.SCHEME, Kind.FOCUS_AREA, Kind.PROJECT, Kind.NETWORK, Kind.REGION):
        titles = [short_title(e) for e in kb if e.kind == kind][:3]
        if titles and kind in names:
            parts.append(f"{names[kind].plural} ({join_words(titles)})")
    return join_words(parts) if parts else "temaene i kunnskapsbasen"


def topic_entries(kb: KnowledgeBase) -> tuple[Entry, ...]:
    """The entries offered as buttons when the bot does not know: one scheme, one network or
    region, one focus area, in the order of the knowledge base."""
    chosen: list[Entry] = []
    for kinds in ((Kind.SCHEME,), (Kind.REGION, Kind.NETWORK), (Kind.FOCUS_AREA, Kind.PROJECT)):
        found = next((entry for entry in kb if entry.kind in kinds), None)
        if found is not None:
            chosen.append(found)
    return tuple(chosen)


def help_text(topics: str) -> str:
    return (
        "Jeg svarer på spørsmål om kompetanseutvikling i barnehage og skole:\n"
        "• samlinger: når neste er, hvor, hvem de er for, påmeldingsfrist og om de er avlyst\n"
        "• samlinger i en periode: «i morgen», «neste uke», «i oktober», «i høst»\n"
        f"• {topics}\n"
        f"Skriv spørsmålet slik du ville sagt det, for eksempel {EXAMPLE} "
        "eller «Hva er DEKOM?». Nynorsk går fint."
    )


def did_you_mean(titles: Sequence[str]) -> str:
    lines = ["Jeg er ikke helt sikker på hva du mener. Mente du …?"]
    lines += [f"• {title}" for title in titles]
    return "\n".join(lines)
