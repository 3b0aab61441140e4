"""Every channel hands the conversation the same capped, tidied text (``assistant.boundary``).

A message padded with thousands of spaces, tabs or invisible characters is read whole, as the
person meant it, on SMS and on Telegram (whose messages run to 4,096 characters).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine
from sqlmodel import Session

from assistant.app import create_app
from assistant.conversation.store import ConversationState, user_key
from assistant.directory.db import make_engine
from assistant.settings import Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_URL
from tests.channels.fake_telegram import FakeBotApi
from tests.channels.sms_helpers import post_sms, say, texts, twilio_form
from tests.channels.telegram_helpers import post_update, text_update

_chats = itertools.count(881_000_001)
PADDING = " \t" * 1500 + "\u200b" * 500  # 3,500 characters that say nothing


def stored_state(settings: Settings, channel: str, sender: str) -> str:
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session:
            row = session.get(ConversationState, user_key(settings.identity_secret.get_secret_value(), channel, sender))
            assert row is not None
            return row.state
    finally:
        engine.dispose()


def test_a_telegram_message_padded_with_thousands_of_spaces_is_read_whole(
    client: TestClient, fake_telegram: FakeBotApi, settings: Settings
) -> None:
    chat_id = next(_chats)
    response = post_update(client, text_update(chat_id, f"knitting for me{PADDING}near Biggleswade"))
    assert response.status_code == 200 and fake_telegram.sent()
    state = stored_state(settings, "telegram", str(chat_id))
    assert "Biggleswade" in state and "knit" in state


def test_a_text_padded_with_thousands_of_spaces_is_read_whole(
    client: TestClient, sender: str, settings: Settings
) -> None:
    assert say(client, sender, f"knitting for me{PADDING}near Biggleswade")
    state = stored_state(settings, "sms", sender)
    assert "Biggleswade" in state and "knit" in state


@pytest.fixture
def any_backend(engine: Engine, database_url: str) -> Iterator[TestClient]:
    """SMS switched on over an empty directory, on SQLite and (with DATABASE_URL) PostgreSQL."""
    settings = Settings(
        database_url=database_url,
        public_base_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=SecretStr(AUTH_TOKEN),
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url="https://twilio.test",
        telegram_bot_token=None,
        telegram_webhook_secret=None,
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_a_signed_text_with_nul_bytes_is_answered_on_every_database(any_backend: TestClient, sender: str) -> None:
    form = twilio_form(sender, "hel\x00lo", sid=f"SM\x00{'1' * 31}")
    assert any(m.strip() for m in texts(post_sms(any_backend, form)))
    assert texts(post_sms(any_backend, form)) == texts(post_sms(any_backend, form))  # a retry: the same answer
