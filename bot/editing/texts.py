"""The editing dialogues' Norwegian sentences, in one place so they read consistently."""

from __future__ import annotations

NEW_DESCRIPTION = "Legg inn en ny samling"
EDIT_DESCRIPTION = "Endre en kommende samling"
CANCEL_DESCRIPTION = "Avlys en kommende samling"
UNDO_DESCRIPTION = "Angre din siste endring"
CHANGES_DESCRIPTION = "De siste endringene i samlingene"

PRIVATE_ONLY = "Samlinger redigerer du i en privat chat med meg, ikke i en gruppe."
STEPS_INTRO = (
    "Ny samling. Svar på spørsmålene ett og ett; skriv «avbryt» når som helst for å slutte.\n"
    "Tips: du kan også skrive alt i én melding, én linje per felt, f.eks.\n"
    "/nysamling\ntitle: Nettverkssamling skole\nstart: 14.01.2027\naudience: skole"
)
PROMPTS = {
    "title": "Hva heter samlingen?",
    "start": "Hvilken dag? F.eks. 14.01.2027, 14. januar, onsdag 13. januar eller neste onsdag.",
    "start_time": "Når begynner den? F.eks. 09:00.",
    "end_time": "Når slutter den? F.eks. 15:30.",
    "format": "Er den med fysisk oppmøte eller digital?",
    "platform": "Hvilken plattform? F.eks. Zoom eller Teams.",
    "location": "Hvor er den? F.eks. Oppdal kulturhus.",
    "audience": "Hvem er den for? Trykk på én eller flere, så «Ferdig».",
    "scheme": "Hører den til en ordning?",
    "region": "Hvilken region eller hvilket nettverk?",
    "deadline": "Når er påmeldingsfristen? F.eks. 1. januar.",
    "url": "Lenke til påmelding eller mer informasjon (https://…)?",
    "answer": "En kort beskrivelse for lærerne?",
    "end": "Siste dag, hvis den går over flere dager? F.eks. 15.01.2027.",
    "organisers": "Hvem arrangerer? Skriv navn med komma mellom.",
}
SKIP = "Hopp over"
DONE = "Ferdig"
REMOVE = "Fjern verdien"
CANCEL = "Avbryt"
SAVE = "💾 Lagre"
CANCEL_EVENT = "❌ Avlys samlingen"
CANCELLED_DIALOGUE = "Avbrutt. Ingenting er lagret."
EXPIRED = "Den samtalen er utløpt. Begynn på nytt med /nysamling, /endresamling eller /avlys."
REQUIRED = "Dette feltet må fylles ut."
PROBLEM = "Det går ikke: {problem}."
PREVIEW = "Slik ser lærerne samlingen. Trykk «Lagre» for å legge den ut."
PREVIEW_EDIT = "Slik ser lærerne samlingen etter endringen. Trykk «Lagre» for å legge den ut."
SAVED = "Lagret: «{title}». Den er med i svarene nå, og abonnentene får beskjed."
SAVED_EDIT = (
    "Lagret: {label} for «{title}» er endret. Abonnentene får beskjed når tid eller sted endres."
)
NO_COMING = "Det er ingen kommende samlinger å velge mellom."
PICK_EDIT = "Hvilken samling vil du endre?"
PICK_FIELD = "Hva vil du endre i «{title}»?"
PICK_CANCEL = "Hvilken samling vil du avlyse?"
CONFIRM_CANCEL = "Vil du avlyse «{title}» ({day})? Alle som abonnerer, får beskjed."
CANCELLED = "«{title}» er avlyst. Abonnentene får beskjed."
ALREADY_CANCELLED = "«{title}» er allerede avlyst."
UNDONE = "Angret: {what}."
CHANGES_TITLE = "Siste endringer"
NO_CHANGES = "Ingen samlinger er endret fra Telegram ennå."
FAST_PATH_UNKNOWN = "linje {line}: '{name}' er ikke et felt; bruk {fields}"
FAST_PATH_FORMAT = "linje {line}: skriv felt: verdi, f.eks. start: 14.01.2027"
FAST_PATH_PROBLEM = "linje {line} ({name}): {problem}"
FAST_PATH_MISSING = "{name} mangler: {prompt}"
FAST_PATH_HEADER = "Samlingen er ikke klar ennå:"
