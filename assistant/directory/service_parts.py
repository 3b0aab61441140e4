"""The parts of a service record that ORUK 1.0 and 3.0 spell the same way: its name, its
organisation, when it was last checked, its locations and the rule of each schedule. Both
readers use these.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from assistant.directory.bundle import ServiceBundle
from assistant.directory.fields import derived_id, parse_date, parse_time, plain_text
from assistant.directory.locations import read_location
from assistant.directory.models import Organization, Schedule, ServiceAtLocation
from assistant.directory.problems import Problems

Json = dict[str, Any]
FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_MONTH_DAY = re.compile(r"^[+-]?(?:[1-9]|[12]\d|3[01])$")


def read_name(record: Json, problems: Problems) -> str:
    name = str(record.get("name") or "").strip()
    if not name:
        problems.add("$.name", "empty_name")
    return name


def read_organization(record: Json, problems: Problems, *, website_keys: tuple[str, str]) -> Organization | None:
    """The service's organisation; ``website_keys`` in the order the format prefers them
    (ORUK 3.0 says ``website``, ORUK 1.0 ``url``)."""
    data = record.get("organization")
    if not isinstance(data, dict) or not data.get("id"):
        problems.add("$.organization", "no_organization")
        return None
    return Organization(
        id=str(data["id"]),
        name=str(data.get("name") or "").strip(),
        description=plain_text(data.get("description")),
        email=data.get("email") or None,
        website=data.get(website_keys[0]) or data.get(website_keys[1]) or None,
    )


def read_assured_date(record: Json, problems: Problems) -> dt.date | None:
    try:
        return parse_date(record.get("assured_date"))
    except ValueError:
        problems.add("$.assured_date", "bad_date", value=record.get("assured_date"))
        return None


def read_service_locations(record: Json, service_id: str, bundle: ServiceBundle, problems: Problems) -> None:
    """Each service-at-location with its location and the location's accessibility."""
    for i, sal in enumerate(record.get("service_at_locations") or []):
        data = sal.get("location")
        if not isinstance(data, dict):
            continue
        location, access = read_location(data, problems, f"$.service_at_locations[{i}].location")
        bundle.locations.append(location)
        bundle.accessibility.extend(access)
        link_id = str(sal.get("id") or derived_id(service_id, location.id))  # ORUK 1.0 may leave it out
        bundle.links.append(ServiceAtLocation(id=link_id, service_id=service_id, location_id=location.id))


def parse_bymonthday(value: object) -> str:
    """An RRULE BYMONTHDAY list (``"1, 15"`` → ``"1,15"``, ``-1`` the last day); ValueError when not days."""
    if value in (None, ""):
        return ""
    parts = [p.strip() for p in str(value).split(",") if p.strip()]
    if not parts or not all(_MONTH_DAY.match(p) for p in parts):
        raise ValueError(value)
    return ",".join(p.removeprefix("+") for p in parts)


def read_schedule_rule(item: Json, schedule: Schedule, problems: Problems, path: str) -> None:
    """Everything of a schedule's rule but its weekdays, which the formats spell differently:
    frequency, month days, the dates it holds between, and its times. Kept as the feed says, so
    a "first Wednesday" or "every other week" survives import, storage and export."""
    freq = str(item.get("freq") or schedule.freq or "").strip().upper()
    if freq and freq not in FREQUENCIES:
        problems.add(f"{path}.freq", "bad_freq", value=item.get("freq"))
    schedule.freq = freq or None
    interval = item.get("interval")
    if interval not in (None, "") and not (isinstance(interval, int | float) and interval >= 1):
        problems.add(f"{path}.interval", "bad_interval", value=interval)
    elif interval not in (None, ""):
        schedule.interval = int(interval)
    try:
        schedule.bymonthday = parse_bymonthday(item.get("bymonthday"))
    except ValueError:
        problems.add(f"{path}.bymonthday", "bad_bymonthday", value=item.get("bymonthday"))
    for key in ("opens_at", "closes_at"):
        try:
            setattr(schedule, key, parse_time(item.get(key)))
        except ValueError:
            problems.add(f"{path}.{key}", "bad_time", value=item.get(key))
    for key in ("valid_from", "valid_to", "dtstart"):
        try:
            setattr(schedule, key, parse_date(item.get(key)))
        except ValueError:
            problems.add(f"{path}.{key}", "bad_date", value=item.get(key))
    if schedule.opens_at and schedule.closes_at and schedule.closes_at <= schedule.opens_at:
        problems.add(
            f"{path}.closes_at",
            "closes_before_opens",
            opens=schedule.opens_at.strftime("%H:%M"),
            closes=schedule.closes_at.strftime("%H:%M"),
        )
    if schedule.valid_from and schedule.valid_to and schedule.valid_to < schedule.valid_from:
        start, end = schedule.valid_from.isoformat(), schedule.valid_to.isoformat()
        problems.add(f"{path}.valid_to", "ends_before_starts", start=start, end=end)
