"""A read-only Open Referral UK 3.0 API under ``/oruk/``, so other directories can use ours.

All nine endpoints of the ORUK 3.0 OpenAPI description: the API's details (``/``), pages of
full services, service-at-locations (nearest first around a postcode), taxonomies and taxonomy
terms, and each of those by id. Pages carry the spec's paging metadata; every listing takes the
spec's filters (``search``/``text``, ``taxonomy_term_id``, ``taxonomy_id``, ``minimum_age``,
``maximum_age``, ``start_time``, ``end_time``, ``day``, ``postcode``, ``proximity``), read in
:mod:`assistant.web.oruk_queries`. Only active listings are published, as on Dayfinder's own
pages: an archived listing (status "inactive") is neither listed nor found by id, here or at
its service-at-locations. A parameter we cannot read is a friendly 422, never a 500, and every
response is open to any origin (:mod:`assistant.web.oruk_cors`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.directory.exporter import services_json
from assistant.directory.models import Service, ServiceAtLocation, TaxonomyTerm
from assistant.web import oruk_taxonomies as taxonomies
from assistant.web.oruk_pages import at_locations, page_of
from assistant.web.oruk_queries import (
    PUBLISHED,
    BadQuery,
    Filters,
    count,
    near_postcode,
    parse_day,
    parse_time,
    served_near,
    service_conditions,
)

router = APIRouter(prefix="/oruk", tags=["Open Referral UK"])
Json = dict[str, Any]
API_DETAILS = {
    "version": "HSDS-UK-3.0",
    "profile": "https://openreferraluk.org/developers/standard",
    "openapi_url": "https://openreferraluk.org/specifications/3.0/openapi.json",
}


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(_engine)]
PageQ = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
PerPageQ = Annotated[int, Query(ge=1, le=200, description="Results a page.")]
SearchQ = Annotated[str | None, Query(max_length=200, description="Words in the name or description.")]
IdQ = Annotated[str | None, Query(max_length=128)]
AgeQ = Annotated[float | None, Query(ge=0, le=200, allow_inf_nan=False)]
TimeQ = Annotated[str | None, Query(max_length=16, description="A time of day, HH:MM.")]
PostcodeQ = Annotated[str | None, Query(max_length=16, description="A UK postcode or postcode district.")]
ProximityQ = Annotated[str | None, Query(max_length=16, description="Metres from the postcode's centre.")]


def bad_query() -> HTTPException:
    return HTTPException(status_code=422)


def listing_filters(
    search: SearchQ = None,
    text: SearchQ = None,
    taxonomy_term_id: IdQ = None,
    taxonomy_id: IdQ = None,
    organization_id: IdQ = None,
    minimum_age: AgeQ = None,
    maximum_age: AgeQ = None,
    start_time: TimeQ = None,
    end_time: TimeQ = None,
    day: Annotated[str | None, Query(max_length=16, description="A day: MO..SU or its name.")] = None,
) -> Filters:
    """The ORUK filters every listing shares (``text`` is Dayfinder's name for ``search``)."""
    try:
        return Filters(
            text=text or search or "",
            taxonomy_term_id=taxonomy_term_id,
            taxonomy_id=taxonomy_id,
            organization_id=organization_id,
            minimum_age=minimum_age,
            maximum_age=maximum_age,
            start_time=parse_time(start_time),
            end_time=parse_time(end_time),
            day=parse_day(day),
        )
    except BadQuery:
        raise bad_query() from None


FiltersDep = Annotated[Filters, Depends(listing_filters)]


@router.get("/")
def api_details() -> Json:
    """Which ORUK version and profile this API follows."""
    return dict(API_DETAILS)


@router.get("/services")
def services(
    engine: EngineDep,
    filters: FiltersDep,
    postcode: PostcodeQ = None,
    proximity: ProximityQ = None,
    page: PageQ = 1,
    per_page: PerPageQ = 50,
) -> Json:
    """A page of full services by name, filtered by words, taxonomy, ages, times, day and place."""
    with Session(engine) as session:
        conditions = service_conditions(filters)
        try:
            near = near_postcode(session, postcode, proximity)
        except BadQuery:
            raise bad_query() from None
        if near is not None:
            conditions.append(served_near(near))
        statement = select(Service).where(*conditions)
        total = count(session, statement)
        rows = session.exec(
            statement.order_by(col(Service.name), col(Service.id)).offset((page - 1) * per_page).limit(per_page)
        )
        return page_of(services_json(session, list(rows)), total, page, per_page)


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
    filters: FiltersDep,
    postcode: PostcodeQ = None,
    proximity: ProximityQ = None,
    page: PageQ = 1,
    per_page: PerPageQ = 50,
) -> Json:
    """Services at their locations: nearest first around ``postcode`` (within ``proximity`` metres,
    five miles if not given), otherwise by service name; the same filters as ``/services``."""
    with Session(engine) as session:
        try:
            near = near_postcode(session, postcode, proximity)
        except BadQuery:
            raise bad_query() from None
        statement = (
            select(ServiceAtLocation)
            .join(Service, col(Service.id) == col(ServiceAtLocation.service_id))
            .where(*service_conditions(filters))
        )
        if near is None:
            total = count(session, statement)
            ordered = statement.order_by(col(Service.name), col(ServiceAtLocation.id))
            chosen = list(session.exec(ordered.offset((page - 1) * per_page).limit(per_page)))
        else:
            statement = statement.where(col(ServiceAtLocation.location_id).in_(list(near.distances)))
            links = list(session.exec(statement))
            links.sort(key=lambda link: (near.distances[link.location_id], link.service_id, link.id))
            total, chosen = len(links), links[(page - 1) * per_page : page * per_page]
        return page_of(at_locations(session, chosen), total, page, per_page)


