"""A fake Telegram Bot API for tests and benchmarks, on the standard library only.

`BotApi` is the behaviour: it records every call, answers with plausible JSON, holds a queue
of updates for `getUpdates` (long polling with Telegram's offset/timeout semantics) and can be
told to fail the next call to a method. `LoopbackServer` puts it behind a tiny HTTP/1.1 server
on 127.0.0.1 (keep-alive, Content-Length or chunked bodies, urlencoded and multipart forms), so
a real `python -m bot run` process can talk to it through `TELEGRAM_BASE_URL`. `Updates` builds
update JSON the way Telegram sends it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qsl

JSON = dict[str, Any]
TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"  # the shape BotFather hands out; not real

BOT_USER: JSON = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Kompetansebot",
    "username": "kompetanse_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
TRUE_METHODS = {
    "deleteWebhook",
    "setWebhook",
    "setMyCommands",
    "deleteMyCommands",
    "answerCallbackQuery",
    "answerInlineQuery",
    "sendChatAction",
    "close",
    "logOut",
}
# Form fields that are plain text; every other field is JSON-decoded (numbers, markup, lists).
TEXT_FIELDS = {"text", "caption", "query", "callback_query_id", "inline_query_id", "url"}


@dataclass
class Call:
    method: str
    params: JSON
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)
    result: Any = None  # what the fake answered (e.g. the message sent), once answered

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[list[JSON]]:
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if not isinstance(markup, dict):
            return []
        rows: list[list[JSON]] = markup.get("inline_keyboard", [])
        return rows

    @property
    def button_labels(self) -> list[str]:
        return [button["text"] for row in self.buttons for button in row]


@dataclass
class Failure:
    """How the next call to a method fails: an HTTP error, or a time-out in the fake request."""

    status: int
    description: str
    retry_after: int | None = None
    timeout: bool = False

    def body(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class BotApi:
    """The Bot API as a bot sees it, minus Telegram."""

    def __init__(self, bot: JSON | None = None) -> None:
        self.bot = dict(bot or BOT_USER)
        self.calls: list[Call] = []
        self.commands: list[JSON] = []
        self.failures: dict[str, list[Failure]] = {}
        self.delays: dict[str, list[float]] = {}  # seconds before answering (successfully)
        self.polls = 0  # getUpdates calls, which are not recorded in `calls`
        self.slow_answers = 0  # calls waiting in `answer_slowly`
        self.chat_types: dict[int, str] = {}
        self.group_admins: dict[int, list[int]] = {}  # getChatAdministrators: user ids, owner first
        self.listeners: list[Callable[[Call], None]] = []
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(10_000)
        self._changed: asyncio.Condition | None = None
        self.closed = False

    @property
    def changed(self) -> asyncio.Condition:
        if self._changed is None:  # created lazily, inside the running loop
            self._changed = asyncio.Condition()
        return self._changed

    # -- updates ------------------------------------------------------------------------------

    async def enqueue(self, update: JSON) -> int:
        """Queue an update for getUpdates; returns its update_id."""
        update.setdefault("update_id", next(self._update_ids))
        for part in update.values():
            if isinstance(part, dict) and isinstance(part.get("chat"), dict):
                self.chat_types[part["chat"]["id"]] = part["chat"].get("type", "private")
        async with self.changed:
            self._updates.append(update)
            self.changed.notify_all()
        return int(update["update_id"])

    def pending_updates(self) -> int:
        return len(self._updates)

    async def close(self) -> None:
        """Release every waiting long poll."""
        self.closed = True
        async with self.changed:
            self.changed.notify_all()

    # -- calls --------------------------------------------------------------------------------

    def fail_next(self, method: str, failure: Failure) -> None:
        self.failures.setdefault(method, []).append(failure)

    def answer_slowly(self, method: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls to `method` succeed, but only after `seconds`: slower than
        a client's read time-out, the message has arrived although the client gave up."""
        self.delays.setdefault(method, []).extend([seconds] * times)

    def next_failure(self, method: str) -> Failure | None:
        queued = self.failures.get(method)
        return queued.pop(0) if queued else None

    async def call(
        self, method: str, params: JSON, files: dict[str, tuple[str, bytes]] | None = None
    ) -> tuple[int, JSON]:
        """Record a call and answer it as (HTTP status, JSON body)."""
        record = Call(method, params, files or {})
        if method == "getUpdates":
            self.polls += 1
            async with self.changed:
                self.changed.notify_all()
        else:
            self.calls.append(record)
            for listener in self.listeners:
                listener(record)
            async with self.changed:
                self.changed.notify_all()
        failure = self.next_failure(method)
        if failure is not None:
            return failure.status, failure.body()
        delays = self.delays.get(method)
        if delays:
            deadline = time.monotonic() + delays.pop(0)
            self.slow_answers += 1
            try:
                while not self.closed and time.monotonic() < deadline:  # `close` ends it early
                    await asyncio.sleep(0.05)
            finally:
                self.slow_answers -= 1
        if method == "getUpdates":
            return 200, {"ok": True, "result": await self._get_updates(params)}
        result = self._result(method, params, record)
        if result is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        record.result = result
        return 200, {"ok": True, "result": result}

    def calls_to(self, *methods: str) -> list[Call]:
        return [call for call in self.calls if call.method in methods]

    def sent_to(self, chat_id: int) -> list[Call]:
        sent = self.calls_to("sendMessage", "sendDocument", "sendPhoto")
        return [call for call in sent if call.chat_id == chat_id]

    async def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 10.0) -> Call:
        """The first recorded call matching `predicate`, waiting for it up to `timeout`."""

        async def find() -> Call:
            async with self.changed:
                while True:
                    for call in self.calls:
                        if predicate(call):
                            return call
                    await self.changed.wait()

        return await asyncio.wait_for(find(), timeout)

    async def wait_for_polling(self, timeout: float = 10.0, *, after: int = 0) -> None:
        """Until getUpdates was called more than `after` times (the bot has started polling),
        waiting up to `timeout`."""

        async def polled() -> None:
            async with self.changed:
                while self.polls <= after:
                    await self.changed.wait()

        await asyncio.wait_for(polled(), timeout)

    def _result(self, method: str, params: JSON, call: Call) -> Any:
        if method == "getMe":
            return self.bot
        if method in TRUE_METHODS:
            if method == "setMyCommands":
                self.commands = list(params.get("commands") or [])
            return True
        if method == "getMyCommands":
            return self.commands
        if method == "getChatAdministrators":
            return self._administrators(int(params.get("chat_id", 0)))
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        if method == "sendMessage":
            return self._message(params, text=str(params.get("text", "")))
        if method == "editMessageText":
            message_id = int(params.get("message_id", 0))
            return self._message(params, text=str(params.get("text", "")), message_id=message_id)
        if method == "sendDocument":
            name = next(iter(call.files.values()), ("file", b""))[0]
            message = self._message(params, caption=params.get("caption"))
            message["document"] = {"file_id": "doc-1", "file_unique_id": "u1", "file_name": name}
            return message
        if method == "sendPhoto":
            message = self._message(params, caption=params.get("caption"))
            size = {"file_id": "photo-1", "file_unique_id": "p1", "width": 800, "height": 400}
            message["photo"] = [size]
            return message
        if method == "editMessageReplyMarkup":
            return self._message(params, message_id=int(params.get("message_id", 0)))
        return None

    def _administrators(self, chat_id: int) -> list[JSON]:
        members: list[JSON] = []
        for number, user_id in enumerate(self.group_admins.get(chat_id, [])):
            user = {"id": user_id, "is_bot": False, "first_name": "Admin"}
            if number == 0:
                members.append({"status": "creator", "user": user, "is_anonymous": False})
                continue
            rights = [
                "can_be_edited",
                "can_manage_chat",
                "can_delete_messages",
                "can_manage_video_chats",
                "can_restrict_members",
                "can_promote_members",
                "can_change_info",
                "can_invite_users",
                "can_post_stories",
                "can_edit_stories",
                "can_delete_stories",
            ]
            member: JSON = {"status": "administrator", "user": user, "is_anonymous": False}
            member.update(dict.fromkeys(rights, False))
            members.append(member)
        return members

    def _message(self, params: JSON, message_id: int | None = None, **content: Any) -> JSON:
        chat_id = int(params.get("chat_id", 0))
        message: JSON = {
            "message_id": message_id or next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": self.chat_types.get(chat_id, "private")},
            "from": self.bot,
        }
        message.update({key: value for key, value in content.items() if value is not None})
        if params.get("reply_markup"):
            markup = params["reply_markup"]
            message["reply_markup"] = json.loads(markup) if isinstance(markup, str) else markup
        return message

    async def _get_updates(self, params: JSON) -> list[JSON]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        async with self.changed:
            if offset:  # confirms every update before the offset
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self.closed:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.changed.wait(), remaining)
            return [u for u in self._updates if u["update_id"] >= offset][:limit]


