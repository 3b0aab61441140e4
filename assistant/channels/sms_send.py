"""Texting someone outside a conversation (staff "send to phone"), through Twilio's REST API.

The number is used for this one request and never stored: whether it may be texted is looked up
by its HMAC in the opt-out table, which is why it is put in E.164 form first (``07700 900123``
and ``+447700900123`` must be the same person). The text is made GSM-7 safe and split into
messages of two segments at most, like every reply. Tests swap Twilio's HTTP client for one that
records the requests, so nothing here ever needs the network to be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from twilio.rest import Client

from assistant.channels import optouts
from assistant.channels.gsm import gsm_safe
from assistant.channels.sms import CHANNEL
from assistant.channels.sms_format import pack
from assistant.conversation.store import user_key
from assistant.settings import Settings

_NOT_DIGITS = re.compile(r"[^\d+]")


class SmsNotConfiguredError(RuntimeError):
    """Sending needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER."""


@dataclass(frozen=True, slots=True)
class Sent:
    """What happened: the Twilio message ids, or ``opted_out`` when nothing may be sent."""

    message_sids: list[str] = field(default_factory=list)
    opted_out: bool = False


def e164(number: str, country_code: str = "44") -> str:
    """A UK number as Twilio writes it: ``07700 900123`` -> ``+447700900123``."""
    digits = _NOT_DIGITS.sub("", number)
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return f"+{country_code}{digits[1:]}"
    return digits if digits.startswith("+") else "+" + digits


def rest_client(settings: Settings, http_client: Any = None) -> Client:
    """Twilio's REST client from the settings alone (credentials present: the caller checks),
    pointed at ``TWILIO_API_BASE_URL``; texts and WhatsApp messages both go out through it."""
    sid, token = settings.twilio_account_sid, settings.twilio_auth_token
    assert sid and token
    client = Client(
        sid,
        token.get_secret_value(),
        http_client=http_client,
        environment={},  # settings are the only configuration; never TWILIO_* read behind our back
    )
    client.api.base_url = settings.twilio_api_base_url.rstrip("/")
    return client


class SmsSender:
    def __init__(self, settings: Settings, engine: Engine, http_client: Any = None) -> None:
        """``http_client``: a ``twilio.http.HttpClient``; Twilio's own (over ``requests``) when None."""
        if not (settings.twilio_account_sid and settings.twilio_auth_token and settings.twilio_from_number):
            raise SmsNotConfiguredError(SmsNotConfiguredError.__doc__)
        self._engine = engine
        self._secret = settings.identity_secret.get_secret_value()
        self._from = settings.twilio_from_number
        self._client = rest_client(settings, http_client)

    def send(self, to: str, message: str) -> Sent:
        """Text ``message`` to ``to``, unless that number has opted out (blocking)."""
        number = e164(to)
        if optouts.is_opted_out(self._engine, CHANNEL, user_key(self._secret, CHANNEL, number)):
            return Sent(opted_out=True)
        sids = []
        for body in pack([gsm_safe(message)]):
            created = self._client.messages.create(to=number, from_=self._from, body=body)
            sids.append(str(created.sid))
        return Sent(message_sids=sids)
