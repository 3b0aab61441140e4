"""Listings not checked for a year: what ``dayfinder report stale`` prints, oldest first.

``today`` is passed in (the CLI takes ``--today``), so the report is testable without a clock.
Never-checked listings come first: they are the stalest of all. Only active listings are listed;
archived ones are not shown to anyone, so they need no checking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, or_, select

from assistant.directory.models import Organization, Phone, Service

STALE_MONTHS = 12


@dataclass(frozen=True, slots=True)
class StaleListing:
    id: str
    name: str
    organisation: str
    last_verified: dt.date | None
    phone: str | None
    email: str | None
    website: str | None


def stale_cutoff(today: dt.date, months: int = STALE_MONTHS) -> dt.date:
    """The same day ``months`` earlier (28 February for 29 February a year on)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale_listings(engine: Engine, today: dt.date, months: int = STALE_MONTHS) -> list[StaleListing]:
    cutoff = stale_cutoff(today, months)
    with Session(engine) as session:
        rows = session.exec(
            select(Service, Organization)
            .join(Organization, col(Organization.id) == col(Service.organization_id))
            .where(col(Service.status) == "active")
            .where(or_(col(Service.last_verified).is_(None), col(Service.last_verified) < cutoff))
        ).all()
        ids = [s.id for s, _ in rows]
        phones: dict[str, str] = {}
        found_phones = session.exec(select(Phone).where(col(Phone.service_id).in_(ids)).order_by(col(Phone.id))).all()
        # the service's own number first, else a contact's
        for phone in sorted(found_phones, key=lambda p: p.contact_id is not None):
            phones.setdefault(phone.service_id, phone.number)
    found = [
        StaleListing(s.id, s.name, o.name, s.last_verified, phones.get(s.id), s.email or o.email, s.url or o.website)
        for s, o in rows
    ]
    return sorted(found, key=lambda x: (x.last_verified or dt.date.min, x.name, x.id))
