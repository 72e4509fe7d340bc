"""The coordinator tools' Norwegian sentences, in one place."""

from __future__ import annotations

# -- commands (descriptions for /hjelp) -------------------------------------------------------

STATS_DESCRIPTION = "Bruk av boten: spørsmål per dag, svarandel, ubesvarte"
UNANSWERED_DESCRIPTION = "De siste ubesvarte spørsmålene, gruppert"
ANNOUNCE_DESCRIPTION = "Send en kunngjøring til alle abonnenter"
OPPDATER = "Last kunnskapsbasen på nytt"
RELOAD_CONFIRMED = "Tatt i bruk."
RELOAD_NOT_CONFIRMED = "Ikke tatt i bruk."
RELOAD_CONFIRM_GONE = "Jeg finner ikke denne endringen lenger."
NOTICES_NOT_HELD = "Ingen varsler venter på bekreftelse."
NOTICES_RELEASED = "Abonnentene får nå beskjed om samlingene som er tatt ut."
NOTICES_RELEASED_NOTICE = "Sender …"

# -- /statistikk ------------------------------------------------------------------------------

STATS_TITLE = "Statistikk"
STATS_USAGE = (
    "Skriv /statistikk for de siste 30 dagene, eller et antall dager etter kommandoen, "
    "for eksempel /statistikk 7 (1–365 dager)."
)
STATS_CHART_CAPTION = "Spørsmål per dag (søyler) og andel besvart (linje)."
STATS_HINT = "Se /ubesvarte for alle ubesvarte spørsmål gruppert."
PENDING_HANDOVERS = "Spørsmål som venter på svar fra en koordinator: {count}"

# -- /ubesvarte -------------------------------------------------------------------------------

UNANSWERED_TITLE = "Ubesvarte spørsmål"
UNANSWERED_HINT = (
    "Slik hjelper du boten: legg spørsmålet til under `phrasings` i oppføringen som har svaret, "
    "eller lag en ny oppføring hvis kilden har svaret. Se «Når boten ikke forsto et spørsmål» "
    "i knowledge/README.md."
)

# -- 👍/👎 --------------------------------------------------------------------------------------

FEEDBACK_THANKS = "Takk for tilbakemeldingen!"
FEEDBACK_ALREADY = "Du har allerede gitt tilbakemelding på dette svaret."

# -- hand-over to a coordinator ---------------------------------------------------------------

SOMEONE = "En lærer"  # when Telegram gave no first name
HANDOVER_SENT = (
    "Spørsmålet er sendt til en koordinator. Du får svaret her i samtalen når noen har svart; "
    "det kan ta litt tid."
)
HANDOVER_SENT_NOTICE = "Sendt til en koordinator."
HANDOVER_ALREADY = "Dette spørsmålet er allerede sendt til en koordinator."
HANDOVER_PRIVATE_ONLY = "Skriv til meg i en privat samtale for å spørre en koordinator."
HANDOVER_UNAVAILABLE = "Det er ingen koordinator å sende spørsmålet til akkurat nå."
HANDOVER_GONE = "Jeg finner ikke dette spørsmålet lenger. Skriv det gjerne på nytt."
HANDOVER_NOBODY = (
    "Beklager, jeg fikk ikke sendt spørsmålet til noen koordinator akkurat nå. "
    "Prøv igjen litt senere."
)
HANDOVER_TITLE = "Spørsmål til en koordinator"
HANDOVER_FOR_ADMINS = (
    "{name} spurte:\n«{question}»\n\n"
    "Jeg fant ikke noe sikkert svar. Svar på denne meldingen (trykk på den og velg «Svar»), "
    "så sender jeg svaret ditt til {name}."
)
ANSWER_FOR_ASKER = "En koordinator har svart på spørsmålet ditt «{question}»:\n\n{answer}"
ANSWER_DELIVERED = "Takk! Svaret er sendt til {name}."
ANSWER_ALREADY = "Dette spørsmålet er allerede besvart, så svaret ditt ble ikke sendt."
ANSWER_FAILED = (
    "Jeg fikk ikke sendt svaret til {name} akkurat nå (Telegram svarte ikke). Spørsmålet venter "
    "fortsatt; svar på det igjen om litt. Det kan hende {name} fikk svaret likevel."
)
ANSWER_UNDELIVERABLE = (
    "Jeg fikk ikke levert svaret: {name} har blokkert meg eller slettet samtalen. "
    "Svaret ditt er lagret. Skriver {name} til meg igjen, kan du svare på spørsmålet på nytt."
)

