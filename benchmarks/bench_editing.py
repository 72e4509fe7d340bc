"""How long a coordinator waits: checking one dialogue answer (`Editor.try_new`: the loader on
a scratch copy of the knowledge base) and saving (`Editor.create`: re-read, round-trip, check,
replace, log), on the real knowledge base and on generated ones. Prints a table; run with
`python -m benchmarks.bench_editing [--sizes 2000]`.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from benchmarks.generate_kb import generate
from benchmarks.table import markdown_table
from bot.core.knowledge import OSLO
from bot.core.loading import load_knowledge_base
from bot.editing.editor import Editor
from bot.editing.values import Value
from bot.runtime.live import LiveKnowledge
from bot.storage import open_storage

ROUNDS = 5


async def _nothing() -> None:
    return None


def measure(label: str, directory: Path, data: Path) -> list[str]:
    kb = load_knowledge_base(directory)
    storage = open_storage(data)
    editor = Editor(directory, LiveKnowledge.of(kb), storage.changes, _nothing)
    now = datetime(2026, 12, 1, 10, 0, tzinfo=OSLO)
    checks, saves = [], []
    for number in range(ROUNDS):
        fields: dict[str, Value] = {"title": f"Samling {number}", "start": date(2027, 1, 13)}
        started = time.perf_counter()
        candidate = editor.try_new(fields, kb, now.date())
        checks.append(time.perf_counter() - started)
        assert candidate.entry is not None, candidate.problems
        started = time.perf_counter()
        asyncio.run(editor.create(1, fields, kb, now))
        saves.append(time.perf_counter() - started)
    storage.close()
    return [
        label,
        f"{len(kb):,}",
        f"{statistics.median(checks) * 1000:.0f}",
        f"{statistics.median(saves) * 1000:.0f}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000])
    args = parser.parse_args()
    headers = ["knowledge base", "entries", "check one answer ms", "save ms"]
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        real = Path(temp) / "real"
        shutil.copytree(Path("knowledge"), real)
        rows.append(measure("real", real, Path(temp) / "data-real"))
        kb = load_knowledge_base(Path("knowledge"))
        for size in args.sizes:
            directory = Path(temp) / f"kb-{size}"
            generate(kb, size, directory)
            rows.append(measure(f"generated {size:,}", directory, Path(temp) / f"data-{size}"))
    print(markdown_table(headers, rows))
    print(f"\nMedian of {ROUNDS}; the save excludes the reload (which indexes, as any reload).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
