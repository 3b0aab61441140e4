"""Council areas as places: the five Dayfinder serves, their everyday names, and every other council.

A council area is somewhere to search too ("in Dorset", "Central Beds", "anywhere in Sefton"):
the whole area, not a point. Each served area lists the names that mean it alone
(``directory_data/geo/areas.toml``); any council's own name means its area when a word says so
("Solihull borough", "all of Luton"), since alone "Solihull" is the town. A council Dayfinder does
not serve is still recognised, so the person hears plainly that it is not covered yet.

Counties and regions after a place name ("Stotfold, Bedfordshire", "Formby Merseyside") pick
between namesakes: a place is in a county when its own county, its council, or its served area's
listed counties say so.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from assistant.directory.geo import miles_between
from assistant.directory.places import Place, PlaceKind, normalise_name

_QUALIFIED_BEFORE = re.compile(
    r"^(?:anywhere in|anywhere around|anywhere|all of|all over|all|the whole of|whole of|across|the) (.+)$"
)
_QUALIFIED_AFTER = re.compile(r"^(.+?) (?:borough|council|council area|area|district|county|wide)$")


@dataclass(frozen=True, slots=True)
class Areas:
    served: frozenset[str]  # council names
    names: Mapping[str, str]  # a served area's everyday names (normalised) -> council
    councils: Mapping[str, str]  # every council's name (normalised) -> council
    counties: Mapping[str, frozenset[str]]  # served council -> the counties and regions it lies in
    known_counties: frozenset[str]  # every county and region the place data names, normalised
    short_counties: Mapping[str, str]  # "beds" -> "bedfordshire"
    centres: Mapping[str, tuple[float, float]]  # council -> mean of its ward centres

    def area_named(self, key: str) -> str | None:
        """The council a normalised name means as a whole area, if it does."""
        if key in self.names:
            return self.names[key]
        inner, qualified = key, False
        for pattern in (_QUALIFIED_BEFORE, _QUALIFIED_AFTER):
            if m := pattern.match(inner):
                inner, qualified = m[1], True
        if inner in self.names:
            return self.names[inner]
        return self.councils.get(inner) if qualified else None

    def council_named(self, key: str) -> str | None:
        """A council named exactly ("north hertfordshire"), served or not."""
        return self.councils.get(key)

    def county(self, key: str) -> str | None:
        """The county or region a normalised name means ("beds" -> "bedfordshire"), if it is one."""
        key = self.short_counties.get(key, key)
        listed = any(key in counties for counties in self.counties.values())
        return key if key in self.known_counties or key in self.councils or listed else None

    def in_county(self, place: Place, county: str) -> bool:
        council = place.local_authority or ""
        own = [normalise_name(part) for part in [*(place.area or "").split(","), council]]
        # "london" is in "greater london", "midlands" in "west midlands"
        named = any(part == county or part.endswith(f" {county}") for part in own)
        return named or county in self.counties.get(council, ())

    def place(self, council: str) -> Place:
        latitude, longitude = self.centres[council]
        return Place(council, latitude, longitude, None, council, None, PlaceKind.AREA)

    def nearest_served(self, latitude: float, longitude: float) -> str | None:
        """The served council whose centre is nearest a point."""
        return min(
            (c for c in self.served if c in self.centres),
            key=lambda c: miles_between(latitude, longitude, *self.centres[c]),
            default=None,
        )


def read_areas(path: Path, wards: Iterable[tuple[str, float, float]], counties: Iterable[str]) -> Areas:
    """``wards`` as (council, latitude, longitude); ``counties`` every county the place data names."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    positions: dict[str, list[tuple[float, float]]] = {}
    for council, latitude, longitude in wards:
        positions.setdefault(council, []).append((latitude, longitude))
    centres = {c: (fmean(p[0] for p in ps), fmean(p[1] for p in ps)) for c, ps in positions.items()}
    served = data["areas"]
    names = {normalise_name(name): council for council, area in served.items() for name in area["names"]}
    councils = {normalise_name(council): council for council in centres}
    return Areas(
        served=frozenset(served),
        names=names,
        councils=councils,
        counties={council: frozenset(normalise_name(c) for c in area["counties"]) for council, area in served.items()},
        known_counties=frozenset(normalise_name(c) for c in counties if c),
        short_counties={normalise_name(k): normalise_name(v) for k, v in data["short_counties"].items()},
        centres=centres,
    )
