"""A synthetic ORUK 3.0 feed of any size, for benchmarks that need a big, realistic directory.

    .venv/bin/python bench/feed.py 10000 /tmp/feed-10k.json [--seed 1]

The listings are the curated sample in ``directory_data/`` read back through Dayfinder's own
ORUK 3.0 exporter (so every record is what ``directory export`` would write, and validates), each
copied with new ids, a new name and new contact details, at a venue near a real postcode district
centre in England (``directory_data/geo/outcodes.csv``): towns dense, countryside sparse, as a
real directory is. Each organisation runs 1 to 6 listings and 1 or 2 venues that its listings share, so
an import meets shared organisations, locations and accessibility as it would in a council feed.
Online-only listings stay online. Taxonomy terms are Dayfinder's own vocabulary, shared by all.

The same ``(count, seed)`` always gives the same records; a different seed gives different ids,
so two feeds of one seed can be imported on top of each other (an unchanged re-import).

``records(count, seed)`` yields the services one at a time, so a 100k feed never sits in memory;
``write_feed(path, count, seed)`` writes them as one ORUK page (``{"total_items": ..., "contents":
[...]}``), a service at a time.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import uuid
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from assistant.directory.db import make_engine
from assistant.directory.exporter import export_services
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.settings import PROJECT_DIR

Json = dict[str, Any]
Centre = tuple[str, str, str, float, float]
NAMESPACE = uuid.UUID("3b0f4a52-8d8e-4d6f-9a55-0c1f2e7b6a10")  # the feed's own ids: uuid5 in this
ENGLAND = (50.0, 55.8, -5.8, 1.8)  # min/max latitude, min/max longitude
JITTER_DEGREES = 0.02  # about a mile and a half
LISTINGS_PER_ORGANISATION = (1, 6)
ORGANISATION_WORDS = (
    "Community Trust",
    "Friends",
    "Day Opportunities",
    "Neighbours",
    "Together",
    "Voluntary Action",
    "Good Neighbours",
    "Carers Network",
    "Arts Collective",
    "Lunch Club Partnership",
)
STREETS = (
    "High Street",
    "Church Lane",
    "Station Road",
    "Mill Lane",
    "Park Road",
    "Victoria Road",
    "Market Place",
    "The Green",
    "London Road",
    "School Lane",
)
VENUES = ("Community Centre", "Village Hall", "Library", "Methodist Church Hall", "Scout Hut", "Leisure Centre")
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters a postcode's inward half may use


@lru_cache(maxsize=1)
def templates() -> tuple[Json, ...]:
    """The curated sample listings as the ORUK 3.0 exporter writes them (read once a process)."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'sample.sqlite3'}")
        upgrade(engine)
        load_sample(engine, PROJECT_DIR / "directory_data")
        exported = export_services(engine)
        engine.dispose()
    return tuple(exported)


