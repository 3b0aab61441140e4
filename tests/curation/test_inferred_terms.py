"""Curators see what Dayfinder inferred for a listing and confirm or remove it; saving the record
keeps unconfirmed terms inferred. SQLite and PostgreSQL."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.directory.inference import infer_directory
from assistant.directory.models import Service, ServiceTerm
from tests.curation.conftest import sign_in


def _links(engine: Engine) -> dict[str, bool]:
    with Session(engine) as session:
        rows = session.exec(select(ServiceTerm).where(ServiceTerm.service_id == "svc-1"))
        return {link.term_id: link.inferred for link in rows}


def _infer_memory_cafe(engine: Engine) -> None:
    """svc-1 (given: older people, knit and natter) now describes a memory cafe; infer from it."""
    with Session(engine) as session:
        row = session.get(Service, "svc-1")
        assert row is not None
        row.description = "A memory cafe for people living with dementia and their carers."
        session.add(row)
        session.commit()
    infer_directory(engine)


def test_the_edit_page_shows_inferred_terms_to_confirm_or_remove(client: TestClient, curated: Engine) -> None:
    _infer_memory_cafe(curated)
    csrf = sign_in(client)
    page = client.get("/staff/listings/svc-1").text
    assert "Inferred by Dayfinder" in page and "Confirm Dementia" in page and "Remove Memory cafe" in page
    assert "Confirm Older people" not in page  # given by the feed, not inferred

    kept = client.post("/staff/listings/svc-1/terms/need-dementia/keep", data={"csrf": csrf})
    removed = client.post("/staff/listings/svc-1/terms/activity-memory-cafe/remove", data={"csrf": csrf})
    assert kept.status_code == removed.status_code == 303
    links = _links(curated)
    assert links["need-dementia"] is False and "activity-memory-cafe" not in links
    assert client.post("/staff/listings/svc-1/terms/need-dementia/keep", data={"csrf": csrf}).status_code == 404


def test_saving_the_record_keeps_unconfirmed_terms_inferred(client: TestClient, curated: Engine) -> None:
    _infer_memory_cafe(curated)
    csrf = sign_in(client)
    before = _links(curated)
    record = client.get("/oruk/services/svc-1").json()
    saved = client.post("/staff/listings/svc-1", data={"csrf": csrf, "record": json.dumps(record)})
    assert saved.status_code == 303, saved.text
    assert _links(curated) == before and before["need-carers"] is True


def test_reviewing_needs_the_csrf_token(client: TestClient, curated: Engine) -> None:
    _infer_memory_cafe(curated)
    sign_in(client)
    response = client.post("/staff/listings/svc-1/terms/need-dementia/keep", data={"csrf": "wrong"})
    assert response.status_code in (400, 403) and _links(curated)["need-dementia"] is True
