"""Benchmark: how well Dayfinder answers the gold queries from their text, against baselines.

    .venv/bin/python bench/relevance.py [-v]

Loads the curated sample directory into a fresh SQLite file, then answers each query in
``tests/matching/gold.toml`` from its text, as ``dayfinder search`` does (understanding, place
resolution, matcher: :func:`~assistant.conversation.one_text.search_text`), and in the same run
the ways to compare it with:

- distance: the matcher with its score replaced by distance: the same candidates for the same
  understood profile, those meeting every wish but distance first, each group nearest first
  (the score's own value is the matcher's lead over this);
- nearest: the same candidates by distance alone, ignoring what the ladder had to widen;
- BM25: SQLite FTS5 (Porter stemming) over each listing's text (name, description,
  organisation, term names, town), queried with the words the person typed;
- hand profile: the matcher given the profile a careful reader wrote in the gold file,
  skipping understanding (what perfect understanding would reach), and hand distance, the
  distance baseline for that profile.

Both sets are measured: the queries as written in the gold file, and the same wishes as people
write them (each query's ``said`` texts, judged the same). For each set it prints nDCG@5 and
success@3 (a best answer in the top three) every way, the leads over BM25 and distance, and
every from-text failure (nDCG@5 below 0.8 or no best answer in the top three) classed as place
(not resolved, or resolved somewhere else), understanding (the profile read differs from the
hand-written one: the slots are listed) or ranking (read right, ranked wrong). ``-v`` also
prints each query's scores, its text and the top five from text.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.matching.gold

from assistant.conversation.one_text import Outcome, TextSearch
from assistant.directory.db import make_engine
from assistant.directory.geo import miles_between
from assistant.directory.models import Location, Organization, Service, ServiceAtLocation, ServiceTerm, TaxonomyTerm
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.engine.state import Profile
from assistant.matching.criteria import OLDER_AGE, OLDER_PEOPLE, needs_of
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

PROJECT = Path(__file__).resolve().parents[1]
FAILING_NDCG = 0.8
PLACE_SLACK_MILES = 5.0  # a town's centre and its postcode district's centre lie a few miles apart
COMPARED = (
    "interests",
    "avoid_interests",
    "needs",
    "age",
    "online_ok",
    "days",
    "avoid_days",
    "parts_of_day",
    "after",
    "before",
    "budget",
    "must_haves",
)
WAYS = ("from text", "distance", "nearest", "BM25", "BM25 plain", "hand profile", "hand distance")


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
    """SQLite FTS5 over the listings' text, ranked by BM25: Porter-stemmed ("swimming" finds "swim")
    by default, or plain ``unicode61`` as the first baseline this bench measured (issue 13's +0.20
    lead was set against that one)."""

    def __init__(self, texts: dict[str, str], tokenizer: str = "porter unicode61") -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute(f"CREATE VIRTUAL TABLE listing USING fts5(id UNINDEXED, body, tokenize='{tokenizer}')")
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


def diagnose(query: GoldQuery, found: TextSearch) -> tuple[str, str]:
    """Why a query failed from text: ``place``, ``understanding`` or ``ranking``, and the detail."""
    wanted = query.profile.place
    if found.outcome is not Outcome.RESULTS:
        if wanted is None and found.outcome is Outcome.NO_PLACE:
            return "understanding", "online not read"
        return "place", found.outcome.value
    read = found.profile.place
    if wanted is not None and (
        read is None
        or miles_between(read.latitude, read.longitude, wanted.latitude, wanted.longitude) > PLACE_SLACK_MILES
    ):
        return "place", f"read as {read.label if read else 'online only'}"
    differences = slot_differences(query.profile, found.profile)
    if differences:
        return "understanding", "; ".join(differences)
    return "ranking", ""


def slot_differences(wanted: Profile, read: Profile) -> list[str]:
    """The matching slots where the profile read from the text differs from the hand-written one."""
    out = []
    for name in COMPARED:
        a, b = getattr(wanted, name), getattr(read, name)
        if name == "needs":  # as the matcher takes them: an age of 65 or more says older people
            a, b = needs_of(wanted), needs_of(read)
        if name == "age" and OLDER_PEOPLE in needs_of(read) and a is not None and a >= OLDER_AGE:
            continue  # "older people" read as a need, written in the gold file as an age
        if isinstance(a, tuple | frozenset):
            missing, extra = sorted(map(str, set(a) - set(b))), sorted(map(str, set(b) - set(a)))
            if missing or extra:
                out.append(
                    f"{name}"
                    + (f" -{','.join(missing)}" if missing else "")
                    + (f" +{','.join(extra)}" if extra else "")
                )
        elif a != b:
            out.append(f"{name} {a} -> {b}")
    return out


def evaluate(queries: list[GoldQuery], ids: set[str], answer: dict[str, list[str]]) -> tuple[float, float]:
    scores = [ndcg(answer[q.id], full_grades(q, ids)) for q in queries]
    hits = [success(answer[q.id], full_grades(q, ids)) for q in queries]
    return statistics.fmean(scores), sum(hits) / len(hits)


def main(verbose: bool) -> None:
    gold = load_gold()
    sets = {"as written": gold, "as people write": as_people_write(gold)}
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'sample.sqlite3'}")
        upgrade(engine)
        load_sample(engine, PROJECT / "directory_data")
        texts = listing_texts(engine)
        bm25, plain = Bm25(texts), Bm25(texts, "unicode61")
        with Session(engine) as session:
            names = {s.id: s.name for s in session.exec(select(Service))}
        for title, queries in sets.items():
            report(engine, title, queries, (bm25, plain), names, verbose)
        engine.dispose()


def report(
    engine: Engine, title: str, queries: list[GoldQuery], bm25s: tuple[Bm25, Bm25], names: dict[str, str], verbose: bool
) -> None:
    """Answer ``queries`` every way, and print the figures and the failures from text."""
    bm25, plain = bm25s
    matcher = Matcher(engine, today=lambda: TODAY)
    found = {q.id: from_text(q.text, matcher) for q in queries}
    answers = {
        "from text": {q.id: ranked_ids(found[q.id]) for q in queries},
        "distance": {q.id: by_distance(engine, searched_profile(found[q.id])) for q in queries},
        "nearest": {q.id: by_distance(engine, searched_profile(found[q.id]), tiered=False) for q in queries},
        "BM25": {q.id: bm25.search(q.text) for q in queries},
        "BM25 plain": {q.id: plain.search(q.text) for q in queries},
        "hand profile": {q.id: [c.id for c in matcher.search(q.profile, 0, TOP).cards] for q in queries},
        "hand distance": {q.id: by_distance(engine, q.profile) for q in queries},
    }
    ids = set(names)
    failures: list[tuple[str, str, str]] = []
    for q in queries:
        grades = full_grades(q, ids)
        text_ranked = answers["from text"][q.id]
        if ndcg(text_ranked, grades) < FAILING_NDCG or not success(text_ranked, grades):
            failures.append((q.id, *diagnose(q, found[q.id])))
        if verbose:
            scores = "  ".join(f"{way} {ndcg(answers[way][q.id], grades):.2f}" for way in WAYS)
            print(f"{q.id:40} {scores}\n    {q.text}")
            for sid in text_ranked:
                print(f"    {grades.get(sid, 0)} {sid[:8]} {names[sid][:60]}")
    results = {way: evaluate(queries, ids, answers[way]) for way in WAYS}
    print(f"\n{len(queries)} gold queries {title}, over {len(ids)} listings")
    print(f"{'':14} {'nDCG@5':>8} {'success@3':>10}")
    for way in WAYS:
        print(f"{way:14} {results[way][0]:>8.3f} {results[way][1]:>10.3f}")
    for baseline in ("BM25", "BM25 plain", "distance"):
        lead = [results["from text"][i] - results[baseline][i] for i in (0, 1)]
        print(f"{'lead on ' + baseline:14} {lead[0]:>+8.3f} {lead[1]:>+10.3f}")
    classes = Counter(kind for _, kind, _ in failures)
    print(
        f"{len(failures)} failing from text (nDCG@5 < {FAILING_NDCG} or no best answer in the top 3): "
        + ", ".join(f"{kind} {n}" for kind, n in classes.most_common())
    )
    for query_id, kind, detail in sorted(failures, key=lambda f: (f[1], f[0])):
        print(f"  {kind:13} {query_id:40} {detail}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
