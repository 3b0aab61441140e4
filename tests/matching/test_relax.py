"""The relaxation ladder's rungs, and the notes saying exactly what a result needed widened."""

from __future__ import annotations

from assistant.content import text
from assistant.engine.slots import Budget, CostPeriod, PartOfDay
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.criteria import criteria_for
from assistant.matching.listing import Price
from assistant.matching.relax import ladder, step_of, widenings
from assistant.matching.results import Widening
from tests.matching.listings import listing, sitting

HOME = PlaceValue(label="LU7", latitude=51.9109, longitude=-0.6616, local_authority="Central Bedfordshire")
KNIT = "activity-knit-natter"


def profile(**changes: object) -> Profile:
    return Profile(place=HOME, interests=(KNIT,)).model_copy(update=changes)


def test_the_rungs_widen_radius_then_activities_then_online_then_anything_then_times() -> None:
    asked = profile(days=frozenset({"SA"}), budget=Budget(free=True))
    rungs = list(ladder(asked))
    steps = ["exact", "radius", "radius", "radius", "related", "online", "other", "times", "any_time", "far"]
    assert [r.step for r in rungs] == steps
    assert [r.criteria.radius for r in rungs[:4]] == [3.0, 5.0, 10.0, 20.0]
    assert "activity-arts-crafts" in rungs[4].criteria.interests and rungs[4].criteria.when.days == {"SA"}
    assert rungs[5].criteria.online and not rungs[4].criteria.online
    assert rungs[6].criteria.interests == frozenset() and rungs[6].criteria.when.days == {"SA"}
    assert rungs[7].criteria.when.days == {"FR", "SA", "SU"}
    assert rungs[8].criteria.when.any_day
    assert rungs[9].criteria.radius == 40.0 and rungs[9].criteria.budget == rungs[0].criteria.budget


def test_the_budget_is_never_widened() -> None:
    budget = Budget(amount=4.0, period=CostPeriod.SESSION)
    for rung in ladder(profile(days=frozenset({"SA"}), budget=budget)):
        assert rung.criteria.budget == budget


def test_each_rung_keeps_the_rungs_below() -> None:
    rungs = {r.step: r.criteria for r in ladder(profile(days=frozenset({"SA"})))}
    assert rungs["times"].radius == 20.0 and rungs["times"].online and rungs["times"].interests == frozenset()


def test_rungs_for_things_not_asked_are_skipped_and_not_online_is_respected() -> None:
    steps = [r.step for r in ladder(profile(online_ok=False))]
    assert steps == ["exact", "radius", "radius", "radius", "related", "other", "far"]


def test_an_online_only_search_has_no_radius_rungs() -> None:
    steps = [r.step for r in ladder(Profile(online_ok=True, interests=(KNIT,)))]
    assert steps == ["exact", "related", "other"]


def test_needs_age_and_must_haves_are_never_relaxed() -> None:
    asked = profile(needs=("need-autism",), age=30, must_haves=frozenset({"access-step-free"}))
    for rung in ladder(asked):
        assert rung.criteria.needs == {"need-autism"} and rung.criteria.age == 30
        assert rung.criteria.must_haves == {"access-step-free"}


def test_an_hour_of_slack_when_times_were_asked() -> None:
    rungs = {r.step: r.criteria for r in ladder(profile(parts_of_day=frozenset({PartOfDay.EVENING})))}
    assert rungs["exact"].when.slack == 0 and rungs["times"].when.slack == 60


def test_the_radius_note_names_the_day_and_the_furthest_result() -> None:
    asked = profile(days=frozenset({"SA"}))
    found = [listing(distance=5.2, activities=frozenset({KNIT}), sittings=(sitting("SA"),))]
    notes = widenings(asked, criteria_for(asked), found, first_count=0)
    assert notes == [Widening("radius_on.SA", (("was", "3"), ("now", "6")))]
    assert text("matching", "radius_on.SA", "plain", **dict(notes[0].params)) == (
        "Nothing matched on Saturdays within 3 miles. These are within 6 miles:"
    )


def test_some_nearby_plus_more_further_away_reads_differently() -> None:
    asked = profile()
    found = [listing(distance=1.0, activities=frozenset({KNIT})), listing(distance=8.6, activities=frozenset({KNIT}))]
    assert widenings(asked, criteria_for(asked), found, first_count=1)[0].key == "radius_more"


def test_no_note_when_nothing_was_widened() -> None:
    asked = profile()
    assert widenings(asked, criteria_for(asked), [listing(activities=frozenset({KNIT}))], first_count=1) == []


def test_notes_name_only_the_relaxations_a_result_needed() -> None:
    asked = profile(days=frozenset({"SA"}), budget=Budget(free=True))
    on_friday_paid = listing(
        activities=frozenset({"activity-arts-crafts"}), sittings=(sitting("FR"),), price=Price(3.0, "session")
    )
    notes = [w.key for w in widenings(asked, criteria_for(asked), [on_friday_paid], first_count=0)]
    assert notes == ["days", "budget_free", "related"]


def test_the_hours_note_and_the_online_note() -> None:
    asked = profile(parts_of_day=frozenset({PartOfDay.EVENING}))
    early = listing(activities=frozenset({KNIT}), sittings=(sitting("TU", "16:30", "18:00"),))
    online = listing(
        distance=None,
        online=True,
        in_person=False,
        activities=frozenset({KNIT}),
        sittings=(sitting("TU", "19:00", "20:00"),),
    )
    assert [w.key for w in widenings(asked, criteria_for(asked), [early], 0)] == ["hours"]
    assert [w.key for w in widenings(asked, criteria_for(asked), [online], 0)] == ["online"]


def test_the_budget_note_gives_the_old_and_new_amounts() -> None:
    asked = profile(budget=Budget(amount=4.0, period=CostPeriod.SESSION))
    dear = listing(activities=frozenset({KNIT}), price=Price(5.5, "session"))
    assert widenings(asked, criteria_for(asked), [dear], 0) == [
        Widening("budget.session", (("was", "4"), ("now", "6")))
    ]


def test_every_note_maps_to_a_ladder_step() -> None:
    assert [step_of(k) for k in ("radius", "radius_more", "radius_on.SU", "days", "hours")] == [
        "radius",
        "radius",
        "radius",
        "days",
        "hours",
    ]
    assert [step_of(k) for k in ("budget_free", "budget.week", "related", "online")] == [
        "budget",
        "budget",
        "related",
        "online",
    ]


def test_every_note_the_ladder_can_give_has_plain_and_easy_words() -> None:
    keys = ["radius", "radius_more", "days", "hours", "budget_free", "related", "online"]
    keys += [f"radius_on.{d}" for d in ("MO", "TU", "WE", "TH", "FR", "SA", "SU")]
    keys += [f"budget.{p.value}" for p in CostPeriod]
    for key in keys:
        for mode in ("plain", "easy"):
            assert text("matching", key, mode, was="3", now="6")


def test_a_note_says_only_a_few_when_some_results_are_exactly_what_was_asked() -> None:
    asked = profile(interests=(KNIT,))
    knit = listing(activities=frozenset({KNIT}))
    art = listing(id="svc-2", activities=frozenset({"activity-arts-crafts"}))
    assert [w.key for w in widenings(asked, criteria_for(asked), [knit, art], first_count=1)] == ["related_more"]
    assert [w.key for w in widenings(asked, criteria_for(asked), [art], first_count=0)] == ["related"]
