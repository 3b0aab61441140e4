"""Settings, read once from the environment (and an optional ``.env`` file).

Nothing else in the package reads ``os.environ``: build a :class:`Settings` and pass it on.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///dayfinder.sqlite3",
        description="SQLAlchemy URL. SQLite file in the working directory by default; "
        "postgresql+psycopg://user@host:5432/db in production.",
    )
    directory_data_dir: Path = Field(
        default=PROJECT_DIR / "directory_data",
        description="Folder holding the curated ORUK directory and reference data.",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "info"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
