"""The WhatsApp webhook end to end: Twilio's signed WhatsApp form bodies in, TwiML out, over the
sample directory (and, for what touches storage, on SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.app import create_app
from assistant.channels.optouts import ChannelMessage, ChannelOptOut
from assistant.channels.whatsapp_format import fits
from assistant.content import text
from assistant.conversation.store import ConversationState, user_key
from assistant.directory.db import make_engine
from assistant.settings import Settings
from tests.channels.config import AUTH_TOKEN
from tests.channels.sms_helpers import new_sid, post_sms, texts, twilio_form
from tests.channels.whatsapp_helpers import (
    WHATSAPP_FROM,
    location_form,
    photo_form,
    post_whatsapp,
    say,
    send,
    whatsapp_form,
)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The channel test settings with WhatsApp switched on as well."""
    return settings.model_copy(update={"twilio_whatsapp_from": WHATSAPP_FROM})


def stored(settings: Settings, channel: str, sender: str) -> tuple[ConversationState | None, list[ChannelMessage]]:
    """The person's conversation row and answered-message rows on ``channel``."""
    key = user_key(settings.identity_secret.get_secret_value(), channel, sender)
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session:
            answers = session.exec(select(ChannelMessage).where(ChannelMessage.key == key)).all()
            return session.get(ConversationState, key), list(answers)
    finally:
        engine.dispose()


def test_whatsapp_is_on_only_with_its_sender_and_says_so_without_secrets(
    settings: Settings, caplog: pytest.LogCaptureFixture, sender: str
) -> None:
    with caplog.at_level(logging.DEBUG):
        on = create_app(settings)
    (line,) = [r.getMessage() for r in caplog.records if r.name == "uvicorn.error.channels"]
    assert line == "Channels on: web chat, SMS (Twilio), voice line (Twilio), WhatsApp (Twilio), Telegram. Off: none."
    assert AUTH_TOKEN not in caplog.text and WHATSAPP_FROM not in caplog.text
    off = create_app(settings.model_copy(update={"twilio_whatsapp_from": None}))
    with TestClient(on) as client_on, TestClient(off) as client_off:
        assert client_on.get("/readyz").json()["channels"]["whatsapp"] == "ok"
        assert post_whatsapp(client_off, whatsapp_form(sender, "hi")).status_code == 404
        assert "whatsapp" not in client_off.get("/readyz").json()["channels"]


def test_a_signed_message_is_answered_in_twiml(client: TestClient, sender: str) -> None:
    said = say(client, sender, "hi")
    assert "Dayfinder" in said
    assert "Reply 1, 2 or 3." in said


def test_a_tampered_body_is_refused(client: TestClient, sender: str) -> None:
    form = whatsapp_form(sender, "hi")
    assert post_whatsapp(client, {**form, "Body": "delete my data"}, signed=form).status_code == 403


def test_a_missing_signature_is_refused(client: TestClient, sender: str) -> None:
    assert post_whatsapp(client, whatsapp_form(sender, "hi"), sign=False).status_code == 403


def test_a_message_signed_for_the_sms_address_is_refused(client: TestClient, sender: str) -> None:
    from tests.channels.sms_helpers import signature

    form = whatsapp_form(sender, "hi")
    headers = {"X-Twilio-Signature": signature(form, path="/sms/twilio")}
    assert client.post("/whatsapp/twilio", data=form, headers=headers).status_code == 403


def test_a_whole_conversation_reaches_results_with_names_in_bold(client: TestClient, sender: str) -> None:
    assert "Reply 1, 2 or 3." in say(client, sender, "hello")
    assert "enjoy" in say(client, sender, "2")  # option 2: someone I care for
    for answer in ("knitting", "skip"):
        say(client, sender, answer)
    results = send(client, whatsapp_form(sender, "Biggleswade"))
    assert results and all(fits(m) for m in results)
    joined = "\n".join(results)
    assert re.search(r"^1\. \*[^*\n]*Knit and Natter[^*\n]*\*: ", joined, re.MULTILINE)
    assert "Reply with a number" in joined
    details = say(client, sender, "1")
    assert re.match(r"\*[^*\n]*Knit and Natter[^*\n]*\*, ", details)
    assert "Cost:" in details or "Contact:" in details


def test_whatsapp_and_sms_from_one_number_are_two_conversations(
    client: TestClient, sender: str, settings: Settings
) -> None:
    say(client, sender, "hi")
    assert stored(settings, "whatsapp", sender)[0] is not None
    assert stored(settings, "sms", sender)[0] is None
    assert stored(settings, "sms", f"whatsapp:{sender}")[0] is None


def test_a_shared_place_pin_answers_where_from_its_coordinates(
    client: TestClient, sender: str, settings: Settings
) -> None:
    say(client, sender, "swimming for me")
    assert "Where should I look?" in say(client, sender, "skip")
    pin = location_form(sender, 51.8797, -0.4175, Address="Lea Road, Harpenden", Label="Quiet Corner Cafe")
    assert "near LU" in "\n".join(send(client, pin))  # Luton's postcode district, from the coordinates
    row, _ = stored(settings, "whatsapp", sender)
    assert row is not None and "Harpenden" not in row.state and "Quiet Corner" not in row.state


@pytest.mark.parametrize(("latitude", "longitude"), [("north", "-0.4"), ("91", "0"), ("nan", "0"), ("51.8", "inf")])
def test_a_location_that_is_not_a_place_gets_a_kind_word(
    client: TestClient, sender: str, latitude: str, longitude: str
) -> None:
    form = whatsapp_form(sender, Latitude=latitude, Longitude=longitude)
    assert send(client, form) == [text("channels", "whatsapp.unsupported")]


