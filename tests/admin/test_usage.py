"""What teachers ask, as the coordinators see it: the question log, 👍/👎, /statistikk,
/ubesvarte, retention, and the polite refusal of everyone who is not a coordinator."""

from __future__ import annotations

import io
import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from bot.core.reminders import ALL_EVENTS
from bot.storage import AnnouncementState, database_path
from tests.admin.helpers import (
    ADMIN,
    ALICE,
    NOW,
    UNKNOWN_QUESTION,
    Clock,
    one,
    only,
    running_bot,
)


async def test_every_question_is_logged_without_anything_about_who_asked(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        await bot.say(ALICE, "Hva er DEKOM?")
        await bot.say(ALICE, UNKNOWN_QUESTION)
        await bot.say(ALICE, "hei")  # small talk is not a question
        await bot.say(ALICE, "/neste")  # nor is a command
        group = bot.updates.mention(-100200, "hva er rekom", user_id=77)
        await bot.send(group)
        logged = bot.storage.questions.questions_since(NOW - timedelta(days=1))
        assert bot.errors == []
    assert [(q.question, q.entry_id, q.confident, q.intent) for q in logged] == [
        ("Hva er DEKOM?", "dekom", True, "what_is"),
        (UNKNOWN_QUESTION, None, False, "unknown"),
        ("hva er rekom", "rekom", True, "what_is"),
    ]
    raw = sqlite3.connect(database_path(tmp_path))
    rows = raw.execute("SELECT * FROM question_log").fetchall()
    raw.close()
    for row in rows:
        assert not {ALICE, 77, -100200, "Kari"} & set(row)


async def test_thumbs_under_an_answer_count_once_and_then_go_away(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        answer = one(await bot.say(ALICE, "Hva er DEKOM?"), "sendMessage")
        assert answer.button_labels[-2:] == ["👍", "👎"]
        follow_ups = answer.button_labels[:-2]
        assert follow_ups, "the follow-up buttons are there too"

        calls = await bot.press(ALICE, answer, "👍")
        assert one(calls, "answerCallbackQuery").params["text"] == "Takk for tilbakemeldingen!"
        edit = one(calls, "editMessageReplyMarkup", ALICE)
        assert edit.params["message_id"] == answer.result["message_id"]
        assert edit.button_labels == follow_ups  # only the thumbs went away
        assert only(calls, "sendMessage") == []

        again = await bot.press(ALICE, answer, "👎")  # an old client still shows them
        notice = one(again, "answerCallbackQuery").params["text"]
        assert notice == "Du har allerede gitt tilbakemelding på dette svaret."
        stats = bot.statistics.gather(NOW)
        assert bot.errors == []
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 0)


async def test_unsure_answers_offer_a_coordinator_instead_of_thumbs(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        answer = one(await bot.say(ALICE, UNKNOWN_QUESTION), "sendMessage")
        group = await bot.send(bot.updates.mention(-100200, UNKNOWN_QUESTION))
    assert "Spør en koordinator" in answer.button_labels
    assert "👍" not in answer.button_labels
    in_group = one(group, "sendMessage")
    assert "Spør en koordinator" not in in_group.button_labels  # hand-overs are private


@pytest.mark.parametrize(
    "command", ["/statistikk", "/ubesvarte", "/kunngjoring Hei alle sammen", "/kunngjoring"]
)
async def test_admin_commands_refuse_everyone_else_politely_and_log_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, command: str
) -> None:
    caplog.set_level(logging.WARNING)
    async with running_bot(tmp_path) as bot:
        calls = await bot.say(ALICE, command)
        pending = bot.storage.announcements.announcements(AnnouncementState.PENDING)
    refusal = one(calls, "sendMessage", ALICE).text
    assert refusal.startswith("Beklager, denne kommandoen er bare for koordinatorene")
    assert "/hjelp" in refusal
    assert only(calls, "sendPhoto") == []
    name = command.split()[0].removeprefix("/")
    refused = [r.getMessage() for r in caplog.records if "Refused" in r.getMessage()]
    assert refused == [f"Refused /{name} to user {ALICE}: not in ADMIN_IDS"]
    assert "Kari" not in caplog.text  # the log names the user id only
    assert pending == []  # nothing was stored for later


async def test_statistikk_sends_the_numbers_and_a_chart(tmp_path: Path) -> None:
    clock = Clock(NOW - timedelta(days=1))
    async with running_bot(tmp_path, clock) as bot:
        await bot.say(ALICE, "Hva er DEKOM?")
        await bot.say(ALICE, UNKNOWN_QUESTION)
        clock.advance(days=1)
        for question in ("Hva er DEKOM?", "Hva er REKOM?", "Når er neste samling?"):
            answer = one(await bot.say(ALICE, question), "sendMessage")
        await bot.press(ALICE, answer, "👎")
        for chat_id in (501, 502):
            bot.store.subscribe(chat_id, NOW, ALL_EVENTS)
        calls = await bot.say(ADMIN, "/statistikk")
        assert bot.errors == []
    text = one(calls, "sendMessage", ADMIN).text
    assert text.startswith("<b>Statistikk</b>")
    assert "Siste 30 dager (12.08.2020–10.09.2020)" in text
    assert "Spørsmål: 5 (i snitt 0,2 per dag)" in text
    assert "Besvart: 80 % (4 av 5)" in text
    assert "👍 0  👎 1" in text
    assert "Abonnenter: 2" in text
    assert "1. Desentralisert ordning for kompetanseutvikling i skolen (DEKOM) (2)" in text
    assert f"«{UNKNOWN_QUESTION}» ×1" in text
    photo = one(calls, "sendPhoto", ADMIN)
    assert "Spørsmål per dag" in photo.text
    ((_field, (filename, png)),) = photo.files.items()
    assert filename == "statistikk-2020-09-10.png"
    image = Image.open(io.BytesIO(png))
    assert (image.format, image.size) == ("PNG", (800, 400))


async def test_statistikk_takes_a_number_of_days(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        week = one(await bot.say(ADMIN, "/statistikk 7"), "sendMessage", ADMIN).text
        bad = await bot.say(ADMIN, "/statistikk mange")
    assert "Siste 7 dager (04.09.2020–10.09.2020)" in week
    assert "for eksempel /statistikk 7" in one(bad, "sendMessage", ADMIN).text
    assert only(bad, "sendPhoto") == []


async def test_ubesvarte_groups_similar_questions_with_counts(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        for question in (
            "Hvem er kontaktperson i Melhus?",
            "Får vi servert lunsj?",
            "kven er kontaktpersonen for melhus",
            "hvem er kontaktperson i melhus",
        ):
            await bot.say(ALICE, question)
        await bot.say(ALICE, "Hva er DEKOM?")  # answered: not listed
        text = one(await bot.say(ADMIN, "/ubesvarte"), "sendMessage", ADMIN).text
    assert text.startswith("<b>Ubesvarte spørsmål</b>")
    assert "1. «hvem er kontaktperson i melhus» ×3" in text
    assert "– «kven er kontaktpersonen for melhus»" in text
    assert "2. «Får vi servert lunsj?» ×1" in text
    assert "DEKOM" not in text
    assert "phrasings" in text  # what to do about it


async def test_old_questions_are_deleted_at_start_up_and_the_daily_job_is_set(
    tmp_path: Path,
) -> None:
    clock = Clock(NOW - timedelta(days=181))
    async with running_bot(tmp_path, clock) as bot:
        await bot.say(ALICE, "Hva er DEKOM?")  # 181 days before NOW
        clock.advance(days=2)
        await bot.say(ALICE, "Hva er REKOM?")  # 179 days before NOW
    async with running_bot(tmp_path, Clock(NOW)) as bot:
        left = [
            q.question for q in bot.storage.questions.questions_since(NOW - timedelta(days=400))
        ]
        jobs = [job.name for job in bot.app.job_queue.jobs()] if bot.app.job_queue else []
    assert left == ["Hva er REKOM?"]
    assert "question-log-retention" in jobs


async def test_answers_end_with_their_source_and_its_freshness(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        entry = one(await bot.say(ALICE, "Hva er Lesetråder?"), "sendMessage", ALICE)
        event = one(await bot.say(ALICE, "Når er neste samling?"), "sendMessage", ALICE)
    assert entry.text.endswith(
        "<i>Kilde: Trondheim kommune – Satsinger og kompetanseheving "
        "(sist oppdatert 18.04.2024)</i>"
    )
    assert event.text.endswith("<i>Kilde: Gauldalsregionen – Velkommen til Gauldalsregionen</i>")
