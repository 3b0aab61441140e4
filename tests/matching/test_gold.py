"""The gold queries: well formed, naming real listings, and answered well by the matcher."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.directory.models import Service
from assistant.matching.matcher import Matcher
from tests.matching.gold import TODAY, full_grades, load_gold, ndcg, success

pytestmark = pytest.mark.storage

NDCG_FLOOR = 0.9  # bench/relevance.py prints the current figure (0.957 when this floor was set)
SUCCESS_FLOOR = 0.95


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


def test_the_matcher_ranks_the_gold_answers_well(sample_engine: Engine) -> None:
    matcher = Matcher(sample_engine, today=lambda: TODAY)
    with Session(sample_engine) as session:
        ids = set(session.exec(select(Service.id)))
    scores, hits = [], []
    for query in load_gold():
        ranked = [card.id for card in matcher.search(query.profile, 0, 5).cards]
        grades = full_grades(query, ids)
        scores.append(ndcg(ranked, grades))
        hits.append(success(ranked, grades))
    assert statistics.fmean(scores) >= NDCG_FLOOR
    assert sum(hits) / len(hits) >= SUCCESS_FLOOR


def test_ndcg_and_success_measures() -> None:
    grades = {"a": 2, "b": 1}
    assert ndcg(["a", "b"], grades) == 1.0
    assert ndcg(["b", "a"], grades) < 1.0
    assert ndcg(["x", "y"], grades) == 0.0
    assert success(["x", "y", "a"], grades) and not success(["x", "y", "z", "a"], grades)
