"""Settings, read once from the environment (and an optional ``.env`` file).

Nothing else in the package reads ``os.environ``: build a :class:`Settings` and pass it on.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
# Public, so only ever acceptable with DAYFINDER_ENV=development: anyone could sign with it.
DEVELOPMENT_SECRET = "dayfinder-development-only"
MIN_SECRET_CHARS = 32
SECRET_SETTINGS = ("IDENTITY_SECRET", "STAFF_SESSION_SECRET")
# The Fernet key that encrypts reminder addresses in development. Public too: outside development
# reminders and follow-ups stay off until REMINDER_KEY is set to a key of one's own.
DEVELOPMENT_REMINDER_KEY = "ZGF5ZmluZGVyLWRldmVsb3BtZW50LW9ubHkta2V5ISE="


class InsecureSettingsError(RuntimeError):
    """A secret is the public development default or too short, outside development."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    dayfinder_env: Literal["production", "development"] = Field(
        default="production",
        description="development allows the public default secrets and short ones (make run and the tests "
        "set it); anything else must set IDENTITY_SECRET and STAFF_SESSION_SECRET.",
    )
    database_url: str = Field(
        default="sqlite:///dayfinder.sqlite3",
        description="SQLAlchemy URL. SQLite file in the working directory by default; "
        "postgresql+psycopg://user@host:5432/db in production.",
    )
    worker_threads: int = Field(
        default=40,
        ge=1,
        description="Threads each web worker runs blocking work on (AnyIO's default is 40); the database "
        "pool keeps as many connections, so no request waits behind a full pool.",
    )
    database_pool_timeout: float = Field(
        default=10.0,
        gt=0,
        description="Seconds a request waits for a database connection before it is asked to try again.",
    )
    directory_data_dir: Path = Field(
        default=PROJECT_DIR / "directory_data",
        description="Folder holding the curated ORUK directory and reference data.",
    )
    oruk_sources: list[str] = Field(
        default_factory=list,
        description="JSON list of ORUK 1.0/3.0 API base URLs that `dayfinder directory sync` reads when "
        "given none (the daily scheduled sync).",
    )
    identity_secret: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_SECRET),
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
    twilio_whatsapp_from: str | None = Field(
        default=None,
        description="The approved WhatsApp sender, as whatsapp:+14155238886; WhatsApp is on only with it "
        "and the Twilio settings above.",
    )
    twilio_whatsapp_template: str | None = Field(
        default=None,
        description="Content SID (HX...) of a WhatsApp template Meta has approved, with one variable, such as "
        "'Message from Dayfinder: {{1}}'. With it, reminders and follow-ups reach people more than 24 hours "
        "after they last wrote; without it they are offered only within that window.",
    )
    twilio_api_base_url: str = Field(default="https://api.twilio.com", description="Twilio's REST API.")
    twilio_voice: str = Field(
        default="Polly.Amy", description="The British English text-to-speech voice the voice line speaks with."
    )
    telegram_bot_token: SecretStr | None = Field(default=None, description="Telegram is off without it.")
    telegram_webhook_secret: SecretStr | None = Field(
        default=None, description="Telegram sends it back on every webhook call (1-256 of A-Z a-z 0-9 _ -)."
    )
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", description="The Bot API; the bot token is appended."
    )
    reminder_key: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_REMINDER_KEY),
        description="Fernet key (Fernet.generate_key()) that encrypts the phone number or chat id a "
        "reminder or follow-up is sent to; reminders are off outside development until it is set.",
    )
    staff_session_secret: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_SECRET),
        description="Key that signs staff session cookies; set a long random value in production.",
    )
    staff_session_minutes: int = Field(
        default=480, description="A staff sign-in ends this long after it began, however busy (absolute timeout)."
    )
    staff_idle_minutes: int = Field(
        default=30, description="A staff sign-in ends after this long with no request (idle timeout)."
    )
    staff_cookie_secure: bool = Field(
        default=True, description="Send the staff session cookie over HTTPS only; false only for local HTTP."
    )
    staff_login_per_minute: int = Field(default=10, description="Sign-in attempts per address, and per email.")
    redis_url: str | None = Field(
        default=None,
        description="redis://host:6379/0 to keep rate limits in Redis, shared by every worker and machine; "
        "in each process's memory without it.",
    )
    forwarded_allow_ips: str = Field(
        default="127.0.0.1",
        description="Comma-separated proxy addresses (or CIDR ranges, or *) whose X-Forwarded-For and "
        "X-Forwarded-Proto headers are believed; passed to uvicorn by dayfinder serve.",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "info"


    def insecure_secrets(self) -> list[str]:
        """The secret settings still at the public default or shorter than 32 characters; none in
        development."""
        if self.dayfinder_env == "development":
            return []
        values = {"IDENTITY_SECRET": self.identity_secret, "STAFF_SESSION_SECRET": self.staff_session_secret}
        return [
            name
            for name in SECRET_SETTINGS
            if (value := values[name].get_secret_value()) == DEVELOPMENT_SECRET or len(value) < MIN_SECRET_CHARS
        ]

    def require_secrets(self) -> Settings:
        """These settings, or :class:`InsecureSettingsError` naming the secrets to set."""
        if names := self.insecure_secrets():
            raise InsecureSettingsError(names)
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
