"""A stand-in for a council's Open Referral UK API on 127.0.0.1, serving a feed page by page.

``style="oruk1"`` answers ``/services`` as ORUK 1.0 APIs do: full services in ``content`` with
``totalElements``/``totalPages``. ``style="oruk3"`` answers as the ORUK 3.0 openapi says: summaries
(one-to-one fields only) in ``contents`` with ``total_items``/``total_pages``, and each full
service at ``/services/{id}``. ``fail_once`` names request paths (``/services?page=2``) that
answer 503 the first time they are asked for. It counts requests and the most served at once.
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class FakeOruk:
    records: list[dict[str, Any]]
    style: Literal["oruk1", "oruk3"] = "oruk1"
    fail_once: set[str] = field(default_factory=set)
    broken: set[str] = field(default_factory=set)  # always answer 503
    delay: float = 0.0
    first_page: int = 1  # 0 for APIs that number pages from 0
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    most_at_once: int = 0
    _at_once: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, target: str) -> tuple[int, object]:
        with self._lock:
            self.requests.append(target)
            if target in self.broken:
                return 503, {"error": "down"}
            if target in self.fail_once:
                self.fail_once.discard(target)
                self.failed.append(target)
                return 503, {"error": "try again"}
        parts = urlsplit(target)
        if parts.path == "/services":
            query = parse_qs(parts.query)
            return 200, self._page(int(query.get("page", ["1"])[0]), int(query.get("per_page", ["50"])[0]))
        if parts.path.startswith("/services/"):
            wanted = unquote(parts.path.removeprefix("/services/"))
            found = next((r for r in self.records if str(r.get("id")) == wanted), None)
            return (200, found) if found is not None else (404, {"error": "not found"})
        return 404, {"error": "not found"}

    def _page(self, number: int, per_page: int) -> dict[str, Any]:
        total = len(self.records)
        pages = max(1, math.ceil(total / per_page))
        page = number - self.first_page + 1  # counting from 1
        items = self.records[(page - 1) * per_page : page * per_page] if page >= 1 else []
        if self.style == "oruk1":
            return {
                "totalElements": total,
                "totalPages": pages,
                "number": number,
                "size": per_page,
                "first": page == 1,
                "last": page >= pages,
                "empty": not items,
                "content": items,
            }
        summaries = [{k: v for k, v in r.items() if not isinstance(v, list | dict)} for r in items]
        return {
            "total_items": total,
            "total_pages": pages,
            "page_number": number,
            "size": len(items),
            "first_page": page == 1,
            "last_page": page >= pages,
            "empty": not items,
            "contents": summaries,
        }

    def enter(self) -> None:
        with self._lock:
            self._at_once += 1
            self.most_at_once = max(self.most_at_once, self._at_once)

    def leave(self) -> None:
        with self._lock:
            self._at_once -= 1


def serve(api: FakeOruk) -> tuple[ThreadingHTTPServer, str]:
    """Start the fake on a free port; the base URL to sync from."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: one server thread per client connection
        disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

        def do_GET(self) -> None:
            api.enter()
            try:
                if api.delay:
                    time.sleep(api.delay)
                status, body = api.answer(self.path)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            finally:
                api.leave()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
