"""``POST /voice/twilio``: a phone line that talks, through Twilio Voice, answered with TwiML.

Every request is signed by Twilio like a text message (``X-Twilio-Signature`` over the URL it
called and the form); one that fails the check gets 403 and is never read further. Each answer
listens again through ``<Gather>`` whose action comes back here with a step number, so a
request Twilio repeats (the same CallSid and step) gets the answer stored the first time and
never moves the conversation on twice. The call's end (a status callback with CallStatus
completed, busy, failed, no-answer or canceled) is met with an empty answer and forgets the
call: its conversation, its record and its stored answers. Calls are never recorded and no
transcript is kept; the caller's number reaches only the runtime (as an HMAC) and, after a
clear yes, one text message.

What is said, and when, is :mod:`assistant.channels.voice_flow`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from urllib.parse import parse_qsl

from fastapi import APIRouter, HTTPException, Request, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from twilio.request_validator import RequestValidator

from assistant.boundary import storable
from assistant.channels import optouts, voice_calls, voice_twiml
from assistant.channels.sms_send import SmsSender
from assistant.channels.twilio_webhook import MAX_SID, SIGNATURE_HEADER, answer_claimed
from assistant.channels.voice_flow import CHANNEL, Heard, VoiceCall, caller_number
from assistant.channels.voice_speech import MAX_SPEECH
from assistant.conversation.runtime import Conversations, utc_now
from assistant.matching.matcher import Matcher
from assistant.settings import Settings

PATH = "/voice/twilio"
ENDED = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
MAX_STEP = 10_000  # a call of ten thousand answers is not a call; anything beyond starts no new step
MAX_DIGITS = 1  # the Gather asks for one key at a time
STEP_WAIT_SECONDS = 8.0  # how long a repeated step waits for the first copy's answer
UNREADABLE = 0.01  # the confidence given to one that is not a number: too unsure to act on
HOLD_SECONDS = 1  # then the caller hears a short pause and the step is asked for again


class VoiceWebhook:
    """Check that each request is Twilio's, then answer each step of a call once."""

    def __init__(self, call: VoiceCall, auth_token: str) -> None:
        self.call = call
        self._validator = RequestValidator(auth_token)

    def verified(self, query: str, form: Mapping[str, str], signature: str) -> bool:
        """Twilio's signature over the public URL it called (this path, and ``query``) and the form."""
        url = self.call.action_url + (f"?{query}" if query else "")
        return bool(signature) and bool(self._validator.validate(url, dict(form), signature))

    def answer(self, form: Mapping[str, str], step: int) -> str:
        """The TwiML for one request of a call (blocking: run it in a thread)."""
        heard = read_form(form, step)
        if not heard.call_sid:
            return voice_twiml.quiet()
        if (form.get("CallStatus") or "").lower() in ENDED:
            self.call.end(heard)
            return voice_twiml.quiet()
        return self._once(heard)

    def _once(self, heard: Heard) -> str:
        """Answer step ``heard.step`` of the call once; a repeat gets the first answer.

        A repeat that arrives while the first copy is still being answered waits a little, then
        holds the caller for a moment and asks Twilio for the same step again, by which time the
        answer is there. Nothing is answered twice.
        """
        engine, step_id = self.call.engine, voice_calls.call_id(self.call.secret, heard.call_sid, str(heard.step))
        key, now = self.call.key(heard), self.call.clock()
        seen = optouts.claim(engine, CHANNEL, step_id, key, now)
        if seen is None:
            return answer_claimed(engine, CHANNEL, step_id, key, now, lambda: self.call.answer(heard))
        if seen.answer is None:
            seen = optouts.wait_for_answer(engine, CHANNEL, step_id, seconds=STEP_WAIT_SECONDS)
        if seen is not None and seen.answer:
            return seen.answer
        return voice_twiml.hold(f"{self.call.action_url}?step={heard.step}", HOLD_SECONDS)


def webhook_for(engine: Engine, conversations: Conversations, settings: Settings) -> VoiceWebhook:
    """The voice line over ``conversations``; call only when the Twilio settings are present."""
    auth_token, public_url = settings.twilio_auth_token, settings.public_base_url
    if auth_token is None or not public_url:
        raise ValueError("the voice line needs TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL")
    secret = settings.identity_secret.get_secret_value()
    texts = (lambda: SmsSender(settings, engine)) if settings.twilio_from_number else None
    action_url = public_url.rstrip("/") + PATH
    call = VoiceCall(engine, conversations, Matcher(engine), secret, action_url, settings.twilio_voice, texts, utc_now)
    return VoiceWebhook(call, auth_token.get_secret_value())


def read_form(form: Mapping[str, str], step: int) -> Heard:
    """The parts of Twilio's form the line uses, each capped: nothing else is read."""
    speech = storable(form.get("SpeechResult") or "")[:MAX_SPEECH]
    digits = "".join(c for c in (form.get("Digits") or "")[:MAX_DIGITS] if c.isdigit() or c in "*#")
    return Heard(
        call_sid=storable(form.get("CallSid") or "")[:MAX_SID],
        caller=caller_number((form.get("From") or "")[:32]),
        step=step,
        speech=speech,
        confidence=_confidence(form.get("Confidence")),
        digits=digits,
        dial_status=(form.get("DialCallStatus") or "")[:16],
    )


def _confidence(raw: str | None) -> float | None:
    """Twilio's 0-1 confidence. None when it gave none: no field, or exactly 0, which some speech
    models send for every transcript (refusing those would refuse every caller). Something
    unreadable counts as unsure, a tiny positive value."""
    try:
        value = float((raw or "0")[:16])
    except ValueError:
        return UNREADABLE
    if not math.isfinite(value):
        return UNREADABLE
    return value or None


def step_of(query: Mapping[str, str]) -> int:
    """The step marker of the action URL; 0 (a new call) when there is none."""
    raw = query.get("step", "")
    return min(int(raw), MAX_STEP) if raw.isdigit() and len(raw) <= len(str(MAX_STEP)) else 0


def router(webhook: VoiceWebhook) -> APIRouter:
    routes = APIRouter()

    @routes.post(PATH, include_in_schema=False)
    async def twilio_voice(request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
        if not webhook.verified(request.url.query, form, request.headers.get(SIGNATURE_HEADER, "")):
            raise HTTPException(status_code=403)
        answer = await run_in_threadpool(webhook.answer, form, step_of(request.query_params))
        return Response(answer, media_type="application/xml")

    return routes
