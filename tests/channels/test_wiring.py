"""Channels switch on only with their settings, and say so once at start-up without secrets."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from assistant.app import create_app
from assistant.settings import Settings
from tests.channels.config import AUTH_TOKEN, BOT_TOKEN, WEBHOOK_SECRET
from tests.channels.conftest import OFF
from tests.channels.sms_helpers import post_sms, twilio_form
from tests.channels.telegram_helpers import post_update, text_update

LOGGER = "uvicorn.error.channels"


def test_without_settings_the_channels_are_off_and_answer_404(sample_db: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger=LOGGER):
        app = create_app(Settings(database_url=sample_db, **OFF))
    (line,) = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert line.startswith("Channels on: web chat. Off: SMS and the voice line (set TWILIO_ACCOUNT_SID")
    assert "Telegram (set TELEGRAM_BOT_TOKEN" in line
    with TestClient(app) as client:
        assert post_sms(client, twilio_form("+447700900001", "hi")).status_code == 404
        assert post_update(client, text_update(1, "hi")).status_code == 404
        assert client.get("/healthz").status_code == 200


def test_with_settings_both_are_on_and_no_secret_is_logged(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        create_app(settings)
    (line,) = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    on = "Channels on: web chat, SMS (Twilio), voice line (Twilio), Telegram."
    assert line.startswith(f"{on} Off: WhatsApp (set TWILIO_WHATSAPP_FROM")
    for secret in (AUTH_TOKEN, BOT_TOKEN, WEBHOOK_SECRET, settings.twilio_from_number or "-"):
        assert secret not in caplog.text


def test_sms_alone_needs_the_public_address(sample_db: str, caplog: pytest.LogCaptureFixture) -> None:
    partial = {**OFF, "twilio_account_sid": "AC" + "0" * 32, "twilio_auth_token": AUTH_TOKEN}
    with caplog.at_level(logging.INFO, logger=LOGGER):
        create_app(Settings(database_url=sample_db, **partial))
    assert "Off: SMS and the voice line (set" in caplog.text
