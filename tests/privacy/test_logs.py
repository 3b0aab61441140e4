"""Logs never hold message bodies, phone numbers, chat ids or tokens (issue 8, data rights).

Known sentinels go in through every channel of a real uvicorn server on 127.0.0.1: the web chat
API and the no-JavaScript chat page (a word in the message, the session id), a signed Twilio
webhook (a word in the body, the sender's number), a Telegram webhook (a word in the text, the
chat id, with the bot token and webhook secret themselves sentinels) and an outbound text sent
through Twilio's own HTTP client to a stand-in REST API on 127.0.0.1. Every logger is turned up
to DEBUG first (uvicorn to TRACE), as an operator turning logging right up before start-up
would; building the app then quiets the libraries that write URLs and payloads (httpx, telegram,
twilio), as it does in production. Every record is kept whole: its formatted line, its message
and arguments, any exception with its traceback, and any extra fields. No sentinel may appear in
any of it, nor anywhere in the database (which knows a person only by an HMAC).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import Engine, inspect, text
from twilio.request_validator import RequestValidator

from assistant.app import create_app
from assistant.channels.sms_send import SmsSender
from assistant.conversation.store import user_key
from assistant.directory.db import make_engine
from assistant.settings import Settings
from assistant.web.chat_sessions import signed
from tests.channels.fake_telegram import FakeBotApi, serve
from tests.channels.fake_twilio import serve as serve_twilio
from tests.channels.sms_helpers import twilio_form
from tests.channels.telegram_helpers import button_update, edited_update, sticker_update, text_update

# What must never be written to a log. Message words are lower case: the engine lower-cases text.
WEB_WORD = "zqxwebsentinel"
PAGE_WORD = "zqxpagesentinel"
SMS_WORD = "zqxsmssentinel"
TELEGRAM_WORD = "zqxtelegramsentinel"
OUTBOUND_WORD = "zqxoutboundsentinel"
WEB_SESSION = "zqxWebSessionSentinel01"
PAGE_SESSION = "zqxPageSessionSentinel02"
PHONE = "+447700900917"  # Ofcom's drama range
OUTBOUND_PHONE = "07700 900918"
CHAT_ID = 5550017341
FAILING_CHAT_ID = 5550017342  # the Bot API answers nonsense to this chat: the error path is logged too
BOT_TOKEN = "6000000042:AAzqxBotTokenSentinel_0123456789"
WEBHOOK_SECRET = "zqxWebhookSecretSentinel_9"
TWILIO_AUTH_TOKEN = "zqxtwilioauthtokensentinel"
IDENTITY_SECRET = "zqxidentitysecretsentinel"
ACCOUNT_SID = "AC" + "7" * 32
FROM_NUMBER = "+441632960001"
PUBLIC_URL = "https://privacy.dayfinder.example.org"

MESSAGE_WORDS = (WEB_WORD, PAGE_WORD, SMS_WORD, TELEGRAM_WORD, OUTBOUND_WORD)
IDENTIFIERS = (
    WEB_SESSION,
    PAGE_SESSION,
    PHONE.removeprefix("+44"),  # 7700900917: in any of +447700900917, 447700900917, 07700900917
    OUTBOUND_PHONE.replace(" ", "")[1:],
    str(CHAT_ID),
    str(FAILING_CHAT_ID),
    BOT_TOKEN,
    BOT_TOKEN.split(":")[1],  # the secret half, however the URL around it is cut
    WEBHOOK_SECRET,
    TWILIO_AUTH_TOKEN,
    IDENTITY_SECRET,
)
SENTINELS = MESSAGE_WORDS + IDENTIFIERS


class Capture(logging.Handler):
    """Keeps everything a record holds, the way any handler or log shipper could write it."""

    def __init__(self) -> None:
        super().__init__(level=1)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        self.lines: list[str] = []
        self.sources: set[tuple[str, int]] = set()  # (logger name, level) of every record
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            whole = self.format(record)  # the message with its arguments, the traceback, the stack
        except Exception as exc:  # a record that cannot be formatted is still searched, raw
            whole = f"unformattable: {exc!r}"
        raw = f"{record.msg!r} {record.args!r} {record.exc_info!r} {vars(record)!r}"
        with self._guard:
            self.lines.append(f"{whole}\n{raw}")
            self.sources.add((record.name, record.levelno))

    def text(self) -> str:
        with self._guard:
            return "\n".join(self.lines)


def found_in(output: str, needles: tuple[str, ...] = SENTINELS) -> list[str]:
    lower = output.lower()
    return [n for n in needles if n.lower() in lower]


def where(output: str) -> str:
    """The captured lines holding a sentinel, for the failure message."""
    return "\n".join(line[:600] for line in output.split("\n") if found_in(line))


@contextmanager
def every_logger_at_debug() -> Iterator[Capture]:
    """Every logger at DEBUG, all propagating to one capture on the root logger.

    The root and the top-level loggers of the server and the libraries are set to DEBUG; every
    other logger is reset to inherit, as an operator's configuration leaves them, so whatever a
    parent is later set to (the app quiets httpx, telegram and twilio) is what its children do.
    """
    capture = Capture()
    root = logging.getLogger()
    top = ["uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi", "httpx", "httpcore", "telegram"]
    top += ["twilio", "urllib3", "sqlalchemy", "assistant", "fastapi", "starlette", "asyncio"]
    existing = [lg for lg in logging.root.manager.loggerDict.values() if isinstance(lg, logging.Logger)]
    loggers = [root] + [logging.getLogger(n) for n in top] + existing
    saved = [(lg, lg.level, lg.propagate, lg.disabled) for lg in dict.fromkeys(loggers)]
    for lg, *_ in saved:
        lg.setLevel(logging.DEBUG if lg is root or lg.name in top else logging.NOTSET)
        lg.propagate = True
        lg.disabled = False
    root.addHandler(capture)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        for lg, level, propagate, disabled in saved:
            lg.setLevel(level)
            lg.propagate = propagate
            lg.disabled = disabled


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """The app under a real uvicorn server on 127.0.0.1, logging at TRACE into the root logger."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_config=None, log_level="trace", access_log=True, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


