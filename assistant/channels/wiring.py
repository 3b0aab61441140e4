"""Switch on each messaging channel whose settings are present, and say which are on.

A channel without its settings adds no route, so its webhook answers 404 and the server starts
as usual. The start-up line names channels and the settings each one lacks, never a value. A channel whose
platform cannot be reached keeps trying in the background; :func:`channel_health` says which.
Library loggers that would write a token (httpx logs every Bot API URL, which holds the bot
token) or a phone number and message (Twilio's client logs request bodies) are kept to warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI
from sqlalchemy import Engine

from assistant.channels import LOG, sms, telegram_webhook, voice, whatsapp
from assistant.channels.sms import TwilioWebhook
from assistant.channels.telegram import TelegramBot, build_application
from assistant.channels.telegram_webhook import TelegramWebhook
from assistant.content import text
from assistant.conversation.runtime import Conversations
from assistant.settings import Settings

CHATTY_LOGGERS = ("httpx", "httpcore", "telegram", "twilio")


def install_channels(app: FastAPI, settings: Settings) -> list[str]:
    """Add the routes of every configured channel to ``app``; the names of those switched on."""
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    engine: Engine = app.state.engine
    conversations: Conversations = app.state.conversations
    on, off = ["web"], []
    checks: dict[str, Callable[[], bool]] = {"web": _always}
    app.state.channel_checks = checks
    auth_token, public_url = settings.twilio_auth_token, settings.public_base_url
    if settings.twilio_account_sid and auth_token and public_url:
        sms_webhook = TwilioWebhook(engine, conversations, auth_token.get_secret_value(), public_url)
        app.include_router(sms.router(sms_webhook))
        app.include_router(voice.router(voice.webhook_for(engine, conversations, settings)))  # same settings
        on += ["sms", "voice"]
        checks["sms"] = checks["voice"] = _always
    else:
        off.append("sms_needs")
    if settings.twilio_account_sid and auth_token and public_url and settings.twilio_whatsapp_from:
        whatsapp_webhook = whatsapp.WhatsAppWebhook(engine, conversations, auth_token.get_secret_value(), public_url)
        app.include_router(whatsapp.router(whatsapp_webhook))
        on.append("whatsapp")
        checks["whatsapp"] = _always
    else:
        off.append("whatsapp_needs")
    bot_token, secret = settings.telegram_bot_token, settings.telegram_webhook_secret
    if bot_token and secret:
        application = build_application(settings, TelegramBot(engine, conversations))
        webhook = TelegramWebhook(engine, conversations, application, secret.get_secret_value())
        app.include_router(telegram_webhook.router(webhook))
        on.append("telegram")
        checks["telegram"] = lambda: webhook.started
    else:
        off.append("telegram_needs")
    on_names, off_names = ", ".join(_say(n) for n in on), ", ".join(_say(n) for n in off)
    LOG.info(_say("line", on=on_names, off=off_names or _say("none")))
    return on


def channel_health(app: FastAPI) -> dict[str, str]:
    """Each channel switched on: "ok", or "degraded" while it cannot reach its platform."""
    checks: dict[str, Callable[[], bool]] = app.state.channel_checks
    return {name: "ok" if working() else "degraded" for name, working in checks.items()}


def _always() -> bool:
    return True


def _say(key: str, **params: object) -> str:
    return text("staff/channels", f"startup.{key}", **params)
