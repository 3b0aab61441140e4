from sqlalchemy import Engine, inspect

from assistant.directory.schema import check, upgrade


def test_migrations_describe_every_model_change(engine: Engine) -> None:
    check(engine)  # raises when a model change has no migration


def test_upgrading_twice_is_harmless(engine: Engine) -> None:
    upgrade(engine)
    assert {"service", "location", "schedule", "cost_option", "service_term"} <= set(inspect(engine).get_table_names())
