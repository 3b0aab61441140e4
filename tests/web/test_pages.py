"""The no-JavaScript chat page and the printable listing pages, through FastAPI's TestClient."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from assistant.app import create_app
from assistant.content import text
from assistant.settings import Settings

SESSION = re.compile(r'name="session" value="([^"]+)"')
OPTIONS = re.compile(r'<form[^>]*class="options".*?</form>', re.S)
VALUE = re.compile(r'name="text" value="([^"]*)"')


def say(client: TestClient, said: str, session: str | None = None, mode: str = "plain") -> tuple[str, str]:
    """One turn through the form; the page and the session it carries on with."""
    form = {"text": said, "mode": mode, **({"session": session} if session else {})}
    response = client.post("/chat", data=form)
    assert response.status_code == 200, response.text
    found = SESSION.search(response.text)
    assert found
    return response.text, found.group(1)


def to_results(client: TestClient) -> tuple[str, str]:
    page, session = say(client, "for me near LU7 1AA")
    for _ in range(10):
        if 'class="cards"' in page:
            return page, session
        choices = OPTIONS.findall(page)
        assert choices, page
        page, session = say(client, html.unescape(VALUE.findall(choices[-1])[-1]), session)
    raise AssertionError("no results after ten answers")


def test_the_chat_page_works_without_javascript(client: TestClient) -> None:
    response = client.get("/chat")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<script" not in page
    assert '<html lang="en-GB">' in page and text("web_ui", "chat.intro", "plain") in html.unescape(page)
    assert '<label for="message">' in page and 'method="post" action="/chat"' in page
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_the_chat_page_in_easy_read(client: TestClient) -> None:
    page = client.get("/chat", params={"mode": "easy"}).text
    assert text("web_ui", "chat.intro", "easy") in html.unescape(page)
    assert 'aria-pressed="true"' in page


def test_a_conversation_by_form_reaches_results_with_links(client: TestClient) -> None:
    page, session = to_results(client)
    assert page.count('class="card"') >= 1
    assert re.search(r'href="/listing/[^"?]+\?mode=plain"', page)
    assert 'href="tel:' in page
    assert f'value="{session}"' in page  # carried on in every form on the page
    assert "Here are some activities" in html.unescape(page)
    assert not re.search(r"<p>1\. ", page)  # the cards replace the numbered lines of a text message


def test_options_are_submit_buttons(client: TestClient) -> None:
    page, _ = say(client, "hello")
    options = OPTIONS.findall(page)
    assert options and '<button type="submit"' in options[-1]
    assert "For me" in options[-1]


def test_the_easy_read_switch_changes_the_wording(client: TestClient) -> None:
    _, session = say(client, "hello")
    page, _ = say(client, "easy read", session, mode="easy")
    assert "OK. I will use easy words." in page
    assert 'class="mode-easy"' in page and 'aria-pressed="true"' in page


def test_talk_to_a_person_gives_a_contact(client: TestClient) -> None:
    page, _ = say(client, "talk to a person")
    assert "01632 960999" in page


def test_an_empty_message_is_a_friendly_422_page(client: TestClient) -> None:
    response = client.post("/chat", data={"text": "  ", "mode": "plain"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text and "Traceback" not in response.text


def test_a_forged_session_is_a_friendly_422_page(client: TestClient) -> None:
    response = client.post("/chat", data={"text": "hi", "session": "<script>"})
    assert response.status_code == 422 and "<script>" not in response.text


def test_a_too_long_message_is_a_friendly_413_page(client: TestClient) -> None:
    response = client.post("/chat", data={"text": "a" * 1001, "mode": "easy"})
    assert response.status_code == 413
    assert text("web", "too_big", "easy") in html.unescape(response.text)


def test_too_many_turns_get_a_friendly_429_page(settings: Settings) -> None:
    with TestClient(create_app(settings.model_copy(update={"chat_rate_per_minute": 2}))) as client:
        _, session = say(client, "hi")
        say(client, "for me", session)
        response = client.post("/chat", data={"text": "swimming", "session": session})
    assert response.status_code == 429
    assert text("web", "too_many", "plain") in html.unescape(response.text)


def test_a_listing_page_shows_every_detail_and_prints(client: TestClient) -> None:
    page, _ = to_results(client)
    found = re.search(r'href="/listing/([^"?]+)\?mode=plain">([^<]+)<', page)
    assert found
    response = client.get(f"/listing/{found.group(1)}")
    assert response.status_code == 200
    listing = html.unescape(response.text)
    assert "<h1>" in listing and "Cost:" in listing and "run by" in listing
    assert 'href="tel:' in listing and 'href="/static/pages.css"' in listing
    easy = html.unescape(client.get(f"/listing/{found.group(1)}", params={"mode": "easy"}).text)
    assert "It is run by" in easy


def test_an_unknown_listing_is_a_friendly_404_page(client: TestClient) -> None:
    response = client.get("/listing/no-such-activity")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert text("web_ui", "not_found.title", "plain") in html.unescape(response.text)
    assert 'href="/chat' in response.text


def test_the_form_chat_refuses_a_post_from_another_site(client: TestClient) -> None:
    _, session = say(client, "hi")
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}, {"Origin": "https://evil.example"},
                    {"Origin": "null"}):
        response = client.post("/chat", data={"text": "for me", "session": session}, headers=headers)
        assert response.status_code == 403, headers
        assert text("web", "cross_site", "plain") in html.unescape(response.text)
        assert session not in response.text
    same = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}
    assert client.post("/chat", data={"text": "for me", "session": session}, headers=same).status_code == 200
    assert client.post("/chat", data={"text": "hi"}, headers={"Origin": "http://testserver"}).status_code == 200


def test_the_form_chat_ignores_a_session_it_did_not_issue(client: TestClient) -> None:
    planted = "chosen-by-someone-else"
    page, session = say(client, "for me", planted)
    assert session != planted and planted not in page
    _, carried = say(client, "knitting", session)
    assert carried == session  # one it issued carries on
