"""Places people name, and how rows of the geography files become one choice per real place.

GeoNames lists a town once per postcode district it covers ("London" 58 times, "Bristol" in
three counties), and lists different villages that share a name ("Newport" in a dozen
counties). So rows of one name are grouped by distance, not by county: rows within
``SAME_PLACE_MILES`` of each other (chained) are one place at their mean position, and groups
further apart are namesakes. Grouping by county would split cities that straddle a boundary
(Bristol, Sheffield), and the files name a district for only a few dozen rows.

A post town spreads wider (Sheffield's reaches 15 miles out to Penistone), so two rows that
are both the post town of their districts join within ``SAME_POST_TOWN_MILES``; towns that share
a post-town name are much further apart (the Newports in Wales, Shropshire and the Isle of Wight).

A namesake whose name is also the post town of its postcode districts, or a town of
``NOTABLE_POPULATION`` people or more, is a well-known one: "Leeds" means the city, not the Kent
village, but "Newport" stays ambiguous. Places in the council areas Dayfinder serves come first:
"Shirley" is the Solihull one, and a list never offers a namesake hundreds of miles away before
the local one, except that a name known only as a served ward ("Derby", a ward of Sefton) comes
after a well-known town of that name. People shorten
"Newcastle upon Tyne" or "Clacton-on-Sea", so each such place is also filed under its first part.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from statistics import fmean

from assistant.directory.geo import miles_between

SAME_PLACE_MILES = 6.0
SAME_POST_TOWN_MILES = 15.0
NOTABLE_POPULATION = 50_000  # a namesake this big elsewhere keeps a served place's name ambiguous

_PUNCTUATION = re.compile("['`.\u2019]")
_SEPARATORS = re.compile(r"[\W_]+")
_SHORT_FORM = re.compile(r"^(.+?) (?:upon|on|under|in) ")


class PlaceKind(StrEnum):
    POSTCODE = "postcode"
    OUTCODE = "outcode"
    PLACE = "place"
    AREA = "area"  # a whole council area ("Central Beds", "anywhere in Sefton")


@dataclass(frozen=True, slots=True)
class Place:
    """A point to search around, with what a person needs to tell it from its namesakes."""

    name: str
    latitude: float
    longitude: float
    outcode: str | None
    local_authority: str | None
    area: str | None = None
    kind: PlaceKind = PlaceKind.PLACE
    population: int = 0

    @property
    def label(self) -> str:
        """The name with its county (or nearest useful area), as in "Newport, Isle of Wight"."""
        return f"{self.name}, {self.area}" if self.area else self.name


@dataclass(frozen=True, slots=True)
class NamedPoint:
    """One place row, or an outcode standing in for a post town that GeoNames does not name."""

    name: str
    latitude: float
    longitude: float
    outcode: str
    county: str = ""
    district: str = ""
    country: str = ""
    is_post_town: bool = False
    local_authority: str = ""  # of the point's own ward, when the data says it
    population: int = 0
    ward: bool = False  # only known as (part of) a ward's name

    @property
    def position(self) -> tuple[float, float]:
        return self.latitude, self.longitude


@dataclass(frozen=True, slots=True)
class Namesakes:
    """Every place sharing one name, best known first; ``clear`` if the first is the obvious one."""

    places: tuple[Place, ...]
    clear: bool


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Fold case, punctuation and "Saint" so "St. Albans" and "saint albans" meet."""
    folded = _PUNCTUATION.sub("", text.casefold().replace("&", " and "))
    words = _SEPARATORS.sub(" ", folded).split()
    return " ".join("st" if word == "saint" else word for word in words)


def index_names(points: Iterable[NamedPoint]) -> dict[str, list[NamedPoint]]:
    """Points by normalised name, and by the short form of names like "Newcastle upon Tyne"."""
    by_name: dict[str, list[NamedPoint]] = {}
    for point in points:
        key = normalise_name(point.name)
        by_name.setdefault(key, []).append(point)
        if short := _SHORT_FORM.match(key):
            by_name.setdefault(short[1], []).append(point)
    return by_name


