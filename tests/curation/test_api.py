"""The curators' JSON API: add, edit, archive; the same validation as import; auth and CSRF refused."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from assistant.directory.models import Service
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.matcher import Matcher
from tests.curation.conftest import STAFF, sign_in
from tests.directory.records import service

API = "/staff/api/listings"


def test_add_edit_archive(client: TestClient, curated: Engine) -> None:
    token = sign_in(client)
    headers = {"X-CSRF-Token": token}
    added = client.post(API, json=service(3), headers=headers)
    assert added.status_code == 201, added.text
    assert added.json()["id"] == "svc-3"
    assert client.post(API, json=service(3), headers=headers).status_code == 409
    changed = service(3, name="Knit Club")
    edited = client.put(f"{API}/svc-3", json=changed, headers=headers)
    assert edited.status_code == 200 and edited.json()["name"] == "Knit Club"
    assert client.get(f"{API}/svc-3").json()["name"] == "Knit Club"
    assert client.put(f"{API}/nope", json=service(9, id="nope"), headers=headers).status_code == 404
    assert client.post(f"{API}/svc-3/archive", headers=headers).json()["status"] == "inactive"
    with Session(curated) as session:
        archived = session.get(Service, "svc-3")
        assert archived is not None and archived.status == "inactive"


def test_archived_listings_are_not_matched(client: TestClient, curated: Engine) -> None:
    token = sign_in(client)
    near = PlaceValue(label="LU7", latitude=51.917, longitude=-0.658, outcode="LU7")
    wanted = Profile(interests=("activity-knit-natter",), place=near)
    assert "svc-1" in {card.id for card in Matcher(curated).search(wanted, 0, 10).cards}
    assert client.get("/listing/svc-1").status_code == 200
    assert client.post(f"{API}/svc-1/archive", headers={"X-CSRF-Token": token}).status_code == 200
    assert "svc-1" not in {card.id for card in Matcher(curated).search(wanted, 0, 10).cards}
    assert client.get("/listing/svc-1").status_code == 404


def test_invalid_records_list_every_problem(client: TestClient) -> None:
    token = sign_in(client)
    bad = service(4, name="", schedules=[{"id": "s4", "byday": "XX", "opens_at": "25:00"}])
    del bad["status"]
    answer = client.post(API, json=bad, headers={"X-CSRF-Token": token})
    assert answer.status_code == 422
    problems = answer.json()["error"]["problems"]
    paths = {p["path"] for p in problems}
    assert "$" in paths or any("status" in p["reason"] for p in problems)
    assert all(p["reason"] for p in problems)
    assert client.post(API, content=b"{not json", headers={"X-CSRF-Token": token}).status_code == 422
    changed_id = client.put(f"{API}/svc-1", json=service(5), headers={"X-CSRF-Token": token})
    assert changed_id.status_code == 422


def test_auth_role_and_csrf_refused(client: TestClient) -> None:
    assert client.post(API, json=service(6)).status_code == 401
    assert client.get(f"{API}/svc-1").status_code == 401
    sign_in(client, STAFF)
    assert client.get(f"{API}/svc-1").status_code == 403
    client.cookies.clear()
    sign_in(client)
    assert client.post(API, json=service(6)).status_code == 403  # no CSRF header
    assert client.post(API, json=service(6), headers={"X-CSRF-Token": "wrong"}).status_code == 403


def test_pages_edit_and_archive(client: TestClient, curated: Engine) -> None:
    token = sign_in(client)
    listing = client.get("/staff/listings", params={"q": "knit"})
    assert "Tuesday Knit and Natter" in listing.text
    form = client.get("/staff/listings/svc-2")
    assert form.status_code == 200 and "svc-2" in form.text
    bad = client.post("/staff/listings/svc-2", data={"csrf": token, "record": '{"id": "svc-2", "name": ""}'})
    assert bad.status_code == 422 and "nothing was saved" in bad.text
    refused = client.post("/staff/listings/svc-2", data={"csrf": "wrong", "record": "{}"})
    assert refused.status_code == 403
    archived = client.post("/staff/listings/svc-2/archive", data={"csrf": token})
    assert archived.status_code == 303
    with Session(curated) as session:
        row = session.get(Service, "svc-2")
        assert row is not None and row.status == "inactive"
