"""A read-only Open Referral UK 3.0 API under ``/oruk/``, so other directories can use ours.

Responses follow the ORUK 3.0 schemas: pages of full services, a full service by id, and
service-at-location records nearest first around a postcode. Only active listings are published,
as on Dayfinder's own pages: an archived listing (status "inactive") or any other not running is
not found here either.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import Engine, func, or_
from sqlmodel import Session, col, select

from assistant.directory.exporter import services_json
from assistant.directory.gazetteer import Match, load_gazetteer
from assistant.directory.models import Service, ServiceAtLocation, ServiceTerm, TaxonomyTerm
from assistant.directory.nearby import locations_within

router = APIRouter(prefix="/oruk", tags=["Open Referral UK"])
Json = dict[str, Any]
METRES_PER_MILE = 1609.344
MAX_PROXIMITY_METRES = 80_000
PUBLISHED = col(Service.status) == "active"


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(_engine)]
PageQ = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
PerPageQ = Annotated[int, Query(ge=1, le=200, description="Results a page.")]


def page_of(contents: list[Json], total: int, page: int, per_page: int) -> Json:
    pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
    }


@router.get("/services")
def services(
    engine: EngineDep,
    page: PageQ = 1,
    per_page: PerPageQ = 50,
    text: Annotated[
        str | None, Query(max_length=200, description="Words in the name or description.")
    ] = None,
    search: Annotated[str | None, Query(max_length=200, description="The ORUK name for `text`.")] = None,
    taxonomy_id: Annotated[
        str | None, Query(max_length=128, description="Any term of this taxonomy.")
    ] = None,
    taxonomy_term_id: Annotated[str | None, Query(max_length=128, description="This taxonomy term.")] = None,
) -> Json:
    """A page of full services, filtered by words and taxonomy."""
    statement = select(Service).where(PUBLISHED)
    words = (text or search or "").strip()
    if words:
        like = f"%{words.lower()}%"
        statement = statement.where(
            or_(func.lower(Service.name).like(like), func.lower(Service.description).like(like))
        )
    if taxonomy_term_id:
        statement = statement.where(
            col(Service.id).in_(select(ServiceTerm.service_id).where(ServiceTerm.term_id == taxonomy_term_id))
        )
    if taxonomy_id:
        statement = statement.where(
            col(Service.id).in_(
                select(ServiceTerm.service_id)
                .join(TaxonomyTerm, col(TaxonomyTerm.id) == col(ServiceTerm.term_id))
                .where(TaxonomyTerm.taxonomy == taxonomy_id)
            )
        )
    with Session(engine) as session:
        total = int(session.exec(select(func.count()).select_from(statement.subquery())).one())
        rows = list(
            session.exec(
                statement.order_by(col(Service.name), col(Service.id))
                .offset((page - 1) * per_page)
                .limit(per_page)
            )
        )
        return page_of(services_json(session, rows), total, page, per_page)


@router.get("/services/{service_id}")
def service(service_id: str, engine: EngineDep) -> Json:
    """One full service, with its organisation, locations, schedules, costs and attributes."""
    with Session(engine) as session:
        row = session.exec(select(Service).where(col(Service.id) == service_id, PUBLISHED)).first()
        if row is None:
            raise HTTPException(status_code=404)
        return services_json(session, [row])[0]


@router.get("/service_at_locations")
def service_at_locations(
    engine: EngineDep,
    postcode: Annotated[str, Query(min_length=2, max_length=10, description="A UK postcode or district.")],
    proximity: Annotated[
        int, Query(ge=1, le=MAX_PROXIMITY_METRES, description="Metres from the postcode.")
    ] = 8047,
    page: PageQ = 1,
    per_page: PerPageQ = 50,
) -> Json:
    """Services at locations within ``proximity`` metres of ``postcode``'s centre, nearest first."""
    located = load_gazetteer().locate(postcode)
    if located.postcode is None or located.match is not Match.FOUND or located.place is None:
        raise HTTPException(status_code=422)
    place = located.place
    with Session(engine) as session:
        near = locations_within(session, place.latitude, place.longitude, proximity / METRES_PER_MILE)
        order = {loc.id: i for i, (loc, _) in enumerate(near)}
        links = list(
            session.exec(
                select(ServiceAtLocation)
                .join(Service, col(Service.id) == col(ServiceAtLocation.service_id))
                .where(col(ServiceAtLocation.location_id).in_(list(order)), PUBLISHED)
            )
        )
        links.sort(key=lambda link: (order[link.location_id], link.service_id))
        chosen = links[(page - 1) * per_page : page * per_page]
        services = {
            s["id"]: s
            for s in services_json(
                session,
                list(
                    session.exec(select(Service).where(col(Service.id).in_({c.service_id for c in chosen})))
                ),
            )
        }
        contents = []
        for link in chosen:
            full = services[link.service_id]
            location = next(s["location"] for s in full.get("service_at_locations", []) if s["id"] == link.id)
            summary = {k: v for k, v in full.items() if k not in ("service_at_locations",)}
            contents.append(
                {
                    "id": link.id,
                    "service_id": link.service_id,
                    "location_id": link.location_id,
                    "location": location,
                    "service": summary,
                }
            )
        return page_of(contents, len(links), page, per_page)
