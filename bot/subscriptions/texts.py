"""The Norwegian sentences of subscriptions, reminders and calendar files, in one place."""

from __future__ import annotations

# Command descriptions (the /hjelp list and Telegram's command menu).
ABONNER = "Få påminnelser om samlinger"
MINE = "Se og endre abonnementene dine"
AVMELD = "Slutt å få påminnelser"
KALENDER = "Samlingene som kalenderfil (.ics)"
SLETTMEG = "Slett alt som er lagret om deg"

SUBSCRIBED_ALL = "Du får påminnelser om {scope}: {lead_times}. Vil du snevre inn?"
ALREADY_ALL = "Du får allerede påminnelser om {scope}: {lead_times}. Vil du snevre inn?"
NARROWED = "Lagret. Nå får du bare påminnelser om {scope}: {lead_times}."
WIDENED = "Lagret. Nå får du påminnelser om {scope}: {lead_times}."
ALSO_CHANGES = "Blir en samling flyttet eller avlyst, får du beskjed."
COMING_IN_SCOPE = "Kommende samlinger:"
NONE_IN_SCOPE = "Akkurat nå er det ingen kommende samlinger her; du får beskjed når det kommer en."
NARROW_TITLE = "Påminnelser"
SAVED = "✅ Lagret"
CHOOSE_EVENT = "Hvilken samling vil du ha påminnelser om?"
NO_EVENTS = "Det er ingen kommende samlinger å velge nå."

LEAD_TIMES_TITLE = "Tidspunkter"
LEAD_TIMES_INTRO = "Når vil du ha påminnelser om {scope}? Trykk for å slå av og på."
LEAD_TIMES_NOW = "Nå: {lead_times}."
LEAD_TIMES_SAVED = "Lagret: {lead_times}"
LEAD_TIMES_LAST = "Velg minst ett tidspunkt, eller fjern abonnementet i /mine."

MINE_TITLE = "Dine abonnementer"
MINE_NONE = (
    "Du abonnerer ikke på noe. Skriv /abonner for å få påminnelser om alle kommende samlinger."
)
MINE_LINE = "{number}. {scope}: {lead_times}"
MINE_PAUSED = (
    "Påminnelsene er satt på pause fordi boten ikke fikk sendt til denne chatten. "
    "De starter igjen nå som du skriver til meg."
)
MINE_HINT = "Trykk for å endre tidspunktene eller fjerne et abonnement."
REMOVED = "Fjernet: {scope}"
SUBSCRIPTION_GONE = "Det abonnementet finnes ikke lenger. Skriv /mine for å se dem du har."

ASK_UNSUBSCRIBE = (
    "Vil du melde av alle ({count})? Da får du ingen flere påminnelser, og ingen beskjed når "
    "en samling flyttes eller avlyses."
)
UNSUBSCRIBED = (
    "Ferdig: du får ingen flere påminnelser ({count} fjernet). Skriv /abonner for å få dem "
    "igjen, eller /slettmeg for å slette alt jeg har lagret om denne chatten."
)
NOTHING_TO_UNSUBSCRIBE = "Du har ingen abonnementer, så det er ingenting å melde av."
ASK_FORGET = (
    "Dette har jeg lagret fra denne chatten: {what}. Vil du slette alt? Det kan ikke angres."
)
FORGOTTEN = "Slettet: {what}. Jeg har ikke noe mer lagret fra denne chatten."
NOTHING_STORED = "Jeg har ikke lagret noe om denne chatten, så det er ingenting å slette."
THE_CHAT = "chat-id-en"
KEPT = "Greit, ingenting er endret."
DONE = "✅ Ferdig"

