"""How many listings of each real council feed are matchable, before and after inference.

Usage: ``.venv/bin/python bench/coverage.py [FEED.json ...]``

Each feed (the two real ORUK 1.0 council feeds in tests/fixtures/feeds by default) is imported
into its own temporary SQLite database by the import policy with ``--skip-invalid``, then
:func:`assistant.directory.inference.infer_directory` runs over it. The baseline is the same
feed's coverage straight after import, measured in the same run: the share of listings with at
least one Dayfinder need, and with at least one activity, before and after, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from assistant.directory.db import make_engine
from assistant.directory.importer import import_records
from assistant.directory.inference import Coverage, infer_directory
from assistant.directory.reader import records_of
from assistant.directory.schema import upgrade

FEEDS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "feeds"
DEFAULT = sorted(FEEDS.glob("*_oruk1_services_*.json"))


def _line(label: str, figures: Coverage) -> str:
    need, activity = figures.share(figures.with_need), figures.share(figures.with_activity)
    return (
        f"  {label:<7} {figures.listings:>4} listings  need {figures.with_need:>4} ({need:6.1%})"
        f"  activity {figures.with_activity:>4} ({activity:6.1%})"
    )


def _ratio(after: int, before: int) -> str:
    return f"x{after / before:.1f}" if before else ("from 0" if after else "-")


def measure(path: Path) -> None:
    records = records_of(json.loads(path.read_text(encoding="utf-8"))) or []
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'coverage.sqlite3'}")
        upgrade(engine)
        imported = import_records(engine, records, source=path.name, skip_invalid=True)
        started = time.perf_counter()
        report = infer_directory(engine, path.name)
        seconds = time.perf_counter() - started
        engine.dispose()
    print(f"{path.name}: {len(records)} records, {imported.refused_records} refused")
    print(_line("before", report.before))
    print(_line("after", report.after))
    print(
        f"  ratio   need {_ratio(report.after.with_need, report.before.with_need)}, activity "
        f"{_ratio(report.after.with_activity, report.before.with_activity)}; {report.links_added} links "
        f"inferred in {seconds:.1f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("feeds", nargs="*", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.feeds:
        print("No feeds given and none in tests/fixtures/feeds.", file=sys.stderr)
        return 1
    for path in args.feeds:
        measure(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
