"""The parts of a service record that ORUK 1.0 and 3.0 spell the same way: its name, its
organisation, when it was last checked, and its locations. Both readers use these.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.directory.bundle import ServiceBundle
from assistant.directory.fields import derived_id, parse_date, plain_text
from assistant.directory.locations import read_location
from assistant.directory.models import Organization, ServiceAtLocation
from assistant.directory.problems import Problems

Json = dict[str, Any]


def read_name(record: Json, problems: Problems) -> str:
    name = str(record.get("name") or "").strip()
    if not name:
        problems.add("$.name", "empty_name")
    return name


def read_organization(record: Json, problems: Problems, *, website_keys: tuple[str, str]) -> Organization | None:
    """The service's organisation; ``website_keys`` in the order the format prefers them
    (ORUK 3.0 says ``website``, ORUK 1.0 ``url``)."""
    data = record.get("organization")
    if not isinstance(data, dict) or not data.get("id"):
        problems.add("$.organization", "no_organization")
        return None
    return Organization(
        id=str(data["id"]),
        name=str(data.get("name") or "").strip(),
        description=plain_text(data.get("description")),
        email=data.get("email") or None,
        website=data.get(website_keys[0]) or data.get(website_keys[1]) or None,
    )


def read_assured_date(record: Json, problems: Problems) -> dt.date | None:
    try:
        return parse_date(record.get("assured_date"))
    except ValueError:
        problems.add("$.assured_date", "bad_date", value=record.get("assured_date"))
        return None


def read_service_locations(record: Json, service_id: str, bundle: ServiceBundle, problems: Problems) -> None:
    """Each service-at-location with its location and the location's accessibility."""
    for i, sal in enumerate(record.get("service_at_locations") or []):
        data = sal.get("location")
        if not isinstance(data, dict):
            continue
        location, access = read_location(data, problems, f"$.service_at_locations[{i}].location")
        bundle.locations.append(location)
        bundle.accessibility.extend(access)
        link_id = str(sal.get("id") or derived_id(service_id, location.id))  # ORUK 1.0 may leave it out
        bundle.links.append(ServiceAtLocation(id=link_id, service_id=service_id, location_id=location.id))
