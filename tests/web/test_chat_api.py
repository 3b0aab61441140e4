from __future__ import annotations

from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.app import create_app
from assistant.settings import Settings


def chat(client: TestClient, text: str, session: str | None = None, **extra: object) -> dict:  # type: ignore[type-arg]
    response = client.post("/api/chat", json={"session": session, "text": text, **extra})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_a_new_conversation_gets_a_session_and_the_first_question(client: TestClient) -> None:
    body = chat(client, "hello")
    assert len(body["session"]) >= 20
    assert "Who is the activity for?" in body["replies"][-1]["text"]
    assert next(o["label"] for o in body["replies"][-1]["options"]) == "For me"


def test_a_whole_conversation_reaches_results_with_cards(client: TestClient) -> None:
    session = chat(client, "hi")["session"]
    body = chat(client, "knitting for my mum in Biggleswade", session)
    for _ in range(6):
        if any(r["results"] for r in body["replies"]):
            break
        body = chat(client, "no", session)
    card = next(r for r in body["replies"] if r["results"])["results"][0]
    assert {"id", "name", "summary", "when", "cost", "distance_miles", "phone", "url", "last_checked"} <= set(card)
    assert card["name"] == "Biggleswade Knit and Natter" and card["cost"] == "£1.50 a session"


def test_the_session_carries_the_conversation(client: TestClient) -> None:
    session = chat(client, "hi")["session"]
    body = chat(client, "for me", session)
    assert "What do you enjoy" in body["replies"][-1]["text"]


def test_easy_read_mode_changes_the_wording(client: TestClient) -> None:
    body = chat(client, "hello", mode="easy")
    assert body["mode"] == "easy"
    assert body["replies"][-1]["text"].startswith("Who is it for?")


def test_missing_text_is_a_friendly_422(client: TestClient) -> None:
    response = client.post("/api/chat", json={"session": None})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "bad_request"
    assert "Traceback" not in response.text


def test_not_json_is_a_friendly_422(client: TestClient) -> None:
    response = client.post("/api/chat", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and "couldn't read" in response.json()["error"]["message"]


def test_a_too_long_message_is_a_friendly_413(client: TestClient) -> None:
    response = client.post("/api/chat", json={"session": None, "text": "a" * 1001})
    assert response.status_code == 413 and "too long" in response.json()["error"]["message"]


def test_an_oversized_body_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post("/api/chat", content=b"x" * 70_000, headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_a_forged_session_token_is_refused(client: TestClient) -> None:
    response = client.post("/api/chat", json={"session": "<script>", "text": "hi"})
    assert response.status_code == 422


def test_too_many_turns_from_one_session_get_a_friendly_429(settings: Settings) -> None:
    with TestClient(create_app(settings.model_copy(update={"chat_rate_per_minute": 3}))) as client:
        session = chat(client, "hi")["session"]
        for _ in range(2):
            chat(client, "for me", session)
        response = client.post("/api/chat", json={"session": session, "text": "swimming"})
    assert response.status_code == 429
    assert "wait a minute" in response.json()["replies"][0]["text"]


def test_only_allowed_origins_may_embed_the_chat(client: TestClient) -> None:
    allowed = client.options("/api/chat", headers={"Origin": "http://127.0.0.1:8765",
                                                   "Access-Control-Request-Method": "POST"})
    other = client.options("/api/chat", headers={"Origin": "https://evil.example",
                                                 "Access-Control-Request-Method": "POST"})
    assert allowed.headers.get("access-control-allow-origin") == "http://127.0.0.1:8765"
    assert "access-control-allow-origin" not in other.headers


def test_unknown_paths_are_a_friendly_404(client: TestClient) -> None:
    response = client.get("/nope")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_session_id_the_server_did_not_issue_starts_a_new_conversation(client: TestClient) -> None:
    planted = "chosen-by-someone-else"  # an id another person could hand out and then read along
    body = chat(client, "for me", planted)
    assert body["session"] != planted
    assert "enjoy" in body["replies"][-1]["text"]
    again = chat(client, "hello", planted)
    assert again["session"] not in (planted, body["session"])
    assert "Who is the activity for?" in again["replies"][-1]["text"]  # never a shared conversation


def test_a_session_with_an_edited_signature_starts_a_new_conversation(client: TestClient) -> None:
    session = chat(client, "hi")["session"]
    assert "enjoy" in chat(client, "for me", session)["replies"][-1]["text"]
    random_part, signature = session.rsplit(".", 1)
    edited = f"{random_part}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    body = chat(client, "hello", edited)
    assert body["session"] != edited and "Who is the activity for?" in body["replies"][-1]["text"]


def test_a_session_signed_with_another_identity_secret_is_not_ours(settings: Settings) -> None:
    other = settings.model_copy(update={"identity_secret": SecretStr("x" * 40)})
    with TestClient(create_app(other)) as elsewhere:
        foreign = chat(elsewhere, "hi")["session"]
    with TestClient(create_app(settings)) as client:
        assert chat(client, "hello", foreign)["session"] != foreign


def test_deleting_my_data_says_deleted_and_the_old_session_starts_afresh(client: TestClient) -> None:
    session = chat(client, "hi")["session"]
    assert chat(client, "for me", session)["deleted"] is False
    body = chat(client, "delete my data", session)
    assert body["deleted"] is True
    assert body["session"] != session  # nothing links what comes next to what was deleted
    assert "Who is the activity for?" in chat(client, "hello", session)["replies"][-1]["text"]
