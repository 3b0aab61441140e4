"""The staff search, shortlist, send-to-phone (Twilio's HTTP client swapped) and the handout."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, select

from assistant.channels.gsm import segments
from assistant.conversation.store import user_key
from assistant.settings import Settings
from assistant.staff.users import SentHandover
from tests.channels.test_sms_send import RecordingHttpClient
from tests.staff.conftest import sign_in

SEARCH = "/staff?place=Luton&needs=need-older-people&budget=10&search=1"
PICK = re.compile(r'name="ids" value="([^"]+)"')


def found_ids(client: TestClient, url: str = SEARCH) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200, page.text
    return PICK.findall(page.text)


def test_the_search_uses_the_matcher_and_offers_the_vocabulary(client: TestClient) -> None:
    sign_in(client)
    form = client.get("/staff").text
    assert 'value="need-dementia"' in form and 'value="activity-knit-natter"' in form
    assert 'value="access-step-free"' in form and 'value="TU"' in form and 'value="morning"' in form
    page = client.get(SEARCH)
    assert "activities found" in page.text
    assert len(PICK.findall(page.text)) >= 3
    assert 'name="place" type="text" value="Luton"' in page.text  # the form keeps what was asked


def test_a_search_without_a_place_or_with_a_bad_budget_says_what_to_fix(client: TestClient) -> None:
    sign_in(client)
    page = client.get("/staff?budget=lots&search=1")
    assert page.status_code == 422
    assert "Type a postcode or town" in page.text and "as a number of pounds" in page.text
    assert "Nowhereville" in client.get("/staff?place=Nowhereville+Zzz&search=1").text
    assert client.get("/staff?online=yes&search=1").status_code == 200


def test_ticked_results_make_a_shortlist_with_both_ways_to_hand_it_over(client: TestClient) -> None:
    sign_in(client)
    ids = found_ids(client)[:2]
    page = client.get("/staff/shortlist", params={"ids": ids})
    assert page.status_code == 200
    assert PICK.findall(page.text) == ids
    assert 'action="/staff/send"' in page.text and 'name="consent"' in page.text
    assert "/staff/handout?ids=" in page.text
    empty = client.get("/staff/shortlist?ids=no-such-listing")
    assert empty.status_code == 422 and "Tick at least one" in empty.text


def test_send_to_phone_texts_the_shortlist_and_keeps_only_an_hmac(client: TestClient, settings: Settings) -> None:
    http = RecordingHttpClient()
    client.app.state.sms_http_client = http  # type: ignore[attr-defined]
    token = sign_in(client)
    ids = found_ids(client)[:2]
    form = {"ids": ids, "phone": "07700 900123", "consent": "yes", "csrf": token, "back": "place=Luton"}
    response = client.post("/staff/send", data=form)
    assert response.status_code == 303
    assert http.requests and {r["data"]["To"] for r in http.requests} == {"+447700900123"}
    assert all(segments(r["data"]["Body"]) <= 2 for r in http.requests)
    body = "\n".join(r["data"]["Body"] for r in http.requests)
    assert body.startswith("Dayfinder: the activities we talked about.\n1. ")
    assert "\n2. " in body and body.endswith("Reply STOP to get no more texts.")
    done = client.get(response.headers["location"])
    assert f"Sent. The shortlist went to their phone in {len(http.requests)} text message(s)." in done.text

    engine = client.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as session:
        (row,) = session.exec(select(SentHandover)).all()
        dump = " ".join(str(v) for r in session.execute(text("SELECT * FROM staff_handover")) for v in r)
    assert row.service_ids == ids and row.channel == "sms" and row.consent
    assert row.recipient_key == user_key(settings.identity_secret.get_secret_value(), "sms", "+447700900123")
    assert "7700900123" not in dump and "7700 900123" not in dump


def test_nothing_is_sent_without_consent_or_to_a_number_that_is_not_a_mobile(client: TestClient) -> None:
    http = RecordingHttpClient()
    client.app.state.sms_http_client = http  # type: ignore[attr-defined]
    token = sign_in(client)
    ids = found_ids(client)[:1]
    refused = client.post("/staff/send", data={"ids": ids, "phone": "07700 900123", "csrf": token})
    assert refused.status_code == 422 and "Ask the person if they agree" in refused.text
    landline = client.post("/staff/send", data={"ids": ids, "phone": "01632 960001", "consent": "yes", "csrf": token})
    assert landline.status_code == 422 and "Type a UK mobile number" in landline.text
    assert http.requests == []


def test_the_handout_is_easy_read_one_block_an_activity(client: TestClient) -> None:
    sign_in(client)
    ids = found_ids(client)[:3]
    page = client.get("/staff/handout", params={"ids": ids})
    assert page.status_code == 200
    assert page.text.count('<article class="activity">') == 3
    assert "Things you could do" in page.text and 'class="staff handout"' in page.text
    assert 'href="/static/staff.css"' in page.text
    css = client.get("/static/staff.css")
    assert css.status_code == 200 and "@media print" in css.text
