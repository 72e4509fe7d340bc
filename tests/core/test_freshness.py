"""`python -m bot check` warnings: stale entries and sources without a link never fail it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from textwrap import dedent

from bot.core.freshness import freshness_warnings
from bot.core.knowledge import Entry, Kind, KnowledgeBase, Source, Vocabulary
from bot.core.loading import load_knowledge_base
from tests.conftest import KNOWLEDGE_DIR

TODAY = date(2026, 11, 22)


def test_the_real_knowledge_base_warns_only_about_the_missing_links() -> None:
    kb = load_knowledge_base(KNOWLEDGE_DIR)
    warnings = freshness_warnings(kb, TODAY)
    assert [(w.entry_id, w.field) for w in warnings] == [
        ("trondheim-satsinger", "url"),
        ("gauldalsregionen", "url"),
    ]
    first = str(warnings[0])
    assert first.startswith(f"{KNOWLEDGE_DIR / 'sources.yaml'}:4: trondheim-satsinger: url: ")
    assert "ingen nettadresse" in first


def test_an_entry_not_checked_for_over_a_year_is_named_with_file_and_line(
    tmp_path: Path,
) -> None:
    for path in KNOWLEDGE_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    ordninger = tmp_path / "ordninger.yaml"
    text = ordninger.read_text("utf-8")
    first_updated = text.index("updated:")
    end = text.index("\n", first_updated)
    ordninger.write_text(text[:first_updated] + "updated: 2025-06-30" + text[end:], "utf-8")
    kb = load_knowledge_base(tmp_path)
    stale = [w for w in freshness_warnings(kb, TODAY) if w.field == "updated"]
    assert len(stale) == 1
    assert stale[0].path == str(ordninger) and stale[0].entry_id == "dekom"
    assert stale[0].line == kb["dekom"].origin.line  # type: ignore[union-attr]
    assert "sist oppdatert 30.06.2025, for mer enn ett år siden (510 dager)" in stale[0].message
    a_year_later = freshness_warnings(kb, date(2026, 6, 30))
    assert [w.field for w in a_year_later] == ["url", "url"]  # exactly a year: not yet stale


def test_past_samlinger_do_not_go_stale_but_coming_ones_do() -> None:
    source = Source("kilde", "Kilden", "Kommunen", url="https://example.org/side")
    old = date(2020, 1, 1)
    past = _event("holdt", old, start=date(2020, 9, 18))
    coming = _event("kommer", old, start=date(2027, 3, 1))
    orphan = Entry("foreldrelos", Kind.TOPIC, "Uten kilde", "Svar.", "ukjent", TODAY)
    kb = KnowledgeBase((past, coming, orphan), {"kilde": source}, Vocabulary())
    warnings = freshness_warnings(kb, TODAY)
    assert [(w.entry_id, w.field) for w in warnings] == [
        ("foreldrelos", "source"),
        ("kommer", "updated"),
    ]
    assert "kilden «ukjent» finnes ikke i sources.yaml" in warnings[0].message


def test_source_lines_come_from_the_loader_and_a_directory_gives_none(tmp_path: Path) -> None:
    (tmp_path / "vocabulary.yaml").write_text(
        "tags: {}\naudiences: {}\nkinds: {}\nsynonyms: []\n", "utf-8"
    )
    (tmp_path / "sources.yaml").write_text(
        dedent("""\
            # kilder
            - id: a
              title: A
              publisher: Kommunen
            - id: b
              title: B
              publisher: Kommunen
            """),
        "utf-8",
    )
    kb = load_knowledge_base(tmp_path)
    assert {k: v.origin.line for k, v in kb.sources.items() if v.origin} == {"a": 2, "b": 5}
    warnings = freshness_warnings(kb, TODAY)
    assert [(Path(w.path).name, w.line, w.entry_id) for w in warnings] == [
        ("sources.yaml", 2, "a"),
        ("sources.yaml", 5, "b"),
    ]


def _event(entry_id: str, updated: date, *, start: date) -> Entry:
    from bot.core.knowledge import EventDetails

    return Entry(
        entry_id,
        Kind.EVENT,
        entry_id.capitalize(),
        "",
        "kilde",
        updated,
        event=EventDetails(start=start),
    )
