"""The widget's script and words: served with the right type and caching, words from content/."""

from __future__ import annotations

from fastapi.testclient import TestClient

from assistant.content import keys, text


def test_the_widget_script_is_javascript_with_cache_headers(client: TestClient) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "max-age=" in response.headers["cache-control"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "attachShadow" in response.text and "/api/chat" in response.text


def test_a_browser_that_has_the_script_gets_a_304(client: TestClient) -> None:
    etag = client.get("/widget.js").headers["etag"]
    again = client.get("/widget.js", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content


def test_the_widget_holds_no_sentences_of_its_own(client: TestClient) -> None:
    script = client.get("/widget.js").text
    for key in keys("widget"):
        assert text("widget", key, "plain") not in script, key


def test_widget_strings_come_in_plain_and_easy_read(client: TestClient) -> None:
    plain = client.get("/widget/strings").json()
    easy = client.get("/widget/strings", params={"mode": "easy"}).json()
    assert plain["mode"] == "plain" and easy["mode"] == "easy"
    assert set(plain["strings"]) == set(easy["strings"]) >= {
        "launcher", "input_label", "send", "close", "easy_read", "person", "loading", "error", "distance",
    }
    assert plain["strings"]["launcher"] == text("widget", "launcher", "plain")
    assert easy["strings"]["launcher"] == text("widget", "launcher", "easy")
    assert "max-age" in client.get("/widget/strings").headers["cache-control"]


def test_an_unknown_mode_is_a_friendly_422(client: TestClient) -> None:
    response = client.get("/widget/strings", params={"mode": "klingon"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "bad_request"


def test_an_allowed_page_may_fetch_the_strings_across_origins(client: TestClient) -> None:
    response = client.get("/widget/strings", headers={"Origin": "http://127.0.0.1:8765"})
    assert response.headers["access-control-allow-origin"] == "http://127.0.0.1:8765"
    other = client.get("/widget/strings", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_the_pages_stylesheet_has_a_print_layout(client: TestClient) -> None:
    response = client.get("/static/pages.css")
    assert response.headers["content-type"].startswith("text/css")
    assert "@media print" in response.text and "prefers-reduced-motion" in response.text
