"""The staff journey in a real browser (Debian's Chromium via Playwright), checked with axe-core.

Sign in, search, tick a shortlist, text it (Twilio's HTTP client swapped, the outbound body
checked), then open the printable handout. Each kind of page must have no WCAG 2.2 AA violations.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from assistant.app import create_app
from assistant.directory.db import make_engine
from assistant.directory.models import Service
from assistant.engine.state import Profile
from assistant.matching.events import record_search
from assistant.matching.results import ResultsPage
from assistant.settings import Settings
from tests.browser import CHROMIUM
from tests.channels.test_sms_send import RecordingHttpClient
from tests.staff.conftest import ADMIN, PASSWORD, STAFF
from tests.web.test_browser import assert_no_violations, free_port

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(staff_db: str) -> Iterator[tuple[str, RecordingHttpClient]]:
    """The app on loopback (Secure cookies work there), with Twilio's HTTP client swapped."""
    port = free_port()
    settings = Settings(
        database_url=staff_db,
        twilio_account_sid="AC" + "0" * 32,
        twilio_auth_token="twilio-test-auth-token",
        twilio_from_number="+441632960000",
        twilio_api_base_url="https://twilio.test",
    )
    app = create_app(settings)
    http = RecordingHttpClient()
    app.state.sms_http_client = http
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none", http="h11")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", http
    server.should_exit = True
    thread.join(10)


def test_sign_in_search_shortlist_send_and_print(page: Page, server: tuple[str, RecordingHttpClient]) -> None:
    url, http = server
    page.goto(f"{url}/staff")
    expect(page).to_have_url(f"{url}/staff/login?next=%2Fstaff")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_no_violations(page)

    page.get_by_label("Email address").fill(STAFF)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("The email address or password is not right")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Find activities for someone")).to_be_visible()
    page.get_by_label("Postcode or town").fill("Luton")
    page.get_by_label("Older people").check()
    page.get_by_label("Most they can pay each time, in pounds").fill("10")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("heading", name="activities found")).to_be_visible()
    assert_no_violations(page)

    boxes = page.locator('input[name="ids"]')
    names = [boxes.nth(i).locator("xpath=..").locator(".name").inner_text() for i in range(2)]
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Make a shortlist").click()
    expect(page.get_by_role("heading", name="Shortlist", exact=True)).to_be_visible()
    assert_no_violations(page)

    page.get_by_label("Their mobile number").fill("07700 900123")
    page.get_by_role("button", name="Send text message").click()
    expect(page.get_by_role("alert")).to_contain_text("Ask the person if they agree")
    assert http.requests == []
    page.get_by_label("They have agreed to get this text message").check()
    page.get_by_role("button", name="Send text message").click()
    expect(page.get_by_role("status")).to_contain_text("Sent. The shortlist went to their phone")
    assert {r["data"]["To"] for r in http.requests} == {"+447700900123"}
    body = "\n".join(r["data"]["Body"] for r in http.requests)
    assert body.startswith("Dayfinder: the activities we talked about.")
    assert all(name.split(" ")[0] in body for name in names)

    page.get_by_role("link", name="Open the easy-read handout to print").click()
    expect(page.get_by_role("heading", name="Things you could do")).to_be_visible()
    expect(page.locator("article.activity")).to_have_count(2)
    assert_no_violations(page)
    page.emulate_media(media="print")
    assert page.locator(".screen-only").is_hidden()
    size = page.locator("article.activity h2").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 24  # 18pt and more: large print
    body_sizes = page.locator("article.activity p, p.intro, p.outro").evaluate_all(
        "es => es.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert body_sizes and min(body_sizes) >= 14 * 96 / 72  # body text of 14pt at least, as printed
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_curator_and_commissioner_pages_have_no_accessibility_violations(
    page: Page, server: tuple[str, RecordingHttpClient], staff_db: str
) -> None:
    """Every staff page, not only signposting: listings, editing, problem reports and the gaps report."""
    url = server[0]
    engine = make_engine(staff_db)
    with Session(engine) as session:
        service_id = session.exec(select(Service.id).order_by(Service.id)).first()
        record_search(
            session,
            profile=Profile(interests=("activity-knit-natter",)),
            page=ResultsPage([], total=0, page=0, page_size=5),
            channel="web",
            today=dt.date.today(),
        )
        session.commit()
    engine.dispose()
    page.goto(f"{url}/listing/{service_id}")
    page.get_by_role("textbox").first.fill("The phone number is wrong")
    page.get_by_role("button", name=re.compile("report|send", re.I)).first.click()
    page.goto(f"{url}/staff/login")
    page.get_by_label("Email address").fill(ADMIN)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    for path in (
        "/staff/listings",
        f"/staff/listings/{service_id}",
        "/staff/listings/new",
        "/staff/problems",
        "/staff/gaps",
    ):
        response = page.goto(f"{url}{path}")
        assert response is not None and response.status == 200, path
        assert page.url == f"{url}{path}", f"{path} sent us to {page.url}"  # signed in, not redirected
        assert_no_violations(page)
    page.goto(f"{url}/staff/problems")
    expect(page.get_by_text("The phone number is wrong")).to_be_visible()
