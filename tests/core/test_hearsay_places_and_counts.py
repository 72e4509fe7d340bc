"""Claims told with where the asker has them from ("…, har jeg hørt"), membership asked as "er X
i …?" or "utenfor", a samling held in person or not, counts the sources do not make, cancelled
samlinger of a season, a samling named by its year in the message, and Danish and English words
(issue 9)."""

from __future__ import annotations

import pytest

from bot.core.clauses import split_clauses
from bot.core.engine import Engine
from bot.core.statement_claims import as_checked_claim
from tests.core.asking import (
    A_LATER_YEAR,
    NOVEMBER_2020,
    ask,
    conversation,
    first_sentence,
    starts_with_verdict,
    sure,
    sure_verdict,
)

# -- a claim with a hearsay tail -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("Lesetråder er finansiert av kommunen, har jeg fått opplyst",
         "Lesetråder er finansiert av kommunen, stemmer det?"),
        ("Gauldalsregionen består av fem kommuner, så vidt jeg har forstått",
         "Gauldalsregionen består av fem kommuner, stemmer det?"),
        ("rekom og dekom skal ses hver for seg, sier kritikerne",
         "rekom og dekom skal ses hver for seg, stemmer det?"),
        ("det skjer ingenting denne uka, ifølge mine kilder",
         "det skjer ingenting denne uka, stemmer det?"),
    ],
)  # fmt: skip
def test_a_hearsay_tail_asks_whether_the_claim_holds(typed: str, asked: str) -> None:
    assert as_checked_claim(typed) == asked


@pytest.mark.parametrize(
    "typed",
    [
        "når er fristen, har du hørt noe?",  # a question of its own before the comma
        "Jeg har hørt om DEKOM",  # no comma: the whole sentence tells
        "har jeg forstått det riktig",  # nothing before the tail
    ],
)
def test_other_sentences_keep_their_words(typed: str) -> None:
    assert as_checked_claim(typed) == typed


def test_a_hearsay_tail_is_no_question_of_its_own() -> None:
    clauses = split_clauses(
        "Lesetråder er finansiert av kommunen, har jeg fått opplyst", lambda w: None
    )
    assert [c.text for c in clauses] == ["Lesetråder er finansiert av kommunen, stemmer det?"]


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("Gauldalsregionen består av fem kommuner, så vidt jeg har forstått", "Nei", "seks"),
        ("Lesetråder er finansiert av Trondheim kommune selv, har jeg fått opplyst", "Nei",
         "Utdanningsdirektoratet"),
        ("Ordningene Rekom, Dekom og Kompetanseløftet skal ses hver for seg, sier kritikerne",
         "Nei", "i sammenheng"),
    ],
)  # fmt: skip
def test_hearsay_claims_get_a_verdict(
    engine: Engine, question: str, verdict: str, said: str
) -> None:
    assert said in sure_verdict(engine, question, verdict).text


def test_who_gives_the_grant_is_not_who_receives_it(engine: Engine) -> None:
    assert starts_with_verdict(sure(engine, "får Lesetråder tilskudd fra kommunen?"), "Nei")
    received = sure(engine, "har trondheim kommune fått tilskudd fra udir til skolebibliotekene?")
    assert starts_with_verdict(received, "Ja"), received.text


# -- membership: "er X i …?", "utenfor" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("er Malvik i Gauldalsregionen?", "Nei, Malvik er ikke med i Gauldalsregionen."),
        ("is Malvik in the Gauldal region too?", "Nei, Malvik er ikke med i Gauldalsregionen."),
        ("er Holtålen utenfor Gauldalsregionen?", "Nei, Holtålen er med i Gauldalsregionen."),
        ("e Malvik utanfor gauldalsregionen?", "Ja, Malvik er ikke med i Gauldalsregionen."),
    ],
)
def test_membership_without_med(engine: Engine, question: str, first: str) -> None:
    assert first_sentence(sure(engine, question)) == first


