"""Distances on the earth's surface, in miles, the unit people in England give and expect.

A sphere is close enough: over the tens of miles a day trip spans, the haversine distance is
within about half a percent of the ellipsoidal one, far less than the error of using a postcode
district's centre as someone's home.

Postcodes live in :mod:`assistant.directory.postcodes`, place names in
:mod:`assistant.directory.gazetteer`, and database queries in :mod:`assistant.directory.nearby`.
"""

from __future__ import annotations

import math

EARTH_RADIUS_MILES = 3958.8


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """``(min_lat, max_lat, min_lon, max_lon)`` of the smallest box holding every point within
    ``miles`` of ``(lat, lon)``, so an indexed range query never misses one.

    A degree of longitude shrinks with the cosine of latitude. The box's east and west edges use
    the exact tangent longitude of the circle, ``asin(sin(d) / cos(lat))``, which is a little
    wider than the common ``d / cos(lat)`` shortcut: that shortcut silently drops points near
    the edge. If the circle reaches a pole or crosses the 180th meridian, the box spans every
    longitude: simpler than wrapping, and never reached in Great Britain.
    """
    if miles < 0:
        raise ValueError("miles must not be negative")
    angle = miles / EARTH_RADIUS_MILES
    dlat = math.degrees(angle)
    min_lat, max_lat = lat - dlat, lat + dlat
    if min_lat <= -90 or max_lat >= 90:
        return max(min_lat, -90.0), min(max_lat, 90.0), -180.0, 180.0
    ratio = math.sin(angle) / math.cos(math.radians(lat))
    if ratio >= 1:
        return min_lat, max_lat, -180.0, 180.0
    dlon = math.degrees(math.asin(ratio))
    if lon - dlon < -180 or lon + dlon > 180:
        return min_lat, max_lat, -180.0, 180.0
    return min_lat, max_lat, lon - dlon, lon + dlon
