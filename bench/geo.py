"""Benchmark: "within 5 miles" through the lat/lon index versus scanning every location.

    .venv/bin/python bench/geo.py

For 1k, 10k and 100k synthetic locations (scattered around real postcode district centres in
England, so towns are dense and the countryside sparse, as a real directory is), each in a
fresh SQLite file made by the real migrations, it times ``locations_within`` against a full-table
baseline that loads every location and measures each distance, both through the same ORM, each
query in a new session as a web request would be. All must return the same locations. Prints
the median time per query and the speed-up.

A second, leaner baseline reads only (id, latitude, longitude) for every row: the fastest a scan
could be made, so its ratio shows what the index buys over a well-written scan, not just over a
naive one.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlmodel import Session, select

from assistant.directory.db import make_engine
from assistant.directory.gazetteer import load_gazetteer
from assistant.directory.geo import miles_between
from assistant.directory.models import Location
from assistant.directory.nearby import locations_within
from assistant.directory.schema import upgrade

SIZES = (1_000, 10_000, 100_000)
RADIUS_MILES = 5.0
INDEXED_QUERIES = 200
SCAN_SECONDS = 6.0  # each method stops after this long per size (but runs at least 5 queries)
ENGLAND = (50.0, 55.8, -5.8, 1.8)  # a box around England: min/max latitude, min/max longitude
JITTER_DEGREES = 0.03  # about 2 miles north-south; 1.5 times that east-west is about 2 miles too

Query = Callable[[Session, float, float, float], list[str]]


def indexed(session: Session, lat: float, lon: float, miles: float) -> list[str]:
    return [location.id for location, _ in locations_within(session, lat, lon, miles)]


def full_scan(session: Session, lat: float, lon: float, miles: float) -> list[str]:
    """The baseline: every location loaded and measured."""
    found = []
    for location in session.exec(select(Location)):
        if location.latitude is not None and location.longitude is not None:
            distance = miles_between(lat, lon, location.latitude, location.longitude)
            if distance <= miles:
                found.append((distance, location.id))
    return [location_id for _, location_id in sorted(found)]


def lean_scan(session: Session, lat: float, lon: float, miles: float) -> list[str]:
    """The leanest scan: three columns of every row, no objects built."""
    found = []
    for location_id, p_lat, p_lon in session.exec(select(Location.id, Location.latitude, Location.longitude)):
        if p_lat is not None and p_lon is not None:
            distance = miles_between(lat, lon, p_lat, p_lon)
            if distance <= miles:
                found.append((distance, location_id))
    return [location_id for _, location_id in sorted(found)]


def district_centres() -> list[tuple[float, float]]:
    min_lat, max_lat, min_lon, max_lon = ENGLAND
    return [
        (p.latitude, p.longitude)
        for p in load_gazetteer().outcodes.values()
        if min_lat <= p.latitude <= max_lat and min_lon <= p.longitude <= max_lon
    ]


def near(rng: random.Random, centres: list[tuple[float, float]]) -> tuple[float, float]:
    lat, lon = rng.choice(centres)
    return lat + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES), lon + rng.uniform(-1.5, 1.5) * JITTER_DEGREES


def fill(engine: Engine, size: int, rng: random.Random, centres: list[tuple[float, float]]) -> None:
    rows = []
    for i in range(size):
        lat, lon = near(rng, centres)
        rows.append({"id": f"bench-{i}", "location_type": "physical", "latitude": lat, "longitude": lon})
    with Session(engine) as session:
        session.execute(insert(Location), rows)
        session.commit()


def time_queries(
    engine: Engine, query: Query, points: list[tuple[float, float]]
) -> tuple[float, list[list[str]]]:
    """Median milliseconds per query, and the answers; slow queries stop after SCAN_SECONDS."""
    timings: list[float] = []
    answers = []
    for lat, lon in points:
        start = time.perf_counter()
        with Session(engine) as session:
            answers.append(query(session, lat, lon, RADIUS_MILES))
        timings.append((time.perf_counter() - start) * 1000)
        if len(timings) >= 5 and sum(timings) / 1000 > SCAN_SECONDS:
            break
    return statistics.median(timings), answers


def run(size: int, folder: Path, centres: list[tuple[float, float]]) -> list[str]:
    rng = random.Random(size)
    engine = make_engine(f"sqlite:///{folder / f'bench-{size}.sqlite3'}")
    upgrade(engine)
    fill(engine, size, rng, centres)
    points = [near(rng, centres) for _ in range(INDEXED_QUERIES)]
    fast, expected = time_queries(engine, indexed, points)
    cells = [f"{size:>10,}", f"{statistics.median(len(a) for a in expected):>6g}", f"{fast:>11.2f}"]
    for baseline in (full_scan, lean_scan):
        slow, answers = time_queries(engine, baseline, points)
        if answers != expected[: len(answers)]:
            raise SystemExit(f"{size}: {baseline.__name__} disagrees with the indexed query")
        cells += [f"{slow:>9.1f}", f"{len(answers):>5}", f"{slow / fast:>7.0f}x"]
    engine.dispose()
    return cells


def main() -> None:
    centres = district_centres()
    print(f"within {RADIUS_MILES:g} miles on SQLite: median ms per query ({INDEXED_QUERIES} indexed queries;")
    print("'n' = how many queries each scan ran before its time budget)")
    print(
        f"{'locations':>10} {'found':>6} {'indexed ms':>11} "
        f"{'scan ms':>9} {'n':>5} {'speed-up':>8} {'lean ms':>9} {'n':>5} {'speed-up':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            print(" ".join(run(size, Path(tmp), centres)))


if __name__ == "__main__":
    main()
