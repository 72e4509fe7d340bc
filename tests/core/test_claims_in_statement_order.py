"""Claims written as statements with a tag ("…, ikke sant?", "…. Korrekt?"), claims of who paid
or introduced something, counts and years claimed, and questions whose personal context names
what they ask about (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.clauses import split_clauses
from bot.core.engine import Engine
from bot.core.reply import Reply
from bot.core.statement_claims import in_question_order
from tests.core.asking import EARLY_SEPTEMBER_2020, ask, conversation, starts_with_verdict

AFTER_THE_ENGLISH_DEADLINE = "2020-09-28T08:15"
BEFORE_THE_ENGLISH_DEADLINE = "2020-09-16T11:20"


def assert_says(reply: Reply, said: str) -> None:
    """A confident reply that says `said`."""
    assert reply.confident, reply.text
    assert said in reply.text


def _opener(word: str) -> str | None:
    """A small stand-in for the reader's opener test."""
    if word in ("hva", "når", "hvem", "kva"):
        return "wh"
    return "yes_no" if word in ("er", "ble", "kom", "var", "har", "sier", "e", "skal") else None


# -- a claim in the order of a statement -------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("Trondheim er med i nettverket, ikke sant?", "er Trondheim med i nettverket?"),
        ("Sjekker bare: DEKOM er beskrevet i meldinga?", "er DEKOM beskrevet i meldinga?"),
        ("Lesetråder kom fra Udir, korrekt?", "kom Lesetråder fra Udir?"),
        # what someone said, wrote or believes: the claim after "at"
        ("Rektor sier at DEKOM skal erstatte satsingene, stemmer det?",
         "skal DEKOM erstatte satsingene?"),
        ("Jeg har skrevet i kalenderen at samlingen er 24. september, er det riktig?",
         "er samlingen 24. september?"),
    ],
)  # fmt: skip
def test_a_tagged_claim_is_asked_verb_first(typed: str, asked: str) -> None:
    assert in_question_order(typed, _opener) == asked


@pytest.mark.parametrize(
    "typed",
    [
        "og nærr e fristen?",  # a slip of a question word, not a claim
        "Rektor sier at DEKOM skal erstatte satsingene.",  # told, not asked
        "hva er DEKOM?",
    ],
)
def test_other_questions_keep_their_words(typed: str) -> None:
    assert in_question_order(typed, _opener) == typed


def test_a_tag_in_its_own_sentence_asks_of_the_claim_before_it() -> None:
    clauses = split_clauses("Lesetråd-prosjektet ble avsluttet i 2019. Korrekt?", _opener)
    assert [c.text for c in clauses if c.is_question] == [
        "ble Lesetråd-prosjektet avsluttet i 2019?"
    ]


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("Lesetråd-prosjektet ble avsluttet i 2019. Korrekt?", "Nei", "2020"),
        ("Tilskuddet til skolebibliotekprosjektet kom fra fylkeskommunen, stemmer det?", "Nei",
         "Utdanningsdirektoratet"),
        ("Sjekker bare: DEKOM er beskrevet i stortingsmelding 21?", "Ja", "Stortingsmelding 21"),
        ("begynneropplæringssamlingen m/NTNU er for lærere på 2. trinn, korrekt?", "Nei",
         "1. trinn"),
    ],
)  # fmt: skip
def test_claims_in_statement_order_get_a_verdict(
    engine: Engine, question: str, verdict: str, said: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text
    assert said in reply.text


# -- who paid, who introduced it -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("er lesetråder finansiert av fylkeskommunen?", "Utdanningsdirektoratet"),
        ("var det fylkesmannen som innførte modellen?", "Kunnskapsdepartementet"),
        ("ble modellen innført av fylkesmennene?", "Kunnskapsdepartementet"),
    ],
)
def test_a_public_body_in_a_role_it_does_not_have_gets_no(
    engine: Engine, question: str, named: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert named in reply.text


# -- counts, "only", years ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "er lilleby den eneste skolen som er med i lesetråder-prosjektet?",
        "er det kun nardo som er med i lesetråder?",
        "e det sant at det e tre skola med i skolebibliotekprosjektet i Trondheim?",
    ],
)
def test_a_claim_of_too_few_or_too_many_schools_gets_no_and_both(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Nardo" in reply.text and "Lilleby" in reply.text


def test_a_member_among_the_counted_is_still_a_member(engine: Engine) -> None:
    reply = ask(engine, "er Oppdal en av de seks kommunene i Gauldalsregionen?")
    assert starts_with_verdict(reply, "Ja"), reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Har nettverket fått på plass en ny langsiktig plan i januar 2024?", "Ja"),
        ("kom det en ny plan i januar 2023?", "Nei"),
    ],
)
def test_a_year_a_sentence_names_confirms_the_claim(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, verdict), reply.text


