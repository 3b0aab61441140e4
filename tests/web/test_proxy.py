"""Behind a proxy: ``dayfinder serve``'s uvicorn options believe X-Forwarded-For only from
FORWARDED_ALLOW_IPS, so the per-address limit counts the real client and cannot be dodged."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn

from assistant.app import create_app
from assistant.cli.serve import server_options
from assistant.settings import Settings


@contextmanager
def served(settings: Settings) -> Iterator[str]:
    """The app under uvicorn with the options ``dayfinder serve`` uses; its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # uvicorn's own logging setup would change the "uvicorn.error" levels other tests read
    options = server_options(settings, "127.0.0.1", port) | {"log_level": None, "log_config": None}
    server = uvicorn.Server(uvicorn.Config(create_app(settings), ws="none", http="h11", **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def statuses(url: str, forwarded_for: list[str]) -> list[int]:
    with httpx.Client(base_url=url) as client:
        return [
            client.post("/api/chat", json={"session": None, "text": "hi"}, headers={"X-Forwarded-For": ip}).status_code
            for ip in forwarded_for
        ]


def test_x_forwarded_for_from_an_untrusted_address_cannot_dodge_the_limit(settings: Settings) -> None:
    untrusted = settings.model_copy(update={"ip_rate_per_minute": 2, "forwarded_allow_ips": "192.0.2.1"})
    with served(untrusted) as url:
        assert statuses(url, ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) == [200, 200, 429]


def test_behind_a_trusted_proxy_each_real_client_has_its_own_limit(settings: Settings) -> None:
    trusted = settings.model_copy(update={"ip_rate_per_minute": 2, "forwarded_allow_ips": "127.0.0.1"})
    with served(trusted) as url:
        assert statuses(url, ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) == [200, 200, 200]
        assert statuses(url, ["198.51.100.1", "198.51.100.1"]) == [200, 429]
