"""Generate a large, realistic-looking knowledge base for benchmarks.

The generated entries reuse the real vocabulary and sources and mix the real knowledge base's
words with made-up Norwegian-looking ones, so the index sees a vocabulary that grows with the
knowledge base, as a real one would. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

from bot.core.knowledge import Kind, KnowledgeBase
from bot.core.text import words

SYLLABLES = "ba be bi bo bu da de di do fa fe fi fo ga ge gi go ha he hi ho ka ke ki ko la le "
SYLLABLES += "li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo lær"
SUFFIXES = ("", "en", "ing", "ene", "er", "et", "skap", "het", "else", "tjeneste", "arbeid")
KINDS = [k for k in Kind if k is not Kind.EVENT]


def _made_up_words(rng: random.Random, count: int) -> list[str]:
    syllables = SYLLABLES.split()
    result: set[str] = set()
    while len(result) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        result.add(word + rng.choice(SUFFIXES))
    return sorted(result)


def generate(kb: KnowledgeBase, size: int, directory: Path, seed: int = 7) -> list[str]:
    """Write a knowledge base of `size` entries to `directory`; return sample questions."""
    rng = random.Random(seed)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    real_words = sorted({w for e in kb for w in words(e.title + " " + e.answer) if len(w) > 3})
    pool = real_words + _made_up_words(rng, max(500, size // 4))
    audiences = sorted(kb.vocabulary.audiences)
    entries: list[dict[str, object]] = []
    questions: list[str] = []
    for number in range(size):
        title_words = rng.sample(pool, 3)
        title = " ".join(title_words).capitalize()
        entry: dict[str, object] = {
            "id": f"generert-{number}",
            "kind": "event" if rng.random() < 0.3 else rng.choice(KINDS).value,
            "title": title,
            "answer": " ".join(rng.sample(pool, 12)).capitalize() + ".",
            "source": "gauldalsregionen",
            "updated": date(2026, 11, 22),
            "phrasings": [f"hva er {title.lower()}", f"{' '.join(rng.sample(pool, 3))}"],
            "keywords": rng.sample(pool, 2),
        }
        if entry["kind"] == "event":
            start = date(2019, 1, 1) + timedelta(days=rng.randint(0, 365 * 8))
            entry["start"] = start
            entry["audience"] = rng.sample(audiences, 2)
            if rng.random() < 0.5:
                entry["deadline"] = start - timedelta(days=rng.randint(1, 20))
            entry["cancelled"] = rng.random() < 0.05
        entries.append(entry)
        if number % max(1, size // 400) == 0:
            questions.append(_question_about(rng, title_words))
    for name in ("sources.yaml", "vocabulary.yaml"):
        shutil.copy(Path("knowledge") / name, directory / name)
    (directory / "generert.yaml").write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return questions


def _question_about(rng: random.Random, title_words: list[str]) -> str:
    """A user-like question about a generated entry, sometimes with a typo."""
    subject = " ".join(title_words[: rng.randint(1, 3)])
    if rng.random() < 0.3 and len(subject) > 6:
        cut = rng.randint(1, len(subject) - 2)
        subject = subject[:cut] + subject[cut + 1 :]
    template = rng.choice(
        ["hva er {}", "når er {}", "fortell om {}", "{}", "hvem er {} for", "frist for {}"]
    )
    return template.format(subject)
