"""Property tests: whatever people send, the engine and every webhook answer, and nothing breaks.

The engine, over whole conversations of random messages (empty, 10,000 characters, emoji,
right-to-left scripts, control characters, and the lexicon's own words mixed in, with the odd
shared location): every message gets at least one reply, nothing raises, and the state survives
being stored and read back after every turn, as the runtime stores it. Each webhook, over
arbitrary input that passes its check (a correctly signed Twilio form with any fields and values;
Telegram update JSON of any shape with the right secret): never a 5xx; and a well-formed message
always gets a reply.
"""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr
from twilio.request_validator import RequestValidator

from assistant.app import create_app
from assistant.channels.sms import OPT_OUT
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.engine.dialogue import handle, remember_results
from assistant.engine.lexicon import load_lexicon
from assistant.engine.replies import Inbound
from assistant.engine.state import State
from assistant.settings import PROJECT_DIR, Settings
from assistant.web.limits import MAX_BODY_BYTES
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, BOT_TOKEN, FROM_NUMBER, PUBLIC_URL, WEBHOOK_SECRET
from tests.channels.fake_telegram import FakeBotApi, serve
from tests.channels.telegram_helpers import DATE

START = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
SHOWN = ("svc-1", "svc-2", "svc-3", "svc-4", "svc-5")  # what a search "found"; the engine only counts them
FEW = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LEXICON = sorted(" ".join(phrase) for phrase in load_lexicon().phrases)
EXTRAS = ["B91 1AA", "LU7", "Biggleswade", "Dunstable", "£5", "£40 a day", "10am", "3", "2", "more", "start again"]
EXTRAS += ["delete my data", "talk to a person", "privacy", "easy read", "plain english", "I want to end it all"]
WORDS = st.sampled_from(LEXICON + EXTRAS)
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
RTL = st.characters(min_codepoint=0x0590, max_codepoint=0x06FF) | st.sampled_from("\u200f\u202b\u202e\u2067")
CONTROL = st.characters(categories=("Cc", "Cf"))
ODD = st.text(alphabet=EMOJI | RTL | CONTROL | st.sampled_from(" .,?!£-'\n\t"), max_size=60)
TEXTS = st.one_of(
    st.just(""),
    st.text(max_size=200),
    ODD,
    st.lists(WORDS | ODD | st.text(max_size=12), min_size=1, max_size=12).map(" ".join),
    st.builds(lambda part: (part * 10_000)[:10_000], st.text(min_size=1, max_size=12) | WORDS),
)
PLACES = st.builds(lambda lat, lon: Inbound(latitude=lat, longitude=lon), st.floats(-90, 90), st.floats(-180, 180))
MESSAGES = st.lists(st.builds(Inbound, TEXTS) | PLACES, min_size=1, max_size=8)


@FEW
@given(messages=MESSAGES, mode=st.sampled_from(["plain", "easy"]))
def test_every_message_of_any_conversation_gets_a_reply_and_the_state_survives_storage(
    messages: list[Inbound], mode: str
) -> None:
    state = State(mode=mode)
    for turn, inbound in enumerate(messages):
        state, replies = handle(state, inbound, START + dt.timedelta(minutes=turn))
        assert replies, f"no reply to {inbound!r}"
        for reply in replies:  # as the runtime does after searching
            if reply.search is not None:
                state = remember_results(state, list(SHOWN), reply.search.page)
        stored = State.from_json(state.to_json())
        assert stored == state
        state = stored


# --- Webhooks -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, FakeBotApi]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('properties') / 'dayfinder.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    engine.dispose()
    api = FakeBotApi()
    server, base_url = serve(api)
    settings = Settings(
        database_url=url,
        public_base_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=SecretStr(AUTH_TOKEN),
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url="http://127.0.0.1:9",  # never called: SMS replies go back as TwiML
        telegram_bot_token=SecretStr(BOT_TOKEN),
        telegram_webhook_secret=SecretStr(WEBHOOK_SECRET),
        telegram_api_base_url=base_url,
    )
    try:
        # A server error is an answer here (500), to be reported with the input that caused it.
        with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
            yield test_client, api
    finally:
        server.shutdown()
        server.server_close()


_unique = itertools.count(1)
TWILIO_MAX_BODY = 1_600

FIELD_VALUES = st.text(max_size=80) | TEXTS.filter(lambda t: len(t) < 2_000)
SMS_FORMS = st.fixed_dictionaries(
    {},
    optional={
        "MessageSid": st.text(max_size=70),
        "SmsSid": st.text(max_size=70),
        "From": st.text(max_size=30),
        "To": st.text(max_size=30),
        "Body": FIELD_VALUES,
        "NumMedia": st.text(max_size=5),
        "AccountSid": st.text(max_size=40),
    },
).flatmap(lambda known: st.dictionaries(st.text(max_size=20), FIELD_VALUES, max_size=6).map(lambda more: more | known))


