"""The words that say what kind of question it is, and the words that carry no content.

Cue phrases are plain bokmål; nynorsk and dialect reach them through the vocabulary's word forms
and synonyms ("kva" → "hva", "kæm" → "hvem"), and every phrase is normalised through the same
`Normaliser` as the question, so inflections match too ("målene" is "mål").
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Cue(StrEnum):
    # Samlinger and time
    WHEN = "when"
    NEXT = "next"
    PAST = "past"
    DEADLINE = "deadline"
    WHERE = "where"
    WHO = "who"
    FOR_WHOM = "for_whom"  # "hvem er den for?", "målgruppe": the audience, not a person
    CANCELLED = "cancelled"
    EVENT = "event"
    # What is asked about an entry
    WHAT = "what"
    LIST = "list"
    COUNT = "count"
    STANDS_FOR = "stands_for"
    IN_FORCE = "in_force"
    INTRODUCED_BY = "introduced_by"
    FUNDED_BY = "funded_by"
    PERIOD = "period"
    GOALS = "goals"
    MEMBERS = "members"
    PARTNERS = "partners"
    COOPERATION = "cooperation"  # "samarbeider": partners when asked "hvem", else no fact
    DESCRIBED_IN = "described_in"
    DIFFERENCE = "difference"
    OTHER_THAN = "other_than"  # "samarbeider de om noe annet enn kompetanse?"
    UNSUPPORTED = "unsupported"  # prices, passwords, phone numbers: never in the sources
    TIME_OF_DAY = "time_of_day"  # "når på dagen starter den?": known only of timed samlinger
    # Small talk
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    GOODBYE = "goodbye"
    IDENTITY = "identity"


# Cues that make a question one about samlinger (WHERE alone may ask where a region is).
SAMLING_CUES = frozenset({Cue.EVENT, Cue.NEXT, Cue.PAST, Cue.DEADLINE, Cue.CANCELLED})
SMALLTALK_CUES = frozenset({Cue.GREETING, Cue.THANKS, Cue.HELP, Cue.GOODBYE, Cue.IDENTITY})
# Cues that ask for a fact of an entry ("hovedpartner", "finansierer", "målet").
ENTRY_FACT_CUES = frozenset(
    {
        Cue.STANDS_FOR, Cue.IN_FORCE, Cue.INTRODUCED_BY, Cue.FUNDED_BY, Cue.PERIOD, Cue.GOALS,
        Cue.PARTNERS, Cue.DESCRIBED_IN,
    }
)  # fmt: skip
# Cues that ask for something *about* an entry. Their words are taken out of the question's
# content, but the knowledge base's own texts keep them: "samarbeider" in an entry still matches.
SOFT_CUES = frozenset(
    {
        Cue.STANDS_FOR, Cue.IN_FORCE, Cue.INTRODUCED_BY, Cue.FUNDED_BY, Cue.PERIOD, Cue.GOALS,
        Cue.MEMBERS, Cue.PARTNERS, Cue.COOPERATION, Cue.DESCRIBED_IN, Cue.DIFFERENCE,
        Cue.UNSUPPORTED, Cue.IDENTITY,
    }
)  # fmt: skip

# The phrases of each cue, comma-separated; plain bokmål (forms and synonyms reach them).
_CUE_TEXT: Mapping[Cue, str] = {
    Cue.WHEN: (
        "når, dato, datoen, tidspunkt, hvilken dag, kva dag, ukedag, vekedag, hvilket år, "
        "årstall, hva år, hvilke år, hvilken dag i uka, hvilken dag i uken, "
        "hva dag i uka, kva dag i veka, ukedagen"
    ),
    Cue.TIME_OF_DAY: (
        "når på dagen, på dagen, klokka, klokken, klokkeslett, klokkeslettet, hvilket "
        "klokkeslett, kl"
    ),
    Cue.NEXT: (
        "neste, kommende, førstkommende, nærmeste, snart, fremover, framover, på gang, "
        "neste gang, coming up, upcoming"
    ),
    Cue.PAST: (
        "forrige, sist, siste, tidligere, gjennomført, holdt, hittil, avholdt, "
        "over, forbi, nylig, nyleg, i det siste, allerede vært, har den vært, "
        "har ho vore, har den vore, allereie vore, vært ennå, vært enda, vært allerede"
    ),
    Cue.DEADLINE: (
        "frist, fristen, påmeldingsfrist, påmelding, melde, meld, melder, påmeldt, "
        "registrering, søknadsfrist, for sent, tidsnok, rekker, rekke, rakk, rukket, rukke, "
        "åpen, åpent, "
        "gått ut, utløpt, løpt ut, frist ute, fristen ute"
    ),
    Cue.WHERE: (
        "hvor, sted, stedet, adresse, digital, digitalt, fysisk, foregår, foregå, vertskap, "
        "gjennomføres, reise, oppmøte, noensteds, plattform, platform, plattformen, kjøre, kjør, "
        "format, formatet"
    ),
    Cue.WHO: "hvem, deltakere, aktuell",
    Cue.FOR_WHOM: (
        "for hvem, målgruppe, målgruppen, rettet mot, retta mot, ment for, beregnet for, "
        "beregnet på, beregna på, tiltenkt, "
        "yrkesgruppe, yrkesgrupper, hvem gjelder"
    ),
    # ("fortsatt on" is English "still on" as the word forms read it)
    Cue.CANCELLED: (
        "avlyst, avlyse, avlyses, avlysning, avlysninger, utsatt, som planlagt, går som planlagt, "
        "blir noe av, bli noe av, ble noe av, flyttet, flytta, flyttes, fortsatt on, going ahead, "
        "som normalt, som vanlig, as planned"
    ),
    Cue.OTHER_THAN: (
        "annet enn, anna enn, andre enn, noe annet, noko anna, andre ting, anna ting, mer enn, "
        "meir enn, utover, i tillegg til, foruten, bortsett fra, utenom, utanom"
    ),
    Cue.WHAT: (
        "hva, fortell, forklar, betyr, info, informasjon, handler, innebærer, beskriv, går ut "
        "på, heter, kalles, kalt, navnet, navnet på, redegjør, redegjøre, gjøre rede for, bygd på, "
        "basert på, legger opp til, legg opp til, hvordan skjer, mener de med, menes med, "
        "meiner dei med, meinast med, mener dere med"
    ),
    Cue.DIFFERENCE: (
        "forskjell, forskjellen, skilnad, skilnaden, sammenlign, sammenheng, henger sammen, "
        "skiller, skil, difference, differences, differ"
    ),
    # (the parts of a whole are whatever its list has: "hvor mange deler har modellen?")
    Cue.LIST: (
        "hvilke, liste, list, oversikt, alle, hva slags, nevn, rams opp, list opp, hvilke deler"
    ),
    Cue.COUNT: "hvor mange, kor mange, hvordan mange, antall, hvor mye, hvor mange deler",
    Cue.STANDS_FOR: (
        "står for, forkortelse, forkortelsen, kort for, forkortet, forkortes, fork for, "
        "fulle navnet, hele navnet, fullt navn, betegnelsen, fulle betegnelsen, skrevet ut"
    ),
    Cue.IN_FORCE: (
        "i kraft, trådte, tredde, innført, innføres, startet, starta, begynte, siden når, fra "
        "når, avsluttet, i gang, pågår, pågående, til å gjelde, begynte å gjelde, forelå, "
        "foreligger, på plass, ble klar"
    ),
    Cue.INTRODUCED_BY: (
        "står bak, innfører, innførte, laget, bestemt, bestemte, fastsatt, fastsette, "
        "vedtatt, utformet, initiativ, holder, arrangerer, arrangør, arrangøren, organiserer, "
        "organisert, kommer fra, kom fra, stammer fra, innført av, innføres av, innført fra"
    ),
    Cue.FUNDED_BY: (
        "finansierer, finansiert, finansiering, betaler, betalt, pengene, penger, midler, "
        "midlene, tilskudd, tilskuddet, støtte fra"
    ),
    Cue.PERIOD: (
        "periode, perioden, hvor lenge, varighet, fram til, frem til, til når, tidsrom, hvilke "
        "år, hvor mange dager, kor mange dagar, antall dager"
    ),
    Cue.GOALS: (
        "mål, målet, målene, målsetting, hensikt, hensikten, formål, formålet, hvorfor, bidra "
        "til, meningen, poenget, begrunnelse, begrunnelsen, grunnen, årsaken, vekt på, "
        "vektlegges, vektlegg, legges vekt, oppnå, oppnår, oppnås, hovedtanken, hovudtanken, "
        "grunntanken, tanken bak, ideen bak, hovedideen, hovudideen, hovedpoenget, hovudpoenget"
    ),
    Cue.MEMBERS: (
        "med i, er med, består av, medlemmer, medlem, deltakar, en del av, del av, inngår, "
        "hører til, en av, ett av, blant, et av, ei av, utgjør, utgjer, utgjør sammen"
    ),
    Cue.PARTNERS: (
        "partner, samarbeidspartner, samarbeidspartnere, samarbeider med, "
        "samarbeid med, mellom hvem, main partner"
    ),
    Cue.COOPERATION: (
        "samarbeider, samarbeid, samarbeide, samarbeidet, jobber sammen, involvert, involvere, "
        "involverte, delaktig"
    ),
    Cue.DESCRIBED_IN: "beskrevet, beskriver, omtalt, hvor står det",
    Cue.UNSUPPORTED: (
        "hvem er rektor, hvem er leder, hvem er sjef, hvem er styrer, oppvekstsjef, "
        "hvem leder, hvem styrer, kven leier, kven leiar, hvem sitter i, hvem fra, kven fra, "
        "who from, hvem er det som leder, kven er det som leiar, prosjektleder, prosjektlederen, "
        "prosjektleiar, hvilken lærer, kva lærar, which teacher, klage, klage til, lønnstillegg, "
        "who leads, who is in charge, "
        "kommunalsjef, ordfører, hvor mye penger, hvor mye tilskudd, hvor mye støtte, hvor "
        "stort, hvor store, beløp, beløpet, summen, kroner, koster, kostnad, kostnader, pris, "
        "prisen, betale, gratis, avgift, refusjon, refundert, refundere, pengene tilbake, passord, "
        "passordet, telefon, telefonnummer, e-post, "
        "epost, mail, kontaktperson, lønn, parkering, parkere, parkeres, parkeringsplass, lunsj, "
        "mat, servering, møterom, rom, rommet, romnummer, room, auditorium, "
        "møte-id, lenken, lenke, opptak, buss, bussen, tog, toget, skyss, rutetider, "
        "åpningstid, åpningstider, overnatting, hotell, været, vêret, fint vær, dårlig vær, "
        "slags vær, vær var det, vær blir det, "
        "hva vær, blir vær, vær blir, vêrmelding, værmelding, værmeldinga, yr.no, "
        "bra vær, godt vær, piggdekk, vinterdekk, snø, snøen, weather, kaldt, kaldere, kulda, "
        "varmt, varmere, temperaturen, holdt presentasjonen, "
        "holdt foredrag, "
        "holdt foredraget, holdt innlegg, hadde innlegg, hvem hadde innlegg, "
        "hvem presenterte, hvem snakket, hvem underviste, foredragsholder, foredragsholderen, "
        "foredragsholdere, kursholder, innleder, innlederen, foreleser, forelesere, foreleserne, "
        "barnehageplass, barnehageplassen, "
        "skoleplass, sfo-plass, budsjett, budsjettet, budsjettene, skoleferie, høstferie, "
        "vinterferie, juleferie, sommerferie, ferie, foreldremøte, foreldremøtet, "
        "foreldremøter, foreldresamtale, foreldresamtaler, foreldreråd, foreldrekontakt, fau, "
        "midler, midlene, hvor mye penger, ble sagt, vart sagt, hvem er bibliotekar, "
        "hvem er skolebibliotekar, hvem er koordinator, hvem er inspektør, hvem er ansvarlig, "
        "hvem er lærer, hvem er kontaktlærer, tips, gi meg tips, gode råd, noen råd, gi meg råd, "
        "undervisningsopplegg, pensum, pensumet, læreplanen i, kompetansemål, lekser, lærebok, "
        "betalt ekstra, ekstra betalt, får betalt, få betalt, betaling, lønnet, lønnstillegg, "
        "honorar, godtgjørelse, godtgjering, få fri, får fri, fridag, fri fra undervisning, "
        "fritak, permisjon"
    ),
    Cue.EVENT: (
        "samling, samlinger, skjer, arrangement, arrangementer, aktivitet, program, "
        "programmet, agenda"
    ),
    Cue.GREETING: (
        "hei, hallo, heisann, hallais, halla, hey, hi, hello, morn, god morgen, god dag, god "
        "kveld, goddag, står det bra til, hvordan går det, hvordan har du det, er det noen her, "
        "er du der, er du her, er du våken, hej"
    ),
    Cue.THANKS: "takk, tusen takk, takker, mange takk, supert, flott, thanks, thank you, thx",
    Cue.HELP: (
        "hjelp, hjelpe meg, hjelpe oss, hva kan du, hva kan jeg spørre om, meny, har du tid, "
        "kan jeg spørre, et par spørsmål, noen spørsmål, kan du svare på, svarer du på, er det du "
        "som kan svare"
    ),
    Cue.IDENTITY: (
        "hvem er du, hva er du, robot, chatten, boten, chatboten, chatbotten, menneske, bot, "
        "chatbot, maskin, kunstig intelligens, ekte person"
    ),
    Cue.GOODBYE: "ha det, hadet, snakkes, adjø, farvel, ha det bra, bye, nice day, nice dag",
}
CUE_WORDS: Mapping[Cue, tuple[str, ...]] = {
    cue: tuple(phrase.strip() for phrase in text.split(",")) for cue, text in _CUE_TEXT.items()
}

STOP_WORDS = """
i på pa til fra frå for med om av ved hos hjå etter før under mellom mot gjennom uten utan
innen rundt blant per og eller men som at så enn både da då nå no her der hit dit hvis dersom
er var vore vert blir ble blitt har hadde hatt kan kunne skal skulle vil ville må får fikk
gjør gjøre gjelder finnes fins går gå gikk gjekk kommer komme lurer lure lurte vet veit vite si
sier sa tro trur tenke tenker ønsker ønske trenger få se sjekke finne finner fant funnet
fortelle kom fortalt sagt rask raskt kjapt kjapp selve sjølve ment meint forstått forsto forstod
medfører medføre hjelpe kjenne kjenner lyst fører mulig mogleg henne ham
jeg eg du vi me dere de dei han hun ho den det denne dette disse desse min mitt mine din ditt
dine sin sitt sine vår vårt våre deres hans hennes meg deg oss seg dem
en ein et eit ei noen nokon noe noko ingen inga hver kvar hvert annen anna andre samme slik sånn
også òg bare berre litt mye mykje veldig helt vel jo nok mer meir mest ikke ikkje ja nei jo
egentlig gjerne kanskje virkelig please vennligst bra ok okei greit å lol haha hehe wtf omg btw
pls plz asså type typen gis tillegges tillagt hører hørte annet glipp gått passert utløpt
the is it of on do does did version gjaldt an are there any some at this that so really
actually just here right still thing happening exactly tho though up yo lissom forbindelse
ellers bro vanlig faktisk begynner begynne begynte flytte gjeldt greiene verden
hvordan korleis mon monn tru sammen være vere vær vært vore skje skjedde skjedd hendt hendte
ha hatt står sto stod stått bak foran framfor inni utenfor langs jobbe jobber jobbet
fortsatt fremdeles ennå enda allerede akkurat nettopp tidligere tidlegare altså liksom typ
husker husk glemte glemt gitt gi gir ga fått sett hørt lest notert noterte oppfattet oppfatta
skjønt skjønte forstått
satt sette legger legge opp hverandre forstå forstås ifølge iflg fint godt gang gangen
dag dagen dager dagar tilsvarende inn nevnt nevner nevnes opprinnelig opprinnelige originale
stemmer stemme riktig sant korrekt kort kortfattet forklare forklar forklart dessverre igjen
framleis enno endå første fyrste tredje fjerde ting tinga tingene greie greia greier legges lagt
planlagt planlagte legg driver drive drives jobbes tid tida spør spørre spurte fall tok ofte
vanligvis rolle rollen rolla oppgave oppgaven gamle gammel gamal hvert del delen
alene aleine åleine ut ute bør burde forventer forventes forventa forventar brukt brukte bruker
bruke ned an las leste mandag tirsdag onsdag torsdag fredag lørdag søndag grupper gruppe
gruppene eget egen eige eiga klare klarer hen uansett folk ang angående mtp precis vad
unnskyld beklager sorry orsak trengte årene åra årane begge båe visst heitte hette att
kun vennlig opplyse opplys opplyst informere inne
følger følgjer satser satsar satse satset tbh asap imo ngl idk fyi
main points total totalt overall briefly altogether man
this these those my your our his her she he son daughter s talks talk talking things
am being its what's whats who's there's it's that's kind sort trying understand wondering
going gonna keep keeps mention mentions mentioning mentioned told very ever even than into
onto whether because while stated supposedly anyway hey wife husband granddaughter
grandson grandchild grandchildren grandkids niece nephew friend neighbour neighbor tilsammen
regnes regnast reknast regnet sikt visstnok sjanse sjansen sjef sjefen par år lar dear
deriblant herunder kollega kollegaen kollegaer kollegene kollegane deler back stuff plain
words simple simply nåværende nåverande current dagens gjeldende
"""

# Bodies that can fund, introduce or run something, named by what they are ("fylkeskommunen").
PUBLIC_BODIES = (
    "kommunen", "kommune", "fylket", "fylke", "fylkesmannen", "fylkesmann", "fylkesmenn",
    "statsforvalteren",
    "statsforvalter", "departementet", "departement", "direktoratet", "direktorat",
    "regjeringen", "regjeringa", "stortinget", "kommunestyret",
)  # fmt: skip

# Words that open a yes/no question ("er Oppdal med i ...?", "var samlinga digital?").
# ("do"/"does"/"did": "Do the prosjektskolene work together …?"; "nevnt": "PPT nevnt i …?")
_YES_NO_OPENER_WORDS = """
    er var blir ble lar gjør skal skulle kan kunne har hadde gjelder samarbeider finnes fins kommer
    deltar inngår rekker rakk må trenger får fikk går holdes foregår handler jobber hører
    stemmer betyr gikk kom startet begynte trådte innførte gjaldt deltok samarbeidet ligger står
    sto stod bestemmer skjer vil bør gir sier bidrar støtter omfatter dekker legger legg sørger
    betaler medfører følger do does did finansierer består bygger byggjer tilbyr satser gjeld
    varer varte varde gjekk fører nevnt nevnes pågår pågikk bruker brukte brukes brukt
    erstatter erstatte erstattet arrangeres arrangerer gjennomføres ledes