REMIND_PLAN = "🔔 Du får påminnelse om «{title}»:"
REMIND_NOTHING = (
    "🔔 «{title}» er lagt inn, men tidspunktene du har valgt, gir ingen påminnelse om denne. "
    "Du får beskjed hvis den flyttes eller avlyses."
)
REMIND_NO_DEADLINE = (
    "Samlingen har ingen påmeldingsfrist, så det kommer ingen påminnelse om fristen."
)
REMIND_PASSED = "For sent for: {lead_times}."
REMIND_CHOOSE_OTHER = "Trykk «⏰ Velg tidspunkter» for å velge et annet tidspunkt."
REMIND_REUSED = (
    "Tidspunktene er de samme som i abonnementet ditt på {scope}. Trykk «⏰ Velg tidspunkter» "
    "for å endre dem for denne samlingen."
)
NARROW_REUSED = "Tidspunktene er de samme som du hadde valgt før."
NEXT_REMINDER = "Neste påminnelse: «{title}» ({lead_time}), {moment}."
ONLY_DEADLINE = (
    "⚠️ Abonnementet på {scope} har bare «2 dager før påmeldingsfristen», men ingen av de "
    "kommende samlingene der har påmeldingsfrist. Da får du ingen påminnelser om dem. "
    "Slå på et tidspunkt til."
)
ONLY_DEADLINE_EVENT = (
    "⚠️ «{title}» har ingen påmeldingsfrist, så med bare «2 dager før påmeldingsfristen» får "
    "du ingen påminnelse om den. Slå på et tidspunkt til."
)
NOTHING_PLANNED = (
    "⚠️ Med disse tidspunktene får du ingen påminnelser om de kommende samlingene i "
    "abonnementet på {scope}: det er for sent for dem."
)
DEADLINE_UNUSED = (
    "Ingen av de kommende samlingene i abonnementet på {scope} har påmeldingsfrist, så "
    "påminnelsen om fristen gjelder ingen av dem nå."
)
REMIND_NOTICE = "🔔 Påminnelse lagt inn"
ALREADY_COVERED = "Du får allerede påminnelser om denne samlingen ({scope})."

CALENDAR_ONE = (
    "Kalenderfil for «{title}». Åpne filen for å legge samlingen i kalenderen din. "
    "Endres samlingen, kan du hente en ny fil: den oppdaterer samlingen i stedet for å legge "
    "den inn to ganger."
)
CALENDAR_MANY = (
    "Kalenderfil med {count} kommende {word} ({scope}). Åpne filen for å legge dem i "
    "kalenderen din. Henter du en ny fil senere, blir samlingene oppdatert, ikke lagt inn "
    "to ganger."
)
CALENDAR_NONE = (
    "Det er ingen kommende samlinger i {scope} akkurat nå, så det blir ingen kalenderfil."
)
CALENDAR_MINE = "abonnementene dine"
CALENDAR_ALL = "alle kommende samlinger"
CALENDAR_NOTICE = "📅 Kalenderfil sendt"


BUTTON_ONE_EVENT = "🎯 Én samling"
BUTTON_LEAD_TIMES = "⏰ Velg tidspunkter"
BUTTON_ALL = "↩️ Alle samlinger"
BUTTON_MINE = "📋 Mine abonnementer"
BUTTON_DONE = "✔️ Ferdig"
BUTTON_SUBSCRIBE = "🔔 Abonner på alle samlinger"
BUTTON_CALENDAR = "📅 Kalenderfil"
BUTTON_UNSUBSCRIBE_ALL = "🗑 Fjern alle"
BUTTON_CHANGE = "⏰ {number}: Endre tidspunkter"
BUTTON_REMOVE = "🗑 {number}: Fjern"
BUTTON_BACK = "↩️ Tilbake"
BUTTON_CONFIRM_UNSUBSCRIBE = "🗑 Meld av alle"
BUTTON_CONFIRM_FORGET = "🗑 Slett alt"
BUTTON_KEEP = "Avbryt"
ON = "✅"
OFF = "⬜"
LEAD_TIME_BUTTONS = {
    "week": "1 uke før",
    "day": "1 dag før",
    "morning": "Samme morgen (08:00)",
    "deadline": "2 dager før fristen",
}