def test_a_photo_gets_a_kind_word_and_the_conversation_stays_put(client: TestClient, sender: str) -> None:
    say(client, sender, "hi")
    assert send(client, photo_form(sender)) == [text("channels", "whatsapp.unsupported")]
    assert "enjoy" in say(client, sender, "2")  # still answering the first question


def test_a_photo_with_a_caption_is_read_by_its_caption(client: TestClient, sender: str) -> None:
    say(client, sender, "hi")
    assert "enjoy" in "\n".join(send(client, photo_form(sender, "for my mum")))


def test_stop_then_silence_help_then_start(client: TestClient, sender: str, settings: Settings) -> None:
    say(client, sender, "hi")
    assert say(client, sender, "STOP") == text("channels", "whatsapp.stopped")
    assert say(client, sender, "for my mum") == ""
    assert send(client, photo_form(sender)) == []
    assert say(client, sender, " stop ") == text("channels", "whatsapp.stopped")
    assert say(client, sender, "help") == text("channels", "whatsapp.help")
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        rows = session.exec(select(ChannelOptOut).where(ChannelOptOut.channel == "whatsapp")).all()
        assert rows and all(sender not in r.key for r in rows)
    engine.dispose()
    assert texts(post_sms(client, twilio_form(sender, "hi")))  # opting out of WhatsApp leaves SMS be
    assert say(client, sender, "Start") == text("channels", "whatsapp.started")
    assert "enjoy" in say(client, sender, "for my mum")


def test_help_says_what_dayfinder_is_and_how_to_stop(client: TestClient, sender: str) -> None:
    said = say(client, sender, "HELP")
    assert said == text("channels", "whatsapp.help")
    assert "STOP" in said and "Dayfinder" in said


def test_privacy_says_what_whatsapp_adds(client: TestClient, sender: str) -> None:
    said = say(client, sender, "privacy")
    assert text("chat", "privacy") in said
    assert text("channels", "whatsapp.privacy") in said


def test_an_over_long_message_is_read_and_answered_within_the_limit(
    client: TestClient, sender: str, settings: Settings
) -> None:
    body = "My mum loves knitting and she lives near Biggleswade. " + "She is very sociable. " * 600
    assert len(body) > 10_000
    messages = send(client, whatsapp_form(sender, body))
    assert messages and all(fits(m) for m in messages)
    row, _ = stored(settings, "whatsapp", sender)
    assert row is not None and "knit" in row.state


def test_a_body_over_the_request_limit_is_refused_before_it_is_read(client: TestClient, sender: str) -> None:
    response = post_whatsapp(client, whatsapp_form(sender, "knitting " * 10_000))
    assert response.status_code == 413


def test_a_text_message_sent_to_the_whatsapp_address_is_not_answered(
    client: TestClient, sender: str, settings: Settings
) -> None:
    form = {**whatsapp_form(sender, "hi"), "From": sender}
    assert texts(post_whatsapp(client, form)) == []
    assert stored(settings, "whatsapp", sender) == (None, [])


def test_nothing_personal_is_logged(client: TestClient, sender: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    say(client, sender, "swimming in Luton")
    send(client, location_form(sender, 51.8797, -0.4175, Address="12 Acacia Avenue", Label="Home"))
    for personal in (sender, sender.removeprefix("+"), "swimming in Luton", "Test Person", "Acacia", "51.8797"):
        assert personal not in caplog.text


@pytest.fixture
def any_backend(engine: Engine, database_url: str, settings: Settings) -> Iterator[tuple[TestClient, Settings]]:
    """WhatsApp switched on over an empty directory, on SQLite and (with DATABASE_URL) PostgreSQL."""
    on_backend = settings.model_copy(update={"database_url": database_url, "telegram_bot_token": None})
    with TestClient(create_app(on_backend)) as test_client:
        yield test_client, on_backend


def test_a_retried_message_gets_the_same_answer_and_does_not_move_on(
    any_backend: tuple[TestClient, Settings], sender: str
) -> None:
    client, _ = any_backend
    say(client, sender, "hi")
    form = whatsapp_form(sender, "for my mum", sid=new_sid())
    first = post_whatsapp(client, form)
    again = post_whatsapp(client, form)
    assert again.text == first.text and "enjoy" in first.text  # the interests question, asked once
    assert "condition or need" in say(client, sender, "knitting")  # the next question, not one further on


def test_delete_my_data_forgets_the_conversation_and_stored_answers(
    any_backend: tuple[TestClient, Settings], sender: str
) -> None:
    client, settings = any_backend
    say(client, sender, "hi")
    say(client, sender, "for my mum")
    row, answers = stored(settings, "whatsapp", sender)
    assert row is not None and len(answers) == 2
    assert say(client, sender, "delete my data") == text("chat", "delete_done")
    assert stored(settings, "whatsapp", sender) == (None, [])


def test_stop_is_kept_on_every_database(any_backend: tuple[TestClient, Settings], sender: str) -> None:
    client, _ = any_backend
    assert say(client, sender, "STOP") == text("channels", "whatsapp.stopped")
    assert say(client, sender, "hi") == ""
    assert say(client, sender, "START") == text("channels", "whatsapp.started")
    assert "Dayfinder" in say(client, sender, "hi")


def test_a_message_with_nul_bytes_is_answered_not_refused(any_backend: tuple[TestClient, Settings]) -> None:
    """The channel strips control characters itself, as SMS does; the middleware must let it."""
    client, _ = any_backend
    form = whatsapp_form("+447700900777", "hel\x00lo", sid=f"SM\x00{'4' * 31}")
    first = post_whatsapp(client, form)
    assert first.status_code == 200
    assert any(m.strip() for m in texts(first))
    assert texts(post_whatsapp(client, form)) == texts(first)  # a retry: the same answer
