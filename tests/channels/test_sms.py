"""The Twilio webhook end to end: signed form bodies in, TwiML out, over the sample directory."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from assistant.channels.gsm import is_gsm, segments
from assistant.channels.optouts import ChannelMessage, ChannelOptOut
from assistant.content import text
from assistant.conversation.store import ConversationState, user_key
from assistant.directory.db import make_engine
from assistant.settings import Settings
from tests.channels.sms_helpers import new_sid, post_sms, say, texts, twilio_form


def assert_fits(messages: list[str]) -> None:
    """Every message is at most two segments: 306 GSM-7 characters, or 134 in UCS-2."""
    for message in messages:
        assert segments(message) <= 2, (segments(message), message)


def test_a_signed_message_is_answered_in_twiml(client: TestClient, sender: str) -> None:
    messages = say(client, sender, "hi")
    assert messages
    assert "Dayfinder" in messages[0]
    assert "Reply 1, 2 or 3." in "\n".join(messages)
    assert_fits(messages)
    assert all(is_gsm(m) for m in messages)


def test_a_tampered_body_is_refused(client: TestClient, sender: str) -> None:
    form = twilio_form(sender, "hi")
    response = post_sms(client, {**form, "Body": "delete my data"}, signed=form)
    assert response.status_code == 403


def test_a_message_from_another_number_under_the_same_signature_is_refused(client: TestClient, sender: str) -> None:
    form = twilio_form(sender, "hi")
    assert post_sms(client, {**form, "From": "+447700900999"}, signed=form).status_code == 403


def test_a_missing_signature_is_refused(client: TestClient, sender: str) -> None:
    assert post_sms(client, twilio_form(sender, "hi"), sign=False).status_code == 403


def test_a_signature_for_another_address_is_refused(client: TestClient, sender: str) -> None:
    from tests.channels.sms_helpers import signature

    form = twilio_form(sender, "hi")
    headers = {"X-Twilio-Signature": signature(form, path="/somewhere/else")}
    assert client.post("/sms/twilio", data=form, headers=headers).status_code == 403


def test_a_retried_message_gets_the_same_answer_and_does_not_move_on(client: TestClient, sender: str) -> None:
    say(client, sender, "hi")
    form = twilio_form(sender, "for my mum")
    first = post_sms(client, form)
    again = post_sms(client, form)
    assert again.text == first.text
    assert "enjoy" in first.text  # the interests question, asked once
    follow_on = "\n".join(say(client, sender, "knitting"))
    assert "condition or need" in follow_on  # the next question, not one further on


def test_stop_then_a_message_then_start(client: TestClient, sender: str, settings: Settings) -> None:
    say(client, sender, "hi")
    assert say(client, sender, "STOP") == []
    assert say(client, sender, "for my mum") == []
    assert say(client, sender, " stop ") == []  # any case, spaces around
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        rows = session.exec(select(ChannelOptOut)).all()
        assert rows and all(sender not in (r.key, r.channel) for r in rows)
    engine.dispose()
    assert say(client, sender, "Start") == [text("channels", "sms.texts_on")]
    assert "enjoy" in "\n".join(say(client, sender, "for my mum"))


@pytest.mark.parametrize("word", ["STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"])
def test_every_opt_out_word_opts_out(client: TestClient, sender: str, word: str) -> None:
    assert say(client, sender, word) == []
    assert say(client, sender, "hi") == []
    assert say(client, sender, "UNSTOP") == [text("channels", "sms.texts_on")]


def test_help_says_what_dayfinder_is_and_how_to_stop(client: TestClient, sender: str) -> None:
    (message,) = say(client, sender, "HELP")
    assert message == text("channels", "sms.help")
    assert "STOP" in message and "Dayfinder" in message
    assert_fits([message])


def test_help_is_answered_even_after_stop(client: TestClient, sender: str) -> None:
    say(client, sender, "STOP")
    assert say(client, sender, "help") == [text("channels", "sms.help")]


def test_emoji_in_a_message_are_read_and_never_sent_back(client: TestClient, sender: str) -> None:
    say(client, sender, "hi")
    messages = say(client, sender, "for my mum 😊👍🏽")
    assert "enjoy" in "\n".join(messages)
    assert all(is_gsm(m) for m in messages)
    assert_fits(messages)


def test_a_1600_character_message_is_answered_within_two_segments(client: TestClient, sender: str) -> None:
    body = ("My mum loves knitting and gardening and she lives near Luton. " * 30)[:1600]
    messages = say(client, sender, body)
    assert messages
    assert_fits(messages)


def test_a_whole_conversation_reaches_results(client: TestClient, sender: str) -> None:
    assert "Reply 1, 2 or 3." in "\n".join(say(client, sender, "hello"))
    assert "enjoy" in "\n".join(say(client, sender, "2"))  # option 2: someone I care for
    for answer in ("knitting", "skip"):  # then the place: results come with the fourth question answered
        assert_fits(say(client, sender, answer))
    results = say(client, sender, "Biggleswade")
    assert_fits(results)
    joined = "\n".join(results)
    assert "1. " in joined and "Reply with a number" in joined
    details = say(client, sender, "1")
    assert details and all(is_gsm(m) for m in details)
    assert_fits(details)


def test_delete_my_data_forgets_the_conversation_and_stored_answers(
    client: TestClient, sender: str, settings: Settings
) -> None:
    say(client, sender, "hi")
    say(client, sender, "for my mum")
    (deleted,) = say(client, sender, "delete my data")
    assert deleted == text("chat", "delete_done")
    key = user_key(settings.identity_secret.get_secret_value(), "sms", sender)
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        assert session.get(ConversationState, key) is None
        # not even the answer to "delete my data" itself is kept against the person
        assert session.exec(select(ChannelMessage).where(ChannelMessage.key == key)).all() == []
    engine.dispose()


def test_nothing_personal_is_stored_or_logged(
    client: TestClient, sender: str, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sid = new_sid()
    texts(post_sms(client, twilio_form(sender, "swimming in Luton", sid)))
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        row = session.get(ChannelMessage, ("sms", sid))
        assert row is not None and row.key != sender and len(row.key) == 64
    engine.dispose()
    assert sender not in caplog.text and "swimming in Luton" not in caplog.text
