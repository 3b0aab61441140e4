"""Search from one message, as ``dayfinder search`` does: the one path the CLI, the relevance
bench and the gold-set test all take, so what is measured is what a person gets.

Text goes through the engine's understanding and place resolution
(:func:`~assistant.engine.oneshot.profile_from_text`), then the matcher. A place the gazetteer
corrected ("Biggleswde" → Biggleswade) is searched, with the correction said first (so is a whole
council area, with its note); an ambiguous place returns its choices; a place outside the areas
served is said plainly, with the nearest served area as a choice, and not searched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from assistant.engine.oneshot import profile_from_text
from assistant.engine.replies import Reply
from assistant.engine.state import Profile
from assistant.matching.results import Finder, ResultsPage


class Outcome(StrEnum):
    """What one message led to; the values are the ``status`` of ``dayfinder search --json``."""

    RESULTS = "results"  # searched (the page may still be empty)
    AMBIGUOUS_PLACE = "ambiguous_place"
    PLACE_NOT_FOUND = "place_not_found"
    NO_PLACE = "no_place"
    OUTSIDE_AREA = "outside_area"


_OUTCOME_OF_REPLY = {
    "place.choose": Outcome.AMBIGUOUS_PLACE,
    "place.not_found": Outcome.PLACE_NOT_FOUND,
    "place.needed": Outcome.NO_PLACE,
    "places.outside": Outcome.OUTSIDE_AREA,
}


@dataclass(frozen=True, slots=True)
class TextSearch:
    """The outcome of one message: what was understood, what to say, and the results if searched.

    ``said`` holds the replies to show before the results (a corrected place, a whole area) or
    instead of them (which place? not found, not served); ``choices`` the labels of the options
    those offer (the places a name could mean, or the nearest area served).
    """

    outcome: Outcome
    profile: Profile
    said: list[Reply] = field(default_factory=list)
    page: ResultsPage | None = None
    choices: tuple[str, ...] = ()


def search_text(text: str, finder: Finder, page_size: int = 5) -> TextSearch:
    """Understand ``text`` and, when it says where to search (or online), search there."""
    profile, replies = profile_from_text(text)
    stops = [_OUTCOME_OF_REPLY[r.key] for r in replies if r.key in _OUTCOME_OF_REPLY]
    if stops or (profile.place is None and not profile.online_ok):
        choices = tuple(dict(o.params).get("label", o.value) for r in replies for o in r.options)
        return TextSearch(stops[0] if stops else Outcome.NO_PLACE, profile, replies, choices=choices)
    return TextSearch(Outcome.RESULTS, profile, replies, finder.search(profile, 0, page_size))
