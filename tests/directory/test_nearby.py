"""Locations near a point, on every configured database: the indexed box never misses or adds one."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import event
from sqlmodel import Session, select

from assistant.directory.db import make_engine
from assistant.directory.geo import miles_between
from assistant.directory.models import Location
from assistant.directory.nearby import locations_within, nearest_locations
from assistant.directory.schema import upgrade

LEIGHTON_BUZZARD = (51.9172, -0.658)
DUNSTABLE = (51.8857, -0.5229)


def add(session: Session, *points: tuple[float | None, float | None]) -> list[Location]:
    locations = [Location(id=f"loc-{i}", latitude=lat, longitude=lon) for i, (lat, lon) in enumerate(points)]
    session.add_all(locations)
    session.commit()
    return locations


def scatter(session: Session, count: int, seed: int) -> None:
    """Random locations over Bedfordshire and around, about 40 by 40 miles."""
    rng = random.Random(seed)
    add(session, *((rng.uniform(51.7, 52.3), rng.uniform(-0.95, 0.05)) for _ in range(count)))


def brute_force(session: Session, lat: float, lon: float, miles: float) -> list[tuple[str, float]]:
    pairs = [
        (loc.id, miles_between(lat, lon, loc.latitude, loc.longitude))
        for loc in session.exec(select(Location)).all()
        if loc.latitude is not None and loc.longitude is not None
    ]
    return sorted(((i, d) for i, d in pairs if d <= miles), key=lambda pair: (pair[1], pair[0]))


def ids(found: list[tuple[Location, float]]) -> list[tuple[str, float]]:
    return [(loc.id, distance) for loc, distance in found]


def test_within_radius_equals_a_brute_force_scan(session: Session) -> None:
    scatter(session, 600, seed=1)
    rng = random.Random(2)
    for _ in range(25):
        lat, lon, miles = rng.uniform(51.7, 52.3), rng.uniform(-0.95, 0.05), rng.uniform(0.5, 12)
        assert ids(locations_within(session, lat, lon, miles)) == brute_force(session, lat, lon, miles)


def test_within_radius_lists_nearest_first_with_distances(session: Session) -> None:
    add(session, DUNSTABLE, LEIGHTON_BUZZARD)
    found = locations_within(session, *LEIGHTON_BUZZARD, 10)
    assert [loc.id for loc, _ in found] == ["loc-1", "loc-0"]
    assert found[0][1] == 0 and 6 <= found[1][1] <= 8


def test_point_in_the_box_corner_but_beyond_the_radius_is_left_out(session: Session) -> None:
    lat, lon = LEIGHTON_BUZZARD
    corner = (lat + 0.06, lon + 0.095)  # inside the 5-mile box, about 5.6 miles away
    add(session, corner)
    assert miles_between(lat, lon, *corner) > 5
    assert locations_within(session, lat, lon, 5) == []


def test_locations_without_coordinates_are_ignored(session: Session) -> None:
    add(session, (None, None), LEIGHTON_BUZZARD)
    assert [loc.id for loc, _ in locations_within(session, *LEIGHTON_BUZZARD, 1)] == ["loc-1"]


def test_nearest_equals_the_first_n_of_a_brute_force_scan(session: Session) -> None:
    scatter(session, 300, seed=3)
    rng = random.Random(4)
    for n in (1, 5, 20):
        lat, lon = rng.uniform(51.7, 52.3), rng.uniform(-0.95, 0.05)
        assert ids(nearest_locations(session, lat, lon, n)) == brute_force(session, lat, lon, 50)[:n]


def test_nearest_widens_the_search_until_it_finds_enough(session: Session) -> None:
    add(session, DUNSTABLE)  # about 6 miles from the query, well past the first search
    found = nearest_locations(session, *LEIGHTON_BUZZARD, 1)
    assert [loc.id for loc, _ in found] == ["loc-0"]


def test_nearest_stops_at_the_maximum_distance(session: Session) -> None:
    add(session, DUNSTABLE, (53.4808, -2.2426))  # Dunstable, and Manchester about 120 miles away
    found = nearest_locations(session, *LEIGHTON_BUZZARD, 2, max_miles=50)
    assert [loc.id for loc, _ in found] == ["loc-0"]


def test_nearest_zero_asks_nothing(session: Session) -> None:
    add(session, LEIGHTON_BUZZARD)
    assert nearest_locations(session, *LEIGHTON_BUZZARD, 0) == []


def test_sqlite_answers_the_radius_query_from_the_lat_lon_index(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'plan.sqlite3'}")
    upgrade(engine)
    statements: list[tuple[str, object]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def capture(_conn: object, _cursor: object, statement: str, parameters: object, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    with Session(engine) as session:
        locations_within(session, *LEIGHTON_BUZZARD, 5)
        statement, parameters = statements[-1]
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        plan = " ".join(str(row) for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))
    engine.dispose()
    assert "ix_location_lat_lon" in plan and "SCAN location" not in plan
