"""What commissioners receive: CSV tables with small numbers hidden, valid SVG charts, a README."""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path

from assistant.reports.charts import CHARTS, render_charts
from assistant.reports.export import HEADERS, TABLES, hidden_rows, to_csv, write_report
from assistant.reports.gaps import SUPPRESS_BELOW, GapsReport, build_report
from tests.reports.seed import END, START, SUPPLY, events

REPORT = build_report(events(), SUPPLY, START, END)
EMPTY = build_report([], SUPPLY, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
SVG = "{http://www.w3.org/2000/svg}svg"


def rows(name: str, report: GapsReport = REPORT) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(to_csv(report, name)))
    assert tuple(reader.fieldnames or ()) == HEADERS[name]
    return list(reader)


def test_the_summary_csv() -> None:
    summary = {r["measure"]: r["value"] for r in rows("summary")}
    assert summary == {
        "period_start": "2026-03-01",
        "period_end": "2026-03-31",
        "searches": "200",
        "no_results": "35",
        "relaxed": "45",
        "no_results_or_relaxed": "67",
        "relaxed_step:hours": "27",
        "relaxed_step:radius": "45",
        "channel:sms": "45",
        "channel:web": "155",
        "suppressed_below": str(SUPPRESS_BELOW),
        "rows_left_out": "2",
    }


def test_the_demand_csv_leaves_out_cells_under_five_searches() -> None:
    demand = rows("demand")
    assert len(demand) == 13 and hidden_rows(REPORT) == 2
    assert demand[0] == {
        "need_id": "need-autism",
        "need": "Autism",
        "area": "LU7",
        "days": "weekday",
        "time_of_day": "morning",
        "searches": "50",
    }
    assert all(int(r["searches"]) >= SUPPRESS_BELOW for r in demand)
    assert not [r for r in demand if r["need_id"] == "need-learning-disability"]
    everyone = [r for r in demand if r["area"] == "Central Bedfordshire"]
    assert everyone == [
        {
            "need_id": "",
            "need": "not said",
            "area": "Central Bedfordshire",
            "days": "any",
            "time_of_day": "any",
            "searches": "45",
        }
    ]


def test_the_unmet_csv_writes_small_counts_as_under_five() -> None:
    unmet = {(r["need_id"], r["area"]): r for r in rows("unmet")}
    assert set(unmet) == {
        ("need-autism", "online"),
        ("need-dementia", "MK1"),
        ("need-autism", "LU7"),
        ("need-dementia", "LU7"),
        ("", "Central Bedfordshire"),
    }
    assert [unmet["need-autism", "LU7"][k] for k in HEADERS["unmet"][3:]] == ["70", "12", "13", "17"]
    assert [unmet["need-dementia", "LU7"][k] for k in HEADERS["unmet"][3:]] == ["10", "<5", "<5", "<5"]
    assert [unmet["", "Central Bedfordshire"][k] for k in HEADERS["unmet"][3:]] == ["45", "0", "0", "0"]


def test_the_missing_csv_lists_most_wanted_activities_the_directory_lacks() -> None:
    assert [(r["activity"], r["area"], r["searches"], r["no_results"], r["listings"]) for r in rows("missing")] == [
        ("Gardening and allotments", "MK1", "55", "20", "1"),
        ("Music", "online", "27", "0", "2"),
        ("Arts and crafts", "LU7", "10", "<5", "0"),
    ]


def test_charts_are_valid_svg_and_plot_only_published_figures() -> None:
    charts = render_charts(REPORT)
    assert tuple(charts) == CHARTS
    for svg in charts.values():
        assert ET.fromstring(svg).tag == SVG
        assert "<script" not in svg
    assert "Gardening and allotments (MK1)" in charts["missing"] and "Autism" in charts["needs"]
    assert "Learning disability" not in charts["needs"]  # 3 searches: hidden, as in the tables
    assert render_charts(REPORT) == charts  # the same report draws the same bytes


def test_the_report_folder(tmp_path: Path) -> None:
    folder = write_report(REPORT, tmp_path / "new" / "gaps")
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "charts", *sorted(f"{t}.csv" for t in TABLES)]
    assert sorted(p.name for p in (folder / "charts").iterdir()) == sorted(f"{c}.svg" for c in CHARTS)
    assert (folder / "demand.csv").read_text(encoding="utf-8") == to_csv(REPORT, "demand")
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "2026-03-01 to 2026-03-31" in readme and "Searches: 200." in readme and "2 rows left out" in readme


def test_an_empty_period_says_there_were_no_searches(tmp_path: Path) -> None:
    folder = write_report(EMPTY, tmp_path)
    assert "no searches in this period" in (folder / "README.txt").read_text(encoding="utf-8")
    for name in ("demand", "unmet", "missing"):
        assert rows(name, EMPTY) == []
    assert {r["measure"]: r["value"] for r in rows("summary", EMPTY)}["searches"] == "0"
    for svg in render_charts(EMPTY).values():
        assert ET.fromstring(svg).tag == SVG and "No figures to show" in svg