def test_a_municipality_in_the_region_is_in_it(engine: Engine) -> None:
    assert starts_with_verdict(sure(engine, "er Oppdal i gauldalsregionen?"), "Ja")


# -- in person or not ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("ble styrersamlingen holdt fysisk?", "Nei"),  # on Zoom
        ("var ledersamlingen på Oppdal fysisk?", "Ja"),  # at a place
        ("er skoleledersamlingen fysisk?", "Nei"),
    ],
)
def test_a_samling_held_in_person(engine: Engine, question: str, verdict: str) -> None:
    sure_verdict(engine, question, verdict, NOVEMBER_2020)


def test_must_i_travel_asks_whether_it_is_in_person(engine: Engine) -> None:
    _, travel = conversation(
        engine, ["når er ledersamlinga for bhg?", "må eg reise nokon stad då?"], "2020-12-15T12:00"
    )
    assert travel.confident, travel.text
    assert starts_with_verdict(travel, "Nei"), travel.text
    assert "digitalt" in travel.text


# -- counts the sources do not make --------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "hvor mange barnehager i Holtålen er med i REKOM?",
        "kor mang bhg i rennebu e me i rekom no?",
        "kurs for engelsk, hvor mange samlinger er det totalt?",
    ],
)
def test_a_count_the_sources_do_not_make_is_not_sure(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert reply.text.startswith("Det sier kildene mine ikke.")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("hvor mange skoler er med i lesetråder?", "to"),  # "Prosjektskolene er" counts schools
        ("hvor mange kommuner er med i gauldalsregionen?", "seks"),
        ("hvor mange dager varte ledersamlingen på oppdal?", "to dager"),
    ],
)
def test_counts_the_sources_make(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question).text


# -- cancelled in a season -----------------------------------------------------------------------


def test_none_cancelled_this_autumn_tells_the_last_that_was(engine: Engine) -> None:
    reply = sure(engine, "hvilken samling ble avlyst i høst?", A_LATER_YEAR)
    assert reply.text.startswith("Ingen samlinger høsten 2026 er avlyst.")
    assert "«Digital skoleledersamling» onsdag 28. oktober 2020" in reply.text


def test_a_cancelled_samling_still_to_come_is_no_last_one(engine: Engine) -> None:
    reply = sure(engine, "er noe avlyst denne uka?", "2020-09-01T12:00")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "siste" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hvilken samling ble avlyst i høst 2020?",
        "hvilken samling ble avlyst i høsten 2020?",
        "hvilken samling blev aflyst i efteråret 2020?",  # Danish
    ],
)
def test_a_season_with_its_year(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert reply.text.startswith("Avlyste samlinger"), reply.text
    assert "Digital skoleledersamling" in reply.text


# -- a samling named by its year -----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "ledersamling for barnehagen i 2020, hvilken dato?",
        "ledersamlinga førr barnehagan i 2020, kor va ho å ka dato",
    ],
)
def test_a_samling_named_with_its_year_in_the_message(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert "29.–30. januar 2020" in reply.text
    assert "20. januar 2021" not in reply.text


# -- Danish and English words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("er styrersamlingen blevet aflyst?", "Nei"),
        ("When did REKOM come into force, and for which sector?", "2019"),
        ("How many themes is the learning-oriented leadership area split into?", "seks"),
        ("Under the decentralised scheme, which kind of institutions should municipalities "
         "cooperate with?", "universiteter og høgskoler"),
        ("For which period was the focus on the curriculum renewal LK2020?", "2018–2023"),
    ],
)  # fmt: skip
def test_danish_and_english_words(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question).text


