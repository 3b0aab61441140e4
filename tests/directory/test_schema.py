import subprocess
import sys

import pytest
from sqlalchemy import Engine, inspect

from assistant.directory.db import make_engine
from assistant.directory.schema import check, upgrade


def test_migrations_describe_every_model_change(engine: Engine) -> None:
    check(engine)  # raises when a model change has no migration


def test_upgrading_twice_is_harmless(engine: Engine) -> None:
    upgrade(engine)
    assert {"service", "location", "schedule", "cost_option", "service_term"} <= set(inspect(engine).get_table_names())


def test_two_servers_starting_together_both_upgrade_a_fresh_database(database_url: str) -> None:
    """Two app containers (two processes) migrate as they start on one PostgreSQL database:
    neither fails, and the schema is made once. SQLite is served from one machine, one start."""
    if not database_url.startswith("postgresql"):
        pytest.skip("several servers share a database on PostgreSQL")
    script = (
        "import sys; from assistant.directory.db import make_engine;"
        " from assistant.directory.schema import upgrade; upgrade(make_engine(sys.argv[1]))"
    )
    starts = [subprocess.Popen([sys.executable, "-c", script, database_url]) for _ in range(2)]
    assert [start.wait(timeout=120) for start in starts] == [0, 0]
    engine = make_engine(database_url)
    assert "directory_version" in inspect(engine).get_table_names()
    engine.dispose()
