"""``/staff/gaps``: the commissioners' gaps report as a page, its CSV downloads and its SVG charts.

Only commissioners and admins may see it. The page reads the same events and supply as ``dayfinder
report gaps`` and publishes through ``reports.export``, so small numbers are hidden exactly as in
the CSV files. Charts are same-origin ``<img>`` SVGs (no script, nothing inline for the CSP to
refuse), each followed by a table of the same figures for people who cannot see the chart.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine

from assistant.content import text
from assistant.outreach.report import load_answers
from assistant.reports.charts import CHARTS, TITLES, render_chart
from assistant.reports.export import SMALL, TABLES, hidden_rows, table, to_csv
from assistant.reports.gaps import (
    FEW_LISTINGS,
    PARTS_OF_DAY,
    SUPPRESS_BELOW,
    WEEK_PARTS,
    GapsReport,
    build_report,
    is_small,
)
from assistant.reports.sources import load_events, load_supply, term_name
from assistant.staff.auth import require_role, staff_page
from assistant.web.pages import HEADERS

DEFAULT_DAYS = 90  # the period shown when none is asked for: about a quarter, ending today
PAGE_ROWS = 50  # the demand table on the page is cut here; the CSV has every published row
SVG_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}

router = APIRouter(
    tags=["Staff"], include_in_schema=False, dependencies=[Depends(require_role("commissioner", "admin"))]
)
FromQ = Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD (90 days before `to`).")]
ToQ = Annotated[str | None, Query(alias="to", description="Last day, included, YYYY-MM-DD (today).")]


def t(key: str, /, **params: object) -> str:
    return text("staff/reports", key, **params)


def period(start: str | None, end: str | None, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The period asked for (both days included), the default quarter, or None when it makes no sense."""
    try:
        last = dt.date.fromisoformat(end) if end else today
        first = dt.date.fromisoformat(start) if start else last - dt.timedelta(days=DEFAULT_DAYS - 1)
    except ValueError:
        return None
    return (first, last) if first <= last else None


def report_for(request: Request, start: str | None, end: str | None) -> GapsReport | None:
    span = period(start, end, dt.date.today())
    if span is None:
        return None
    engine: Engine = request.app.state.engine
    return build_report(load_events(engine, *span), load_supply(engine), *span, load_answers(engine, *span))


def _context(report: GapsReport) -> dict[str, Any]:
    """What the template shows, every count already published (hidden or ``fewer than 5``)."""

    small = t("label.small", threshold=SUPPRESS_BELOW)

    def count(n: int) -> str:
        return small if is_small(n) else str(n)

    def words(row: tuple[str, ...]) -> tuple[str, ...]:
        """A published CSV row in words: its id dropped, no area as "not said", ``<5`` as "fewer than 5"."""
        need, area, *counts = row[1:]
        return (need, area or t("label.not_said"), *(small if c == SMALL else c for c in counts))

    s = report.summary
    summary = [(t(f"page.{k}"), count(n)) for k, n in (("searches", s.searches), ("no_results", s.no_results))]
    summary += [(t("page.relaxed"), count(s.relaxed)), (t("page.unmet"), count(s.unmet))]
    time_rows = [
        (t(f"week.{week}"), *(count(report.time_of_week.get((week, part), 0)) for part in PARTS_OF_DAY))
        for week in WEEK_PARTS
    ]
    demand = [
        (need, area or t("label.not_said"), t(f"week.{week}"), t(f"part.{part}"), searches)
        for _, need, area, week, part, searches in table(report, "demand")[:PAGE_ROWS]
    ]
    by_need = [r for r in report.by_need if not is_small(r.searches)]
    return {
        "summary": summary,
        "parts": [t(f"part.{p}") for p in PARTS_OF_DAY],
        "time_rows": time_rows,
        "by_need": [
            (term_name(r.need), count(r.searches), count(r.no_results), count(r.relaxed), count(r.unmet))
            for r in by_need
        ],
        "unmet": [words(row) for row in table(report, "unmet")],
        "missing": [words(row) for row in table(report, "missing")],
        "demand": demand,
        "take_up": [
            (t(f"page.by.{by}"), value or t("label.not_said"), *(small if c == SMALL else c for c in counts))
            for by, _, value, *counts in table(report, "take_up")
        ],
        "hidden": hidden_rows(report),
    }


@router.get("/staff/gaps", response_class=HTMLResponse)
def gaps_page(
    request: Request,
    start: FromQ = None,
    end: ToQ = None,
) -> HTMLResponse:
    """The gaps report for a period (the last 90 days unless asked), with charts, tables and downloads."""
    report = report_for(request, start, end)
    context: dict[str, Any] = {"report": report, "start": start, "end": end, "threshold": SUPPRESS_BELOW}
    context |= {"few": FEW_LISTINGS, "tables": TABLES, "rows": PAGE_ROWS}
    context |= {"chart_titles": {name: t(TITLES[name]) for name in CHARTS}}
    if report is not None:
        first, last = report.summary.start.isoformat(), report.summary.end.isoformat()
        context |= _context(report) | {"start": first, "end": last, "query": urlencode({"from": first, "to": last})}
    status = 200 if report is not None else 400
    return staff_page(request, "staff_gaps.html", status, content="staff/reports", **context)


def _report_or_400(request: Request, start: str | None, end: str | None) -> GapsReport:
    report = report_for(request, start, end)
    if report is None:
        raise HTTPException(400, t("page.bad_period"))
    return report


@router.get("/staff/gaps/{name}.csv", response_class=Response, responses={400: {}, 404: {}})
def gaps_csv(
    request: Request,
    name: str,
    start: FromQ = None,
    end: ToQ = None,
) -> Response:
    """One table of the report as CSV: the same rows as ``dayfinder report gaps`` writes."""
    if name not in TABLES:
        raise HTTPException(404)
    report = _report_or_400(request, start, end)
    s = report.summary
    filename = f"dayfinder-gaps-{name}-{s.start.isoformat()}-{s.end.isoformat()}.csv"
    headers = HEADERS | {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(to_csv(report, name), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/staff/gaps/charts/{name}.svg", response_class=Response, responses={400: {}, 404: {}})
def gaps_chart(
    request: Request,
    name: str,
    start: FromQ = None,
    end: ToQ = None,
) -> Response:
    """One chart as a same-origin SVG image."""
    if name not in CHARTS:
        raise HTTPException(404)
    report = _report_or_400(request, start, end)
    return Response(render_chart(report, name), media_type="image/svg+xml", headers=SVG_HEADERS)
