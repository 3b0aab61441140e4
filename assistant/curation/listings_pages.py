"""Curators' pages: find a listing, edit or add it as ORUK 3.0 JSON, archive it, and CSV in and out.

Plain server-rendered forms, each carrying the session's CSRF token. Editing the JSON record
keeps every ORUK field editable without a form per field; the page lists every problem, in the
same words as an import, when a record cannot be saved. The CSV upload is all or nothing.
"""

from __future__ import annotations

import json
from email import message_from_bytes
from email.message import Message

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from assistant.curation.csv_template import read_csv, write_csv
from assistant.curation.listings import archive_listing, find_listings, get_listing, save_listing, write
from assistant.directory.exporter import export_services
from assistant.staff.auth import CheckedForm, require_role, staff_page, verify_csrf, words

LIMIT = 50
router = APIRouter(tags=["Staff"], include_in_schema=False, dependencies=[Depends(require_role("curator", "admin"))])
t = words("staff/curation")


def _page(request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
    return staff_page(request, f"curation/{template}", status, content="staff/curation", **context)


@router.get("/staff/listings", response_class=HTMLResponse)
def listings(request: Request, q: str = "", done: str = "") -> HTMLResponse:
    found = find_listings(request.app.state.engine, q[:200], LIMIT)
    return _page(request, "listings.html", q=q, found=found, limit=LIMIT, done=done)


@router.get("/staff/listings/new", response_class=HTMLResponse)
def new_listing(request: Request) -> HTMLResponse:
    return _page(request, "edit.html", service_id=None, body="{}", problems=[], name="")


@router.post("/staff/listings/new", response_class=HTMLResponse)
def add_listing(request: Request, form: CheckedForm) -> Response:
    return _save(request, (form.get("record") or [""])[0], None)


@router.get("/staff/listings/export.csv")
def export_csv(request: Request) -> Response:
    body, _rows = write_csv(export_services(request.app.state.engine))
    headers = {"Content-Disposition": 'attachment; filename="dayfinder-listings.csv"', "Cache-Control": "no-store"}
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)


@router.post("/staff/listings/import-csv", response_class=HTMLResponse)
async def import_csv(request: Request) -> Response:
    """A multipart upload (one file and the CSRF field), parsed with the standard library."""
    raw = await request.body()
    parts = _multipart(request.headers.get("content-type", ""), raw)
    verify_csrf(request, parts.get("csrf", b"").decode("utf-8", "replace"))
    content = parts.get("file", b"")
    found = find_listings(request.app.state.engine, "", LIMIT)
    if not content.strip():
        return _page(request, "listings.html", 422, q="", found=found, limit=LIMIT, csv_error=t("csv.no_file"))
    result = read_csv(content.decode("utf-8", "replace"))
    if result.problems:
        return _page(request, "listings.html", 422, q="", found=found, limit=LIMIT, csv_problems=result.problems)
    written = await run_in_threadpool(write, request.app.state.engine, result.bundles)
    done = t(
        "csv.imported",
        services=len(result.bundles),
        rows=result.rows,
        created=written.created,
        updated=written.updated,
        unchanged=written.unchanged,
    )
    return _page(request, "listings.html", q="", found=found, limit=LIMIT, done=done)


@router.get("/staff/listings/{service_id}", response_class=HTMLResponse)
def edit_listing(request: Request, service_id: str) -> HTMLResponse:
    listing = get_listing(request.app.state.engine, service_id)
    if listing is None:
        return _page(request, "edit.html", 404, service_id=None, body="{}", problems=[], name="")
    body = json.dumps(listing, indent=2, ensure_ascii=False)
    return _page(request, "edit.html", service_id=service_id, body=body, problems=[], name=listing["name"])


@router.post("/staff/listings/{service_id}", response_class=HTMLResponse)
def save_listing_page(request: Request, service_id: str, form: CheckedForm) -> Response:
    return _save(request, (form.get("record") or [""])[0], service_id)


@router.post("/staff/listings/{service_id}/archive", response_class=HTMLResponse)
def archive(request: Request, service_id: str, _form: CheckedForm) -> Response:
    if not archive_listing(request.app.state.engine, service_id):
        return _page(request, "edit.html", 404, service_id=None, body="{}", problems=[], name="")
    return RedirectResponse(f"/staff/listings/{service_id}?archived=1", status_code=303)


def _save(request: Request, body: str, service_id: str | None) -> Response:
    try:
        record = json.loads(body)
    except json.JSONDecodeError as exc:
        problems = [("$", t("edit.not_json", detail=exc))]
        return _page(request, "edit.html", 422, service_id=service_id, body=body, problems=problems, name="")
    saved = save_listing(request.app.state.engine, record, service_id)
    if saved.problems:
        context = {"service_id": service_id, "body": body, "problems": saved.problems, "name": ""}
        return _page(request, "edit.html", saved.status, **context)
    listing = saved.listing or {}
    return RedirectResponse(f"/staff/listings/{listing.get('id', '')}?saved=1", status_code=303)


def _multipart(content_type: str, body: bytes) -> dict[str, bytes]:
    """Form fields by name from a ``multipart/form-data`` body (no python-multipart needed)."""
    if not content_type.startswith("multipart/form-data"):
        return {}
    message: Message = message_from_bytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields: dict[str, bytes] = {}
    for part in message.walk():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
    return fields
