"""A calendar on loopback: stdlib http.server on 127.0.0.1 (port 0), in a thread.

It serves `body` with an ETag and a Last-Modified, answers 304 to a matching conditional
request, and records every request's headers, so tests see how polite the polling is.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@dataclass
class Calendar:
    body: bytes = b""
    status: int = 200
    requests: list[dict[str, str]] = field(default_factory=list)
    modified: float = 1_780_000_000.0

    def publish(self, body: bytes) -> None:
        self.body, self.status = body, 200
        self.modified += 60

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:12] + '"'


@contextmanager
def serve(calendar: Calendar) -> Iterator[str]:
    """The calendar's URL while the server runs."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            calendar.requests.append(dict(self.headers.items()))
            if calendar.status != 200:
                self.send_response(calendar.status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == calendar.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("ETag", calendar.etag)
            self.send_header("Last-Modified", formatdate(calendar.modified, usegmt=True))
            self.send_header("Content-Length", str(len(calendar.body)))
            self.end_headers()
            self.wfile.write(calendar.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/kalender.ics"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
