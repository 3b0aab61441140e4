"""``understand``: one message, as people really write it, into slots."""

from __future__ import annotations

import datetime as dt
import json
import logging
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.engine import understand as understand_module
from assistant.engine.lexicon import Kind, load_lexicon
from assistant.engine.slots import (
    Budget,
    Command,
    CostPeriod,
    PartOfDay,
    PlaceMention,
    Slot,
    Understanding,
    WhoFor,
)
from assistant.engine.understand import read_message, understand
from assistant.settings import PROJECT_DIR

WEEKDAYS = {"MO", "TU", "WE", "TH", "FR"}


# --- the lexicon --------------------------------------------------------------------------------


def test_every_need_activity_support_and_access_term_has_phrases() -> None:
    taxonomy = json.loads((PROJECT_DIR / "directory_data" / "taxonomy.json").read_text())
    wanted = {
        term["id"]
        for tax in taxonomy["taxonomies"]
        for term in tax["terms"]
        if not term["id"].startswith("attendance-")
    }
    known = {m.value for meanings in load_lexicon().phrases.values() for m in meanings if m.kind is Kind.TERM}
    assert wanted - known == set()
    assert known - wanted == set(), "the lexicon names ids that are not in the taxonomy"


def test_words_never_corrected_are_not_themselves_vocabulary() -> None:
    with (PROJECT_DIR / "content" / "lexicon.toml").open("rb") as fh:
        never = tomllib.load(fh)["fuzzy"]["never"]
    vocabulary = {Kind.TERM, Kind.DAYS, Kind.PART}
    phrases = load_lexicon().phrases
    assert [w for w in never if any(m.kind in vocabulary for m in phrases.get((w,), ()))] == []


# Everyday words one slip from a recognised word ("looking"/cooking, "seeing"/sewing, "matter"/natter).
ORDINARY_WORDS = [
    "looking", "talking", "booking", "seeing", "quite", "despite", "matter", "parts", "party", "walker",
    "meeting", "thinking", "going", "coming", "having", "making", "taking", "giving", "living", "moving",
    "saying", "playing", "staying", "trying", "buying", "paying", "saturn", "monkey", "wonder", "wander",
    "garage", "gardener", "learner", "leading", "reading", "heading", "painted", "printed", "pointing",
    "connection", "expression", "deployment", "reduction", "emulation", "regression", "collector",
    "interpreted", "computed", "signed", "shipping", "launch", "transform", "independent", "confidence",
]  # fmt: skip


@pytest.mark.parametrize("word", ORDINARY_WORDS)
def test_ordinary_words_are_not_taken_for_typos(word: str) -> None:
    u = read_message(word)
    assert (u.interests, u.needs, u.must_haves, u.days, u.parts_of_day) == ([], [], set(), set(), set())


# --- vocabulary, typos and several slots at once -------------------------------------------------


@pytest.mark.parametrize("text", ["knitting", "knit and natter", "Knit n Natter", "nitting", "crochet"])
def test_knitting_however_written_is_knit_and_natter(text: str) -> None:
    assert read_message(text).interests == ["activity-knit-natter"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("swiming", "activity-sport-swimming"),
        ("swimmimg", "activity-sport-swimming"),
        ("gardning", "activity-gardening"),
        ("dementa", "need-dementia"),
        ("alzhiemers", "need-dementia"),
        ("autsim", "need-autism"),
        ("Alzheimer\u2019s", "need-dementia"),
    ],
)
def test_common_misspellings_are_understood(text: str, term: str) -> None:
    u = read_message(text)
    assert term in u.interests + u.needs


def test_one_message_fills_many_slots() -> None:
    u = read_message("swimming for my son who has autism near B91 on Saturday mornings, under £5")
    assert u.interests == ["activity-sport-swimming"]
    assert u.who_for is WhoFor.SOMEONE
    assert u.needs == ["need-autism"]
    assert u.place == PlaceMention("B91")
    assert u.days == {"SA"}
    assert u.parts_of_day == {PartOfDay.MORNING}
    assert u.budget == Budget(amount=5.0, period=CostPeriod.SESSION)


def test_a_professional_enquiry_gives_need_activity_place_and_access() -> None:
    u = read_message(
        "I'm a social worker looking for a day centre for my client with a learning disability "
        "in Leeds, wheelchair access"
    )
    assert u.who_for is WhoFor.PROFESSIONAL
    assert u.interests == ["activity-day-centre"]
    assert u.needs == ["need-learning-disability"]
    assert u.place == PlaceMention("leeds")
    assert u.must_haves == {"access-step-free"}


def test_support_and_access_needs_are_must_haves() -> None:
    u = read_message("my mum has alzheimers and needs transport, somewhere quiet, and help with toileting")
    assert u.needs == ["need-dementia"]
    assert u.must_haves == {"support-transport", "access-quiet-space", "support-personal-care"}


