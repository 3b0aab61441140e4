"""The score that orders listings which pass every hard filter: a weighted sum, no black box.

Each component is a number from 0 to 1 that a person could check by reading the listing; the
weights below are the only place their balance is set. Ties go to the nearer listing, then the
name, so results never shuffle between two identical searches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant.matching.criteria import Criteria
from assistant.matching.listing import Listing, visits_per_week
from assistant.matching.prices import headroom
from assistant.matching.words import Words, words_fit


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each component counts. They sum to 1, so a score reads as "out of 1".

    - interest (0.30): does what they asked for, exactly (1, less 0.1 for each later-named
      interest) or only a related activity (RELATED); NEUTRAL when they named none. A day centre
      counts DAY_CENTRE times as much unless they asked for one or need personal care: it is a
      whole day's care, not the group someone asking for music or "something to do" means.
    - words (0.10): how many of the person's own words for it ("tea dance", "swimming") the
      listing's name or description uses (:mod:`assistant.matching.words`); NEUTRAL when they
      used none. Categories are broad: this tells a swim from a boccia club.
    - distance (0.25): nearer is better, halving at HALF_MILES; online listings score a fixed
      ONLINE (more when run for the person's own local authority).
    - needs (0.15): of the person's needs, how many it serves, and how much it is set up for
      those needs rather than many others (an autism social beats a pan-disability swim).
    - access (0.10): access features that help with the person's needs (a hearing loop for
      sensory impairment, dementia-friendly for dementia).
    - freshness (0.05): checked by its provider in the last STALE_AFTER_DAYS. Stale listings rank
      lower but are never hidden: the card says when they were last checked.
    - budget (0.05): headroom under the stated budget (or REFERENCE_POUNDS a visit if none).
    """

    interest: float = 0.30
    words: float = 0.10
    distance: float = 0.25
    needs: float = 0.15
    access: float = 0.10
    freshness: float = 0.05
    budget: float = 0.05


WEIGHTS = Weights()
HALF_MILES = 3.0
ONLINE, ONLINE_LOCAL = 0.45, 0.6
STALE_AFTER_DAYS = 365
REFERENCE_POUNDS = 10.0
NEUTRAL = 0.5  # a component the person said nothing about counts the same for every listing
RELATED = 0.4
DAY_CENTRE = 0.8
HELPFUL: dict[str, frozenset[str]] = {
    need: frozenset(f"access-{feature}" for feature in features)
    for need, features in {
        "need-dementia": ("dementia-friendly", "hearing-loop", "quiet-space"),
        "need-sensory-impairment": ("hearing-loop", "bsl"),
        "need-physical-disability": ("step-free", "accessible-toilet", "changing-places", "parking"),
        "need-learning-disability": ("quiet-space", "changing-places"),
        "need-autism": ("quiet-space",),
        "need-mental-health": ("quiet-space",),
        "need-acquired-brain-injury": ("step-free", "quiet-space"),
        "need-older-people": ("step-free", "accessible-toilet", "hearing-loop"),
    }.items()
}
BASIC_ACCESS = frozenset({"access-step-free", "access-accessible-toilet"})


@dataclass(frozen=True, slots=True)
class Score:
    interest: float
    words: float
    distance: float
    needs: float
    access: float
    freshness: float
    budget: float

    @property
    def total(self) -> float:
        w = WEIGHTS
        return (
            w.interest * self.interest
            + w.words * self.words
            + w.distance * self.distance
            + w.needs * self.needs
            + w.access * self.access
            + w.freshness * self.freshness
            + w.budget * self.budget
        )


def interest_fit(listing: Listing, interests: tuple[str, ...], related: frozenset[str], day_centre_ok: bool) -> float:
    if not interests:
        fit = NEUTRAL
    else:
        exact = [1.0 - 0.1 * min(i, 3) for i, activity in enumerate(interests) if activity in listing.activities]
        fit = max(exact) if exact else (RELATED if listing.activities & related else 0.0)
    if "activity-day-centre" in listing.activities and not day_centre_ok:
        fit *= DAY_CENTRE
    return fit


def wants_day_centre(interests: tuple[str, ...], must_haves: frozenset[str]) -> bool:
    return "activity-day-centre" in interests or "support-personal-care" in must_haves


def distance_fit(listing: Listing, criteria: Criteria, local_authority: str | None) -> float:
    if listing.in_person and listing.distance is not None and listing.distance <= criteria.radius:
        return 1.0 / (1.0 + listing.distance / HALF_MILES)
    local = local_authority and listing.area and listing.area.casefold() == local_authority.casefold()
    return ONLINE_LOCAL if local else ONLINE


def needs_fit(listing: Listing, needs: frozenset[str]) -> float:
    if not needs:
        return NEUTRAL
    if not listing.needs:
        return NEUTRAL / 2
    overlap = len(listing.needs & needs)
    return (overlap / len(needs) + overlap / len(listing.needs)) / 2


def access_fit(listing: Listing, needs: frozenset[str]) -> float:
    if not listing.in_person:
        return NEUTRAL
    helpful = frozenset().union(*(HELPFUL.get(n, frozenset()) for n in needs)) or BASIC_ACCESS
    return len(helpful & listing.access) / len(helpful)


def freshness(listing: Listing, today: dt.date) -> float:
    checked = listing.last_verified
    return 1.0 if checked is not None and (today - checked).days <= STALE_AFTER_DAYS else 0.0


def score(
    listing: Listing,
    criteria: Criteria,
    *,
    interests: tuple[str, ...],
    related: frozenset[str],
    local_authority: str | None,
    today: dt.date,
    keywords: tuple[str, ...] = (),
    words: Words | None = None,
) -> Score:
    """Score a listing that passed ``criteria``; ``interests`` in the order the person named them;
    ``words`` remembers the words' answers for a search."""
    fit_words = words.fit if words else words_fit
    return Score(
        interest=interest_fit(listing, interests, related, wants_day_centre(interests, criteria.must_haves)),
        words=fit_words(listing.text, keywords) if keywords else NEUTRAL,
        distance=distance_fit(listing, criteria, local_authority),
        needs=needs_fit(listing, criteria.needs),
        access=access_fit(listing, criteria.needs),
        freshness=freshness(listing, today),
        budget=headroom(listing.price, visits_per_week(listing.sittings), criteria.budget, REFERENCE_POUNDS),
    )
