"""Postcodes, outcodes and place names to coordinates, offline, from ``directory_data/geo``.

Postcodes resolve to their district's centre: the bundled data has outcode centroids, not
every postcode, which is precise enough to rank day centres a few miles apart. Names are
matched exactly first (ignoring case and punctuation), then fuzzily, so "Biggleswde" still
finds Biggleswade; the result says when it was corrected so the caller can check with the
person. Loading takes a fraction of a second and happens once per data folder.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from statistics import fmean

from rapidfuzz import fuzz, process

from assistant.directory.places import (
    NamedPoint,
    Namesakes,
    Place,
    PlaceKind,
    index_names,
    namesakes,
    normalise_name,
)
from assistant.directory.postcodes import Postcode, find_postcode, parse_postcode
from assistant.settings import get_settings

# Tuned on real misspellings ("Biggleswde", "Leighton Buzard", "Shirly", "Dunstible"): one or
# two slips in a name score 85-97, and made-up words ("asdfgh") stay far below. Short names need
# a closer match, or "home" would land on Holme. Some everyday words still sit one slip from a
# village ("knitting" and Knotting), so give ``locate`` only the words offered as a place, and
# confirm a ``corrected`` answer with the person.
FUZZY_CUTOFF = 85.0
SHORT_NAME_CUTOFF = 90.0
SHORT_NAME_LENGTH = 5


class Match(StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


@dataclass(frozen=True, slots=True)
class Located:
    """What some text pointed at.

    ``candidates`` holds every place it could mean, best known first: for FOUND the first is the
    one chosen and any others are lesser-known namesakes, for AMBIGUOUS the person must choose.
    ``corrected`` is set when the name was spelt differently; ``postcode`` when the text held one.
    """

    match: Match
    candidates: tuple[Place, ...] = ()
    corrected: bool = False
    postcode: Postcode | None = None

    @property
    def place(self) -> Place | None:
        return self.candidates[0] if self.match is Match.FOUND else None


class Gazetteer:
    """Lookups over the outcode table and the place names (see :func:`load_gazetteer`).

    Namesakes are grouped on first lookup of a name, not at load: start-up stays fast, and a
    running assistant only ever asks about a few hundred names.
    """

    def __init__(self, outcodes: Mapping[str, Place], names: Mapping[str, list[NamedPoint]]) -> None:
        self._outcodes = dict(outcodes)
        self._points = dict(names)
        self._keys = list(self._points)
        self._authorities = {c: p.local_authority for c, p in self._outcodes.items() if p.local_authority}
        self._namesakes: dict[str, Namesakes] = {}

    @property
    def outcodes(self) -> Mapping[str, Place]:
        return self._outcodes

    def outcode(self, code: str) -> Place | None:
        """The centre of a postcode district such as "B91" (any case or spacing)."""
        return self._outcodes.get("".join(code.split()).upper())

    def find_postcode(self, text: str) -> Postcode | None:
        """A postcode or known outcode mentioned anywhere in ``text``."""
        return find_postcode(text, self._outcodes)

    def locate(self, text: str) -> Located:
        """Resolve text that is a postcode, an outcode or a place name (or mentions a postcode)."""
        if postcode := parse_postcode(text):
            return self._at_postcode(postcode)
        key = normalise_name(text)
        if not key:
            return Located(Match.NOT_FOUND)
        if key in self._points:
            return _resolved(self._names(key), corrected=False)
        if postcode := self.find_postcode(text):
            return self._at_postcode(postcode)
        return self._fuzzy(key)

    def _names(self, key: str) -> Namesakes:
        if key not in self._namesakes:
            self._namesakes[key] = namesakes(self._points[key], self._authorities)
        return self._namesakes[key]

    def _at_postcode(self, postcode: Postcode) -> Located:
        district = self._outcodes.get(postcode.outcode)
        if district is None:
            return Located(Match.NOT_FOUND, postcode=postcode)
        if postcode.incode:
            district = replace(district, name=postcode.formatted, kind=PlaceKind.POSTCODE)
        return Located(Match.FOUND, (district,), postcode=postcode)

    def _fuzzy(self, key: str) -> Located:
        cutoff = SHORT_NAME_CUTOFF if len(key) <= SHORT_NAME_LENGTH else FUZZY_CUTOFF
        scored = process.extract(key, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=10)
        if not scored:
            return Located(Match.NOT_FOUND)
        best = scored[0][1]
        names = [self._names(name) for name, score, _ in scored if score == best]
        if len(names) == 1:
            return _resolved(names[0], corrected=True)
        places = tuple(place for same_name in names for place in same_name.places)
        return Located(Match.AMBIGUOUS, places, corrected=True)


def _resolved(namesakes: Namesakes, *, corrected: bool) -> Located:
    match = Match.FOUND if namesakes.clear else Match.AMBIGUOUS
    return Located(match, namesakes.places, corrected=corrected)


def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """The gazetteer for ``data_dir`` (by default the configured directory data), loaded once."""
    return _load(data_dir or get_settings().directory_data_dir)


@lru_cache(maxsize=4)
def _load(data_dir: Path) -> Gazetteer:
    outcode_rows = list(_rows(data_dir / "geo" / "outcodes.csv"))
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
        )
        for row in _rows(data_dir / "geo" / "places.csv")
    ]
    points += _unnamed_post_towns(outcode_rows, {normalise_name(p.name) for p in points})
    return Gazetteer(outcodes, index_names(points))


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
