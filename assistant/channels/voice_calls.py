"""What the voice line remembers during one call, beside the conversation: a small record.

It lives in the channel-message table (``optouts.ChannelMessage``) under channel
``voice-call``, keyed by an HMAC of the CallSid and tied to the caller's conversation key, so
"delete my data" and the end of the call remove it with the rest, and it expires after a day
whatever happens. It holds counts and flags, and what was last said so that "1" can say it
again: never the caller's number, never what they said.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine
from sqlmodel import Session

from assistant.channels import optouts
from assistant.channels.optouts import ChannelMessage
from assistant.directory.db import session_scope

CHANNEL = "voice-call"
MAX_LINES = 40  # what "say it again" repeats: a results page and its prompts fit many times over


class Line(BaseModel):
    """One sentence to say; ``slow`` for results, ``pause`` for a breath after it."""

    text: str
    slow: bool = False
    pause: bool = False


class CallRecord(BaseModel):
    misses: int = 0  # silences and unclear answers in a row
    keypad_told: bool = False  # the keypad has been announced on this call
    asked_to_text: bool = False  # "shall I text these?" awaits a yes or no
    last: list[Line] = []  # what was last said, for "hear it again"


def call_id(secret: str, call_sid: str, step: str = "") -> str:
    """An HMAC of the CallSid (and a step of it): an id that says nothing about the call."""
    return hmac.new(secret.encode(), f"voice:{call_sid}:{step}".encode(), hashlib.sha256).hexdigest()


def load(engine: Engine, record_id: str) -> CallRecord:
    with Session(engine) as session:
        row = session.get(ChannelMessage, (CHANNEL, record_id))
    if row is None or not row.answer:
        return CallRecord()
    try:
        return CallRecord.model_validate_json(row.answer)
    except ValidationError:
        return CallRecord()


def save(engine: Engine, record_id: str, key: str, record: CallRecord, now: dt.datetime) -> None:
    record = record.model_copy(update={"last": record.last[-MAX_LINES:]})
    raw = json.dumps(record.model_dump(), separators=(",", ":"))
    with session_scope(engine) as session:
        row = session.get(ChannelMessage, (CHANNEL, record_id))
        if row is None:
            row = ChannelMessage(
                channel=CHANNEL, message_id=record_id, key=key, answer=raw, expires_at=now + optouts.KEEP_ANSWERS
            )
        row.answer = raw
        session.add(row)