class PickyBotApi(FakeBotApi):
    """Answers a message to the failing chat with something that is not a Message."""

    def answer(self, token: str, method: str, params: dict[str, Any]) -> Any:
        result = super().answer(token, method, params)
        if method == "sendMessage" and int(params["chat_id"]) == FAILING_CHAT_ID:
            return ["not", "a", "message"]
        return result


def sign(form: dict[str, str]) -> str:
    return str(RequestValidator(TWILIO_AUTH_TOKEN).compute_signature(PUBLIC_URL + "/sms/twilio", form))


def sms_form(body: str) -> dict[str, str]:
    form = twilio_form(PHONE, body, sid=f"SM{uuid.uuid4().hex}")
    return {**form, "AccountSid": ACCOUNT_SID, "To": FROM_NUMBER}


def everything_stored(engine: Engine) -> str:
    """Every row of every table, as text (the directory's too: sentinels are in no listing)."""
    with engine.connect() as conn:
        return "\n".join(
            repr(tuple(row))
            for table in inspect(engine).get_table_names()
            for row in conn.execute(text(f'SELECT * FROM "{table}"'))
        )


def talk_on_every_channel(base: str, bot_api: FakeBotApi, settings: Settings, engine: Engine) -> None:
    """Each channel's traffic, checking each really was answered (or the test would prove nothing)."""
    with httpx.Client(base_url=base, timeout=30) as http:
        for said in ("hello", f"for me, I like {WEB_WORD} and knitting", f"near {WEB_WORD}", "Biggleswade"):
            reply = http.post("/api/chat", json={"session": signed(settings, WEB_SESSION), "text": said})
            assert reply.status_code == 200 and reply.json()["replies"], reply.text
        for said in ("hi", f"{PAGE_WORD} please", "for my dad"):
            page = http.post("/chat", data={"session": signed(settings, PAGE_SESSION), "text": said, "mode": "plain"})
            assert page.status_code == 200 and PAGE_SESSION in page.text

        for body in ("hi", f"I love {SMS_WORD}", "for me, swimming", f"near {SMS_WORD}", "HELP", "1"):
            form = sms_form(body)
            answer = http.post("/sms/twilio", data=form, headers={"X-Twilio-Signature": sign(form)})
            assert answer.status_code == 200 and "<Message>" in answer.text, answer.text
            again = http.post("/sms/twilio", data=form, headers={"X-Twilio-Signature": sign(form)})
            assert again.text == answer.text  # a retry of the same MessageSid
        unsigned = http.post("/sms/twilio", data=sms_form(SMS_WORD), headers={"X-Twilio-Signature": "forged"})
        assert unsigned.status_code == 403

        secret = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        updates = [
            text_update(CHAT_ID, "/start"),
            text_update(CHAT_ID, f"hello {TELEGRAM_WORD}"),
            button_update(CHAT_ID, "for me"),
            text_update(CHAT_ID, f"{TELEGRAM_WORD} and music"),
            edited_update(CHAT_ID, f"{TELEGRAM_WORD} edited"),
            sticker_update(CHAT_ID),
            text_update(FAILING_CHAT_ID, f"hi {TELEGRAM_WORD}"),
        ]
        for update in updates:
            assert http.post("/telegram/webhook", json=update, headers=secret).status_code == 200
            assert http.post("/telegram/webhook", json=update, headers=secret).status_code == 200  # a resend
        wrong = http.post("/telegram/webhook", json=updates[1], headers={"X-Telegram-Bot-Api-Secret-Token": "no"})
        assert wrong.status_code == 403
    sent_to = [int(c.params["chat_id"]) for c in bot_api.sent()]
    assert sent_to.count(CHAT_ID) >= 4 and FAILING_CHAT_ID in sent_to

    sent = SmsSender(settings, engine).send(OUTBOUND_PHONE, f"Knit and natter: {OUTBOUND_WORD}")
    assert sent.message_sids and not sent.opted_out


