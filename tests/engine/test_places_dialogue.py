"""Places through the conversation (``handle``): outside the areas served, choosing between
namesakes by county, whole council areas searched as areas, and each place's own council."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from assistant.directory.db import make_engine
from assistant.engine.dialogue import handle
from assistant.engine.questions import area_of
from assistant.engine.replies import Inbound, Reply
from assistant.engine.slots import Slot
from assistant.engine.state import Profile, State
from assistant.matching.loader import Loader
from assistant.matching.matcher import find
from assistant.rendering.text import render

NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)


def say(*messages: str) -> tuple[State, list[Reply]]:
    state, replies = State(), []
    for message in messages:
        state, replies = handle(state, Inbound(message), NOW)
    return state, replies


def keys(replies: list[Reply]) -> list[str]:
    return [reply.key for reply in replies]


def searched(replies: list[Reply]) -> Profile | None:
    return next((r.search.profile for r in replies if r.search is not None), None)


@pytest.mark.parametrize(
    ("message", "place", "council"),
    [
        ("swimming in poole", "Poole", "Bournemouth, Christchurch and Poole Council"),
        ("art classes near Luton", "Luton", "Luton Council"),
        ("day centre manchester for my dad", "Manchester", "Manchester Council"),
        ("Bristol", "Bristol", "Bristol City Council"),
    ],
)
def test_a_place_outside_the_areas_is_said_plainly_with_its_council(message: str, place: str, council: str) -> None:
    state, replies = say(message)
    outside = next(r for r in replies if r.key == "places.outside")
    params = dict(outside.params)
    assert (params["place"], params["council"]) == (place, council)
    assert params["link"] == "https://www.gov.uk/find-local-council"
    assert state.profile.place is None and state.awaiting is Slot.PLACE and searched(replies) is None


def test_the_outside_reply_reads_well_in_plain_and_easy_read() -> None:
    _, replies = say("swimming in poole")
    outside = next(r for r in replies if r.key == "places.outside")
    for mode in ("plain", "easy"):
        rendered = render(outside, mode, today=NOW.date())
        assert "Poole" in rendered.text and "Bournemouth, Christchurch and Poole Council" in rendered.text
        assert "gov.uk/find-local-council" in rendered.text
        assert [o.label for o in rendered.options] == ["Dorset"]


def test_the_nearest_served_area_is_searched_only_when_the_person_picks_it() -> None:
    _, replies = say("swimming in poole", "1")
    profile = searched(replies)
    assert profile is not None and profile.place is not None
    assert profile.place.area_wide and profile.place.local_authority == "Dorset"
    assert profile.interests == ("activity-sport-swimming",)


@pytest.mark.parametrize("answer", ["yes", "yes please, show me the nearest ones", "ok", "go on then, the closest"])
def test_saying_yes_to_the_nearest_served_area_searches_it(answer: str) -> None:
    _, replies = say("knit and natter in poole", answer)
    profile = searched(replies)
    assert profile is not None and profile.place is not None
    assert (profile.place.local_authority, profile.place.area_wide) == ("Dorset", True)


def test_another_town_after_a_place_outside_is_that_town() -> None:
    state, _ = say("knit and natter in poole", "Formby")
    assert state.profile.place is not None and state.profile.place.local_authority == "Sefton"


@pytest.mark.parametrize(
    ("answer", "council"),
    [
        ("the Bedfordshire one", "Central Bedfordshire"),
        ("Bedfordshire", "Central Bedfordshire"),
        ("beds", "Central Bedfordshire"),
        ("Dorset", "Dorset"),
        ("the one in dorset please", "Dorset"),
    ],
)
def test_answering_which_place_with_a_county_picks_that_one(answer: str, council: str) -> None:
    state, replies = say("swimming in Horton")
    assert "place.choose" in keys(replies)
    state, _ = handle(state, Inbound(answer), NOW)
    assert state.profile.place is not None and state.profile.place.local_authority == council


def test_answering_which_place_with_a_county_outside_the_areas_says_so() -> None:
    state, _ = say("swimming in Horton")
    state, replies = handle(state, Inbound("the Berkshire one"), NOW)
    assert "places.outside" in keys(replies) and state.profile.place is None


def test_the_served_namesakes_come_first_in_the_list() -> None:
    state, _ = say("knitting in Horton")
    councils = [choice.local_authority for choice in state.place_choices]
    assert set(councils[:2]) == {"Dorset", "Central Bedfordshire"}


def test_picking_a_namesake_outside_the_areas_says_so_instead_of_searching() -> None:
    state, _ = say("swimming in Cambridge")
    assert [c.local_authority for c in state.place_choices][:2] == ["Cambridge", "Sefton"]
    state, replies = handle(state, Inbound("1"), NOW)
    assert "places.outside" in keys(replies) and searched(replies) is None


@pytest.mark.parametrize(
    ("message", "council"),
    [
        ("knitting anywhere in Sefton", "Sefton"),
        ("walking groups in Central Beds", "Central Bedfordshire"),
        ("swimming in dorset", "Dorset"),
        ("art in Solihull borough", "Solihull"),
        ("lunch clubs across Waltham Forest", "Waltham Forest"),
    ],
)
def test_a_council_area_is_searched_as_a_whole_and_a_town_is_only_offered(message: str, council: str) -> None:
    _, replies = say(message)
    profile = searched(replies)
    assert profile is not None and profile.place is not None
    assert profile.place.area_wide and profile.place.local_authority == council
    assert "places.whole_area" in keys(replies)


@pytest.mark.parametrize(
    ("message", "council"),
    [
        ("swimming in Balsall Common", "Solihull"),
        ("Stotfold day centre", "Central Bedfordshire"),
        ("Arlesey walking", "Central Bedfordshire"),
        ("Bootle lunch club", "Sefton"),
        ("leyton art", "Waltham Forest"),
        ("Lea Bridge cafe", "Waltham Forest"),
        ("horse riding near Balsall Common CV7", "Solihull"),
        ("knitting CV7", "Solihull"),
        ("lunch club SG5 1AA", "Central Bedfordshire"),
        ("We live in Poundbury. Memory cafe please", "Dorset"),
        ("verwood gardening", "Dorset"),
    ],
)
def test_every_served_place_gets_its_own_councils_contact(message: str, council: str) -> None:
    state, _ = say(message)
    assert area_of(state) == council
    person = render(Reply("person", params=(("area", area_of(state)),)), "plain", today=NOW.date())
    assert council.split()[0] in person.text


def test_an_area_wide_search_only_returns_that_councils_listings(sample_db: str) -> None:
    _, replies = say("lunch clubs anywhere in Sefton")
    profile = searched(replies)
    assert profile is not None
    engine = make_engine(sample_db)
    with Session(engine) as session:
        found = find(Loader(session), profile, NOW.date())
    in_person = [item for item in found.ranked if item.in_person]
    assert in_person and {item.area for item in in_person} == {"Sefton"}
    engine.dispose()