"""
YES_NO_OPENERS = frozenset(_YES_NO_OPENER_WORDS.split())

# Small numbers that count ("hvilke tre fokusområder", "… av de tre"), never a topic; folded.
NUMBER_VALUES = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "atte": 8, "ti": 10
}  # fmt: skip
NUMBER_WORDS = frozenset(NUMBER_VALUES)

# Words the speller leaves as typed: they are Norwegian words of their own, not slips of the
# knowledge base's words ("kommunale" is no "kommune").
PLAIN_WORDS = frozenset(
    [
        "kommunal",
        "kommunale",
        "kommunalt",
        "statlig",
        "statlige",
        "statleg",
        "statlege",
        "nasjonal",
        "nasjonale",
        "privat",
        "private",
        "offentlig",
        "offentlige",
        "frivillig",
        "frivillige",
        "egen",
        "eget",
        "egne",
        "eigen",
        "eige",
        "eigne",
    ]
)

# Words that claim something is the only one ("er det bare kommunen?", "… alene?"): a sentence
# that merely mentions it does not confirm that.
ONLY_WORDS = frozenset(
    {"bare", "berre", "alene", "aleine", "aleina", "kun", "eneste", "einaste", "utelukkende"}
)

# Verbs that only link a claim's parts ("bygger REKOM på barnehagebasert kompetanseutvikling?"):
# a sentence need not use them to say what the claim says.
LINKING_VERBS = frozenset(
    {
        "bygger", "bygge", "byggjer", "bygd", "baserer", "basert", "handler", "handlar",
        "dreier", "dreiar", "omfatter", "omfattar", "inkluderer", "innebærer", "inneber",
    }
)  # fmt: skip

# Question words (in bokmål, after dialect forms): a question with one is no yes/no question.
INTERROGATIVES = frozenset(
    ["hva", "hvem", "hvor", "når", "hvilke", "hvilken", "hvilket", "hvordan", "hvorfor"]
)

# Words that refer back to what the chat talked about last ("når trådte den i kraft?").
# The named kinds in the definite singular point back at one of them ("hvilken stortingsmelding
# beskriver ordningen?" after "jeg må forklare DEKOM").
DEFINITE_KINDS = frozenset(
    [
        "ordningen",
        "ordninga",
        "modellen",
        "prosjektet",
        "nettverket",
        "regionen",
        "strategien",
        "satsingen",
        "satsinga",
    ]
)

BACK_REFERENCES = frozenset(
    [
        "der",  # "er Malvik med der også?"
        "den",
        "det",
        "dette",
        "denne",
        "disse",
        "dem",
        "de",
        "dei",
        "hen",
        "ho",
        "hun",  # "ho" after the forms: "er ho digital?" of a samling
        "han",
        "dens",
        "dets",
        "der",
    ]
)

# Words that introduce the real question after personal context ("..., så jeg lurer på når ...").
QUESTION_INTRODUCERS = (
    "lurer på",
    "lurte på",
    "lure på",
    # after a fronted phrase: "I forbindelse med et notat lurer jeg på hvilke …"
    "lurer jeg på",
    "lurte jeg på",
    "lurer eg på",
    "lurar eg på",
    "lurte eg på",
    "lurar på",
    "vil jeg gjerne vite",
    "vil gjerne vite",
    "vil vite",
    "ville vite",
    "kan du si",
    "kan du fortelle",
    "spørsmålet mitt er",
    "lurer litt på",
    "kan du bekrefte at",
    "kan du bekrefte",
    # "… og jeg skjønte ikke helt hva målene i den er?": not understanding introduces it too
    "skjønte ikke helt",
    "skjønte ikke",
    "skjønner ikke helt",
    "skjønner ikke",
    "forstår ikke helt",
    "forstår ikke",
    "forsto ikke helt",
    "forsto ikke",
    "er usikker på",
    # "Er tanken at hver kommune skal klare DEKOM alene?": whether the claim after "at" holds
    "er tanken at",
    "er meningen at",
    "er det meningen at",
    "er det tenkt at",
    "er ideen at",
    # "Stemmer det at engelsksamlinga er for ungdomstrinnet?": the claim after "at" is asked
    # ("er det ikke slik at …?" asks the same: "ikke" denies nothing)
    "stemmer det at", "stemmer det virkelig at", "er det sant at", "er det riktig at",
    "er det rett at", "er det korrekt at", "er det slik at", "er det slik å forstå at",
    "er det ikke slik at", "er det ikkje slik at", "er det ikke sånn at",
    "er det ikkje sånn at", "er det ikke riktig at", "stemmer det ikke at", "er det ikke sant at",
    "er det ikkje sant at", "har jeg rett i at", "har eg rett i at", "stämmer det att",
    "har jeg forstått det riktig at",
    "har eg forstått det rett at",
    # "Jeg antar at REKOM ble innført samtidig med modellen?": an assumption asked to be checked
    "jeg antar at",
    "eg antar at",
    "jeg regner med at",
)  # fmt: skip

EVENT_NOUNS_PLURAL = ("samlinger", "samlingar", "samlingene", "samlingane")
