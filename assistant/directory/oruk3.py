"""Read an Open Referral UK 3.0 full service object into a :class:`ServiceBundle`."""

from __future__ import annotations

from typing import Any

from assistant.directory.bundle import ServiceBundle
from assistant.directory.fields import cost_unit, parse_byday, plain_text
from assistant.directory.models import (
    Attendance,
    Contact,
    CostOption,
    Phone,
    Schedule,
    Service,
)
from assistant.directory.problems import Problems
from assistant.directory.service_parts import (
    read_assured_date,
    read_name,
    read_organization,
    read_schedule_rule,
    read_service_locations,
)
from assistant.directory.terms import read_attribute

Json = dict[str, Any]


def read_service(record: Json, problems: Problems) -> ServiceBundle | None:
    sid = str(record.get("id") or "")
    name = read_name(record, problems)
    organization = read_organization(record, problems, website_keys=("website", "url"))
    if organization is None:
        return None
    service = Service(
        id=sid,
        organization_id=organization.id,
        name=name,
        description=plain_text(record.get("description")),
        url=record.get("url") or None,
        email=record.get("email") or None,
        status=str(record.get("status") or "active"),
        fees=record.get("fees") or record.get("fees_description") or None,
        minimum_age=record.get("minimum_age"),
        maximum_age=record.get("maximum_age"),
        eligibility_description=record.get("eligibility_description") or None,
        area=next((a.get("name") for a in record.get("service_areas") or [] if a.get("name")), None),
        source_format="oruk3",
    )
    _check_ages(service, problems)
    service.last_verified = read_assured_date(record, problems)
    bundle = ServiceBundle(organization=organization, service=service)
    read_service_locations(record, sid, bundle, problems)

    for i, item in enumerate(record.get("schedules") or []):
        _read_schedule(item, sid, bundle, problems, f"$.schedules[{i}]")
    for i, item in enumerate(record.get("cost_options") or []):
        amount = item.get("amount")
        if isinstance(amount, int | float) and amount < 0:
            problems.add(f"$.cost_options[{i}].amount", "negative_cost", value=amount)
        bundle.costs.append(
            CostOption(
                id=str(item["id"]),
                service_id=sid,
                option=item.get("option"),
                amount=float(amount) if isinstance(amount, int | float) else None,
                currency=str(item.get("currency") or "GBP"),
                unit=cost_unit(amount, item.get("amount_description"), item.get("option")).value,
                amount_description=item.get("amount_description"),
            )
        )
    for phone in record.get("phones") or []:
        bundle.phones.append(Phone(id=str(phone["id"]), service_id=sid, number=str(phone.get("number", ""))))
    for contact in record.get("contacts") or []:
        cid = str(contact["id"])
        bundle.contacts.append(
            Contact(
                id=cid,
                service_id=sid,
                name=contact.get("name"),
                title=contact.get("title"),
                email=contact.get("email"),
            )
        )
        for phone in contact.get("phones") or []:
            bundle.phones.append(
                Phone(id=str(phone["id"]), service_id=sid, contact_id=cid, number=str(phone.get("number", "")))
            )
    for i, attribute in enumerate(record.get("attributes") or []):
        read_attribute(attribute, sid, bundle, problems, f"$.attributes[{i}]")
    service.attendance = _attendance(bundle).value
    return bundle


def _read_schedule(item: Json, sid: str, bundle: ServiceBundle, problems: Problems, path: str) -> None:
    schedule = Schedule(
        id=str(item["id"]),
        service_id=sid,
        description=item.get("description") or None,
        attending_type=item.get("attending_type"),
    )
    try:
        schedule.byday = parse_byday(item.get("byday"))
    except ValueError:
        problems.add(f"{path}.byday", "bad_byday", value=item.get("byday"))
    read_schedule_rule(item, schedule, problems, path)
    bundle.schedules.append(schedule)


def _check_ages(service: Service, problems: Problems) -> None:
    low, high = service.minimum_age, service.maximum_age
    if (low is not None and low < 0) or (low is not None and high is not None and high < low):
        problems.add("$.maximum_age", "bad_age", minimum=low, maximum=high)


def _attendance(bundle: ServiceBundle) -> Attendance:
    """Attendance from the attendance term when given, else from the kinds of location."""
    for link in bundle.service_terms:
        if link.term_id.startswith("attendance-"):
            try:
                return Attendance(link.term_id.removeprefix("attendance-"))
            except ValueError:
                break
    kinds = {loc.location_type for loc in bundle.locations}
    if kinds == {"virtual"}:
        return Attendance.ONLINE
    if "virtual" in kinds:
        return Attendance.BOTH
    return Attendance.IN_PERSON
