"""Benchmark: search time as the directory grows from 1k to 100k listings.

    .venv/bin/python bench/matching.py

For each size, a fresh SQLite file (made by the real migrations) is filled through the real
tables with synthetic listings: each copies a random curated listing from ``directory_data/``
(its terms, schedules, costs, access, attendance and ages) and sits near a real postcode
district centre in England, with organisations running one to six listings in one town, as
real providers do. The profiles are the gold queries' (interests, needs, days, budget,
must-haves...) moved to random district centres. Each search runs in a new session, as a web
request would, and includes building the page's cards. Prints p50 and p99 milliseconds per
search, how many ladder rungs a search climbed and how many results it found, and p50 at each
size over p50 at 1k.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert
from sqlmodel import Session, SQLModel, col, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.matching.gold

from assistant.directory.db import make_engine
from assistant.directory.gazetteer import load_gazetteer
from assistant.directory.models import (
    Accessibility,
    CostOption,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    TaxonomyTerm,
)
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.loader import Loader
from assistant.matching.matcher import Matcher, find
from tests.matching.gold import TODAY, load_gold

PROJECT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 10_000, 100_000)
SEARCHES = 300
PAGE_SIZE = 5
ENGLAND = (50.0, 55.8, -5.8, 1.8)  # min/max latitude, min/max longitude
JITTER_DEGREES = 0.03  # about 2 miles
BATCH = 20_000


@dataclass
class Template:
    """A curated listing's facts, to copy."""

    service: dict[str, Any]
    terms: list[tuple[str, str]] = field(default_factory=list)
    schedules: list[dict[str, Any]] = field(default_factory=list)
    costs: list[dict[str, Any]] = field(default_factory=list)
    access: set[str] = field(default_factory=set)


def templates(engine: Engine) -> tuple[list[Template], list[dict[str, Any]]]:
    """The curated listings as templates, and the taxonomy terms they use."""
    with Session(engine) as session:
        found = {
            s.id: Template(
                {k: getattr(s, k) for k in ("name", "attendance", "minimum_age", "maximum_age", "description")}
            )
            for s in session.exec(select(Service))
        }
        for link in session.exec(select(ServiceTerm)):
            found[link.service_id].terms.append((link.term_id, link.link_type))
        for row in session.exec(select(Schedule)):
            found[row.service_id].schedules.append(
                {k: getattr(row, k) for k in ("freq", "byday", "opens_at", "closes_at", "attending_type")}
            )
        for cost in session.exec(select(CostOption)):
            found[cost.service_id].costs.append({k: getattr(cost, k) for k in ("option", "amount", "unit")})
        for venue, item in session.exec(
            select(ServiceAtLocation, Accessibility).join(
                Accessibility, col(Accessibility.location_id) == col(ServiceAtLocation.location_id)
            )
        ):
            if item.feature:
                found[venue.service_id].access.add(item.feature)
        terms = [t.model_dump() for t in session.exec(select(TaxonomyTerm))]
    return list(found.values()), terms


def centres() -> list[tuple[float, float]]:
    min_lat, max_lat, min_lon, max_lon = ENGLAND
    return [
        (p.latitude, p.longitude)
        for p in load_gazetteer().outcodes.values()
        if min_lat <= p.latitude <= max_lat and min_lon <= p.longitude <= max_lon
    ]


def near(rng: random.Random, point: tuple[float, float]) -> tuple[float, float]:
    lat, lon = point
    return lat + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES), lon + rng.uniform(-1.5, 1.5) * JITTER_DEGREES


# In the order they must be inserted (foreign keys).
MODELS = (
    TaxonomyTerm,
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    Schedule,
    CostOption,
    ServiceTerm,
    Accessibility,
)


