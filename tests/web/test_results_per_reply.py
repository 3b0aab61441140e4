"""On the web a results reply holds at most five cards, each saying who it is for when that is
a particular need."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.test_chat_api import chat


def test_a_web_results_reply_shows_at_most_five_cards(client: TestClient) -> None:
    session = chat(client, "hi")["session"]
    body = chat(client, "a social club for my dad in Solihull", session)
    for _ in range(6):
        if any(r["results"] for r in body["replies"]):
            break
        body = chat(client, "no", session)
    cards = next(r for r in body["replies"] if r["results"])["results"]
    assert len(cards) == 5
    assert any(card["for_whom"].startswith("for ") for card in cards)
