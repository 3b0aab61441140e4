"""``dayfinder telegram ...``: run the bot by long polling, or point Telegram at our webhook.

Polling needs no public address, so it suits a laptop; production uses the webhook, which
``set-webhook`` registers with its secret (and the bot's command menu, worded from content).
"""

from __future__ import annotations

import asyncio

import typer
from telegram import Bot, BotCommand

from assistant.channels.telegram import ALLOWED_UPDATES, COMMANDS, TelegramBot, build_application
from assistant.channels.telegram_webhook import PATH
from assistant.cli.common import database, say, secure_settings
from assistant.content import text
from assistant.conversation.runtime import Conversations
from assistant.matching.matcher import Matcher
from assistant.settings import get_settings

telegram_app = typer.Typer(help="The Telegram bot.", no_args_is_help=True)


def _refuse(key: str) -> typer.Exit:
    typer.echo(text("staff/channels", f"telegram.{key}"), err=True)
    return typer.Exit(1)


@telegram_app.command("poll")
def poll() -> None:
    """Answer the bot's messages by long polling (for development; removes any webhook)."""
    settings = secure_settings()
    if not settings.telegram_bot_token:
        raise _refuse("needs_token")
    with database() as engine:
        bot = TelegramBot(engine, Conversations(engine, Matcher(engine), settings))
        application = build_application(settings, bot, polling=True)
        say("channels", "telegram.polling")
        application.run_polling(allowed_updates=ALLOWED_UPDATES)


@telegram_app.command("set-webhook")
def set_webhook() -> None:
    """Have Telegram send the bot's messages to PUBLIC_BASE_URL/telegram/webhook, with the secret."""
    settings = get_settings()
    token, secret = settings.telegram_bot_token, settings.telegram_webhook_secret
    if not (settings.public_base_url and token and secret):
        raise _refuse("needs_webhook")
    url = settings.public_base_url.rstrip("/") + PATH
    bot = Bot(token.get_secret_value(), base_url=settings.telegram_api_base_url)
    asyncio.run(_register(bot, url, secret.get_secret_value()))
    say("channels", "telegram.webhook_set", url=url)


async def _register(bot: Bot, url: str, secret: str) -> None:
    async with bot:
        await bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
        menu = [BotCommand(name, text("channels", f"telegram.menu_{name}")) for name in COMMANDS]
        await bot.set_my_commands(menu)
