"""Related activity categories: what to offer someone when nothing matches what they named.

Written by hand over ``directory_data/taxonomy.json``: two activities are related when a person
who enjoys one would plausibly try the other, for the same reasons (making things, being
outdoors, performing, company, keeping active, learning skills). Each group is a set of
activity ids; an activity's relations are every other member of every group it is in.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(f"activity-{name}" for name in group)
    for group in (
        ("knit-natter", "arts-crafts"),  # making things
        ("knit-natter", "social-club"),  # a chat over something to do
        ("gardening", "farm-animals", "walking"),  # outdoors
        ("music", "drama", "dance-movement"),  # performing
        ("social-club", "games-quizzes", "memory-cafe"),  # company
        ("memory-cafe", "reminiscence", "music"),  # memory: singing and old times
        ("day-centre", "social-club"),  # a day out with company and lunch
        ("sport-swimming", "walking", "cycling", "dance-movement"),  # keeping active
        ("wellbeing-yoga", "dance-movement", "walking"),  # moving gently for wellbeing
        ("cookery", "independent-living"),  # everyday skills
        ("travel-training", "independent-living"),
        ("employment-volunteering", "learning-courses"),  # towards work
        ("computers-digital", "learning-courses"),
        ("carers-support", "wellbeing-yoga"),  # a break for carers
    )
)


@cache
def related(activity: str) -> frozenset[str]:
    """Activities related to ``activity`` (never itself)."""
    found: set[str] = set()
    for group in GROUPS:
        if activity in group:
            found |= group
    found.discard(activity)
    return frozenset(found)


def related_to(activities: Iterable[str]) -> frozenset[str]:
    """Everything related to any of ``activities``, less the activities themselves."""
    wanted = frozenset(activities)
    found: set[str] = set()
    for activity in wanted:
        found |= related(activity)
    return frozenset(found - wanted)
