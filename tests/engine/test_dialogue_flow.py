"""The dialogue's shape, through the pure engine: results as soon as there is a place and
something to look for, numbers that answer the options just shown, greetings and off-topic
questions that keep the conversation where it was."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.dialogue import handle, remember_results
from assistant.engine.replies import Inbound, Reply
from assistant.engine.slots import Slot, WhoFor
from assistant.engine.state import Profile, State

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def talk(*messages: str, state: State | None = None) -> tuple[State, list[list[Reply]]]:
    state = state or State()
    said: list[list[Reply]] = []
    for message in messages:
        state, replies = handle(state, Inbound(message), NOW)
        if any(r.search is not None for r in replies):
            state = remember_results(state, ["svc-a", "svc-b", "svc-c"], 0)
        said.append(replies)
    return state, said


def keys(replies: list[Reply]) -> list[str]:
    return [r.key for r in replies]


def questions_before_results(said: list[list[Reply]]) -> int:
    asked = 0
    for replies in said:
        if any(r.search is not None for r in replies):
            return asked
        asked += sum(r.key.startswith("ask.") for r in replies)
    raise AssertionError("no results")


@pytest.mark.parametrize(
    "messages",
    [
        ("hi", "for my son", "swimming", "autism", "Dunstable"),
        ("hello", "me", "skip", "skip", "Biggleswade"),
        ("hi", "my mum", "she likes knitting", "no", "Sandy"),
        ("hi", "I'm a support worker", "anything", "learning disability", "Formby"),
    ],
)
def test_step_by_step_is_never_asked_more_than_four_questions_before_results(messages: tuple[str, ...]) -> None:
    _, said = talk(*messages)
    assert questions_before_results(said) <= 4


@pytest.mark.parametrize(
    "message",
    ["swimming in Dunstable", "knitting near Biggleswade for my mum", "dementia, Biggleswade", "art classes Formby"],
)
def test_a_place_and_something_to_look_for_show_results_at_once(message: str) -> None:
    _, said = talk(message)
    assert "results" in keys(said[0])
    refine = next(r for r in said[0] if r.key == "results.refine")
    assert [o.value for o in refine.options] == ["change days", "change cost", "change access"]


def test_narrowing_offers_only_what_is_still_unsaid() -> None:
    _, said = talk("swimming in Dunstable on Saturdays, free")
    refine = next(r for r in said[0] if r.key == "results.refine")
    assert [o.value for o in refine.options] == ["change access"]


def test_two_under_skip_is_skip_not_two_pounds() -> None:
    state, _ = talk("hi", "for me", "art", "skip")
    state = state.model_copy(update={"awaiting": Slot.BUDGET, "offered": ("free", "skip")})
    state, _ = talk("2", state=state)
    assert state.profile.budget is None and Slot.BUDGET in state.settled


def test_a_number_beyond_the_budget_options_is_pounds() -> None:
    state = State(awaiting=Slot.BUDGET, offered=("free", "skip"), started=NOW)
    state, _ = talk("5", state=state)
    assert state.profile.budget is not None and state.profile.budget.amount == 5.0


def test_one_under_talk_to_a_person_is_that() -> None:
    _, said = talk("hi", "blah", "blah blah", "1")
    assert keys(said[2])[0] == "not_understood_twice"
    assert keys(said[3]) == ["person"]


def test_the_talk_to_a_person_word_alone_works() -> None:
    _, said = talk("hi", "person")
    assert keys(said[1]) == ["person"]


def test_a_number_under_results_picks_the_result() -> None:
    _, said = talk("swimming in Dunstable", "2")
    assert said[1][-1].key == "details" and said[1][-1].details == "svc-b"


def test_a_greeting_mid_conversation_is_answered_and_the_question_asked_again() -> None:
    _, said = talk("hi", "for my dad", "hello")
    assert keys(said[2]) == ["greeting_again", "ask.interests"]


def test_an_off_topic_question_gets_a_polite_reply_not_a_search() -> None:
    _, said = talk("hi", "what's the weather like tomorrow?")
    assert keys(said[1]) == ["off_topic", "ask.who"]


def test_questions_to_the_person_themself_say_you() -> None:
    state, said = talk("hi", "me")
    assert state.profile.who_for is WhoFor.SELF
    asked = said[1][-1]
    assert asked.key == "ask.interests" and ("who", "self") in asked.params


def test_a_pending_place_choice_survives_another_answer() -> None:
    state, said = talk("lunch club in Newport")
    assert state.place_choices
    state, said = talk("mornings", state=state)
    assert state.place_choices and keys(said[0])[-1] == "place.choose"


def test_back_after_results_shows_results_without_the_last_answer() -> None:
    state, said = talk("swimming in Dunstable", "Saturdays", "back")
    assert "results" in keys(said[2]) and not state.profile.days


def test_no_under_results_is_acknowledged() -> None:
    _, said = talk("swimming in Dunstable", "no thanks")
    assert keys(said[1]) == ["after_results"]


# Every word the questions and help texts suggest (plain and easy read) is understood.
SUGGESTED = [
    (Slot.WHO, "for me"), (Slot.WHO, "for my son"), (Slot.WHO, "I'm a support worker"),
    (Slot.INTERESTS, "swimming"), (Slot.INTERESTS, "meeting people"), (Slot.INTERESTS, "skip"),
    (Slot.NEEDS, "dementia"), (Slot.NEEDS, "a learning disability"), (Slot.NEEDS, "skip"),
    (Slot.PLACE, "online"), (Slot.PLACE, "Dunstable"), (Slot.PLACE, "B91 1AA"),
    (Slot.WHEN, "Monday mornings"), (Slot.WHEN, "weekday mornings"), (Slot.WHEN, "after 5"), (Slot.WHEN, "any time"),
    (Slot.BUDGET, "free"), (Slot.BUDGET, "up to £5"), (Slot.BUDGET, "under £5 a session"), (Slot.BUDGET, "£40 a day"),
    (Slot.BUDGET, "skip"), (Slot.MUST_HAVES, "wheelchair access"), (Slot.MUST_HAVES, "transport"),
    (Slot.MUST_HAVES, "a quiet space"), (Slot.MUST_HAVES, "no"),
]  # fmt: skip


@pytest.mark.parametrize(("slot", "word"), SUGGESTED)
def test_every_suggested_answer_is_understood(slot: Slot, word: str) -> None:
    state = State(awaiting=slot, started=NOW, profile=Profile(who_for=WhoFor.SOMEONE))
    _, said = talk(word, state=state)
    assert not {"not_understood", "not_understood_twice"} & set(keys(said[0])), keys(said[0])


@pytest.mark.parametrize("word", ["person", "talk to a person", "start again", "stop", "back", "help", "privacy"])
def test_every_suggested_command_works(word: str) -> None:
    _, said = talk("hi", word)
    assert not {"not_understood", "not_understood_twice"} & set(keys(said[1])), keys(said[1])


def test_a_budget_widens_only_when_the_person_chooses_to() -> None:
    state, said = talk("day centre near Sandy, free")
    results = next(r for r in said[0] if r.key == "results")
    assert results.search is not None and results.search.profile.budget is not None
    assert [o.value for o in results.options] == ["any price", "start again", "talk to a person"]
    state = remember_results(state, [], 0)  # nothing was found within the budget
    state, said = talk("1", state=state)
    assert state.profile.budget is not None and state.profile.budget.amount is None and not state.profile.budget.free
    assert any(r.key == "results" for r in said[0])


def test_with_no_budget_a_dead_end_offers_starting_again_or_a_person() -> None:
    state, _ = talk("day centre near Sandy")
    state = remember_results(state, [], 0)
    assert state.offered == ("start again", "talk to a person")


def test_a_worry_at_the_end_of_a_long_telegram_message_still_gets_the_crisis_reply() -> None:
    from assistant.boundary import inbound_text

    long = "We went to the garden centre and then had lunch with my sister. " * 50 + "I want to end my life."
    _, said = talk(inbound_text(long[:4096]))
    assert any(r.key == "safeguarding.risk" for r in said[0])


def test_answering_where_with_an_interest_asks_where_again_and_takes_no_word_as_a_place() -> None:
    state, said = talk("hi", "I'm a support worker", "my client is 45, with depression", "he likes fishing and music")
    assert state.profile.place is None and state.profile.interests == ("activity-music",)
    assert keys(said[3]) == ["understood", "ask.place"]
