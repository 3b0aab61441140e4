"""``dayfinder telegram set-webhook`` registers the webhook, secret and menu with the Bot API."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.telegram import telegram_app
from assistant.settings import get_settings
from tests.channels.config import BOT_TOKEN, PUBLIC_URL, WEBHOOK_SECRET
from tests.channels.fake_telegram import FakeBotApi

app = typer.Typer()
app.add_typer(telegram_app, name="telegram")


@pytest.fixture
def telegram_env(
    monkeypatch: pytest.MonkeyPatch, bot_api: tuple[FakeBotApi, str], fake_telegram: FakeBotApi
) -> Iterator[FakeBotApi]:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", bot_api[1])
    monkeypatch.setenv("PUBLIC_BASE_URL", PUBLIC_URL + "/")
    get_settings.cache_clear()
    yield fake_telegram
    get_settings.cache_clear()


def test_set_webhook_registers_the_url_secret_and_menu(telegram_env: FakeBotApi) -> None:
    result = CliRunner().invoke(app, ["telegram", "set-webhook"])
    assert result.exit_code == 0, result.output
    assert f"{PUBLIC_URL}/telegram/webhook" in result.output
    calls = {c.method: c.params for c in telegram_env.calls}
    assert calls["setWebhook"]["url"] == f"{PUBLIC_URL}/telegram/webhook"
    assert calls["setWebhook"]["secret_token"] == WEBHOOK_SECRET
    assert json.loads(calls["setWebhook"]["allowed_updates"]) == ["message", "callback_query"]
    menu = json.loads(calls["setMyCommands"]["commands"])
    assert {"start", "help", "easyread", "reset", "delete"} <= {c["command"] for c in menu}
    assert BOT_TOKEN not in result.output and WEBHOOK_SECRET not in result.output


def test_set_webhook_refuses_without_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "PUBLIC_BASE_URL"):
        monkeypatch.setenv(name, "")
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["telegram", "set-webhook"])
    get_settings.cache_clear()
    assert result.exit_code == 1
