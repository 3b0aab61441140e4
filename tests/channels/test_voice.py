"""The voice line end to end: signed Twilio Voice requests in, TwiML out, over the sample directory.

Whole calls are driven as Twilio drives them (the first request, then each <Gather> answer to
the action it was given) on SQLite and, with DATABASE_URL, PostgreSQL. "Text me these" reaches a
fake of Twilio's REST API on 127.0.0.1 through Twilio's own client.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine
from sqlmodel import Session, select
from twilio.request_validator import RequestValidator

from assistant.app import create_app
from assistant.channels import optouts, voice, voice_calls
from assistant.channels.optouts import ChannelMessage
from assistant.channels.voice_speech import MAX_SPEECH
from assistant.content import text
from assistant.conversation.store import ConversationState, user_key
from assistant.directory.sample import load_sample
from assistant.rendering.text import contact_for
from assistant.settings import PROJECT_DIR, Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_URL
from tests.channels.conftest import OFF
from tests.channels.fake_twilio import FakeTwilio, serve
from tests.channels.voice_helpers import PATH, Call, call_form, post_voice, read_twiml

_numbers = itertools.count(500)
SPOKEN = re.compile(r"[A-Za-z0-9 ,.:?'!-]*")  # nothing a voice would read out as a symbol (8:30am is a time)


@pytest.fixture(scope="module")
def twilio_rest() -> Iterator[tuple[FakeTwilio, str]]:
    with serve() as (fake, base_url):
        yield fake, base_url


@pytest.fixture
def rest(twilio_rest: tuple[FakeTwilio, str]) -> FakeTwilio:
    twilio_rest[0].created.clear()
    return twilio_rest[0]


def voice_settings(database_url: str, rest_url: str, **changes: object) -> Settings:
    on = {
        "public_base_url": PUBLIC_URL,
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": SecretStr(AUTH_TOKEN),
        "twilio_from_number": FROM_NUMBER,
        "twilio_api_base_url": rest_url,
    }
    return Settings(**{**OFF, **on, **changes}, database_url=database_url)


@pytest.fixture
def any_db(
    engine: Engine, database_url: str, twilio_rest: tuple[FakeTwilio, str]
) -> Iterator[tuple[TestClient, Settings]]:
    """The voice line over the sample directory, on SQLite and (with DATABASE_URL) PostgreSQL."""
    load_sample(engine, PROJECT_DIR / "directory_data")
    settings = voice_settings(database_url, twilio_rest[1])
    with TestClient(create_app(settings)) as client:
        yield client, settings


@pytest.fixture
def line(sample_db: str, twilio_rest: tuple[FakeTwilio, str]) -> Iterator[TestClient]:
    """The voice line over the module's sample directory (SQLite)."""
    with TestClient(create_app(voice_settings(sample_db, twilio_rest[1]))) as client:
        yield client


@pytest.fixture
def caller() -> str:
    return f"+447700901{next(_numbers) % 1000:03d}"


def assert_speakable(sentences: list[str]) -> None:
    for sentence in sentences:
        assert "http" not in sentence and "@" not in sentence and "£" not in sentence, sentence
        assert SPOKEN.fullmatch(sentence), sentence


