"""Add, edit and archive one listing, with the same checks as a directory import.

Shared by the JSON API and the curators' pages, so both refuse the same records for the same
reasons. A listing is ORUK 3.0 JSON in, rows written by ``import_bundles`` out; archiving keeps
the rows and sets the status to "inactive", which the matcher leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, or_, select

from assistant.content import text
from assistant.directory import version
from assistant.directory.db import session_scope
from assistant.directory.exporter import export_services
from assistant.directory.importer import ImportResult, import_bundles
from assistant.directory.models import Organization, Service
from assistant.directory.reader import read_records

INACTIVE = "inactive"


@dataclass(slots=True)
class Saved:
    """The outcome of a save: ``problems`` as (JSON path, plain reason), or the listing written."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    status: int = 200
    listing: dict[str, Any] | None = None


def _say(key: str, **params: object) -> str:
    return text("staff/curation", f"edit.{key}", **params)


def get_listing(engine: Engine, service_id: str) -> dict[str, Any] | None:
    found = export_services(engine, [service_id])
    return found[0] if found else None


def save_listing(engine: Engine, record: object, service_id: str | None = None) -> Saved:
    """Create (``service_id`` None) or replace listing ``service_id`` from an ORUK 3.0 service."""
    if not isinstance(record, dict):
        return Saved([("$", _say("not_object"))], 422)
    rid = str(record.get("id") or "")
    with Session(engine) as session:
        exists = session.get(Service, service_id or rid) is not None
    if service_id is None and exists:
        return Saved([("$.id", _say("exists", id=rid))], 409)
    if service_id is not None and not exists:
        return Saved([("$.id", _say("not_found", id=service_id))], 404)
    if service_id is not None and rid != service_id:
        return Saved([("$.id", _say("id_changed", id=service_id))], 422)
    parsed = read_records([record], "oruk3")
    if parsed.problems:
        return Saved([(p.path, p.reason) for p in parsed.problems], 422)
    write(engine, parsed.bundles)
    return Saved(status=201 if service_id is None else 200, listing=get_listing(engine, rid))


def write(engine: Engine, bundles: list[Any]) -> ImportResult:
    return import_bundles(engine, bundles)


def archive_listing(engine: Engine, service_id: str) -> bool:
    """Mark a listing inactive; False when there is no such listing.

    The stored fingerprint is cleared, so a later import of the same record from a feed is
    written (and so can bring the listing back) rather than skipped as unchanged.
    """
    with session_scope(engine) as session:
        service = session.get(Service, service_id)
        if service is None:
            return False
        service.status = INACTIVE
        service.content_hash = ""
        session.add(service)
        version.bump(session)  # every process's turns see the listing gone (assistant.directory.cache)
    return True


def find_listings(engine: Engine, query: str, limit: int = 50) -> list[tuple[Service, str]]:
    """Listings whose name, id or organisation contains ``query``, by name."""
    like = f"%{query.strip().lower()}%"
    with Session(engine) as session:
        statement = select(Service, Organization.name).join(
            Organization, col(Organization.id) == col(Service.organization_id)
        )
        if query.strip():
            statement = statement.where(
                or_(
                    col(Service.name).ilike(like),
                    col(Service.id).ilike(like),
                    col(Organization.name).ilike(like),
                )
            )
        return [(s, o) for s, o in session.exec(statement.order_by(col(Service.name)).limit(limit)).all()]
