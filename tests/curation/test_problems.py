"""Problem reports from the listing page, /chat, the widget and "report 2" in a conversation; closing them."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.content import text
from assistant.conversation.runtime import Conversations
from assistant.curation.problems_queue import ProblemReport, open_reports
from assistant.engine.dialogue import handle
from assistant.engine.replies import Action, Inbound
from assistant.engine.state import State
from assistant.matching.matcher import Matcher
from assistant.settings import Settings
from tests.curation.conftest import STAFF, csrf_of, sign_in

NOW = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


def test_listing_form_files_a_report_that_curators_close(client: TestClient, curated: Engine) -> None:
    page = client.get("/listing/svc-1")
    assert 'action="/listing/svc-1/report"' in page.text
    sent = client.post("/listing/svc-1/report", data={"message": "It moved to Thursdays", "mode": "easy"})
    assert sent.status_code == 200 and text("problems", "thanks_title", "easy") in sent.text
    assert client.post("/listing/svc-1/report", data={"message": "  "}).status_code == 422
    assert client.post("/listing/svc-1/report", data={"message": "x" * 1001}).status_code == 422
    assert client.post("/listing/nope/report", data={"message": "closed"}).status_code == 404
    [report] = open_reports(curated)
    assert (report.service_id, report.message, report.source) == ("svc-1", "It moved to Thursdays", "listing")

    assert client.get("/staff/problems", headers={"accept": "text/html"}).status_code == 303
    sign_in(client, STAFF)
    assert client.get("/staff/problems").status_code == 403
    client.cookies.clear()
    token = sign_in(client)
    queue = client.get("/staff/problems")
    assert "It moved to Thursdays" in queue.text
    assert client.post(f"/staff/problems/{report.id}/close", data={"csrf": "wrong"}).status_code == 403
    closed = client.post(f"/staff/problems/{report.id}/close", data={"csrf": csrf_of(queue.text)})
    assert closed.status_code == 303 and token
    assert open_reports(curated) == []
    assert client.post(f"/staff/problems/{report.id}/close", data={"csrf": token}).status_code == 404


def test_chat_and_widget_links_lead_to_the_form(client: TestClient, curated: Engine) -> None:
    strings = client.get("/widget/strings").text if client.get("/widget/strings").status_code == 200 else ""
    assert "report_problem" in strings or text("widget", "report_problem")
    form = client.get("/listing/svc-2", params={"from": "chat"})
    assert 'name="from" value="chat"' in form.text
    client.post("/listing/svc-2/report", data={"message": "Phone is wrong", "from": "chat"})
    client.post("/listing/svc-2/report", data={"message": "Closed", "from": "widget"})
    assert sorted(r.source for r in open_reports(curated)) == ["chat", "widget"]


def test_reports_are_rate_limited(client: TestClient) -> None:
    codes = [client.post("/listing/svc-1/report", data={"message": f"n{i}"}).status_code for i in range(7)]
    assert codes[:5] == [200] * 5 and codes[-1] == 429


def test_report_2_in_the_engine_asks_then_files() -> None:
    state = State(shown=("svc-1", "svc-2"), searched=True, started=NOW)
    state, replies = handle(state, Inbound("report 2"), NOW)
    assert [r.key for r in replies] == ["report.ask"] and state.reporting == "svc-2"
    state, replies = handle(state, Inbound("it has closed down"), NOW)
    assert replies[-1].action is Action.REPORT_PROBLEM
    assert replies[-1].problem == ("svc-2", "it has closed down") and state.reporting is None
    assert handle(State(), Inbound("report 1"), NOW)[1][-1].key == "report.nothing_shown"
    assert handle(state, Inbound("report 9"), NOW)[1][-1].key == "results.not_shown"
    asked, _ = handle(state, Inbound("report 1"), NOW)
    assert handle(asked, Inbound("start again"), NOW)[0].reporting is None


def test_report_2_in_a_conversation_lands_in_the_queue(curated: Engine, database_url: str) -> None:
    settings = Settings(database_url=database_url)
    conversations = Conversations(curated, Matcher(curated), settings, clock=lambda: NOW)
    key = conversations.key("web", "someone")
    with Session(curated) as session:
        from assistant.conversation import store

        store.save(
            session, key, "web", State(shown=("svc-1", "svc-2"), searched=True).to_json(), NOW, dt.timedelta(days=1)
        )
        session.commit()
    asked = conversations.turn("web", "someone", Inbound("report 2"))
    assert asked.replies[-1].key == "report.ask"
    done = conversations.turn("web", "someone", Inbound("The price is now £5"))
    assert done.replies[-1].key == "report.thanks"
    with Session(curated) as session:
        [row] = session.exec(select(ProblemReport)).all()
    assert (row.service_id, row.message, row.source) == ("svc-2", "The price is now £5", "web")
