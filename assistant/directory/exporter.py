"""Write the directory out as Open Referral UK 3.0 full service objects, in one ORUK page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, SQLModel, col, select

from assistant.directory.fields import plain_text
from assistant.directory.models import (
    Accessibility,
    Contact,
    CostOption,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    TaxonomyTerm,
)
from assistant.directory.vocabulary import load_vocabulary

Json = dict[str, Any]


def _clean(data: Json) -> Json:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _by(rows: list[Any], key: str) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


def _rows(session: Session, model: type[SQLModel], column: str, ids: Collection[str] | None) -> list[Any]:
    """Rows of ``model`` whose ``column`` is in ``ids`` (all rows when ``ids`` is None), by id."""
    statement = select(model)
    if ids is not None:
        statement = statement.where(col(getattr(model, column)).in_(list(ids)))
    return list(session.exec(statement.order_by(col(model.id))).all())  # type: ignore[attr-defined]


def export_services(engine: Engine, service_ids: Collection[str] | None = None) -> list[Json]:
    """Full ORUK 3.0 services: every service, or those in ``service_ids`` (in id order)."""
    with Session(engine) as session:
        return services_json(session, _rows(session, Service, "id", service_ids))


def services_json(session: Session, services: list[Service]) -> list[Json]:
    """Nest each service's rows into ORUK 3.0 objects, loading only what these services need."""
    ids = [s.id for s in services]
    links_rows = _rows(session, ServiceAtLocation, "service_id", ids)
    location_ids = {link.location_id for link in links_rows}
    orgs = {o.id: o for o in _rows(session, Organization, "id", {s.organization_id for s in services})}
    locations = {loc.id: loc for loc in _rows(session, Location, "id", location_ids)}
    attr_rows = _rows(session, ServiceTerm, "service_id", ids)
    terms = {t.id: t for t in _rows(session, TaxonomyTerm, "id", {a.term_id for a in attr_rows})}
    links, attrs = _by(links_rows, "service_id"), _by(attr_rows, "service_id")
    schedules = _by(_rows(session, Schedule, "service_id", ids), "service_id")
    costs = _by(_rows(session, CostOption, "service_id", ids), "service_id")
    contacts = _by(_rows(session, Contact, "service_id", ids), "service_id")
    phones = _by(_rows(session, Phone, "service_id", ids), "service_id")
    access = _by(_rows(session, Accessibility, "location_id", location_ids), "location_id")
    out = []
    for service in services:
        service_phones = phones[service.id]
        out.append(
            _clean(
                {
                    "id": service.id,
                    "name": service.name,
                    "description": service.description,
                    "url": service.url,
                    "email": service.email,
                    "status": service.status,
                    "fees": service.fees,
                    "minimum_age": service.minimum_age,
                    "maximum_age": service.maximum_age,
                    "eligibility_description": service.eligibility_description,
                    "assured_date": service.last_verified.isoformat() if service.last_verified else None,
                    "organization": _organization(orgs[service.organization_id]),
                    "service_areas": [{"id": f"{service.id}-area", "name": service.area}]
                    if service.area
                    else [],
                    "service_at_locations": [
                        {
                            "id": link.id,
                            "location": _location(locations[link.location_id], access[link.location_id]),
                        }
                        for link in links[service.id]
                    ],
                    "schedules": [_schedule(s) for s in schedules[service.id]],
                    "cost_options": [_cost(c) for c in costs[service.id]],
                    "phones": [
                        {"id": p.id, "number": p.number} for p in service_phones if p.contact_id is None
                    ],
                    "contacts": [_contact(c, service_phones) for c in contacts[service.id]],
                    "attributes": [
                        _attribute(a.id, a.link_type, terms[a.term_id]) for a in attrs[service.id]
                    ],
                }
            )
        )
    return out


def export_page(engine: Engine) -> Json:
    services = export_services(engine)
    return {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": services,
    }


def _organization(org: Organization) -> Json:
    return _clean(
        {
            "id": org.id,
            "name": org.name,
            "description": org.description or plain_text(org.name),  # ORUK requires one; read back the same
            "email": org.email,
            "website": org.website,
        }
    )


def _location(loc: Location, access: list[Accessibility]) -> Json:
    address = _clean(
        {
            "id": loc.address_id,
            "address_1": loc.address_1,
            "city": loc.city,
            "region": loc.region,
            "state_province": loc.county or loc.region,
            "postal_code": loc.postcode,
            "country": "GB",
            "address_type": "physical",
        }
    )
    return _clean(
        {
            "id": loc.id,
            "location_type": loc.location_type,
            "name": loc.name,
            "description": loc.description,
            "url": loc.url,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "addresses": [address] if loc.address_id else [],
            "accessibility": [
                _clean(
                    {
                        "id": a.id,
                        "description": a.description,
                        "details": a.details,
                        "attributes": [_attribute(f"{a.id}-term", "access", feature)]
                        if (feature := _access_term(a.feature))
                        else [],
                    }
                )
                for a in access
            ],
        }
    )


def _access_term(feature: str | None) -> TaxonomyTerm | None:
    """Access features are Dayfinder vocabulary terms kept on the location, not service links."""
    term = load_vocabulary().get(feature) if feature else None
    if term is None:
        return None
    return TaxonomyTerm(id=term.id, name=term.name, description=term.description, taxonomy=term.taxonomy)


def _schedule(s: Schedule) -> Json:
    return _clean(
        {
            "id": s.id,
            "freq": s.freq,
            "interval": s.interval,
            "byday": s.byday,
            "bymonthday": s.bymonthday,
            "dtstart": s.dtstart.isoformat() if s.dtstart else None,
            "opens_at": s.opens_at.strftime("%H:%M") if s.opens_at else None,
            "closes_at": s.closes_at.strftime("%H:%M") if s.closes_at else None,
            "valid_from": s.valid_from.isoformat() if s.valid_from else None,
            "valid_to": s.valid_to.isoformat() if s.valid_to else None,
            "description": s.description,
            "attending_type": s.attending_type,
        }
    )


def _cost(c: CostOption) -> Json:
    return _clean(
        {
            "id": c.id,
            "option": c.option,
            "amount": c.amount,
            "currency": c.currency,
            "amount_description": c.amount_description,
        }
    )


def _contact(c: Contact, phones: list[Phone]) -> Json:
    return _clean(
        {
            "id": c.id,
            "name": c.name,
            "title": c.title,
            "email": c.email,
            "phones": [{"id": p.id, "number": p.number} for p in phones if p.contact_id == c.id],
        }
    )


def _attribute(attribute_id: str, link_type: str, term: TaxonomyTerm) -> Json:
    return _clean(
        {
            "id": attribute_id,
            "taxonomy_term_id": term.id,
            "link_type": link_type,
            "taxonomy_term": {
                "id": term.id,
                "name": term.name,
                "description": term.description or term.name,
                "taxonomy": term.taxonomy,
            },
        }
    )
