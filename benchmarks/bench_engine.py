"""Engine latency and load time, beside plain rapidfuzz WRatio in the same run.

    .venv/bin/python benchmarks/bench_engine.py [--sizes 2000 20000] [--repeat 3]

For the real knowledge base and generated ones, it prints per-question latency (p50, p99) of
`Engine.ask` and of `rapidfuzz.process.extractOne(question, all_phrasings, scorer=fuzz.WRatio)`,
their ratio, and the time to load (parse + validate) and index the knowledge base.
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


def timed(call: Callable[[str], object], questions: Sequence[str], repeat: int) -> list[float]:
    """Milliseconds per question; the first pass warms caches and is not counted."""
    for question in questions:
        call(question)
    samples = []
    for _ in range(repeat):
        for question in questions:
            start = time.perf_counter()
            call(question)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure(label: str, directory: Path, questions: Sequence[str], repeat: int) -> list[str]:
    start = time.perf_counter()
    kb = load_knowledge_base(directory)
    loaded = time.perf_counter()
    engine = Engine(kb)
    indexed = time.perf_counter()
    phrasings = _all_phrasings(kb)

    ours = timed(lambda q: engine.ask(q, NOW), questions, repeat)
    baseline = timed(
        lambda q: process.extractOne(q, phrasings, scorer=fuzz.WRatio), questions, repeat
    )
    ours_p50, base_p50 = statistics.median(ours), statistics.median(baseline)
    return [
        label,
        f"{len(kb):,}",
        f"{ours_p50:.3f}",
        f"{percentile(ours, 0.99):.3f}",
        f"{base_p50:.3f}",
        f"{percentile(baseline, 0.99):.3f}",
        f"{ours_p50 / base_p50:.2f}",
        f"{(loaded - start):.3f}",
        f"{(indexed - loaded):.3f}",
    ]


def _all_phrasings(kb: KnowledgeBase) -> list[str]:
    return [text for entry in kb for text in (entry.title, *entry.phrasings, *entry.keywords)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    headers = [
        "knowledge base",
        "entries",
        "ours p50 ms",
        "ours p99 ms",
        "WRatio p50 ms",
        "WRatio p99 ms",
        "p50 ratio",
        "load s",
        "index s",
    ]
    rows = [measure("real", Path("knowledge"), REAL_QUESTIONS, args.repeat * 10)]
    real = load_knowledge_base(Path("knowledge"))
    with tempfile.TemporaryDirectory() as temp:
        for size in args.sizes:
            directory = Path(temp) / f"kb-{size}"
            questions = generate(real, size, directory) + REAL_QUESTIONS
            rows.append(measure(f"generated {size:,}", directory, questions, args.repeat))
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    print("\np50 ratio = ours / WRatio (below 1 means faster than the baseline).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