def test_interests_keep_the_order_they_were_given() -> None:
    assert read_message("dancing, cooking and bingo").interests == [
        "activity-dance-movement",
        "activity-cookery",
        "activity-games-quizzes",
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("for me", WhoFor.SELF),
        ("I want something to do", WhoFor.SELF),
        ("for my husband", WhoFor.SOMEONE),
        ("I'm a carer", WhoFor.SOMEONE),
        ("someone I care for", WhoFor.SOMEONE),
        ("I want something for my daughter", WhoFor.SOMEONE),
        ("a service user of mine", WhoFor.PROFESSIONAL),
        ("I work for the council", WhoFor.PROFESSIONAL),
    ],
)
def test_who_it_is_for_the_most_specific_wins(text: str, who: WhoFor) -> None:
    assert read_message(text).who_for is who


def test_me_answers_who_only_when_that_was_asked() -> None:
    assert read_message("me", expecting=Slot.WHO).who_for is WhoFor.SELF
    assert read_message("me").who_for is None


@pytest.mark.parametrize(
    ("text", "age"), [("aged 72", 72), ("he's 19", 19), ("I'm 80", 80), ("she is 45", 45)]
)
def test_ages_in_everyday_forms(text: str, age: int) -> None:
    assert read_message(text).age == age


def test_an_age_and_a_need_in_one_sentence() -> None:
    u = read_message("my daughter is 24 and has downs syndrome, she loves dancing")
    assert (u.age, u.needs, u.interests) == (24, ["need-learning-disability"], ["activity-dance-movement"])


# --- negation ------------------------------------------------------------------------------------


def test_not_mondays_avoids_mondays() -> None:
    u = read_message("not Mondays")
    assert (u.days, u.avoid_days) == (set(), {"MO"})


@pytest.mark.parametrize("text", ["anything but swimming", "not swimming", "he hates swimming"])
def test_a_negated_activity_is_avoided(text: str) -> None:
    u = read_message(text)
    assert (u.interests, u.avoid_interests) == ([], ["activity-sport-swimming"])


def test_no_stairs_is_step_free_access_not_a_negation() -> None:
    u = read_message("no stairs please")
    assert u.must_haves == {"access-step-free"}
    assert u.avoid_interests == [] and u.commands == []


def test_negation_stops_at_but() -> None:
    u = read_message("not mondays or tuesdays but wednesday is fine")
    assert (u.avoid_days, u.days) == ({"MO", "TU"}, {"WE"})


def test_negation_stops_at_a_comma() -> None:
    u = read_message("not swimming, knitting")
    assert (u.interests, u.avoid_interests) == (["activity-knit-natter"], ["activity-sport-swimming"])


def test_every_day_except_one() -> None:
    u = read_message("every day except Friday")
    assert (u.days, u.avoid_days) == ({"MO", "TU", "WE", "TH", "SA", "SU"}, {"FR"})


def test_a_negated_need_is_dropped_not_inverted() -> None:
    u = read_message("he doesn't have dementia")
    assert u.needs == [] and u.must_haves == set()


# --- money ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["free", "nothing", "can't pay", "no money", "free only please"])
def test_free_in_its_everyday_forms(text: str) -> None:
    assert read_message(text).budget == Budget(free=True)


@pytest.mark.parametrize(
    ("text", "amount", "period"),
    [
        ("a fiver", 5.0, CostPeriod.SESSION),
        ("a tenner", 10.0, CostPeriod.SESSION),
        ("£20 a day", 20.0, CostPeriod.DAY),
        ("under 50 a week", 50.0, CostPeriod.WEEK),
        ("up to £3", 3.0, CostPeriod.SESSION),
        ("£3.50", 3.5, CostPeriod.SESSION),
        ("3 pounds", 3.0, CostPeriod.SESSION),
        ("50p", 0.5, CostPeriod.SESSION),
        ("less than 10 quid", 10.0, CostPeriod.SESSION),
        ("a weekly budget of £20", 20.0, CostPeriod.WEEK),
        ("£5 per session", 5.0, CostPeriod.SESSION),
    ],
)
def test_amounts_in_every_common_form(text: str, amount: float, period: CostPeriod) -> None:
    assert read_message(text).budget == Budget(amount=amount, period=period)


def test_a_monthly_amount_becomes_weekly() -> None:
    assert read_message("£100 a month").budget == Budget(amount=23.08, period=CostPeriod.WEEK)


def test_free_time_is_not_a_budget() -> None:
    assert read_message("she has free time on mondays").budget is None


def test_a_bare_number_is_pounds_a_session_only_when_budget_was_asked() -> None:
    assert read_message("5", expecting=Slot.BUDGET).budget == Budget(amount=5.0, period=CostPeriod.SESSION)
    assert read_message("5", expecting=Slot.BUDGET).number is None
    assert read_message("5").budget is None


