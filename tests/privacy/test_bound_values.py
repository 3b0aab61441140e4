"""What people type never reaches a log through SQL parameters or request lines (issue 14, item 4).

A problem report's words are a bound value of an INSERT, and a staff search's postcode and need
ride in a query string. With every logger at DEBUG (SQLAlchemy's statement log included) and a
real uvicorn server writing its access log, neither may appear; nor may a bound value in the
message of a database error, which is what gets logged when a statement fails.
"""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from assistant.app import create_app
from assistant.directory.db import make_engine
from assistant.settings import Settings
from tests.privacy.test_logs import every_logger_at_debug, found_in, served, where

REPORT_WORD = "zqxreportsentinel"
NEED_WORD = "zqxneedsentinel"
SEARCH_WORD = "zqxsearchsentinel"
POSTCODE = "ZQ9 9ZZ"
SENTINELS = (REPORT_WORD, NEED_WORD, SEARCH_WORD, POSTCODE, POSTCODE.replace(" ", "+"), "ZQ9%209ZZ")


def test_report_words_and_search_terms_reach_no_log(sample_url: str) -> None:
    with every_logger_at_debug() as capture:
        app = create_app(Settings(database_url=sample_url, staff_cookie_secure=False))
        with served(app) as base, httpx.Client(base_url=base, timeout=30) as http:
            listing = http.get("/oruk/services", params={"per_page": 1}).json()["contents"][0]["id"]
            report = http.post(
                f"/listing/{listing}/report", data={"message": f"The {REPORT_WORD} is wrong", "mode": "plain"}
            )
            assert report.status_code == 200
            search = {"postcode": POSTCODE, "need": NEED_WORD, "search": "1"}
            assert http.get("/staff", params=search).status_code in (200, 303, 401)
            assert http.get("/oruk/services", params={"text": SEARCH_WORD}).status_code == 200
        logged = capture.text()
    assert "GET /staff?" in logged and "INSERT INTO problem_report" in logged  # the capture saw both
    assert found_in(logged, SENTINELS) == [], where(logged)


def test_a_failed_statement_names_no_bound_value(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with pytest.raises(DBAPIError) as failed, engine.begin() as conn:
            conn.execute(text("INSERT INTO no_such_table (message) VALUES (:message)"), {"message": REPORT_WORD})
    finally:
        engine.dispose()
    assert "no_such_table" in str(failed.value)
    assert REPORT_WORD not in str(failed.value) and REPORT_WORD not in repr(failed.value)
