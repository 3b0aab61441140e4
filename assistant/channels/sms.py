"""``POST /sms/twilio``: text messages in through Twilio's webhook, answered with TwiML.

The signature check, answering each ``MessageSid`` once and the opt-out keywords are shared with
WhatsApp (:mod:`assistant.channels.twilio_webhook`). What is particular to a text: after STOP
Twilio itself confirms the opt-out, so nothing is said; every reply is GSM-7 safe and at most two
segments (:mod:`assistant.channels.sms_format`).
"""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter

from assistant.boundary import inbound_text
from assistant.channels import twilio_webhook
from assistant.channels.gsm import gsm_safe
from assistant.channels.sms_format import sms_texts
from assistant.channels.twilio_webhook import HELP as HELP
from assistant.channels.twilio_webhook import OPT_IN as OPT_IN
from assistant.channels.twilio_webhook import OPT_OUT as OPT_OUT
from assistant.channels.twilio_webhook import Keyword, TwilioMessaging
from assistant.channels.twilio_webhook import twiml as twiml
from assistant.content import text
from assistant.engine.replies import Inbound

CHANNEL = "sms"
PATH = "/sms/twilio"
PAGE_SIZE = 3  # three compact results fit a basic phone's screen and two texts
RETRY_WAIT_SECONDS = 10.0  # how long a repeated MessageSid waits for the first copy's answer
# Twilio confirms STOP itself, and nothing more may be sent after it.
SAID_FOR = {Keyword.HELP: "sms.help", Keyword.STARTED: "sms.texts_on"}


class TwilioWebhook(TwilioMessaging):
    channel = CHANNEL

    def retry_wait(self) -> float:
        return RETRY_WAIT_SECONDS  # read when needed, so that it can be changed (the tests shorten it)

    def reply(self, sender: str, key: str, form: Mapping[str, str]) -> list[str]:
        body = form.get("Body") or ""
        said = self.keyword(key, body)
        if said is not None:
            return [gsm_safe(text("channels", SAID_FOR[said]))] if said in SAID_FOR else []
        result = self.turn(sender, key, Inbound(text=inbound_text(body)), PAGE_SIZE)
        return sms_texts(result.replies, result.mode)


def router(webhook: TwilioWebhook) -> APIRouter:
    return twilio_webhook.router(PATH, webhook)
