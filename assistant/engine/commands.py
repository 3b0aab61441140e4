"""The plain-word commands that work at any point: start again, back, help, more, and so on.

Declared as a table of command -> handler, so adding one is one line and one function.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.engine.intent import cancel_asked, remind_asked, remind_when, yes_or_no
from assistant.engine.questions import area_of, ask, next_slot, ready, search_now
from assistant.engine.replies import Action, Option, RemindWhen, Reply, SearchRequest
from assistant.engine.slots import Command, Slot, Understanding
from assistant.engine.state import State
from assistant.engine.text import trailing_number
from assistant.engine.understand import understand

Turn = tuple[State, list[Reply]]


def _again(state: State) -> tuple[State, list[Reply]]:
    """Repeat the question in hand; before any question (a first message of "help"), ask the first."""
    slot = state.awaiting
    if slot is None and not state.searched:
        slot = next_slot(state)
        state = state.model_copy(update={"awaiting": slot})
    return state, [ask(slot)] if slot is not None else []


def _restart(state: State) -> Turn:
    fresh = State(mode=state.mode, started=state.started, awaiting=Slot.WHO)
    return fresh, [Reply("restart_done"), ask(Slot.WHO)]


def _back(state: State) -> Turn:
    if not state.history:
        state, again = _again(state)
        return state, [Reply("back_nothing"), *again]
    previous, searched = state.history[-1], state.searched
    settled = frozenset(s for s in state.settled if previous.has(s) or not state.profile.has(s))
    state = state.model_copy(
        update={
            "profile": previous,
            "history": state.history[:-1],
            "settled": settled,
            "shown": (),
            "searched": False,
        }
    )
    if searched and ready(state):  # results were on screen: show them again, without the last answer
        state, results = search_now(state)
        return state, [Reply("back_done"), *results]
    slot = next_slot(state)
    state = state.model_copy(update={"awaiting": slot})
    return state, [Reply("back_done"), *([ask(slot)] if slot else [])]


def _help(state: State) -> Turn:
    state, again = _again(state)
    return state, [Reply("help"), *again]


def _privacy(state: State) -> Turn:
    state, again = _again(state)
    return state, [Reply("privacy"), *again]


def _more(state: State) -> Turn | None:
    if not state.searched:
        return None
    page = state.page + 1
    return state.model_copy(update={"page": page}), [Reply("results", search=SearchRequest(state.profile, page))]


def _mode(mode: str) -> Callable[[State], Turn]:
    def switch(state: State) -> Turn:
        state, again = _again(state.model_copy(update={"mode": mode}))
        return state, [Reply(f"mode_{mode}"), *again]

    return switch


def _person(state: State) -> Turn:
    return state, [Reply("person", params=(("area", area_of(state)),))]


def _stop(state: State) -> Turn:
    """Goodbye; any reminder or follow-up is cancelled too: "stop" means no more messages."""
    return State(mode=state.mode), [Reply("stop", action=Action.CANCEL_OUTREACH)]


def _delete(state: State) -> Turn:
    return State(), [Reply("delete_done", action=Action.DELETE_DATA)]


HANDLERS: dict[Command, Callable[[State], Turn | None]] = {
    Command.RESTART: _restart,
    Command.BACK: _back,
    Command.HELP: _help,
    Command.PRIVACY: _privacy,
    Command.MORE: _more,
    Command.EASY: _mode("easy"),
    Command.PLAIN: _mode("plain"),
    Command.PERSON: _person,
    Command.STOP: _stop,
    Command.DELETE: _delete,
}


def report_asked(said: str, u: Understanding) -> tuple[bool, int | None]:
    """Whether the message asks to report a problem, and with which result ("report 2", "report").

    A number makes "report 2" more than half other words, so the words before it are read alone.
    """
    found = trailing_number(said.strip())
    if found and found[0] and Command.REPORT in understand(found[0]).commands:
        return True, found[1]
    return Command.REPORT in u.commands, None


def report_turn(state: State, number: int | None) -> Turn:
    """Ask what is wrong with result ``number``; the next message is the report (see ``report_text``)."""
    if not state.shown:
        return state, [Reply("report.nothing_shown")]
    if number is None:
        return state, [Reply("report.which")]
    if not 1 <= number <= len(state.shown):
        return state, [Reply("results.not_shown")]
    state = state.model_copy(update={"reporting": state.shown[number - 1]})
    return state, [Reply("report.ask", params=(("number", str(number)),))]


def report_text(state: State, said: str) -> Turn:
    """The message after "report N" is the report: the runtime files it (the engine writes nothing)."""
    problem = (state.reporting or "", said.strip())
    return state.model_copy(update={"reporting": None}), [
        Reply("report.thanks", action=Action.REPORT_PROBLEM, problem=problem)
    ]


def run_command(state: State, u: Understanding) -> Turn | None:
    """The first command in the message that applies; None lets the message be read as an answer."""
    for command in u.commands:
        handler = HANDLERS.get(command)
        if handler is not None and (turn := handler(state)) is not None:
            return turn
    return None


REMIND_OPTIONS = (
    Option("remind_day_before", "the day before"),
    Option("remind_morning_of", "the morning of"),
)


def outreach_turn(state: State, said: str, u: Understanding, reachable: bool) -> Turn:
    """Reminders and the follow-up: answering their questions, asking for one, cancelling them.

    Replies when the message was about them; otherwise none, and the state no longer waits for an
    answer it did not get (HELP, or anything else, after "did you try it?" carries on as usual).
    ``reachable``: the channel can reach the person later, so reminders can be offered at all.
    """
    if state.follow_up is not None:  # the job asked "Did you try Knit and Natter? Reply YES, NO or HELP."
        listing, state = state.follow_up, state.model_copy(update={"follow_up": None})
        if (tried := _yes_no(said, u)) is not None:
            key, answer = ("follow_up.tried", "yes") if tried else ("follow_up.not_tried", "no")
            return state, [Reply(key, action=Action.FOLLOW_UP_ANSWER, outreach=(listing, answer))]
    if state.consenting is not None:  # offered a follow-up under a listing's details
        listing, state = state.consenting, state.model_copy(update={"consenting": None})
        if (agreed := _yes_no(said, u)) is not None:
            if agreed:
                return state, [Reply("follow_up.agreed", action=Action.FOLLOW_UP, outreach=(listing, ""))]
            return state, [Reply("follow_up.declined")]
    if cancel_asked(said):
        return state.model_copy(update={"reminding": None}), [Reply("remind.cancelled", action=Action.CANCEL_OUTREACH)]
    when = remind_when(said)
    if state.reminding is not None:  # asked "the day before or the morning of?"
        listing, state = state.reminding, state.model_copy(update={"reminding": None})
        if when is not None:
            return state, [_remind(listing, when)]
    if not remind_asked(said):
        return state, []
    if not reachable:
        return state, [Reply("remind.no_channel")]
    if state.detailed is None:
        return state, [Reply("remind.pick_first")]
    if when is not None:  # "remind me the day before": no need to ask
        return state, [_remind(state.detailed, when)]
    return state.model_copy(update={"reminding": state.detailed}), [Reply("remind.when", options=REMIND_OPTIONS)]


def _remind(listing: str, when: RemindWhen) -> Reply:
    """The runtime stores it and words the confirmation with the date (or says no times are known)."""
    return Reply("remind.set", action=Action.REMIND, outreach=(listing, when.value))


def _yes_no(said: str, u: Understanding) -> bool | None:
    if Command.YES in u.commands:
        return True
    if Command.NO in u.commands:
        return False
    return yes_or_no(said)
