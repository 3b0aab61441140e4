"""Benchmark: search time as the directory grows from 1k to 100k listings.

    .venv/bin/python bench/matching.py [--sizes 1000,10000,100000] [--postgres URL] [--rebuild]

Each size's directory is a synthetic ORUK 3.0 feed (:mod:`bench.feed`: curated listings copied
to venues near real postcode district centres, organisations running one to six listings at one
or two venues) written through the real import (:func:`~assistant.directory.importer.import_records`,
what ``dayfinder directory import`` runs), into a database made by the real migrations. Built
databases are kept between runs, keyed by size, seed, schema revision and the feed generator's
source, so a re-run does not import 100k again: SQLite files in the temporary directory, or with
``--postgres URL`` one database per size beside URL's (``<name>_match_<size>_<seed>``, created
on that server).

The profiles are the gold queries' (interests, needs, days, budget, must-haves...) moved to
random district centres. Each search runs in a new session, as a web request would, and
includes building the page's cards. Prints p50 and p99 milliseconds per search (wall clock, and
this process's CPU time, steadier when other work shares the machine), how many ladder rungs a
search climbed and how many results it found, and p50 at each size over p50 at the first size.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, make_url, text
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for bench.feed and tests.matching.gold

from assistant.directory.db import make_engine
from assistant.directory.importer import import_records
from assistant.directory.schema import alembic_config, upgrade
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.loader import Loader
from assistant.matching.matcher import Matcher, find
from bench import feed
from tests.matching.gold import TODAY, load_gold

SIZES = (1_000, 10_000, 100_000)
SEARCHES = 300
WARM_UP = 20
PAGE_SIZE = 5
SEED = 1
IMPORT_CHUNK = 5_000  # records a transaction: a 100k feed never sits in memory at once
CACHE = Path(tempfile.gettempdir()) / "dayfinder-bench"
KEY_TABLE = "bench_build"  # PostgreSQL: the build key of the database's contents


def build_key(engine: Engine, size: int, seed: int) -> str:
    """What a built directory depends on: its size and seed, the schema, and the feed generator."""
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    source = hashlib.sha256(Path(feed.__file__).read_bytes()).hexdigest()[:10]
    return f"{size}-{seed}-{head}-{source}"


def fill(engine: Engine, size: int, seed: int) -> float:
    """Import ``size`` synthetic listings through the real import; returns services a second."""
    upgrade(engine)
    started = time.perf_counter()
    stream = feed.records(size, seed)
    while chunk := list(islice(stream, IMPORT_CHUNK)):
        report = import_records(engine, chunk, source="bench")
        if not report.written:
            raise SystemExit(f"the synthetic feed was refused: {report.refused[:3]}")
    return size / (time.perf_counter() - started)


def sqlite_directory(size: int, seed: int, rebuild: bool) -> tuple[Engine, str]:
    """The cached SQLite directory for ``size``, imported first when missing or out of date."""
    CACHE.mkdir(exist_ok=True)
    probe = make_engine("sqlite://")
    key = build_key(probe, size, seed)
    probe.dispose()
    path = CACHE / f"match-{key}.sqlite3"
    note = "cached"
    if rebuild or not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(f"{partial.name}*"):
            leftover.unlink()
        building = make_engine(f"sqlite:///{partial}")
        note = f"{fill(building, size, seed):,.0f}/s"
        building.dispose()
        partial.replace(path)  # only a complete import is ever cached
    return make_engine(f"sqlite:///{path}"), note


def postgres_directory(url: str, size: int, seed: int, rebuild: bool) -> tuple[Engine, str]:
    """The PostgreSQL directory for ``size`` (a database of its own beside ``url``'s)."""
    server = make_url(url)
    name = f"{server.database}_match_{size}_{seed}"
    admin = make_engine(server.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
    engine = make_engine(server.set(database=name).render_as_string(hide_password=False))
    key = build_key(engine, size, seed)
    if exists and not rebuild:
        with engine.connect() as conn:
            found = conn.execute(text(f"SELECT to_regclass('{KEY_TABLE}')")).scalar()
            built = found and conn.execute(text(f"SELECT key FROM {KEY_TABLE}")).scalar()
        if built == key:
            admin.dispose()
            return engine, "cached"
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = make_engine(server.set(database=name).render_as_string(hide_password=False))
    rate = fill(engine, size, seed)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))  # as autovacuum would soon after a big import
        conn.execute(text(f"CREATE TABLE {KEY_TABLE} (key text NOT NULL)"))
        conn.execute(text(f"INSERT INTO {KEY_TABLE} VALUES (:k)"), {"k": key})
    return engine, f"{rate:,.0f}/s"


