"""Reminders and the follow-up through the pure engine: what is asked, what is asked for, and
that nothing is offered where the person cannot be reached later."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.dialogue import handle
from assistant.engine.replies import Action, Inbound, Reply
from assistant.engine.state import State

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
SHOWING = State(started=NOW, searched=True, shown=("svc-a", "svc-b", "svc-c"))


def talk(
    *messages: str, state: State = SHOWING, reachable: bool = True, in_a_week: bool = True
) -> tuple[State, list[list[Reply]]]:
    said = []
    for message in messages:
        inbound = Inbound(message, reachable=reachable, reachable_in_a_week=reachable and in_a_week)
        state, replies = handle(state, inbound, NOW)
        said.append(replies)
    return state, said


def keys(replies: list[Reply]) -> list[str]:
    return [r.key for r in replies]


def actions(said: list[list[Reply]]) -> list[tuple[Action, tuple[str, str] | None]]:
    return [(r.action, r.outreach) for replies in said for r in replies if r.action is not None]


def test_remind_me_asks_when_then_asks_the_runtime_for_a_reminder() -> None:
    state, said = talk("2", "no", "remind me", "1")
    assert keys(said[2]) == ["remind.when"]
    assert [o.value for o in said[2][0].options] == ["the day before", "the morning of"]
    assert keys(said[3]) == ["remind.set"]
    assert actions(said) == [(Action.REMIND, ("svc-b", "day_before"))]
    assert state.reminding is None and state.offered == ()


@pytest.mark.parametrize(
    ("message", "when"),
    [("remind me the day before", "day_before"), ("can you remind me on the morning please", "morning_of")],
)
def test_a_time_named_up_front_skips_the_question(message: str, when: str) -> None:
    _, said = talk("1", "no", message)
    assert keys(said[2]) == ["remind.set"] and actions(said) == [(Action.REMIND, ("svc-a", when))]


@pytest.mark.parametrize("message", ["remind me", "can you remind me", "send me a reminder", "Remind me please!"])
def test_natural_ways_of_asking(message: str) -> None:
    _, said = talk("3", "no", message, "the morning of")
    assert keys(said[2]) == ["remind.when"]
    assert actions(said) == [(Action.REMIND, ("svc-c", "morning_of"))]


def test_an_answer_that_is_not_a_time_is_read_as_usual() -> None:
    state, said = talk("1", "no", "remind me", "help")
    assert keys(said[3])[0] == "help" and actions(said) == [] and state.reminding is None


def test_before_any_details_it_asks_which_activity() -> None:
    _, said = talk("remind me")
    assert keys(said[0]) == ["remind.pick_first"] and actions(said) == []


def test_where_nobody_can_be_reached_later_it_says_where_reminders_work() -> None:
    state, said = talk("1", "remind me the day before", reachable=False)
    assert keys(said[0]) == ["details"]  # no follow-up offered either
    assert keys(said[1]) == ["remind.no_channel"] and actions(said) == []
    assert not state.consent_asked


def test_the_follow_up_is_offered_once_after_the_first_details() -> None:
    state, said = talk("1", "2", "3")
    assert keys(said[0]) == ["details", "follow_up.offer"]
    assert keys(said[1]) == ["details"] and keys(said[2]) == ["details"]  # a number still picks a result
    assert state.consent_asked and state.consenting is None and actions(said) == []


def test_no_follow_up_is_offered_where_a_week_later_cannot_be_reached() -> None:
    state, said = talk("1", "remind me the morning of", in_a_week=False)  # WhatsApp's 24-hour window
    assert keys(said[0]) == ["details"] and not state.consent_asked
    assert actions(said) == [(Action.REMIND, ("svc-a", "morning_of"))]


def test_yes_to_the_offer_asks_for_a_follow_up_about_that_listing() -> None:
    state, said = talk("2", "yes please")
    assert keys(said[1]) == ["follow_up.agreed"] and actions(said) == [(Action.FOLLOW_UP, ("svc-b", ""))]
    _, again = talk("1", state=state)
    assert keys(again[0]) == ["details"]


def test_no_to_the_offer_stores_nothing() -> None:
    _, said = talk("2", "no thanks")
    assert keys(said[1]) == ["follow_up.declined"] and actions(said) == []


@pytest.mark.parametrize(("answer", "kept"), [("YES", "yes"), ("yes I did", "yes"), ("No", "no"), ("not yet", "no")])
def test_the_answer_to_did_you_try_it_is_passed_on(answer: str, kept: str) -> None:
    asked = SHOWING.model_copy(update={"follow_up": "svc-b"})
    state, said = talk(answer, state=asked)
    assert actions(said) == [(Action.FOLLOW_UP_ANSWER, ("svc-b", kept))] and state.follow_up is None


@pytest.mark.parametrize("answer", ["HELP", "what else is on near Dunstable?"])
def test_help_or_anything_else_after_the_follow_up_carries_on_the_conversation(answer: str) -> None:
    asked = SHOWING.model_copy(update={"follow_up": "svc-b"})
    state, said = talk(answer, state=asked)
    assert actions(said) == [] and state.follow_up is None
    assert not any(k.startswith("follow_up.") for k in keys(said[0]))


@pytest.mark.parametrize("message", ["cancel my reminder", "stop the reminders", "I don't want the follow-up"])
def test_cancel_my_reminder(message: str) -> None:
    _, said = talk(message)
    assert keys(said[0]) == ["remind.cancelled"] and actions(said) == [(Action.CANCEL_OUTREACH, None)]


def test_stop_cancels_them_too() -> None:
    _, said = talk("stop")
    assert keys(said[0]) == ["stop"] and actions(said) == [(Action.CANCEL_OUTREACH, None)]