# -- deadlines asked as yes or no --------------------------------------------------------------


def test_a_deadline_not_yet_out_is_no_however_the_question_ends(engine: Engine) -> None:
    question = "Er fristen for påmelding til engelsk på barnetrinnet ute allerede?"
    reply = ask(engine, question, BEFORE_THE_ENGLISH_DEADLINE)
    assert starts_with_verdict(reply, "Nei"), reply.text


def test_a_deadline_asked_without_a_verb(engine: Engine) -> None:
    reply = ask(engine, "påmeldingsfrist engelsk dekom gått ut?", AFTER_THE_ENGLISH_DEADLINE)
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "24. september" in reply.text


def test_days_from_the_deadline_to_the_samling(engine: Engine) -> None:
    reply = ask(
        engine, "Hvor mange dager er det mellom påmeldingsfristen og første samling i engelsk?"
    )
    assert reply.text.startswith("Det er 7 dager"), reply.text


# -- what the message named, and what the asker will do --------------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("jeg blander alltid DEKOM og REKOM, hva er forskjellen?", "REKOM er"),
        ("Jeg skal presentere Dekom/Rekom/Kompetanseløftet for personalet på fredag. Kan du "
         "forklare hva som er målene med ordningene, med enkle ord?", "inkluderende"),
        ("Hva er REKOM, i korte trekk?", "barnehagebasert"),
        ("Hvilke ansattgrupper er omfattet av kompetansesamarbeidet i Gauldalsregionen?", "PPT"),
        ("Hvilket universitet samarbeider regionen med om begynneropplæringen?", "NTNU"),
        ("I Trondheim de har lesing som fokus. Hva betyr det egentlig?", "grunnleggende"),
        ("Hva mener de med inkluderende læringsmiljø i trondheimsskolen?", "raust"),
        ("Kan du lista opp kva kommunar som høyrer til Gauldalsregionen?", "Rennebu"),
        ("Står det noe om trivsel og mestring i målene for ordningene?", "trives"),
    ],
)  # fmt: skip
def test_questions_read_past_their_wording(engine: Engine, question: str, said: str) -> None:
    assert_says(ask(engine, question), said)


def test_what_the_asker_will_do_with_the_samling_does_not_sink_it(engine: Engine) -> None:
    reply = ask(engine, "Hva er neste samling jeg må ordne rom til?", "2020-09-20T10:00")
    assert reply.confident, reply.text
    assert "1. oktober" in reply.text


def test_a_named_samling_in_the_autumn_of_another_year(engine: Engine) -> None:
    reply = ask(engine, "Styrersamlinga i høst, var den på zoom? og hvilken dag var det")
    assert reply.confident, reply.text
    assert "21. oktober 2020" in reply.text
    assert "høsten 2020" in reply.text


