"""Which question comes next, and the short answers offered with it."""

from __future__ import annotations

from assistant.engine.replies import Option, Reply, SearchRequest
from assistant.engine.slots import Command, Slot
from assistant.engine.state import State

ORDER = tuple(Slot)

OPTIONS: dict[Slot, tuple[Option, ...]] = {
    Slot.WHO: (
        Option("who_self", "for me"),
        Option("who_someone", "for someone I care for"),
        Option("who_professional", "I'm a professional"),
    ),
    Slot.INTERESTS: (Option("skip", Command.SKIP.value),),
    Slot.NEEDS: (Option("skip", Command.SKIP.value),),
    Slot.PLACE: (Option("online", "online is fine"),),
    Slot.WHEN: (Option("any_time", "any time"),),
    Slot.BUDGET: (Option("free", "free"), Option("skip", Command.SKIP.value)),
    Slot.MUST_HAVES: (Option("none", "no"),),
}


PERSON_OPTION = Option("person", "talk to a person")
NOTHING_FOUND = (Option("start_again", "start again"), PERSON_OPTION)  # under "I couldn't find anything"
WIDER_BUDGET = Option("any_price", "any price")  # a budget is widened only when the person says so
# What would narrow a results list, offered after it while unanswered: (slot, option).
NARROWING = (
    (Slot.WHEN, Option("refine_when", "change days")),
    (Slot.BUDGET, Option("refine_budget", "change cost")),
    (Slot.MUST_HAVES, Option("refine_must_haves", "change access")),
)


def next_slot(state: State) -> Slot | None:
    """The first question neither answered nor skipped; the place is needed before searching."""
    for slot in ORDER:
        if slot not in state.settled and not state.profile.has(slot):
            return slot
    if not state.profile.has(Slot.PLACE):
        return Slot.PLACE
    return None


ENOUGH_SAID = 2  # answers besides the place that say enough to search on: "Weymouth, weekends, wheelchair"


def ready(state: State) -> bool:
    """Enough to search: somewhere to look and something to look for (or "anything"), or
    somewhere to look and enough else said that asking more first would only delay results."""
    profile = state.profile
    wanted = profile.has(Slot.INTERESTS) or profile.has(Slot.NEEDS) or Slot.INTERESTS in state.settled
    said = sum(profile.has(s) for s in (Slot.WHEN, Slot.BUDGET, Slot.MUST_HAVES)) + (profile.age is not None)
    return profile.has(Slot.PLACE) and (wanted or said >= ENOUGH_SAID)


def refine(state: State) -> list[Reply]:
    """After results, the questions still open that would narrow them, as short options."""
    options = tuple(o for slot, o in NARROWING if slot not in state.settled and not state.profile.has(slot))
    return [Reply("results.refine", options=options)] if options else []


def ask(slot: Slot) -> Reply:
    return Reply(key=f"ask.{slot.value}", options=OPTIONS[slot])


def area_of(state: State) -> str:
    """The local authority of the place searched near, to pick the right contacts."""
    place = state.profile.place
    return (place.local_authority or "") if place else ""


def search_now(state: State) -> tuple[State, list[Reply]]:
    """Search the first page for the profile as it stands, then offer what would narrow it."""
    search = SearchRequest(profile=state.profile, page=0)
    state = state.model_copy(update={"awaiting": None, "searched": True, "page": 0, "shown": ()})
    return state, [results_reply(state, search), *refine(state)]


def nothing_found(state: State) -> tuple[Option, ...]:
    """What to offer if a search finds nothing: paying more (only if they choose), starting again,
    or a person. Its numbers answer these, so the state remembers them (see ``remember_results``)."""
    budget = state.profile.budget
    limited = budget is not None and (budget.free or budget.amount is not None)
    return (WIDER_BUDGET, *NOTHING_FOUND) if limited else NOTHING_FOUND


def results_reply(state: State, search: SearchRequest) -> Reply:
    """A results reply; it names the area so a dead end offers the right person to talk to, and
    carries the options for a dead end."""
    return Reply("results", search=search, params=(("area", area_of(state)),), options=nothing_found(state))