@lru_cache(maxsize=1)
def district_centres() -> tuple[Centre, ...]:
    """``(outcode, town, local authority, latitude, longitude)`` of the districts in England."""
    min_lat, max_lat, min_lon, max_lon = ENGLAND
    found = []
    with (PROJECT_DIR / "directory_data" / "geo" / "outcodes.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            lat, lon, authority = float(row["latitude"]), float(row["longitude"]), row["local_authority"]
            town = row["post_town"].split(",")[0].strip().title() or authority
            if authority and min_lat <= lat <= max_lat and min_lon <= lon <= max_lon:
                found.append((row["outcode"], town, authority, lat, lon))
    return tuple(found)


class _Ids:
    """uuid5 ids that are the same for the same seed and serial number, and never repeat."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.serial = 0

    def __call__(self) -> str:
        self.serial += 1
        return str(uuid.uuid5(NAMESPACE, f"{self.seed}:{self.serial}"))


def records(count: int, seed: int = 0) -> Iterator[Json]:
    """``count`` synthetic ORUK 3.0 full services, one at a time."""
    rng = random.Random(seed)
    new_id = _Ids(seed)
    listings, centres = [orjson.dumps(t) for t in templates()], district_centres()
    made = 0
    while made < count:
        organisation = _organisation(rng, new_id, orjson.loads(rng.choice(listings)), centres)
        venues = [_venue(rng, new_id, organisation) for _ in range(rng.randint(1, 2))]
        for _ in range(min(rng.randint(*LISTINGS_PER_ORGANISATION), count - made)):
            made += 1
            yield _listing(rng, new_id, orjson.loads(rng.choice(listings)), organisation, venues, made)


def write_feed(path: Path, count: int, seed: int = 0) -> Path:
    """Write ``count`` services to ``path`` as one ORUK 3.0 page; returns ``path``."""
    head = {
        "total_items": count,
        "total_pages": 1,
        "page_number": 1,
        "size": count,
        "first_page": True,
        "last_page": True,
        "empty": count == 0,
    }
    with path.open("wb") as out:
        out.write(orjson.dumps(head)[:-1] + b',"contents":[')
        for i, record in enumerate(records(count, seed)):
            out.write(b"," if i else b"")
            out.write(orjson.dumps(record))
        out.write(b"]}")
    return path


def _organisation(rng: random.Random, new_id: _Ids, template: Json, centres: tuple[Centre, ...]) -> Json:
    outcode, town, authority, lat, lon = rng.choice(centres)
    name = f"{town} {rng.choice(ORGANISATION_WORDS)}"
    oid = new_id()
    site = f"https://{_slug(name)}-{oid[:6]}.example.org"
    return {
        "id": oid,
        "name": name,
        "description": template["organization"]["description"],
        "website": site,
        "email": f"info@{site.removeprefix('https://')}",
        "_place": (outcode, town, authority, lat, lon),
    }


def _venue(rng: random.Random, new_id: _Ids, organisation: Json) -> Json:
    outcode, town, authority, lat, lon = organisation["_place"]
    inward = f"{rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    return {
        "id": new_id(),
        "location_type": "physical",
        "name": f"{town} {rng.choice(VENUES)}",
        "latitude": round(lat + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES), 5),
        "longitude": round(lon + rng.uniform(-1.5, 1.5) * JITTER_DEGREES, 5),
        "addresses": [
            {
                "id": new_id(),
                "address_1": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
                "city": town,
                "region": authority,
                "state_province": authority,
                "postal_code": f"{outcode} {inward}",
                "country": "GB",
                "address_type": "physical",
            }
        ],
        "_access": rng.random(),  # which of a template's access features this venue keeps
    }


def _listing(
    rng: random.Random, new_id: _Ids, template: Json, organisation: Json, venues: list[Json], serial: int
) -> Json:
    """``template`` (a fresh copy, changed in place) run by ``organisation`` at one of its ``venues``
    (or online)."""
    record, title = template, str(template["name"])
    sid = new_id()
    town, authority = organisation["_place"][1], organisation["_place"][2]
    site = organisation["website"]
    record["id"] = sid
    record["name"] = f"{title} ({town})"
    record["url"] = f"{site}/{_slug(title)}-{serial}"
    if "email" in record:
        record["email"] = f"hello@{site.removeprefix('https://')}"
    record["organization"] = {k: v for k, v in organisation.items() if not k.startswith("_")}
    record["service_areas"] = [{"id": f"{sid}-area", "name": authority}]
    for link in record.get("service_at_locations") or []:
        link["id"] = new_id()
        link["location"] = _place_of(rng, new_id, link["location"], venues, site)
    for key in ("schedules", "cost_options", "phones", "attributes"):
        for item in record.get(key) or []:
            item["id"] = new_id()
    for phone in record.get("phones") or []:
        phone["number"] = f"01632 960{rng.randint(0, 999):03d}"
    for contact in record.get("contacts") or []:
        contact["id"] = new_id()
        for phone in contact.get("phones") or []:
            phone["id"] = new_id()
            phone["number"] = f"07700 900{rng.randint(0, 999):03d}"
    return record


def _place_of(rng: random.Random, new_id: _Ids, location: Json, venues: list[Json], site: str) -> Json:
    """The listing's place: an online room of its own, or one of its organisation's venues, with the
    template's access features (the same ones whenever the venue is used, so the rows agree)."""
    if location.get("location_type") == "virtual" or not location.get("addresses"):
        online = {**location, "id": new_id(), "accessibility": _renumbered(new_id, location)}
        if online.get("url"):
            online["url"] = f"{site}/join"
        return online
    venue = rng.choice(venues)
    if "accessibility" not in venue:
        venue["description"] = location.get("description")
        share = venue["_access"]
        venue["accessibility"] = [a for i, a in enumerate(_renumbered(new_id, location)) if (i + 1) * share < 3]
    shared: Json = orjson.loads(orjson.dumps({k: v for k, v in venue.items() if not k.startswith("_")}))
    return shared  # a copy: each record is its own, whatever a reader does to it


def _renumbered(new_id: _Ids, location: Json) -> list[Json]:
    """The location's accessibility items (and their attributes) with ids of their own."""
    return [
        {**item, "id": new_id(), "attributes": [{**a, "id": new_id()} for a in item.get("attributes") or []]}
        for item in location.get("accessibility") or []
    ]


def _slug(words: str) -> str:
    return "-".join("".join(c for c in word.lower() if c.isalnum()) for word in words.split())[:40].strip("-")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("count", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write_feed(args.path, args.count, args.seed))


if __name__ == "__main__":
    main()
