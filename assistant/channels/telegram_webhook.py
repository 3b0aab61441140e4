"""``POST /telegram/webhook``: Telegram's updates in, handed to the python-telegram-bot application.

Telegram sends the secret given at ``setWebhook`` in ``X-Telegram-Bot-Api-Secret-Token``; it is
compared in constant time, and a wrong or missing one gets 403 before the body is looked at.
Telegram resends an update it got no quick answer for, so each ``update_id`` is claimed in the
database first and a repeat is answered 200 and otherwise ignored. The application is built in
the app's lifespan (this router's own lifespan, merged by FastAPI) and has no updater: this
route is its only source of updates, and it finishes handling one before answering, so
Telegram sees a failure as a failure.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Request, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from telegram import Update

from assistant.channels import optouts
from assistant.channels.telegram import CHANNEL, TelegramApp
from assistant.conversation.runtime import Clock, Conversations, utc_now

PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramWebhook:
    def __init__(
        self,
        engine: Engine,
        conversations: Conversations,
        application: TelegramApp,
        secret: str,
        clock: Clock = utc_now,
    ) -> None:
        self._engine = engine
        self._conversations = conversations
        self.application = application
        self._secret = secret.encode()
        self._clock = clock

    def authentic(self, header: str | None) -> bool:
        return header is not None and hmac.compare_digest(header.encode(), self._secret)

    def parse(self, data: dict[str, Any]) -> Update | None:
        """The update, or None when the body is not one."""
        try:
            return Update.de_json(data, self.application.bot)
        except Exception:  # the library raises all sorts (AttributeError too) on odd shapes
            return None

    async def feed(self, update: Update) -> None:
        """Handle one update, unless this ``update_id`` was handled (or is being handled) already."""
        chat = update.effective_chat
        key = self._conversations.key(CHANNEL, str(chat.id)) if chat is not None else ""
        update_id = str(update.update_id)
        claimed = await run_in_threadpool(optouts.claim, self._engine, CHANNEL, update_id, key, self._clock())
        if claimed is not None:
            return
        try:
            await self.application.process_update(update)
        except BaseException:
            await run_in_threadpool(optouts.release, self._engine, CHANNEL, update_id)
            raise

    @asynccontextmanager
    async def lifespan(self, _app: FastAPI) -> AsyncIterator[None]:
        """Start the application (``getMe``, the rate limiter) with the server; stop it after."""
        async with self.application:
            await self.application.start()
            try:
                yield
            finally:
                await self.application.stop()


def router(webhook: TelegramWebhook) -> APIRouter:
    routes = APIRouter(lifespan=webhook.lifespan)

    @routes.post(PATH, include_in_schema=False)
    async def telegram_update(request: Request) -> Response:
        if not webhook.authentic(request.headers.get(SECRET_HEADER)):
            raise HTTPException(status_code=403)
        try:
            data = json.loads(await request.body())
        except ValueError as exc:
            raise HTTPException(status_code=400) from exc
        update = (
            webhook.parse(data) if isinstance(data, dict) and isinstance(data.get("update_id"), int) else None
        )
        if update is None:
            raise HTTPException(status_code=400)
        await webhook.feed(update)
        return Response(status_code=200)

    return routes