def fill(
    engine: Engine,
    size: int,
    rng: random.Random,
    points: list[tuple[float, float]],
    kinds: list[Template],
    terms: list[dict[str, Any]],
) -> None:
    """``size`` synthetic listings, inserted a table at a time in big batches."""
    rows: dict[type[SQLModel], list[dict[str, Any]]] = defaultdict(list)
    rows[TaxonomyTerm] = terms
    org, left, home = "", 0, points[0]
    for i in range(size):
        if left == 0:  # a new provider, running one to six listings in one town
            org, left, home = f"o{i}", rng.randint(1, 6), rng.choice(points)
            rows[Organization].append({"id": org, "name": f"Provider {i}"})
        left -= 1
        kind, sid, loc = rng.choice(kinds), f"s{i}", f"l{i}"
        verified = TODAY - dt.timedelta(days=rng.randint(0, 720))
        service = {"id": sid, "organization_id": org, "status": "active", "last_verified": verified}
        rows[Service].append({**kind.service, **service, "source_format": "oruk3", "content_hash": ""})
        online = kind.service["attendance"] == "online"
        lat, lon = (None, None) if online else near(rng, home)
        kind_of_place = "virtual" if online else "physical"
        rows[Location].append({"id": loc, "location_type": kind_of_place, "latitude": lat, "longitude": lon})
        rows[ServiceAtLocation].append({"id": f"sl{i}", "service_id": sid, "location_id": loc})
        for k, item in enumerate(kind.schedules):
            rows[Schedule].append({**item, "id": f"sc{i}_{k}", "service_id": sid})
        for k, item in enumerate(kind.costs):
            rows[CostOption].append({**item, "id": f"c{i}_{k}", "service_id": sid, "currency": "GBP"})
        for k, (term, link_type) in enumerate(kind.terms):
            rows[ServiceTerm].append({"id": f"t{i}_{k}", "service_id": sid, "term_id": term, "link_type": link_type})
        for k, feature in enumerate([] if online else sorted(kind.access)):
            rows[Accessibility].append({"id": f"a{i}_{k}", "location_id": loc, "feature": feature})
    with engine.begin() as conn:
        for model in MODELS:
            for start in range(0, len(rows[model]), BATCH):
                conn.execute(insert(model), rows[model][start : start + BATCH])


def profiles(rng: random.Random, points: list[tuple[float, float]], count: int) -> list[Profile]:
    """The gold queries' wishes, asked from random district centres (online-only ones stay online)."""
    gold = [q.profile for q in load_gold()]
    out = []
    for _ in range(count):
        base = rng.choice(gold)
        if base.place is None:
            out.append(base)
            continue
        lat, lon = rng.choice(points)
        out.append(base.model_copy(update={"place": PlaceValue(label="here", latitude=lat, longitude=lon)}))
    return out


def run(
    size: int, folder: Path, points: list[tuple[float, float]], kinds: list[Template], terms: list[dict[str, Any]]
) -> float:
    """Build one directory, time the searches, print a row (less its last cell); returns p50."""
    rng = random.Random(size)
    engine = make_engine(f"sqlite:///{folder / f'match-{size}.sqlite3'}")
    upgrade(engine)
    start = time.perf_counter()
    fill(engine, size, rng, points, kinds, terms)
    built = time.perf_counter() - start
    matcher = Matcher(engine, today=lambda: TODAY)
    asked = profiles(rng, points, SEARCHES)
    for profile in asked[:20]:  # warm the connection pool and caches, as a running server is
        matcher.search(profile, 0, PAGE_SIZE)
    timings = []
    for profile in asked:
        began = time.perf_counter()
        matcher.search(profile, 0, PAGE_SIZE)
        timings.append((time.perf_counter() - began) * 1000)
    rungs, found = [], []
    with Session(engine) as session:
        for profile in asked:
            result = find(Loader(session), profile, TODAY)
            rungs.append(len(result.steps))
            found.append(len(result.ranked))
    engine.dispose()
    p50, p99 = statistics.median(timings), statistics.quantiles(timings, n=100)[98]
    print(
        f"{size:>9,} {built:>8.1f}s {p50:>8.2f} {p99:>8.2f} {statistics.fmean(rungs):>7.2f} "
        f"{statistics.median(found):>7g}",
        end="",
    )
    return p50


def main() -> None:
    points = centres()
    with tempfile.TemporaryDirectory() as tmp:
        sample = make_engine(f"sqlite:///{Path(tmp) / 'sample.sqlite3'}")
        upgrade(sample)
        load_sample(sample, PROJECT / "directory_data")
        kinds, terms = templates(sample)
        sample.dispose()
        print(f"{SEARCHES} searches a size, page of {PAGE_SIZE}, SQLite; times in ms")
        print(f"{'listings':>9} {'build':>9} {'p50':>8} {'p99':>8} {'rungs':>7} {'found':>7} {'p50/p50@1k':>11}")
        first = None
        for size in SIZES:
            p50 = run(size, Path(tmp), points, kinds, terms)
            first = first or p50
            print(f" {p50 / first:>11.2f}")


if __name__ == "__main__":
    main()
