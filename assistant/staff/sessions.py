"""Server-side staff sessions: each sign-in is a row, so it can be ended from anywhere.

The cookie carries a random token; the database keeps only its SHA-256, so a copy of the table
opens nothing. A session ends when the person signs out (its row is deleted), when the account
is disabled or its password changed (every row of the account is deleted), after
``STAFF_IDLE_MINUTES`` without a request, and ``STAFF_SESSION_MINUTES`` after sign-in however busy.
A replayed cookie whose row is gone is no session at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, or_
from sqlmodel import col, delete, select

from assistant.directory.db import session_scope
from assistant.staff.users import StaffSession, StaffUser

# seen_at is written at most this often, not on every request: the idle limit is minutes long
TOUCH_EVERY = dt.timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class Limits:
    idle: dt.timedelta
    absolute: dt.timedelta


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every time stored here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def start(engine: Engine, user_id: int, now: dt.datetime, limits: Limits) -> str:
    """A new session for ``user_id``; the token for its cookie. Clears out every expired row."""
    token = secrets.token_urlsafe(32)
    with session_scope(engine) as session:
        session.exec(
            delete(StaffSession).where(
                or_(col(StaffSession.started_at) < now - limits.absolute, col(StaffSession.seen_at) < now - limits.idle)
            )
        )
        session.add(StaffSession(id=_digest(token), user_id=user_id, started_at=now, seen_at=now))
    return token


def resume(engine: Engine, token: str, now: dt.datetime, limits: Limits) -> StaffUser | None:
    """The active account this token's live session belongs to, or None. An expired session is
    deleted; a live one is marked as seen now."""
    with session_scope(engine) as session:
        found = session.exec(
            select(StaffSession, StaffUser)
            .join(StaffUser, col(StaffUser.id) == col(StaffSession.user_id))
            .where(col(StaffSession.id) == _digest(token))
        ).first()
        if found is None:
            return None
        row, user = found
        started, seen = _aware(row.started_at), _aware(row.seen_at)
        if now - started >= limits.absolute or now - seen >= limits.idle or not user.active:
            session.delete(row)
            return None
        if now - seen >= TOUCH_EVERY:
            row.seen_at = now
            session.add(row)
        return user


def end(engine: Engine, token: str) -> None:
    """Sign this one session out."""
    with session_scope(engine) as session:
        session.exec(delete(StaffSession).where(col(StaffSession.id) == _digest(token)))

