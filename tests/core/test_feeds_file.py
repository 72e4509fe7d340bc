"""feeds.yaml: calendars with defaults, checked like the entries (file:line: -: field)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.core.knowledge import EventFeed
from bot.core.loading import find_problems, load_knowledge_base
from tests.conftest import KNOWLEDGE_DIR


def knowledge_with(tmp_path: Path, feeds: str) -> Path:
    directory = tmp_path / "kunnskap"
    shutil.copytree(KNOWLEDGE_DIR, directory)
    (directory / "feeds.yaml").write_text(feeds, encoding="utf-8")
    return directory


def test_a_calendar_with_its_defaults_is_loaded(tmp_path: Path) -> None:
    directory = knowledge_with(
        tmp_path,
        "# Kalenderne boten henter samlinger fra\n"
        "feeds:\n"
        "  - url: https://outlook.office365.com/owa/calendar/abc/calendar.ics\n"
        "    name: Gauldalsregionens kalender\n"
        "    audience: [barnehage]\n"
        "    scheme: dekom\n"
        "    region: gauldalsregionen\n"
        "    organiser: Gauldalsregionen\n",
    )
    (feed,) = load_knowledge_base(directory).feeds
    assert feed == EventFeed(
        "https://outlook.office365.com/owa/calendar/abc/calendar.ics",
        name="Gauldalsregionens kalender",
        audience=("barnehage",),
        scheme="dekom",
        region="gauldalsregionen",
        organiser="Gauldalsregionen",
    )


def test_every_mistake_names_file_line_and_field(tmp_path: Path) -> None:
    directory = knowledge_with(
        tmp_path,
        "feeds:\n"
        "  - url: outlook.office365.com/kalender.ics\n"
        "  - url: https://calendar.google.com/basic.ics\n"
        "    audience: [barnehager]\n"
        "    scheme: gauldalsregionen\n"
        "    regionn: gauldalsregionen\n",
    )
    problems = [str(problem) for problem in find_problems(directory)]
    path = directory / "feeds.yaml"
    assert problems == [
        f"{path}:2: -: feeds.url: 'outlook.office365.com/kalender.ics' er ikke en nettadresse; "
        "den skal begynne med https://",
        f"{path}:4: -: feeds.audience: ukjent målgruppe 'barnehager' — mente du 'barnehage'? "
        "(målgruppene står under audiences i vocabulary.yaml)",
        f"{path}:5: -: feeds.scheme: ukjent ordning 'gauldalsregionen' (må ha kind: scheme)",
        f"{path}:6: -: feeds.regionn: ukjent felt 'regionn' — mente du 'region'?",
    ]
