"""Conversation state, one row per (channel, hashed user key), expiring. Never the transcript.

A turn reads the row once and writes it once. On PostgreSQL :func:`claim` locks and reads it in
one statement; elsewhere (SQLite) :func:`peek` reads it without a lock and the turn's write checks
with :func:`unchanged` that no one wrote it meanwhile. Every write moves ``updated_at`` on, so the
time a turn found is the version it read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import DateTime, bindparam, text
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


TICK = dt.timedelta(microseconds=1)  # the least a write moves ``updated_at`` on


@dataclass(frozen=True, slots=True)
class Held:
    """A person's state as a turn found it: the JSON ("" when there is none or it expired) and the
    row's ``updated_at`` (None when there was no row), which the turn's write must find unchanged."""

    state: str
    updated_at: dt.datetime | None


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


# Statements written out once: a turn's one write of its row is plain SQL (SQLite and PostgreSQL
# spell an upsert alike), so SQLAlchemy has no expression to build or fingerprint for it each time.
_WHEN = bindparam("updated_at", type_=DateTime(timezone=True)), bindparam("expires_at", type_=DateTime(timezone=True))
_INSERT = 'INSERT INTO conversation_state ("key", channel, state, updated_at, expires_at) '
_WRITE = text(
    _INSERT + "VALUES (:key, :channel, :state, :updated_at, :expires_at) "
    'ON CONFLICT ("key") DO UPDATE SET channel = excluded.channel, state = excluded.state, '
    "updated_at = excluded.updated_at, expires_at = excluded.expires_at"
).bindparams(*_WHEN)
_CLAIM = text(
    _INSERT + "VALUES (:key, :channel, '', :updated_at, :expires_at) "
    'ON CONFLICT ("key") DO UPDATE SET "key" = excluded."key" RETURNING state, updated_at, expires_at'
).bindparams(*_WHEN)
_TABLE = ConversationState.__table__.c  # type: ignore[attr-defined]
_PEEK = select(_TABLE.state, _TABLE.updated_at, _TABLE.expires_at).where(_TABLE.key == bindparam("key"))
_UPDATED = select(_TABLE.updated_at).where(_TABLE.key == bindparam("key"))


def claim(session: Session, key: str, now: dt.datetime, channel: str) -> Held:
    """PostgreSQL: lock the person's row until commit and read it, in one round trip.

    The row is inserted if missing (an empty, already expired placeholder) or else updated to
    itself, either way locked: the second of two messages at once, even two first messages,
    waits here for the first turn to commit and then reads what it wrote.
    """
    row = {"key": key, "channel": channel, "updated_at": now, "expires_at": now}
    state, updated_at, expires_at = session.execute(_CLAIM, row).one()
    return Held(state if _aware(expires_at) > now else "", _aware(updated_at))


def peek(session: Session, key: str, now: dt.datetime) -> Held:
    """The person's state, read without a lock (see :func:`unchanged`)."""
    found = session.execute(_PEEK, {"key": key}).first()
    if found is None:
        return Held("", None)
    state, updated_at, expires_at = found
    return Held(state if _aware(expires_at) > now else "", _aware(updated_at))


def unchanged(session: Session, key: str, held: Held) -> bool:
    """Inside the write transaction: whether the row is still as :func:`peek` found it."""
    updated_at = session.execute(_UPDATED, {"key": key}).scalar()
    return (None if updated_at is None else _aware(updated_at)) == held.updated_at


def write(
    session: Session, key: str, channel: str, state_json: str, now: dt.datetime, keep: dt.timedelta, held: Held
) -> None:
    """Write the person's state in one statement, moving ``updated_at`` on past what was held."""
    moment = max(now, held.updated_at + TICK) if held.updated_at else now
    row = {"key": key, "channel": channel, "state": state_json, "updated_at": moment, "expires_at": moment + keep}
    session.execute(_WRITE, row)


def save(session: Session, key: str, channel: str, state_json: str, now: dt.datetime, keep: dt.timedelta) -> None:
    row = session.get(ConversationState, key)
    if row is None:
        row = ConversationState(key=key, channel=channel, state=state_json, updated_at=now, expires_at=now + keep)
    else:  # moved on even when the clock has not, so a turn that read the old row sees the change
        moment = max(now, _aware(row.updated_at) + TICK)
        row.state, row.updated_at, row.expires_at = state_json, moment, moment + keep
    session.add(row)


def forget(session: Session, key: str) -> None:
    session.execute(delete(ConversationState).where(col(ConversationState.key) == key))


def purge_expired(session: Session, now: dt.datetime) -> int:
    result = session.execute(delete(ConversationState).where(col(ConversationState.expires_at) <= now))
    return int(getattr(result, "rowcount", 0) or 0)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