def test_nothing_means_free_only_alone_or_when_budget_was_asked() -> None:
    assert read_message("nothing", expecting=Slot.BUDGET).budget == Budget(free=True)
    assert read_message("nothing", expecting=Slot.NEEDS).budget is None
    assert read_message("there is nothing for him round here").budget is None


def test_free_on_a_day_is_availability_not_price() -> None:
    u = read_message("he is free on Tuesdays")
    assert (u.budget, u.days) == (None, {"TU"})


def test_not_free_is_no_budget() -> None:
    assert read_message("it doesn't have to be free").budget is None


def test_distances_are_not_money() -> None:
    assert read_message("up to 5 miles away").budget is None


# --- times ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "after", "before"),
    [
        ("after 5", dt.time(17), None),
        ("before 2", None, dt.time(14)),
        ("after 10am", dt.time(10), None),
        ("before 11", None, dt.time(11)),
        ("after 5.30", dt.time(17, 30), None),
        ("from 10 till 2", dt.time(10), dt.time(14)),
        ("between 9 and 12", dt.time(9), dt.time(12)),
        ("after lunch", dt.time(12), None),
        ("up to 5pm", None, dt.time(17)),
    ],
)
def test_clock_times_assume_the_daytime(text: str, after: dt.time | None, before: dt.time | None) -> None:
    u = read_message(text)
    assert (u.after, u.before) == (after, before)


def test_after_lunch_is_a_time_not_a_lunch_club() -> None:
    assert read_message("after lunch").interests == []


@pytest.mark.parametrize(
    ("text", "days", "parts"),
    [
        ("weekday mornings", WEEKDAYS, {PartOfDay.MORNING}),
        ("Sat", {"SA"}, set()),
        ("weekends", {"SA", "SU"}, set()),
        ("evenings", set(), {PartOfDay.EVENING}),
        ("tues and thurs afternoons", {"TU", "TH"}, {PartOfDay.AFTERNOON}),
        ("wensday", {"WE"}, set()),
        ("Saturday at 10am", {"SA"}, {PartOfDay.MORNING}),
    ],
)
def test_days_and_parts_of_day(text: str, days: set[str], parts: set[PartOfDay]) -> None:
    u = read_message(text)
    assert (u.days, u.parts_of_day) == (days, parts)


def test_any_time_answers_the_when_question_with_every_day() -> None:
    u = read_message("any time", expecting=Slot.WHEN)
    assert u.days == {"MO", "TU", "WE", "TH", "FR", "SA", "SU"} and not u.skip


def test_any_time_inside_a_longer_message_still_answers_when() -> None:
    u = read_message("knitting near LU7 any time, free")
    assert len(u.days) == 7 and u.budget is not None and u.budget.free


def test_free_as_in_available_is_not_a_budget() -> None:
    u = read_message("I am free any day")
    assert u.budget is None and len(u.days) == 7


# --- places --------------------------------------------------------------------------------------


def test_a_place_after_a_cue_is_found() -> None:
    u = read_message("knitting in Biggleswade")
    assert (u.interests, u.place) == (["activity-knit-natter"], PlaceMention("biggleswade"))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I live in sutton coldfield", "sutton coldfield"),
        ("something in stoke on trent on a saturday", "stoke on trent"),
        ("within 5 miles of leighton buzzard", "leighton buzzard"),
        ("swimming club in St Albans", "st albans"),
        ("near MK40 3AB please", "MK40 3AB"),
        ("my postcode is le1", "LE1"),
    ],
)
def test_places_and_postcodes_in_a_sentence(text: str, place: str) -> None:
    assert read_message(text).place == PlaceMention(place)


@pytest.mark.parametrize(
    "text", ["in the morning", "at home", "near me", "in the park", "at church", "in March", "at 10am"]
)
def test_words_after_a_cue_that_are_not_places(text: str) -> None:
    assert read_message(text).place is None


def test_the_reply_to_where_is_the_place_even_misspelt() -> None:
    assert read_message("Biggleswde", expecting=Slot.PLACE).place == PlaceMention("biggleswde")
    assert read_message("erm it's biggleswade thanks", expecting=Slot.PLACE).place == PlaceMention(
        "biggleswade"
    )
    assert read_message("stoke-on-trent", expecting=Slot.PLACE).place == PlaceMention("stoke on trent")


def test_a_message_that_is_only_a_known_place_is_a_place() -> None:
    assert read_message("Hull").place == PlaceMention("hull")
    assert read_message("Sutton Coldfield", expecting=Slot.WHEN).place == PlaceMention("sutton coldfield")


@pytest.mark.parametrize("text", ["lovely", "bedfrod", "hope so", "thanks"])
def test_a_lone_word_is_a_place_only_if_spelt_as_one(text: str) -> None:
    assert read_message(text).place is None


