"""What a messaging channel must remember beyond the conversation: who opted out, and which
messages it has already answered.

Both tables hold the runtime's HMAC key, never a phone number or chat id. Opt-outs last until
the person opts back in (carriers require it). Answered-message rows let a webhook retry (Twilio
resends a ``MessageSid``, Telegram an ``update_id``, when our answer was slow or lost) get the
same answer without moving the conversation on twice; they expire after a day.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from sqlalchemy import DateTime, Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, delete

from assistant.directory.db import session_scope
from assistant.outreach.models import forget_outreach

KEEP_ANSWERS = dt.timedelta(days=1)


class ChannelOptOut(SQLModel, table=True):
    __tablename__ = "channel_opt_out"

    channel: str = Field(primary_key=True, max_length=16)
    key: str = Field(primary_key=True, max_length=64)  # HMAC of channel and sender id
    opted_out_at: dt.datetime = Field(sa_type=DateTime(timezone=True))


class ChannelMessage(SQLModel, table=True):
    __tablename__ = "channel_message"

    channel: str = Field(primary_key=True, max_length=16)
    message_id: str = Field(primary_key=True, max_length=64)  # Twilio MessageSid, Telegram update_id
    key: str = Field(max_length=64, index=True)
    answer: str | None = None  # what was sent back (TwiML), for a retry; None while still working
    expires_at: dt.datetime = Field(sa_type=DateTime(timezone=True), index=True)


def is_opted_out(engine: Engine, channel: str, key: str) -> bool:
    with Session(engine) as session:
        return session.get(ChannelOptOut, (channel, key)) is not None


def opt_out(engine: Engine, channel: str, key: str, now: dt.datetime) -> None:
    """Record the opt-out; pending reminders and follow-ups are cancelled with it (STOP means stop)."""
    with session_scope(engine) as session:
        if session.get(ChannelOptOut, (channel, key)) is None:
            session.add(ChannelOptOut(channel=channel, key=key, opted_out_at=now))
        forget_outreach(session, key)


def opt_in(engine: Engine, channel: str, key: str) -> None:
    with session_scope(engine) as session:
        session.execute(
            delete(ChannelOptOut).where(col(ChannelOptOut.channel) == channel, col(ChannelOptOut.key) == key)
        )


@dataclass(frozen=True, slots=True)
class Seen:
    """A message that was already claimed: its stored answer, or None if none was recorded."""

    answer: str | None


def claim(engine: Engine, channel: str, message_id: str, key: str, now: dt.datetime) -> Seen | None:
    """Mark the message as being answered. None: it is new, go ahead. A :class:`Seen`: it is a
    retry (or arrived twice at once), so answer with what it holds and do nothing else.

    The insert itself decides, so two copies arriving together cannot both win.
    """
    with session_scope(engine) as session:
        session.execute(delete(ChannelMessage).where(col(ChannelMessage.expires_at) <= now))
    try:
        with session_scope(engine) as session:
            session.add(ChannelMessage(channel=channel, message_id=message_id, key=key, expires_at=now + KEEP_ANSWERS))
        return None
    except IntegrityError:
        with Session(engine) as session:
            row = session.get(ChannelMessage, (channel, message_id))
            return Seen(row.answer if row else None)


def record(engine: Engine, channel: str, message_id: str, key: str, answer: str, now: dt.datetime) -> None:
    """Keep the answer sent, so that a retry of the same message gets it again.

    Nothing is kept when the claim has gone: "delete my data" deletes every stored answer of the
    person, the claim of the message asking for it included, and keeping that message's answer
    would tie a new row to them again (a retry of it finds nothing to delete, and says so).
    """
    with session_scope(engine) as session:
        row = session.get(ChannelMessage, (channel, message_id))
        if row is None:
            return
        row.answer = answer
        session.add(row)


def release(engine: Engine, channel: str, message_id: str) -> None:
    """Forget a claim whose answer failed, so the sender's retry is handled afresh."""
    with session_scope(engine) as session:
        session.execute(
            delete(ChannelMessage).where(
                col(ChannelMessage.channel) == channel, col(ChannelMessage.message_id) == message_id
            )
        )


def forget_answers(engine: Engine, key: str) -> None:
    """Drop every stored answer for a person, when they ask us to delete their data."""
    with session_scope(engine) as session:
        session.execute(delete(ChannelMessage).where(col(ChannelMessage.key) == key))


def wait_for_answer(
    engine: Engine, channel: str, message_id: str, *, seconds: float = 10.0, every: float = 0.05
) -> Seen | None:
    """The answer to a copy of this message that is still being worked on, once it is ready.

    Twilio retries a message it gave up waiting for, so the copy in hand may be the only one whose
    reply reaches the person: it must carry the answer, not an empty reply. None when the first
    copy was abandoned (its claim released) or took longer than ``seconds``.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with Session(engine) as session:
            row = session.get(ChannelMessage, (channel, message_id))
            if row is None:
                return None
            if row.answer is not None:
                return Seen(row.answer)
        time.sleep(every)
    return None