class Updates:
    """Update JSON as Telegram sends it, with fresh ids and a consistent clock."""

    def __init__(self, bot: JSON | None = None) -> None:
        self.bot = bot or BOT_USER
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    @staticmethod
    def user(user_id: int, name: str = "Kari") -> JSON:
        return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "nb"}

    @staticmethod
    def chat(chat_id: int, chat_type: str = "private") -> JSON:
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": "Kari"}
        return {"id": chat_id, "type": chat_type, "title": "Lærerrommet"}

    def message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        chat_type: str = "private",
        user_id: int | None = None,
        entities: list[JSON] | None = None,
        reply_to_bot: bool = False,
        key: str = "message",
        **content: Any,
    ) -> JSON:
        """A message update; commands get their `bot_command` entity like in Telegram."""
        sender = user_id if user_id is not None else abs(chat_id)
        message: JSON = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id, chat_type),
            "from": self.user(sender),
        }
        if text is not None:
            message["text"] = text
            found = list(entities or [])
            if text.startswith("/"):
                length = len(text.split(maxsplit=1)[0].encode("utf-16-le")) // 2
                found.insert(0, {"type": "bot_command", "offset": 0, "length": length})
            if found:
                message["entities"] = found
        if reply_to_bot:
            message["reply_to_message"] = {
                "message_id": 9_999,
                "date": int(time.time()),
                "chat": self.chat(chat_id, chat_type),
                "from": self.bot,
                "text": "Et tidligere svar",
            }
        message.update(content)
        if key == "edited_message":
            message["edit_date"] = int(time.time())
        return {"update_id": next(self._ids), key: message}

    def mention(self, chat_id: int, question: str, *, user_id: int = 42) -> JSON:
        """A group message that starts by mentioning the bot: "@bot question"."""
        handle = "@" + str(self.bot["username"])
        text = f"{handle} {question}"
        entity = {"type": "mention", "offset": 0, "length": len(handle)}
        return self.message(
            chat_id, text, chat_type="supergroup", user_id=user_id, entities=[entity]
        )

    def button(
        self, chat_id: int, data: str | None, *, message_id: int = 500, chat_type: str = "private"
    ) -> JSON:
        query: JSON = {
            "id": f"cb{next(self._ids)}",
            "from": self.user(abs(chat_id)),
            "chat_instance": "ci-1",
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": self.chat(chat_id, chat_type),
                "from": self.bot,
                "text": "Et tidligere svar",
            },
        }
        if data is not None:
            query["data"] = data
        return {"update_id": next(self._ids), "callback_query": query}

    def inline(self, user_id: int, query: str) -> JSON:
        inline: JSON = {"id": f"iq{next(self._ids)}", "from": self.user(user_id), "query": query}
        inline["offset"] = ""
        return {"update_id": next(self._ids), "inline_query": inline}


