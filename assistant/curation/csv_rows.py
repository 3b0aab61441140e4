"""One service built from its spreadsheet rows, remembering which row and column made each part.

Service columns repeat on each of a service's rows and must agree; location columns differ per
row. Terms may be written as Dayfinder ids or names. ``Builder.locate`` turns the JSON path of a
problem that ``read_records`` finds back into the row and column a curator can fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.content import text
from assistant.directory.bundle import ServiceBundle
from assistant.directory.fields import derived_id, parse_date, parse_time, weekday_code
from assistant.directory.vocabulary import load_vocabulary

SERVICE_COLUMNS = (
    "service_id", "name", "organisation_id", "organisation", "description", "status",
    "days", "opens", "closes", "cost", "cost_unit", "needs", "activities", "support",
    "phone", "email", "website", "area", "last_verified",
)  # fmt: skip
LOCATION_COLUMNS = (
    "location_id", "location_name", "address", "town", "county", "postcode", "latitude", "longitude",
    "access_features",
)  # fmt: skip
COLUMNS = (*SERVICE_COLUMNS[:6], *LOCATION_COLUMNS, *SERVICE_COLUMNS[6:])
REQUIRED = ("name", "organisation")
COST_UNITS = {"free": "free", "session": "per session", "day": "per day", "week": "per week", "other": ""}
TERM_COLUMNS = {"needs": "need", "activities": "activity", "support": "support", "access_features": "access"}
LOCATION_PATHS = (
    (".location.addresses[0].postal_code", "postcode"),
    (".location.addresses[0].city", "town"),
    (".location.addresses[0].state_province", "county"),
    (".location.addresses", "address"),
    (".location.latitude", "latitude"),
    (".location.longitude", "longitude"),
    (".location.accessibility", "access_features"),
    ("", "location_id"),
)
FIRST_ROW = 2  # the header is row 1, as a spreadsheet numbers them
Row = dict[str, str]


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    column: str
    reason: str


@dataclass(slots=True)
class CsvImport:
    bundles: list[ServiceBundle] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0


def why(key: str, **params: object) -> str:
    return text("staff/curation", f"csv_problem.{key}", **params)


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:60] or "x"


def split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", value) if part.strip()]


class Builder:
    """One service's record, built from its rows, remembering which row and column made each part."""

    def __init__(self, sid: str, number: int, row: Row, problems: list[RowProblem]) -> None:
        self.sid, self.first, self.row, self.problems = sid, number, row, problems
        self.paths: list[tuple[str, int, str]] = []
        self.record_data = self._service(row)
        self.add_row(number, row, first=True)

    def _problem(self, row: int, column: str, key: str, **params: object) -> None:
        self.problems.append(RowProblem(row, column, why(key, **params)))

    def _at(self, path: str, column: str, row: int | None = None) -> None:
        self.paths.append((path, self.first if row is None else row, column))

    def locate(self, path: str) -> tuple[int, str]:
        """The row and column that produced the JSON ``path`` (the longest matching prefix)."""
        best = (self.first, "service_id", 0)
        for prefix, row, column in self.paths:
            if path.startswith(prefix) and len(prefix) > best[2]:
                best = (row, column, len(prefix))
        return best[0], best[1]

    def _service(self, row: Row) -> dict[str, Any]:
        sid, n = self.sid, self.first
        org_name = row["organisation"]
        record: dict[str, Any] = {
            "id": sid,
            "name": row["name"],
            "status": row.get("status") or "active",
            "organization": {
                "id": row.get("organisation_id") or f"csv-org-{slug(org_name)}",
                "name": org_name,
                "description": org_name,
            },
        }
        for column, key in (("description", "description"), ("email", "email"), ("website", "url")):
            if row.get(column):
                record[key] = row[column]
        for path, column in (("$.name", "name"), ("$.status", "status"), ("$.organization", "organisation"),
                             ("$.description", "description"), ("$.email", "email"), ("$.url", "website"),
                             ("$.assured_date", "last_verified"), ("$.service_areas", "area"),
                             ("$.phones", "phone"), ("$.id", "service_id")):  # fmt: skip
            self._at(path, column)
        if row.get("last_verified"):
            self._checked(n, "last_verified", parse_date, "bad_date")
            record["assured_date"] = row["last_verified"]
        if row.get("area"):
            record["service_areas"] = [{"id": f"{sid}-area", "name": row["area"]}]
        if row.get("phone"):
            record["phones"] = [{"id": f"{sid}-phone", "number": row["phone"]}]
        self._schedule(record, row)
        self._cost(record, row)
        attributes: list[dict[str, Any]] = []
        for column in ("needs", "activities", "support"):
            for term in self._terms(n, row, column):
                self._at(f"$.attributes[{len(attributes)}]", column)
                attributes.append(_attribute(f"{sid}-{term}", term))
        if attributes:
            record["attributes"] = attributes
        return record

    def _checked(self, n: int, column: str, parse: Any, key: str) -> None:
        try:
            parse(self.row[column])
        except ValueError:
            self._problem(n, column, key, value=self.row[column])

    def _schedule(self, record: dict[str, Any], row: Row) -> None:
        if not (row.get("days") or row.get("opens") or row.get("closes")):
            return
        schedule: dict[str, Any] = {"id": f"{self.sid}-schedule", "freq": "WEEKLY"}
        if row.get("days"):
            try:
                codes = [_day(d) for d in re.split(r"[,;/\s]+", row["days"]) if d]
                schedule["byday"] = ",".join(dict.fromkeys(codes))
                if any(code[:-2] for code in codes):  # "2SA": the second Saturday of each month
                    schedule["freq"] = "MONTHLY"
            except ValueError:
                self._problem(self.first, "days", "bad_days", value=row["days"])
        for column, key in (("opens", "opens_at"), ("closes", "closes_at")):
            if row.get(column):
                self._checked(self.first, column, parse_time, "bad_time")
                schedule[key] = row[column]
            self._at(f"$.schedules[0].{key}", column)
        self._at("$.schedules[0]", "days")
        record["schedules"] = [schedule]

    def _cost(self, record: dict[str, Any], row: Row) -> None:
        unit = (row.get("cost_unit") or "").lower()
        if unit and unit not in COST_UNITS:
            self._problem(self.first, "cost_unit", "bad_unit", value=row["cost_unit"], allowed=", ".join(COST_UNITS))
            return
        amount: float | None = None
        if row.get("cost"):
            try:
                amount = float(row["cost"].lstrip("£"))
            except ValueError:
                self._problem(self.first, "cost", "not_number", value=row["cost"])
                return
        if amount is None and unit == "free":
            amount = 0.0
        if amount is None and not unit:
            return
        option: dict[str, Any] = {"id": f"{self.sid}-cost", "currency": "GBP"}
        if amount is not None:
            option["amount"] = int(amount) if amount.is_integer() else amount
        if COST_UNITS.get(unit):
            option["amount_description"] = COST_UNITS[unit]
        record["cost_options"] = [option]
        self._at("$.cost_options", "cost")

    def _terms(self, n: int, row: Row, column: str) -> list[str]:
        kind = TERM_COLUMNS[column]
        terms = load_vocabulary().of_kind(kind)
        out = []
        for value in split_list(row.get(column, "")):
            found = next((t.id for t in terms if value.lower() in (t.id, t.name.lower())), None)
            if found is None:
                self._problem(n, column, "unknown_term", value=value, kind=kind)
            else:
                out.append(found)
        return out

    def add_row(self, number: int, row: Row, first: bool = False) -> None:
        if not first:
            for column in SERVICE_COLUMNS[1:]:
                if row.get(column, "") != self.row.get(column, ""):
                    self._problem(number, column, "disagrees", other=self.first)
        if not any(row.get(c) for c in LOCATION_COLUMNS):
            return
        links = self.record_data.setdefault("service_at_locations", [])
        i = len(links)
        loc_id = row.get("location_id") or derived_id(self.sid, "location", str(i))
        location: dict[str, Any] = {"id": loc_id, "location_type": "physical"}
        if row.get("location_name"):
            location["name"] = row["location_name"]
        for column in ("latitude", "longitude"):
            if row.get(column):
                try:
                    location[column] = float(row[column])
                except ValueError:
                    self._problem(number, column, "not_number", value=row[column])
        if row.get("address") or row.get("postcode") or row.get("town"):
            location["addresses"] = [_address(loc_id, row)]
        access = self._terms(number, row, "access_features")
        if access:
            location["accessibility"] = [
                {"id": f"{loc_id}-{term}", "attributes": [_attribute(f"{loc_id}-{term}-term", term)]} for term in access
            ]
        links.append({"id": f"{self.sid}-at-{loc_id}", "location": location})
        base = f"$.service_at_locations[{i}]"
        for suffix, column in LOCATION_PATHS:
            self._at(base + suffix, column, number)

    def record(self) -> dict[str, Any]:
        return self.record_data


def _address(loc_id: str, row: Row) -> dict[str, Any]:
    return {
        "id": f"{loc_id}-address",
        "address_1": row.get("address", ""),
        "city": row.get("town", ""),
        "state_province": row.get("county") or row.get("town", ""),
        "postal_code": row.get("postcode", ""),
        "country": "GB",
        "address_type": "physical",
    }


def _attribute(attribute_id: str, term_id: str) -> dict[str, Any]:
    term = load_vocabulary().terms[term_id]
    return {
        "id": attribute_id,
        "taxonomy_term_id": term.id,
        "link_type": term.kind,
        "taxonomy_term": {"id": term.id, "name": term.name, "description": term.description, "taxonomy": term.taxonomy},
    }


_ORDINAL = re.compile(r"(-?[1-5])?([a-z]+)")


def _day(written: str) -> str:
    """A day as ORUK writes it: "Mon" or "MO" is "MO"; "2SA" (second Saturday) and "-1FR" (last
    Friday of the month) keep their ordinal, as the export writes monthly groups."""
    found = _ORDINAL.fullmatch(written.strip().lower())
    if found is None:
        raise ValueError(written)
    return (found[1] or "") + weekday_code(found[2])

