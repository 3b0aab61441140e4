"""What curators publish and download cannot carry a script (issue 14, item 7).

A listing's web address is http(s) or has no scheme at all ("www.example.org", as council feeds
write it): ``javascript:``, ``data:`` and the like are refused with a plain reason, through the
curators' API, their spreadsheet and a directory import alike. A spreadsheet export writes any
cell a spreadsheet would run as a formula (starting = + - @, a tab or a carriage return) as text,
and the curators' own export still re-imports unchanged.
"""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from assistant.curation.csv_template import read_csv, write_csv
from assistant.directory.exporter import export_services
from assistant.directory.importer import import_bundles
from assistant.directory.models import Service
from assistant.directory.reader import read_records
from assistant.reports.export import TABLES, to_csv
from assistant.reports.gaps import build_report
from tests.curation.conftest import sign_in
from tests.directory.records import service
from tests.reports.seed import END, START, SUPPLY, events

API = "/staff/api/listings"
SCRIPTS = [
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
]
FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "+44 1632 960001", "-2+3+cmd|' /C calc'!A0", "@SUM(1)"]


@pytest.mark.parametrize("address", SCRIPTS)
def test_the_api_refuses_a_website_that_is_not_a_web_address(client: TestClient, address: str) -> None:
    token = sign_in(client)
    answer = client.post(API, json=service(7, url=address), headers={"X-CSRF-Token": token})
    assert answer.status_code == 422
    [problem] = answer.json()["error"]["problems"]
    assert problem["path"] == "$.url" and "not a web address" in problem["reason"]


@pytest.mark.parametrize("address", SCRIPTS)
@pytest.mark.parametrize("fine", ["https://knit.example.org/a?b=c", "http://knit.example.org", "www.knit.org"])
def test_an_import_refuses_script_addresses_anywhere_in_a_record(address: str, fine: str) -> None:
    record = service(8, url=fine)
    record["organization"]["website"] = address
    record["service_at_locations"][0]["location"]["url"] = address
    paths = {p.path for p in read_records([record], "oruk3").problems}
    assert paths == {"$.organization.website", "$.service_at_locations[0].location.url"}


def test_the_spreadsheet_refuses_a_script_website_by_row_and_column() -> None:
    header = "name,organisation,website\n"
    checked = read_csv(header + "Club,Org,https://club.example.org\nOther,Org,javascript:alert(1)\n")
    assert [(p.row, p.column) for p in checked.problems] == [(3, "website")]
    assert "not a web address" in checked.problems[0].reason and not checked.bundles


def test_the_export_writes_formulas_as_text_and_re_imports_them_unchanged(curated: Engine) -> None:
    record = service(6, name=FORMULAS[0], description=FORMULAS[2], fees=FORMULAS[3])
    record["phones"] = [{"id": "ph-6", "number": FORMULAS[1]}]
    import_bundles(curated, read_records([record], "oruk3").bundles)
    body, _rows = write_csv(export_services(curated))
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _number(c))]
    assert f"'{FORMULAS[0]}" in cells and f"'{FORMULAS[1]}" in cells and f"'{FORMULAS[2]}" in cells
    again = read_csv(body)
    assert again.problems == []
    [bundle] = [b for b in again.bundles if b.service.id == "svc-6"]
    assert (bundle.service.name, bundle.service.description) == (FORMULAS[0], FORMULAS[2])
    assert [p.number for p in bundle.phones] == [FORMULAS[1]]
    with Session(curated) as session:
        stored = session.get(Service, "svc-6")
        assert stored is not None and stored.name == FORMULAS[0]


def test_the_export_page_writes_formulas_as_text(client: TestClient, curated: Engine) -> None:
    import_bundles(curated, read_records([service(6, name=FORMULAS[0])], "oruk3").bundles)
    sign_in(client)
    exported = client.get("/staff/listings/export.csv")
    assert exported.status_code == 200
    names = [row["name"] for row in csv.DictReader(io.StringIO(exported.text))]
    assert f"'{FORMULAS[0]}" in names and FORMULAS[0] not in names


def test_the_gaps_report_writes_an_area_as_text_when_it_reads_as_a_formula() -> None:
    sneaky = [e.model_copy(update={"area": "=1+cmd|' /C calc'!A0"}) if e.area == "MK1" else e for e in events()]
    report = build_report(sneaky, SUPPLY, START, END)
    cells = [cell for name in TABLES for row in csv.reader(io.StringIO(to_csv(report, name))) for cell in row]
    assert "'=1+cmd|' /C calc'!A0" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _number(c))]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
