"""Directory locations near a point, using the latitude/longitude index and never a full scan.

The database narrows the search to a bounding box (``ix_location_lat_lon_id`` on latitude, then
longitude), which works the same on SQLite and PostgreSQL with no spatial extension; Python then
measures the exact distance to the few rows inside and drops the box's corners. Distances are
straight-line miles, which is what a person means by "within 5 miles".
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from assistant.directory.geo import bounding_box, miles_between
from assistant.directory.models import Location

# Widen the box by a hair so a point exactly on its edge, where rounding in the database and in
# Python could disagree, is still fetched; the exact distance decides.
_EDGE_DEGREES = 1e-9
FIRST_SEARCH_MILES = 2.0


def locations_within(session: Session, lat: float, lon: float, miles: float) -> list[tuple[Location, float]]:
    """Every location with coordinates within ``miles`` of the point, with its distance, nearest first."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, miles)
    statement = select(Location).where(
        col(Location.latitude).between(min_lat - _EDGE_DEGREES, max_lat + _EDGE_DEGREES),
        col(Location.longitude).between(min_lon - _EDGE_DEGREES, max_lon + _EDGE_DEGREES),
    )
    found = []
    for location in session.exec(statement):
        if location.latitude is None or location.longitude is None:  # never true: BETWEEN drops NULLs
            continue
        distance = miles_between(lat, lon, location.latitude, location.longitude)
        if distance <= miles:
            found.append((location, distance))
    found.sort(key=lambda pair: (pair[1], pair[0].id))
    return found


def nearest_locations(
    session: Session, lat: float, lon: float, n: int, max_miles: float = 50.0
) -> list[tuple[Location, float]]:
    """The ``n`` nearest locations no further than ``max_miles``, nearest first.

    Starts with a small box and doubles it until it holds ``n`` locations: once ``n`` lie within
    r miles, nothing outside the r-mile circle can be nearer, so the answer is exact while a
    town centre search reads only a few rows.
    """
    if n <= 0:
        return []
    miles = min(FIRST_SEARCH_MILES, max_miles)
    while True:
        found = locations_within(session, lat, lon, miles)
        if len(found) >= n or miles >= max_miles:
            return found[:n]
        miles = min(miles * 2, max_miles)