def test_no_message_number_chat_id_or_token_reaches_any_log_or_the_stored_state(
    sample_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    bot_api = PickyBotApi()
    telegram_server, telegram_base = serve(bot_api)
    try:
        with every_logger_at_debug() as capture, serve_twilio(ACCOUNT_SID, TWILIO_AUTH_TOKEN) as (twilio, twilio_base):
            settings = Settings(
                database_url=sample_url,
                identity_secret=SecretStr(IDENTITY_SECRET),
                public_base_url=PUBLIC_URL,
                twilio_account_sid=ACCOUNT_SID,
                twilio_auth_token=SecretStr(TWILIO_AUTH_TOKEN),
                twilio_from_number=FROM_NUMBER,
                twilio_api_base_url=twilio_base,
                telegram_bot_token=SecretStr(BOT_TOKEN),
                telegram_webhook_secret=SecretStr(WEBHOOK_SECRET),
                telegram_api_base_url=telegram_base,
            )
            app = create_app(settings)
            with served(app) as base:
                talk_on_every_channel(base, bot_api, settings, app.state.engine)
            logged, sources = capture.text(), capture.sources
    finally:
        telegram_server.shutdown()
        telegram_server.server_close()
    printed = capfd.readouterr()

    # The capture really saw the server, the channels and the database at work.
    assert '"POST /sms/twilio HTTP/1.1" 200' in logged and '"POST /telegram/webhook HTTP/1.1" 200' in logged
    assert ("uvicorn.error.channels", logging.WARNING) in sources  # the failed Telegram send was logged
    assert ("sqlalchemy.engine.Engine", logging.INFO) in sources  # every statement, with its parameters
    assert ("urllib3.connectionpool", logging.DEBUG) in sources  # the outbound text's HTTP request
    assert twilio.created and twilio.created[0]["To"] == "+447700900918" and OUTBOUND_WORD in twilio.created[0]["Body"]

    assert found_in(logged) == [], where(logged)
    assert found_in(printed.out + printed.err) == []
    engine = make_engine(sample_url)
    try:
        stored = everything_stored(engine)
        assert found_in(stored) == []
        web_key = user_key(IDENTITY_SECRET, "web", signed(settings, WEB_SESSION))
        sms_key = user_key(IDENTITY_SECRET, "sms", PHONE)
        telegram_key = user_key(IDENTITY_SECRET, "telegram", str(CHAT_ID))
        assert all(key in stored for key in (web_key, sms_key, telegram_key))
    finally:
        engine.dispose()


def test_the_capture_sees_debug_records_their_arguments_and_exception_text() -> None:
    """The check above is only as good as its capture: a sentinel anywhere in a record is found."""
    with every_logger_at_debug() as capture:
        logging.getLogger("some.library.deep.inside").debug("calling %s", {"chat_id": CHAT_ID})
        try:
            raise ValueError(f"bad token {BOT_TOKEN}")
        except ValueError:
            logging.getLogger("another.library").exception("it failed")
        logging.getLogger("a.third").info("quiet", extra={"phone": PHONE})
    assert found_in(capture.text()) == [PHONE.removeprefix("+44"), str(CHAT_ID), BOT_TOKEN, BOT_TOKEN.split(":")[1]]
