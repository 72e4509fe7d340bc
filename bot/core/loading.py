"""Load the knowledge base from its YAML files and check everything an editor can get wrong.

The files are read by `bot.core.yaml_reader`, which keeps the line of every key and value, so
each problem points at its line. `sources_file`, `vocabulary_file`, `entry_files` and
`feeds_file` read the four kinds of file; this module reads them all, checks the ids and
references between them and builds the `KnowledgeBase`.

Every problem in every file is collected before anything is reported, so one run of the check
shows the editor the whole list. The format is described in `docs/knowledge-format.md`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from yaml.nodes import Node, SequenceNode

from bot.core.bulk import cyclic_gc_paused
from bot.core.entry_files import ENTRY_FIELDS, Draft, Target, read_entries
from bot.core.feeds_file import FEEDS_FILE, FeedAsRead, feed_references, read_feeds
from bot.core.knowledge import Kind, KnowledgeBase
from bot.core.sources_file import SourcesAsRead, read_sources
from bot.core.vocabulary_file import VocabularyAsRead, read_vocabulary
from bot.core.yaml_reader import Problem, unknown_value

__all__ = ["KnowledgeBaseError", "Problem", "find_problems", "load_knowledge_base"]

SOURCES_FILE = "sources.yaml"
VOCABULARY_FILE = "vocabulary.yaml"


class KnowledgeBaseError(Exception):
    """The knowledge base has problems; `problems` lists all of them, in file and line order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def load_knowledge_base(directory: Path) -> KnowledgeBase:
    """Read and validate the knowledge base in `directory`; raise with every problem found."""
    with cyclic_gc_paused():
        knowledge_base, problems = _load(directory)
    if problems or knowledge_base is None:
        raise KnowledgeBaseError(problems)
    return knowledge_base


def find_problems(directory: Path) -> list[Problem]:
    """Every problem in the knowledge base in `directory`; empty when it is valid."""
    return _load(directory)[1]


