"""``POST /sms/twilio``: text messages in through Twilio's webhook, answered with TwiML.

Twilio signs each request with the account's auth token over the URL it called and the form
fields; a request that fails the check gets 403 and is never read further. A ``MessageSid``
seen before (Twilio retries when we are slow) gets the answer stored the first time, so the
conversation never moves on twice. Opt-out keywords are honoured as carriers require: after
STOP nothing more is sent until START, and HELP always says what this number is. The sender's
number only ever reaches the runtime, which keeps its HMAC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import parse_qsl

from fastapi import APIRouter, HTTPException, Request, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from assistant.boundary import inbound_text, storable
from assistant.channels import optouts
from assistant.channels.gsm import gsm_safe
from assistant.channels.sms_format import sms_texts
from assistant.content import text
from assistant.conversation.runtime import Clock, Conversations, utc_now
from assistant.engine.replies import Inbound

CHANNEL = "sms"
PATH = "/sms/twilio"
PAGE_SIZE = 3  # three compact results fit a basic phone's screen and two texts
OPT_OUT = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"})
OPT_IN = frozenset({"START", "UNSTOP", "YES"})  # YES opts back in only when opted out, as on Twilio
HELP = frozenset({"HELP", "INFO"})
RETRY_WAIT_SECONDS = 10.0  # how long a repeated MessageSid waits for the first copy's answer


class TwilioWebhook:
    def __init__(
        self,
        engine: Engine,
        conversations: Conversations,
        auth_token: str,
        public_base_url: str,
        clock: Clock = utc_now,
    ) -> None:
        self._engine = engine
        self._conversations = conversations
        self._validator = RequestValidator(auth_token)
        self._base_url = public_base_url.rstrip("/")
        self._clock = clock

    def verified(self, path_and_query: str, form: Mapping[str, str], signature: str) -> bool:
        """Twilio's signature over the public URL it called and the form it sent."""
        return bool(signature) and bool(
            self._validator.validate(self._base_url + path_and_query, dict(form), signature)
        )

    def answer(self, form: Mapping[str, str]) -> str:
        """The TwiML for one incoming message (blocking: run it in a thread)."""
        sid, sender = form.get("MessageSid") or form.get("SmsSid") or "", form.get("From") or ""
        if not sid or not sender:
            return twiml([])
        key, sid, body = self._conversations.key(CHANNEL, sender), storable(sid)[:64], form.get("Body") or ""
        now = self._clock()
        seen = optouts.claim(self._engine, CHANNEL, sid, key, now)
        if seen is None:
            return self._answer_claimed(sender, key, sid, body, now)
        if seen.answer is None:  # the first copy is still being answered: wait for its answer
            seen = optouts.wait_for_answer(self._engine, CHANNEL, sid, seconds=RETRY_WAIT_SECONDS)
        if seen is None:  # no answer yet: abandoned (claim released), or still being worked on
            seen = optouts.claim(self._engine, CHANNEL, sid, key, now)
            if seen is None:  # it was abandoned, and this copy has claimed it now
                return self._answer_claimed(sender, key, sid, body, now)
        # Still being worked on after the wait: answering here as well would move the
        # conversation on twice, so this copy says nothing; Twilio's next retry gets the answer.
        return seen.answer or twiml([])

    def _answer_claimed(self, sender: str, key: str, sid: str, body: str, now: dt.datetime) -> str:
        """Answer a message this request holds the claim for, and keep the answer for retries."""
        try:
            answer = twiml(self._reply(sender, key, body))
        except BaseException:
            optouts.release(self._engine, CHANNEL, sid)
            raise
        optouts.record(self._engine, CHANNEL, sid, key, answer, now)
        return answer

    def _reply(self, sender: str, key: str, body: str) -> list[str]:
        word = body.strip().upper()
        if word in OPT_OUT:
            optouts.opt_out(self._engine, CHANNEL, key, self._clock())
            return []  # Twilio confirms the opt-out itself; nothing more may be sent
        if word in HELP:
            return [gsm_safe(text("channels", "sms.help"))]
        if optouts.is_opted_out(self._engine, CHANNEL, key):
            if word not in OPT_IN:
                return []
            optouts.opt_in(self._engine, CHANNEL, key)
            return [gsm_safe(text("channels", "sms.texts_on"))]
        if word in OPT_IN - {"YES"}:
            return [gsm_safe(text("channels", "sms.texts_on"))]
        result = self._conversations.turn(CHANNEL, sender, Inbound(text=inbound_text(body)), page_size=PAGE_SIZE)
        if result.deleted:
            optouts.forget_answers(self._engine, key)
        return sms_texts(result.replies, result.mode)


def twiml(messages: list[str]) -> str:
    response = MessagingResponse()
    for message in messages:
        response.message(message)
    return str(response)


def router(webhook: TwilioWebhook) -> APIRouter:
    routes = APIRouter()

    @routes.post(PATH, include_in_schema=False)
    async def twilio_sms(request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if not webhook.verified(path, form, request.headers.get("X-Twilio-Signature", "")):
            raise HTTPException(status_code=403)
        answer = await run_in_threadpool(webhook.answer, form)
        return Response(answer, media_type="application/xml")

    return routes
