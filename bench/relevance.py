"""Benchmark: how well the matcher answers the gold queries, against a plain text-search baseline.

    .venv/bin/python bench/relevance.py [-v]

Loads the curated sample directory into a fresh SQLite file, then answers each query in
``tests/matching/gold.toml`` twice: with the matcher (from the profile a careful reader takes
from the query) and with SQLite FTS5 BM25 over each listing's text (name, description,
organisation, term names, town) queried with the raw words the person typed. Prints nDCG@5 and
success@3 (a best answer in the top three) for both, and the matcher's lead; ``-v`` also prints
each query's scores and the matcher's top five.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.matching.gold

from assistant.directory.db import make_engine
from assistant.directory.models import Location, Organization, Service, ServiceAtLocation, ServiceTerm, TaxonomyTerm
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.matching.matcher import Matcher
from tests.matching.gold import TODAY, GoldQuery, full_grades, load_gold, ndcg, success

PROJECT = Path(__file__).resolve().parents[1]
TOP = 5


def listing_texts(engine: Engine) -> dict[str, str]:
    """Each service's searchable text: name, description, organisation, term names and town."""
    texts: dict[str, list[str]] = {}
    with Session(engine) as session:
        for service, organisation in session.exec(
            select(Service, Organization).join(Organization, col(Organization.id) == col(Service.organization_id))
        ):
            texts[service.id] = [service.name, service.description, organisation.name]
        for service_id, name in session.exec(
            select(col(ServiceTerm.service_id), col(TaxonomyTerm.name)).join(
                TaxonomyTerm, col(TaxonomyTerm.id) == col(ServiceTerm.term_id)
            )
        ):
            texts[service_id].append(name)
        for service_id, city in session.exec(
            select(col(ServiceAtLocation.service_id), col(Location.city)).join(
                Location, col(Location.id) == col(ServiceAtLocation.location_id)
            )
        ):
            texts[service_id].append(city or "")
    return {service_id: " ".join(parts) for service_id, parts in texts.items()}


class Bm25:
    """SQLite FTS5 over the listings' text, ranked by its built-in BM25."""

    def __init__(self, texts: dict[str, str]) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute("CREATE VIRTUAL TABLE listing USING fts5(id UNINDEXED, body)")
        self._db.executemany("INSERT INTO listing VALUES (?, ?)", texts.items())

    def search(self, text: str, k: int = TOP) -> list[str]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        if not words:
            return []
        query = " OR ".join(f'"{w}"' for w in words)
        rows = self._db.execute(
            "SELECT id FROM listing WHERE listing MATCH ? ORDER BY bm25(listing) LIMIT ?", (query, k)
        )
        return [row[0] for row in rows]


def evaluate(queries: list[GoldQuery], ids: set[str], answer: dict[str, list[str]]) -> tuple[float, float]:
    scores = [ndcg(answer[q.id], full_grades(q, ids)) for q in queries]
    hits = [success(answer[q.id], full_grades(q, ids)) for q in queries]
    return statistics.fmean(scores), sum(hits) / len(hits)


def main(verbose: bool) -> None:
    queries = load_gold()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'sample.sqlite3'}")
        upgrade(engine)
        load_sample(engine, PROJECT / "directory_data")
        texts = listing_texts(engine)
        matcher = Matcher(engine, today=lambda: TODAY)
        bm25 = Bm25(texts)
        matched = {q.id: [c.id for c in matcher.search(q.profile, 0, TOP).cards] for q in queries}
        baseline = {q.id: bm25.search(q.text) for q in queries}
        with Session(engine) as session:
            names = {s.id: s.name for s in session.exec(select(Service))}
        engine.dispose()
    ids = set(texts)
    if verbose:
        for q in queries:
            grades = full_grades(q, ids)
            print(f"{q.id:38} matcher {ndcg(matched[q.id], grades):.2f}  bm25 {ndcg(baseline[q.id], grades):.2f}")
            for sid in matched[q.id]:
                print(f"    {grades.get(sid, 0)} {sid[:8]} {names[sid][:60]}")
    m_ndcg, m_success = evaluate(queries, ids, matched)
    b_ndcg, b_success = evaluate(queries, ids, baseline)
    print(f"{len(queries)} gold queries over {len(ids)} listings")
    print(f"{'':10} {'nDCG@5':>8} {'success@3':>10}")
    print(f"{'matcher':10} {m_ndcg:>8.3f} {m_success:>10.3f}")
    print(f"{'BM25':10} {b_ndcg:>8.3f} {b_success:>10.3f}")
    print(f"{'lead':10} {m_ndcg - b_ndcg:>+8.3f} {m_success - b_success:>+10.3f}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
