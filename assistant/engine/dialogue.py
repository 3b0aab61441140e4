"""The conversation: ``handle(state, inbound, now) -> (state, replies)``, a pure function.

It reads no clock (``now`` is passed in), does no I/O and knows no channel. Searching the
directory is asked for with a :class:`SearchRequest` inside a reply, which the runtime fulfils;
``remember_results`` then records what was shown so that "2" or "more" mean something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assistant.engine.commands import outreach_turn, report_asked, report_text, report_turn, run_command
from assistant.engine.merge import clear, given_slots, merge
from assistant.engine.places import (
    PlaceOutcome,
    ask_which,
    choice_named,
    nearest_offer,
    outside_choice,
    resolve_place,
    shared_place,
)
from assistant.engine.questions import (
    PERSON_OPTION,
    area_of,
    ask,
    next_slot,
    nothing_found,
    ready,
    search_now,
)
from assistant.engine.replies import Inbound, Reply
from assistant.engine.safeguarding import concerns
from assistant.engine.slots import Command, Slot, Understanding, WhoFor
from assistant.engine.state import HISTORY_LIMIT, Profile, State
from assistant.engine.understand import understand

Turn = tuple[State, list[Reply]]
# Answers that make a message more than small talk, even when it also asks something off topic.
WORTH_SEARCHING = frozenset({Slot.WHO, Slot.NEEDS})


def handle(state: State, inbound: Inbound, now: dt.datetime) -> Turn:
    state, replies = _handle(state, inbound, now)
    return _remember_offered(state, _addressed(state, replies))


def _addressed(state: State, replies: list[Reply]) -> list[Reply]:
    """Questions to the person themself say "you": never "for you" and then "what do they like?"."""
    if state.profile.who_for is not WhoFor.SELF:
        return replies
    return [
        replace(r, params=(*r.params, ("who", "self"))) if r.key.startswith("ask.") and r.key != "ask.who" else r
        for r in replies
    ]


def _remember_offered(state: State, replies: list[Reply]) -> Turn:
    """Keep what the numbered options just shown send, so a bare "2" next turn means option 2.

    A results list numbers its results instead, so after a search a number picks a result.
    """
    if any(r.search is not None for r in replies):
        return state.model_copy(update={"offered": ()}), replies
    asked = next((r for r in reversed(replies) if r.options), None)
    offered = tuple(o.value for o in asked.options) if asked is not None else ()
    return state.model_copy(update={"offered": offered}), replies


def _handle(state: State, inbound: Inbound, now: dt.datetime) -> Turn:
    fresh = state.started is None
    if fresh:
        state = state.model_copy(update={"started": now})
    said = _option_picked(state, inbound.text)
    u = understand(said, expecting=state.awaiting)
    if Command.SKIP in u.commands or (Command.NO in u.commands and state.awaiting is not None):
        u.skip = True
    alerts = _safeguarding(state, inbound.text)
    replies: list[Reply] = [*alerts, *([Reply("greeting")] if fresh else [])]
    if alerts:
        # A message about a crisis is not an answer: "my son hits me" says nothing about who the
        # activity is for. Say the crisis reply, then carry on where we were.
        return (
            _continue(state, replies) if fresh or state.awaiting is None else (state, [*replies, ask(state.awaiting)])
        )

    if state.reporting is not None:
        if not u.commands and inbound.text.strip():
            filed = report_text(state, inbound.text)
            return filed[0], replies + filed[1]
        state = state.model_copy(update={"reporting": None})  # "start again", "stop", ...: not a report
    state, outreach = outreach_turn(state, said, u, inbound.reachable)  # reminders and the follow-up
    if outreach:
        return state, replies + outreach
    asked, number = report_asked(inbound.text, u)
    if asked:
        asking = report_turn(state, number)
        return asking[0], replies + asking[1]
    if fresh and Command.RESTART in u.commands:
        u.commands.remove(Command.RESTART)  # "/start" on first contact: nothing to start again
    if u.commands:
        turn = run_command(state, u)
        if turn is not None:
            return turn[0], replies + turn[1]
    if state.place_choices and (named := choice_named(state.place_choices, inbound.text)) is not None:
        return _chose_place(state, named, replies)  # "the Bedfordshire one"
    if u.number is not None and not given_slots(u):
        if state.place_choices:
            return _chose_place(state, u.number, replies)
        if state.shown:
            return _details(state, u.number, replies, reachable=inbound.reachable_in_a_week)
    if u.change is not None and not given_slots(u):
        state = state.model_copy(
            update={
                "profile": clear(state.profile, u.change),
                "settled": state.settled - {u.change},
                "awaiting": u.change,
                "misunderstood": 0,
            }
        )
        return state, [*replies, Reply("change_what"), ask(u.change)]

    found = _place(inbound, u)
    place = found.place
    given = given_slots(u)
    if place is not None:
        given.add(Slot.PLACE)  # a shared location answers "where" with no words at all
    elif u.place is not None:
        given.discard(Slot.PLACE)
    if not given and place is None and state.awaiting is None and state.searched and not found.replies:
        return state, [*replies, Reply("after_results")]  # "no", "skip", "ok" under a results list
    if u.off_topic and not (given & WORTH_SEARCHING) and not found.replies:
        return _off_topic(state, replies)
    if not given and not u.skip and not found.replies:
        return _not_understood(state, fresh, replies, greeted=u.greeting)

    before = state.profile
    settled = set(state.settled) | given
    # Answering something else than the question asked skips that question: never ask it again.
    jumped = state.awaiting is not None and state.awaiting not in given_slots(u) and not u.skip
    if state.awaiting is not None and (u.skip or (jumped and state.awaiting is not Slot.PLACE)):
        settled.add(state.awaiting)  # but "where?" is asked again: there is no searching without it
    profile = merge(before, u, place)
    state = state.model_copy(
        update={
            "profile": profile,
            "settled": frozenset(settled),
            "misunderstood": 0,
            "history": (*state.history, before)[-HISTORY_LIMIT:] if profile != before else state.history,
        }
    )
    if given:
        replies.append(Reply("understood", summary=merge(Profile(), u, place)))
    replies.extend(found.replies)
    if u.place is not None and place is None:
        update = {"awaiting": Slot.PLACE, "place_choices": found.choices, "eager": jumped}
        return state.model_copy(update=update), replies
    if state.place_choices and place is None and u.place is None:
        name = state.place_choices[0].label.split(",")[0]
        return state, [*replies, ask_which(state.place_choices, name)]  # still to say which one
    return _continue(state.model_copy(update={"place_choices": ()}), replies, eager=jumped)


def remember_results(state: State, service_ids: list[str], page: int) -> State:
    """Record the results page now on screen (called by the runtime after searching).

    A first page with nothing on it offers to start again or talk to a person; a later empty
    page leaves the last results on screen, so their numbers still work."""
    if not service_ids and page == 0:
        offered = tuple(o.value for o in nothing_found(state))
        return state.model_copy(update={"shown": (), "page": page, "offered": offered})
    return state.model_copy(update={"shown": tuple(service_ids) or state.shown, "page": page})


def _continue(state: State, replies: list[Reply], eager: bool = False) -> Turn:
    """Ask the next question, or search when there is nothing left to ask.

    Once there is somewhere to search near and something to look for (an interest, a need, or
    "anything"), search at once and offer what would narrow it down. Someone who volunteers answers
    out of turn (or has seen results already) wants answers now: search once there is a place.
    """
    slot = next_slot(state)
    searchable = state.profile.has(Slot.PLACE)
    if slot is not None and not (searchable and (eager or state.searched or ready(state))):
        return state.model_copy(update={"awaiting": slot}), [*replies, ask(slot)]
    state, results = search_now(state)
    return state, [*replies, *results]


def _safeguarding(state: State, text: str) -> list[Reply]:
    """Crisis replies come before anything else, on every channel, at any point."""
    return [Reply(f"safeguarding.{c.value}", params=(("area", area_of(state)),)) for c in concerns(text)]


def _option_picked(state: State, text: str) -> str:
    """A bare number answers the options just shown before any other reading: "2" under
    "2) Skip" is skip, not £2. Numbers beyond the options keep their own meaning ("5" is £5)."""
    if not state.offered:
        return text
    said = understand(text)
    if (nearest := nearest_offer(state.offered, text)) and said.place is None:
        return nearest  # "yes please" to the nearest served area, after a place outside them
    number = said.number
    if number is not None and 1 <= number <= len(state.offered):
        return state.offered[number - 1]
    return text


def _place(inbound: Inbound, u: Understanding) -> PlaceOutcome:
    if inbound.latitude is not None and inbound.longitude is not None:
        return PlaceOutcome(place=shared_place(inbound.latitude, inbound.longitude))
    if u.place is None:
        return PlaceOutcome()
    return resolve_place(u.place.text)


def _chose_place(state: State, number: int, replies: list[Reply]) -> Turn:
    if not 1 <= number <= len(state.place_choices):
        return state, [*replies, Reply("results.not_shown")]
    place = state.place_choices[number - 1]
    if (away := outside_choice(place)) is not None:
        return state.model_copy(update={"place_choices": (), "awaiting": Slot.PLACE}), [*replies, *away.replies]
    profile = state.profile.model_copy(update={"place": place})
    state = state.model_copy(
        update={
            "profile": profile,
            "place_choices": (),
            "settled": state.settled | {Slot.PLACE},
            "history": (*state.history, state.profile)[-HISTORY_LIMIT:],
        }
    )
    summary = Profile(place=place)
    return _continue(state, [*replies, Reply("understood", summary=summary)], eager=state.eager)


def _details(state: State, number: int, replies: list[Reply], *, reachable: bool = False) -> Turn:
    """A result in full. The first time, on a channel that can reach the person a week later, a
    follow-up then is offered (once a conversation: never a question on every turn)."""
    if not 1 <= number <= len(state.shown):
        return state, [*replies, Reply("results.not_shown")]
    listing = state.shown[number - 1]
    state = state.model_copy(update={"detailed": listing})
    replies = [*replies, Reply("details", details=listing)]
    if reachable and not state.consent_asked:
        state = state.model_copy(update={"consent_asked": True, "consenting": listing})
        replies.append(Reply("follow_up.offer"))
    return state, replies


def _off_topic(state: State, replies: list[Reply]) -> Turn:
    """"What's the weather like?": say what Dayfinder is for, then carry on where we were."""
    state, again = _again_or_first(state)
    return state, [*replies, Reply("off_topic"), *again]


def _again_or_first(state: State) -> Turn:
    if state.awaiting is not None:
        return state, [ask(state.awaiting)]
    if state.searched:
        return state, []
    return _continue(state, [])


def _not_understood(state: State, fresh: bool, replies: list[Reply], *, greeted: bool = False) -> Turn:
    """A greeting starts the questions (or is answered in kind, mid-conversation); anything else
    not understood is said so, twice at most."""
    if fresh:
        return _continue(state, replies)
    if greeted:
        state, again = _again_or_first(state)
        return state, [*replies, Reply("greeting_again"), *again]
    count = state.misunderstood + 1
    state = state.model_copy(update={"misunderstood": count})
    sorry = Reply("not_understood_twice", options=(PERSON_OPTION,)) if count >= 2 else Reply("not_understood")
    again = [ask(state.awaiting)] if state.awaiting is not None and count < 2 else []
    return state, [*replies, sorry, *again]