# -- negated claims and questions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first_word"),
    [
        # a claim that denies what the sources say is false; one that denies what they do not
        # say is true
        ("Ny langsiktig plan for nettverket er fortsatt ikke på plass, stemmer det?", "Nei."),
        ("Gauldalsregionen har ikke seks kommuner, stemmer det?", "Nei."),
        ("Malvik er ikke med i Gauldalsregionen, stemmer det?", "Ja,"),
        # a question put in the negative: "Jo" where the thing holds
        ("er ikke Holtålen med i gauldalsregionen?", "Jo,"),
        ("er ikke Malvik med i gauldalsregionen?", "Nei,"),
    ],
)
def test_a_negated_claim_or_question(engine: Engine, question: str, first_word: str) -> None:
    reply = sure(engine, question)
    assert reply.text.startswith(first_word), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "er Lesetråder ikke bare for skolen?",  # "ikke bare" claims more, denies nothing
        "NTNU er hovedpartner, ikke sant?",  # a tag
    ],
)
def test_no_negation_in_tags_or_ikke_bare(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert not reply.text.startswith("Jo"), reply.text


def test_the_contrary_word_denied_is_no_contrary(engine: Engine) -> None:
    reply = ask(engine, "rekom og dekom er statlige ordninger og ikke kommunale?")
    assert not reply.text.startswith("Nei"), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "skal statlige satsinger fortsette side om side med den desentraliserte ordningen?",
        "kommer dekom i tillegg til de statlige satsingene?",
        "er dekom ment å komme på toppen av de statlige satsingene?",
    ],
)
def test_in_addition_is_the_contrary_of_replacing(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "gradvis erstatte" in reply.text


# -- claims put otherwise ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Det påstås at Gauldalsregionen består av åtte kommuner. Stemmer det?", "seks"),
        ("Påstand: REKOM ble innført allerede i 2017. Holder det?", "2019"),
    ],
)
def test_claims_told_as_hearsay_or_announced(engine: Engine, question: str, said: str) -> None:
    reply = sure(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert said in reply.text


def test_per_i_dag_is_no_day_of_its_own(engine: Engine) -> None:
    reply = sure(engine, "Er styrersamlingen allerede gjennomført per i dag?", "2020-10-25T09:00")
    assert starts_with_verdict(reply, "Ja"), reply.text


# -- several questions in English, question words alone ----------------------------------------


@pytest.mark.parametrize(
    ("question", "both"),
    [
        ("What does REKOM stand for, and when did it come into force?",
         ("regional ordning", "2019")),
        ("What is the registration deadline for DEKOM English, and who is it for?",
         ("24. september", "lærere")),
        ("læringsorientert ledelse er delt inn i tema, hvor mange og hvilke?",
         ("seks", "inndelt")),
    ],
)  # fmt: skip
def test_each_part_is_answered(engine: Engine, question: str, both: tuple[str, str]) -> None:
    reply = sure(engine, question)
    assert all(said in reply.text for said in both), reply.text


# -- winters and deadlines nobody registered -----------------------------------------------------


def test_a_winter_named_by_its_year_is_the_one_of_january(engine: Engine) -> None:
    reply = sure(
        engine,
        "Eg hugsar at det var ei leiarsamling for barnehage på Oppdal vinteren 2020, eg var der "
        "sjølv. Kva datoar var det att?",
    )
    assert "29.–30. januar 2020" in reply.text


def test_a_deadline_nobody_registered_is_not_sure(engine: Engine) -> None:
    assert not ask(engine, "Hva er påmeldingsfristen for digital ledersamling barnehage?").confident
    registering = sure(
        engine,
        "er det påmelding til den digitale ledersamlinga for bhg i januar?",
        "2021-01-10T12:00",
    )
    assert starts_with_verdict(registering, "Ja"), registering.text
    assert "Info og påmelding på Gauldalsregionens nettside." in registering.text


# -- a claim with no question mark ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        ("Skoleledersamlingen 28. oktober var planlagt som et vanlig fysisk møte", "digitalt"),
        ("styrersamlinga i oktober var fysisk på Oppdal", "Zoom"),  # in lower case too
    ],
)
def test_an_unmarked_claim_is_checked(engine: Engine, claim: str, said: str) -> None:
    assert said in sure_verdict(engine, claim, "Nei").text


