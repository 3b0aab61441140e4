"""Fetch candidate listings with indexed queries, a batch at a time, never the whole directory.

A search makes a few queries, whatever the directory's size:

1. venues in the bounding box of a ring round the person (the ``ix_location_lat_lon`` index,
   as :mod:`assistant.directory.nearby` does), joined to their services and narrowed in SQL by
   the hard filters (:mod:`assistant.matching.narrowing`), nearest first;
2. when online is allowed, online services narrowed the same way (a bounded number: see
   :meth:`Loader.online`);
3. for a batch of those candidates at a time: their service rows, terms, schedules and cost
   options, and the access features of the venues within reach.

Facts are cached per search, so climbing the relaxation ladder re-reads only new candidates.
Rows are read as plain tuples: building ORM objects for every candidate would cost more than the
queries.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, select
from sqlmodel import Session, col

from assistant.directory.geo import EARTH_RADIUS_MILES, bounding_box, miles_between
from assistant.directory.models import (
    Accessibility,
    CostOption,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
)
from assistant.matching.criteria import Criteria
from assistant.matching.listing import Listing, Sitting, parse_days
from assistant.matching.narrowing import ACTIVE, narrowing, service_narrowing
from assistant.matching.prices import Option, own_price

CHUNK = 2000  # ids per IN list: well inside SQLite's and PostgreSQL's bind limits
EDGE_DEGREES = 1e-9  # as nearby.py: a point on the box's edge is still fetched
ONLINE_POOL = 60  # online candidates considered per search
INSIDE = 0.99  # keeps the skipped square clear of the inner circle's edge
SERVICE_FIELDS = (
    "id", "name", "organization_id", "attendance", "minimum_age", "maximum_age", "area", "last_verified", "description",
)  # fmt: skip
SERVICE_COLUMNS = tuple(col(getattr(Service, name)) for name in SERVICE_FIELDS)


@dataclass(frozen=True, slots=True)
class Reach:
    """How far a service's nearest venue is, and which of its venues lie within the radius."""

    miles: float
    locations: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Facts:
    """Everything about a service that does not depend on where the person is."""

    row: Any  # the SERVICE_FIELDS of its service row
    terms: frozenset[str]
    sittings: tuple[Sitting, ...]
    options: tuple[Option, ...]


