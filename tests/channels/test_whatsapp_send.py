"""Sending WhatsApp messages later keeps to WhatsApp's 24-hour window: through Twilio's REST client to
a fake Messages API on 127.0.0.1, after real signed webhook messages, on every configured database."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine
from twilio.base.exceptions import TwilioRestException

from assistant.app import create_app
from assistant.channels import optouts
from assistant.channels.whatsapp_format import fits
from assistant.channels.whatsapp_send import WINDOW, WhatsAppNotConfiguredError, WhatsAppSender, last_message_at
from assistant.conversation.runtime import utc_now
from assistant.conversation.store import user_key
from assistant.settings import Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL
from tests.channels.conftest import OFF
from tests.channels.fake_twilio import FakeTwilio, serve
from tests.channels.whatsapp_helpers import WHATSAPP_FROM, say

pytestmark = pytest.mark.storage


@pytest.fixture
def twilio_api() -> Iterator[tuple[FakeTwilio, str]]:
    with serve() as running:
        yield running


@pytest.fixture
def settings(database_url: str, twilio_api: tuple[FakeTwilio, str]) -> Settings:
    whatsapp_on = {
        "public_base_url": PUBLIC_URL,
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": SecretStr(AUTH_TOKEN),
        "twilio_whatsapp_from": WHATSAPP_FROM,
        "twilio_api_base_url": twilio_api[1],
    }
    return Settings(**{**OFF, **whatsapp_on}, database_url=database_url)


@dataclass
class Line:
    """A WhatsApp line on one database: the app the person writes to, and what reaches Twilio."""

    client: TestClient
    engine: Engine
    settings: Settings
    twilio: FakeTwilio

    def sender_at(self, hours: float, settings: Settings | None = None) -> WhatsAppSender:
        """A sender whose clock reads ``hours`` from now."""
        return WhatsAppSender(
            settings or self.settings, self.engine, clock=lambda: utc_now() + dt.timedelta(hours=hours)
        )


@pytest.fixture
def line(engine: Engine, settings: Settings, twilio_api: tuple[FakeTwilio, str]) -> Iterator[Line]:
    """WhatsApp on over an empty (migrated) directory: the person's messages come in through it."""
    with TestClient(create_app(settings)) as client:
        yield Line(client, engine, settings, twilio_api[0])


def test_a_message_within_24_hours_of_theirs_is_sent(line: Line, sender: str) -> None:
    say(line.client, sender, "hi")
    reminder = "Knit and Natter \u2013 tomorrow, 2pm\u2026 \U0001f9f6"
    assert line.sender_at(23.9).send(sender, reminder) is True
    (created,) = line.twilio.created
    assert (created["To"], created["From"], created["Body"]) == (f"whatsapp:{sender}", WHATSAPP_FROM, reminder)


def test_nothing_is_sent_24_hours_after_their_last_message(line: Line, sender: str) -> None:
    say(line.client, sender, "hi")
    assert line.sender_at(24.01).send(sender, "A reminder") is False
    assert line.twilio.created == []


def test_the_newest_message_opens_the_window(engine: Engine, settings: Settings, sender: str) -> None:
    key = user_key(settings.identity_secret.get_secret_value(), "whatsapp", sender)
    now = utc_now()
    optouts.claim(engine, "whatsapp", "SM-old", key, now - dt.timedelta(hours=30))
    optouts.claim(engine, "whatsapp", "SM-new", key, now - dt.timedelta(hours=2))
    optouts.claim(engine, "sms", "SM-text", key, now)  # a text message is another channel's
    last = last_message_at(engine, key)
    assert last is not None and abs(last - (now - dt.timedelta(hours=2))) < dt.timedelta(seconds=1)


def test_someone_who_never_wrote_is_never_sent_to(line: Line) -> None:
    assert line.sender_at(0).send("+447700900321", "Hello") is False
    assert line.twilio.created == []


def test_after_stop_nothing_is_sent_and_no_number_is_logged(
    line: Line, sender: str, caplog: pytest.LogCaptureFixture
) -> None:
    say(line.client, sender, "hi")
    say(line.client, sender, "STOP")
    caplog.set_level(logging.DEBUG)
    assert line.sender_at(1).send(sender, "A reminder") is False
    assert line.twilio.created == []
    assert "STOP" in caplog.text and sender not in caplog.text and sender[1:] not in caplog.text


def test_after_the_window_the_approved_template_carries_the_message(line: Line, sender: str) -> None:
    say(line.client, sender, "hi")
    templated = line.settings.model_copy(update={"twilio_whatsapp_template": "HX" + "a" * 32})
    reminder = "Reminder from Dayfinder: Knit and Natter is on Tuesday at 10am.\nTo check: 01632 960001."
    assert line.sender_at(30, templated).send(sender, reminder) is True
    (created,) = line.twilio.created
    assert created["ContentSid"] == "HX" + "a" * 32 and "Body" not in created
    assert json.loads(created["ContentVariables"]) == {"1": " ".join(reminder.split())}  # one line, as Meta asks


def test_the_template_never_reaches_someone_who_said_stop(line: Line, sender: str) -> None:
    say(line.client, sender, "hi")
    say(line.client, sender, "STOP")
    templated = line.settings.model_copy(update={"twilio_whatsapp_template": "HX" + "a" * 32})
    assert line.sender_at(30, templated).send(sender, "A reminder") is False
    assert line.twilio.created == []


def test_after_delete_my_data_nothing_is_sent(line: Line, sender: str) -> None:
    say(line.client, sender, "hi")
    say(line.client, sender, "delete my data")
    assert line.sender_at(1).send(sender, "A reminder") is False
    assert line.twilio.created == []


def test_a_long_message_goes_in_parts_and_any_spelling_of_the_number_works(
    line: Line, sender: str, caplog: pytest.LogCaptureFixture
) -> None:
    say(line.client, sender, "hi")
    caplog.set_level(logging.DEBUG)
    long = "\n\n".join(["A paragraph about when and where the group meets, and what to bring. " * 8] * 8)
    assert line.sender_at(1).send("0" + sender.removeprefix("+44"), long) is True
    assert line.sender_at(1).send(f"whatsapp:{sender}", "And a short one.") is True
    created = line.twilio.created
    assert len(created) >= 4 and all(c["To"] == f"whatsapp:{sender}" for c in created)
    assert all(fits(c["Body"]) for c in created)
    assert sender not in caplog.text and sender[1:] not in caplog.text


def test_a_failure_at_twilio_raises_so_that_it_can_be_retried(line: Line, sender: str) -> None:
    say(line.client, sender, "hi")
    wrong = line.settings.model_copy(update={"twilio_auth_token": SecretStr("not-the-token")})
    with pytest.raises(TwilioRestException):
        line.sender_at(1, wrong).send(sender, "A reminder")


def test_sending_needs_the_whatsapp_settings_and_something_to_send(line: Line) -> None:
    with pytest.raises(WhatsAppNotConfiguredError):
        WhatsAppSender(line.settings.model_copy(update={"twilio_whatsapp_from": None}), line.engine)
    with pytest.raises(ValueError):
        line.sender_at(0).send("+447700900321", "  ")


def test_answered_messages_are_kept_at_least_as_long_as_the_window() -> None:
    """The window is read from the answered-message rows, which must outlive it."""
    assert optouts.KEEP_ANSWERS >= WINDOW
