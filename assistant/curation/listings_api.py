"""The curators' JSON API: add, read, edit and archive listings as ORUK 3.0 services.

Signed-in curators and admins only (the staff session cookie); changes also need the session's
CSRF token in an ``X-CSRF-Token`` header, as the cookie alone would let another site post here.
A record that fails the import checks is refused with 422 and every problem listed.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from assistant.curation.listings import Saved, archive_listing, get_listing, save_listing
from assistant.staff.auth import require_role, verify_csrf

PREFIX = "/staff/api/listings"
router = APIRouter(prefix=PREFIX, tags=["Curation"], dependencies=[Depends(require_role("curator", "admin"))])


def _not_found(service_id: str) -> JSONResponse:
    return JSONResponse({"error": {"code": "not_found", "id": service_id}}, status_code=404)


async def _body(request: Request) -> object:
    verify_csrf(request, request.headers.get("x-csrf-token"))
    try:
        return json.loads(await request.body())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return exc


def _answer(saved: Saved) -> JSONResponse:
    if saved.problems:
        problems = [{"path": path, "reason": reason} for path, reason in saved.problems]
        return JSONResponse({"error": {"code": "invalid", "problems": problems}}, status_code=saved.status)
    return JSONResponse(saved.listing, status_code=saved.status)


def _not_json(exc: Exception) -> JSONResponse:
    reason = f"{exc}"
    return JSONResponse({"error": {"code": "invalid", "problems": [{"path": "$", "reason": reason}]}}, 422)


@router.get("/{service_id}")
def read_listing(request: Request, service_id: str) -> Any:
    """One listing as a full ORUK 3.0 service, whatever its status."""
    listing = get_listing(request.app.state.engine, service_id)
    return listing if listing is not None else _not_found(service_id)


@router.post("", status_code=201, responses={409: {}, 422: {}})
async def add_listing(request: Request) -> JSONResponse:
    """Add a listing; 409 when its id is taken, 422 with every problem when it fails the checks."""
    body = await _body(request)
    if isinstance(body, Exception):
        return _not_json(body)
    return _answer(await run_in_threadpool(save_listing, request.app.state.engine, body))


@router.put("/{service_id}", responses={404: {}, 422: {}})
async def edit_listing(request: Request, service_id: str) -> JSONResponse:
    """Replace a listing with the record given (its id must stay the same)."""
    body = await _body(request)
    if isinstance(body, Exception):
        return _not_json(body)
    return _answer(await run_in_threadpool(save_listing, request.app.state.engine, body, service_id))


@router.post("/{service_id}/archive", responses={404: {}})
async def archive(request: Request, service_id: str) -> JSONResponse:
    """Set the listing's status to inactive: it stays on file but is never shown to the public."""
    verify_csrf(request, request.headers.get("x-csrf-token"))
    if not await run_in_threadpool(archive_listing, request.app.state.engine, service_id):
        return _not_found(service_id)
    return JSONResponse({"id": service_id, "status": "inactive"})
