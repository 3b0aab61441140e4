"""Read a directory file: find its records, check them against the bundled ORUK schemas and
Dayfinder's own rules, and turn them into bundles. Nothing touches the database here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

from assistant.directory import oruk1, oruk3
from assistant.directory.bundle import ServiceBundle
from assistant.directory.links import check_links
from assistant.directory.mend import mend
from assistant.directory.problems import DirectoryFileError, Problem, Problems
from assistant.settings import PACKAGE_DIR

Format = Literal["oruk1", "oruk3"]
ORUK1_ONLY = {
    "regular_schedules",
    "eligibilitys",
    "service_taxonomys",
    "pc_targetAudience",
    "deliverable_type",
    "attending_access",
    "physical_addresses",
}
ORUK3_ONLY = {"schedules", "attributes", "cost_options", "last_modified", "service_areas", "organization_id"}
READERS: dict[str, Callable[[dict[str, Any], Problems], ServiceBundle | None]] = {
    "oruk1": oruk1.read_service,
    "oruk3": oruk3.read_service,
}


@dataclass(slots=True)
class DirectoryFile:
    format: Format
    bundles: list[ServiceBundle]
    problems: list[Problem]
    records: list[dict[str, Any]]
    notices: list[Problem] = field(default_factory=list)


@lru_cache(maxsize=2)
def _validator(fmt: Format) -> Draft7Validator:
    schema = json.loads((PACKAGE_DIR / "schemas" / f"{fmt}_service.json").read_text(encoding="utf-8"))
    return Draft7Validator(schema)


def records_of(document: object) -> list[dict[str, Any]] | None:
    """The service records in a single service, a list of them, or an ORUK 1.0/3.0 page."""
    if isinstance(document, list):
        items: object = document
    elif isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = document["contents"]
    elif isinstance(document, dict) and isinstance(document.get("content"), list):
        items = document["content"]
    elif isinstance(document, dict) and "id" in document and "name" in document:
        items = [document]
    else:
        return None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None
    return items


def detect_format(records: list[dict[str, Any]]) -> Format:
    keys = set().union(*(r.keys() for r in records)) if records else set()
    if keys & ORUK1_ONLY and not keys & ORUK3_ONLY:
        return "oruk1"
    return "oruk3"


def read_file(path: Path, fmt: Format | None = None) -> DirectoryFile:
    """Parse and check ``path``. Raises :class:`DirectoryFileError` when it is not a directory file."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DirectoryFileError([_file_problem("not_json", detail=str(exc))]) from exc
    records = records_of(document)
    if records is None:
        raise DirectoryFileError([_file_problem("unknown_shape")])
    return read_records(records, fmt or detect_format(records))


def read_records(records: list[dict[str, Any]], fmt: Format) -> DirectoryFile:
    """Check and read every record. Refusals go to ``problems``; what was fixed or kept with a
    warning goes to ``notices``; a record with no refusal becomes a bundle."""
    problems: list[Problem] = []
    notices: list[Problem] = []
    bundles: list[ServiceBundle] = []
    ids = Counter(str(r.get("id") or "") for r in records)
    owned: dict[tuple[str, str], int] = {}
    schema = _validator(fmt).schema
    schema = schema if isinstance(schema, dict) else {}
    for index, raw in enumerate(records):
        found = Problems(index=index, name=str(raw.get("name") or "").strip())
        record, checked = mend(raw, fmt, schema, found)
        if not str(record.get("name") or "").strip():
            found.add("$.name", "empty_name")
        for error in sorted(_validator(fmt).iter_errors(checked), key=lambda e: list(e.absolute_path)):
            _schema_problem(error, found)
        check_links(record, found)
        sid = str(record.get("id") or "").strip()
        if not sid and "id" in record:
            found.add("$.id", "no_id")
        if sid and ids[sid] > 1:
            others = ", ".join(str(i) for i, r in enumerate(records) if str(r.get("id") or "") == sid and i != index)
            found.add("$.id", "duplicate_id", id=sid, other=others)
        bundle = READERS[fmt](record, found) if not found.found else None
        if bundle is not None:
            _check_owned_ids(bundle, index, owned, found)
        problems.extend(found.found)
        notices.extend(found.notices)
        if bundle is not None and not found.found:
            bundles.append(bundle)
    return DirectoryFile(format=fmt, bundles=bundles, problems=problems, records=records, notices=notices)


def _check_owned_ids(bundle: ServiceBundle, index: int, owned: dict[tuple[str, str], int], found: Problems) -> None:
    """Rows that belong to one service (schedules, costs, phones, ...) need ids unique in the file."""
    for row in (
        *bundle.links,
        *bundle.schedules,
        *bundle.costs,
        *bundle.contacts,
        *bundle.phones,
        *bundle.service_terms,
    ):
        key = (type(row).__name__, str(getattr(row, "id", "")))
        other = owned.setdefault(key, index)
        if other != index:
            found.add(f"$..{key[0].lower()}", "duplicate_id", id=key[1], other=other)


def _schema_problem(error: ValidationError, found: Problems) -> None:
    path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else str(error.validator_value)
        found.add(path, "schema_required", field=missing)
    elif kind == "type":
        found.add(
            path,
            "schema_type",
            expected=_describe_type(error.validator_value),
            actual=_describe_value(error.instance),
        )
    elif kind == "enum":
        found.add(path, "schema_enum", allowed=", ".join(map(str, list(error.validator_value))))  # type: ignore[arg-type]
    elif kind in ("pattern", "format"):
        found.add(path, "schema_pattern", value=error.instance)
    else:
        found.add(path, "schema_other", detail=error.message)


def _describe_type(expected: object) -> str:
    names = {
        "string": "text",
        "number": "a number",
        "integer": "a whole number",
        "array": "a list",
        "object": "an object",
        "boolean": "true or false",
        "null": "empty",
    }
    kinds = expected if isinstance(expected, list) else [expected]
    return " or ".join(names.get(str(k), str(k)) for k in kinds)


def _describe_value(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    return "a list" if isinstance(value, list) else "an object"


def _file_problem(key: str, **params: object) -> Problem:
    found = Problems(index=-1)
    found.add("$", key, **params)
    return found.found[0]
