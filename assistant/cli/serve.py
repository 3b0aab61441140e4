"""``dayfinder serve``: migrate, then run the web app under uvicorn.

Behind a proxy, uvicorn believes ``X-Forwarded-For`` and ``X-Forwarded-Proto`` only from the
addresses in ``FORWARDED_ALLOW_IPS``: per-address limits then count the real client, and a
client talking to the server directly cannot choose the address it is counted as.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from assistant.cli.common import database, say, secure_settings
from assistant.settings import Settings


def server_options(settings: Settings, host: str | None = None, port: int | None = None) -> dict[str, Any]:
    """The uvicorn settings ``serve`` runs with (also what the tests run a server with)."""
    return {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_level": settings.log_level,
        "proxy_headers": True,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
    }


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (use PostgreSQL for more than one).")] = 1,
) -> None:
    """Run the web server (migrating the database first)."""
    import uvicorn

    settings = secure_settings()
    with database():
        pass
    options = server_options(settings, host, port)
    say("cli", "serve.starting", host=options["host"], port=options["port"])
    say("cli", "serve.chat_hint")
    uvicorn.run("assistant.app:create_app", factory=True, workers=workers, **options)
