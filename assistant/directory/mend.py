"""Mend what live feeds commonly get wrong in harmless ways, before the schema check.

What is mended is reported as *fixed*; what is kept as given (with a warning) is left out of the
schema check but handed to the reader, which stores it as text; everything else the schema or
Dayfinder's rules say stays a reason to refuse the record (see :mod:`assistant.directory.problems`).

- ``""`` means "not given" in ORUK 1.0 feeds: the field is left out.
- A capitalised enum value ("Venue") becomes the schema's spelling ("venue").
- A web address field that holds plain words ("Warmley Community Centre") is left out.
- A web address without a scheme ("www.example.org") gets ``https://``; "http:www.x" gets its
  slashes; an upper-case scheme is lowered. ``javascript:`` and the like are never mended.
- A descriptive ORUK 1.0 value outside its enum ("Social activity" for ``deliverable_type``) is
  kept as text: nothing matches on it, and the profile says these fields will become taxonomies.
- A named service with no organisation is listed under an organisation of its own name.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.directory.fields import derived_id
from assistant.directory.links import LINK_KEYS, is_web_address
from assistant.directory.problems import Problems

Json = dict[str, Any]
FORMED = frozenset({"url", "uri", "email", "website", "logo"})
KEPT_AS_TEXT = ("deliverable_type", "attending_type", "attending_access")
_SCHEME = re.compile(r"^(https?):(/*)", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)", re.IGNORECASE)


def mend(record: Json, fmt: str, schema: Json, problems: Problems) -> tuple[Json, Json]:
    """``(for the reader, for the schema check)``: the mended record, and the same without what is kept."""
    properties: Json = schema.get("properties", {})
    required = set(schema.get("required", []))
    tidy = _drop_blanks(record, required, problems) if fmt == "oruk1" else dict(record)
    tidy = _mend_links(tidy, "$", problems)
    kept: set[str] = set()
    if fmt == "oruk1":
        kept = _mend_enums(tidy, properties, problems)
    _give_organization(tidy, problems)
    return tidy, {k: v for k, v in tidy.items() if k not in kept}


def _drop_blanks(record: Json, required: set[str], problems: Problems) -> Json:
    """Leave out ``""`` where the schema wants a value of a form (an enum, an address) or nothing;
    a required field, or a nested one that is plain text, stays as given."""
    tidy: Json = {}
    blank: list[str] = []
    for key, value in record.items():
        if value == "" and key not in required:
            blank.append(key)
            continue
        if isinstance(value, dict):
            blank += [f"{key}.{k}" for k, v in value.items() if v == "" and k in FORMED]
            value = {k: v for k, v in value.items() if v != "" or k not in FORMED}
        tidy[key] = value
    if blank:
        problems.fix("$", "blank", count=len(blank), fields=", ".join(blank[:4]))
    return tidy


def _mend_enums(tidy: Json, properties: Json, problems: Problems) -> set[str]:
    kept: set[str] = set()
    for key, value in list(tidy.items()):
        allowed = [v for v in properties.get(key, {}).get("enum") or [] if isinstance(v, str)]
        if not isinstance(value, str) or not allowed or value in allowed:
            continue
        spelt = next((v for v in allowed if v.lower() == value.strip().lower()), None)
        if spelt is not None:
            tidy[key] = spelt
            problems.fix(f"$.{key}", "enum_case", value=value, fixed=spelt)
        elif key in KEPT_AS_TEXT:
            kept.add(key)
            problems.keep(f"$.{key}", "outside_enum", field=key, value=value)
    return kept


def _mend_links(node: Any, path: str, problems: Problems) -> Any:
    """``node`` with its link fields mended; only containers are walked into (an import walks
    every record, so plain values are passed over without a call or a path string each)."""
    if isinstance(node, list):
        return [
            _mend_links(item, f"{path}[{i}]", problems) if isinstance(item, (dict, list)) else item
            for i, item in enumerate(node)
        ]
    if not isinstance(node, dict):
        return node
    out: Json = {}
    for key, value in node.items():
        if isinstance(value, (dict, list)):
            out[key] = _mend_links(value, f"{path}.{key}", problems)
        elif key in LINK_KEYS and isinstance(value, str) and value:
            where = f"{path}.{key}"
            mended = web_address(value)
            if mended is None:
                problems.fix(where, "not_an_address", value=value[:60])
                continue
            if mended != value:
                problems.fix(where, "web_address", value=value[:60], fixed=mended[:68])
            out[key] = mended
        else:
            out[key] = value
    return out


def web_address(value: str) -> str | None:
    """``value`` as an http(s) address when it plainly is one; None when it is plain words (no
    address at all, so it is left out); anything else unchanged, to be refused if not web."""
    address = value.strip()
    if not address or not is_web_address(address):
        return value
    found = _SCHEME.match(address)
    if found is not None:
        return f"{found.group(1).lower()}://{address[found.end() :]}"
    if _ANY_SCHEME.match(address) or address.startswith("/"):
        return value
    if any(c.isspace() for c in address) or "." not in address:
        return None
    return "https://" + address


def _give_organization(tidy: Json, problems: Problems) -> None:
    name = str(tidy.get("name") or "").strip()
    if "organization" in tidy or not name or not tidy.get("id"):
        return
    tidy["organization"] = {"id": derived_id(str(tidy["id"]), "organization"), "name": name, "description": ""}
    problems.keep("$.organization", "own_organization", name=name[:60])
