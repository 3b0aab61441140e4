"""Refuse a request carrying a NUL or a lone surrogate, on every route, before any handler runs.

PostgreSQL cannot store either (a NUL in a text value, or a character UTF-8 cannot encode), so
one in a path (``/listing/%00``), a query (``?text=%00``), a form (a problem report, staff
sign-in) or a JSON body (``"\\u0000"``, ``"\\ud800"``) used to reach the database and come back as
a 500. Such a request gets a friendly 400 instead. Bodies are read whole, which is safe because
:class:`assistant.web.limits.BodySizeLimit` runs first and bounds them.

The Twilio and Telegram webhooks are the exception: only Twilio (signed) and Telegram (with the
webhook secret) can call them, and what they carry is a person's message, which deserves an
answer whatever characters it holds. Their channels strip those characters instead
(``assistant.boundary``), and a 400 would only make the platform send the message again.
"""

from __future__ import annotations

import json
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.boundary import unsafe
from assistant.channels.sms import PATH as SMS_WEBHOOK
from assistant.channels.telegram_webhook import PATH as TELEGRAM_WEBHOOK
from assistant.channels.voice import PATH as VOICE_WEBHOOK
from assistant.channels.whatsapp import PATH as WHATSAPP_WEBHOOK
from assistant.web.errors import friendly

_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})
STRIPPED_BY_THE_CHANNEL = frozenset({SMS_WEBHOOK, TELEGRAM_WEBHOOK, WHATSAPP_WEBHOOK, VOICE_WEBHOOK})


class RefuseUnsafeInput:
    """A pure ASGI middleware: 400 for a NUL or lone surrogate anywhere a handler could read text."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in STRIPPED_BY_THE_CHANNEL:
            await self.app(scope, receive, send)
            return
        if unsafe(scope.get("path", "")) or _nul_in_form(scope.get("query_string", b"")):
            await friendly(400, "bad_request")(scope, receive, send)
            return
        if scope.get("method") not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        body, more = await _whole_body(receive)
        content_type = dict(scope.get("headers") or []).get(b"content-type", b"").split(b";")[0].strip().lower()
        if _unsafe_body(body, content_type.decode("latin-1")):
            await friendly(400, "bad_request")(scope, receive, send)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive() if more else {"type": "http.disconnect"}

        await self.app(scope, replay, send)


async def _whole_body(receive: Receive) -> tuple[bytes, bool]:
    """The request body, and whether the connection is still there to be listened to afterwards."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks), False
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), True


def _unsafe_body(body: bytes, content_type: str) -> bool:
    if b"\x00" in body:  # no form, JSON document or CSV file has a reason to hold one
        return True
    if content_type == "application/x-www-form-urlencoded":
        return _nul_in_form(body)
    if content_type == "application/json" or content_type.endswith("+json"):
        return _unsafe_json(body)
    return False


def _nul_in_form(encoded: bytes) -> bool:
    """A ``%00`` in a query string or URL-encoded form (lone surrogates cannot be percent-encoded
    in UTF-8: they decode to U+FFFD)."""
    return b"%00" in encoded and b"\x00" in unquote_to_bytes(encoded)


def _unsafe_json(body: bytes) -> bool:
    """Any string in the document, key or value, holding a NUL or a lone surrogate; a body that is
    not JSON is left for the route to refuse in its own words."""
    if b"\\u" not in body:
        return False
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return False
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if unsafe(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False
