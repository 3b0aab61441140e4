"""The shapes ORUK 3.0 pages and service-at-location objects take in the ``/oruk`` API."""

from __future__ import annotations

import math
from typing import Any

from sqlmodel import Session, col, select

from assistant.directory.exporter import services_json
from assistant.directory.models import Service, ServiceAtLocation

Json = dict[str, Any]


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


def at_locations(session: Session, links: list[ServiceAtLocation]) -> list[Json]:
    """Each link with its location and its service (without the service's other locations)."""
    ids = {link.service_id for link in links}
    rows = list(session.exec(select(Service).where(col(Service.id).in_(ids)))) if ids else []
    full = {s["id"]: s for s in services_json(session, rows)}
    out = []
    for link in links:
        service = full[link.service_id]
        location = next(s["location"] for s in service.get("service_at_locations", []) if s["id"] == link.id)
        summary = {k: v for k, v in service.items() if k != "service_at_locations"}
        out.append(
            {
                "id": link.id,
                "service_id": link.service_id,
                "location_id": link.location_id,
                "location": location,
                "service": summary,
            }
        )
    return out
