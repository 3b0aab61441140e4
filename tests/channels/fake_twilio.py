"""A stand-in for Twilio's Messages API on 127.0.0.1: checks the account's Basic auth, keeps each
message created, and answers 201 with a message resource as Twilio does (401 for wrong auth, 404
for any other path)."""

from __future__ import annotations

import base64
import itertools
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN


@dataclass
class FakeTwilio:
    account_sid: str = ACCOUNT_SID
    created: list[dict[str, str]] = field(default_factory=list)
    _sids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def create(self, params: dict[str, str]) -> dict[str, Any]:
        with self._lock:
            self.created.append(params)
            sid = f"SM{next(self._sids):032x}"
        return {
            "sid": sid,
            "account_sid": self.account_sid,
            "status": "queued",
            "to": params.get("To"),
            "from": params.get("From"),
            "body": params.get("Body"),
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
        }


@contextmanager
def serve(account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> Iterator[tuple[FakeTwilio, str]]:
    """The fake for this account on a free port, and the base URL to give as ``twilio_api_base_url``."""
    api = FakeTwilio(account_sid)
    expected = "Basic " + base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode()
    path = f"/2010-04-01/Accounts/{account_sid}/Messages.json"

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            if self.path != path:
                self._answer(404, {"code": 20404, "message": "The requested resource was not found"})
            elif self.headers.get("Authorization") != expected:
                self._answer(401, {"code": 20003, "message": "Authenticate"})
            else:
                self._answer(201, api.create(dict(parse_qsl(body, keep_blank_values=True))))

        def _answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield api, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
