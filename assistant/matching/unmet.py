"""Which of the person's wishes each shown result does not meet.

The relaxation ladder says what a whole search widened (:func:`~assistant.matching.relax.widenings`);
a person comparing results also needs it per result: this one is 7 miles away, that one is on
Thursdays, not Wednesdays. Each result is compared with exactly what was asked, the same way
the ladder's notes are, so the two never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine
from sqlmodel import Session

from assistant.engine.state import Profile
from assistant.matching.criteria import criteria_for
from assistant.matching.listing import Listing
from assistant.matching.loader import Loader
from assistant.matching.matcher import find
from assistant.matching.relax import step_of, widenings

# A ladder step, as the wish a result misses: "related" is a similar activity, "other" a
# different one, "online" a result joined from home instead of in person.
WISH_OF_STEP = {
    "radius": "distance",
    "days": "days",
    "hours": "times",
    "budget": "budget",
    "related": "activity",
    "other": "activity",
    "online": "in_person",
    "any_time": "times",
}


def unmet_wishes(
    engine: Engine, profile: Profile, ids: Sequence[str], today: dt.date, *, page_size: int
) -> dict[str, list[str]]:
    """For each service id in ``ids`` (the first page, of ``page_size``, of the search for
    ``profile``), the wishes it misses (``distance``, ``days``, ``times``, ``budget``,
    ``activity``, ``in_person``), in ladder order. The search is repeated as the matcher ran it,
    so it finds the same listings."""
    with Session(engine) as session:
        found = find(Loader(session), profile, today, wanted=page_size)
    by_id = {listing.id: listing for listing in found.ranked}
    return {sid: _wishes(missed_steps(profile, by_id[sid])) for sid in ids if sid in by_id}


def missed_steps(profile: Profile, listing: Listing) -> list[str]:
    """The ladder steps (:data:`~assistant.matching.relax.STEPS`) ``listing`` needed beyond what
    ``profile`` asked, in ladder order."""
    return [step_of(w.key) for w in widenings(profile, criteria_for(profile), [listing], 1)]


def _wishes(steps: list[str]) -> list[str]:
    return list(dict.fromkeys(WISH_OF_STEP.get(step, step) for step in steps))
