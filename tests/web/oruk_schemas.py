"""The ORUK 3.0 schemas and OpenAPI description copied into tests/fixtures (see SOURCES.md there):
the ORUK validator's V3.0-UK schemas, and the spec's own ``openapi.json`` and ``taxonomy.json``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator

ORUK = Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "oruk"
VALIDATOR = ORUK / "validator" / "V3.0-UK"
SPEC = {"openapi": ORUK / "v3.0" / "openapi.json", "taxonomy": ORUK / "v3.0" / "schemata" / "taxonomy.json"}


@cache
def load(name: str) -> Any:
    path = SPEC.get(name, VALIDATOR / f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def validator(name: str) -> Draft7Validator:
    return Draft7Validator(load(name))


def errors(v: Draft7Validator, document: Any) -> list[str]:
    """The first few ways ``document`` breaks the schema (none when it is valid)."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in v.iter_errors(document)][:3]
