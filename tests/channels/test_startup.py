"""An outside service that is down at start-up never stops the app.

Telegram's Bot API is pointed at a closed local port: the app still starts, ``/readyz`` names
Telegram as degraded while web chat and SMS answer, Telegram's updates get 503 (so Telegram sends
them again), and once the Bot API answers on that port the channel starts and works.
"""

from __future__ import annotations

import socket

from fastapi.testclient import TestClient

from assistant.app import create_app
from assistant.settings import Settings
from tests.channels.fake_telegram import FakeBotApi, serve
from tests.channels.sms_helpers import say
from tests.channels.telegram_helpers import post_update, text_update


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # nothing listens there now: connections are refused


def test_an_unreachable_bot_api_leaves_the_rest_running_and_telegram_starts_once_it_answers(
    settings: Settings,
) -> None:
    port = closed_port()
    down = settings.model_copy(update={"telegram_api_base_url": f"http://127.0.0.1:{port}/bot"})
    with TestClient(create_app(down)) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["status"] == "degraded"
        assert ready.json()["channels"] == {"web": "ok", "sms": "ok", "voice": "ok", "telegram": "degraded"}
        web = client.post("/api/chat", json={"session": None, "text": "hi"})
        assert web.status_code == 200 and "Dayfinder" in web.json()["replies"][0]["text"]
        assert "Dayfinder" in say(client, "+447700900777", "hi")[0]
        assert post_update(client, text_update(5550030001, "hi")).status_code == 503

        api = FakeBotApi()
        server, _ = serve(api, port)
        try:
            assert post_update(client, text_update(5550030001, "hi")).status_code == 200
            assert "Dayfinder" in api.sent()[0].params["text"]
            ready = client.get("/readyz").json()
            assert ready["status"] == "ready" and ready["channels"]["telegram"] == "ok"
        finally:
            server.shutdown()
            server.server_close()
