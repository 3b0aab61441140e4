"""An app over the curated sample directory with the SMS and Telegram channels switched on.

Twilio is never called (webhooks are signed here with the test auth token); Telegram's Bot API
is a fake on 127.0.0.1. Each test talks as its own sender, so tests share one database.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.app import create_app
from assistant.settings import Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, BOT_TOKEN, FROM_NUMBER, PUBLIC_URL, WEBHOOK_SECRET
from tests.channels.fake_telegram import FakeBotApi, serve

OFF: dict[str, Any] = {
    "twilio_account_sid": None,
    "twilio_auth_token": None,
    "twilio_from_number": None,
    "public_base_url": None,
    "telegram_bot_token": None,
    "telegram_webhook_secret": None,
}


@pytest.fixture(scope="module")
def bot_api() -> Iterator[tuple[FakeBotApi, str]]:
    api = FakeBotApi()
    server, base_url = serve(api)
    yield api, base_url
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake_telegram(bot_api: tuple[FakeBotApi, str]) -> FakeBotApi:
    api = bot_api[0]
    api.clear()
    return api


@pytest.fixture
def settings(sample_db: str, bot_api: tuple[FakeBotApi, str]) -> Settings:
    return Settings(
        database_url=sample_db,
        public_base_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=SecretStr(AUTH_TOKEN),
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url="https://twilio.test",
        telegram_bot_token=SecretStr(BOT_TOKEN),
        telegram_webhook_secret=SecretStr(WEBHOOK_SECRET),
        telegram_api_base_url=bot_api[1],
    )


@pytest.fixture
def client(settings: Settings, fake_telegram: FakeBotApi) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


_numbers = itertools.count()


@pytest.fixture
def sender() -> str:
    """A number from Ofcom's range for drama (never a real person's), new for each test."""
    return f"+447700900{next(_numbers) % 1000:03d}"
