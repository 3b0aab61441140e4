"""The score: each component moves the way a person would expect, and the weights are the only knob."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace

from assistant.matching.listing import Listing, Price
from assistant.matching.related import related, related_to
from assistant.matching.score import WEIGHTS, Score, access_fit, interest_fit, needs_fit, score
from assistant.matching.words import words_fit
from tests.matching.listings import TODAY, criteria, listing

ART, KNIT, MUSIC = "activity-arts-crafts", "activity-knit-natter", "activity-music"


def total(item: Listing, interests: tuple[str, ...] = (ART,), **asked: object) -> float:
    found = score(
        item,
        criteria(**asked),
        interests=interests,
        related=related_to(interests),
        local_authority="Central Bedfordshire",
        today=TODAY,
    )
    return found.total


def test_the_weights_sum_to_one() -> None:
    assert abs(sum(asdict(WEIGHTS).values()) - 1.0) < 1e-9


def test_the_total_is_the_weighted_sum_of_the_components() -> None:
    parts = Score(interest=1.0, words=0.5, distance=0.5, needs=0.0, access=1.0, freshness=0.0, budget=1.0)
    expected = WEIGHTS.interest + WEIGHTS.words / 2 + WEIGHTS.distance / 2 + WEIGHTS.access + WEIGHTS.budget
    assert abs(parts.total - expected) < 1e-9


def test_the_persons_own_words_pick_the_listing_within_a_category() -> None:
    swim = listing(activities=frozenset({KNIT}), text="Inclusive Swim Session. A quieter swim for adults.")
    boccia = listing(activities=frozenset({KNIT}), text="Boccia and Bowls Club. Boccia for everyone.")
    assert words_fit(swim.text, ("swimming",)) == 1.0 and words_fit(boccia.text, ("swimming",)) == 0.0
    assert words_fit("Marston Green Tea Dance", ("tea dance", "music")) == 0.5
    assert words_fit("Chair yoga", ("tea dance",)) == 0.0


def test_an_exact_activity_beats_a_related_one_which_beats_none() -> None:
    exact = interest_fit(listing(activities=frozenset({KNIT})), (KNIT,), related(KNIT), day_centre_ok=False)
    near = interest_fit(listing(activities=frozenset({ART})), (KNIT,), related(KNIT), day_centre_ok=False)
    none = interest_fit(listing(activities=frozenset({MUSIC})), (KNIT,), related(KNIT), day_centre_ok=False)
    assert exact > near > none == 0.0


def test_the_first_named_interest_counts_most() -> None:
    first = interest_fit(listing(activities=frozenset({ART})), (ART, MUSIC), frozenset(), day_centre_ok=False)
    second = interest_fit(listing(activities=frozenset({MUSIC})), (ART, MUSIC), frozenset(), day_centre_ok=False)
    assert first > second


def test_a_day_centre_counts_less_unless_asked_for_or_personal_care_is_needed() -> None:
    centre = listing(activities=frozenset({"activity-day-centre", ART}))
    group = listing(activities=frozenset({ART}))
    assert interest_fit(centre, (ART,), frozenset(), day_centre_ok=False) < interest_fit(
        group, (ART,), frozenset(), day_centre_ok=False
    )
    assert total(centre, must_haves=frozenset({"support-personal-care"})) > total(centre)


def test_nearer_scores_higher() -> None:
    assert total(listing(distance=0.5)) > total(listing(distance=2.5))


def test_a_listing_set_up_for_the_persons_need_beats_a_pan_disability_one() -> None:
    autism = frozenset({"need-autism"})
    specific = needs_fit(listing(needs=autism), autism)
    broad = needs_fit(
        listing(needs=frozenset({"need-autism", "need-learning-disability", "need-physical-disability"})), autism
    )
    assert specific > broad > 0


def test_access_features_that_help_with_the_need_score_higher() -> None:
    deaf = frozenset({"need-sensory-impairment"})
    looped = listing(access=frozenset({"access-hearing-loop", "access-bsl"}))
    plain = listing(access=frozenset({"access-step-free"}))
    assert access_fit(looped, deaf) == 1.0
    assert access_fit(plain, deaf) == 0.0


def test_a_stale_listing_ranks_lower_than_the_same_listing_checked_recently() -> None:
    fresh = listing(last_verified=TODAY - dt.timedelta(days=200))
    stale = listing(last_verified=TODAY - dt.timedelta(days=400))
    never = listing(last_verified=None)
    assert total(fresh) > total(stale) == total(never)
    assert total(stale) > 0


def test_a_stale_listing_still_beats_a_poor_fit() -> None:
    stale_exact = listing(last_verified=TODAY - dt.timedelta(days=700))
    fresh_related = listing(activities=frozenset({KNIT}))
    assert total(stale_exact) > total(fresh_related)


def test_cheaper_scores_a_little_higher_within_the_budget() -> None:
    assert total(listing(price=Price(0.0, "free"))) > total(listing(price=Price(8.0, "session")))


def test_online_listings_run_for_the_persons_own_council_score_higher() -> None:
    online = listing(distance=None, online=True, in_person=False)
    elsewhere = replace(online, area="Dorset")
    assert total(online, online=True) > total(elsewhere, online=True)


def test_related_activities_are_symmetric_and_never_include_the_activity_itself() -> None:
    for activity in ("activity-knit-natter", "activity-gardening", "activity-music", "activity-social-club"):
        assert activity not in related(activity)
        assert all(activity in related(other) for other in related(activity))
    assert "activity-arts-crafts" in related(KNIT)
    assert "activity-farm-animals" in related("activity-gardening")