def test_a_samling_named_with_a_day_it_was_not_on(engine: Engine) -> None:
    reply = ask(engine, "Var det en skoleledersamling 21. oktober?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "styrersamling" in reply.text


def test_who_holds_the_samling_talked_about(engine: Engine) -> None:
    replies = conversation(
        engine,
        [
            "hei, nårn e samlinga førr læreran på 1. trinn?",
            "å kem e d som arrangere d sammen me regionen?",
        ],
        EARLY_SEPTEMBER_2020,
    )
    assert "18. september" in replies[0].text
    assert "NTNU" in replies[1].text and "holdes av" in replies[1].text


def test_who_a_samling_is_for_when_only_part_of_it_is_named(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["e det nåkka for dæm på engelsk?", "kven er den for, berre småskulen?"],
        "2020-09-15T12:00",
    )
    assert replies[1].confident, replies[1].text
    assert "barnetrinnet" in replies[1].text


# -- more tags, Swedish, small talk, the page's own words ------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Lesetråd-prosjektet ble avsluttet i 2022 tror jeg?", "Nei"),
        ("REKOM gjelder vel for skolene, eller tar jeg feil?", "Nei"),
        ("Trondheim har kompetansenettverket sitt sammen med Stjørdal, eller husker jeg feil?",
         "Nei"),
        ("Er tanken at hver kommune skal klare DEKOM alene, eller skal vi samarbeide med andre?",
         "Nei"),
        ("skal ordningane rekom, dekom og kompetanseløftet sjåast kvar for seg?", "Nei"),
        ("Er tiltakene i Dekom/Kompetanseløftet ettårige, slik at vi må vedta dem på nytt?", "Nei"),
        ("Skal REKOM hjelpe oss barnehager med å få på plass den nye rammeplanen?", "Ja"),
        ("står det i måla for dekom/kompetanseløftet at PP-tjenesten skal samarbeide med "
         "barnehage og skole?", "Ja"),
    ],
)  # fmt: skip
def test_claims_however_they_are_tagged(engine: Engine, question: str, verdict: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


@pytest.mark.parametrize(
    ("question", "said", "now"),
    [
        ("När er siste dag för anmälan til DEKOM engelsk på barnetrinnet?", "24. september",
         EARLY_SEPTEMBER_2020),
        ("Stämmer det at den digitale skoleledersamlingen den 28 oktober er inställd?", "avlyst",
         EARLY_SEPTEMBER_2020),
        ("kor mange kommuna e det eigentleg i det regionsamarbeidet vårres?", "seks",
         EARLY_SEPTEMBER_2020),
        ("Hei. Jeg er rektor i Midtre Gauldal og har vært i jobben siden i vår. Lærerne mine "
         "underviser i engelsk. Når starter DEKOM-samlingen for dem?", "1. oktober",
         "2020-09-08T09:15"),
    ],
)  # fmt: skip
def test_swedish_dialect_and_the_askers_own_time(
    engine: Engine, question: str, said: str, now: str
) -> None:
    assert_says(ask(engine, question, now), said)


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("Unnskyld, men snakker jeg med et menneske eller er du en bot?", "chatbot"),
        ("God morgen! Håper du har en fin dag. Jeg har et par spørsmål etter hvert, går det "
         "greit?", "bare spør"),
        ("hei! e det du som kan svare på ting om kompetanse i barnehagen?", "bare spør"),
        ("Tack så mycket för hjälpen, det var precis vad jag behövde!", "hyggelig"),
    ],
)  # fmt: skip
def test_small_talk_around_no_question(engine: Engine, message: str, said: str) -> None:
    assert_says(ask(engine, message), said)


def test_small_talk_does_not_swallow_a_question_about_a_named_samling(engine: Engine) -> None:
    message = "Hei! Jeg har hatt skoleledersamlinga 28. oktober i kalenderen. Blir den av?"
    reply = ask(engine, message, "2020-10-20T08:00")
    assert "AVLYST" in reply.text or "avlyst" in reply.text, reply.text


def test_a_request_to_explain_what_the_message_named(engine: Engine) -> None:
    message = (
        "Som rektor hører jeg stadig om Dekom, Rekom og Kompetanseløftet på møter, men jeg har "
        "aldri helt forstått hva det er. Kan du forklare kort?"
    )
    reply = ask(engine, message)
    assert reply.confident, reply.text
    assert "statlig" in reply.text and "samling" not in reply.text.split("\n")[0]


def test_when_the_pages_were_updated(engine: Engine) -> None:
    reply = ask(engine, "når ble siden sist oppdatert?")
    assert "18. april 2024" in reply.text
    assert "Gauldalsregionens side" in reply.text and "oppgir ikke" in reply.text
    one = ask(engine, "Når ble siden til Trondheim kommune sist oppdatert?")
    assert "Gauldalsregionen" not in one.text


