"""Coordinators add, change, cancel and undo samlinger in a chat: the guided /nysamling, the
one-message fast path, /endresamling, /avlys, /angre and /endringer, over a copy of the
shipped knowledge base."""

from __future__ import annotations

import asyncio
import difflib
from datetime import timedelta

from bot.core.loading import load_knowledge_base
from tests.editing.conftest import OTHER_ADMIN, TEACHER, Editing, texts

FAST = (
    "/nysamling\n"
    "title: Nettverkssamling barnehage\n"
    "start: 13.01.2027\n"
    "start_time: 9\n"
    "end_time: 15:30\n"
    "format: fysisk\n"
    "location: Oppdal kulturhus\n"
    "audience: barnehage, ledere\n"
    "region: gauldalsregionen\n"
    "deadline: 4. januar\n"
    "url: https://example.org/pamelding"
)


def added_lines(before: str, after: str) -> list[str]:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [line for line in diff if line.startswith(("+ ", "- "))]


async def test_the_guided_dialogue_checks_each_answer_and_saves_after_the_preview(
    editing: Editing,
) -> None:
    before = editing.samlinger
    asked = await editing.say("/nysamling")
    assert "Hva heter samlingen?" in texts(asked)
    assert "Hvilken dag?" in texts(await editing.say("Nettverkssamling barnehage"))
    wrong = await editing.say("onsdag 14. januar")
    assert "torsdag 14. januar 2027 er en torsdag, ikke onsdag" in texts(wrong)
    assert "Når begynner den?" in texts(await editing.say("neste onsdag"))
    assert "Når slutter den?" in texts(await editing.say("hopp over"))
    format_question = await editing.say("hopp over")
    platform = await editing.press(format_question.messages[0], "Digitalt")
    assert "Hvilken plattform?" in texts(platform)
    audience = await editing.say("Teams")
    ticked = await editing.press(audience.messages[0], "barnehage")
    assert ticked.messages[0].replace and "✅ barnehage" in ticked.messages[0].buttons[0][0].label
    scheme = await editing.press(ticked.messages[0], "Ferdig")
    region = await editing.press(scheme.messages[0], "Hopp over")
    await editing.press(region.messages[0], "Gauldalsregionen")
    late = await editing.say("24.12.2026")
    assert "fristen kan ikke være etter at samlingen begynner" in texts(late)
    assert "Lenke" in texts(await editing.say("1. desember"))
    assert "skal begynne med https://" in texts(await editing.say("example.org"))
    assert "beskrivelse" in texts(await editing.say("https://example.org/pamelding"))
    preview = await editing.say("Ta med egen PC.")

    assert "Slik ser lærerne samlingen" in texts(preview)
    shown = preview.messages[1]
    assert "«Nettverkssamling barnehage» er onsdag 2. desember 2026 (i morgen)." in shown.text
    assert "digitalt på Teams" in shown.text and "Ta med egen PC." in shown.text
    assert editing.samlinger == before  # nothing is written before "Lagre"
    saved = await editing.press(shown, "Lagre")
    assert "Lagret: «Nettverkssamling barnehage»" in texts(saved)

    changed = added_lines(before, editing.samlinger)
    assert "+ - id: nettverkssamling-barnehage-2026-12-02" in changed
    assert "+   platform: Teams" in changed and "+   deadline: 2026-12-01" in changed
    assert not [line for line in changed if line.startswith("- ")]  # nothing else changed
    kb = load_knowledge_base(editing.knowledge)  # what `python -m bot check` loads
    assert kb["nettverkssamling-barnehage-2026-12-02"].event is not None
    answer = await editing.say("når er neste samling for barnehage?", user=TEACHER)
    assert "Nettverkssamling barnehage" in texts(answer)


async def test_avbryt_at_any_step_saves_nothing(editing: Editing) -> None:
    before = editing.samlinger
    await editing.say("/nysamling")
    await editing.say("Nettverkssamling barnehage")
    assert "Avbrutt. Ingenting er lagret." in texts(await editing.say("Avbryt"))
    answer = await editing.say("13.01.2027")  # no dialogue any more: an ordinary message
    assert "Hvilken dag?" not in texts(answer) and "Når begynner" not in texts(answer)
    assert editing.samlinger == before


async def test_an_abandoned_dialogue_expires(editing: Editing) -> None:
    await editing.say("/nysamling")
    editing.clock.now += timedelta(minutes=31)
    answer = await editing.say("Hva er DEKOM?")
    assert "DEKOM er den desentraliserte ordningen" in texts(answer)


async def test_the_fast_path_names_the_line_and_field_of_each_problem(editing: Editing) -> None:
    before = editing.samlinger
    answer = await editing.say(
        "/nysamling\ntitle: Nettverkssamling\nstart: 32.01.2027\nmålgruppe: skole\n"
        "audience: rektorer\nurl: ftp://example.org"
    )
    text = texts(answer)
    assert "linje 2 (start): '32.01.2027' er ikke en dato som finnes" in text
    assert "linje 3: 'målgruppe' er ikke et felt" in text
    assert editing.samlinger == before
    answer = await editing.say(
        "/nysamling\ntitle: Nettverkssamling\nstart: 2027-01-13\naudience: rektorer\n"
        "url: ftp://example.org"
    )
    assert "linje 3 (audience): ukjent målgruppe 'rektorer'" in texts(answer)
    assert "linje 4 (url): 'ftp://example.org' er ikke en nettadresse" in texts(answer)


