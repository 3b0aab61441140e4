"""Staff accounts, and the record of what staff handed over to a member of the public.

A signed-in browser holds a ``StaffSession`` row (see ``assistant.staff.sessions``): disabling
an account or changing its password deletes every one of its rows, so those sessions end at
once on every worker. Passwords are kept only as pwdlib's recommended hash (Argon2id today); ``verify`` upgrades an
old hash in place when the recommendation changes. A handover row says who sent which listings
and when, and that consent was given: the phone number itself is kept only as the same HMAC the
SMS channel uses (so it can be matched against an opt-out), never in clear.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pwdlib import PasswordHash
from sqlalchemy import JSON, Column, DateTime, Engine
from sqlmodel import Field, Session, SQLModel, col, delete, select

from assistant.directory.db import session_scope

Role = Literal["staff", "curator", "commissioner", "admin"]
ROLES: tuple[str, ...] = get_args(Role)

_hasher = PasswordHash.recommended()
# verified against when the email is unknown, so a wrong email takes as long as a wrong password
_DUMMY_HASH = _hasher.hash("dayfinder-no-such-user")


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True)  # stored lower-cased
    name: str = Field(max_length=200)
    password_hash: str = Field(max_length=512)
    role: str = Field(max_length=16)
    active: bool = True
    created_at: dt.datetime = Field(sa_type=DateTime(timezone=True))


class StaffSession(SQLModel, table=True):
    """One signed-in browser. The cookie holds a random token; only its SHA-256 is stored here."""

    __tablename__ = "staff_session"

    id: str = Field(primary_key=True, max_length=64)  # hex SHA-256 of the cookie's token
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    started_at: dt.datetime = Field(sa_type=DateTime(timezone=True))
    seen_at: dt.datetime = Field(sa_type=DateTime(timezone=True))


class SentHandover(SQLModel, table=True):
    __tablename__ = "staff_handover"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    service_ids: list[str] = Field(sa_column=Column(JSON, nullable=False))
    channel: str = Field(max_length=16)  # "sms"
    recipient_key: str = Field(max_length=64)  # HMAC of channel and number, as for opt-outs
    consent: bool
    sent_at: dt.datetime = Field(sa_type=DateTime(timezone=True), index=True)


class UserExistsError(ValueError):
    """An account with this email already exists."""


def normal_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def add_user(engine: Engine, email: str, name: str, role: str, password: str, now: dt.datetime) -> StaffUser:
    if role not in ROLES:
        raise ValueError(role)
    with session_scope(engine) as session:
        if session.exec(select(StaffUser).where(col(StaffUser.email) == normal_email(email))).first():
            raise UserExistsError(email)
        user = StaffUser(
            email=normal_email(email),
            name=name.strip(),
            role=role,
            password_hash=hash_password(password),
            created_at=now,
        )
        session.add(user)
    return user


def find_user(engine: Engine, email: str) -> StaffUser | None:
    with Session(engine) as session:
        return session.exec(select(StaffUser).where(col(StaffUser.email) == normal_email(email))).first()


def get_user(engine: Engine, user_id: int) -> StaffUser | None:
    with Session(engine) as session:
        return session.get(StaffUser, user_id)


def list_users(engine: Engine) -> list[StaffUser]:
    with Session(engine) as session:
        return list(session.exec(select(StaffUser).order_by(col(StaffUser.email))))


def end_sessions(session: Session, user_id: int) -> None:
    """Sign this account out everywhere."""
    session.exec(delete(StaffSession).where(col(StaffSession.user_id) == user_id))


def set_active(engine: Engine, email: str, active: bool) -> bool:
    """Switch an account on or off (off ends its sessions); False when there is no such account."""
    with session_scope(engine) as session:
        user = session.exec(select(StaffUser).where(col(StaffUser.email) == normal_email(email))).first()
        if user is None or user.id is None:
            return False
        user.active = active
        session.add(user)
        if not active:
            end_sessions(session, user.id)
    return True


def set_password(engine: Engine, email: str, password: str) -> bool:
    """Give an account a new password and end all its sessions; False when there is no such account."""
    with session_scope(engine) as session:
        user = session.exec(select(StaffUser).where(col(StaffUser.email) == normal_email(email))).first()
        if user is None or user.id is None:
            return False
        user.password_hash = hash_password(password)
        session.add(user)
        end_sessions(session, user.id)
    return True


def authenticate(engine: Engine, email: str, password: str) -> StaffUser | None:
    """The active account these credentials open, or None (whatever was wrong: the caller says
    only "wrong email or password"). Takes about as long whether or not the email exists."""
    user = find_user(engine, email)
    valid, new_hash = _hasher.verify_and_update(password, user.password_hash if user else _DUMMY_HASH)
    if user is None or not valid or not user.active:
        return None
    if new_hash is not None:
        with session_scope(engine) as session:
            stored = session.get(StaffUser, user.id)
            if stored is not None:
                stored.password_hash = new_hash
                session.add(stored)
    return user


def record_handover(
    engine: Engine, user_id: int, service_ids: list[str], channel: str, recipient_key: str, now: dt.datetime
) -> SentHandover:
    with session_scope(engine) as session:
        row = SentHandover(
            user_id=user_id,
            service_ids=service_ids,
            channel=channel,
            recipient_key=recipient_key,
            consent=True,
            sent_at=now,
        )
        session.add(row)
    return row
