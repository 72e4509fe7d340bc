"""What one poll of a calendar feed costs: parsing and expanding it, then merging and indexing.

    .venv/bin/python benchmarks/bench_feeds.py [--sizes 50 500 2000]

For generated Outlook-shaped calendars (Windows TZID, no VTIMEZONE; one in five events a weekly
series with an EXDATE), it prints the size of the file, the samlinger it expands to within the
coming 12 months, and the wall-clock time to parse and expand it (`parse_feed`) and to merge it
into the real knowledge base and index the result (`Knowledge.of`, what a changed feed costs).
An unchanged feed costs a 304 and nothing else.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.knowledge import OSLO, EventFeed
from bot.core.loading import load_knowledge_base
from bot.feeds.events import parse_feed
from bot.feeds.merge import merge_feeds
from bot.runtime.live import Knowledge

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=OSLO)
ZONE = "W. Europe Standard Time"


def calendar(events: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:Microsoft Exchange Server 2010"]
    for number in range(events):
        day = date(2026, 12, 7) + timedelta(days=number % 330)
        lines += [
            "BEGIN:VEVENT",
            f"UID:040000008200E00074C5B7101A82E0080000000{number:012d}",
            f"SUMMARY:Nettverkssamling {number}",
            f"DTSTART;TZID={ZONE}:{day:%Y%m%d}T090000",
            f"DTEND;TZID={ZONE}:{day:%Y%m%d}T150000",
            "LOCATION:Støren rådhus",
            "DESCRIPTION:Vi møtes til samling om språkmiljø\\, lek og vurdering for læring.",
        ]
        if number % 5 == 0:
            skipped = day + timedelta(days=14)
            lines += ["RRULE:FREQ=WEEKLY;COUNT=20", f"EXDATE;TZID={ZONE}:{skipped:%Y%m%d}T090000"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    args = parser.parse_args()
    kb = load_knowledge_base(Path(__file__).resolve().parents[1] / "knowledge")
    feed = EventFeed("https://outlook.example/calendar.ics", audience=("barnehage",))
    print(f"{'VEVENTs':>8} {'file kB':>8} {'samlinger':>10} {'parse s':>8} {'merge+index s':>14}")
    for size in args.sizes:
        body = calendar(size)
        started = time.perf_counter()
        content = parse_feed(body, feed, NOW)
        parsed = time.perf_counter() - started
        started = time.perf_counter()
        Knowledge.of(merge_feeds(kb, [content]))
        indexed = time.perf_counter() - started
        print(
            f"{size:>8} {len(body) / 1000:>8.0f} {len(content.events):>10} "
            f"{parsed:>8.2f} {indexed:>14.2f}"
        )


if __name__ == "__main__":
    main()
