"""Fetching one calendar politely: conditional requests, a timeout and a size limit.

`If-None-Match` (ETag) and `If-Modified-Since` (Last-Modified) make an unchanged calendar a
304 with no body. A response over `max_bytes` is cut off and counts as a failure, so a wrong
URL (a video, a whole mailbox) cannot fill the memory. Uses httpx (installed with PTB), async.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 5_000_000
USER_AGENT = "Kompetansebot (kalenderabonnement)"


@dataclass(frozen=True, slots=True)
class Validators:
    """What the server said about the copy we have, for the next conditional request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A new body (with its validators), `unchanged` (304), or an `error` in Norwegian."""

    body: bytes | None = None
    validators: Validators = Validators()
    unchanged: bool = False
    error: str | None = None


class FeedFetcher:
    """One httpx client for every feed; `close` at shutdown."""

    def __init__(self, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._client: httpx.AsyncClient | None = None  # made at the first fetch

    def _session(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                timeout=httpx.Timeout(self.timeout),
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"},
            )
        return self._client

    async def fetch(self, url: str, known: Validators | None = None) -> Fetched:
        headers = {}
        if known is not None and known.etag:
            headers["If-None-Match"] = known.etag
        if known is not None and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        try:
            async with self._session().stream("GET", _webcal(url), headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(unchanged=True, validators=known or Validators())
                if response.status_code != 200:
                    return Fetched(error=f"svarte med HTTP-status {response.status_code}")
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        limit = self.max_bytes // 1_000_000
                        return Fetched(error=f"er større enn grensen på {limit} MB")
                validators = Validators(
                    response.headers.get("ETag"), response.headers.get("Last-Modified")
                )
                return Fetched(body=bytes(body), validators=validators)
        except httpx.TimeoutException:
            return Fetched(error="svarte ikke i tide")
        except httpx.HTTPError as error:
            return Fetched(error=f"kunne ikke hentes ({type(error).__name__})")

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None


def _webcal(url: str) -> str:
    """Outlook and Google hand out webcal:// links; they are https."""
    return "https://" + url.removeprefix("webcal://") if url.startswith("webcal://") else url
