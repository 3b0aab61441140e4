"""Routes for problem reports: the public form on listing pages, and the curators' queue.

The public form needs no account and asks for no personal data; it is rate-limited per address
and length-limited, because anyone can post it. The queue at ``/staff/problems`` is for curators
and admins, and closing a report is a CSRF-checked form.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from assistant.content import text
from assistant.curation.problems_queue import MAX_MESSAGE, close_report, file_report, open_reports
from assistant.directory.db import session_scope
from assistant.staff.auth import CheckedForm, require_role, staff_page, words
from assistant.staff.users import StaffUser
from assistant.web.pages import MODES, find_card, page, templates
from assistant.web.ratelimit import RateLimiter

REPORTS_PER_MINUTE = 5
FORM_SOURCES = ("listing", "chat", "widget")

router = APIRouter(tags=["Pages"], include_in_schema=False)
templates.env.globals["report_t"] = lambda key, mode="plain", **params: text("problems", key, mode, **params)
templates.env.globals["report_limit"] = MAX_MESSAGE


def _limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter | None = getattr(request.app.state, "problem_limit", None)
    if limiter is None:
        limiter = RateLimiter(REPORTS_PER_MINUTE, "problem-report", request.app.state.limit_storage)
        request.app.state.problem_limit = limiter
    return limiter


@router.post("/listing/{service_id}/report", response_class=HTMLResponse)
async def report_problem(request: Request, service_id: str) -> HTMLResponse:
    """File a report from the listing page's form (reached from the listing, /chat or the widget)."""
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    mode = form["mode"] if form.get("mode") in MODES else "plain"
    source = form["from"] if form.get("from") in FORM_SOURCES else "listing"
    engine = request.app.state.engine
    card = await run_in_threadpool(find_card, engine, service_id) if len(service_id) <= 128 else None
    if card is None:
        return page(request, "not_found.html", mode, 404)
    message = form.get("message", "").strip()
    context: dict[str, Any] = {"card": card, "source": source, "message": message[: MAX_MESSAGE * 2]}
    client = request.client.host if request.client else "unknown"
    if not message:
        return page(request, "curation/report.html", mode, 422, error="empty", **context)
    if len(message) > MAX_MESSAGE:
        return page(request, "curation/report.html", mode, 422, error="too_long", **context)
    if not await run_in_threadpool(_limiter(request).allow, f"ip:{client}"):
        return page(request, "curation/report.html", mode, 429, error="too_many", **context)

    def save() -> None:
        with session_scope(engine) as session:
            file_report(session, service_id, message, source, dt.datetime.now(dt.UTC))

    await run_in_threadpool(save)
    return page(request, "curation/report.html", mode, done=True, **context)


staff = APIRouter(tags=["Staff"], include_in_schema=False)
Curator = Depends(require_role("curator", "admin"))


@staff.get("/staff/problems", response_class=HTMLResponse)
def problems_page(request: Request, closed: int = 0, _user: StaffUser = Curator) -> HTMLResponse:
    """Open reports, oldest first, each with a button to close it."""
    reports = open_reports(request.app.state.engine)
    return staff_page(request, "curation/problems.html", content="staff/curation", reports=reports, closed=bool(closed))


@staff.post("/staff/problems/{report_id}/close", response_class=HTMLResponse)
def close(request: Request, report_id: int, _form: CheckedForm, user: StaffUser = Curator) -> Response:
    if not close_report(request.app.state.engine, report_id, user.id, dt.datetime.now(dt.UTC)):
        t = words("staff/curation")
        return staff_page(request, "staff/error.html", 404, message=t("problems.not_found"), title=t("problems.title"))
    return RedirectResponse("/staff/problems?closed=1", status_code=303)


router.include_router(staff)
