"""The ORUK 3.0 query parameters, read once and turned into filters on published services.

Every filter narrows ``select(Service)`` (or a query joined to ``Service``) with conditions the
database evaluates, the same on SQLite and PostgreSQL. A parameter a person could get wrong (a
time that is not a time, a postcode we cannot place, a proximity that is not a distance) raises
:class:`BadQuery`, which the API turns into a friendly 422, never a 500.

The spec's wording is followed literally: ``minimum_age`` keeps services whose minimum age is at
least the value, ``maximum_age`` those whose maximum age is at most it; ``start_time``, ``end_time``
and ``day`` keep services with one schedule that opens at or after ``start_time``, closes at or
before ``end_time`` and runs on ``day`` (an RFC 5545 day such as ``MO``, or a day's name).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_
from sqlmodel import Session, col, select

from assistant.directory.gazetteer import Match, load_gazetteer
from assistant.directory.models import Schedule, Service, ServiceAtLocation, ServiceTerm, TaxonomyTerm
from assistant.directory.nearby import locations_within

METRES_PER_MILE = 1609.344
DEFAULT_PROXIMITY_METRES = 8047.0  # five miles
MAX_PROXIMITY_METRES = 80_000.0
PUBLISHED = col(Service.status) == "active"
DAYS = {
    "MO": "monday", "TU": "tuesday", "WE": "wednesday", "TH": "thursday",
    "FR": "friday", "SA": "saturday", "SU": "sunday",
}  # fmt: skip
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


class BadQuery(ValueError):
    """A query parameter that cannot be understood: answered with a friendly 422."""


@dataclass(frozen=True, slots=True)
class Filters:
    """The parameters every listing endpoint shares, already checked."""

    text: str = ""
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    day: str | None = None


def parse_time(value: str | None) -> dt.time | None:
    """``"09:30"`` or ``"09:30:00"``; None when not given."""
    if value is None or not value.strip():
        return None
    found = _TIME.match(value)
    if not found:
        raise BadQuery("time")
    hour, minute, second = int(found[1]), int(found[2]), int(found[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise BadQuery("time")
    return dt.time(hour, minute, second)


def parse_day(value: str | None) -> str | None:
    """The RFC 5545 code (``"TU"``) for ``"TU"``, ``"tu"``, ``"Tuesday"`` or ``"tues"``."""
    if value is None or not value.strip():
        return None
    word = value.strip().lower()
    for code, name in DAYS.items():
        if word == code.lower() or (len(word) >= 3 and name.startswith(word)):
            return code
    raise BadQuery("day")


def parse_proximity(value: str | None) -> float | None:
    """Metres, a number between 1 and 80 km (the spec types it as a string)."""
    if value is None or not value.strip():
        return None
    try:
        metres = float(value)
    except ValueError:
        raise BadQuery("proximity") from None
    if not 1 <= metres <= MAX_PROXIMITY_METRES:  # also refuses nan and inf
        raise BadQuery("proximity")
    return metres


def service_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """SQL conditions on ``Service`` for every filter given, published services only."""
    conditions: list[ColumnElement[bool]] = [PUBLISHED]
    if words := filters.text.strip().lower():
        like = f"%{_escape(words)}%"
        conditions.append(
            or_(
                func.lower(Service.name).like(like, escape="\\"),
                func.lower(Service.description).like(like, escape="\\"),
            )
        )
    if filters.taxonomy_term_id:
        linked = select(ServiceTerm.service_id).where(ServiceTerm.term_id == filters.taxonomy_term_id)
        conditions.append(col(Service.id).in_(linked))
    if filters.taxonomy_id:
        in_taxonomy = (
            select(ServiceTerm.service_id)
            .join(TaxonomyTerm, col(TaxonomyTerm.id) == col(ServiceTerm.term_id))
            .where(TaxonomyTerm.taxonomy == filters.taxonomy_id)
        )
        conditions.append(col(Service.id).in_(in_taxonomy))
    if filters.organization_id:
        conditions.append(col(Service.organization_id) == filters.organization_id)
    if filters.minimum_age is not None:
        conditions.append(col(Service.minimum_age) >= filters.minimum_age)
    if filters.maximum_age is not None:
        conditions.append(col(Service.maximum_age) <= filters.maximum_age)
    if timing := _schedule_conditions(filters):
        conditions.append(col(Service.id).in_(select(Schedule.service_id).where(and_(*timing))))
    return conditions


def _schedule_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    timing: list[ColumnElement[bool]] = []
    if filters.start_time is not None:
        timing.append(col(Schedule.opens_at) >= filters.start_time)
    if filters.end_time is not None:
        timing.append(col(Schedule.closes_at) <= filters.end_time)
    if filters.day is not None:
        timing.append(col(Schedule.byday).like(f"%{filters.day}%"))
    return timing


def _escape(words: str) -> str:
    return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True, slots=True)
class Near:
    """Locations within ``metres`` of a postcode's centre: id -> distance in miles, nearest first."""

    distances: dict[str, float]


def near_postcode(session: Session, postcode: str | None, proximity: str | None) -> Near | None:
    """The locations near ``postcode`` (None when no postcode was given)."""
    metres = parse_proximity(proximity)
    if postcode is None or not postcode.strip():
        if metres is not None:
            raise BadQuery("postcode")
        return None
    located = load_gazetteer().locate(postcode)
    if located.postcode is None or located.match is not Match.FOUND or located.place is None:
        raise BadQuery("postcode")
    place = located.place
    miles = (metres or DEFAULT_PROXIMITY_METRES) / METRES_PER_MILE
    found = locations_within(session, place.latitude, place.longitude, miles)
    return Near({location.id: distance for location, distance in found})


def served_near(near: Near) -> ColumnElement[bool]:
    """Services with a location among ``near``'s."""
    at = select(ServiceAtLocation.service_id).where(col(ServiceAtLocation.location_id).in_(list(near.distances)))
    return col(Service.id).in_(at)


def count(session: Session, statement: Any) -> int:
    return int(session.exec(select(func.count()).select_from(statement.subquery())).one())
