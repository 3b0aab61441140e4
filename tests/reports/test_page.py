"""``/staff/gaps``: commissioners and admins only; the page, its CSV downloads and its SVG charts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from assistant.app import create_app
from assistant.directory.db import make_engine
from assistant.directory.schema import upgrade
from assistant.reports.export import HEADERS
from assistant.settings import Settings
from assistant.staff.users import add_user
from tests.reports.seed import events

PASSWORD = "correct horse battery staple"
USERS = {"commissioner": "cara@example.org", "admin": "ada@example.org", "staff": "sam@example.org"}
MARCH = "from=2026-03-01&to=2026-03-31"
MARCH_HTML = MARCH.replace("&", "&amp;")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(scope="module")
def gaps_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('gaps') / 'dayfinder.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as session:
        session.add_all(events())
        session.commit()
    for role, email in USERS.items():
        add_user(engine, email, role.title(), role, PASSWORD, dt.datetime.now(dt.UTC))
    engine.dispose()
    return url


@pytest.fixture
def client(gaps_db: str) -> Iterator[TestClient]:
    """Over https, so the Secure session cookie comes back as it would from a browser."""
    settings = Settings(database_url=gaps_db, staff_session_secret="test-staff-secret")
    with TestClient(create_app(settings), base_url="https://testserver") as test_client:
        yield test_client


def sign_in(client: TestClient, role: str) -> None:
    found = CSRF.search(client.get("/staff/login").text)
    assert found
    form = {"email": USERS[role], "password": PASSWORD, "csrf": found.group(1)}
    assert client.post("/staff/login", data=form, follow_redirects=False).status_code == 303


PATHS = ("/staff/gaps", "/staff/gaps/demand.csv", "/staff/gaps/charts/needs.svg")


@pytest.mark.parametrize("path", PATHS)
def test_signed_out_is_refused(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 401
    page = client.get(path, headers={"Accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/staff/login?next=")
    assert "Autism" not in client.get(path).text


@pytest.mark.parametrize("path", PATHS)
def test_plain_staff_are_refused(client: TestClient, path: str) -> None:
    sign_in(client, "staff")
    response = client.get(f"{path}?{MARCH}")
    assert response.status_code == 403 and "Autism" not in response.text


@pytest.mark.parametrize("role", ["commissioner", "admin"])
def test_the_page_for_a_commissioner(client: TestClient, role: str) -> None:
    sign_in(client, role)
    response = client.get(f"/staff/gaps?{MARCH}")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    assert "<script" not in html and "<svg" not in html  # charts are same-origin images
    for name in ("time-of-week", "needs", "missing"):
        assert f'src="/staff/gaps/charts/{name}.svg?{MARCH_HTML}"' in html
    assert "<dt>Searches</dt><dd>200</dd>" in html and "<dd>67</dd>" in html
    assert "(2 rows left out)" in html and "fewer than 5" in html
    assert "Learning disability" not in html  # 3 searches: suppressed
    assert "Gardening and allotments" in html and f'href="/staff/gaps/unmet.csv?{MARCH_HTML}"' in html


def test_the_csv_download_matches_the_report(client: TestClient) -> None:
    sign_in(client, "commissioner")
    response = client.get(f"/staff/gaps/unmet.csv?{MARCH}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="dayfinder-gaps-unmet-2026-03-01-2026-03-31.csv"' in response.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == HEADERS["unmet"]
    rows = {(r["need_id"], r["area"]): r["no_results_or_relaxed"] for r in reader}
    assert rows == {
        ("need-autism", "online"): "27",
        ("need-dementia", "MK1"): "20",
        ("need-autism", "LU7"): "17",
        ("need-dementia", "LU7"): "<5",
        ("", "Central Bedfordshire"): "0",
    }
    assert client.get(f"/staff/gaps/everything.csv?{MARCH}").status_code == 404


def test_the_chart_is_an_svg_image(client: TestClient) -> None:
    sign_in(client, "commissioner")
    response = client.get(f"/staff/gaps/charts/missing.svg?{MARCH}")
    assert response.status_code == 200 and response.headers["content-type"] == "image/svg+xml"
    assert ET.fromstring(response.text).tag == "{http://www.w3.org/2000/svg}svg"
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none' covers it
    assert client.get(f"/staff/gaps/charts/pie.svg?{MARCH}").status_code == 404


def test_an_empty_period_and_a_bad_period(client: TestClient) -> None:
    sign_in(client, "commissioner")
    empty = client.get("/staff/gaps?from=2025-01-01&to=2025-01-31")
    assert empty.status_code == 200 and "There were no searches in this period" in empty.text
    for query in ("from=2026-04-01&to=2026-03-01", "from=1%20March&to=2026-03-31"):
        bad = client.get(f"/staff/gaps?{query}")
        assert bad.status_code == 400 and "Check the dates" in bad.text
        assert client.get(f"/staff/gaps/demand.csv?{query}").status_code == 400


def test_the_default_period_is_the_last_90_days(client: TestClient) -> None:
    sign_in(client, "commissioner")
    today = dt.date.today()
    html = client.get("/staff/gaps").text
    assert f'value="{today.isoformat()}"' in html
    assert f'value="{(today - dt.timedelta(days=89)).isoformat()}"' in html
