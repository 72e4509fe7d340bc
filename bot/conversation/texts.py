"""The conversation's own Norwegian sentences, in one place so they read consistently."""

from __future__ import annotations

EXAMPLE = "«Når er neste samling?»"
NEXT_QUESTION = "Når er neste samling?"  # what /neste asks the engine

WELCOME_TITLE = "Velkommen til Kompetansebot 👋"
WELCOME = (
    "Jeg svarer på spørsmål om kompetanseutvikling i barnehage og skole:\n"
    "• samlinger: når neste er, hvor, hvem de er for, påmeldingsfrist og om de er avlyst\n"
    "• ordninger som DEKOM, REKOM og Kompetanseløftet\n"
    "• fokusområdene og satsingene i Trondheimsskolen og Gauldalsregionen\n\n"
    f"Skriv spørsmålet slik du ville sagt det, for eksempel {EXAMPLE} eller «Hva er DEKOM?». "
    "Du kan også trykke på en knapp under, eller skrive /hjelp for å se alt jeg kan."
)
WELCOME_GROUP = (
    "I grupper svarer jeg på kommandoer, når noen nevner meg med @-navnet mitt, "
    "og når noen svarer på en av meldingene mine."
)
LINK_NOT_FOUND = "Lenken du fulgte, peker på noe jeg ikke finner lenger. Her er det jeg kan:"

HELP_COMMANDS = "Kommandoer:"
HELP_ADMIN = "For koordinatorer:"

UNKNOWN_COMMAND = "Kommandoen {command} kjenner jeg ikke. Skriv /hjelp for å se hva jeg kan."
UNKNOWN_COMMAND_PLAIN = "Den kommandoen kjenner jeg ikke. Skriv /hjelp for å se hva jeg kan."
ADMIN_ONLY = (
    "Beklager, denne kommandoen er bare for koordinatorene som holder kunnskapsbasen ved like. "
    "Skriv /hjelp for å se hva jeg kan hjelpe deg med."
)
PRIVATE_ONLY = (
    "Koordinatorverktøyene virker bare i en privat chat med meg, så ikke hele gruppen ser "
    "svarene. Skriv kommandoen til meg direkte."
)
GROUP_ADMINS_ONLY = "I en gruppe kan bare gruppens administratorer endre eller slette påminnelsene."
ONLY_TEXT = f"Jeg forstår bare tekst. Skriv spørsmålet ditt med ord, for eksempel {EXAMPLE}"

UPCOMING_TITLE = "Kommende samlinger"
UPCOMING_NONE = "Jeg kjenner ikke til noen kommende samlinger nå."
UPCOMING_HINT = "Trykk på en samling for å se mer."
PAST_TITLE = "Tidligere samlinger"
PAST_NONE = "Jeg kjenner ikke til noen tidligere samlinger."
PAST_MORE = "Viser de {shown} siste av {total}."

SCHEMES_TITLE = "Ordninger"
SCHEMES_INTRO = "Dette er ordningene jeg kjenner til. Trykk på en for å lese mer."
FOCUS_TITLE = "Fokusområder"
FOCUS_INTRO = "Dette er fokusområdene jeg kjenner til. Trykk på et for å lese mer."
NOTHING_OF_KIND = "Jeg har ingen {what} i kunnskapsbasen ennå."

BUTTON_NEXT = "📅 Neste samling"
BUTTON_UPCOMING = "🗓 Kommende samlinger"
BUTTON_PAST = "🕘 Tidligere samlinger"
BUTTON_TELL_ME = "🔔 Få beskjed om nye samlinger"
BUTTON_SCHEMES = "📚 Ordninger"
BUTTON_FOCUS = "🎯 Fokusområder"
BUTTON_HELP = "❓ Hjelp"
BUTTON_REMIND = "🔔 Påminn meg"
BUTTON_CALENDAR = "📅 Legg i kalender"
BUTTON_GOOD = "👍"
BUTTON_BAD = "👎"
BUTTON_HANDOVER = "Spør en koordinator"
BUTTON_REGISTER = "✍️ Meld deg på"  # a link button under a samling that takes registrations
BUTTON_READ_MORE = "🔗 Les mer"  # a link button under any other entry with a url

# Short notices shown where a button was pressed (Telegram allows 200 characters).
BUTTON_BROKEN = "Denne knappen virker ikke. Skriv /start for å begynne på nytt."
BUTTON_ELSEWHERE = "Denne knappen hører til et svar i en annen chat og kan ikke brukes her."
BUTTON_OUTDATED = "Denne knappen er fra en eldre versjon av meg. Skriv /start for nye knapper."
ENTRY_GONE = "Dette finner jeg ikke lenger i kunnskapsbasen. Skriv /start for å begynne på nytt."
NOT_AN_EVENT = "Dette er ikke en samling. Skriv /samlinger for å se samlingene."
EVENT_OVER = "Denne samlingen er allerede over."
EVENT_CANCELLED = "Denne samlingen er avlyst."

INLINE_NEXT_TITLE = "Neste samling"
INLINE_UNKNOWN_TITLE = "Fant ikke noe sikkert svar"

SOMETHING_WENT_WRONG = "Beklager, noe gikk galt hos meg. Prøv igjen om litt."
SERVICE_MISSING = "Påminnelser og kalender er ikke tilgjengelige akkurat nå."