# -- HTTP ---------------------------------------------------------------------------------------


class LoopbackServer:
    """`BotApi` behind HTTP on 127.0.0.1, at `base_url` (ends in `/bot`, like Telegram's)."""

    def __init__(self, api: BotApi, token: str) -> None:
        self.api = api
        self.token = token
        self.port = 0
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        await self.api.close()
        for _ in range(10):  # let slow answers see `closed` and end, rather than cancel them
            if not self.api.slow_answers:
                break
            await asyncio.sleep(0.05)
        if self._server is not None:
            self._server.close()
        for task in list(self._connections):
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def __aenter__(self) -> LoopbackServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                path, headers, body = request
                status, payload = await self._dispatch(path, headers, body)
                data = json.dumps(payload).encode()
                writer.write(
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                    "Content-Type: application/json\r\n"
                    f"Content-Length: {len(data)}\r\n"
                    "Connection: keep-alive\r\n\r\n".encode()
                    + data
                )
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            self._connections.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _dispatch(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, JSON]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix) :].split("?", 1)[0]
        params, files = _parse_form(headers.get("content-type", ""), body)
        return await self.api.call(method, params, files)


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, dict[str, str], bytes] | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None  # the client closed the connection
    lines = head.decode("latin-1").split("\r\n")
    _method, path, _version = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    else:
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return path, headers, body


def _parse_form(content_type: str, body: bytes) -> tuple[JSON, dict[str, tuple[str, bytes]]]:
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            content = part.get_payload(decode=True)
            if not isinstance(name, str) or not isinstance(content, bytes):
                continue
            if filename is not None:
                files[name] = (filename, content)
            else:
                fields[name] = content.decode()
    elif body:
        fields = dict(parse_qsl(body.decode(), keep_blank_values=True))
    return {name: _decode_field(name, value) for name, value in fields.items()}, files


def _decode_field(name: str, value: str) -> Any:
    if name in TEXT_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