def test_a_whole_call_from_greeting_to_a_text_and_a_person(
    any_db: tuple[TestClient, Settings], rest: FakeTwilio, caller: str
) -> None:
    client, settings = any_db
    call = Call(client, caller)
    hello = call.start()
    assert hello.said[0] == text("voice", "greeting", "easy")
    assert hello.gather["input"] == "speech dtmf" and hello.gather["language"] == "en-GB"
    assert hello.gather["speechTimeout"] == "auto" and hello.gather["actionOnEmptyResult"] == "true"
    assert hello.action == f"{PUBLIC_URL}{PATH}?step=1"

    first = call.speak("Swimming in Dunstable on Saturday.")
    assert "You want" in first.text and "swimming" in first.text and "Dunstable" in first.text
    assert "Saturday" in first.text
    assert 1 <= len(first.slow) <= 3 and first.pauses == len(first.slow)  # results, slowly, a pause after each
    assert first.slow[0].startswith("Number 1.")
    assert "Press 1 to hear it again" in first.text  # the keypad, announced with the first results
    assert_speakable(first.said)
    assert first.action == f"{PUBLIC_URL}{PATH}?step=2"

    again = call.press("1")
    assert again.said == first.said

    # something broader, with more than three results to page through
    wide = call.speak("Any day is fine.")
    assert len(wide.slow) == 3
    assert "Press 1 to hear it again" not in wide.text  # announced once only
    more = call.press("2")
    assert more.slow and more.slow[0].startswith("Number 1.")
    assert set(more.slow).isdisjoint(wide.slow)

    ask = call.press("3")
    assert ask.said == [text("voice", "text_ask", "easy")]
    assert rest.created == []  # nothing is sent before the caller says yes
    sent = call.speak("Yes please.")
    assert sent.said[0] == text("voice", "text_sent", "easy")
    assert rest.created and all(m["To"] == caller and m["From"] == FROM_NUMBER for m in rest.created)
    body = "\n".join(m["Body"] for m in rest.created)  # a long list goes in more than one text
    assert body.startswith(text("voice", "text_heading", "easy"))
    names = [s.split(". ")[1] for s in more.slow]
    assert names and all(name in body for name in names)  # the results just read, and only those
    assert not any(s.split(". ")[1] in body for s in wide.slow)

    person = call.press("0")
    area = contact_for("Central Bedfordshire")
    assert person.dial == "+44" + area["phone"].replace(" ", "")[1:]
    assert person.action is None and not person.hangup and "open" in person.text
    assert call.dial_ended("completed").said == [text("voice", "goodbye", "easy")]  # they talked

    assert call.hang_up().status_code == 200
    key = user_key(settings.identity_secret.get_secret_value(), "voice", caller)
    with Session(client.app.state.engine) as session:  # type: ignore[attr-defined]
        assert session.get(ConversationState, key) is None  # nothing kept after the call
        assert session.exec(select(ChannelMessage).where(ChannelMessage.key == key)).all() == []


def with_results(client: TestClient, caller: str) -> Call:
    """A call that has heard results for swimming in Dunstable."""
    call = Call(client, caller)
    call.start()
    assert call.speak("Swimming in Dunstable on Saturday.").slow
    return call


def stored(client: TestClient, settings_key: str) -> str:
    with Session(client.app.state.engine) as session:  # type: ignore[attr-defined]
        row = session.get(ConversationState, settings_key)
        return row.state if row else ""


def voice_key(identity: str) -> str:
    return user_key(Settings().identity_secret.get_secret_value(), "voice", identity)


def test_a_repeated_step_gets_the_same_answer_and_does_not_move_on(
    any_db: tuple[TestClient, Settings], caller: str
) -> None:
    client, _ = any_db
    call = Call(client, caller)
    call.start()
    call.speak("Swimming in Dunstable, any day.")
    second_page = call.press("2")
    state = stored(client, voice_key(caller))
    again = call.repeat_last()  # Twilio retries the same Gather answer
    assert again.xml == second_page.xml
    assert stored(client, voice_key(caller)) == state  # the conversation did not move on twice


