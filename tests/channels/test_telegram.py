"""The Telegram webhook end to end: real Update JSON in, Bot API calls out to a local fake."""

from __future__ import annotations

import itertools
import logging

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from assistant.content import text
from assistant.conversation.store import ConversationState, user_key
from assistant.directory.db import make_engine
from assistant.settings import Settings
from tests.channels.config import BOT_TOKEN
from tests.channels.fake_telegram import FakeBotApi
from tests.channels.telegram_helpers import (
    button_update,
    edited_update,
    location_update,
    post_update,
    sticker_update,
    text_update,
    update,
)

_chats = itertools.count(880_000_001)


@pytest.fixture
def chat_id() -> int:
    return next(_chats)


def send(client: TestClient, api: FakeBotApi, body: dict[str, object]) -> str:
    """Post an update; the text of what the bot sent back (one message per turn, usually)."""
    before = len(api.sent())
    response = post_update(client, body)
    assert response.status_code == 200, response.text
    return "\n".join(c.params["text"] for c in api.sent()[before:])


def test_the_application_starts_with_a_get_me(client: TestClient, fake_telegram: FakeBotApi) -> None:
    assert fake_telegram.calls[0].method == "getMe"
    assert fake_telegram.calls[0].token == BOT_TOKEN


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", "telegram_test_secret-"])
def test_a_wrong_or_missing_secret_is_refused(
    client: TestClient, fake_telegram: FakeBotApi, chat_id: int, secret: str | None
) -> None:
    response = post_update(client, text_update(chat_id, "hi"), secret=secret)
    assert response.status_code == 403
    assert fake_telegram.sent() == []


def test_start_greets_and_offers_buttons(client: TestClient, fake_telegram: FakeBotApi, chat_id: int) -> None:
    said = send(client, fake_telegram, text_update(chat_id, "/start"))
    assert "Dayfinder" in said
    (call,) = fake_telegram.sent()
    assert int(call.params["chat_id"]) == chat_id
    assert call.buttons() == [
        ("For me", "for me"),
        ("For someone I care for", "for someone I care for"),
        ("I'm a professional", "I'm a professional"),
    ]


def test_a_repeated_update_is_ignored(client: TestClient, fake_telegram: FakeBotApi, chat_id: int) -> None:
    body = text_update(chat_id, "hi")
    send(client, fake_telegram, body)
    assert send(client, fake_telegram, body) == ""
    assert len(fake_telegram.sent()) == 1


def test_a_conversation_reaches_results_with_buttons(
    client: TestClient, fake_telegram: FakeBotApi, chat_id: int
) -> None:
    send(client, fake_telegram, text_update(chat_id, "/start"))
    assert "enjoy" in send(client, fake_telegram, button_update(chat_id, "for someone I care for"))
    assert fake_telegram.calls[-2].method == "answerCallbackQuery"
    for answer in ("knitting", "skip", "Biggleswade"):  # results once the place is known
        said = send(client, fake_telegram, text_update(chat_id, answer))
    assert "Knit and Natter" in said
    results = next(m for m in reversed(fake_telegram.sent()) if "Knit and Natter" in m.params.get("text", ""))
    buttons = results.buttons()
    assert buttons[0][1] == "1" and buttons[0][0].startswith("1. ")
    assert all(len(data.encode()) <= 64 for _, data in buttons)
    details = send(client, fake_telegram, button_update(chat_id, "1"))
    assert "Cost:" in details or "Contact:" in details


def test_a_shared_location_fills_the_place(client: TestClient, fake_telegram: FakeBotApi, chat_id: int) -> None:
    send(client, fake_telegram, text_update(chat_id, "swimming for me"))
    assert "Where should I look?" in send(client, fake_telegram, text_update(chat_id, "skip"))
    said = send(client, fake_telegram, location_update(chat_id, 51.8797, -0.4175))  # Luton
    assert "near LU" in said


def test_commands_map_onto_the_engine_words(client: TestClient, fake_telegram: FakeBotApi, chat_id: int) -> None:
    send(client, fake_telegram, text_update(chat_id, "hi"))
    assert text("chat", "mode_easy", "easy") in send(client, fake_telegram, text_update(chat_id, "/easyread"))
    assert text("chat", "help", "easy") in send(client, fake_telegram, text_update(chat_id, "/help"))
    assert text("chat", "restart_done", "easy") in send(client, fake_telegram, text_update(chat_id, "/reset"))
    assert text("chat", "help", "easy") in send(client, fake_telegram, text_update(chat_id, "/nonsense"))


def test_delete_forgets_the_conversation(
    client: TestClient, fake_telegram: FakeBotApi, chat_id: int, settings: Settings
) -> None:
    send(client, fake_telegram, text_update(chat_id, "hi"))
    key = user_key(settings.identity_secret.get_secret_value(), "telegram", str(chat_id))
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        assert session.get(ConversationState, key) is not None
    assert text("chat", "delete_done") in send(client, fake_telegram, text_update(chat_id, "/delete"))
    with Session(engine) as session:
        assert session.get(ConversationState, key) is None
    engine.dispose()


def test_an_edited_message_is_left_alone(client: TestClient, fake_telegram: FakeBotApi, chat_id: int) -> None:
    assert send(client, fake_telegram, edited_update(chat_id, "swimming")) == ""


def test_a_sticker_gets_a_kind_word(client: TestClient, fake_telegram: FakeBotApi, chat_id: int) -> None:
    assert send(client, fake_telegram, sticker_update(chat_id)) == text("channels", "telegram.unsupported")


def test_group_chats_are_not_answered(client: TestClient, fake_telegram: FakeBotApi, chat_id: int) -> None:
    from tests.channels.telegram_helpers import message

    assert send(client, fake_telegram, update(message=message(-chat_id, "hi", kind="group"))) == ""


def test_a_body_that_is_not_an_update_is_refused(client: TestClient, fake_telegram: FakeBotApi) -> None:
    headers = {
        "X-Telegram-Bot-Api-Secret-Token": "telegram_test_secret-1",
        "Content-Type": "application/json",
    }
    assert client.post("/telegram/webhook", content=b"not json", headers=headers).status_code == 400
    assert client.post("/telegram/webhook", json=[1, 2], headers=headers).status_code == 400


def test_chat_ids_tokens_and_messages_are_never_logged(
    client: TestClient, fake_telegram: FakeBotApi, chat_id: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    send(client, fake_telegram, text_update(chat_id, "swimming near Luton"))
    assert str(chat_id) not in caplog.text
    assert BOT_TOKEN not in caplog.text
    assert "swimming near Luton" not in caplog.text