def test_a_municipalitys_own_plan_is_not_in_the_sources(engine: Engine) -> None:
    reply = ask(engine, "Hva står i Malvik kommunes egen plan for lesing?")
    assert not reply.confident
    assert "Malvik" in reply.text and "egen hånd" in reply.text


def test_whom_the_schemes_are_for_in_the_pages_words(engine: Engine) -> None:
    reply = ask(engine, "Gjelder tilskuddsordningene for lokal kompetanseutvikling bare skole?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "støttetjenestene" in reply.text


def test_a_grade_no_samling_is_for_gets_no_of_the_samling_named(engine: Engine) -> None:
    reply = ask(engine, "er begynneropplæringssamlinga for lærere på 2. trinn?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "begynneropplæring" in reply.text and "1. trinn" in reply.text


def test_the_first_of_a_list_after_the_second(engine: Engine) -> None:
    replies = conversation(
        engine,
        [
            "Hva er fokusområdene i Trondheimsskolen?",
            "hva er målet med det andre av dem?",
            "og det første, hvor mange tema er det delt inn i?",
        ],
        EARLY_SEPTEMBER_2020,
    )
    assert "raust" in replies[1].text
    assert "seks" in replies[2].text and "Læringsorientert ledelse" in replies[2].text


def test_a_day_claimed_that_is_the_deadline(engine: Engine) -> None:
    question = "Jeg har skrevet i kalenderen at engelsksamlingen er 24. september, er det riktig?"
    reply = ask(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "1. oktober 2020" in reply.text and "påmeldingsfristen" in reply.text


def test_which_day_this_week(engine: Engine) -> None:
    question = "Hvilken dag denne uka er ledersamlinga for barnehage? Styreren vår spør"
    reply = ask(engine, question, "2021-01-18T08:00")
    assert reply.confident, reply.text
    assert "20. januar 2021" in reply.text


def test_all_of_the_schemes_is_no_pointer_back(engine: Engine) -> None:
    reply = ask(engine, "Hva er målet med alle disse ordningene for barna våre egentlig?")
    assert reply.confident, reply.text
    assert "trives" in reply.text
    listed = ask(engine, "list opp alle ordningene")
    assert "Ordninger jeg kjenner til" in listed.text


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("skolebibl prosj samarb m hvem", "bydelsbibliotekene"),
        ("ny langsiktig plan trd nettv når klar", "januar 2024"),
    ],
)
def test_telegraphic_notes_with_shortened_words(engine: Engine, note: str, said: str) -> None:
    assert_says(ask(engine, note), said)


def test_a_word_of_its_own_is_not_read_as_shortened(engine: Engine) -> None:
    reply = ask(
        engine, "kan jeg fortsatt melde meg på engelsk? hvor lang tid har jeg", "2020-09-22T10:20"
    )
    assert reply.confident, reply.text
    assert "24. september" in reply.text


def test_separate_schemes_are_to_be_seen_together(engine: Engine) -> None:
    reply = ask(
        engine, "Skal Rekom, Dekom og Kompetanseløftet forstås som helt separate ordninger?"
    )
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "sammenheng" in reply.text


def test_a_day_asked_for_other_people_is_another_samling(engine: Engine) -> None:
    replies = conversation(
        engine,
        [
            "Er det noen samlinger for barnehage som kommer nå framover?",
            "og den skolelederne skulle ha på onsdag, blir den?",
        ],
        "2020-10-26T10:00",
    )
    assert "20. januar" in replies[0].text
    assert "AVLYST" in replies[1].text and "skoleledersamling" in replies[1].text


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("gjeld engelsk-samlinga i dekom for oss barnehagelærarar òg?", EARLY_SEPTEMBER_2020),
        ("Er REKOM en helt ny ordning fra i år?", "2020-10-12T09:00"),
    ],
)
def test_claims_of_who_and_since_when_get_no(engine: Engine, question: str, now: str) -> None:
    reply = ask(engine, question, now)
    assert starts_with_verdict(reply, "Nei"), reply.text