class Loader:
    """Candidate listings for one search, with its queries' results cached."""

    def __init__(self, session: Session) -> None:
        self._db = session.connection()  # Core, not the ORM: rows here are plain tuples
        self._facts: dict[str, _Facts | None] = {}
        self._access: dict[str, frozenset[str]] = {}

    def near(self, criteria: Criteria, inner: float, outer: float) -> dict[str, Reach]:
        """Services the narrowing lets through whose nearest venue lies more than ``inner`` and at most
        ``outer`` miles away, nearest first.

        The box is ``outer``'s, less the square inside the ``inner`` circle (whose venues were read
        already): the database skips those before probing their terms. The service row itself is
        not joined (its status and age are checked with its facts, for the few candidates read).
        """
        if criteria.origin is None:
            return {}
        lat, lon = criteria.origin
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, outer)
        latitude, longitude = col(Location.latitude), col(Location.longitude)
        conditions: list[ColumnElement[bool]] = [
            latitude.between(min_lat - EDGE_DEGREES, max_lat + EDGE_DEGREES),
            longitude.between(min_lon - EDGE_DEGREES, max_lon + EDGE_DEGREES),
        ]
        if inner > 0:
            half_lat, half_lon = _inscribed(lat, inner)
            conditions.append(
                ~and_(
                    latitude.between(lat - half_lat, lat + half_lat), longitude.between(lon - half_lon, lon + half_lon)
                )
            )
        link = ServiceAtLocation
        statement = (
            select(col(link.service_id), col(Location.id), latitude, longitude)
            .join(Location, col(Location.id) == col(link.location_id))
            .where(*conditions, *narrowing(col(link.service_id), criteria, in_person=True))
        )
        found: dict[str, tuple[float, set[str]]] = {}
        for service_id, location_id, p_lat, p_lon in self._db.execute(statement):
            if p_lat is None or p_lon is None:  # never: BETWEEN drops NULLs
                continue
            distance = miles_between(lat, lon, p_lat, p_lon)
            if distance <= outer:
                best, venues = found.setdefault(service_id, (distance, set()))
                venues.add(location_id)
                found[service_id] = (min(best, distance), venues)
        nearest = sorted(
            # the first ring (inner 0) keeps a venue standing exactly on the searched point
            ((sid, pair) for sid, pair in found.items() if pair[0] > inner or inner == 0),
            key=lambda item: (item[1][0], item[0]),
        )
        return {sid: Reach(d, frozenset(venues)) for sid, (d, venues) in nearest}

    def online(self, criteria: Criteria, local_authority: str | None) -> list[str]:
        """Online services the narrowing lets through: at most :data:`ONLINE_POOL`, those run for
        ``local_authority`` first, then the most recently checked.

        Online listings have no distance to narrow them, and a national directory can hold
        thousands; nobody pages through more than a few dozen. With interests named, the search
        starts from the services offering them (the ``term_id`` index), not from every service.
        """
        statement = select(col(Service.id)).where(
            col(Service.attendance).in_(["online", "both"]),
            *service_narrowing(criteria),
            *narrowing(col(Service.id), criteria, in_person=False),
        )
        if criteria.interests:
            offering = select(col(ServiceTerm.service_id)).where(
                col(ServiceTerm.term_id).in_(sorted(criteria.interests))
            )
            statement = statement.where(col(Service.id).in_(offering))
        local = case((col(Service.area) == (local_authority or ""), 0), else_=1)
        statement = statement.order_by(local, col(Service.last_verified).desc().nulls_last(), col(Service.id))
        return list(self._db.execute(statement.limit(ONLINE_POOL)).scalars())

    def listings(self, reach: dict[str, Reach], online: Iterable[str] = ()) -> list[Listing]:
        """Listings for the services in ``reach`` (in person) and ``online``, active ones only."""
        ids = list(dict.fromkeys([*reach, *online]))
        self._load_facts([i for i in ids if i not in self._facts])
        self._load_access({loc for r in reach.values() for loc in r.locations} - self._access.keys())
        out = []
        for sid in ids:
            facts = self._facts.get(sid)
            if facts is not None:
                out.append(_listing(facts, reach.get(sid), self._access))
        return out

    def _load_facts(self, ids: list[str]) -> None:
        if not ids:
            return
        rows: dict[str, Any] = {}
        terms: dict[str, set[str]] = defaultdict(set)
        sittings: dict[str, list[Sitting]] = defaultdict(list)
        options: dict[str, list[Option]] = defaultdict(list)
        for chunk in _chunks(ids):
            for row in self._db.execute(
                select(*SERVICE_COLUMNS).where(col(Service.id).in_(chunk), col(Service.status) == ACTIVE)
            ):
                rows[str(row[0])] = row
            for sid, term in self._db.execute(
                select(col(ServiceTerm.service_id), col(ServiceTerm.term_id)).where(
                    col(ServiceTerm.service_id).in_(chunk)
                )
            ):
                terms[sid].add(term)
            for sid, byday, freq, interval, opens, closes in self._db.execute(
                select(
                    col(Schedule.service_id),
                    col(Schedule.byday),
                    col(Schedule.freq),
                    col(Schedule.interval),
                    col(Schedule.opens_at),
                    col(Schedule.closes_at),
                ).where(col(Schedule.service_id).in_(chunk))
            ):
                days, weekly = parse_days(byday, freq, interval)
                sittings[sid].append(Sitting(days, opens, closes, weekly))
            for sid, name, amount, unit in self._db.execute(
                select(
                    col(CostOption.service_id), col(CostOption.option), col(CostOption.amount), col(CostOption.unit)
                ).where(col(CostOption.service_id).in_(chunk))
            ):
                options[sid].append(Option(name, amount, unit))
        for sid in ids:
            service = rows.get(sid)
            self._facts[sid] = (
                _Facts(service, frozenset(terms[sid]), tuple(sittings[sid]), tuple(options[sid])) if service else None
            )

    def _load_access(self, location_ids: set[str]) -> None:
        if not location_ids:
            return
        found: dict[str, set[str]] = defaultdict(set)
        for chunk in _chunks(sorted(location_ids)):
            for location_id, feature in self._db.execute(
                select(col(Accessibility.location_id), col(Accessibility.feature)).where(
                    col(Accessibility.location_id).in_(chunk), col(Accessibility.feature).is_not(None)
                )
            ):
                if feature:
                    found[location_id].add(feature)
        for location_id in location_ids:
            self._access[location_id] = frozenset(found[location_id])


def _inscribed(lat: float, miles: float) -> tuple[float, float]:
    """Half the sides, in degrees, of a square safely inside the circle of ``miles`` round a point."""
    half = math.degrees(miles * INSIDE / math.sqrt(2) / EARTH_RADIUS_MILES)
    return half, half / math.cos(math.radians(lat))


def _listing(facts: _Facts, reach: Reach | None, access: dict[str, frozenset[str]]) -> Listing:
    sid, name, organisation, attendance, minimum_age, maximum_age, area, last_verified, description = facts.row
    terms = facts.terms
    venues = reach.locations if reach else frozenset()
    return Listing(
        id=sid,
        name=name,
        organisation_id=organisation,
        distance=reach.miles if reach else None,
        online=attendance in ("online", "both"),
        in_person=attendance != "online",
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        area=area,
        last_verified=last_verified,
        needs=frozenset(t for t in terms if t.startswith("need-")),
        activities=frozenset(t for t in terms if t.startswith("activity-")),
        supports=frozenset(t for t in terms if t.startswith("support-")),
        access=frozenset().union(*(access.get(v, frozenset()) for v in venues)),
        sittings=facts.sittings,
        price=own_price(facts.options),
        text=f"{name} {description or ''}",
    )


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
