"""Schema migrations (Alembic), run by ``dayfinder db upgrade`` and at server start."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from assistant.settings import PACKAGE_DIR


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    url = engine.url.render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolation
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to ``revision`` (the newest by default)."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def check(engine: Engine) -> None:
    """Raise if the models hold changes that no migration describes."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.check(config)
