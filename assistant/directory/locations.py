"""Read ORUK locations (3.0 ``addresses`` or 1.0 ``physical_addresses``) into flat location rows."""

from __future__ import annotations

from typing import Any

from assistant.directory.fields import derived_id
from assistant.directory.models import Accessibility, Location
from assistant.directory.postcodes import parse_postcode
from assistant.directory.problems import Problems
from assistant.directory.vocabulary import load_vocabulary

UK_LATITUDE = (49.8, 60.9)
UK_LONGITUDE = (-8.7, 1.8)


def read_location(
    data: dict[str, Any], problems: Problems, path: str
) -> tuple[Location, list[Accessibility]]:
    location = Location(
        id=str(data["id"]),
        location_type=str(data.get("location_type") or "physical"),
        name=data.get("name") or None,
        description=data.get("description") or None,
        url=data.get("url") or None,
    )
    _read_coordinates(data, location, problems, path)
    addresses = data.get("addresses") or data.get("physical_addresses") or []
    if addresses:
        address = addresses[0]
        location.address_id = str(address.get("id")) if address.get("id") else None
        location.address_1 = address.get("address_1") or None
        location.city = address.get("city") or None
        location.region = address.get("region") or None
        location.county = address.get("state_province") or None
        raw_postcode = address.get("postal_code") or None
        parsed = parse_postcode(raw_postcode) if raw_postcode else None
        location.postcode = parsed.formatted if parsed else raw_postcode
        location.outcode = parsed.outcode if parsed else None
    access = [
        _read_accessibility(item, location.id)
        for item in data.get("accessibility") or data.get("accessibility_for_disabilities") or []
    ]
    return location, access


def _read_coordinates(data: dict[str, Any], location: Location, problems: Problems, path: str) -> None:
    lat, lon = data.get("latitude"), data.get("longitude")
    if lat is None and lon is None:
        return
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        problems.add(f"{path}.latitude", "coordinates_pair")
        return
    if not (UK_LATITUDE[0] <= lat <= UK_LATITUDE[1] and UK_LONGITUDE[0] <= lon <= UK_LONGITUDE[1]):
        problems.add(f"{path}.latitude", "coordinates_outside_uk", latitude=lat, longitude=lon)
        return
    location.latitude, location.longitude = float(lat), float(lon)


def _read_accessibility(item: dict[str, Any], location_id: str) -> Accessibility:
    """Keep the text, and recognise a Dayfinder access feature from an attribute's term."""
    vocabulary = load_vocabulary()
    feature = None
    for attribute in item.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        term_id = term.get("id") or attribute.get("taxonomy_term_id")
        if term_id and (known := vocabulary.get(str(term_id))) and known.kind == "access":
            feature = known.id
    return Accessibility(
        id=str(
            item.get("id") or derived_id(location_id, "access", str(item.get("description")), str(feature))
        ),
        location_id=location_id,
        feature=feature,
        description=item.get("description") or item.get("accessibility") or None,
        details=item.get("details") or None,
    )