def namesakes(
    points: list[NamedPoint], authorities: Mapping[str, str], served: Container[str] = frozenset()
) -> Namesakes:
    """The distinct places among points of one name, best first; ``authorities`` maps outcode to
    council, ``served`` holds the councils Dayfinder has listings for."""
    groups = _group_by_distance(points)
    built = [(group, _place(group, authorities)) for group in groups]
    local = [place.local_authority in served for _, place in built]
    built = [
        pair
        for _, pair in sorted(
            zip(local, built, strict=True),
            key=lambda item: (-_tier(item[1][0], item[0]), -_population(item[1][0]), -len(item[1][0])),
        )
    ]
    places = _label_apart([place for _, place in built])
    in_area = [g for g, place in built if place.local_authority in served]
    if in_area and built[0][1].local_authority in served:
        clear = len(in_area) == 1 and not any(_notable(g, NOTABLE_POPULATION) for g, _ in built[1:])
    else:
        clear = len(groups) == 1 or (not in_area and sum(_notable(g) for g in groups) == 1)
    return Namesakes(tuple(places), clear)


def _tier(group: list[NamedPoint], served: bool) -> int:
    """Served places first, then big towns and cities, names known only as a served ward ("Kew"),
    then other well-known places: a famous namesake still comes before a ward of the same name."""
    if served and not all(point.ward for point in group):
        return 4
    if _notable(group, NOTABLE_POPULATION):
        return 3
    return 2 if served else (1 if _notable(group) else 0)


def _notable(group: list[NamedPoint], population: int = 10_000) -> bool:
    return any(point.is_post_town for point in group) or _population(group) >= population


def _population(group: list[NamedPoint]) -> int:
    return max(point.population for point in group)


def _group_by_distance(points: list[NamedPoint]) -> list[list[NamedPoint]]:
    """Single-linkage groups: a point joins (and so merges) every group it is near."""
    if len(points) == 1:
        return [points]
    groups: list[list[NamedPoint]] = []
    for point in points:
        near = [g for g in groups if any(_same_place(point, other) for other in g)]
        merged = [point, *(p for g in near for p in g)]
        groups = [g for g in groups if not any(g is n for n in near)] + [merged]
    return groups


def _same_place(a: NamedPoint, b: NamedPoint) -> bool:
    limit = SAME_POST_TOWN_MILES if a.is_post_town and b.is_post_town else SAME_PLACE_MILES
    return miles_between(*a.position, *b.position) <= limit


def _place(group: list[NamedPoint], authorities: Mapping[str, str]) -> Place:
    latitude, longitude = fmean(p.latitude for p in group), fmean(p.longitude for p in group)
    coded = [p for p in group if p.outcode] or group
    centre = min(coded, key=lambda p: (miles_between(latitude, longitude, *p.position), p.outcode))
    name = _most_common(p.name for p in group) or centre.name
    # The place's own ward: one of exactly its name ("Lea Bridge"), else the council of its rows.
    own = [p for p in group if p.ward and p.name == name]
    own = own or [p for p in group if p.local_authority and not p.ward] or [p for p in group if p.local_authority]
    council = min(own, key=lambda p: miles_between(latitude, longitude, *p.position)).local_authority if own else None
    return Place(
        name=name,
        latitude=round(latitude, 5),
        longitude=round(longitude, 5),
        outcode=centre.outcode or None,
        local_authority=council or authorities.get(centre.outcode),
        area=_area(name, group, authorities),
        population=_population(group),
    )


def _area(name: str, group: list[NamedPoint], authorities: Mapping[str, str]) -> str | None:
    """The most common county, else district, council or country, unless that is the name itself.

    "Newport, Newport" says nothing, so the Welsh city falls through to "Newport, Wales".
    """
    own = normalise_name(name)
    for values in (
        (p.county for p in group),
        (p.district for p in group),
        (p.local_authority or authorities.get(p.outcode, "") for p in group),
        (p.country for p in group),
    ):
        area = _most_common(v for v in values if v)
        if area and normalise_name(area) != own:
            return area
    return None


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else None


def _label_apart(places: list[Place]) -> list[Place]:
    """Extend labels that would read the same: first with the council, then with the outcode
    ("Sutton, Shropshire, SY2"), as three Shropshire villages share one name and one council.
    """
    for field in ("local_authority", "outcode"):
        counts = Counter(place.label for place in places)
        extended = []
        for place in places:
            more = getattr(place, field)
            if counts[place.label] > 1 and more and more not in (place.area, place.name):
                place = replace(place, area=f"{place.area}, {more}" if place.area else more)
            extended.append(place)
        places = extended
    return places
