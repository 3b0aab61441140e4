"""Settings, read once from the environment (and an optional ``.env`` file).

Nothing else in the package reads ``os.environ``: build a :class:`Settings` and pass it on.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
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
    identity_secret: SecretStr = Field(
        default=SecretStr("dayfinder-development-only"),
        description="Key for the HMAC that turns a channel's sender id into the only identity stored.",
    )
    conversation_days: int = Field(default=30, description="Idle conversation state is deleted after this.")
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Web pages allowed to embed the chat widget (scheme://host[:port]); none by default.",
    )
    chat_rate_per_minute: int = Field(default=30, description="Chat turns a session may take a minute.")
    ip_rate_per_minute: int = Field(default=120, description="Chat turns one IP address may take a minute.")
    public_base_url: str | None = Field(
        default=None,
        description="The https:// address Twilio and Telegram reach this server at, without a trailing "
        "slash; Twilio signs requests against it.",
    )
    twilio_account_sid: str | None = Field(default=None, description="Twilio account; SMS is off without it.")
    twilio_auth_token: SecretStr | None = Field(default=None, description="Verifies and sends Twilio SMS.")
    twilio_from_number: str | None = Field(default=None, description="The number outbound texts come from.")
    twilio_api_base_url: str = Field(default="https://api.twilio.com", description="Twilio's REST API.")
    telegram_bot_token: SecretStr | None = Field(default=None, description="Telegram is off without it.")
    telegram_webhook_secret: SecretStr | None = Field(
        default=None, description="Telegram sends it back on every webhook call (1-256 of A-Z a-z 0-9 _ -)."
    )
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", description="The Bot API; the bot token is appended."
    )
    staff_session_secret: SecretStr = Field(
        default=SecretStr("dayfinder-development-only"),
        description="Key that signs staff session cookies; set a long random value in production.",
    )
    staff_session_minutes: int = Field(default=120, description="A staff sign-in lasts this long.")
    staff_cookie_secure: bool = Field(
        default=True, description="Send the staff session cookie over HTTPS only; false only for local HTTP."
    )
    staff_login_per_minute: int = Field(default=10, description="Sign-in attempts per address, and per email.")
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "info"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
