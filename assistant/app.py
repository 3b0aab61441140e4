"""The FastAPI application factory: wires settings, the database, the conversation runtime and routes."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from anyio import to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from assistant import __version__
from assistant.channels.wiring import channel_health, install_channels
from assistant.conversation.runtime import Conversations
from assistant.curation import listings_api, listings_pages, problems_pages
from assistant.directory.db import make_engine
from assistant.directory.stats import service_count
from assistant.matching.matcher import Matcher
from assistant.settings import Settings, get_settings
from assistant.staff import auth as staff_auth
from assistant.staff import signposting
from assistant.web import access_log, chat_api, errors, gaps_page, oruk_api, pages
from assistant.web.limits import BodySizeLimit
from assistant.web.oruk_cors import OpenToAllOrigins
from assistant.web.ratelimit import RateLimiter, limit_storage
from assistant.web.unsafe_input import RefuseUnsafeInput


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def create_app(settings: Settings | None = None) -> FastAPI:
    # Refuse the public development secrets (or short ones) unless DAYFINDER_ENV=development.
    settings = (settings or get_settings()).require_secrets()
    engine = make_engine(
        settings.database_url, pool_size=settings.worker_threads, pool_timeout=settings.database_pool_timeout
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # As many threads for blocking work as pooled connections (see Settings.worker_threads).
        to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        await to_thread.run_sync(app.state.conversations.warm)  # before the first turns, not in each
        # What start-up loaded (the gazetteer, the lexicon, the vocabulary: millions of objects) lives
        # as long as the process: moved out of the collector's sight, a full collection no longer
        # walks it, which was a search's slowest 80-120 ms at 100,000 listings.
        gc.freeze()
        yield
        engine.dispose()

    app = FastAPI(title="Dayfinder", version=__version__, lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.conversations = Conversations(engine, Matcher(engine), settings)
    app.state.limit_storage = limit_storage(settings.redis_url)
    app.state.chat_limits = (
        RateLimiter(settings.ip_rate_per_minute, "chat-ip", app.state.limit_storage),
        RateLimiter(settings.chat_rate_per_minute, "chat-session", app.state.limit_storage),
    )
    app.add_middleware(RefuseUnsafeInput)  # innermost: its 400s still get CORS headers
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
    app.add_middleware(BodySizeLimit, paths=listings_pages.UPLOAD_LIMITS)
    app.add_middleware(OpenToAllOrigins)  # outermost: every /oruk response, errors too, for any origin
    errors.install(app)
    app.include_router(chat_api.router)
    app.include_router(oruk_api.router)
    install_channels(app, settings)
    access_log.install()
    app.include_router(pages.router)
    staff_auth.install(app)
    app.include_router(staff_auth.router)
    app.include_router(signposting.router)
    app.include_router(gaps_page.router)
    app.include_router(listings_api.router)
    app.include_router(listings_pages.router)
    app.include_router(problems_pages.router)

    @app.get("/readyz", responses={503: {}})
    def readyz(engine: EngineDep) -> JSONResponse:
        """Ready to serve: the database answers and the directory has listings (503 otherwise);
        ``channels`` says which channels are on and which are degraded (their platform unreachable)."""
        try:
            listings = service_count(engine)
        except DBAPIError:
            return errors.friendly(503, "try_again")
        if listings == 0:
            return errors.friendly(503, "try_again")
        # A channel whose platform is unreachable is named, but the rest still serves: 200.
        channels = channel_health(app)
        status = "degraded" if "degraded" in channels.values() else "ready"
        return JSONResponse({"status": status, "listings": listings, "channels": channels})

    @app.get("/healthz")
    def healthz(engine: EngineDep) -> dict[str, object]:
        """The process is up (whatever the database says); the listing count when it can be read."""
        try:
            listings: int | None = service_count(engine)
        except DBAPIError:
            listings = None
        return {"status": "ok", "version": __version__, "listings": listings}

    return app
