"""Conversation state, one row per (channel, hashed user key), expiring. Never the transcript."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from sqlalchemy import DateTime
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Field, Session, SQLModel, col, delete, select


class ConversationState(SQLModel, table=True):
    __tablename__ = "conversation_state"

    key: str = Field(primary_key=True, max_length=64)  # HMAC of channel and sender id
    channel: str = Field(max_length=16)
    state: str
    updated_at: dt.datetime = Field(sa_type=DateTime(timezone=True))
    expires_at: dt.datetime = Field(sa_type=DateTime(timezone=True), index=True)


def user_key(secret: str, channel: str, sender: str) -> str:
    """An HMAC of channel + sender id: the only identity the store and the engine ever see."""
    return hmac.new(secret.encode(), f"{channel}:{sender}".encode(), hashlib.sha256).hexdigest()


def load(session: Session, key: str, now: dt.datetime, *, lock: bool, channel: str = "") -> ConversationState | None:
    """The live row for ``key`` (expired rows count as none). ``lock`` holds it until commit on
    PostgreSQL, so two messages from one person at once are handled one after the other.

    A person's first message has no row to lock, so ``lock`` first inserts an empty, already
    expired placeholder (doing nothing if the row exists): the second of two first messages then
    waits on that row instead of racing to insert its own.
    """
    if lock:
        dialect = session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        placeholder = insert(ConversationState).values(
            key=key, channel=channel, state="", updated_at=now, expires_at=now
        )
        session.execute(placeholder.on_conflict_do_nothing(index_elements=["key"]))
    statement = select(ConversationState).where(ConversationState.key == key)
    if lock:
        statement = statement.with_for_update()
    row = session.exec(statement).first()
    if row is None or not row.state or _aware(row.expires_at) <= now:
        return None
    return row


def save(session: Session, key: str, channel: str, state_json: str, now: dt.datetime, keep: dt.timedelta) -> None:
    row = session.get(ConversationState, key)
    if row is None:
        row = ConversationState(key=key, channel=channel, state=state_json, updated_at=now, expires_at=now + keep)
    else:
        row.state, row.updated_at, row.expires_at = state_json, now, now + keep
    session.add(row)


def forget(session: Session, key: str) -> None:
    session.execute(delete(ConversationState).where(col(ConversationState.key) == key))


def purge_expired(session: Session, now: dt.datetime) -> int:
    result = session.execute(delete(ConversationState).where(col(ConversationState.expires_at) <= now))
    return int(getattr(result, "rowcount", 0) or 0)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
