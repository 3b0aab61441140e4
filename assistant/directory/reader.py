"""Read a directory file: find its records, check them against the bundled ORUK schemas and
Dayfinder's own rules, and turn them into bundles. Nothing touches the database here.

A file is read in two steps so that a large one never has to sit in memory whole: a
:class:`Survey` of every record (how many, their keys for the format, the ids used twice), then a
:class:`RecordReader` that checks and reads one record at a time, in any batches. The compiled
``jsonschema_rs`` validator decides whether a record is valid; only a record it refuses is run
through ``jsonschema`` as well, to say why in the same words as ever.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import jsonschema_rs
import orjson
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


@dataclass(slots=True)
class Survey:
    """What must be known of every record before any one is read: how many there are, every key
    they use (which tells the format) and the ids given to more than one record (all refused)."""

    count: int = 0
    keys: set[str] = field(default_factory=set)
    repeated: dict[str, list[int]] = field(default_factory=dict)
    _first: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, records: Iterable[dict[str, Any]]) -> Survey:
        survey = cls()
        for record in records:
            survey.add(record)
        return survey

    def add(self, record: dict[str, Any]) -> None:
        rid = str(record.get("id") or "")
        self.keys.update(record)
        first = self._first.setdefault(rid, self.count)
        if first != self.count:
            self.repeated.setdefault(rid, [first]).append(self.count)
        self.count += 1

    def format(self) -> Format:
        return _format_of(self.keys)


@lru_cache(maxsize=2)
def _schema(fmt: Format) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((PACKAGE_DIR / "schemas" / f"{fmt}_service.json").read_text(encoding="utf-8"))
    return schema


@lru_cache(maxsize=2)
def _validator(fmt: Format) -> Draft7Validator:
    """The reference validator: says what is wrong, in the words the problems are written from."""
    return Draft7Validator(_schema(fmt))


@lru_cache(maxsize=2)
def _fast_validator(fmt: Format) -> jsonschema_rs.Draft7Validator:
    """The compiled validator for the same schema; like ``jsonschema`` without a format checker,
    it treats ``format`` as a note, not a rule."""
    return jsonschema_rs.Draft7Validator(_schema(fmt), validate_formats=False)


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
    return _format_of(set().union(*(r.keys() for r in records)) if records else set())


def _format_of(keys: set[str]) -> Format:
    if keys & ORUK1_ONLY and not keys & ORUK3_ONLY:
        return "oruk1"
    return "oruk3"


def read_file(path: Path, fmt: Format | None = None) -> DirectoryFile:
    """Parse and check ``path`` whole. Raises :class:`DirectoryFileError` when it is not a directory
    file. (A large file is better read a batch at a time: :mod:`assistant.directory.stream`.)"""
    try:
        document = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise DirectoryFileError([file_problem("not_json", detail=str(exc))]) from exc
    records = records_of(document)
    if records is None:
        raise DirectoryFileError([file_problem("unknown_shape")])
    return read_records(records, fmt or detect_format(records))


def read_records(records: list[dict[str, Any]], fmt: Format) -> DirectoryFile:
    """Check and read every record. Refusals go to ``problems``; what was fixed or kept with a
    warning goes to ``notices``; a record with no refusal becomes a bundle."""
    problems: list[Problem] = []
    notices: list[Problem] = []
    bundles: list[ServiceBundle] = []
    reader = RecordReader(fmt, Survey.of(records))
    for index, raw in enumerate(records):
        bundle, found = reader.read(index, raw)
        problems.extend(found.found)
        notices.extend(found.notices)
        if bundle is not None:
            bundles.append(bundle)
    return DirectoryFile(format=fmt, bundles=bundles, problems=problems, records=records, notices=notices)


class RecordReader:
    """Checks and reads the records of one file, one at a time, in order or in any batches.

    The ids of the rows each record owns (schedules, costs, phones, ...) must be unique in the
    whole file. A ``file_wide`` reader remembers every one (about 200 bytes each, a dozen a
    service); otherwise only those of the current batch (see :meth:`next_batch`), for an import
    whose database refuses a repeated id anyway, by its primary key, and then reads again file-wide
    to say which records repeat it (:mod:`assistant.directory.importer`).
    """

    def __init__(self, fmt: Format, survey: Survey, *, file_wide: bool = True) -> None:
        self.fmt = fmt
        self.repeated = survey.repeated
        self.file_wide = file_wide
        self.owned: dict[tuple[str, str], int] = {}
        self.schema = _schema(fmt)

    def next_batch(self) -> None:
        if not self.file_wide:
            self.owned.clear()

    def read(self, index: int, raw: dict[str, Any]) -> tuple[ServiceBundle | None, Problems]:
        """The record's bundle (None when refused) and what was found: ``found`` holds the
        refusals, ``notices`` what was fixed or kept with a warning."""
        fmt = self.fmt
        found = Problems(index=index, name=str(raw.get("name") or "").strip())
        record, checked = mend(raw, fmt, self.schema, found)
        if not str(record.get("name") or "").strip():
            found.add("$.name", "empty_name")
        if not _fast_validator(fmt).is_valid(checked):
            for error in sorted(_validator(fmt).iter_errors(checked), key=lambda e: list(e.absolute_path)):
                _schema_problem(error, found)
        check_links(record, found)
        sid = str(record.get("id") or "").strip()
        if not sid and "id" in record:
            found.add("$.id", "no_id")
        if sid and sid in self.repeated:
            others = ", ".join(str(i) for i in self.repeated[sid] if i != index)
            found.add("$.id", "duplicate_id", id=sid, other=others)
        bundle = READERS[fmt](record, found) if not found.found else None
        if bundle is not None:
            _check_owned_ids(bundle, index, self.owned, found)
        return (bundle if not found.found else None), found


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


def file_problem(key: str, **params: object) -> Problem:
    """A problem with the file as a whole (record -1): it is not JSON, or holds no services."""
    found = Problems(index=-1)
    found.add("$", key, **params)
    return found.found[0]
