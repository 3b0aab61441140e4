"""Fetch candidate listings with indexed queries, a batch at a time, never the whole directory.

A search makes a few queries, whatever the directory's size:

1. venues in the bounding box of a ring round the person (the ``ix_location_lat_lon_id`` index,
   as :mod:`assistant.directory.nearby` does), joined to their services and narrowed in SQL by
   the hard filters (:mod:`assistant.matching.narrowing`), nearest first;
2. when online is allowed, online services narrowed the same way (a bounded number: see
   :meth:`Loader.online`);
3. for a batch of those candidates at a time: their service rows, terms, schedules and cost
   options, and the access features of the venues within reach.

Facts are held in memory per process until the directory changes (:mod:`assistant.directory.cache`),
so climbing the relaxation ladder, and the next turn's search, re-read only new candidates.
Rows are read as plain tuples: building ORM objects for every candidate would cost more than the
queries. The statements are built once a process for each set of hard filters, the place and
the ids being bound parameters: building the narrowing's expressions took as long as running
the query on a small directory.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Executable, bindparam, func, select
from sqlmodel import Session, col

from assistant.directory import cache
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
ONLINE_CHUNK = 100  # online services narrowed at a time: PostgreSQL probes each (more, and it hashes)
ONLINE = ("online", "both")  # the attendances that can be joined online
# The database's circles are drawn flat (a degree of longitude shrunk by the cosine of the
# searched latitude), off by well under 2% within 50 miles: the outer one is drawn this much
# wider and the inner one this much narrower, and the exact distance is checked here.
FLAT_SLACK = 1.05
SERVICE_FIELDS = (
    "id", "name", "organization_id", "attendance", "minimum_age", "maximum_age", "area", "last_verified", "description",
)  # fmt: skip
SERVICE_COLUMNS = tuple(col(getattr(Service, name)) for name in SERVICE_FIELDS)
STATEMENTS = 256  # statements kept, one for each set of hard filters met lately
_IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)
_FACTS = (
    select(*SERVICE_COLUMNS).where(col(Service.id).in_(_IDS), col(Service.status) == ACTIVE),
    select(col(ServiceTerm.service_id), col(ServiceTerm.term_id)).where(col(ServiceTerm.service_id).in_(_IDS)),
    select(
        col(Schedule.service_id),
        col(Schedule.byday),
        col(Schedule.freq),
        col(Schedule.interval),
        col(Schedule.opens_at),
        col(Schedule.closes_at),
    ).where(col(Schedule.service_id).in_(_IDS)),
    select(col(CostOption.service_id), col(CostOption.option), col(CostOption.amount), col(CostOption.unit)).where(
        col(CostOption.service_id).in_(_IDS)
    ),
)
_ONLINE_SERVICES = (
    select(col(Service.id), col(Service.area))
    .where(col(Service.attendance).in_(ONLINE))
    .order_by(col(Service.last_verified).desc().nulls_last(), col(Service.id))
)
_ONLINE_TERMS = (
    select(col(ServiceTerm.service_id), col(ServiceTerm.term_id))
    .join(Service, col(Service.id) == col(ServiceTerm.service_id))
    .where(col(Service.attendance).in_(ONLINE))
)
_ACCESS = select(col(Accessibility.location_id), col(Accessibility.feature)).where(
    col(Accessibility.location_id).in_(_IDS), col(Accessibility.feature).is_not(None)
)


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
    """Candidate listings for one search; the facts read are shared with every search in the process
    for as long as the directory's version stays the same."""

    def __init__(self, session: Session) -> None:
        self._db = session.connection()  # Core, not the ORM: rows here are plain tuples
        held = cache.memo(session)
        self._facts: dict[str, _Facts | None] = held.table("loader.facts")
        self._access: dict[str, frozenset[str]] = held.table("loader.access")
        self._online: dict[str, tuple[tuple[str, str | None, frozenset[str]], ...]] = held.table("loader.online")

    def near(self, criteria: Criteria, inner: float, outer: float) -> dict[str, Reach]:
        """Services the narrowing lets through whose nearest venue lies more than ``inner`` and at most
        ``outer`` miles away, nearest first.

        The index reads ``outer``'s box; the database then keeps the venues within about ``outer``
        and beyond about ``inner`` (whose venues were read already), before probing their terms:
        a thin ring's box holds several times the venues in the ring. The service row itself is
        not joined (its status and age are checked with its facts, for the few candidates read).
        """
        if criteria.origin is None:
            return {}
        lat, lon = criteria.origin
        flat = {"lat": lat, "lon": lon, "shrink": math.cos(math.radians(lat))}
        flat |= {"outer": _flat_degrees(outer * FLAT_SLACK) ** 2, "inner": _flat_degrees(inner / FLAT_SLACK) ** 2}
        statement = _near_statement(_filters_only(criteria), inner > 0)
        found: dict[str, tuple[float, set[str]]] = {}
        for service_id, location_id, p_lat, p_lon in self._db.execute(statement, _box(criteria.origin, outer) | flat):
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

    def venues_within(self, origin: tuple[float, float], miles: float) -> int:
        """How many venues lie in the box round ``origin`` that holds the circle of ``miles``: how
        busy the area is, counted on the ``ix_location_lat_lon_id`` index alone."""
        return int(self._db.execute(_VENUE_COUNT, _box(origin, miles)).scalar_one())

    def online(self, criteria: Criteria, local_authority: str | None) -> list[str]:
        """Online services the narrowing lets through: at most :data:`ONLINE_POOL`, those run for
        ``local_authority`` first, then the most recently checked.

        Online listings have no distance to narrow them, and a national directory can hold
        thousands; nobody pages through more than a few dozen. Every online service, in that
        order and with its terms, is read once for the directory's version
        (:meth:`_online_services`). A search keeps those whose terms the narrowing lets through,
        then has the database narrow them in that order, :data:`ONLINE_CHUNK` ids at a time, until
        it has enough. Asking the database for the first few that pass instead made it narrow and
        sort every online service, every time: a tenth of a second at 100,000 listings (far more
        on PostgreSQL, which hashed every term in the directory to do it).
        """
        local = local_authority or ""
        near: list[str] = []
        far: list[str] = []
        for sid, area, terms in self._online_services():
            if _terms_let_through(terms, criteria):
                (near if area == local else far).append(sid)
        statement = _online_statement(_filters_only(criteria))
        found: list[str] = []
        for chunk in _chunks(near + far, ONLINE_CHUNK):
            passing = set(self._db.execute(statement, {"ids": chunk}).scalars())
            found += [sid for sid in chunk if sid in passing]
            if len(found) >= ONLINE_POOL:
                break
        return found[:ONLINE_POOL]

    def _online_services(self) -> tuple[tuple[str, str | None, frozenset[str]], ...]:
        """Every online service's id, area and terms, the most recently checked first (then by id)."""
        held = self._online.get("all")
        if held is None:
            terms: dict[str, set[str]] = defaultdict(set)
            for sid, term in self._db.execute(_ONLINE_TERMS):
                terms[sid].add(term)
            rows = self._db.execute(_ONLINE_SERVICES)
            held = self._online["all"] = tuple((sid, area, frozenset(terms[sid])) for sid, area in rows)
        return held

    def listings(self, reach: dict[str, Reach], online: Iterable[str] = ()) -> list[Listing]:
        """Listings for the services in ``reach`` (in person) and ``online``, active ones only."""
        ids = list(dict.fromkeys([*reach, *online]))
        self._load_facts([i for i in ids if i not in self._facts])
        self._load_access({loc for r in reach.values() for loc in r.locations if loc not in self._access})
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
        service_rows, term_rows, schedule_rows, cost_rows = _FACTS
        for chunk in _chunks(ids):
            for row in self._db.execute(service_rows, {"ids": chunk}):
                rows[str(row[0])] = row
            for sid, term in self._db.execute(term_rows, {"ids": chunk}):
                terms[sid].add(term)
            for sid, byday, freq, interval, opens, closes in self._db.execute(schedule_rows, {"ids": chunk}):
                days, weekly = parse_days(byday, freq, interval)
                sittings[sid].append(Sitting(days, opens, closes, weekly))
            for sid, name, amount, unit in self._db.execute(cost_rows, {"ids": chunk}):
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
            for location_id, feature in self._db.execute(_ACCESS, {"ids": chunk}):
                if feature:
                    found[location_id].add(feature)
        for location_id in location_ids:
            self._access[location_id] = frozenset(found[location_id])