def twilio_sized(body: str) -> str:
    """At most the 1,600 UTF-16 code units Twilio passes on (an emoji counts two)."""
    while len(body.encode("utf-16-le")) > 2 * TWILIO_MAX_BODY:
        body = body[: len(body) * 3 // 4]
    return body


def post_signed(client: TestClient, form: dict[str, str]) -> Any:
    signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + "/sms/twilio", form)
    return client.post("/sms/twilio", data=form, headers={"X-Twilio-Signature": signature})


def twiml_messages(answer: Any) -> list[str]:
    assert answer.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(answer.text)
    assert root.tag == "Response"
    return [m.text or "" for m in root.findall("Message")]


def test_any_correctly_signed_twilio_form_gets_twiml_never_a_server_error(
    client: tuple[TestClient, FakeBotApi],
) -> None:
    @FEW
    @given(form=SMS_FORMS)
    def check(form: dict[str, str]) -> None:
        answer = post_signed(client[0], form)
        assert answer.status_code < 500, answer.text
        if len(urlencode(form)) > MAX_BODY_BYTES:
            assert answer.status_code == 413
            return
        assert answer.status_code == 200, (answer.status_code, answer.text)  # the signature held
        twiml_messages(answer)

    check()


def test_every_text_from_a_number_gets_a_reply_whatever_it_says(client: tuple[TestClient, FakeBotApi]) -> None:
    @FEW
    @given(body=TEXTS.filter(lambda t: t.strip().upper() not in OPT_OUT), number=st.text(min_size=1, max_size=20))
    def check(body: str, number: str) -> None:
        n = next(_unique)
        form = {"MessageSid": f"SM{n:032x}", "From": f"{number}#{n}", "To": FROM_NUMBER, "Body": twilio_sized(body)}
        answer = post_signed(client[0], form)
        assert answer.status_code == 200, (answer.status_code, answer.text)
        assert any(m.strip() for m in twiml_messages(answer)), answer.text

    check()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
CHAT_IDS = st.integers(1, 2**52)  # positive: a private chat (negative ids are groups, rate-limited to 20 a minute)
CHATS = st.fixed_dictionaries(
    {"id": CHAT_IDS | JSON, "type": st.sampled_from(["private", "group", "supergroup", "channel"]) | JSON},
    optional={"first_name": JSON, "title": JSON, "username": JSON},
)
USERS = st.fixed_dictionaries({"id": CHAT_IDS | JSON, "is_bot": st.booleans() | JSON, "first_name": JSON})
ENTITIES = st.lists(
    st.fixed_dictionaries(
        {"type": st.sampled_from(["bot_command", "bold", "url", "mention"]) | JSON, "offset": JSON, "length": JSON}
    ),
    max_size=3,
)
MESSAGE = st.fixed_dictionaries(
    {"message_id": st.integers(1, 2**31) | JSON, "date": st.just(DATE) | JSON, "chat": CHATS | JSON},
    optional={
        "text": TEXTS | JSON,
        "from": USERS | JSON,
        "entities": ENTITIES | JSON,
        "location": st.fixed_dictionaries({"latitude": JSON, "longitude": JSON}) | JSON,
        "sticker": JSON,
        "photo": JSON,
        "edit_date": JSON,
    },
)
CALLBACK = st.fixed_dictionaries(
    {"id": st.text(max_size=10) | JSON, "from": USERS | JSON, "chat_instance": JSON},
    optional={"message": MESSAGE | JSON, "data": TEXTS | JSON},
)
UPDATES = st.fixed_dictionaries(
    {"update_id": st.integers(0, 2**31) | JSON},
    optional={
        "message": MESSAGE | JSON,
        "edited_message": MESSAGE | JSON,
        "callback_query": CALLBACK | JSON,
        "channel_post": MESSAGE | JSON,
        "my_chat_member": JSON,
        "poll": JSON,
    },
)
BODIES = UPDATES | JSON


def test_any_telegram_update_with_the_right_secret_never_gets_a_server_error(
    client: tuple[TestClient, FakeBotApi],
) -> None:
    @FEW
    @given(body=BODIES)
    def check(body: Any) -> None:
        answer = client[0].post(
            "/telegram/webhook", json=body, headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        )
        assert answer.status_code < 500, (body, answer.status_code, answer.text)

    check()


def test_every_private_telegram_text_gets_a_reply_whatever_it_says(client: tuple[TestClient, FakeBotApi]) -> None:
    @FEW
    @given(text=TEXTS.map(lambda t: t[:4096]).filter(bool), chat_id=CHAT_IDS)  # Telegram allows 4,096
    def check(text: str, chat_id: int) -> None:
        api = client[1]
        n = next(_unique)
        message: dict[str, Any] = {"message_id": n, "date": DATE, "chat": {"id": chat_id, "type": "private"}}
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0]) if text.split() else 1}
            ]
        api.clear()
        answer = client[0].post(
            "/telegram/webhook",
            json={"update_id": 900_000_000 + n, "message": message},
            headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET},
        )
        assert answer.status_code == 200
        assert [int(c.params["chat_id"]) for c in api.sent()][:1] == [chat_id], (text, api.methods())

    check()
