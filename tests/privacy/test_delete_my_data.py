""" "Delete my data" deletes everything tied to the person, on every channel (issue 14, item 4).

A person finds activities, reports a problem with one of them in the conversation ("report 1",
then what is wrong), then asks to delete their data. Afterwards nothing in the database is tied
to their key: not the conversation, not the report they wrote, not the answers kept for Twilio's
retries, including the answer to the deleting message itself; a retry of that message deletes
nothing more and keeps nothing. Someone else's report, and a report from the listing page's
form (which has no person behind it), stay. Runs on SQLite and, with DATABASE_URL, PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine, inspect, text
from sqlmodel import Session, select

from assistant.app import create_app
from assistant.content import text as words
from assistant.conversation.store import user_key
from assistant.curation.problems_queue import ProblemReport
from assistant.directory.db import make_engine
from assistant.settings import Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_URL
from tests.channels.sms_helpers import post_sms, say, texts, twilio_form

FINDING = "knitting for me near Biggleswade, any day, free"
PERSON = "+447700900123"
SOMEONE_ELSE = "+447700900456"
IDENTITY_SECRET = "privacy-test-identity-secret-0123456789"


@pytest.fixture
def settings(sample_url: str) -> Settings:
    return Settings(
        database_url=sample_url,
        identity_secret=SecretStr(IDENTITY_SECRET),
        public_base_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=SecretStr(AUTH_TOKEN),
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url="https://twilio.test",
        telegram_bot_token=None,
        telegram_webhook_secret=None,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    eng = make_engine(settings.database_url)
    yield eng
    eng.dispose()


def rows_with(engine: Engine, needle: str) -> list[str]:
    """Every row, of every table, holding ``needle`` anywhere: the tables that still know someone."""
    with engine.connect() as conn:
        return [
            table
            for table in inspect(engine).get_table_names()
            for row in conn.execute(text(f'SELECT * FROM "{table}"'))
            if needle in repr(tuple(row))
        ]


def report_by_sms(client: TestClient, sender: str, problem: str) -> None:
    assert any("1." in m for m in say(client, sender, FINDING))
    say(client, sender, "report 1")
    say(client, sender, problem)


def test_deleting_by_sms_deletes_the_persons_reports_and_every_kept_answer(client: TestClient, engine: Engine) -> None:
    report_by_sms(client, PERSON, "The times on this one are wrong")
    report_by_sms(client, SOMEONE_ELSE, "This group has closed down")
    listing = client.get("/oruk/services", params={"per_page": 1}).json()["contents"][0]["id"]
    form = client.post(f"/listing/{listing}/report", data={"message": "Wrong phone number", "mode": "plain"})
    assert form.status_code == 200
    key = user_key(IDENTITY_SECRET, "sms", PERSON)
    assert set(rows_with(engine, key)) >= {"conversation_state", "channel_message", "problem_report"}

    deleting = twilio_form(PERSON, "delete my data")
    assert texts(post_sms(client, deleting)) == [words("chat", "delete_done")]
    assert rows_with(engine, key) == []
    assert texts(post_sms(client, deleting))[-1].endswith(words("chat", "delete_done"))  # Twilio's retry
    assert rows_with(engine, key) == []

    with Session(engine) as session:
        left = sorted(r.message for r in session.exec(select(ProblemReport)).all())
    assert left == ["This group has closed down", "Wrong phone number"]


def test_deleting_in_the_web_chat_deletes_the_reports_written_there(client: TestClient, engine: Engine) -> None:
    first = client.post("/api/chat", json={"session": None, "text": FINDING})
    assert first.status_code == 200 and first.json()["replies"]
    session = first.json()["session"]
    for said in ("report 1", "The cost is out of date"):
        assert client.post("/api/chat", json={"session": session, "text": said}).status_code == 200
    with Session(engine) as db:
        assert [r.message for r in db.exec(select(ProblemReport)).all()] == ["The cost is out of date"]
    assert client.post("/api/chat", json={"session": session, "text": "delete my data"}).status_code == 200
    with Session(engine) as db:
        assert db.exec(select(ProblemReport)).all() == []
