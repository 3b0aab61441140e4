"""What the gaps report reads from the database: the period's search events and the directory's supply.

Kept apart from ``reports.gaps`` so that the counting stays pure and can be tested on a list of
events, and so that the CLI and the page read exactly the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.content import text
from assistant.directory.models import Attendance, Location, Service, ServiceAtLocation, ServiceTerm
from assistant.directory.vocabulary import load_vocabulary
from assistant.matching.events import SearchEvent
from assistant.reports.gaps import ONLINE, Supply, area_key

ACTIVE = "active"
ACTIVITY_PREFIX = "activity-"


def load_events(engine: Engine, start: dt.date, end: dt.date) -> list[SearchEvent]:
    """The search events created from ``start`` to ``end``, both days included."""
    with Session(engine) as session:
        query = select(SearchEvent).where(col(SearchEvent.created_on) >= start, col(SearchEvent.created_on) <= end)
        return list(session.exec(query.order_by(col(SearchEvent.id))).all())


def load_supply(engine: Engine) -> Supply:
    """Count active listings per activity and area: their venues' outcodes, their council, and "online".

    A listing counts once in each area it serves, so a listing with venues in two postcode
    districts supplies both; one that can be joined online also supplies "online".
    """
    with Session(engine) as session:
        services = {
            sid: (area, attendance)
            for sid, area, attendance in session.exec(
                select(Service.id, Service.area, Service.attendance).where(col(Service.status) == ACTIVE)
            ).all()
        }
        outcodes: defaultdict[str, set[str]] = defaultdict(set)
        for sid, outcode in session.exec(
            select(ServiceAtLocation.service_id, Location.outcode).join(
                Location, col(Location.id) == col(ServiceAtLocation.location_id)
            )
        ).all():
            if outcode:
                outcodes[sid].add(area_key(outcode))
        activities: defaultdict[str, set[str]] = defaultdict(set)
        for sid, term in session.exec(
            select(ServiceTerm.service_id, ServiceTerm.term_id).where(
                col(ServiceTerm.term_id).startswith(ACTIVITY_PREFIX)
            )
        ).all():
            activities[sid].add(term)
    listings: Counter[tuple[str, str]] = Counter()
    for sid, (area, attendance) in services.items():
        areas = set(outcodes[sid]) | ({area_key(area)} if area else set())
        if attendance in (Attendance.ONLINE.value, Attendance.BOTH.value):
            areas.add(ONLINE)
        listings.update((activity, where) for activity in activities[sid] for where in areas)
    return Supply(dict(listings))


def term_name(term_id: str) -> str:
    """A need or activity as commissioners know it ("Autism"), or "not said" for an empty code."""
    if not term_id:
        return text("staff/reports", "label.not_said")
    term = load_vocabulary().get(term_id)
    return term.name if term else term_id
