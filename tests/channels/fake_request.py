"""A PTB request layer that talks to `BotApi` in-process instead of over HTTP."""

from __future__ import annotations

import json

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from tests.fake_bot_api import JSON, BotApi, Call


class FakeRequest(BaseRequest):
    """Every Bot API call goes to `api`, which records it and answers like Telegram."""

    def __init__(self, api: BotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params: JSON = dict(request_data.parameters) if request_data is not None else {}
        files: dict[str, tuple[str, bytes]] = {}
        if request_data is not None and request_data.contains_files:
            for name, (filename, content, _mime) in request_data.multipart_data.items():
                files[name] = (filename, content if isinstance(content, bytes) else content.read())
        queued = self.api.failures.get(api_method)
        if queued and queued[0].timeout:  # a time-out happens below HTTP, so it is raised here
            queued.pop(0)
            self.api.calls.append(Call(api_method, params, files))
            raise TimedOut("fake time-out")
        status, body = await self.api.call(api_method, params, files)
        return status, json.dumps(body).encode()
