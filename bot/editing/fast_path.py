"""`/nysamling` with the whole samling in one message: one `felt: verdi` line per field.

The field names are those of the YAML files (title, start, start_time, ...), so a coordinator
who knows the files needs nothing new; every problem names its line and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.core.knowledge import KnowledgeBase
from bot.core.loading import Problem
from bot.editing import texts
from bot.editing.values import FAST_PATH_FIELDS, Value, ValueProblemError, read_value


@dataclass
class FastPath:
    fields: dict[str, Value] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field -> its line in the message
    errors: list[str] = field(default_factory=list)


def read_fast_path(argument: str, today: date, kb: KnowledgeBase) -> FastPath:
    """The fields of the message; line 1 is the first line after `/nysamling`."""
    result = FastPath()
    for number, line in enumerate(argument.splitlines(), start=1):
        if not line.strip():
            continue
        name, colon, text = line.partition(":")
        name = name.strip().lower()
        if not colon:
            result.errors.append(texts.FAST_PATH_FORMAT.format(line=number))
            continue
        if name not in FAST_PATH_FIELDS:
            fields = ", ".join(FAST_PATH_FIELDS)
            result.errors.append(
                texts.FAST_PATH_UNKNOWN.format(line=number, name=name, fields=fields)
            )
            continue
        result.lines[name] = number
        try:
            result.fields[name] = read_value(name, text, today, kb)
        except ValueProblemError as problem:
            result.errors.append(
                texts.FAST_PATH_PROBLEM.format(line=number, name=name, problem=problem)
            )
    for name in ("title", "start"):
        if name not in result.fields and name not in result.lines:
            prompt = texts.PROMPTS[name]
            result.errors.append(texts.FAST_PATH_MISSING.format(name=name, prompt=prompt))
    return result


def problem_lines(fast: FastPath, problems: tuple[Problem, ...], entry_id: str) -> list[str]:
    """The loader's problems with the new entry, each at the line that set the field."""
    lines = []
    for problem in problems:
        if problem.entry_id not in (entry_id, None):
            continue
        name = (problem.field or "").split(".")[0]
        number = fast.lines.get(name)
        if number is None:
            lines.append(f"{name or 'samlingen'}: {problem.message}")
        else:
            lines.append(
                texts.FAST_PATH_PROBLEM.format(line=number, name=name, problem=problem.message)
            )
    return lines
