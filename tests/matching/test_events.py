"""Anonymous search events: the slots a gaps report needs, and nothing that could point to a person."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, inspect
from sqlmodel import Session, select

from assistant.engine.slots import Budget, CostPeriod, PartOfDay
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.events import SearchEvent, budget_band, event_for, record_search
from assistant.matching.results import ResultsPage, Widening

pytestmark = pytest.mark.storage

TODAY = dt.date(2026, 11, 25)
PLACE = PlaceValue(
    label="LU7 1AA", latitude=51.9172, longitude=-0.658, outcode="LU7", local_authority="Central Bedfordshire"
)
PROFILE = Profile(
    age=34,
    interests=("activity-music", "activity-arts-crafts"),
    needs=("need-autism",),
    place=PLACE,
    days=frozenset({"SA", "TU"}),
    parts_of_day=frozenset({PartOfDay.MORNING}),
    budget=Budget(amount=6.0, period=CostPeriod.SESSION),
    must_haves=frozenset({"access-quiet-space"}),
)
WIDENED = [Widening("radius_on.SA", (("was", "3"), ("now", "6"))), Widening("related")]


def page(number: int = 0, total: int = 4) -> ResultsPage:
    return ResultsPage([], total=total, page=number, page_size=5, widened=WIDENED)


def test_an_event_holds_the_slots_as_codes(engine: Engine) -> None:
    with Session(engine) as session:
        record_search(session, profile=PROFILE, page=page(), channel="sms", today=TODAY)
        session.commit()
        event = session.exec(select(SearchEvent)).one()
    assert event.created_on == TODAY and event.channel == "sms"
    assert event.interests == "activity-arts-crafts,activity-music"
    assert event.needs == "need-autism"
    assert event.days == "TU,SA" and event.parts_of_day == "morning"
    assert event.budget_band == "5-10" and event.must_haves == "access-quiet-space"
    assert event.result_count == 4 and event.relaxed == "radius,related"


def test_the_area_is_the_postcode_district_never_the_full_postcode_or_position(engine: Engine) -> None:
    event = event_for(PROFILE, page(), "web", TODAY)
    assert event.area == "LU7"
    council_only = PROFILE.model_copy(update={"place": PLACE.model_copy(update={"outcode": None})})
    assert event_for(council_only, page(), "web", TODAY).area == "Central Bedfordshire"
    assert event_for(Profile(online_ok=True), page(), "web", TODAY).area == "online"


def test_the_table_has_no_column_for_text_a_user_key_an_age_or_a_time(engine: Engine) -> None:
    columns = {c["name"] for c in inspect(engine).get_columns("search_event")}
    assert columns == {
        "id",
        "created_on",
        "channel",
        "interests",
        "needs",
        "area",
        "days",
        "parts_of_day",
        "budget_band",
        "must_haves",
        "result_count",
        "relaxed",
    }
    stored = " ".join(str(v) for v in event_for(PROFILE, page(), "sms", TODAY).model_dump().values())
    assert "34" not in stored and "LU7 1AA" not in stored and "51.9" not in stored


def test_more_pages_are_not_new_searches(engine: Engine) -> None:
    with Session(engine) as session:
        assert record_search(session, profile=PROFILE, page=page(number=1), channel="sms", today=TODAY) is None
        session.commit()
        assert session.exec(select(SearchEvent)).all() == []


def test_budget_bands_are_per_visit() -> None:
    def band(budget: Budget | None) -> str:
        return budget_band(Profile(budget=budget))

    assert band(None) == ""
    assert band(Budget(free=True)) == "free"
    assert band(Budget(amount=4.0, period=CostPeriod.SESSION)) == "under-5"
    assert band(Budget(amount=10.0, period=CostPeriod.SESSION)) == "10-20"
    assert band(Budget(amount=45.0, period=CostPeriod.DAY)) == "20-50"
    assert band(Budget(amount=60.0, period=CostPeriod.WEEK)) == "50-plus"


def test_a_search_with_no_results_and_no_widening_is_recorded_too(engine: Engine) -> None:
    nothing = ResultsPage([], total=0, page=0, page_size=3)
    with Session(engine) as session:
        record_search(session, profile=Profile(needs=("need-carers",)), page=nothing, channel="telegram", today=TODAY)
        session.commit()
        event = session.exec(select(SearchEvent)).one()
    assert (event.result_count, event.relaxed, event.area, event.needs) == (0, "", "", "need-carers")
