"""Write checked bundles into the directory database: all or nothing, idempotent, updating by id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, delete
from sqlmodel import Session, col

from assistant.directory.bundle import ServiceBundle
from assistant.directory.db import session_scope
from assistant.directory.models import (
    Accessibility,
    Contact,
    CostOption,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
)

SERVICE_CHILDREN = (Phone, Contact, CostOption, Schedule, ServiceTerm, ServiceAtLocation)


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def import_bundles(engine: Engine, bundles: Iterable[ServiceBundle]) -> ImportResult:
    """Write every bundle in one transaction; an error leaves the database as it was."""
    created = updated = unchanged = 0
    with session_scope(engine) as session:
        for bundle in bundles:
            fingerprint = bundle.fingerprint()
            existing = session.get(Service, bundle.service.id)
            if existing is not None and existing.content_hash == fingerprint:
                unchanged += 1
                continue
            if existing is None:
                created += 1
            else:
                updated += 1
                _clear_children(session, bundle.service.id)
            bundle.service.content_hash = fingerprint
            _write(session, bundle)
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def _clear_children(session: Session, service_id: str) -> None:
    for table in SERVICE_CHILDREN:
        session.execute(delete(table).where(col(table.service_id) == service_id))


def _write(session: Session, bundle: ServiceBundle) -> None:
    """Merge shared rows (organisation, terms, locations); replace the service's own rows."""
    location_ids = [loc.id for loc in bundle.locations]
    if location_ids:
        keep = [item.id for item in bundle.accessibility]
        session.execute(
            delete(Accessibility).where(
                col(Accessibility.location_id).in_(location_ids), col(Accessibility.id).not_in(keep)
            )
        )
    for row in (bundle.organization, *bundle.terms, *bundle.locations, *bundle.accessibility):
        session.merge(row)
    session.flush()
    session.merge(bundle.service)
    session.flush()
    session.add_all([*bundle.links, *bundle.schedules, *bundle.costs, *bundle.contacts])
    session.flush()
    session.add_all([*bundle.phones, *bundle.service_terms])
    session.flush()
