"""Sending a WhatsApp message later (a reminder, a follow-up), through Twilio's REST API.

WhatsApp lets a business send its own words only within 24 hours of the person's last message
(the customer service window); after that only a template Meta has approved may be sent. So
:meth:`WhatsAppSender.send` sends its own words within the window; outside it, it sends the
council's approved template (``TWILIO_WHATSAPP_TEMPLATE``, one variable holding the message) when
there is one, and otherwise refuses, sending nothing. It refuses too when the person has sent
STOP; it says so by returning False and logs why, never the number. A webhook reply needs none
of this: it answers a message just received.

When the person last wrote is the newest of their answered-message rows
(:class:`assistant.channels.optouts.ChannelMessage`): every WhatsApp message they send is
claimed there under their HMAC key, photos, HELP and STOP included, as WhatsApp counts them, and
"delete my data" removes the rows, which closes the window too. A row lives ``KEEP_ANSWERS``
(a day), so no table or column is added for this: its ``expires_at`` less ``KEEP_ANSWERS`` is
when the message came.

The number is used for the request and never stored or logged. Twilio's HTTP client can be
swapped (``http_client``), and ``TWILIO_API_BASE_URL`` points it anywhere (a local fake in tests).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from assistant.channels import LOG, optouts, split
from assistant.channels.optouts import KEEP_ANSWERS, ChannelMessage
from assistant.channels.sms_send import e164, rest_client
from assistant.channels.whatsapp import CHANNEL, PREFIX
from assistant.channels.whatsapp_format import fits
from assistant.content import text
from assistant.conversation.runtime import Clock, utc_now
from assistant.conversation.store import user_key
from assistant.settings import Settings

WINDOW = dt.timedelta(hours=24)  # WhatsApp's customer service window
TEMPLATE_VARIABLE_CHARS = 1024  # Meta's limit for one template variable (no newlines or tabs either)


class WhatsAppNotConfiguredError(RuntimeError):
    """Sending needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_WHATSAPP_FROM."""


def last_message_at(engine: Engine, key: str) -> dt.datetime | None:
    """When the person (their HMAC key) last sent a WhatsApp message, as far as a day back."""
    with Session(engine) as session:
        newest = session.exec(
            select(func.max(ChannelMessage.expires_at)).where(
                col(ChannelMessage.channel) == CHANNEL, col(ChannelMessage.key) == key
            )
        ).one()
    if newest is None:
        return None
    newest = newest if newest.tzinfo else newest.replace(tzinfo=dt.UTC)  # SQLite gives naive UTC
    return newest - KEEP_ANSWERS


def within_window(engine: Engine, key: str, now: dt.datetime) -> bool:
    """Whether the person wrote in the last 24 hours, so that a message may still be sent."""
    last = last_message_at(engine, key)
    return last is not None and now - last < WINDOW


class WhatsAppSender:
    def __init__(self, settings: Settings, engine: Engine, http_client: Any = None, clock: Clock = utc_now) -> None:
        """``http_client``: a ``twilio.http.HttpClient``; Twilio's own (over ``requests``) when None."""
        sid, token, sender = settings.twilio_account_sid, settings.twilio_auth_token, settings.twilio_whatsapp_from
        if not (sid and token and sender):
            raise WhatsAppNotConfiguredError(WhatsAppNotConfiguredError.__doc__)
        self._engine = engine
        self._secret = settings.identity_secret.get_secret_value()
        self._from = sender if sender.startswith(PREFIX) else PREFIX + sender
        self._template = settings.twilio_whatsapp_template
        self._clock = clock
        self._client = rest_client(settings, http_client)

    def send(self, to: str, message: str) -> bool:
        """Send ``message`` to ``to`` (``whatsapp:+447700900123``, ``+447700900123`` or
        ``07700 900123``), in as many messages as it needs; True once sent (blocking).

        Outside the 24-hour window the approved template carries the message when one is set;
        False, with nothing sent, when the person has sent STOP, or last wrote more than 24 hours
        ago and there is no template: trying again later will not help until they write. A failure on Twilio's side
        raises (``twilio.base.exceptions.TwilioRestException``): that may be worth retrying. An
        empty message is a mistake in the caller: ValueError.
        """
        if not message.strip():
            raise ValueError("an empty WhatsApp message")
        number = e164(to.strip().removeprefix(PREFIX))
        key = user_key(self._secret, CHANNEL, number)
        if optouts.is_opted_out(self._engine, CHANNEL, key):
            LOG.info(text("staff/channels", "whatsapp.not_sent_opted_out"))
            return False
        if not within_window(self._engine, key, self._clock()):
            if self._template is None:
                LOG.info(text("staff/channels", "whatsapp.not_sent_window"))
                return False
            one_line = " ".join(message.split())[:TEMPLATE_VARIABLE_CHARS]
            self._client.messages.create(
                to=PREFIX + number,
                from_=self._from,
                content_sid=self._template,
                content_variables=json.dumps({"1": one_line}),
            )
            return True
        for body in split.split(message.strip(), fits):
            self._client.messages.create(to=PREFIX + number, from_=self._from, body=body)
        return True
