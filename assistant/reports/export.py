"""The gaps report as commissioners receive it: suppressed tables, CSV files and the report folder.

This is where small numbers are hidden (``SUPPRESS_BELOW`` in ``reports.gaps``): a row with fewer
searches than the threshold is left out, and any other count under it is written as ``<5``. The
CLI folder and the page's CSV downloads both go through ``table()``, so they always agree.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from assistant.content import text
from assistant.csv_cells import to_cell
from assistant.reports.charts import render_charts
from assistant.reports.gaps import FEW_LISTINGS, SUPPRESS_BELOW, GapsReport, is_small
from assistant.reports.sources import term_name

TABLES = ("summary", "demand", "unmet", "missing", "take_up")
HEADERS: dict[str, tuple[str, ...]] = {
    "summary": ("measure", "value"),
    "demand": ("need_id", "need", "area", "days", "time_of_day", "searches"),
    "unmet": ("need_id", "need", "area", "searches", "no_results", "relaxed", "no_results_or_relaxed"),
    "missing": ("activity_id", "activity", "area", "searches", "no_results", "listings"),
    "take_up": ("by", "value_id", "value", "answers", "tried", "not_tried"),
}
SMALL = f"<{SUPPRESS_BELOW}"


def shown(count: int) -> str:
    """A count as published: itself, or ``<5`` when it is small enough to point to someone."""
    return SMALL if is_small(count) else str(count)


def _summary(report: GapsReport) -> list[tuple[str, ...]]:
    s = report.summary
    rows: list[tuple[str, ...]] = [("period_start", s.start.isoformat()), ("period_end", s.end.isoformat())]
    rows += [(name, shown(n)) for name, n in (("searches", s.searches), ("no_results", s.no_results))]
    rows += [("relaxed", shown(s.relaxed)), ("no_results_or_relaxed", shown(s.unmet))]
    rows += [(f"relaxed_step:{step}", shown(n)) for step, n in s.by_step.items()]
    rows += [(f"channel:{channel}", shown(n)) for channel, n in s.by_channel.items()]
    rows += [("suppressed_below", str(SUPPRESS_BELOW)), ("rows_left_out", str(hidden_rows(report)))]
    return rows


def _demand(report: GapsReport) -> list[tuple[str, ...]]:
    return [
        (c.need, term_name(c.need), c.area, c.week, c.part, str(c.searches))
        for c in report.demand
        if not is_small(c.searches)
    ]


def _unmet(report: GapsReport) -> list[tuple[str, ...]]:
    return [
        (r.need, term_name(r.need), r.area, str(r.searches), shown(r.no_results), shown(r.relaxed), shown(r.unmet))
        for r in report.unmet
        if not is_small(r.searches)
    ]


def _missing(report: GapsReport) -> list[tuple[str, ...]]:
    return [
        (r.activity, term_name(r.activity), r.area, str(r.searches), shown(r.no_results), str(r.listings))
        for r in report.missing
        if not is_small(r.searches)
    ]


def _take_up(report: GapsReport) -> list[tuple[str, ...]]:
    """Follow-up answers by activity, need and area: rows under the threshold left out, as searches."""
    return [
        (
            r.by,
            r.value,
            r.value if r.by == "area" else term_name(r.value),
            str(r.answers),
            shown(r.tried),
            shown(r.not_tried),
        )
        for r in report.take_up
        if not is_small(r.answers)
    ]


BUILDERS: dict[str, Callable[[GapsReport], list[tuple[str, ...]]]] = {
    "summary": _summary,
    "demand": _demand,
    "unmet": _unmet,
    "missing": _missing,
    "take_up": _take_up,
}


def hidden_rows(report: GapsReport) -> int:
    """How many rows of the demand, unmet, missing and take-up tables are left out for small counts."""
    rows = [c.searches for c in report.demand] + [r.searches for r in report.unmet + report.missing]
    rows += [r.answers for r in report.take_up]
    return sum(1 for n in rows if is_small(n))


def table(report: GapsReport, name: str) -> list[tuple[str, ...]]:
    """One published table's rows (without its header); ``name`` is one of ``TABLES``."""
    return BUILDERS[name](report)


def to_csv(report: GapsReport, name: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADERS[name])
    writer.writerows([to_cell(cell) for cell in row] for row in table(report, name))
    return buffer.getvalue()


def readme(report: GapsReport) -> str:
    """The folder's README.txt: what the figures are, how they were counted and what was hidden."""
    s = report.summary

    def t(key: str, /, **params: object) -> str:
        return text("staff/reports", f"readme.{key}", **params)

    lines = [t("title", start=s.start.isoformat(), end=s.end.isoformat()), ""]
    counts = {"searches": s.searches, "no_results": s.no_results, "relaxed": s.relaxed, "unmet": s.unmet}
    lines += [t("nothing") if report.empty else t("searches", **{k: shown(v) for k, v in counts.items()}), ""]
    lines += [t("privacy", threshold=SUPPRESS_BELOW, hidden=hidden_rows(report)), ""]
    lines += [t("counting"), "", t("files", few=FEW_LISTINGS)]
    return "\n".join(lines) + "\n"


def write_report(report: GapsReport, folder: Path) -> Path:
    """Write the CSV tables, the charts and README.txt into ``folder`` (created if need be)."""
    charts_dir = folder / "charts"
    charts_dir.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        (folder / f"{name}.csv").write_text(to_csv(report, name), encoding="utf-8")
    for name, svg in render_charts(report).items():
        (charts_dir / f"{name}.svg").write_text(svg, encoding="utf-8")
    (folder / "README.txt").write_text(readme(report), encoding="utf-8")
    return folder
