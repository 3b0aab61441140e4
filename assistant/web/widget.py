"""The embeddable widget's script, its words, and the pages' stylesheet.

The script is plain JavaScript served as a file, so councils add one ``<script>`` tag and nothing
is built. Its words come from ``content/widget.toml`` through ``/widget/strings`` so that every
sentence a person reads is reviewed in one place and has an easy-read form, like the rest.
Files are read once and served with an ETag so browsers revalidate cheaply after a deploy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from assistant.content import keys, text

STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSET_SECONDS = 3600  # an hour: a fixed widget reaches every embedding page within the hour
STRINGS_SECONDS = 300
DISTANCE_KEYS = ("distance", "distance_one", "distance_near")  # the cards' own wording of miles
ASSETS = {"widget.js": "text/javascript; charset=utf-8", "pages.css": "text/css; charset=utf-8"}

router = APIRouter(tags=["Widget"])


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    media_type: str
    etag: str


@cache
def asset(name: str) -> Asset:
    body = (STATIC_DIR / name).read_bytes()
    return Asset(body, ASSETS[name], '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def serve(request: Request, name: str) -> Response:
    """The file with caching headers, or 304 when the browser already has this version."""
    found = asset(name)
    headers = {
        "Cache-Control": f"public, max-age={ASSET_SECONDS}",
        "ETag": found.etag,
        "X-Content-Type-Options": "nosniff",
    }
    if found.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(found.body, media_type=found.media_type, headers=headers)


@router.get("/widget.js", response_class=Response, include_in_schema=False)
def widget_js(request: Request) -> Response:
    """The chat widget: ``<script src="https://host/widget.js" defer></script>`` on any page."""
    return serve(request, "widget.js")


@router.get("/static/pages.css", response_class=Response, include_in_schema=False)
def pages_css(request: Request) -> Response:
    return serve(request, "pages.css")


@cache
def widget_strings(mode: str) -> dict[str, str]:
    strings = {key: text("widget", key, mode) for key in keys("widget")}
    strings.update({key: text("cards", key, mode) for key in DISTANCE_KEYS})
    return strings


@router.get("/widget/strings")
def strings(
    mode: Annotated[Literal["plain", "easy"], Query(description="Usual wording or easy read.")] = "plain",
) -> Response:
    """Every word the widget shows around the conversation, in the mode asked for."""
    return JSONResponse(
        {"mode": mode, "strings": widget_strings(mode)},
        headers={"Cache-Control": f"public, max-age={STRINGS_SECONDS}"},
    )
