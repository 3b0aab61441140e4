"""The FastAPI application factory: wires settings, the database and the routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from sqlalchemy import Engine

from assistant import __version__
from assistant.directory.db import make_engine
from assistant.directory.stats import service_count
from assistant.settings import Settings, get_settings


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="Dayfinder", version=__version__, lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine

    @app.get("/healthz")
    def healthz(engine: EngineDep) -> dict[str, object]:
        """The process is up; says how many listings the directory holds."""
        return {"status": "ok", "version": __version__, "listings": service_count(engine)}

    return app
