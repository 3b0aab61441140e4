"""The Open Referral UK read API: pages, filters, one service, nearest service-at-locations."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.directory.geo import miles_between
from tests.web.oruk_schemas import errors, validator


def test_services_are_paged_and_valid_oruk(client: TestClient) -> None:
    body = client.get("/oruk/services", params={"page": 2, "per_page": 10}).json()
    assert body["total_items"] >= 300 and body["page_number"] == 2 and body["size"] == 10
    assert not body["first_page"] and not body["last_page"]
    assert errors(validator("service_list"), body) == []
    service_schema = validator("service_with_definitions")
    assert [e for s in body["contents"] for e in errors(service_schema, s)] == []


def test_text_search_finds_services_by_their_words(client: TestClient) -> None:
    body = client.get("/oruk/services", params={"text": "knit"}).json()
    assert body["total_items"] >= 3
    assert all("knit" in (s["name"] + s.get("description", "")).lower() for s in body["contents"])


def test_taxonomy_filters_by_term_and_by_taxonomy(client: TestClient) -> None:
    by_term = client.get("/oruk/services", params={"taxonomy_term_id": "need-dementia", "per_page": 200}).json()
    assert by_term["total_items"] >= 5
    for service in by_term["contents"]:
        assert "need-dementia" in {a["taxonomy_term"]["id"] for a in service["attributes"]}
    by_taxonomy = client.get("/oruk/services", params={"taxonomy_id": "dayfinder-support"}).json()
    assert 0 < by_taxonomy["total_items"] < 333


def test_one_service_in_full(client: TestClient) -> None:
    first = client.get("/oruk/services", params={"per_page": 1}).json()["contents"][0]
    body = client.get(f"/oruk/services/{first['id']}").json()
    assert body["id"] == first["id"] and body["schedules"] and body["organization"]["name"]
    assert errors(validator("service_with_definitions"), body) == []


def test_an_unknown_service_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/oruk/services/no-such-id")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_service_at_locations_near_a_postcode_come_nearest_first(client: TestClient) -> None:
    body = client.get("/oruk/service_at_locations", params={"postcode": "LU7 1AA", "proximity": 5000}).json()
    assert body["total_items"] >= 3
    assert errors(validator("service_at_location_list"), body) == []
    origin = (51.9165, -0.6597)  # roughly LU7's centre
    distances = [miles_between(*origin, s["location"]["latitude"], s["location"]["longitude"])
                 for s in body["contents"]]
    assert distances == sorted(distances) or max(distances) - min(distances) < 1.0
    assert max(distances) <= 5000 / 1609.344 + 1.0


@pytest.mark.parametrize("params", [{"postcode": "hello"}, {"postcode": "LU7", "proximity": -1},
                                    {"postcode": "LU7", "proximity": "far"}, {"proximity": 5000}])
def test_bad_proximity_queries_are_friendly_4xx(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/oruk/service_at_locations", params=params)
    assert response.status_code == 422 and response.json()["error"]["code"] == "bad_request"


def test_paging_past_the_end_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/oruk/services", params={"page": 999, "per_page": 50}).json()
    assert body["empty"] and body["contents"] == [] and body["last_page"]
