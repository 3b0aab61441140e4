"""A stand-in for the Telegram Bot API on 127.0.0.1: records every call and answers like Telegram.

python-telegram-bot posts form fields whose complex values (``reply_markup``) are JSON; the
answers are ``{"ok": true, "result": ...}`` with a real-looking Message for ``sendMessage``.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_ID = 7000000001
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Dayfinder", "username": "dayfinder_test_bot"}


@dataclass
class Call:
    token: str
    method: str
    params: dict[str, Any]

    def markup(self) -> dict[str, Any] | None:
        raw = self.params.get("reply_markup")
        return json.loads(raw) if raw else None

    def buttons(self) -> list[tuple[str, str]]:
        markup = self.markup() or {}
        return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class FakeBotApi:
    calls: list[Call] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(100))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, token: str, method: str, params: dict[str, Any]) -> Any:
        with self._lock:
            self.calls.append(Call(token, method, params))
            message_id = next(self._ids)
        if method == "getMe":
            return {
                **BOT_USER,
                "can_join_groups": False,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method == "sendMessage":
            chat_id = int(params["chat_id"])
            return {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
        return True

    def sent(self) -> list[Call]:
        return [c for c in self.calls if c.method == "sendMessage"]

    def methods(self) -> list[str]:
        return [c.method for c in self.calls]

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()


def serve(api: FakeBotApi, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start the fake on ``port`` (a free one by default); the ``base_url`` to give python-telegram-bot."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            _, bot, method = self.path.split("/", 2)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            kind = self.headers.get("Content-Type", "")
            params = json.loads(body) if "json" in kind and body else dict(parse_qsl(body))
            result = api.answer(bot.removeprefix("bot"), method, params)
            payload = json.dumps({"ok": True, "result": result}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/bot"