# -- /kunngjoring -----------------------------------------------------------------------------

ANNOUNCEMENT_LIMIT = 4000  # characters; a Telegram message holds 4096 with the heading
ANNOUNCEMENT_HEADING = "📣 Kunngjøring"
ANNOUNCE_USAGE = (
    "Skriv teksten etter kommandoen, for eksempel:\n"
    "/kunngjoring Samlingen 12. mars flyttes til Melhus rådhus. Påmeldingsfristen er 1. mars.\n\n"
    "Du får se kunngjøringen og antallet mottakere før noe sendes."
)
ANNOUNCE_TOO_LONG = (
    "Kunngjøringen er på {length} tegn, men kan være på høyst {limit}. "
    "Kort den ned og prøv igjen. Ingenting er sendt."
)
ANNOUNCE_NO_RECIPIENTS = (
    "Det er ingen aktive abonnenter å sende kunngjøringen til ennå. Ingenting er sendt."
)
ANNOUNCE_NO_BROADCAST = (
    "Kunngjøringer kan bare sendes når boten kjører på Telegram. Ingenting er sendt."
)
ANNOUNCE_PREVIEW_TITLE = "Forhåndsvisning av kunngjøring"
ANNOUNCE_PREVIEW_FOOTER = "Sendes til {recipients}. Trykk «Send» for å sende den, eller «Avbryt»."
BUTTON_SEND = "📣 Send"
BUTTON_CANCEL = "Avbryt"
ANNOUNCE_SENDING = "Sender kunngjøringen til {recipients}. Jeg sier fra her når den er levert."
ANNOUNCE_SENDING_NOTICE = "Sender …"
ANNOUNCE_CANCELLED = "Kunngjøringen er avbrutt. Ingenting er sendt."
ANNOUNCE_CANCELLED_NOTICE = "Avbrutt."
ANNOUNCE_NOT_YOURS = "Bare koordinatoren som skrev kunngjøringen, kan sende eller avbryte den."
ANNOUNCE_GONE = "Jeg finner ikke denne kunngjøringen lenger."
ANNOUNCE_ALREADY = {
    "sending": "Kunngjøringen er allerede på vei.",
    "sent": "Kunngjøringen er allerede sendt.",
    "cancelled": "Kunngjøringen er avbrutt og kan ikke sendes.",
}
ANNOUNCE_REPORT = "Kunngjøringen er sendt. Levert til {delivered}, {deactivated} deaktivert."
ANNOUNCE_REPORT_PARTS = (
    "Den var lang og gikk ut som {parts} meldinger; «levert» betyr at alle {parts} kom frem."
)
ANNOUNCE_REPORT_PARTIAL = (
    "{partial} fikk bare noen av meldingene (feil hos Telegram eller usikkert om resten kom frem)."
)
ANNOUNCE_REPORT_DEACTIVATED = "(De deaktiverte har blokkert boten og får ikke flere meldinger.)"
ANNOUNCE_REPORT_MISSED = (
    "{missed} kunne ikke leveres (feil hos Telegram eller usikkert om de kom frem)."
)
ANNOUNCE_FAILED = (
    "Kunngjøringen stoppet på veien (for eksempel fordi databasen ikke svarer). Jeg prøver igjen "
    "til den går gjennom, og sier fra her når den er levert; ingen får den to ganger."
)


def chats(count: int) -> str:
    return f"{count} chat" if count == 1 else f"{count} chatter"


def subscribers(count: int) -> str:
    return f"{count} abonnent" if count == 1 else f"{count} abonnenter"
