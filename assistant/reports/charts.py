"""Static SVG charts for the gaps report, drawn with matplotlib's Agg backend (no display, no scripts).

The charts plot only published figures: a value under ``SUPPRESS_BELOW`` is left out, exactly as
in the tables, so a chart can never show what a table hides. SVG text stays text (``svg.fonttype
none``) so it scales and can be read by search tools, and the output has no date and a fixed id
salt, so the same report draws the same bytes.
"""

from __future__ import annotations

import io

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from assistant.content import text
from assistant.reports.gaps import PARTS_OF_DAY, SUPPRESS_BELOW, WEEK_PARTS, GapsReport, is_small
from assistant.reports.sources import term_name

# Figures are drawn without pyplot, but if anything in the process imports pyplot later it must not
# look for a display on a server.
matplotlib.use("Agg")

TOP = 10
COLOURS = ("#1d70b8", "#b10e1e", "#505a5f")  # blue, red, grey: AA contrast on white
HATCHES = ("", "//", "..")  # so series differ without colour
CHARTS = ("time-of-week", "needs", "missing")
TITLES = {"time-of-week": "chart.time_title", "needs": "chart.need_title", "missing": "chart.missing_title"}


def _t(key: str, /, **params: object) -> str:
    return text("staff/reports", key, **params)


def _published(count: int) -> int:
    return 0 if is_small(count) else count


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buffer.getvalue()


def _nothing(ax: Axes) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, _t("chart.nothing", threshold=SUPPRESS_BELOW), ha="center", va="center", wrap=True)


def _hbars(ax: Axes, labels: list[str], series: list[tuple[str, list[int]]]) -> None:
    """Horizontal bars, the biggest at the top, one bar per series for each label."""
    height = 0.8 / len(series)
    positions = range(len(labels))
    for index, (name, values) in enumerate(series):
        ax.barh(
            [p + index * height for p in positions],
            values,
            height=height,
            label=name,
            color=COLOURS[index],
            hatch=HATCHES[index],
            edgecolor="#0b0c0c",
            linewidth=0.5,
        )
    ax.set_yticks([p + height * (len(series) - 1) / 2 for p in positions], labels)
    ax.invert_yaxis()
    if len(series) > 1:
        ax.legend(loc="lower right")


def time_of_week_chart(report: GapsReport) -> str:
    figure = Figure(figsize=(7, 4))
    ax = figure.subplots()
    ax.set_title(_t(TITLES["time-of-week"]))
    values = {key: _published(n) for key, n in report.time_of_week.items()}
    if not any(values.values()):
        _nothing(ax)
        return _svg(figure)
    width = 0.8 / len(WEEK_PARTS)
    for index, week in enumerate(WEEK_PARTS):
        ax.bar(
            [p + index * width for p in range(len(PARTS_OF_DAY))],
            [values.get((week, part), 0) for part in PARTS_OF_DAY],
            width=width,
            label=_t(f"week.{week}"),
            color=COLOURS[index],
            hatch=HATCHES[index],
            edgecolor="#0b0c0c",
            linewidth=0.5,
        )
    ax.set_xticks([p + width for p in range(len(PARTS_OF_DAY))], [_t(f"part.{p}") for p in PARTS_OF_DAY])
    ax.set_ylabel(_t("chart.time_axis"))
    ax.legend()
    return _svg(figure)


def needs_chart(report: GapsReport, names: dict[str, str]) -> str:
    figure = Figure(figsize=(7, 5))
    ax = figure.subplots()
    ax.set_title(_t(TITLES["needs"]))
    rows = sorted((r for r in report.by_need if not is_small(r.searches)), key=lambda r: (-r.searches, r.need))[:TOP]
    if not rows:
        _nothing(ax)
        return _svg(figure)
    series = [
        (_t("chart.need_searches"), [r.searches for r in rows]),
        (_t("chart.need_unmet"), [_published(r.unmet) for r in rows]),
    ]
    _hbars(ax, [names.get(r.need, r.need) for r in rows], series)
    return _svg(figure)


def missing_chart(report: GapsReport, names: dict[str, str]) -> str:
    figure = Figure(figsize=(8, 5))
    ax = figure.subplots()
    ax.set_title(_t(TITLES["missing"]))
    rows = [r for r in report.missing if not is_small(r.searches)][:TOP]
    if not rows:
        _nothing(ax)
        return _svg(figure)
    labels = [f"{names.get(r.activity, r.activity)} ({r.area})" for r in rows]
    _hbars(ax, labels, [(_t("chart.missing_axis"), [r.searches for r in rows])])
    ax.set_xlabel(_t("chart.missing_axis"))
    return _svg(figure)


def render_chart(report: GapsReport, name: str) -> str:
    """One chart (a name in ``CHARTS``) as SVG text."""
    ids = {r.need for r in report.by_need} | {r.activity for r in report.missing}
    names = {term_id: term_name(term_id) for term_id in ids}
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "dayfinder", "font.size": 10}):
        if name == "time-of-week":
            return time_of_week_chart(report)
        if name == "needs":
            return needs_chart(report, names)
        return missing_chart(report, names)


def render_charts(report: GapsReport) -> dict[str, str]:
    """Every chart as SVG text, by file name (without ``.svg``)."""
    return {name: render_chart(report, name) for name in CHARTS}
