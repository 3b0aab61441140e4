"""Benchmark: ``dayfinder directory import`` of a large ORUK 3.0 feed, in services a second.

    .venv/bin/python bench/import.py [--sizes 1000,10000,100000] [--postgres URL]

For each size a synthetic feed is written (``bench/feed.py``: the curated sample, varied), then
imported as the command does (``open_feed`` + ``import_feeds``: surveyed, read, checked and
written a batch at a time in one transaction) into a fresh database made by the real migrations:
a temporary SQLite file, and a fresh PostgreSQL schema when ``--postgres`` or a PostgreSQL
``DATABASE_URL`` is given. It prints the rate (also per second of the importing process's own
CPU time, which a busy machine does not slow; on SQLite that is all the work), the peak memory
(``ru_maxrss`` of a process that did nothing else), the rate of importing the same file again
(every service unchanged), and the baseline: a bare ``executemany`` of the same service rows
into the same kind of database, measured in the same run, the fastest those rows could go in at
all (the import also writes each service's locations, schedules, costs, contacts, phones and
terms, about 20 rows a service). Each measurement runs in a process of its own, so one's memory does not hide another's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, Table, insert, select, text
from sqlmodel import Session, SQLModel

sys.path.insert(0, str(Path(__file__).resolve().parent))

from feed import write_feed

from assistant.directory.db import make_engine
from assistant.directory.importer import import_feeds
from assistant.directory.models import Organization, Service
from assistant.directory.schema import upgrade
from assistant.directory.stream import open_feed

SIZES = (1_000, 10_000, 100_000)
GOAL = 1_000  # services a second
SEED = 16  # the number: any fixed seed will do


@contextmanager
def fresh_database(backend: str, postgres: str, folder: Path, name: str) -> Iterator[Engine]:
    """A migrated, empty database: a new SQLite file, or a new PostgreSQL schema dropped after."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{folder / f'{name}.sqlite3'}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = make_engine(postgres)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in postgres else "?"
    engine = make_engine(f"{postgres}{sep}options=-csearch_path%3D{schema}")
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure(backend: str, postgres: str, path: Path, folder: Path) -> dict[str, float]:
    """Import ``path`` into a fresh database, then again; then the baseline from the rows it wrote.
    Peak memory is read before the baseline holds every service row."""
    with fresh_database(backend, postgres, folder, "import") as engine:
        start, cpu = time.perf_counter(), time.process_time()
        feed = open_feed(path)
        [first] = import_feeds(engine, [(feed, path.name)])
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
        peak = peak_mb()
        start = time.perf_counter()
        [again] = import_feeds(engine, [(open_feed(path), path.name)])
        again_seconds = time.perf_counter() - start
        count = feed.survey.count
        if first.created != count or again.unchanged != count or first.refused:
            raise SystemExit(f"{path.name}: {first.created} created, {again.unchanged} unchanged of {count}")
        with Session(engine) as session:
            organizations = [dict(row._mapping) for row in session.execute(select(_table(Organization)))]
            services = [dict(row._mapping) for row in session.execute(select(_table(Service)))]
    with fresh_database(backend, postgres, folder, "baseline") as engine:
        with Session(engine) as session:
            session.execute(insert(Organization), organizations)
            session.commit()
        start = time.perf_counter()
        with Session(engine) as session:
            session.execute(insert(Service), services)
            session.commit()
        baseline = len(services) / (time.perf_counter() - start)
    return {
        "seconds": seconds,
        "rate": count / seconds,
        "cpu_rate": count / cpu_seconds,
        "again": count / again_seconds,
        "peak_mb": peak,
        "baseline": baseline,
    }


def _table(model: type[SQLModel]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def in_child(backend: str, postgres: str, path: Path) -> dict[str, float]:
    """Run one measurement in a fresh process (so its peak memory is its own)."""
    command = [sys.executable, __file__, "--one", backend, str(path)]
    env = {**os.environ, "BENCH_POSTGRES": postgres}
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def one(backend: str, path: Path) -> None:
    postgres = os.environ.get("BENCH_POSTGRES", "")
    with tempfile.TemporaryDirectory() as folder:
        print(json.dumps(measure(backend, postgres, path, Path(folder))))


def main() -> None:
    parser = argparse.ArgumentParser(description="Import speed, services a second.")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated feed sizes")
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL (DATABASE_URL when it is one)")
    parser.add_argument("--one", nargs=2, metavar=("BACKEND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], Path(args.one[1]))
        return
    postgres = args.postgres or os.environ.get("DATABASE_URL", "")
    backends = ["sqlite"] + (["postgresql"] if postgres.startswith("postgresql") else [])
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"directory import, services a second (goal {GOAL:,}); baseline = bare executemany of the service rows")
    header = (
        f"{'backend':>10} {'services':>9} {'seconds':>8} {'per s':>7} {'per CPU s':>9} {'peak MB':>8} {'again/s':>8}"
    )
    print(header + f" {'baseline/s':>10} {'of baseline':>11}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = write_feed(Path(folder) / f"feed-{size}.json", size, SEED)
            for backend in backends:
                done = in_child(backend, postgres, path)
                print(
                    f"{backend:>10} {size:>9,} {done['seconds']:>8.1f} {done['rate']:>7,.0f}"
                    f" {done['cpu_rate']:>9,.0f} {done['peak_mb']:>8.0f}"
                    f" {done['again']:>8,.0f} {done['baseline']:>10,.0f} {done['rate'] / done['baseline']:>11.1%}",
                    flush=True,
                )
            path.unlink()


if __name__ == "__main__":
    main()
