"""Refuse oversized request bodies before anything reads them."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.web.errors import friendly

# Room for a full 4,096-character Telegram message in any script, JSON-escaped (up to 12 bytes a
# character), and nothing much bigger.
MAX_BODY_BYTES = 64 * 1024


class BodySizeLimit:
    """A pure ASGI middleware: a declared or streamed body over the limit gets a friendly 413."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES, paths: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.paths = dict(paths or {})  # a larger (or smaller) limit for these exact paths, e.g. uploads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.paths.get(scope.get("path", ""), self.limit)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await friendly(413, "too_big")(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise OversizedBody
            return message

        try:
            await self.app(scope, counted, send)
        except OversizedBody:
            await friendly(413, "too_big")(scope, receive, send)


class OversizedBody(Exception):
    """A streamed body went past the limit."""
