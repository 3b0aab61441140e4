"""The gold queries: well formed, naming real listings, and answered well from their text.

Answers are measured the way a person meets them: the query's text through the path
``dayfinder search`` takes (:func:`tests.matching.gold.from_text`). Each floor sits between what
the matcher reaches today and what ordering the same candidates by distance alone reaches, so
the floors fail if the score is replaced by distance; ``bench/relevance.py`` prints the figures
and classes every failure as place, understanding or ranking.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.directory.models import Service
from assistant.matching.matcher import Matcher
from tests.matching.gold import (
    TODAY,
    TOP,
    GoldQuery,
    as_people_write,
    by_distance,
    from_text,
    full_grades,
    load_gold,
    ndcg,
    ranked_ids,
    searched_profile,
    success,
)

pytestmark = pytest.mark.storage

# Today's figures (bench/relevance.py, 2026-12-07 10:25 UTC, while understanding and place
# recognition were being fixed): from text nDCG@5 0.936, success@3 0.987; with the score replaced
# by distance 0.902 / 0.961. With the hand-written profile (perfect understanding) 0.968 / 1.000;
# distance 0.943 / 1.000. Each floor sits between the score and distance; raise them as the
# figures rise (the target from text: nDCG@5 >= 0.85 and >= BM25 + 0.20).
# The same wishes as people write them (the ``said`` texts): 0.951 / 0.971; distance 0.921 / 0.943.
TEXT_NDCG_FLOOR = 0.92
TEXT_SUCCESS_FLOOR = 0.97
PEOPLE_NDCG_FLOOR = 0.94
PEOPLE_SUCCESS_FLOOR = 0.95
HAND_NDCG_FLOOR = 0.95
HAND_SUCCESS_FLOOR = 0.95
LEAD_OVER_DISTANCE = 0.015  # nDCG@5 the score must add to distance alone, from text and by hand


@dataclass(frozen=True, slots=True)
class Measured:
    ndcg: float
    success: float


def measure(queries: list[GoldQuery], answers: dict[str, list[str]], ids: set[str]) -> Measured:
    grades = {q.id: full_grades(q, ids) for q in queries}
    return Measured(
        statistics.fmean(ndcg(answers[q.id], grades[q.id]) for q in queries),
        sum(success(answers[q.id], grades[q.id]) for q in queries) / len(queries),
    )


@pytest.fixture(scope="module")
def measured(sample_engine: Engine) -> dict[str, Measured]:
    """Each way of answering the gold queries, measured once per backend."""
    matcher = Matcher(sample_engine, today=lambda: TODAY)
    with Session(sample_engine) as session:
        ids = set(session.exec(select(Service.id)))
    gold = load_gold()
    people = as_people_write(gold)
    found = {q.id: from_text(q.text, matcher) for q in gold + people}
    answers = {
        "text": (gold, {q.id: ranked_ids(found[q.id]) for q in gold}),
        "text distance": (gold, {q.id: by_distance(sample_engine, searched_profile(found[q.id])) for q in gold}),
        "people": (people, {q.id: ranked_ids(found[q.id]) for q in people}),
        "people distance": (
            people,
            {q.id: by_distance(sample_engine, searched_profile(found[q.id])) for q in people},
        ),
        "hand": (gold, {q.id: [c.id for c in matcher.search(q.profile, 0, TOP).cards] for q in gold}),
        "hand distance": (gold, {q.id: by_distance(sample_engine, q.profile) for q in gold}),
    }
    return {way: measure(queries, answer, ids) for way, (queries, answer) in answers.items()}


def test_there_are_at_least_sixty_queries_across_every_area() -> None:
    queries = load_gold()
    assert len(queries) >= 60
    assert len({q.id for q in queries}) == len(queries)
    areas = Counter(q.profile.place.local_authority for q in queries if q.profile.place)
    assert len(areas) >= 5
    assert all(q.text and 2 in q.grades.values() for q in queries)


def test_every_graded_listing_exists_under_the_name_written_beside_it(sample_engine: Engine) -> None:
    with Session(sample_engine) as session:
        names = {s.id: s.name for s in session.exec(select(Service))}
    for query in load_gold():
        for service_id in full_grades(query, names):
            assert names[service_id] == query.names[service_id[:8]], (query.id, service_id)


def test_from_their_text_the_gold_answers_rank_above_todays_floors(measured: dict[str, Measured]) -> None:
    assert measured["text"].ndcg >= TEXT_NDCG_FLOOR
    assert measured["text"].success >= TEXT_SUCCESS_FLOOR


def test_from_their_text_the_score_ranks_better_than_distance_alone(measured: dict[str, Measured]) -> None:
    assert measured["text"].ndcg >= measured["text distance"].ndcg + LEAD_OVER_DISTANCE


def test_as_people_write_them_the_gold_answers_rank_above_todays_floors(measured: dict[str, Measured]) -> None:
    assert measured["people"].ndcg >= PEOPLE_NDCG_FLOOR
    assert measured["people"].success >= PEOPLE_SUCCESS_FLOOR
    assert measured["people"].ndcg >= measured["people distance"].ndcg + LEAD_OVER_DISTANCE


def test_every_restated_query_is_a_different_text() -> None:
    for query in load_gold():
        assert len(set(query.said)) == len(query.said) and query.text not in query.said, query.id


def test_with_the_hand_written_profile_the_score_ranks_the_gold_answers_well(measured: dict[str, Measured]) -> None:
    assert measured["hand"].ndcg >= HAND_NDCG_FLOOR
    assert measured["hand"].success >= HAND_SUCCESS_FLOOR
    assert measured["hand"].ndcg >= measured["hand distance"].ndcg + LEAD_OVER_DISTANCE


def test_ndcg_and_success_measures() -> None:
    grades = {"a": 2, "b": 1}
    assert ndcg(["a", "b"], grades) == 1.0
    assert ndcg(["b", "a"], grades) < 1.0
    assert ndcg(["x", "y"], grades) == 0.0
    assert success(["x", "y", "a"], grades) and not success(["x", "y", "z", "a"], grades)