def profiles(rng: random.Random, count: int) -> list[Profile]:
    """The gold queries' wishes, asked from random district centres (online-only ones stay online)."""
    gold = [q.profile for q in load_gold()]
    centres = feed.district_centres()
    out = []
    for _ in range(count):
        base = rng.choice(gold)
        if base.place is None:
            out.append(base)
            continue
        *_, lat, lon = rng.choice(centres)
        out.append(base.model_copy(update={"place": PlaceValue(label="here", latitude=lat, longitude=lon)}))
    return out


def measure(engine: Engine, size: int, searches: int) -> tuple[float, float, float, float, float, float]:
    """p50 and p99 milliseconds a search (wall clock, then this process's CPU time: steadier on a
    shared machine, though blind to PostgreSQL's own work), mean rungs and median results found."""
    matcher = Matcher(engine, today=lambda: TODAY)
    asked = profiles(random.Random(size), searches)
    # Warm the connection pool and the per-process caches, as a running server is: among them the
    # list of online services, read once for each version of the directory (an online-only search).
    for profile in asked[:WARM_UP] + [p for p in asked if p.place is None][:1]:
        matcher.search(profile, 0, PAGE_SIZE)
    timings, cpu = [], []
    for profile in asked:
        began, began_cpu = time.perf_counter(), time.process_time()
        matcher.search(profile, 0, PAGE_SIZE)
        timings.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    rungs, found = [], []
    with Session(engine) as session:
        for profile in asked:
            result = find(Loader(session), profile, TODAY)
            rungs.append(len(result.steps))
            found.append(len(result.ranked))
    p50, p99 = statistics.median(timings), statistics.quantiles(timings, n=100)[98]
    cpu50, cpu99 = statistics.median(cpu), statistics.quantiles(cpu, n=100)[98]
    return p50, p99, cpu50, cpu99, statistics.fmean(rungs), statistics.median(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated listing counts")
    parser.add_argument("--postgres", metavar="URL", help="measure on PostgreSQL (a database per size beside URL's)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--searches", type=int, default=SEARCHES)
    parser.add_argument("--rebuild", action="store_true", help="import again even when a built directory is cached")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{args.searches} searches a size, page of {PAGE_SIZE}, {backend}; times in ms")
    ratio = f"p50/p50@{sizes[0]}"
    heads = f"{'p50':>8} {'p99':>8} {'cpu p50':>8} {'cpu p99':>8}"
    print(f"{'listings':>9} {'import':>9} {heads} {'rungs':>7} {'found':>7} {ratio:>11}")
    first = None
    for size in sizes:
        if args.postgres:
            engine, built = postgres_directory(args.postgres, size, args.seed, args.rebuild)
        else:
            engine, built = sqlite_directory(size, args.seed, args.rebuild)
        p50, p99, cpu50, cpu99, rungs, found = measure(engine, size, args.searches)
        engine.dispose()
        first = first or p50
        times = f"{p50:>8.2f} {p99:>8.2f} {cpu50:>8.2f} {cpu99:>8.2f}"
        print(f"{size:>9,} {built:>9} {times} {rungs:>7.2f} {found:>7g} {p50 / first:>11.2f}")


if __name__ == "__main__":
    main()