@pytest.mark.parametrize("text", ["online", "online is fine", "from home", "on zoom"])
def test_online_is_ok(text: str) -> None:
    assert read_message(text).online_ok is True


@pytest.mark.parametrize("text", ["not online", "in person only", "face to face please"])
def test_online_is_not_ok(text: str) -> None:
    assert read_message(text).online_ok is False


# --- corrections ---------------------------------------------------------------------------------


def test_actually_with_a_place_corrects_the_place() -> None:
    u = read_message("actually it's Luton")
    assert u.correcting and u.place == PlaceMention("luton")


def test_change_the_day_names_the_question_and_nothing_else() -> None:
    u = read_message("change the day")
    assert u.correcting and u.change is Slot.WHEN
    assert u.days == set() and u.number is None and u.commands == []


@pytest.mark.parametrize(
    ("text", "slot"),
    [("can I change my postcode", Slot.PLACE), ("a different activity", Slot.INTERESTS)],
)
def test_change_names_other_questions(text: str, slot: Slot) -> None:
    assert read_message(text).change is slot


def test_a_correction_carries_its_new_value() -> None:
    u = read_message("sorry I meant Tuesdays")
    assert u.correcting and u.days == {"TU"} and u.change is None


# --- commands and numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("start again", Command.RESTART),
        ("easy read please", Command.EASY),
        ("help", Command.HELP),
        ("?", Command.HELP),
        ("show more", Command.MORE),
        ("talk to a person", Command.PERSON),
        ("stop", Command.STOP),
        ("delete my data", Command.DELETE),
        ("go back", Command.BACK),
        ("plain", Command.PLAIN),
        ("yes please", Command.YES),
        ("no thanks", Command.NO),
        ("what do you do with my data", Command.PRIVACY),
    ],
)
def test_commands(text: str, command: Command) -> None:
    assert read_message(text).commands == [command]


@pytest.mark.parametrize("text", ["skip", "don't mind", "dont mind", "any", "no preference", "not sure"])
def test_skipping_is_a_command_and_a_flag(text: str) -> None:
    u = read_message(text)
    assert u.skip and u.commands == [Command.SKIP]


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to stop going out",
        "help with personal care",
        "can you help me find swimming",
        "more swimming please",
        "any swimming near me?",
    ],
)
def test_a_command_word_inside_a_request_is_not_a_command(text: str) -> None:
    u = read_message(text)
    assert u.commands == [] and not u.skip


def test_help_with_personal_care_is_a_need() -> None:
    assert read_message("help with personal care").must_haves == {"support-personal-care"}


@pytest.mark.parametrize(("text", "number"), [("3", 3), ("number 2 please", 2), ("the second one", 2)])
def test_a_bare_number_picks(text: str, number: int) -> None:
    assert read_message(text).number == number


def test_a_number_inside_a_sentence_is_not_a_pick() -> None:
    assert read_message("I have 2 sons").number is None


# --- robustness ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 10_000, "😀🏊\u200d♀️" * 500, "مرحبا بكم שלום", "\x00\x07\x1b\u202e\ufeff", "£" * 3000],
)
def test_odd_text_gives_an_understanding(text: str) -> None:
    assert isinstance(read_message(text), Understanding)


def test_a_failure_inside_is_logged_and_gives_an_empty_understanding(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str, expecting: Slot | None = None) -> Understanding:
        raise RuntimeError("bug")

    monkeypatch.setattr(understand_module, "read_message", broken)
    with caplog.at_level(logging.ERROR):
        assert understand("swimming").empty()
    assert "could not read" in caplog.text


_WORDS = st.sampled_from([
    "not", "no", "swimming", "in", "luton", "after", "5", "under", "£5", "a", "week", "my", "son", "aged",
    "72", "b91", "1aa", "from", "10", "till", "2", "change", "the", "day", "actually", "3", "stop", "help",
    "any", "free", "nothing", "pounds", "between", "and", "to", "by", "sat", "weekend", "morning", "at",
    "near", ",", ".", "?", "-", "50p", "£3.50", "mon", "10am",
])  # fmt: skip
_MESSAGES = st.one_of(
    st.text(max_size=300),
    st.lists(_WORDS, max_size=40).map(" ".join),
    st.builds(lambda part, times: part * times, st.text(min_size=1, max_size=12), st.integers(1, 1000)),
    st.text(alphabet=st.characters(categories=("Cc", "Cf", "Co", "So", "Lo", "Zs")), max_size=200),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_MESSAGES, expecting=st.none() | st.sampled_from(Slot))
def test_any_text_gives_an_understanding_and_never_raises(text: str, expecting: Slot | None) -> None:
    assert isinstance(read_message(text, expecting), Understanding)
