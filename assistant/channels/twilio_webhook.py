"""What Twilio's messaging webhooks (SMS and WhatsApp) share: the signature, answering each
``MessageSid`` once, the opt-out keywords, TwiML and the route.

Twilio signs each request with the account's auth token over the URL it called and the form
fields; a request that fails the check gets 403 and is never read further. A ``MessageSid``
seen before (Twilio retries when we are slow) gets the answer stored the first time, so the
conversation never moves on twice. Opt-out keywords are honoured as carriers require: after
STOP nothing more is sent until START, and HELP is always answered. The sender's number only
ever reaches the runtime, which keeps its HMAC. Each channel says what its messages get
(:meth:`TwilioMessaging.reply`): the words, the length and the alphabet differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import ClassVar
from urllib.parse import parse_qsl

from fastapi import APIRouter, HTTPException, Request, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from assistant.boundary import storable
from assistant.channels import optouts
from assistant.conversation.runtime import Clock, Conversations, TurnResult, utc_now
from assistant.engine.replies import Inbound

OPT_OUT = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"})
OPT_IN = frozenset({"START", "UNSTOP", "YES"})  # YES opts back in only when opted out, as on Twilio
HELP = frozenset({"HELP", "INFO"})
SIGNATURE_HEADER = "X-Twilio-Signature"
MAX_SID = 64  # Twilio's ids are 34 characters; the column holds 64


class Keyword(StrEnum):
    """What an opt-out keyword did, for the channel to word (or not)."""

    STOPPED = "stopped"  # opted out just now
    HELP = "help"
    STARTED = "started"  # opted back in, or START while never opted out
    SILENT = "silent"  # opted out: nothing may be sent


def keyword(engine: Engine, channel: str, key: str, body: str, now: dt.datetime) -> Keyword | None:
    """Act on an opt-out keyword; None when the message is for the conversation."""
    word = body.strip().upper()
    if word in OPT_OUT:
        optouts.opt_out(engine, channel, key, now)
        return Keyword.STOPPED
    if word in HELP:
        return Keyword.HELP
    if optouts.is_opted_out(engine, channel, key):
        if word not in OPT_IN:
            return Keyword.SILENT
        optouts.opt_in(engine, channel, key)
        return Keyword.STARTED
    if word in OPT_IN - {"YES"}:
        return Keyword.STARTED
    return None


def message_sid(form: Mapping[str, str]) -> str:
    return form.get("MessageSid") or form.get("SmsSid") or ""


def answer_once(
    engine: Engine,
    channel: str,
    sid: str,
    key: str,
    now: dt.datetime,
    reply: Callable[[], list[str]],
    *,
    wait_seconds: float,
) -> str:
    """The TwiML for message ``sid``: ``reply()``'s, kept for retries, unless a copy of the
    message was answered already (or is being answered), whose answer is given instead.

    A copy still being answered is waited for (up to ``wait_seconds``): Twilio retries a message
    it gave up waiting for, so the copy in hand may be the only one whose reply reaches the person.
    """
    sid = storable(sid)[:MAX_SID]
    seen = optouts.claim(engine, channel, sid, key, now)
    if seen is None:
        return answer_claimed(engine, channel, sid, key, now, lambda: twiml(reply()))
    if seen.answer is None:  # the first copy is still being answered: wait for its answer
        seen = optouts.wait_for_answer(engine, channel, sid, seconds=wait_seconds)
    if seen is None:  # no answer yet: abandoned (claim released), or still being worked on
        seen = optouts.claim(engine, channel, sid, key, now)
        if seen is None:  # it was abandoned, and this copy has claimed it now
            return answer_claimed(engine, channel, sid, key, now, lambda: twiml(reply()))
    # Still being worked on after the wait: answering here as well would move the
    # conversation on twice, so this copy says nothing; Twilio's next retry gets the answer.
    return seen.answer or twiml([])


def answer_claimed(engine: Engine, channel: str, sid: str, key: str, now: dt.datetime, reply: Callable[[], str]) -> str:
    """Answer (``reply()``'s TwiML) a request this one holds the claim for, and keep the answer for
    retries; if answering fails, the claim is let go, so that a retry can answer instead."""
    try:
        answer = reply()
    except BaseException:
        optouts.release(engine, channel, sid)
        raise
    optouts.record(engine, channel, sid, key, answer, now)
    return answer


def twiml(messages: list[str]) -> str:
    response = MessagingResponse()
    for message in messages:
        response.message(message)
    return str(response)


class TwilioMessaging:
    """A Twilio messaging webhook. Subclasses name the channel and say what a message gets."""

    channel: ClassVar[str]
    retry_wait_seconds: float = 10.0  # how long a repeated MessageSid waits for the first copy's answer

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
        sid, sender = message_sid(form), self.sender(form)
        if not sid or not sender:
            return twiml([])
        key = self._conversations.key(self.channel, sender)
        return answer_once(
            self._engine,
            self.channel,
            sid,
            key,
            self._clock(),
            lambda: self.reply(sender, key, form),
            wait_seconds=self.retry_wait(),
        )

    def sender(self, form: Mapping[str, str]) -> str:
        """The sender id the runtime hashes; empty when the message cannot be answered."""
        return form.get("From") or ""

    def retry_wait(self) -> float:
        return self.retry_wait_seconds

    def reply(self, sender: str, key: str, form: Mapping[str, str]) -> list[str]:
        """The messages that answer ``form``: the one place a channel differs."""
        raise NotImplementedError

    def keyword(self, key: str, body: str) -> Keyword | None:
        return keyword(self._engine, self.channel, key, body, self._clock())

    def turn(self, sender: str, key: str, inbound: Inbound, page_size: int) -> TurnResult:
        """One turn of the conversation; after "delete my data" the stored answers go too."""
        result = self._conversations.turn(self.channel, sender, inbound, page_size=page_size)
        if result.deleted:
            optouts.forget_answers(self._engine, key)
        return result


def router(path: str, webhook: TwilioMessaging) -> APIRouter:
    """``POST path``: a signed form in, TwiML out; 403 when the signature is wrong or missing."""
    routes = APIRouter()

    @routes.post(path, include_in_schema=False)
    async def twilio_message(request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
        where = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if not webhook.verified(where, form, request.headers.get(SIGNATURE_HEADER, "")):
            raise HTTPException(status_code=403)
        answer = await run_in_threadpool(webhook.answer, form)
        return Response(answer, media_type="application/xml")

    return routes
