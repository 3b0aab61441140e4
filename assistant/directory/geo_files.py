"""Read the bundled geography files (``directory_data/geo``, see its README) into names and places.

Outcode centres, GeoNames postal places, GeoNames populated places with their populations, the
wards of the served areas (as names) and every ward's centre (for council areas), the served
areas' own names, and the everyday words among place names. Each place row already carries its
own ward's council, worked out when the files were built.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from assistant.directory.areas import Areas, read_areas
from assistant.directory.places import NamedPoint, Place, PlaceKind, index_names, normalise_name

_WARD_PARTS = re.compile(r",|&| and |-")


@dataclass(frozen=True, slots=True)
class GeoData:
    outcodes: dict[str, Place]
    names: dict[str, list[NamedPoint]]
    areas: Areas
    everyday: frozenset[str]
    near_words: frozenset[str]  # English words spelt close to a served place: never a misspelt place


def read_geo(geo: Path) -> GeoData:
    """Everything in ``directory_data/geo``, as the gazetteer needs it."""
    outcode_rows = list(_rows(geo / "outcodes.csv"))
    outcodes = {
        row["outcode"]: Place(
            name=row["outcode"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            outcode=row["outcode"],
            local_authority=row["local_authority"] or None,
            area=row["local_authority"] or row["post_town"] or None,
            kind=PlaceKind.OUTCODE,
        )
        for row in outcode_rows
    }
    outcodes |= _parent_districts(outcodes)
    post_towns = {
        row["outcode"]: {normalise_name(town) for town in row["post_town"].split(",") if town.strip()}
        for row in outcode_rows
    }
    place_rows = list(_rows(geo / "places.csv"))
    points = [
        NamedPoint(
            name=row["place_name"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            outcode=row["outcode"],
            county=row["county"],
            district=row["district"],
            country=row["country"],
            is_post_town=normalise_name(row["place_name"]) in post_towns.get(row["outcode"], ()),
            local_authority=row.get("local_authority", ""),
        )
        for row in place_rows
    ]
    points += _towns(geo / "towns.csv")
    points += _unnamed_post_towns(outcode_rows, {normalise_name(p.name) for p in points})
    ward_rows = list(_rows(geo / "wards.csv"))
    areas = read_areas(
        geo / "areas.toml",
        ((w["local_authority"], float(w["latitude"]), float(w["longitude"])) for w in ward_rows),
        (row["county"] for row in place_rows),
    )
    everyday = frozenset((geo / "everyday_words.txt").read_text(encoding="utf-8").split())
    points += _served_wards(ward_rows, areas.served, everyday, {normalise_name(p.name) for p in points})
    near_words = frozenset((geo / "near_place_words.txt").read_text(encoding="utf-8").split())
    return GeoData(outcodes, index_names(points), areas, everyday, near_words)


def _towns(path: Path) -> list[NamedPoint]:
    """Populated places with their population: the towns the postal data misses, and a weight."""
    return [
        NamedPoint(
            name=row["name"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            outcode=row["outcode"],
            local_authority=row["local_authority"],
            population=int(row["population"]),
        )
        for row in _rows(path)
    ]


def _served_wards(
    rows: list[dict[str, str]], served: frozenset[str], everyday: frozenset[str], towns: set[str]
) -> list[NamedPoint]:
    """Each served ward under its name, its name and "ward", each place it joins ("Kingshurst and
    Fordbridge"), and the district a town's ward is named for ("Dorchester Poundbury", "Dunstable-
    Icknield"). A name that is an everyday word ("Park", "Church", "Central", "North") is left out
    unless "ward" follows it: alone, those stay words.
    """
    points = []
    for row in rows:
        if row["local_authority"] not in served:
            continue
        name = row["ward_name"]
        parts = [part.strip() for part in _WARD_PARTS.split(name)]
        parts += [district for part in parts if (district := _district(part, towns))]
        for part in {name, *parts, f"{name} ward"}:
            if part and normalise_name(part) not in everyday:
                points.append(
                    NamedPoint(
                        name=part,
                        latitude=float(row["latitude"]),
                        longitude=float(row["longitude"]),
                        outcode="",
                        local_authority=row["local_authority"],
                        ward=True,
                    )
                )
    return points


def _district(part: str, towns: set[str]) -> str | None:
    """ "Poundbury" from "Dorchester Poundbury": what follows a known town's name in a ward's name."""
    words = part.split()
    for size in range(len(words) - 1, 0, -1):
        if normalise_name(" ".join(words[:size])) in towns:
            return " ".join(words[size:])
    return None


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _parent_districts(outcodes: Mapping[str, Place]) -> dict[str, Place]:
    """Central London's split districts under the name people still use: "SW1", "W1", "EC1".

    The data lists only SW1A, SW1E, ...; the parent sits at their mean position.
    """
    children: dict[str, list[Place]] = {}
    for code, place in outcodes.items():
        if (m := re.fullmatch(r"([A-Z]{1,2}[0-9])[A-Z]", code)) and m[1] not in outcodes:
            children.setdefault(m[1], []).append(place)
    parents = {}
    for code, parts in children.items():
        council = Counter(p.local_authority for p in parts if p.local_authority).most_common(1)
        parents[code] = Place(
            name=code,
            latitude=round(fmean(p.latitude for p in parts), 5),
            longitude=round(fmean(p.longitude for p in parts), 5),
            outcode=code,
            local_authority=council[0][0] if council else None,
            area=council[0][0] if council else None,
            kind=PlaceKind.OUTCODE,
        )
    return parents


def _unnamed_post_towns(outcode_rows: list[dict[str, str]], named: set[str]) -> list[NamedPoint]:
    """Post towns GeoNames has no place for ("Bracknell"), one point per outcode they cover."""
    return [
        NamedPoint(
            name=town.strip(),
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            outcode=row["outcode"],
            is_post_town=True,
        )
        for row in outcode_rows
        for town in row["post_town"].split(",")
        if town.strip() and normalise_name(town) not in named
    ]
