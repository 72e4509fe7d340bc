"""Audiences inside broader ones: a styrer is a leader in a barnehage, so a samling "for
barnehage og ledere" is for styrere too.

The vocabulary says it without a field of its own: an audience is inside another when its first
word is one of the other's words ("styrer" is a word of `ledere`), and inside a sector its label
names ("styrere i barnehage").
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.knowledge import Audience
from bot.core.text import fold


def broader_audiences(
    audiences: Mapping[str, Audience], wanted: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The wanted audiences that lie inside others, and those others with the sectors the
    narrow ones' labels name."""
    narrow: set[str] = set()
    broader: set[str] = set()
    for name in wanted:
        audience = audiences.get(name)
        if audience is None or not audience.words:
            continue
        around = {
            other.id
            for other in audiences.values()
            if other.id != name and audience.words[0] in other.words
        }
        if around:
            label = fold(audience.label).split()
            sectors = {other.id for other in audiences.values() if fold(other.label) in label}
            narrow.add(name)
            broader |= around | sectors
    return frozenset(narrow), frozenset(broader - narrow)
