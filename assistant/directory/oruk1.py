"""Read an Open Referral UK 1.0 service (list or full payload) into a :class:`ServiceBundle`.

Most live council feeds still speak ORUK 1.0. List payloads carry no locations, schedules or
costs; full payloads add ``service_at_locations``, ``regular_schedules``, ``cost_options``,
``contacts``, ``eligibilitys`` and ``service_taxonomys``. Placecube's ``pc_targetAudience`` tags
are mapped onto Dayfinder's needs where they mean the same, and kept as terms otherwise.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.directory.bundle import ServiceBundle
from assistant.directory.fields import cost_unit, derived_id, parse_byday, plain_text, weekday_code
from assistant.directory.models import (
    Attendance,
    Contact,
    CostOption,
    Phone,
    Schedule,
    Service,
    TaxonomyTerm,
)
from assistant.directory.problems import Problems
from assistant.directory.service_parts import (
    read_assured_date,
    read_name,
    read_organization,
    read_schedule_rule,
    read_service_locations,
)
from assistant.directory.terms import add_term
from assistant.directory.vocabulary import load_vocabulary

Json = dict[str, Any]

AUDIENCE_NEEDS = {
    "dementia": "need-dementia",
    "carers": "need-carers",
    "learning disabilities": "need-learning-disability",
    "mental health": "need-mental-health",
    "autism": "need-autism",
    "aspergers": "need-autism",
    "disabled people": "need-physical-disability",
    "wheelchair users": "need-physical-disability",
    "sensory impaired": "need-sensory-impairment",
    "older people": "need-older-people",
    "brain injury": "need-acquired-brain-injury",
}
ONLINE_WORDS = ("online", "virtual", "remote")
# Descriptive ORUK 1.0 fields the profile expects to become taxonomies: kept as terms of their own
# taxonomy, in or out of the enum, so they are stored as text and exported as ORUK 3.0 attributes.
DESCRIPTIVE = ("deliverable_type", "attending_type", "attending_access")


def read_service(record: Json, problems: Problems) -> ServiceBundle | None:
    sid = str(record.get("id") or "")
    name = read_name(record, problems)
    organization = read_organization(record, problems, website_keys=("url", "website"))
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
        fees=record.get("fees") or None,
        source_format="oruk1",
    )
    service.last_verified = read_assured_date(record, problems)
    bundle = ServiceBundle(organization=organization, service=service)
    read_service_locations(record, sid, bundle, problems)
    _read_schedules(record, sid, bundle, problems)
    for i, item in enumerate(record.get("cost_options") or []):
        amount = _number(item.get("amount"))
        if amount is None and item.get("amount") not in (None, ""):
            problems.add(f"$.cost_options[{i}].amount", "bad_amount", value=str(item.get("amount"))[:40])
        if amount is not None and amount < 0:
            problems.add(f"$.cost_options[{i}].amount", "negative_cost", value=amount)
        bundle.costs.append(
            CostOption(
                id=str(item.get("id") or derived_id(sid, "cost", str(i))),
                service_id=sid,
                option=item.get("option"),
                amount=amount,
                unit=cost_unit(amount, item.get("amount_description"), item.get("option")).value,
                amount_description=item.get("amount_description"),
            )
        )
    _read_contacts(record, sid, bundle)
    for item in record.get("eligibilitys") or []:
        service.minimum_age = item.get("minimum_age", service.minimum_age)
        service.maximum_age = item.get("maximum_age", service.maximum_age)
        service.eligibility_description = item.get("eligibility") or service.eligibility_description
    _read_terms(record, sid, bundle)
    service.attendance = _attendance(record, bundle).value
    return bundle


def _read_schedules(record: Json, sid: str, bundle: ServiceBundle, problems: Problems) -> None:
    """ORUK 1.0 names one ``weekday`` a row; a feed that gives an RRULE ``byday`` ("3TU") keeps it."""
    for i, item in enumerate(record.get("regular_schedules") or []):
        path = f"$.regular_schedules[{i}]"
        schedule = Schedule(
            id=str(item.get("id") or derived_id(sid, "schedule", str(i))),
            service_id=sid,
            freq="WEEKLY",
            description=item.get("description") or None,
            attending_type=item.get("attending_type") or None,
        )
        if item.get("byday"):
            try:
                schedule.byday = parse_byday(item["byday"])
            except ValueError:
                problems.add(f"{path}.byday", "bad_byday", value=item.get("byday"))
        else:
            try:
                schedule.byday = weekday_code(str(item.get("weekday") or ""))
            except ValueError:
                problems.add(f"{path}.weekday", "bad_weekday", value=item.get("weekday"))
        read_schedule_rule(item, schedule, problems, path)
        bundle.schedules.append(schedule)


def _read_contacts(record: Json, sid: str, bundle: ServiceBundle) -> None:
    for i, contact in enumerate(record.get("contacts") or []):
        cid = str(contact.get("id") or derived_id(sid, "contact", str(i)))
        bundle.contacts.append(Contact(id=cid, service_id=sid, name=contact.get("name"), title=contact.get("title")))
        for j, phone in enumerate(contact.get("phones") or []):
            if phone.get("number"):
                bundle.phones.append(
                    Phone(
                        id=str(phone.get("id") or derived_id(cid, "phone", str(j))),
                        service_id=sid,
                        contact_id=cid,
                        number=str(phone["number"]),
                    )
                )


def _read_terms(record: Json, sid: str, bundle: ServiceBundle) -> None:
    vocabulary = load_vocabulary()
    for item in record.get("pc_targetAudience") or []:
        label = str(item.get("audienceType") or "").strip()
        if not label:
            continue
        top = label.split(">")[0].strip().lower()
        need = vocabulary.get(AUDIENCE_NEEDS.get(top, ""))
        if need is not None:
            term = TaxonomyTerm(id=need.id, name=need.name, description=need.description, taxonomy=need.taxonomy)
            add_term(bundle, sid, term, derived_id(sid, need.id), "need")
        term = TaxonomyTerm(id=f"audience-{_slug(label)}", name=label, taxonomy="pc-target-audience")
        add_term(bundle, sid, term, derived_id(sid, term.id), "audience")
    for key in DESCRIPTIVE:
        said = str(record.get(key) or "").strip()
        if said:
            taxonomy = f"oruk1-{key.replace('_', '-')}"
            term = TaxonomyTerm(id=f"{taxonomy}-{_slug(said)}", name=said, taxonomy=taxonomy)
            add_term(bundle, sid, term, derived_id(sid, term.id), key)
    for item in record.get("service_taxonomys") or []:
        detail = item.get("taxonomy") or {}
        if detail.get("id") and detail.get("name"):
            term = TaxonomyTerm(
                id=str(detail["id"]), name=str(detail["name"]), taxonomy=str(detail.get("vocabulary") or "")
            )
            add_term(bundle, sid, term, str(item.get("id") or derived_id(sid, term.id)), "category")


def _attendance(record: Json, bundle: ServiceBundle) -> Attendance:
    said = " ".join(str(record.get(k) or "") for k in ("attending_type", "deliverable_type")).lower()
    online = any(word in said for word in ONLINE_WORDS)
    if online and bundle.locations:
        return Attendance.BOTH
    return Attendance.ONLINE if online else Attendance.IN_PERSON


def _number(value: object) -> float | None:
    try:
        return float(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:100]
