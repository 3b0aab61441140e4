"""Curators' pages: find a listing, edit or add it as ORUK 3.0 JSON, archive it, and CSV in and out.

Plain server-rendered forms, each carrying the session's CSRF token. Editing the JSON record
keeps every ORUK field editable without a form per field; the page lists every problem, in the
same words as an import, when a record cannot be saved. The CSV upload is all or nothing.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from assistant.curation.csv_template import read_csv, write_csv
from assistant.curation.listings import archive_listing, find_listings, get_listing, save_listing, write
from assistant.directory.exporter import export_services
from assistant.directory.inference import inferred_links, mark_inferred, review_inferred
from assistant.staff.auth import CheckedForm, require_role, staff_page, verify_csrf, words

LIMIT = 50
UPLOAD_PATH = "/staff/listings/import-csv"
# The whole directory's CSV export must come back through the page: a few thousand listings.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_LIMITS = {UPLOAD_PATH: MAX_UPLOAD_BYTES}  # for the app's body-size limit
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


@router.post(UPLOAD_PATH, response_class=HTMLResponse)
async def import_csv(request: Request) -> Response:
    """A multipart upload (one file and the CSRF field), parsed by python-multipart through Starlette.

    Its body limit is :data:`MAX_UPLOAD_BYTES` (``UPLOAD_LIMITS``), not the app's 64 KB."""
    async with request.form(max_files=1, max_fields=4, max_part_size=MAX_UPLOAD_BYTES) as form:
        token = form.get("csrf")
        verify_csrf(request, token if isinstance(token, str) else "")
        upload = form.get("file")
        content = await upload.read() if isinstance(upload, UploadFile) else b""
    found = await run_in_threadpool(find_listings, request.app.state.engine, "", LIMIT)
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
    inferred = inferred_links(request.app.state.engine, service_id)
    context = {"service_id": service_id, "body": body, "problems": [], "name": listing["name"], "inferred": inferred}
    return _page(request, "edit.html", **context)


@router.post("/staff/listings/{service_id}", response_class=HTMLResponse)
def save_listing_page(request: Request, service_id: str, form: CheckedForm) -> Response:
    return _save(request, (form.get("record") or [""])[0], service_id)


@router.post("/staff/listings/{service_id}/archive", response_class=HTMLResponse)
def archive(request: Request, service_id: str, _form: CheckedForm) -> Response:
    if not archive_listing(request.app.state.engine, service_id):
        return _page(request, "edit.html", 404, service_id=None, body="{}", problems=[], name="")
    return RedirectResponse(f"/staff/listings/{service_id}?archived=1", status_code=303)


@router.post("/staff/listings/{service_id}/terms/{term_id}/{decision}", response_class=HTMLResponse)
def review_term(request: Request, service_id: str, term_id: str, decision: str, _form: CheckedForm) -> Response:
    """Confirm (``keep``) or ``remove`` a term Dayfinder inferred for this listing."""
    if decision not in ("keep", "remove") or not review_inferred(
        request.app.state.engine, service_id, term_id, keep=decision == "keep"
    ):
        return _page(request, "edit.html", 404, service_id=None, body="{}", problems=[], name="")
    return RedirectResponse(f"/staff/listings/{service_id}?reviewed={decision}", status_code=303)


def _save(request: Request, body: str, service_id: str | None) -> Response:
    try:
        record = json.loads(body)
    except json.JSONDecodeError as exc:
        problems = [("$", t("edit.not_json", detail=exc))]
        return _page(request, "edit.html", 422, service_id=service_id, body=body, problems=problems, name="")
    inferred = [term.id for term in inferred_links(request.app.state.engine, service_id)] if service_id else []
    saved = save_listing(request.app.state.engine, record, service_id)
    if saved.problems:
        context = {"service_id": service_id, "body": body, "problems": saved.problems, "name": ""}
        return _page(request, "edit.html", saved.status, **context)
    listing = saved.listing or {}
    mark_inferred(request.app.state.engine, str(listing.get("id", "")), inferred)  # still unconfirmed
    return RedirectResponse(f"/staff/listings/{listing.get('id', '')}?saved=1", status_code=303)
