"""Anonymous search events for the commissioners' gaps report: what was asked, and what was found.

One row per new search (a "more" page is not a new search). A row holds the profile's slots as
vocabulary codes, the area at postcode-district or council level (never a full postcode or a
position), a budget band rather than an amount, the day only (no time), how many results there
were and which relaxation steps were needed. It never holds message text, a user key, an age or
anything else that could point back to one person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Field, Session, SQLModel

from assistant.engine.state import Profile
from assistant.matching.listing import DAY_ORDER
from assistant.matching.prices import session_equivalent
from assistant.matching.relax import step_of
from assistant.matching.results import ResultsPage

# Upper bounds (pounds a visit) and the band's name; the last band is open-ended.
BUDGET_BANDS = ((5.0, "under-5"), (10.0, "5-10"), (20.0, "10-20"), (50.0, "20-50"))
TOP_BAND = "50-plus"


class SearchEvent(SQLModel, table=True):
    __tablename__ = "search_event"

    id: int | None = Field(default=None, primary_key=True)
    created_on: dt.date = Field(index=True)
    channel: str = Field(max_length=16)
    interests: str = ""  # comma-separated activity ids
    needs: str = ""
    area: str = Field(default="", index=True, max_length=64)  # outcode, else local authority
    days: str = Field(default="", max_length=32)  # MO,TU
    parts_of_day: str = Field(default="", max_length=32)  # morning,evening
    budget_band: str = Field(default="", max_length=16)  # free, under-5, ... ("" when not said)
    must_haves: str = ""
    result_count: int = 0
    relaxed: str = Field(default="", max_length=64)  # ladder steps used: radius,times,...


def budget_band(profile: Profile) -> str:
    """The budget as a band of what one visit may cost: free, under-5, 5-10, 10-20, 20-50, 50-plus."""
    amount = session_equivalent(profile.budget)
    if amount is None:
        return ""
    if amount == 0:
        return "free"
    return next((name for bound, name in BUDGET_BANDS if amount < bound), TOP_BAND)


def area_of(profile: Profile) -> str:
    place = profile.place
    if place is None:
        return "online" if profile.online_ok else ""
    return place.outcode or place.local_authority or ""


def _codes(values: Iterable[str], order: tuple[str, ...] | None = None) -> str:
    unique = set(values)
    return ",".join([v for v in order if v in unique] if order else sorted(unique))


def event_for(profile: Profile, page: ResultsPage, channel: str, today: dt.date) -> SearchEvent:
    """The anonymous event for a search's first page (pure: nothing is written)."""
    steps = dict.fromkeys(step_of(w.key) for w in page.widened)
    return SearchEvent(
        created_on=today,
        channel=channel[:16],
        interests=_codes(profile.interests),
        needs=_codes(profile.needs),
        area=area_of(profile)[:64],
        days=_codes(set(profile.days) - set(profile.avoid_days), DAY_ORDER),
        parts_of_day=_codes(str(p) for p in profile.parts_of_day),
        budget_band=budget_band(profile),
        must_haves=_codes(profile.must_haves),
        result_count=page.total,
        relaxed=",".join(steps),
    )


def record_search(
    session: Session, *, profile: Profile, page: ResultsPage, channel: str, today: dt.date
) -> SearchEvent | None:
    """Add the event for a new search to ``session`` (the caller commits); "more" pages add none."""
    if page.page != 0:
        return None
    event = event_for(profile, page, channel, today)
    session.add(event)
    return event
