"""Build Dayfinder's compact offline geography files from the shared open-data downloads.

    python directory_data/tools/build_geo.py

Writes directory_data/geo/outcodes.csv and directory_data/geo/places.csv. The CSVs are the
committed output: the product reads them at run time and never needs this script or the
network. Why a script: the downloads carry many columns Dayfinder does not use (eastings,
populations, neighbour lists), and a repeatable copy keeps the bundled files small and lets
them be rebuilt exactly when a newer download arrives.

Standard library only. Sources and licences: see directory_data/README.md (Geography files).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "external" / "geo"
TARGET = Path(__file__).resolve().parents[1] / "geo"

DOOGAL = SOURCE / "postcode_districts_doogal_2023-09.csv"
WARDS = SOURCE / "ward_names_latlong.csv"
GRID_DEGREES = 0.25
GEONAMES = SOURCE / "geonames_GB_outcode_places.csv"

OUTCODE_COLUMNS = ["outcode", "latitude", "longitude", "post_town", "local_authority"]
PLACE_COLUMNS = ["place_name", "outcode", "county", "district", "country", "latitude", "longitude"]


def _clean(value: str | None) -> str:
    """Collapse stray tabs and spaces: some doogal cells hold '\\tBuckie' or 'Birmingham '."""
    return " ".join((value or "").split())


def outcode_rows() -> list[dict[str, str]]:
    """One row per outcode with a centroid; non-geographic and forces outcodes have none."""
    rows = []
    with DOOGAL.open(encoding="utf-8", newline="") as f:
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
    council; the ward nearest a district's centre decides. Rows with no ward nearby (Scotland,
    Northern Ireland: the ward file is England and Wales) keep the doogal name.
    """
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    with WARDS.open(encoding="utf-8", newline="") as f:
        for ward in csv.DictReader(f):
            lat, lon = float(ward["latitude"]), float(ward["longitude"])
            grid.setdefault(_cell(lat, lon), []).append((lat, lon, _clean(ward["lad_name"])))
    for row in rows:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        cx, cy = _cell(lat, lon)
        near = [w for dx in (-1, 0, 1) for dy in (-1, 0, 1) for w in grid.get((cx + dx, cy + dy), [])]
        if near:
            scale = math.cos(math.radians(lat)) ** 2
            nearest = min(near, key=lambda w: (w[0] - lat) ** 2 + scale * (w[1] - lon) ** 2)
            row["local_authority"] = nearest[2]
    return rows


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // GRID_DEGREES), int(lon // GRID_DEGREES)


def place_rows() -> list[dict[str, str]]:
    """GeoNames places, one row per place name and outcode (the first wins if repeated)."""
    rows, seen = [], set()
    with GEONAMES.open(encoding="utf-8", newline="") as f:
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
                }
            )
    return rows


def write(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    outcodes, places = outcode_rows(), place_rows()
    write(TARGET / "outcodes.csv", OUTCODE_COLUMNS, outcodes)
    write(TARGET / "places.csv", PLACE_COLUMNS, places)
    print(f"{len(outcodes)} outcodes, {len(places)} places -> {TARGET}")


if __name__ == "__main__":
    main()
