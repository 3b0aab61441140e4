"""Web chat session ids: issued and signed by the server, so no one can be pushed into a
conversation someone else chose.

A session id is a random part and an HMAC of it (keyed with ``IDENTITY_SECRET``). The widget and
the no-JavaScript chat send it back each turn; an id that is not one of ours (made up, edited, or
signed with another key) is ignored and the person starts a new conversation instead. The form
chat also refuses cross-site POSTs, so another site cannot submit turns into a session it holds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request

from assistant.settings import Settings

PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"  # the shape of an id; only the signature says it is ours
_LABEL = b"dayfinder web chat session\x00"
_SIGNATURE_CHARS = 22  # 128 bits


def _signature(settings: Settings, random_part: str) -> str:
    key = settings.identity_secret.get_secret_value().encode()
    digest = hmac.new(key, _LABEL + random_part.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:_SIGNATURE_CHARS]


def issue(settings: Settings) -> str:
    """A new session id for a new conversation."""
    return signed(settings, secrets.token_urlsafe(18))


def signed(settings: Settings, random_part: str) -> str:
    """The session id this server issues for ``random_part``."""
    return f"{random_part}.{_signature(settings, random_part)}"


def verified(settings: Settings, session: str | None) -> str | None:
    """``session`` when this server issued it; None for anything else."""
    if not session or session.count(".") != 1:
        return None
    random_part, signature = session.split(".")
    if not random_part or not hmac.compare_digest(signature.encode(), _signature(settings, random_part).encode()):
        return None
    return session


def same_site(request: Request) -> bool:
    """Whether a browser sent this request from one of this site's own pages. Browsers say so in
    ``Sec-Fetch-Site``; older ones send ``Origin`` on every POST, which must be this host (or
    ``PUBLIC_BASE_URL``). A request with neither did not come from a browser form on another site."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    netloc = urlsplit(origin).netloc
    settings: Settings = request.app.state.settings
    ours = {request.headers.get("host", "")}
    if settings.public_base_url:
        ours.add(urlsplit(settings.public_base_url).netloc)
    return bool(netloc) and netloc in ours
