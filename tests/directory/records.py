"""Small, readable ORUK 3.0 records for directory tests."""

from __future__ import annotations

import copy
from typing import Any

BASE: dict[str, Any] = {
    "id": "svc-1",
    "name": "Tuesday Knit and Natter",
    "description": "A friendly knitting group with tea and cake.",
    "url": "https://knitters.example.org/tuesday",
    "status": "active",
    "fees": "£2 a session",
    "minimum_age": 18,
    "assured_date": "2026-03-01",
    "organization": {"id": "org-1", "name": "Leighton Knitters", "description": "A community group."},
    "service_areas": [{"id": "area-1", "name": "Central Bedfordshire"}],
    "service_at_locations": [
        {
            "id": "sal-1",
            "location": {
                "id": "loc-1",
                "location_type": "physical",
                "name": "Library",
                "latitude": 51.917,
                "longitude": -0.658,
                "addresses": [
                    {
                        "id": "addr-1",
                        "address_1": "1 High Street",
                        "city": "Leighton Buzzard",
                        "state_province": "Bedfordshire",
                        "postal_code": "lu7 1aa",
                        "country": "GB",
                        "address_type": "physical",
                    }
                ],
                "accessibility": [
                    {
                        "id": "acc-1",
                        "description": "Level access",
                        "attributes": [
                            {
                                "id": "acc-t-1",
                                "taxonomy_term_id": "access-step-free",
                                "link_type": "access",
                                "taxonomy_term": {
                                    "id": "access-step-free",
                                    "name": "Step-free access",
                                    "description": "Step-free",
                                    "taxonomy": "dayfinder-access",
                                },
                            }
                        ],
                    }
                ],
            },
        }
    ],
    "schedules": [
        {
            "id": "sch-1",
            "freq": "WEEKLY",
            "interval": 1,
            "byday": "tu",
            "opens_at": "10:00",
            "closes_at": "12:00",
            "description": "Tuesdays 10am to 12pm",
        }
    ],
    "cost_options": [
        {
            "id": "cost-1",
            "option": "Per session",
            "amount": 2,
            "currency": "GBP",
            "amount_description": "per session",
        }
    ],
    "phones": [{"id": "ph-1", "number": "01632 960001"}],
    "contacts": [
        {
            "id": "con-1",
            "name": "Sam",
            "title": "Organiser",
            "phones": [{"id": "cph-1", "number": "07700 900001"}],
        }
    ],
    "attributes": [
        {
            "id": "at-need-1",
            "taxonomy_term_id": "need-older-people",
            "link_type": "need",
            "taxonomy_term": {
                "id": "need-older-people",
                "name": "Older people",
                "description": "Older people",
                "taxonomy": "dayfinder-need",
            },
        },
        {
            "id": "at-act-1",
            "taxonomy_term_id": "activity-knit-natter",
            "link_type": "activity",
            "taxonomy_term": {
                "id": "activity-knit-natter",
                "name": "Knit and natter",
                "description": "Knitting",
                "taxonomy": "dayfinder-activity",
            },
        },
    ],
}


def service(number: int = 1, **changes: Any) -> dict[str, Any]:
    """A valid ORUK 3.0 service; ``number`` makes every id unique, ``changes`` override fields."""
    record = copy.deepcopy(BASE)
    suffix = f"-{number}"

    def renumber(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: (
                    v[:-2] + suffix
                    if k == "id"
                    and isinstance(v, str)
                    and v.endswith("-1")
                    and not v.startswith(("need-", "activity-", "access-"))
                    else renumber(v)
                )
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [renumber(v) for v in node]
        return node

    record = renumber(record)
    record["name"] = f"{BASE['name']} {number}" if number != 1 else BASE["name"]
    record.update(changes)
    return record


def page(*services: dict[str, Any]) -> dict[str, Any]:
    return {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": list(services),
    }