def _load(directory: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    problems: list[Problem] = []
    if not directory.is_dir():
        message = "mappen med kunnskapsbasen finnes ikke"
        problems.append(Problem(str(directory), 1, None, None, message))
        return None, problems

    sources = read_sources(directory / SOURCES_FILE, problems)
    vocabulary = read_vocabulary(directory / VOCABULARY_FILE, problems)
    drafts: list[Draft] = []
    all_read = True  # if not, an id that seems unknown may be in the file that was not read
    for path in sorted(directory.glob("*.yaml")):
        if path.name not in (SOURCES_FILE, VOCABULARY_FILE, FEEDS_FILE) and path.is_file():
            file_drafts = read_entries(path, problems)
            all_read = all_read and file_drafts is not None
            drafts.extend(file_drafts or [])
    feeds = read_feeds(directory / FEEDS_FILE, problems)
    _check_ids_are_unique(drafts)
    _check_references(drafts, sources, vocabulary, all_entries_read=all_read)
    _check_feed_references(feeds, drafts, vocabulary, all_entries_read=all_read)

    problems.sort(key=lambda problem: (problem.path, problem.line))
    if problems or sources is None or vocabulary is None:
        return None, problems
    entries = tuple(draft.entry for draft in drafts if draft.entry is not None)
    built_feeds = tuple(feed.feed for feed in feeds if feed.feed is not None)
    return KnowledgeBase(entries, sources.built, vocabulary.built(), built_feeds), problems


# --------------------------------------------------------------------------------------------
# Checks across files: unique ids, and every reference pointing at something that exists


def _check_ids_are_unique(drafts: list[Draft]) -> None:
    first: dict[str, Draft] = {}
    for draft in drafts:
        entry_id = draft.id
        if entry_id is None:
            continue
        if entry_id not in first:
            first[entry_id] = draft
            continue
        other = first[entry_id]
        draft.where.for_field("id").report(
            draft.record.nodes["id"],
            f"id-en '{entry_id}' er brukt før, i {other.where.path}:{other.line}; "
            "hver oppføring trenger sin egen id",
        )


def _check_references(
    drafts: list[Draft],
    sources: SourcesAsRead | None,
    vocabulary: VocabularyAsRead | None,
    *,
    all_entries_read: bool,
) -> None:
    """Report ids that point at nothing. Where a file could not be read (and its problem is
    already reported), ids it would have defined are not reported as unknown."""
    entries: dict[str, Draft] = {}
    for draft in drafts:
        if draft.id is not None:
            entries.setdefault(draft.id, draft)
    source_ids = sources.ids if sources is not None else None
    tags = vocabulary.tags if vocabulary is not None else None
    audiences = _audiences(vocabulary)
    for draft in drafts:
        for target, value, node, name in _references(draft):
            where = draft.where.for_field(name)
            if target == "source" and source_ids is not None and value not in source_ids:
                where.report(node, unknown_value("kilde", value, source_ids, "se sources.yaml"))
            elif target == "tag" and tags is not None and value not in tags:
                hint = "taggene står i vocabulary.yaml"
                where.report(node, unknown_value("tagg", value, tags, hint))
            elif target == "audience" and audiences is not None and value not in audiences:
                where.report(node, _unknown_audience(value, audiences))
            elif target in ("entry", "scheme", "region"):
                message = _entry_reference_problem(target, value, draft, entries)
                if message and (all_entries_read or value in entries):
                    where.report(node, message)


def _check_feed_references(
    feeds: list[FeedAsRead],
    drafts: list[Draft],
    vocabulary: VocabularyAsRead | None,
    *,
    all_entries_read: bool,
) -> None:
    """The calendars' default audience, scheme and region must exist, like an entry's."""
    entries = {draft.id: draft for draft in drafts if draft.id is not None}
    audiences = _audiences(vocabulary)
    for target, value, node, where in feed_references(feeds):
        if target == "audience":
            if audiences is not None and value not in audiences:
                where.report(node, _unknown_audience(value, audiences))
            continue
        what, kinds = _REFERENCE_KINDS[target]
        found = entries.get(value)
        if found is not None and found.kind in kinds:
            continue
        if found is None and not all_entries_read:
            continue
        choices = [entry_id for entry_id, other in entries.items() if other.kind in kinds]
        allowed = " eller ".join(f"kind: {kind}" for kind in kinds)
        where.report(node, unknown_value(what, value, choices, f"må ha {allowed}"))


def _audiences(vocabulary: VocabularyAsRead | None) -> Mapping[str, object] | None:
    return vocabulary.audiences if vocabulary is not None else None


def _unknown_audience(value: str, audiences: Mapping[str, object]) -> str:
    hint = "målgruppene står under audiences i vocabulary.yaml"
    return unknown_value("målgruppe", value, audiences, hint)


_REFERENCE_KINDS: dict[Target, tuple[str, tuple[Kind, ...]]] = {
    "entry": ("oppføring", tuple(Kind)),
    "scheme": ("ordning", (Kind.SCHEME,)),
    "region": ("region", (Kind.REGION, Kind.NETWORK)),
}


def _entry_reference_problem(
    target: Target, value: str, draft: Draft, entries: Mapping[str, Draft]
) -> str | None:
    what, kinds = _REFERENCE_KINDS[target]
    allowed = " eller ".join(f"kind: {kind}" for kind in kinds)
    if value not in entries:
        choices = [entry_id for entry_id, other in entries.items() if other.kind in kinds]
        hint = "ingen oppføring har denne id-en"
        return unknown_value(
            what, value, choices, hint if target == "entry" else f"må ha {allowed}"
        )
    if target == "entry" and value == draft.id:
        return f"oppføringen peker på seg selv; fjern '{value}' fra related"
    kind = entries[value].kind
    if kind is not None and kind not in kinds:
        return f"'{value}' har kind: {kind}, men må være en {what} ({allowed})"
    return None


def _references(draft: Draft) -> Iterable[tuple[Target, str, Node, str]]:
    """Every id the entry refers to, with the node it is written in."""
    for name, node in draft.record.nodes.items():
        target = ENTRY_FIELDS[name].refers_to
        if target is None or name not in draft.record.values:
            continue
        items = node.value if isinstance(node, SequenceNode) else [node]
        for item in items:
            yield target, str(item.value), item, name