@pytest.mark.parametrize(
    "told",
    [
        "Jeg er lærer på 1. trinn",  # of the asker
        "god morgen! travel dag her",  # no claim
        "Tusen takk for hjelpen. Du er snill.",
    ],
)
def test_other_statements_are_no_claims(told: str) -> None:
    def opener(word: str) -> str | None:
        return "yes_no" if word in ("er", "var", "har") else None

    assert not any(clause.claimed for clause in split_clauses(told, opener))


# -- a month claimed of a named samling, confirm tails, Swedish and Danish weeks ---------------


@pytest.mark.parametrize(
    "question",
    [
        "var styrersamlingen i november?",
        "Dere holdt visst styrersamling for barnehage i november, stemmer det?",
    ],
)
def test_a_month_claimed_of_a_named_samling(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert reply.text.startswith(
        "Nei. «Digital styrersamling barnehage» ble gjennomført onsdag 21. oktober 2020."
    )


def test_asked_to_confirm_a_claim(engine: Engine) -> None:
    reply = sure(engine, "skoleledersamlingen 28. oktober gikk som planlagt, kan du bekrefte det?")
    assert reply.text.startswith(
        "Nei, «Digital skoleledersamling» onsdag 28. oktober 2020 er avlyst."
    )


@pytest.mark.parametrize(
    "question",
    ["händer det något för barnehage nästa vecka?", "sker der noget for barnehage næste uge?"],
)
def test_next_week_in_swedish_and_danish(engine: Engine, question: str) -> None:
    reply = sure(engine, question, "2020-10-15T12:00")
    assert "neste uke" in reply.text
    assert "21. oktober" in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("ka sei dem om lesing i trondheimsskolen", "Lesing"),
        ("jag jobbar på en förskola i Oppdal, när började REKOM gälla för oss?", "2019"),
        ("e det nokka samling i mårra sjefen spør", "18. september"),
    ],
)
def test_dialect_swedish_and_the_boss_asking(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question, "2020-09-17T15:00").text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("når e førstesamlinga for 1. trinn?", "18. september"),  # "første samlinga"
        ("e engelsksamlingan for ungdomstrinnet og?", "barnetrinnet"),  # a dialect plural
    ],
)
def test_compounds_of_ordinals_and_dialect_endings(
    engine: Engine, question: str, said: str
) -> None:
    assert said in sure(engine, question, "2020-09-10T12:00").text


@pytest.mark.parametrize(
    "question",
    [
        "er det skoleledersamling på onsdag neste uke?",
        "e det skoleledersamling på onsdag nestå uke?",
    ],
)
def test_a_weekday_of_next_week(engine: Engine, question: str) -> None:
    reply = sure(engine, question, "2020-10-20T12:00")  # a Tuesday: next week's Wednesday
    assert "onsdag 28. oktober 2020" in reply.text
    assert "AVLYST" in reply.text


# -- "er det ikke slik at …?", "er der …", English "for me" ------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Er det ikke slik at Lesetråd-prosjektet fortsatt pågår?", "Nei"),  # it ended in 2020
        ("er det ikke slik at rekom, dekom og kompetanseløftet skal ses hver for seg?", "Nei"),
        ("Trondheim sitter vel i kompetansenettverk med Melhus, er det ikke slik?", "Nei"),
        ("er det ikkje slik at Holtålen er med i Gauldalsregionen?", "Ja"),
    ],
)
def test_isnt_it_so_that_asks_the_claim(engine: Engine, question: str, verdict: str) -> None:
    sure_verdict(engine, question, verdict)


def test_er_der_is_er_det(engine: Engine) -> None:
    assert "seks" in sure(engine, "hvor mange kommuner er der i regionen i alt?").text


def test_for_me_in_english_is_no_med(engine: Engine) -> None:
    reply = sure(
        engine,
        "Hi! I teach english på 4. trinn i Melhus, is there something for me in DEKOM this fall?",
        "2020-09-05T16:00",
    )
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "DEKOM – Engelsk på barnetrinnet" in reply.text


def test_what_a_told_scheme_stands_for(engine: Engine) -> None:
    reply = sure(engine, "læreren snakker om DEKOM. hva står det for?")
    assert reply.text.startswith("DEKOM står for desentralisert ordning")


