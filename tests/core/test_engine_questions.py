"""What teachers ask, and what they must (and must not) be told.

Each case is a question as a user would type it — bokmål, nynorsk, typos, no æøå — the moment it
is asked, and words the answer must contain. Out-of-scope questions that share words with the
knowledge base must not be answered confidently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import OSLO
from bot.core.reply import Intent

TODAY = "2026-11-22T12:00"
BEFORE_AUTUMN = "2020-09-01T12:00"
EARLY_SEPTEMBER = "2020-09-10T12:00"
MID_OCTOBER = "2020-10-20T12:00"
LATE_OCTOBER = "2020-10-25T12:00"
SPRING_2021 = "2021-03-01T12:00"


@dataclass(frozen=True)
class Case:
    question: str
    expect: tuple[str, ...] = ()
    now: str = TODAY
    absent: tuple[str, ...] = ()


def case(question: str, *expect: str, now: str = TODAY, absent: tuple[str, ...] = ()) -> Case:
    return Case(question, expect, now, absent)


ABOUT_THE_KNOWLEDGE = [
    case("Hva er DEKOM?", "desentralisert"),
    case("kva er dekom", "desentralisert"),
    case("dekom", "desentralisert"),
    case("hva er desentralisert ordning", "desentralisert", "Stortingsmelding 21"),
    case("fortell om den desentraliserte ordningen", "desentralisert"),
    case("Hva er REKOM", "barnehage", "2019"),
    case("hva står rekom for", "regional"),
    case("hva er regional ordning for kompetanseutvikling", "rammeplan"),
    case("rekkom", "barnehage"),
    case("når kom rekom?", "2019"),
    case("hva er kompetanseløftet", "statlig"),
    case("kompetanselaftet", "statlig"),
    case("kompetanseloeftet?", "statlig"),
    case("hva er stortingsmelding 21", "desentralisert"),
    case("hva er lesetråder", "Nardo", "Lilleby"),
    case("lesetrader prosjektet", "Nardo"),
    case("hvilke skoler er med i lesetråder", "Nardo", "Lilleby"),
    case("skolebibliotekprosjektet i trondheim", "Lesetråd"),
    case("hvem ga tilskudd til skolebibliotekene", "Utdanningsdirektoratet"),
    case("samarbeider lesetråder med bibliotekene", "bydelsbibliotekene"),
    case("hva er læringsorientert ledelse", "seks"),
    case("laeringsorientert ledelse", "læringsmiljø"),
    case("kva er læringsorientert leiing", "læringsresultat"),
    case("hvilke temaer har læringsorientert ledelse", "aktiv skoleeier", "undervisningskvalitet"),
    case("inkluderende læringsmiljø", "raust"),
    case("hva er målet med inkluderende laeringsmiljo", "støttende"),
    case("fokusområdet lesing", "grunnleggende ferdighet"),
    case("hvilke fokusområder har trondheimsskolen", "Læringsorientert ledelse", "Lesing"),
    case("fokusomrader 2023-2027", "Inkluderende læringsmiljø"),
    case("kva er fokusområda i trondheimsskulen", "Lesing"),
    case("hvem er hovedpartner for kompetansenettverket", "NTNU"),
    case("hvem er med i kompetansenettverket med malvik", "Malvik", "private skoler"),
    case("er private skoler med i nettverket i trondheim", "private skoler"),
    case("hva er målene for rekom, dekom og kompetanseløftet", "inkluderende fellesskap"),
    case("hva skjedde med fagfornyelsen i nettverket", "LK2020"),
    case("ny langsiktig plan for kompetansenettverket", "januar 2024"),
    case("hva er 2017-modellen", "desentralisert", "oppfølging", "innovasjon"),
    case("ny modell for kompetanseutvikling i skolen", "2017"),
    case("hva er oppfølgingsordningen", "2017"),
    case("hva er dekom og rekom?", "DEKOM er", "REKOM er"),
    case("innovasjonsordninga", "2017"),
    case("kompetanse for framtidens barnehage", "2014"),
    case("mål for kompetanse for fremtidens barnehage", "rekruttere", "status"),
    case("barnehagestrategien 2014-2020", "heve kompetansen"),
    case("gauldalsregionen", "Holtålen", "Røros"),
    case("hvilke kommuner er med i gauldalsregionen", "Midtre Gauldal", "Rennebu"),
    case("kva kommunar er med i gauldalsregionen", "Melhus", "Oppdal"),
    case("gauldalsregjonen", "Holtålen"),
    case("hva samarbeider gauldalsregionen om", "kompetanseutvikling"),
    case("hvilke ordninger finnes", "DEKOM", "REKOM", "Kompetanseløftet"),
]

ABOUT_SAMLINGER = [
    case("Når er neste samling?", "18. september", now=EARLY_SEPTEMBER),
    case("naar er neste samling", "18. september", now=EARLY_SEPTEMBER),
    case("NÅR ER NESTE SAMLING", "18. september", now=EARLY_SEPTEMBER),
    case("når er nesste samlig", "18. september", now=EARLY_SEPTEMBER),
    case("kva tid er neste samling", "18. september", now=EARLY_SEPTEMBER),
    case("neste samling", "om 8 dager", now=EARLY_SEPTEMBER),
    case("neste samling for barnehage", "21. oktober", now=EARLY_SEPTEMBER),
    case("når er neste samling for skole", "18. september", now=EARLY_SEPTEMBER),
    case("neste dekom-samling", "18. september", now=EARLY_SEPTEMBER),
    case("neste samling for leiarar i barnehagen", "21. oktober", now=BEFORE_AUTUMN),
    case("neste samling", "20. januar 2021", "avlyst", now=LATE_OCTOBER),
    case("neste samling", "ingen", "20. januar 2021", now=SPRING_2021),
    case("når er neste samling", "ingen", now=TODAY),
    case("påmeldingsfrist for engelsk", "24. september", "om 2 uker", now=EARLY_SEPTEMBER),
    case("når er fristen for å melde seg på engelsk på barnetrinnet", "24. september"),
    case("paameldingsfrist engelsk", "24. september"),
    case("hvem er begynneropplæringa for", "1. trinn", now=EARLY_SEPTEMBER),
    case("begynneropplæring 1. trinn", "18. september", "NTNU"),
    case("samling for lærere på 1. trinn", "18. september"),
    case("er styrersamlingen digital?", "Zoom"),
    case("hvor var ledersamlingen på oppdal", "Oppdal"),
    case("når var ledersamlingen på Oppdal", "29.", "30. januar 2020"),
    case("når var planleggingsdagen", "29. november 2019"),
    case("presentasjon fra planleggingsdag skole", "29. november 2019"),
    case("er skoleledersamlinga avlyst?", "avlyst", "28. oktober 2020"),
    case("er styrersamlingen avlyst", "ikke avlyst"),
    case("hvilke samlinger er avlyst", "skoleledersamling"),
    case("når var forrige samling", "20. januar 2021"),
    case("når er ledersamling for barnehage?", "20. januar 2021"),
    case("samlinger i høst", "18. september", "1. oktober", now=BEFORE_AUTUMN),
    case("kva samlingar er det i haust", "18. september", now=BEFORE_AUTUMN),
    case("samlinger i oktober", "1. oktober", "21. oktober", "AVLYST", now=BEFORE_AUTUMN),
    case("hva skjer i morgen?", "21. oktober", now=MID_OCTOBER),
    case("samlinger denne uka", "21. oktober", now=MID_OCTOBER),
    case("hva skjer neste uke", "ingen", now=BEFORE_AUTUMN),
    case("samlinger i oktober 2020", "21. oktober"),
    case("neste samling for ppt", "ingen", now=BEFORE_AUTUMN),
    case("hvilke samlinger kommer?", "18. september", "21. oktober", now=EARLY_SEPTEMBER),
    case("hvilke samlinger har det vært", "20. januar 2021"),
    case("neste samling med NTNU", "18. september", now=EARLY_SEPTEMBER),
    case(
        "neste samling i gauldalsregionen",
        "18. september",
        now=EARLY_SEPTEMBER,
        absent=("med Gauldalsregionen",),
    ),
    case("samlinger på oppdal", "Oppdal", "januar 2020"),
    case("hvordan foregår styrersamlingen", "Zoom"),
    case("hvem kan delta på engelsk-samlingen", "engelsk på barnetrinnet", now=EARLY_SEPTEMBER),
]

OUT_OF_SCOPE = [
    "når går bussen til Melhus?",
    "hva koster en barnehageplass i Trondheim?",
    "når er neste bussavgang fra Oppdal?",
    "hvem vinner valget?",
    "hvordan lager jeg pannekaker",
    "qwerty",
    "asdfghjkl",
    "hvordan blir været på Røros i morgen?",
    "hvem er ordfører i Oppdal?",
    "hva er hovedstaden i Norge?",
    "hvor ligger Nardo skole?",
    "hvem er rektor på Lilleby?",
    "hvor mye tjener en lærer?",
    "når er det høstferie i Trondheim?",
    "kan jeg søke om permisjon for videreutdanning?",
    "hva er lønna til en barnehagelærer",
    "hvordan søker jeg barnehageplass i Melhus",
    "oppskrift på lapskaus",
    "hvem vant fotball-VM?",
    "hva er frist for å søke REKOM-midler?",
]

# Three batches written after the engine was tuned, to check that it generalises (they passed
# 45/47, 27/31 and 34/37 before the general fixes they prompted); kept as regressions.
UNSEEN_PHRASINGS = [
    case("DEKOM?", "desentralisert"),
    case("Hva er forskjellen på DEKOM og REKOM?", "barnehage"),
    case("hva står i stortingsmelding 21?", "desentralisert"),
    case("hvilke kommuner samarbeider i gauldal", "holtålen"),
    case("kven er med i gauldalsregionen", "oppdal"),
    case("hva er skolebibliotekprosjektet", "nardo"),
    case("hva jobber nardo og lilleby med", "skolebibliotek"),
    case("fortell meg om lesing som fokusområde", "grunnleggende"),
    case("læringsmiljø", "raust"),
    case("hva gjør NTNU", "ntnu"),
    case("Hvem har ansvar for rekruttering i barnehagen?", "barnehageeier"),
    case("mål for tilskuddsordningene", "inkluderende"),
    case("når ble lesetråd-prosjektet avsluttet?", "2020"),
    case("hva er innovasjonsordning", "2017"),
    case("er det samling i morgen?", "18. september", now="2020-09-17T12:00"),
    case("neste samling for engelsklærere", "1. oktober", now="2020-09-17T12:00"),
    case("hva er siste frist for påmelding?", "24. september", now="2020-09-17T12:00"),
    case("Er skoleledersamlingen 28. oktober avlyst?", "avlyst", now="2020-10-20T12:00"),
    case("blir det skoleledersamling?", "avlyst", now="2020-10-20T12:00"),
    case("hva skjer neste måned", "20. januar 2021", now="2020-12-01T12:00"),
    case("når er ledersamlingen", "20. januar 2021", now="2020-12-01T12:00"),
    case("er ledersamlingen digital?", "digital", now="2020-12-01T12:00"),
    case("når var samlingen om begynneropplæring", "18. september 2020"),
    case("planleggingsdag 2019", "29. november 2019"),
    case("hva skjedde på oppdal i januar 2020", "ledersamling"),
    case("Hvor mange kommuner er med i Gauldalsregionen?", "seks"),
    case("Når er påmeldingsfristen?", "24. september", now="2020-09-10T12:00"),
    case("hva er avlyst?", "skoleledersamling"),
    case("hvilke mål har strategien for barnehage", "rekruttere"),
    case("hva betyr LK20", "fagfornyelsen"),
    case("hvem er med i gauldalsregionen?", "røros"),
    case("Hva gjør PPT i gauldalsregionen?", "ppt"),
    case("Er det noen samlinger snart?", "21. oktober", now="2020-10-15T12:00"),
    case("når er styrersamlinga", "21. oktober", now="2020-10-15T12:00"),
    case("hvor er neste samling", "zoom", now="2020-10-15T12:00"),
    case("kan jeg melde meg på engelsk-samlingen?", "24. september", now="2020-09-10T12:00"),
    case("hvilke samlinger var det i 2020?", "18. september", "21. oktober"),
    case("hvem står bak lesetråder?", "trondheim"),
    case("hva skal REKOM bidra til?", "pedagogiske praksis"),
    case("kva er målet med strategien kompetanse for framtidens barnehage", "rekruttere"),
    case("samling for engelsklærere", "1. oktober", now="2020-09-10T12:00"),
    case("Når var samlingen på Zoom?", "21. oktober"),
    case("hva var temaet for planene 2018-2023", "fagfornyelsen"),
    case("Hva står DEKOM for?", "desentralisert"),
    case("kva betyr rekom", "barnehage"),
    case("Hvem samarbeider i Gauldalsregionen?", "holtålen"),
    case("hvilke kommuner består gauldalsregionen av", "rennebu"),
    case("er Melhus en del av Gauldalsregionen", "melhus"),
    case("hva er fokusområdene i trondheim 2023-2027", "inkluderende"),
    case("lesetråd prosjektet nardo", "lilleby"),
    case("hvilke skoler deltar i skolebibliotekprosjektet", "nardo"),
    case("hva er formålet med lesetråder", "leseglede"),
    case("seks tema læringsorientert ledelse", "skolen som organisasjon"),
    case("hva er målet med læringsorientert ledelse", "analyse"),
    case("hvem er NTNU i nettverket", "hovedpartner"),
    case("hvilke kommuner er med i kompetansenettverket med NTNU", "malvik"),
    case("hva er målene for tilskuddsordningene", "trives"),
    case("hvilke tre ordninger består den nye modellen av", "oppfølgingsordning"),
    case("når kom den nye modellen for kompetanseutvikling", "2017"),
    case("hva er målene i kompetanse for framtidens barnehage", "beholde"),
    case("rekom rammeplan", "rammeplan"),
    case("hvem samarbeider i rekom", "fylkesmennene"),
    case("stortingsmelding 21", "desentralisert"),
    case("når er neste samling", "1. oktober", now="2020-09-20T10:00"),
    case("neste samling for barnehageledere", "21. oktober", now="2020-09-20T10:00"),
    case("når er fristen for engelsk-samlingen?", "24. september", now="2020-09-15T10:00"),
    case("hvor er styrersamlingen", "zoom", now="2020-09-15T10:00"),
    case("er det samling i dag?", "1. oktober", now="2020-10-01T08:00"),
    case("blir skoleledersamlingen i morgen?", "avlyst", now="2020-10-27T10:00"),
    case("hva skjer i januar", "20. januar 2021", now="2020-11-01T10:00"),
    case("når er ledersamlinga for barnehagane", "20. januar 2021", now="2020-11-01T10:00"),
    case("kor var ledersamlinga i januar 2020", "oppdal"),
    case("når var styrersamlingen", "21. oktober 2020"),
    case("hvilke samlinger har vært for skole", "planleggingsdag"),
    case("hvem var skoleledersamlingen for", "skole"),
    case("engelsk på barnetrinnet", "1. oktober", now="2020-09-10T12:00"),
    case("hvilke dekom samlinger kommer", "18. september", "1. oktober", now="2020-09-10T12:00"),
]

UNSEEN_OUT_OF_SCOPE = [
    "hvordan melder jeg barnet mitt på SFO?",
    "hva er rammeplanen for SFO",
    "når er det foreldremøte på Lilleby skole?",
    "hva er lønnstrinnet for lektorer",
    "hvordan søker jeg om skoleskyss i Melhus",
    "har dere kaffe på samlingen?",
    "hva er passordet til wifi på Oppdal",
    "hvem er ordfører i Røros",
    "hvor mange barnehager er det i Trondheim",
    "lol",
    "hvor mange elever er det i Trondheim?",
    "hva heter rektor på Nardo?",
    "kan du hjelpe meg med matteleksa?",
    "når er sommerferien?",
    "hva er klokka",
    "hvem er statsminister",
    "hvor får jeg tak i lærebøker i engelsk?",
    "hva koster det å delta på samlingen?",
    "bestille time hos helsesykepleier",
    "hvor er nærmeste legevakt?",
    "når åpner svømmehallen på Oppdal",
    "hvem er kunnskapsminister?",
    "hvor mange elever går på Nardo skole",
    "hva er telefonnummeret til NTNU?",
    "når er vinterferien i Midtre Gauldal?",
    "kan du anbefale en god bok om lesing for barn?",
    "hvordan søker jeg jobb som lærer i Trondheim",
    "hva er åpningstidene til barnehagen i Røros",
    "når er neste foreldremøte?",
    "hvor mye koster kurset?",
]

SMALL_TALK = [
    ("hei", Intent.GREETING, "Hei"),
    ("hallo!", Intent.GREETING, "Hei"),
    ("god morgen", Intent.GREETING, "Hei"),
    ("takk", Intent.THANKS, "hyggelig"),
    ("tusen takk for hjelpa", Intent.THANKS, "hyggelig"),
    ("hjelp", Intent.HELP, "samlinger"),
    ("hva kan du?", Intent.HELP, "samlinger"),
    ("ha det", Intent.GOODBYE, "Ha det"),
    ("heisann!", Intent.GREETING, "Hei"),
    ("takk skal du ha", Intent.THANKS, "hyggelig"),
    ("God dag!", Intent.GREETING, "Hei"),
    ("hvem er du?", Intent.HELP, "samlinger"),
]


def at(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=OSLO)


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2013", "-").split()).lower()


@pytest.mark.parametrize(
    "c", ABOUT_THE_KNOWLEDGE + ABOUT_SAMLINGER + UNSEEN_PHRASINGS, ids=lambda c: c.question
)
def test_answers_in_scope_questions_confidently(engine: Engine, c: Case) -> None:
    reply = engine.ask(c.question, at(c.now))
    assert reply.confident, reply.full_text
    text = _fold(reply.full_text)
    for expected in c.expect:
        assert _fold(expected) in text, reply.full_text
    for unwanted in c.absent:
        assert _fold(unwanted) not in text, reply.full_text


@pytest.mark.parametrize("question", OUT_OF_SCOPE + UNSEEN_OUT_OF_SCOPE)
def test_does_not_answer_out_of_scope_questions_confidently(engine: Engine, question: str) -> None:
    reply = engine.ask(question, at(TODAY))
    assert not reply.confident, reply.full_text
    assert reply.text.strip()


@pytest.mark.parametrize(("question", "intent", "expected"), SMALL_TALK)
def test_small_talk(engine: Engine, question: str, intent: Intent, expected: str) -> None:
    reply = engine.ask(question, at(TODAY))
    assert reply.intent is intent
    assert expected.lower() in reply.text.lower()