async def test_the_fast_path_goes_straight_to_the_preview_and_the_diff_is_only_the_entry(
    editing: Editing,
) -> None:
    before = editing.samlinger
    preview = await editing.say(FAST)
    shown = preview.messages[1]
    assert "onsdag 13. januar 2027 kl. 09.00–15.30" in shown.text
    assert [b.label for row in shown.buttons for b in row] == [
        "✍️ Meld deg på",
        "💾 Lagre",
        "Avbryt",
    ]
    assert shown.buttons[0][0].url == "https://example.org/pamelding"
    await editing.press(shown, "Lagre")
    after = editing.samlinger
    assert after.startswith(before) and "\n\n- id: nettverkssamling-barnehage-2027-01-13\n" in after
    assert '  start_time: "09:00"\n' in after and "  audience: [barnehage, ledere]\n" in after


async def test_a_teacher_cannot_add_a_samling(editing: Editing) -> None:
    before = editing.samlinger
    answer = await editing.say(FAST, user=TEACHER)
    assert "bare for koordinatorene" in texts(answer)
    assert editing.samlinger == before


async def test_endresamling_changes_one_field_of_a_coming_samling(editing: Editing) -> None:
    await editing.press((await editing.say(FAST)).messages[1], "Lagre")
    before = editing.samlinger
    pick = await editing.say("/endresamling")
    fields = await editing.press(pick.messages[0], "Nettverkssamling barnehage")
    await editing.press(fields.messages[0], "dato")
    preview = await editing.say("20.01.2027")
    assert "onsdag 20. januar 2027" in preview.messages[1].text
    saved = await editing.press(preview.messages[1], "Lagre")
    assert "dato for «Nettverkssamling barnehage» er endret" in texts(saved)
    assert added_lines(before, editing.samlinger) == [  # `updated` is today both times
        "-   start: 2027-01-13",
        "+   start: 2027-01-20",
    ]
    history = texts(await editing.say("/endringer"))
    assert "dato: 2027-01-13 → 2027-01-20" in history


async def test_avlys_then_angre_puts_the_samling_back(editing: Editing) -> None:
    await editing.press((await editing.say(FAST)).messages[1], "Lagre")
    before = editing.samlinger
    pick = await editing.say("/avlys")
    confirm = await editing.press(pick.messages[0], "Nettverkssamling barnehage")
    assert "Vil du avlyse «Nettverkssamling barnehage» (onsdag 13. januar 2027)?" in texts(confirm)
    done = await editing.press(confirm.messages[0], "Avlys")
    assert "er avlyst" in texts(done)
    assert "  cancelled: true\n" in editing.samlinger
    assert "Angret: avlyst: ja → tomt" in texts(await editing.say("/angre"))
    assert editing.samlinger == before
    assert "Angret: fjernet «Nettverkssamling barnehage» igjen" in texts(
        await editing.say("/angre")
    )
    assert "nettverkssamling-barnehage" not in editing.samlinger
    assert "ingen endring som kan angres" in texts(await editing.say("/angre"))


async def test_two_coordinators_saving_at_once_keep_both_samlinger(editing: Editing) -> None:
    first = await editing.say(FAST)
    other = FAST.replace("Nettverkssamling barnehage", "Nettverkssamling skole")
    second = await editing.say(other, user=OTHER_ADMIN)
    await asyncio.gather(
        editing.press(first.messages[1], "Lagre"),
        editing.press(second.messages[1], "Lagre", user=OTHER_ADMIN),
    )
    kb = load_knowledge_base(editing.knowledge)
    assert "nettverkssamling-barnehage-2027-01-13" in kb
    assert "nettverkssamling-skole-2027-01-13" in kb


async def test_a_second_samling_with_the_same_title_and_day_gets_its_own_id(
    editing: Editing,
) -> None:
    for _ in range(2):
        await editing.press((await editing.say(FAST)).messages[1], "Lagre")
    kb = load_knowledge_base(editing.knowledge)
    assert "nettverkssamling-barnehage-2027-01-13" in kb
    assert "nettverkssamling-barnehage-2027-01-13-2" in kb


async def test_a_stale_avlys_button_does_not_cancel_twice(editing: Editing) -> None:
    await editing.press((await editing.say(FAST)).messages[1], "Lagre")
    pick = await editing.say("/avlys")
    confirm = await editing.press(pick.messages[0], "Nettverkssamling barnehage")
    await editing.press(confirm.messages[0], "Avlys")
    again = await editing.press(confirm.messages[0], "Avlys")  # still on screen
    assert again.notice is not None and "utløpt" in again.notice
    history = texts(await editing.say("/endringer"))
    assert history.count("avlyst: tomt → ja") == 1


async def test_a_stale_avlys_button_in_a_new_dialogue_says_it_is_already_cancelled(
    editing: Editing,
) -> None:
    for _ in range(2):
        await editing.press((await editing.say(FAST)).messages[1], "Lagre")
    pick = await editing.say("/avlys")
    confirm = await editing.press(pick.messages[0], "Nettverkssamling barnehage")
    await editing.press(confirm.messages[0], "Avlys")
    await editing.say("/avlys")  # the twin is still coming, so a new dialogue opens
    again = await editing.press(confirm.messages[0], "Avlys")
    assert "er allerede avlyst" in texts(again)