def test_a_wish_is_no_claim(engine: Engine) -> None:
    assert not starts_with_verdict(ask(engine, "god morgen! håper du har en fin dag"), "Nei")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("er lesetråd-prosjektet avsluttet?", "Ja"),  # "… avsluttet i 2020"
        ("Ble Lesetråd-prosjektet avsluttet i 2021?", "Nei"),  # the year is judged
        (
            "vi i laget mener skoleledersamlingen 28. oktober ble holdt digitalt. stemmer det?",
            "Nei",
        ),
    ],
)
def test_ended_and_what_the_asker_believes(engine: Engine, question: str, verdict: str) -> None:
    sure_verdict(engine, question, verdict)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("arrangeres begynneropplæringssamlingen i samarbeid med NTNU?", "Ja."),
        ("hvem er engelsk-samlingerne egentlig beregnet på?", "lærere i engelsk"),  # Danish
        ("Gauldalsregionen består av seks kommuner inkludert Trondheim, stemmer det", "Nei,"),
    ],
)
def test_passive_openers_danish_plurals_and_including(
    engine: Engine, question: str, said: str
) -> None:
    assert said in sure(engine, question).text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Startet REKOM før 2019?", "Nei"),  # in 2019
        ("kom REKOM før 2020?", "Ja"),
        ("trådte rekom i kraft etter 2019?", "Nei"),
        ("Stemmer det at kommunene i Gauldalsregionen jobber hver for seg med DEKOM?", "Nei"),
        ("æ e bhglærar, kan æ bli me på dekom engelsk?", "Nei"),  # it is for school teachers
    ],
)
def test_before_after_apart_and_joining(engine: Engine, question: str, verdict: str) -> None:
    sure_verdict(engine, question, verdict)


def test_swedish_words_of_the_schemes(engine: Engine) -> None:
    _, who = conversation(
        engine,
        ["vad betyder REKOM egentligen?", "vilka ska samarbeta inom ordningen då?"],
        "2026-11-22T12:00",
    )
    assert who.confident, who.text
    assert "universiteter og høgskoler" in who.text


@pytest.mark.parametrize(
    ("question", "now", "verdict"),
    [
        # a negated claim with a bare "sant?" tag: true while the deadline is open
        ("påmeldingsfristen til engelsk har ikke gått ut enda, sant?", "2020-09-23T13:00", "Ja"),
        # a tag with a letter that folds ("forstått")
        ("dekom skal gradvis erstatte de statlige satsingene, er det riktig forstått?",
         "2026-11-22T12:00", "Ja"),
    ],
)  # fmt: skip
def test_tags_that_end_a_claim(engine: Engine, question: str, now: str, verdict: str) -> None:
    sure_verdict(engine, question, verdict, now)


# -- samlinger after the last one the sources know ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("når er påmeldingsfristen for dekom-samlingene høsten 2027?", "om høsten 2027"),
        (
            "når er neste ledersamling for bhg etter den i januar 2021?",
            "om tiden etter januar 2021",
        ),
        ("bli d ny ledersamling for bhg på oppdal i 2027 au?", "2027"),
    ],
)
def test_a_time_after_the_last_samling_is_not_known(
    engine: Engine, question: str, said: str
) -> None:
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert reply.text.startswith("Oversikten min har ingen samlinger etter 20. januar 2021")
    assert said in reply.text


def test_a_year_the_samlinger_cover_is_answered(engine: Engine) -> None:
    reply = sure(engine, "er det noen samlinger i 2021?")
    assert "Digital ledersamling barnehage" in reply.text


def test_when_does_is_no_compound(engine: Engine) -> None:
    """ "when does" read as "når" and "does" ("nardos" was a genitive of the school Nardo)."""
    _, deadline = conversation(
        engine,
        [
            "is there anything for english teachers on barnetrinnet?",
            "and by when does she have to sign up?",
        ],
        "2020-09-15T18:00",
    )
    assert deadline.confident, deadline.text
    assert "24. september" in deadline.text
