"""Postcodes, outcodes and place names to coordinates, offline, from ``directory_data/geo``.

Postcodes resolve to their district's centre: the bundled data has outcode centroids, not
every postcode, which is precise enough to rank day centres a few miles apart. Names are
matched exactly first (ignoring case and punctuation), then fuzzily, so "Biggleswde" still
finds Biggleswade; the result says when it was corrected so the caller can check with the
person. Loading takes a fraction of a second and happens once per data folder.

Besides GeoNames' postal places, names come from GeoNames' populated places (with their
population: which namesake is well known) and from the wards of the areas Dayfinder serves, so
estates and suburbs such as Kingshurst or Hale End are places too. A place's council is its own
ward's, never its postcode district's (CV7 and SG5 straddle councils). Whole council areas are
places as well (:mod:`assistant.directory.areas`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from threading import Lock

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from assistant.directory.areas import Areas
from assistant.directory.geo_files import read_geo
from assistant.directory.places import (
    NOTABLE_POPULATION,
    NamedPoint,
    Namesakes,
    Place,
    PlaceKind,
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
SHORTEST_SLIP = 5  # "bootel" for Bootle; shorter names are too often another word
SERVED_FUZZY_MARGIN = 4.0  # a served place this close to the best spelling match is the one meant
SERVED_FUZZY_DOUBT = 8.0  # this close, it is offered first beside the best match
MAX_COUNTY_WORDS = 3  # "Stotfold, Bedfordshire", "Shirley West Midlands", "Hale End, north east london"


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


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What a name is, for reading it out of a sentence: in an area served, or well known."""

    served: bool
    notable: bool
    settlement: bool = False  # a town, village or suburb in an area served (not only a ward's name)
    area: bool = False  # a whole council area


