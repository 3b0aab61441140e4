"""Telegram Update JSON as the Bot API sends it to a webhook."""

from __future__ import annotations

import itertools
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from tests.channels.config import WEBHOOK_SECRET
from tests.channels.fake_telegram import BOT_USER

DATE = 1764064800  # 2025-11-25 10:00 UTC
_updates = itertools.count(500_000_001)


def person(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "Sam", "language_code": "en"}


def chat(chat_id: int, kind: str = "private") -> dict[str, Any]:
    if kind == "private":
        return {"id": chat_id, "type": "private", "first_name": "Sam"}
    return {"id": chat_id, "type": kind, "title": "Carers group"}


def message(chat_id: int, text: str | None = None, kind: str = "private", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message_id": next(_updates) % 100_000,
        "from": person(abs(chat_id)),
        "chat": chat(chat_id, kind),
        "date": DATE,
        **extra,
    }
    if text is not None:
        body["text"] = text
        if text.startswith("/"):
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return body


def update(**fields: Any) -> dict[str, Any]:
    return {"update_id": next(_updates), **fields}


def text_update(chat_id: int, text: str) -> dict[str, Any]:
    return update(message=message(chat_id, text))


def location_update(chat_id: int, latitude: float, longitude: float) -> dict[str, Any]:
    return update(message=message(chat_id, location={"latitude": latitude, "longitude": longitude}))


def sticker_update(chat_id: int) -> dict[str, Any]:
    sticker = {
        "file_id": "CAACAgIAAxkBAAEBfake",
        "file_unique_id": "AgADfake",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }
    return update(message=message(chat_id, sticker=sticker))


def edited_update(chat_id: int, text: str) -> dict[str, Any]:
    return update(edited_message={**message(chat_id, text), "edit_date": DATE + 60})


def button_update(chat_id: int, data: str) -> dict[str, Any]:
    pressed_on = {"message_id": 42, "from": BOT_USER, "chat": chat(chat_id), "date": DATE, "text": "..."}
    query = {
        "id": f"{next(_updates)}",
        "from": person(chat_id),
        "message": pressed_on,
        "chat_instance": "-1234567890",
        "data": data,
    }
    return update(callback_query=query)


def post_update(client: TestClient, body: dict[str, Any], secret: str | None = WEBHOOK_SECRET) -> Response:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return client.post("/telegram/webhook", json=body, headers=headers)
