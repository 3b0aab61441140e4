"""Facts held in memory per process are dropped when the directory changes, in any process.

Two runtimes on two engines over one database stand for two worker processes. One of them has
searched (so holds the listings' facts and the results page in memory); a curator's edit made
through the other engine must show in its very next turn. A turn reads the directory's version
once, and only once. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event
from sqlmodel import Session, col, select

from assistant.conversation.runtime import Conversations, TurnResult
from assistant.curation.listings import archive_listing
from assistant.directory import cache, version
from assistant.directory.db import make_engine
from assistant.directory.inference import review_inferred
from assistant.directory.models import ServiceTerm
from assistant.directory.sample import load_sample
from assistant.engine.replies import Inbound
from assistant.matching.matcher import Matcher
from assistant.settings import PROJECT_DIR, Settings

SEARCH = ("hi", "for me near LU7 1AA", "skip")  # the third answer shows results


@pytest.fixture
def directory(engine: Engine) -> Engine:
    load_sample(engine, PROJECT_DIR / "directory_data")
    return engine


@pytest.fixture
def other_worker(directory: Engine, database_url: str) -> Iterator[Engine]:
    """A second engine on the same database: another worker process's pool."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def runtime(engine: Engine) -> Conversations:
    return Conversations(engine, Matcher(engine), Settings())


def results(conversations: Conversations, sender: str) -> list[str]:
    """The ids of the results a new conversation's search shows."""
    last: TurnResult | None = None
    for text in SEARCH:
        last = conversations.turn("web", sender, Inbound(text))
    assert last is not None
    [page] = [r for r in last.replies if r.key == "results"]
    return [card.id for card in page.cards]


def test_a_listing_archived_through_another_worker_is_gone_from_the_next_turn(
    directory: Engine, other_worker: Engine
) -> None:
    here = runtime(directory)
    before = results(here, "first")
    assert before and results(here, "second") == before  # the same search again: from memory
    assert archive_listing(other_worker, before[0])
    after = results(here, "third")
    assert after and before[0] not in after


def test_a_curators_review_of_an_inferred_term_moves_the_version_on(directory: Engine, other_worker: Engine) -> None:
    with Session(directory) as session:
        link = session.exec(select(ServiceTerm).where(col(ServiceTerm.service_id) != "")).first()
        assert link is not None
        link.inferred = True
        session.add(link)
        session.commit()
        service_id, term_id = link.service_id, link.term_id
        seen = version.current(session)
    assert review_inferred(other_worker, service_id, term_id, keep=True)
    with Session(directory) as session:
        assert version.current(session) == seen + 1


def test_the_memo_is_kept_while_the_version_stands_and_replaced_when_it_moves(
    directory: Engine, other_worker: Engine
) -> None:
    with Session(directory) as session:
        first = cache.memo(session)
        first.table("probe")["x"] = 1
        assert cache.memo(session) is first
    with Session(other_worker) as session:
        version.bump(session)
        session.commit()
    with Session(directory) as session:
        again = cache.memo(session)
    assert again is not first and again.table("probe") == {}
    assert first.table("probe") == {"x": 1}  # a turn still holding the old memo keeps a consistent view


def test_a_turn_reads_the_directory_version_once(directory: Engine) -> None:
    conversations = runtime(directory)
    reads: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "directory_version" in statement:
            reads.append(statement)

    event.listen(directory, "before_cursor_execute", count)
    try:
        for text in (*SEARCH, "more", "1"):
            reads.clear()
            conversations.turn("web", "counted", Inbound(text))
            assert len(reads) == 1, f"{text!r}: {len(reads)} reads of the version"
    finally:
        event.remove(directory, "before_cursor_execute", count)
