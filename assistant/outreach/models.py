"""What reminders and follow-ups keep: as little as will send them, and nothing once sent.

A pending message holds the channel, the address it goes to (the phone number or chat id,
encrypted with ``REMINDER_KEY``), the runtime's HMAC key (so "delete my data", STOP and "cancel my
reminder" find it), the listing and the time to send. The row is deleted once sent, or when it
can no longer be sent in time. A follow-up answer keeps no key at all: only what was tried, for
whom, where and in which week, so that it can be counted and never traced back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime
from sqlmodel import Field, Session, SQLModel, col, delete


class Outbound(SQLModel):
    """A message to send later. Not a table itself: reminders and follow-ups share its columns."""

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    key: str = Field(max_length=64, index=True)  # HMAC of channel and sender id
    address: str = Field(max_length=512)  # the sender id, Fernet-encrypted
    service_id: str = Field(max_length=128)
    send_at: dt.datetime = Field(sa_type=DateTime(timezone=True), index=True)
    attempts: int = 0  # failed sends so far: retried on the next run, then dropped


class Reminder(Outbound, table=True):
    __tablename__ = "reminder"


class FollowUp(Outbound, table=True):
    __tablename__ = "follow_up"


class FollowUpAnswer(SQLModel, table=True):
    """ "Did you try it?" answered: no key, no address, no listing; only what is counted."""

    __tablename__ = "follow_up_answer"

    id: int | None = Field(default=None, primary_key=True)
    activities: str = Field(default="", max_length=255)  # activity-* ids of the listing, comma-separated
    needs: str = Field(default="", max_length=255)  # need-* ids the person gave, comma-separated
    area: str = Field(default="", max_length=64)  # the listing's council area
    answer: str = Field(max_length=8)  # "yes" or "no"
    week: dt.date = Field(index=True)  # the Monday of the week it was answered


def forget_outreach(session: Session, key: str) -> int:
    """Delete every pending reminder and follow-up of ``key`` (delete my data, STOP, cancel)."""
    removed = 0
    for table in (Reminder, FollowUp):
        result = session.execute(delete(table).where(col(table.key) == key))
        removed += int(getattr(result, "rowcount", 0) or 0)
    return removed
