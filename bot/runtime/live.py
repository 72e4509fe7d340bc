"""The knowledge in use: one immutable snapshot behind one reference, swapped in one step.

Everyone who answers or plans (the conversation, the features, the waves) holds the
`LiveKnowledge` and reads `.current` (or `.kb`) when it needs it; nobody keeps the snapshot or
its knowledge base. A reload (bot.runtime.reload) builds a new `Knowledge` off the event loop
and `swap`s it in with one assignment, so every reader sees either the old knowledge or the
new, never a mix.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Knowledge:
    """A knowledge base and the engine indexed from it: always used together."""

    kb: KnowledgeBase
    engine: Engine

    @classmethod
    def of(cls, kb: KnowledgeBase) -> Knowledge:
        """Index `kb` (takes a noticeable moment for a real knowledge base)."""
        return cls(kb, Engine(kb))


class LiveKnowledge:
    """The one reference to the knowledge in use; see the module docstring."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._current = knowledge

    @classmethod
    def of(cls, kb: KnowledgeBase, engine: Engine | None = None) -> LiveKnowledge:
        return cls(Knowledge(kb, engine or Engine(kb)))

    @property
    def current(self) -> Knowledge:
        return self._current

    @property
    def kb(self) -> KnowledgeBase:
        return self._current.kb

    def swap(self, knowledge: Knowledge) -> None:
        """Make `knowledge` the one in use, for every reader at once."""
        self._current = knowledge
