"""The curators' spreadsheet template: CSV in and out, every problem named by row and column.

One row per service-at-location; a service at several places takes several rows with the same
``service_id``. Rows become ORUK 3.0 records (``csv_rows``) that go through ``read_records``, the
same checks as a directory import; each problem is traced back to its row and column. Nothing is
written unless every row is good. The columns are documented in ``directory_data/csv_template.md``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from assistant.csv_cells import from_cell, to_cell
from assistant.curation.csv_rows import COLUMNS, FIRST_ROW, REQUIRED, Builder, CsvImport, RowProblem, slug, why
from assistant.directory.fields import cost_unit
from assistant.directory.reader import read_records


def read_csv(content: str) -> CsvImport:
    """Check and convert a whole CSV file; ``bundles`` is empty whenever ``problems`` is not."""
    result = CsvImport()
    try:
        reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
        header = [h.strip() for h in reader.fieldnames or []]
        raw_rows = [
            (FIRST_ROW + i, {k.strip(): from_cell((v or "").strip()) for k, v in r.items() if k})
            for i, r in enumerate(reader)
        ]
    except csv.Error as exc:
        result.problems.append(RowProblem(1, "-", why("not_csv", detail=exc)))
        return result
    missing = [c for c in ("name", "organisation") if c not in header]
    if missing:
        result.problems.append(RowProblem(1, "-", why("missing_columns", columns=", ".join(missing))))
    result.problems += [RowProblem(1, h, why("unknown_column", column=h)) for h in header if h not in COLUMNS]
    rows = [(n, r) for n, r in raw_rows if any(r.values())]  # blank lines are ignored
    result.rows = len(rows)
    if result.problems:
        return result
    builders: dict[str, Builder] = {}
    for number, row in rows:
        for column in REQUIRED:
            if not row.get(column):
                result.problems.append(RowProblem(number, column, why("required")))
        if not row.get("name") or not row.get("organisation"):
            continue
        sid = row.get("service_id") or f"csv-{slug(row['organisation'])}-{slug(row['name'])}"
        builder = builders.get(sid)
        if builder is None:
            builders[sid] = Builder(sid, number, row, result.problems)
        else:
            builder.add_row(number, row)
    records = [b.record() for b in builders.values()]
    if result.problems:
        return result
    parsed = read_records(records, "oruk3")
    where = list(builders.values())
    for p in parsed.problems:
        at_row, column = where[p.index].locate(p.path)
        result.problems.append(RowProblem(at_row, column, why("record", reason=p.reason)))
    if not result.problems:
        result.bundles = parsed.bundles
    result.problems.sort(key=lambda p: (p.row, COLUMNS.index(p.column) if p.column in COLUMNS else -1))
    return result


def write_csv(services: list[dict[str, Any]]) -> tuple[str, int]:
    """ORUK 3.0 services (as ``export_services`` gives them) as template rows; the text and row count.

    The template holds one schedule, one cost and one phone per service: the first of each.
    Cells a spreadsheet would run as a formula are written as text (``assistant.csv_cells``).
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for service in services:
        base = _service_row(service)
        links = service.get("service_at_locations") or [{}]
        for link in links:
            row = base | _location_row(link.get("location") or {})
            writer.writerow({column: to_cell(value) for column, value in row.items()})
            count += 1
    return out.getvalue(), count


def _terms(attributes: list[dict[str, Any]], kind: str) -> str:
    return "; ".join(sorted(a["taxonomy_term_id"] for a in attributes if a.get("link_type") == kind))


def _service_row(s: dict[str, Any]) -> dict[str, str]:
    schedule = (s.get("schedules") or [{}])[0]
    cost = (s.get("cost_options") or [{}])[0]
    amount = cost.get("amount")
    unit = cost_unit(amount, cost.get("amount_description"), cost.get("option")).value if cost else ""
    phones = s.get("phones") or [p for c in s.get("contacts") or [] for p in c.get("phones") or []]
    attributes = s.get("attributes") or []
    org = s["organization"]
    return {
        "service_id": s["id"],
        "name": s["name"],
        "organisation_id": org["id"],
        "organisation": org["name"],
        "description": s.get("description", ""),
        "status": s.get("status", "active"),
        "days": ",".join(part for part in str(schedule.get("byday", "")).split(",") if part),
        "opens": schedule.get("opens_at", ""),
        "closes": schedule.get("closes_at", ""),
        "cost": "" if amount is None else f"{amount:g}",
        "cost_unit": unit,
        "needs": _terms(attributes, "need"),
        "activities": _terms(attributes, "activity"),
        "support": _terms(attributes, "support"),
        "phone": phones[0]["number"] if phones else "",
        "email": s.get("email", ""),
        "website": s.get("url", ""),
        "area": (s.get("service_areas") or [{}])[0].get("name", ""),
        "last_verified": s.get("assured_date", ""),
    }


def _location_row(loc: dict[str, Any]) -> dict[str, str]:
    address = (loc.get("addresses") or [{}])[0]
    access = [a for item in loc.get("accessibility") or [] for a in item.get("attributes") or []]
    county = address.get("state_province", "")
    return {
        "location_id": loc.get("id", ""),
        "location_name": loc.get("name", ""),
        "address": address.get("address_1", ""),
        "town": address.get("city", ""),
        "county": "" if county == address.get("city") else county,
        "postcode": address.get("postal_code", ""),
        "latitude": "" if loc.get("latitude") is None else f"{loc['latitude']:g}",
        "longitude": "" if loc.get("longitude") is None else f"{loc['longitude']:g}",
        "access_features": _terms(access, "access"),
    }
