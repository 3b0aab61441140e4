"""Take-up in the commissioners' report: follow-up answers by activity, need and area, with the
same small-number suppression as the searches, on the page and in its CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from assistant.app import create_app
from assistant.directory.db import make_engine
from assistant.directory.schema import upgrade
from assistant.outreach.models import FollowUpAnswer
from assistant.outreach.report import load_answers, take_up
from assistant.reports.export import HEADERS, SMALL, hidden_rows, to_csv
from assistant.reports.gaps import Supply, build_report
from assistant.reports.sources import term_name
from assistant.settings import Settings
from assistant.staff.users import add_user
from tests.reports.seed import events
from tests.reports.test_page import MARCH, MARCH_HTML, PASSWORD, USERS, sign_in

START, END = dt.date(2026, 12, 1), dt.date(2026, 12, 31)
KNIT, WALK = "activity-knit-natter", "activity-walking"


def answers(week: dt.date = dt.date(2026, 12, 7)) -> list[FollowUpAnswer]:
    """Knitting in Sefton: 5 tried, 2 did not (2 of them autistic); walking in Sefton: 3 tried; and
    a walker who answered four weeks later."""
    made = [FollowUpAnswer(activities=KNIT, needs="", area="Sefton", answer="yes", week=week) for _ in range(5)]
    made += [
        FollowUpAnswer(activities=KNIT, needs="need-autism", area="Sefton", answer="no", week=week) for _ in range(2)
    ]
    made += [FollowUpAnswer(activities=WALK, needs="", area="Sefton", answer="yes", week=week) for _ in range(3)]
    made.append(
        FollowUpAnswer(activities=WALK, needs="", area="Sefton", answer="yes", week=week + dt.timedelta(weeks=4))
    )
    return made


def test_answers_are_counted_by_activity_need_and_area_within_the_period() -> None:
    counted = {(r.by, r.value): (r.answers, r.tried, r.not_tried) for r in take_up(answers(), START, END)}
    assert counted == {
        ("activity", KNIT): (7, 5, 2),
        ("activity", WALK): (3, 3, 0),  # the January answer is outside the period
        ("need", ""): (8, 8, 0),
        ("need", "need-autism"): (2, 0, 2),
        ("area", "Sefton"): (10, 8, 2),
    }


def test_the_csv_leaves_out_small_rows_and_hides_small_counts() -> None:
    report = build_report([], Supply(), START, END, answers())
    published = list(csv.DictReader(io.StringIO(to_csv(report, "take_up"))))
    assert tuple(published[0]) == HEADERS["take_up"]
    assert [(r["by"], r["value_id"], r["answers"], r["tried"], r["not_tried"]) for r in published] == [
        ("activity", KNIT, "7", "5", SMALL),
        ("need", "", "8", "8", "0"),
        ("area", "Sefton", "10", "8", SMALL),
    ]
    assert [r["value"] for r in published] == [term_name(KNIT), "not said", "Sefton"]
    assert term_name(KNIT) != KNIT  # the activity's name, not its id
    assert hidden_rows(report) == 2  # walking (3 answers) and autism (2)


def test_answers_are_read_back_from_the_database(engine: Engine) -> None:
    with Session(engine) as session:
        session.add_all(answers())
        session.commit()
    loaded = load_answers(engine, START, END)
    assert len(loaded) == 10 and all(a.week <= END for a in loaded)


def test_the_gaps_page_and_its_csv_show_take_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'gaps.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    march = answers(dt.date(2026, 3, 9))
    with Session(engine) as session:
        session.add_all([*events(), *march])
        session.commit()
    add_user(engine, USERS["commissioner"], "Cara", "commissioner", PASSWORD, dt.datetime.now(dt.UTC))
    engine.dispose()
    settings = Settings(database_url=url, staff_session_secret="test-staff-secret")
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        sign_in(client, "commissioner")
        html = client.get(f"/staff/gaps?{MARCH}").text
        assert "Take-up: did people try what they were shown" in html
        assert '<th scope="row">Activity</th><td>Knit and natter</td>' in html and "Walking" not in html
        assert f'href="/staff/gaps/take_up.csv?{MARCH_HTML}"' in html
        published = client.get(f"/staff/gaps/take_up.csv?{MARCH}").text
    assert published.splitlines()[1] == f"activity,{KNIT},Knit and natter,7,5,{SMALL}"
