"""Telegram through python-telegram-bot: handlers that turn updates into turns, and the bot.

Only private chats are served (in a group, answers would be read by everyone). Text, a shared
location, a keyboard button and the menu commands each become an :class:`Inbound`; the
commands are the engine's own plain words, so ``/easyread`` is exactly "easy read". Edited
messages are left alone: the conversation has moved on since. The chat id is the sender id
that the runtime hashes; it is never logged. Sending goes through ``AIORateLimiter``, which keeps
within Telegram's flood limits and, if Telegram still says to slow down, waits and tries once more.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from assistant.boundary import inbound_text
from assistant.channels import LOG, optouts
from assistant.channels.telegram_format import Button, telegram_messages
from assistant.content import text
from assistant.conversation.runtime import Conversations
from assistant.engine.replies import Inbound
from assistant.settings import Settings

CHANNEL = "telegram"
PAGE_SIZE = 5
COMMANDS: dict[str, str] = {  # Telegram command -> the words the engine already knows
    "start": "start again",
    "help": "help",
    "easyread": "easy read",
    "plain": "plain english",
    "reset": "start again",
    "privacy": "privacy",
    "delete": "delete my data",
}
ALLOWED_UPDATES = ["message", "callback_query"]  # what the handlers read; Telegram sends nothing else

TelegramApp = Application[Any, Any, Any, Any, Any, Any]
Context = ContextTypes.DEFAULT_TYPE


class TelegramBot:
    """The update handlers, sharing the runtime with the other channels."""

    def __init__(self, engine: Engine, conversations: Conversations) -> None:
        self._engine = engine
        self._conversations = conversations

    def register(self, application: TelegramApp) -> None:
        private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
        application.add_handler(MessageHandler(private & filters.COMMAND, self._command))
        application.add_handler(MessageHandler(private & filters.TEXT, self._text))
        application.add_handler(MessageHandler(private & filters.LOCATION, self._location))
        application.add_handler(CallbackQueryHandler(self._button))
        application.add_handler(MessageHandler(private, self._unsupported))
        application.add_error_handler(self._error)

    async def _text(self, update: Update, context: Context) -> None:
        if update.message and update.message.text:
            await self._turn(update, context, Inbound(text=inbound_text(update.message.text)))

    async def _command(self, update: Update, context: Context) -> None:
        """A menu command, or "help" for one we do not know (``/start@dayfinder_bot`` works too)."""
        if update.message and update.message.text:
            name = update.message.text.split()[0][1:].split("@")[0].lower()
            await self._turn(update, context, Inbound(text=COMMANDS.get(name, "help")))

    async def _location(self, update: Update, context: Context) -> None:
        if update.message and update.message.location:
            where = update.message.location
            await self._turn(update, context, Inbound(latitude=where.latitude, longitude=where.longitude))

    async def _button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        await query.answer()  # stops the button's spinner
        chat = update.effective_chat
        if query.data and chat is not None and chat.type == chat.PRIVATE:
            await self._turn(update, context, Inbound(text=inbound_text(query.data)))

    async def _unsupported(self, update: Update, context: Context) -> None:
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, text("channels", "telegram.unsupported"))

    async def _turn(self, update: Update, context: Context, inbound: Inbound) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        sender = str(chat.id)
        # The web's thread pool, whose size the database pool is matched to (Settings.worker_threads).
        result = await run_in_threadpool(self._conversations.turn, CHANNEL, sender, inbound, PAGE_SIZE)
        if result.deleted:
            key = self._conversations.key(CHANNEL, sender)
            await run_in_threadpool(optouts.forget_answers, self._engine, key)
        for message in telegram_messages(result.replies, result.mode):
            await context.bot.send_message(chat.id, message.text, reply_markup=keyboard(message.buttons))

    async def _error(self, _update: object, context: Context) -> None:
        """Log what failed, never the update: it holds the chat id and the message."""
        LOG.warning(
            text(
                "staff/channels", "error.handler_failed", channel=CHANNEL, error=type(context.error).__name__
            )
        )


def keyboard(buttons: tuple[Button, ...]) -> InlineKeyboardMarkup | None:
    """One button a row: labels are sentences, and a long row squeezes them unreadably."""
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, callback_data=b.data)] for b in buttons])


def build_application(settings: Settings, bot: TelegramBot, *, polling: bool = False) -> TelegramApp:
    """The PTB application: fed by our webhook route (no updater), or polling for development."""
    if not settings.telegram_bot_token:
        raise ValueError(text("staff/channels", "telegram.needs_token"))
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .rate_limiter(AIORateLimiter(max_retries=1))
    )
    application: TelegramApp = builder.build() if polling else builder.updater(None).build()
    bot.register(application)
    return application
