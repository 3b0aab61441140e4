"""``Access-Control-Allow-Origin: *`` on every ``/oruk`` response, as ORUK compliance asks.

The open directory API is public and read-only, so any web page may read it; the rest of the
app keeps its own CORS origins (``Settings.cors_origins``). A pure ASGI middleware, placed
outside Starlette's CORS middleware so errors and refusals (a 404, a 422, the 400 for a NUL) carry
the header too, and a browser's preflight for a GET is answered here.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PREFIX = "/oruk"


def is_oruk(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


class OpenToAllOrigins:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_oruk(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        if scope.get("method") == "OPTIONS":
            preflight = Response(
                status_code=204,
                headers={
                    "Access-Control-Allow-Origin": "*",
                    "Access-Control-Allow-Methods": "GET, OPTIONS",
                    "Access-Control-Allow-Headers": "Accept, Content-Type",
                    "Access-Control-Max-Age": "600",
                },
            )
            await preflight(scope, receive, send)
            return

        async def send_open(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Access-Control-Allow-Origin"] = "*"
                if "access-control-allow-credentials" in headers:
                    del headers["access-control-allow-credentials"]
            await send(message)

        await self.app(scope, receive, send_open)