@router.get("/service_at_locations/{service_at_location_id}")
def service_at_location(service_at_location_id: str, engine: EngineDep) -> Json:
    """One service at one location, with the location and its service."""
    with Session(engine) as session:
        link = session.exec(
            select(ServiceAtLocation)
            .join(Service, col(Service.id) == col(ServiceAtLocation.service_id))
            .where(col(ServiceAtLocation.id) == service_at_location_id, PUBLISHED)
        ).first()
        if link is None:
            raise HTTPException(status_code=404)
        return at_locations(session, [link])[0]


@router.get("/taxonomies")
def taxonomy_list(engine: EngineDep, page: PageQ = 1, per_page: PerPageQ = 50) -> Json:
    """Every taxonomy the directory's terms belong to."""
    with Session(engine) as session:
        ids = taxonomies.taxonomy_ids(session)
    chosen = ids[(page - 1) * per_page : page * per_page]
    return page_of([taxonomies.taxonomy_json(t) for t in chosen], len(ids), page, per_page)


@router.get("/taxonomies/{taxonomy_id}")
def taxonomy(taxonomy_id: str, engine: EngineDep) -> Json:
    """One taxonomy, with its id, name and description."""
    with Session(engine) as session:
        if taxonomy_id not in taxonomies.taxonomy_ids(session):
            raise HTTPException(status_code=404)
    return taxonomies.taxonomy_json(taxonomy_id)


@router.get("/taxonomy_terms")
def taxonomy_terms(
    engine: EngineDep,
    search: SearchQ = None,
    taxonomy_id: IdQ = None,
    page: PageQ = 1,
    per_page: PerPageQ = 50,
) -> Json:
    """A page of taxonomy terms, by taxonomy then id; ``search`` matches words in the name."""
    with Session(engine) as session:
        rows, total = taxonomies.term_rows(session, search or "", taxonomy_id, page, per_page)
        return page_of([taxonomies.term_json(t) for t in rows], total, page, per_page)


@router.get("/taxonomy_terms/{term_id}")
def taxonomy_term(term_id: str, engine: EngineDep) -> Json:
    """One taxonomy term."""
    with Session(engine) as session:
        row = session.get(TaxonomyTerm, term_id)
        if row is None:
            raise HTTPException(status_code=404)
        return taxonomies.term_json(row)
