"""Every endpoint of the ORUK 3.0 OpenAPI description, with every query parameter it lists.

The endpoints and parameters are read from the in-repo copy of the spec
(tests/fixtures/schemas/oruk/v3.0/openapi.json): a parameter the spec adds that the walk cannot give a
value to fails the test. Each answer is a 200 that validates against the ORUK validator's
schemas (and the spec's Page), whose results really meet the filter, carries
``Access-Control-Allow-Origin: *``, and an unknown id is a friendly 404.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft7Validator
from schemathesis.checks import not_a_server_error, response_schema_conformance
from sqlalchemy import Engine

from assistant.app import create_app
from assistant.curation.listings import archive_listing
from assistant.directory.importer import import_bundles
from assistant.directory.reader import read_records
from assistant.settings import Settings
from tests.directory.records import service
from tests.web.oruk_schemas import errors, load, validator

PREFIX = "/oruk"
SPEC = load("openapi")
Json = dict[str, Any]

# What each path answers with, as the validator's schemas name it: (schema, paged).
SHAPES = {
    "/": ("api_details", False),
    "/services": ("service_list", True),
    "/services/{id}": ("service_with_definitions", False),
    "/taxonomies": ("taxonomy", True),
    "/taxonomies/{id}": ("taxonomy", False),
    "/taxonomy_terms": ("taxonomy_term", True),
    "/taxonomy_terms/{id}": ("taxonomy_term", False),
    "/service_at_locations": ("service_at_location_list", True),
    "/service_at_locations/{id}": ("service_at_location", False),
}
WHOLE_PAGE_SCHEMAS = {"service_list", "service_at_location_list"}  # the others describe one item
# A value for every query parameter in the spec; ``proximity`` is measured from a postcode.
VALUES: dict[str, Json] = {
    "search": {"search": "knit"},
    "page": {"page": 2, "per_page": 3},
    "per_page": {"per_page": 4},
    "taxonomy_term_id": {"taxonomy_term_id": "need-dementia"},
    "taxonomy_id": {"taxonomy_id": "dayfinder-support"},
    "minimum_age": {"minimum_age": 16},
    "maximum_age": {"maximum_age": 99},
    "start_time": {"start_time": "13:00"},
    "end_time": {"end_time": "12:00"},
    "day": {"day": "TU"},
    "postcode": {"postcode": "LU7 1AA"},
    "proximity": {"postcode": "LU7 1AA", "proximity": "3000"},
}


def _schedules(service: Json) -> list[Json]:
    return list(service.get("schedules", []))


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


# What each filter promises of every service it lets through.
MEETS: dict[str, Callable[[Json], bool]] = {
    "search": lambda s: "knit" in (s["name"] + s.get("description", "")).lower(),
    "taxonomy_term_id": lambda s: "need-dementia" in {a["taxonomy_term_id"] for a in s.get("attributes", [])},
    "taxonomy_id": lambda s: "dayfinder-support" in {a["taxonomy_term"]["taxonomy"] for a in s.get("attributes", [])},
    "minimum_age": lambda s: s.get("minimum_age", -1) >= 16,
    "maximum_age": lambda s: s.get("maximum_age", 1000) <= 99,
    "start_time": lambda s: any("opens_at" in x and _time(x["opens_at"]) >= dt.time(13) for x in _schedules(s)),
    "end_time": lambda s: any("closes_at" in x and _time(x["closes_at"]) <= dt.time(12) for x in _schedules(s)),
    "day": lambda s: any("TU" in x.get("byday", "") for x in _schedules(s)),
}


def _parameters(path: str) -> list[str]:
    item = SPEC["paths"][path]
    found = []
    for parameter in item.get("get", {}).get("parameters", []):
        if "$ref" in parameter:
            parameter = SPEC["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[-1]]
        if parameter["in"] == "query":
            found.append(parameter["name"])
    return found


WALK = [(path, name) for path in SPEC["paths"] for name in [None, *_parameters(path)]]


def _check_shape(path: str, body: Any) -> None:
    name, paged = SHAPES[path]
    if not paged or name in WHOLE_PAGE_SCHEMAS:
        assert errors(validator(name), body) == []
    if paged:
        assert errors(Draft7Validator(SPEC["components"]["schemas"]["Page"]), body) == []
        assert set(SPEC["components"]["schemas"]["Page"]["properties"]) <= set(body)
        item = validator(name)
        assert [e for c in body["contents"] for e in errors(item, c)] == []
        assert body["size"] == len(body["contents"]) and body["empty"] == (not body["contents"])


def _an_id(client: TestClient, path: str) -> str:
    listing = client.get(PREFIX + path.removesuffix("/{id}"), params={"per_page": 1}).json()
    return str(listing["contents"][0]["id"])


def test_the_walk_covers_the_nine_endpoints_of_the_spec() -> None:
    assert set(SPEC["paths"]) == set(SHAPES) and len(SHAPES) == 9
    assert {name for path in SPEC["paths"] for name in _parameters(path)} <= set(VALUES)


@pytest.mark.parametrize(("path", "parameter"), WALK, ids=[f"{p} {n or '-'}" for p, n in WALK])
def test_every_endpoint_answers_every_parameter_validly(client: TestClient, path: str, parameter: str | None) -> None:
    url = PREFIX + (path.replace("{id}", _an_id(client, path)) if "{id}" in path else path)
    params = VALUES[parameter] if parameter else {}
    response = client.get(url, params=params, headers={"Origin": "https://another-directory.example"})
    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] == "*"
    body = response.json()
    _check_shape(path, body)
    if not SHAPES[path][1] or parameter is None:
        return
    services = [c.get("service", c) for c in body["contents"]]
    if parameter in MEETS and path != "/taxonomies":
        assert services, f"{parameter} found nothing to check"
        assert all(MEETS[parameter](s) for s in services), [s["id"] for s in services if not MEETS[parameter](s)]
    if parameter == "page":
        assert body["page_number"] == 2 and not body["first_page"]


@pytest.mark.parametrize("path", [p for p in SHAPES if "{id}" in p])
def test_an_unknown_id_is_a_friendly_404_open_to_all(client: TestClient, path: str) -> None:
    response = client.get(PREFIX + path.replace("{id}", "no-such-id"))
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert response.headers["access-control-allow-origin"] == "*"


BAD: list[Json] = [
    {"page": 0}, {"per_page": 0}, {"per_page": "many"}, {"minimum_age": "old"}, {"maximum_age": -3},
    {"start_time": "25:00"}, {"end_time": "noon"}, {"day": "funday"}, {"postcode": "hello"},
    {"postcode": "ZZ99 9ZZ"}, {"postcode": "LU7 1AA", "proximity": "far"},
    {"postcode": "LU7 1AA", "proximity": "0"}, {"postcode": "LU7 1AA", "proximity": "nan"},
    {"proximity": "5000"},
]  # fmt: skip


@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
@pytest.mark.parametrize("params", BAD, ids=[",".join(f"{k}={v}" for k, v in p.items()) for p in BAD])
def test_a_parameter_we_cannot_read_is_a_friendly_422(client: TestClient, path: str, params: Json) -> None:
    response = client.get(PREFIX + path, params=params)
    assert response.status_code == 422 and response.json()["error"]["code"] == "bad_request"
    assert response.headers["access-control-allow-origin"] == "*"


def test_nearby_services_and_service_at_locations_agree(client: TestClient) -> None:
    near: Json = {"postcode": "LU7 1AA", "proximity": "3000", "per_page": 200}
    services = client.get(f"{PREFIX}/services", params=near).json()
    at = client.get(f"{PREFIX}/service_at_locations", params=near).json()
    assert services["total_items"] > 0
    assert {s["id"] for s in services["contents"]} == {c["service_id"] for c in at["contents"]}
    everywhere = client.get(f"{PREFIX}/services", params={"per_page": 1}).json()["total_items"]
    assert services["total_items"] < everywhere


def test_a_day_may_be_named_in_full(client: TestClient) -> None:
    by_code = client.get(f"{PREFIX}/services", params={"day": "TU", "per_page": 200}).json()
    by_name = client.get(f"{PREFIX}/services", params={"day": "Tuesday", "per_page": 200}).json()
    assert by_code == by_name and by_code["total_items"] > 0


def test_a_browser_preflight_is_answered_for_any_origin(client: TestClient) -> None:
    response = client.options(
        f"{PREFIX}/services",
        headers={"Origin": "https://another-directory.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code < 300 and response.headers["access-control-allow-origin"] == "*"


def test_the_rest_of_the_app_keeps_its_own_origins(client: TestClient) -> None:
    response = client.get("/healthz", headers={"Origin": "https://another-directory.example"})
    assert "access-control-allow-origin" not in response.headers


def test_taxonomies_name_dayfinder_s_own_and_list_their_terms(client: TestClient) -> None:
    listed = client.get(f"{PREFIX}/taxonomies", params={"per_page": 200}).json()
    ids = {t["id"] for t in listed["contents"]}
    assert {"dayfinder-need", "dayfinder-activity"} <= ids
    need = client.get(f"{PREFIX}/taxonomies/dayfinder-need").json()
    assert need["name"] == "Dayfinder needs served"
    terms = client.get(f"{PREFIX}/taxonomy_terms", params={"taxonomy_id": "dayfinder-need", "per_page": 200}).json()
    assert terms["total_items"] >= 5 and all(t["taxonomy_id"] == "dayfinder-need" for t in terms["contents"])
    term = client.get(f"{PREFIX}/taxonomy_terms/need-dementia").json()
    assert term["id"] == "need-dementia" and term["taxonomy"] == "dayfinder-need"


@pytest.fixture
def with_archived(engine: Engine, database_url: str) -> Iterator[TestClient]:
    """Three listings alike but for their ids; svc-2 is archived. SQLite and PostgreSQL."""
    import_bundles(engine, read_records([service(1), service(2), service(3)], "oruk3").bundles)
    assert archive_listing(engine, "svc-2")
    with TestClient(create_app(Settings(database_url=database_url))) as test_client:
        yield test_client


LIKE_ALL_THREE: Json = {
    "search": "knit", "taxonomy_term_id": "need-older-people", "minimum_age": 18, "day": "TU", "postcode": "LU7 1AA"
}  # fmt: skip


def test_an_archived_listing_is_never_published_by_any_endpoint(with_archived: TestClient) -> None:
    for path in ("/services", "/service_at_locations"):
        for params in [{}, *({k: v} for k, v in LIKE_ALL_THREE.items())]:
            body = with_archived.get(PREFIX + path, params=params).json()
            shown = [c.get("service_id", c["id"]) for c in body["contents"]]
            assert sorted(shown) == ["svc-1", "svc-3"] and body["total_items"] == 2, (path, params)
    assert with_archived.get(f"{PREFIX}/services/svc-2").status_code == 404
    assert with_archived.get(f"{PREFIX}/service_at_locations/sal-2").status_code == 404
    assert with_archived.get(f"{PREFIX}/service_at_locations/sal-1").json()["service"]["id"] == "svc-1"


def _spec_with_local_schemas() -> Json:
    """The spec with its remote ``$ref``s replaced by the in-repo schemas, served under /oruk.

    Two slips in the published file are mended as the ORUK validator's own ``open_api.json``
    mends them: ``start_time``/``end_time`` have the type "time" (not a JSON Schema type; a
    string), and ``/service_at_locations/{id}`` answers with a service-at-location, not a service.
    Ids are checked as strings, not as UUIDs: Dayfinder keeps each feed's own ids (``svc-1``,
    ``need-dementia``, a council's numbers), which ORUK 3.0 would like to be UUIDs.
    """
    local = {
        "compiled/service.json": load("service_with_definitions"),
        "compiled/service_list.json": load("service_list")["properties"]["contents"]["items"],
        "compiled/service_at_location_list.json": load("service_at_location_list")["properties"]["contents"]["items"],
        "taxonomy.json": load("taxonomy"),
        "taxonomy_term.json": load("taxonomy_term"),
    }

    def mend(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("https://"):
                return mend(local[ref.split("/schema/", 1)[1]])
            kept = {k: v for k, v in node.items() if not (k == "format" and v == "uuid")}
            return {k: ("string" if k == "type" and v == "time" else mend(v)) for k, v in kept.items()}
        return [mend(v) for v in node] if isinstance(node, list) else node

    spec: Json = mend(SPEC)
    by_id = spec["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    by_id["schema"] = mend(load("service_at_location"))
    spec["servers"] = [{"url": PREFIX}]
    return spec


def test_schemathesis_finds_no_server_error_or_schema_mismatch_against_the_oruk_spec(sample_db: str) -> None:
    app = create_app(Settings(database_url=sample_db))
    schema = schemathesis.openapi.from_dict(_spec_with_local_schemas())
    schema.app = app
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()
