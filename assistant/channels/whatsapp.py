"""``POST /whatsapp/twilio``: WhatsApp messages in through Twilio's webhook, answered with TwiML.

The same signed webhook as SMS (:mod:`assistant.channels.twilio_webhook`: signature, each
``MessageSid`` answered once, STOP/START/HELP), with WhatsApp's differences:

- the sender is ``whatsapp:+447700900123``; only the number reaches the runtime, under the
  channel name "whatsapp", so a person's WhatsApp and SMS conversations are apart;
- a shared location (``Latitude``/``Longitude``; a place pin adds ``Address`` and ``Label``)
  answers "where" from its coordinates alone: the address and the label are never read or kept;
- a photo, voice note, sticker or anything else without text or a location gets a kind word
  saying what can be read, and the conversation does not move;
- after STOP, Dayfinder confirms it (Twilio confirms STOP only for text messages) and then sends
  nothing until START; HELP is always answered;
- replies are Unicode and longer (:mod:`assistant.channels.whatsapp_format`).

A reply in TwiML always falls inside WhatsApp's 24-hour customer service window, since it
answers the person's message; sending later is :mod:`assistant.channels.whatsapp_send`'s job.
The profile name Twilio sends (``ProfileName``) is never read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from fastapi import APIRouter

from assistant.boundary import inbound_text
from assistant.channels import LOG, twilio_webhook
from assistant.channels.twilio_webhook import Keyword, TwilioMessaging
from assistant.channels.whatsapp_format import whatsapp_texts
from assistant.content import text
from assistant.engine.replies import Inbound

CHANNEL = "whatsapp"
PATH = "/whatsapp/twilio"
PREFIX = "whatsapp:"  # how Twilio spells a WhatsApp address
PAGE_SIZE = 5  # as on Telegram: a smartphone shows five full results well
SAID_FOR = {
    Keyword.STOPPED: "whatsapp.stopped",
    Keyword.HELP: "whatsapp.help",
    Keyword.STARTED: "whatsapp.started",
}


class WhatsAppWebhook(TwilioMessaging):
    channel = CHANNEL

    def sender(self, form: Mapping[str, str]) -> str:
        """The number without ``whatsapp:``; empty (and unanswered) when it is not a WhatsApp
        address: a text message sent here by a misconfigured number would be answered on the
        wrong channel."""
        address = form.get("From") or ""
        if not address.startswith(PREFIX):
            if address:
                LOG.warning(text("staff/channels", "whatsapp.not_whatsapp"))
            return ""
        return address.removeprefix(PREFIX).strip()

    def reply(self, sender: str, key: str, form: Mapping[str, str]) -> list[str]:
        said = self.keyword(key, form.get("Body") or "")
        if said is not None:
            return [text("channels", SAID_FOR[said])] if said in SAID_FOR else []
        inbound = read(form)
        if inbound is None:
            return [text("channels", "whatsapp.unsupported")]
        result = self.turn(sender, key, inbound, PAGE_SIZE)
        return whatsapp_texts(result.replies, result.mode)


def read(form: Mapping[str, str]) -> Inbound | None:
    """The message as the conversation reads it: a shared location, or its text (a photo's
    caption included); None when it holds neither."""
    place = location(form)
    if place is not None:
        return Inbound(latitude=place[0], longitude=place[1])
    words = inbound_text(form.get("Body") or "")
    return Inbound(text=words) if words else None


def location(form: Mapping[str, str]) -> tuple[float, float] | None:
    """(latitude, longitude) of a shared location; None when there is none or it is not a place
    on Earth."""
    try:
        latitude, longitude = float(form["Latitude"]), float(form["Longitude"])
    except (KeyError, ValueError):
        return None
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return latitude, longitude


def router(webhook: WhatsAppWebhook) -> APIRouter:
    return twilio_webhook.router(PATH, webhook)