def _box(origin: tuple[float, float], miles: float) -> dict[str, float]:
    """The bounding box of the circle of ``miles`` round ``origin``, as the statements' parameters."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(*origin, miles)
    return {
        "min_lat": min_lat - EDGE_DEGREES,
        "max_lat": max_lat + EDGE_DEGREES,
        "min_lon": min_lon - EDGE_DEGREES,
        "max_lon": max_lon + EDGE_DEGREES,
    }


def _in_box() -> list[ColumnElement[bool]]:
    latitude, longitude = col(Location.latitude), col(Location.longitude)
    return [
        latitude.between(bindparam("min_lat"), bindparam("max_lat")),
        longitude.between(bindparam("min_lon"), bindparam("max_lon")),
    ]


_VENUE_COUNT = select(func.count()).select_from(Location).where(*_in_box())


def _terms_let_through(terms: frozenset[str], criteria: Criteria) -> bool:
    """What :func:`~assistant.matching.narrowing.narrowing` asks of a service's terms, asked of them
    in memory: an interest, nothing to avoid, one of the needs or none named, the support wanted."""
    if criteria.interests and not terms & criteria.interests:
        return False
    if terms & criteria.avoid:
        return False
    if criteria.needs and not terms & criteria.needs and any(t.startswith("need-") for t in terms):
        return False
    return all(must in terms for must in criteria.must_haves if must.startswith("support-"))


def _filters_only(criteria: Criteria) -> Criteria:
    """``criteria`` less what the statements take as parameters or leave to Python (the place, the
    radius, online, the words), so searches with the same filters share a statement."""
    return replace(criteria, origin=None, radius=0.0, online=False, area=None, words=())


@lru_cache(maxsize=STATEMENTS)
def _near_statement(filters: Criteria, ring: bool) -> Executable:
    """Venues in a box and about its circle (beyond the inner circle, for a ``ring``), and the
    services there that the narrowing lets through."""
    latitude, longitude = col(Location.latitude), col(Location.longitude)
    north, east = latitude - bindparam("lat"), (longitude - bindparam("lon")) * bindparam("shrink")
    squared = north * north + east * east  # degrees², flat
    conditions = [*_in_box(), squared <= bindparam("outer")]
    if ring:
        conditions.append(squared > bindparam("inner"))
    link = ServiceAtLocation
    return (
        select(col(link.service_id), col(Location.id), latitude, longitude)
        .join(Location, col(Location.id) == col(link.location_id))
        .where(*conditions, *narrowing(col(link.service_id), filters, in_person=True))
    )


@lru_cache(maxsize=STATEMENTS)
def _online_statement(filters: Criteria) -> Executable:
    """Which of some online services (the ``ids`` parameter) the narrowing lets through."""
    return select(col(Service.id)).where(
        col(Service.id).in_(_IDS),
        *service_narrowing(filters),
        *narrowing(col(Service.id), filters, in_person=False),
    )


def _flat_degrees(miles: float) -> float:
    """``miles`` as degrees of latitude."""
    return math.degrees(miles / EARTH_RADIUS_MILES)


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


def _chunks(ids: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