def test_silence_gets_a_retry_then_the_keypad_then_a_person(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    retry = call.silence()
    assert retry.said == [text("voice", "retry", "easy")] and retry.action
    keypad = call.speak("mumble", confidence="0.05")  # too unsure to act on: the same as silence
    assert keypad.said == [text("voice", "keypad_offer", "easy"), text("voice", "keypad", "easy")]
    person = call.silence()
    default = contact_for(None)
    assert person.dial == "+44" + default["phone"].replace(" ", "")[1:]
    nobody = call.dial_ended("no-answer")
    assert "0 1 6 3 2, 9 6 0 9 9 9" in nobody.text and nobody.hangup  # the number to call, digit by digit


def test_an_answer_in_between_starts_the_count_again(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    call.silence()
    call.speak("Knitting in Biggleswade.")
    assert call.silence().said == [text("voice", "retry", "easy")]  # a first silence again, not the second


def test_saying_talk_to_a_person_puts_the_call_through_to_the_area(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    call.speak("Art in Dunstable.")
    person = call.speak("Can I talk to a person?")
    assert person.dial == "+44" + contact_for("Central Bedfordshire")["phone"].replace(" ", "")[1:]
    assert "0 1 6 3 2, 9 6 0 9 0 1" in call.dial_ended("busy").text  # said digit by digit, should nobody answer


def test_no_means_no_text(line: TestClient, rest: FakeTwilio, caller: str) -> None:
    call = with_results(line, caller)
    call.press("3")
    assert call.press("2").said[0] == text("voice", "text_not_sent", "easy")
    call.press("3")
    assert call.speak("Knitting in Biggleswade.").slow  # not an answer to the question: carries on
    assert rest.created == []


def test_a_number_that_said_stop_to_texts_is_not_texted(line: TestClient, rest: FakeTwilio, caller: str) -> None:
    from tests.channels.sms_helpers import say

    say(line, caller, "STOP")
    call = with_results(line, caller)
    call.press("3")
    assert call.press("1").said[0] == text("voice", "text_opted_out", "easy")
    assert rest.created == []


def test_a_text_that_cannot_be_sent_is_said_and_the_call_goes_on(
    sample_db: str, twilio_rest: tuple[FakeTwilio, str], caller: str
) -> None:
    nowhere = twilio_rest[1] + "/not-twilio"  # answers 404, as Twilio does to a wrong address
    with TestClient(create_app(voice_settings(sample_db, nowhere))) as client:
        call = with_results(client, caller)
        call.press("3")
        failed = call.speak("yes")
    assert failed.said[0] == text("voice", "text_failed", "easy") and failed.action


def test_nothing_to_text_before_any_results(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    assert call.press("3").said == [text("voice", "text_nothing", "easy")]


def test_a_withheld_number_is_its_own_conversation_and_never_texted(line: TestClient, rest: FakeTwilio) -> None:
    first, second = Call(line, "+266696687"), Call(line, "anonymous")
    first.start()
    second.start()
    first.speak("Swimming in Dunstable on Saturday.")
    assert "Knitting" not in second.speak("help").text
    assert first.press("3").said[0] == text("voice", "text_hidden", "easy")
    assert stored(line, voice_key(f"call:{first.sid}"))
    assert not stored(line, voice_key("+266696687"))


def test_an_unknown_key_says_what_the_keys_do(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    assert call.press("7").said == [text("voice", "unknown_key", "easy"), text("voice", "keypad", "easy")]


def test_delete_my_data_said_on_a_call_forgets_it_and_says_goodbye(
    any_db: tuple[TestClient, Settings], caller: str
) -> None:
    client, _ = any_db
    call = with_results(client, caller)
    goodbye = call.speak("Delete my data.")
    assert goodbye.said == [text("voice", "deleted", "easy")] and goodbye.hangup
    key = voice_key(caller)
    assert not stored(client, key)
    with Session(client.app.state.engine) as session:  # type: ignore[attr-defined]
        assert session.exec(select(ChannelMessage).where(ChannelMessage.key == key)).all() == []


def test_the_end_of_a_call_is_answered_quietly(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    response = call.hang_up()
    assert read_twiml(response).said == [] and response.text.count("<") == 2  # <?xml?> and <Response />


def test_over_long_speech_is_cut_before_the_conversation_reads_it(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    answer = call.speak("swimming " + "lalalalala " * 60 + "in Biggleswade")  # 680 characters
    assert answer.action
    state = stored(line, voice_key(caller))
    assert "swim" in state and "Biggleswade" not in state
    assert len("lalalalala " * 60) > MAX_SPEECH


def test_speech_with_control_characters_is_heard_not_refused(line: TestClient, caller: str) -> None:
    """The line strips control characters itself, as SMS does: a NUL in a transcript is no 400."""
    call = Call(line, caller)
    call.start()
    answer = call.speak("swim\x00ming in Dunstable")
    assert answer.action


def test_a_bad_signature_is_refused(line: TestClient, caller: str) -> None:
    form = call_form(caller, "CA" + "1" * 32, SpeechResult="delete my data")
    assert post_voice(line, {**form, "SpeechResult": "hello"}, signed=form).status_code == 403
    assert post_voice(line, {**form, "From": "+447700900999"}, signed=form).status_code == 403
    assert line.post(PATH, data=form).status_code == 403  # no signature at all
    signed_for_step_5 = RequestValidator(AUTH_TOKEN).compute_signature(f"{PUBLIC_URL}{PATH}?step=5", form)
    headers = {"X-Twilio-Signature": signed_for_step_5}
    assert line.post(f"{PATH}?step=6", data=form, headers=headers).status_code == 403  # the URL is signed too
    assert line.post(f"{PATH}?step=5", data=form, headers=headers).status_code == 200


def test_nothing_said_or_dialled_is_logged(line: TestClient, caller: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    call = Call(line, caller)
    call.start()
    call.speak("Swimming for my dad in Dunstable on Saturday.")
    call.press("0")
    assert caller not in caplog.text and caller[1:] not in caplog.text
    assert "my dad" not in caplog.text


def test_the_conversations_questions_are_asked_and_a_result_is_described_aloud(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    assert text("chat", "ask.interests", "easy") in call.speak("It's for my mum.").said
    call.speak("Swimming in Dunstable on Saturday.")
    details = call.speak("Number one.")
    assert "Inclusive Swim" in details.text
    assert_speakable(details.said)


FIRST = '<Response><Say language="en-GB">first</Say></Response>'


def test_a_step_still_being_answered_holds_the_caller_and_asks_again(
    line: TestClient, caller: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(voice, "STEP_WAIT_SECONDS", 0.2)
    call = Call(line, caller)
    call.start()
    engine, secret = line.app.state.engine, Settings().identity_secret.get_secret_value()  # type: ignore[attr-defined]
    step = voice_calls.call_id(secret, call.sid, "1")
    assert optouts.claim(engine, "voice", step, voice_key(caller), dt.datetime.now(dt.UTC)) is None  # "in progress"
    held = call.speak("Swimming in Dunstable on Saturday.")
    assert held.redirect == f"{PUBLIC_URL}{PATH}?step=1" and held.pauses == 1 and held.said == []
    assert not stored(line, voice_key(caller))  # this copy did not run the turn
    optouts.record(engine, "voice", step, voice_key(caller), FIRST, dt.datetime.now(dt.UTC))
    assert call.repeat_last().said == ["first"]  # Twilio follows the redirect: the first copy's answer


def test_no_number_or_words_are_stored_in_clear(line: TestClient, rest: FakeTwilio, caller: str) -> None:
    call = with_results(line, caller)
    call.press("3")
    call.press("1")
    assert rest.created  # the number was used for the text
    with Session(line.app.state.engine) as session:  # type: ignore[attr-defined]
        rows = [*session.exec(select(ChannelMessage)).all(), *session.exec(select(ConversationState)).all()]
    dumped = " ".join(repr(row.model_dump()) for row in rows)
    assert caller not in dumped and caller[3:] not in dumped and call.sid not in dumped
    assert "Swimming in Dunstable on Saturday" not in dumped


def test_privacy_is_told_for_a_call_and_stop_ends_it(line: TestClient, caller: str) -> None:
    call = Call(line, caller)
    call.start()
    assert text("voice", "privacy", "easy") in call.speak("Privacy.").said
    goodbye = call.speak("Stop.")
    assert goodbye.said == [text("voice", "goodbye", "easy")] and goodbye.hangup and goodbye.action is None


def test_without_the_twilio_settings_the_line_is_off(sample_db: str, caller: str) -> None:
    with TestClient(create_app(Settings(database_url=sample_db, **OFF))) as client:
        assert post_voice(client, call_form(caller, "CA" + "2" * 32)).status_code == 404
