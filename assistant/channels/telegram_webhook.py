"""``POST /telegram/webhook``: Telegram's updates in, handed to the python-telegram-bot application.

Telegram sends the secret given at ``setWebhook`` in ``X-Telegram-Bot-Api-Secret-Token``; it is
compared in constant time, and a wrong or missing one gets 403 before the body is looked at.
Telegram resends an update it got no quick answer for, so each ``update_id`` is claimed in the
database first and a repeat is answered 200 and otherwise ignored. The application has no
updater: this route is its only source of updates, and it finishes handling one before
answering, so Telegram sees a failure as a failure.

Starting the application asks the Bot API who the bot is. If Telegram cannot be reached then,
the rest of Dayfinder starts all the same: the channel is marked degraded (``/readyz`` says so),
start-up is retried in the background with growing pauses, and an update arriving meanwhile
tries once more and, failing, gets 503 so that Telegram sends it again later.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Request, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from telegram import Update

from assistant.channels import LOG, optouts
from assistant.channels.telegram import CHANNEL, TelegramApp
from assistant.content import text
from assistant.conversation.runtime import Clock, Conversations, utc_now

PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
START_TIMEOUT_SECONDS = 5.0  # a Bot API that neither answers nor refuses must not hold start-up
RETRY_PAUSES = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)  # then every minute
NAME = "Telegram"


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
        self._started = False
        self._starting = asyncio.Lock()
        self._failure = ""

    def authentic(self, header: str | None) -> bool:
        return header is not None and hmac.compare_digest(header.encode(), self._secret)

    def parse(self, data: dict[str, Any]) -> Update | None:
        """The update, or None when the body is not one."""
        try:
            update = Update.de_json(data, self.application.bot)
        except Exception:  # the library raises all sorts (AttributeError too) on odd shapes
            return None
        # The library takes any JSON as an id, then fails deep inside on one it cannot hash.
        ids = (update.effective_chat, update.effective_user) if update else ()
        return update if all(p is None or type(p.id) is int for p in ids) else None

    async def feed(self, update: Update) -> None:
        """Handle one update, unless this ``update_id`` was handled (or is being handled) already.
        While the application cannot start, 503: the update is not claimed, so Telegram's resend
        is handled once it can."""
        if not await self.ensure_started():
            raise HTTPException(status_code=503)
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

    @property
    def started(self) -> bool:
        """False while the Bot API could not be reached to start the application."""
        return self._started

    async def ensure_started(self) -> bool:
        """Start the application (``getMe``, the rate limiter) unless it is; whether it now is."""
        async with self._starting:
            if self._started:
                return True
            try:
                await asyncio.wait_for(self.application.initialize(), START_TIMEOUT_SECONDS)
                await self.application.start()
            except Exception as exc:  # unreachable, refused, timed out, or Telegram said no
                self._failure = type(exc).__name__
                return False
            self._started = True
            if self._failure:
                LOG.info(text("staff/channels", "startup.recovered", channel=NAME))
            return True

    async def _keep_trying(self) -> None:
        for pause in itertools.chain(RETRY_PAUSES, itertools.repeat(RETRY_PAUSES[-1])):
            LOG.warning(text("staff/channels", "startup.degraded", channel=NAME, error=self._failure, seconds=pause))
            await asyncio.sleep(pause)
            if await self.ensure_started():
                return

    @asynccontextmanager
    async def lifespan(self, _app: FastAPI) -> AsyncIterator[None]:
        """Start with the server or, failing that, keep trying in the background; stop it after."""
        started = await self.ensure_started()
        retrying = asyncio.create_task(asyncio.sleep(0) if started else self._keep_trying())
        try:
            yield
        finally:
            retrying.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await retrying
            if self._started:
                await self.application.stop()
                await self.application.shutdown()
                self._started = False


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
        update = webhook.parse(data) if isinstance(data, dict) and isinstance(data.get("update_id"), int) else None
        if update is None:
            raise HTTPException(status_code=400)
        await webhook.feed(update)
        return Response(status_code=200)

    return routes
