"""Outbound texts go through Twilio's REST client, with its HTTP client swapped: never the network."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response

from assistant.channels import optouts
from assistant.channels.gsm import segments
from assistant.channels.sms_send import SmsNotConfiguredError, SmsSender, e164
from assistant.conversation.store import user_key
from assistant.directory.db import make_engine
from assistant.settings import Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER


class RecordingHttpClient(HttpClient):  # type: ignore[misc]
    """Answers like Twilio's Messages API and keeps each request."""

    def __init__(self) -> None:
        super().__init__(logging.getLogger("tests.twilio"), is_async=False)
        self.requests: list[dict[str, Any]] = []

    def request(self, method: str, uri: str, **kwargs: Any) -> Response:
        self.requests.append({"method": method, "uri": uri, **kwargs})
        data = kwargs.get("data") or {}
        sid = f"SM{len(self.requests):032x}"
        body = {
            "sid": sid,
            "account_sid": ACCOUNT_SID,
            "status": "queued",
            "to": data.get("To"),
            "from": data.get("From"),
            "body": data.get("Body"),
        }
        return Response(201, json.dumps(body))


def test_a_text_is_sent_through_the_configured_api(settings: Settings) -> None:
    http = RecordingHttpClient()
    engine = make_engine(settings.database_url)
    sent = SmsSender(settings, engine, http_client=http).send(
        "07700 900123", "Knit and Natter \u2013 Thursdays 2pm\u2026"
    )
    engine.dispose()
    (request,) = http.requests
    assert request["method"] == "POST"
    assert request["uri"] == f"https://twilio.test/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert request["auth"] == (ACCOUNT_SID, AUTH_TOKEN)
    assert request["data"]["To"] == "+447700900123"
    assert request["data"]["From"] == FROM_NUMBER
    assert request["data"]["Body"] == "Knit and Natter - Thursdays 2pm..."
    assert sent.message_sids == [f"SM{1:032x}"] and not sent.opted_out


def test_a_long_text_is_sent_in_parts_of_two_segments(settings: Settings) -> None:
    http = RecordingHttpClient()
    engine = make_engine(settings.database_url)
    sent = SmsSender(settings, engine, http_client=http).send("+447700900124", "A day centre. " * 60)
    engine.dispose()
    assert len(sent.message_sids) == len(http.requests) == 3
    assert all(segments(r["data"]["Body"]) <= 2 for r in http.requests)


def test_an_opted_out_number_is_never_texted(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    key = user_key(settings.identity_secret.get_secret_value(), "sms", "+447700900125")
    optouts.opt_out(engine, "sms", key, dt.datetime.now(dt.UTC))
    http = RecordingHttpClient()
    sent = SmsSender(settings, engine, http_client=http).send("07700 900125", "Hello")
    optouts.opt_in(engine, "sms", key)
    engine.dispose()
    assert sent.opted_out and http.requests == []


def test_sending_needs_the_twilio_settings(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    with pytest.raises(SmsNotConfiguredError):
        SmsSender(settings.model_copy(update={"twilio_from_number": None}), engine)
    engine.dispose()


def test_numbers_are_written_as_twilio_writes_them() -> None:
    assert e164("07700 900123") == "+447700900123"
    assert e164("+44 (0)7700 900123".replace("(0)", "")) == "+447700900123"
    assert e164("0044 7700 900123") == "+447700900123"
    assert e164("+447700900123") == "+447700900123"