class Gazetteer:
    """Lookups over the outcode table and the place names (see :func:`load_gazetteer`).

    Namesakes are grouped on first lookup of a name, not at load: start-up stays fast, and a
    running assistant only ever asks about a few hundred names.
    """

    def __init__(
        self,
        outcodes: Mapping[str, Place],
        names: Mapping[str, list[NamedPoint]],
        areas: Areas,
        everyday: frozenset[str] = frozenset(),
        near_words: frozenset[str] = frozenset(),
    ) -> None:
        self._outcodes = dict(outcodes)
        self._points = dict(names)
        self._keys = list(self._points)
        self._authorities = {c: p.local_authority for c, p in self._outcodes.items() if p.local_authority}
        self._namesakes: dict[str, Namesakes] = {}
        self.areas = areas
        self.everyday = everyday  # words of place names that are also everyday English
        self.near_words = near_words  # English words spelt like a served place ("unstable", "honest")
        self.served_keys = sorted(
            {k for k, ps in self._points.items() if any(p.local_authority in areas.served for p in ps)}
            | set(areas.names)
        )
        self._served = frozenset(self.served_keys)
        self._served_names = tuple(sorted(self._served))
        # Districts straddling a served council's boundary (CV7, SG5) are searched, not turned away.
        self._served_outcodes = {
            p.outcode: p.local_authority
            for ps in self._points.values()
            for p in ps
            if p.outcode and not p.ward and p.local_authority in areas.served
        }

    def served(self, place: Place) -> bool:
        return place.local_authority in self.areas.served

    def name_info(self, key: str) -> NameInfo | None:
        """What an exactly spelt, normalised name is, or None if it names no place or area."""
        if council := self.areas.area_named(key):
            served = council in self.areas.served
            return NameInfo(served=served, notable=True, settlement=served, area=True)
        if key not in self._points:
            return None
        places = self._names(key).places
        points = self._points[key]
        return NameInfo(
            served=any(self.served(p) for p in places),
            notable=any(p.population >= NOTABLE_POPULATION // 5 for p in places) or any(p.is_post_town for p in points),
            settlement=any(p.local_authority in self.areas.served and not p.ward for p in points),
        )

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
        if council := self.areas.area_named(key):
            return Located(Match.FOUND, (self.areas.place(council),))
        if key in self._points:
            return _resolved(self._names(key), corrected=False)
        if in_county := self._in_county(key):
            return in_county
        if council := self.areas.council_named(key):
            return Located(Match.FOUND, (self.areas.place(council),))
        if postcode := self.find_postcode(text):
            return self._at_postcode(postcode)
        return self._fuzzy(key)

    def _names(self, key: str) -> Namesakes:
        if key not in self._namesakes:
            self._namesakes[key] = namesakes(self._points[key], self._authorities, self.areas.served)
        return self._namesakes[key]

    def _in_county(self, key: str) -> Located | None:
        """A place name with its county or region after it: "stotfold bedfordshire"."""
        words = key.split()
        for size in range(min(MAX_COUNTY_WORDS, len(words) - 1), 0, -1):
            name, county = " ".join(words[:-size]), self.areas.county(" ".join(words[-size:]))
            if county is None:
                continue
            located = self.locate(name) if name not in self._points else _resolved(self._names(name), corrected=False)
            inside = tuple(p for p in located.candidates if self.areas.in_county(p, county))
            if inside:
                return Located(Match.FOUND if len(inside) == 1 else Match.AMBIGUOUS, inside, located.corrected)
        return None

    def _at_postcode(self, postcode: Postcode) -> Located:
        district = self._outcodes.get(postcode.outcode)
        if district is None:
            return Located(Match.NOT_FOUND, postcode=postcode)
        if postcode.incode:
            district = replace(district, name=postcode.formatted, kind=PlaceKind.POSTCODE)
        if (council := self._served_outcodes.get(postcode.outcode)) and not self.served(district):
            district = replace(district, local_authority=council)  # CV7 holds Balsall Common, in Solihull
        return Located(Match.FOUND, (district,), postcode=postcode)

    def _fuzzy(self, key: str) -> Located:
        cutoff = SHORT_NAME_CUTOFF if len(key) <= SHORT_NAME_LENGTH else FUZZY_CUTOFF
        scored = process.extract(key, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=10)
        if not scored:
            return self._slip(key)
        best = scored[0][1]
        served = [name for name, score, _ in scored if score >= best - SERVED_FUZZY_MARGIN and name in self._served]
        nearly = [name for name, score, _ in scored if score >= best - SERVED_FUZZY_DOUBT and name in self._served]
        if not served and nearly:  # "Stotfeld": Stotfold, Bedfordshire, or Stotfield in Moray?
            best_names = [n for n, score, _ in scored if score == best and n not in nearly]
            places = tuple(p for name in [*nearly, *best_names] for p in self._names(name).places)
            return Located(Match.AMBIGUOUS, places, corrected=True)
        names = [self._names(name) for name in served] or [self._names(n) for n, score, _ in scored if score == best]
        if len(names) == 1:
            return _resolved(names[0], corrected=True)
        places = tuple(place for same_name in names for place in same_name.places)
        return Located(Match.AMBIGUOUS, places, corrected=True)

    def _slip(self, key: str) -> Located:
        """One slip of the thumb in a served place's name that the similarity cut-off misses: two
        letters swapped at the end ("bootel"), or one wrong letter in a short name."""
        if len(key) < SHORTEST_SLIP:
            return Located(Match.NOT_FOUND)
        slips = process.extract(key, self._served_names, scorer=OSA.distance, score_cutoff=1, limit=2)
        if len(slips) != 1:
            return Located(Match.NOT_FOUND)
        return _resolved(self._names(slips[0][0]), corrected=True)


def _resolved(namesakes: Namesakes, *, corrected: bool) -> Located:
    match = Match.FOUND if namesakes.clear else Match.AMBIGUOUS
    return Located(match, namesakes.places, corrected=corrected)


def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """The gazetteer for ``data_dir`` (by default the configured directory data), loaded once.

    Loading takes a second or two; the lock makes the first turns that arrive together wait for
    one load instead of each doing it (twenty loads at once would hold the interpreter for half a
    minute)."""
    folder = data_dir or get_settings().directory_data_dir
    loaded = _loaded.get(folder)  # every place look-up asks: no lock once loaded
    if loaded is None:
        with _loading:
            loaded = _loaded.get(folder)
            if loaded is None:
                if len(_loaded) >= _KEEP:
                    del _loaded[next(iter(_loaded))]  # the first loaded goes
                loaded = _loaded[folder] = _load(folder)
    return loaded


_KEEP = 4  # data folders held (tests use a few)
_loaded: dict[Path, Gazetteer] = {}
_loading = Lock()


def _load(data_dir: Path) -> Gazetteer:
    geo = read_geo(data_dir / "geo")
    return Gazetteer(geo.outcodes, geo.names, geo.areas, geo.everyday, geo.near_words)
