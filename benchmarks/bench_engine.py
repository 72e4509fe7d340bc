"""Engine latency and load time, beside plain rapidfuzz WRatio in the same run.

    .venv/bin/python benchmarks/bench_engine.py [--sizes 2000 20000]

For the real knowledge base and generated ones, it prints per-question latency (p50, p99) of
`Engine.ask` and of `rapidfuzz.process.extractOne(question, all_phrasings, scorer=fuzz.WRatio)`,
their ratio, and the time to load (parse + validate) and index the knowledge base (wall clock,
and CPU time of this process, which other load on the machine does not inflate).
Every timed question is distinct and asked once, after a warm-up on other questions: word-level
caches are warm, as in production, but no answer is served from a cache of whole questions.
Targets: p50 <= 1 ms at 2,000 entries and <= 10 ms at 20,000, faster than WRatio at both;
load + index of 2,000 entries <= 0.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate_kb import generate
from benchmarks.table import markdown_table
from bot.core.engine import Engine
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.core.loading import load_knowledge_base

REAL_QUESTIONS = [
    "Når er neste samling?",
    "hva er dekom",
    "kva er rekom",
    "påmeldingsfrist for engelsk",
    "hvilke kommuner er med i gauldalsregionen",
    "samlinger i høst",
    "er skoleledersamlinga avlyst?",
    "når går bussen til Melhus?",
    "temaene i læringsorientert ledelse",
    "nesste samlig for barnehage",
]
NOW = datetime(2020, 9, 10, 12, tzinfo=OSLO)


def percentile(samples: Sequence[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def variants(questions: Sequence[str]) -> list[str]:
    """Distinct phrasings of the same questions, as different users would type them."""
    openers = ("", "hei, ", "lurer på: ", "Spørsmål: ")
    closers = ("", "?", " takk", "!!")
    return [f"{o}{q}{c}" for q in questions for o in openers for c in closers]


def timed(call: Callable[[str], object], questions: Sequence[str]) -> list[float]:
    """Milliseconds per question, each asked once after a warm-up on the first fifth."""
    warm_up = len(questions) // 5
    for question in questions[:warm_up]:
        call(question)
    samples = []
    for question in questions[warm_up:]:
        start = time.perf_counter()
        call(question)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure(label: str, directory: Path, questions: Sequence[str]) -> list[str]:
    wall, cpu = time.perf_counter(), time.process_time()
    kb = load_knowledge_base(directory)
    engine = Engine(kb)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    phrasings = _all_phrasings(kb)

    ours = timed(lambda q: engine.ask(q, NOW), questions)
    baseline = timed(lambda q: process.extractOne(q, phrasings, scorer=fuzz.WRatio), questions)
    ours_p50, base_p50 = statistics.median(ours), statistics.median(baseline)
    return [
        label,
        f"{len(kb):,}",
        f"{ours_p50:.3f}",
        f"{percentile(ours, 0.99):.3f}",
        f"{base_p50:.3f}",
        f"{percentile(baseline, 0.99):.3f}",
        f"{ours_p50 / base_p50:.2f}",
        f"{wall:.3f}",
        f"{cpu:.3f}",
    ]


def _all_phrasings(kb: KnowledgeBase) -> list[str]:
    return [text for entry in kb for text in (entry.title, *entry.phrasings, *entry.keywords)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 20000])
    args = parser.parse_args()
    headers = [
        "knowledge base",
        "entries",
        "ours p50 ms",
        "ours p99 ms",
        "WRatio p50 ms",
        "WRatio p99 ms",
        "p50 ratio",
        "load+index s",
        "load+index CPU s",
    ]
    rows = [measure("real", Path("knowledge"), variants(REAL_QUESTIONS))]
    real = load_knowledge_base(Path("knowledge"))
    with tempfile.TemporaryDirectory() as temp:
        for size in args.sizes:
            directory = Path(temp) / f"kb-{size}"
            questions = generate(real, size, directory) + variants(REAL_QUESTIONS)
            rows.append(measure(f"generated {size:,}", directory, questions))
    print(markdown_table(headers, rows))
    print("\np50 ratio = ours / WRatio (below 1 means faster than the baseline).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
