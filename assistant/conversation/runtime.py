"""One turn of a conversation, end to end: load state, run the engine, search, render, save.

Channels call :meth:`Conversations.turn` with their sender id; only its HMAC reaches storage.
The state row is locked for the turn (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
serialises writers), so two messages from one person at once never lose an update.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from assistant.conversation import store
from assistant.curation.problems_queue import file_report, forget_reports
from assistant.directory.db import session_scope
from assistant.engine.dialogue import handle, remember_results
from assistant.engine.replies import Action, Inbound, Reply
from assistant.engine.state import State
from assistant.matching.events import record_search
from assistant.matching.results import Finder
from assistant.rendering.text import Rendered, render
from assistant.settings import Settings

Clock = Callable[[], dt.datetime]
LOCK_STRIPES = 64
_log = logging.getLogger(__name__)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class TurnResult:
    mode: str
    replies: list[Rendered]
    deleted: bool = False
    failed: bool = False  # the database was unreachable; the reply asks to try again


class Conversations:
    def __init__(self, engine: Engine, finder: Finder, settings: Settings, clock: Clock = utc_now) -> None:
        self._engine = engine
        self._finder = finder
        self._secret = settings.identity_secret.get_secret_value()
        self._keep = dt.timedelta(days=settings.conversation_days)
        self._clock = clock
        # Two messages from one person at once are handled one after the other: the row lock does
        # it across processes on PostgreSQL; these striped locks do it within a process (SQLite).
        # SQLite has one writer at a time anyway, so there one lock serialises turns without the
        # busy-wait retries that otherwise stretch the slowest replies.
        stripes = 1 if engine.dialect.name == "sqlite" else LOCK_STRIPES
        self._locks = [Lock() for _ in range(stripes)]

    def key(self, channel: str, sender: str) -> str:
        return store.user_key(self._secret, channel, sender)

    def turn(
        self, channel: str, sender: str, inbound: Inbound, page_size: int = 5, mode: str | None = None
    ) -> TurnResult:
        """Handle one message. ``mode`` ("plain"/"easy") switches the wording first, as a web page's
        easy-read toggle does. If the database is unreachable the person is asked to try again
        (``TurnResult.failed``), as they are when no pooled connection frees up in time; nothing is
        half-written, and the next turn works once it is back."""
        key = self.key(channel, sender)
        try:
            with self._locks[int(key[:8], 16) % len(self._locks)]:
                return self._turn(channel, key, inbound, page_size, mode)
        except (DBAPIError, PoolTimeout) as exc:  # down, or every pooled connection busy for too long
            _log.warning("database unavailable during a %s turn: %s", channel, type(exc).__name__)
            return TurnResult(
                mode or "plain",
                [render(Reply("try_again"), mode or "plain", today=self._clock().date())],
                failed=True,
            )

    def _turn(self, channel: str, key: str, inbound: Inbound, page_size: int, mode: str | None) -> TurnResult:
        now = self._clock()
        with session_scope(self._engine, for_update=True) as session:
            row = store.load(session, key, now, lock=True, channel=channel)
            state = State.from_json(row.state if row else None)
            if mode in ("plain", "easy"):
                state = state.model_copy(update={"mode": mode})
            state, replies = handle(state, inbound, now)
            rendered: list[Rendered] = []
            for reply in replies:
                if reply.key == "results.refine" and rendered and rendered[-1].key != "results":
                    continue  # nothing was found: narrowing it down would not help
                if reply.search is not None:
                    page = self._finder.search(reply.search.profile, reply.search.page, page_size, session=session)
                    if reply.search.page == 0:  # one anonymous event a search, not one a page
                        record_search(
                            session, profile=reply.search.profile, page=page, channel=channel, today=now.date()
                        )
                    state = remember_results(state, [c.id for c in page.cards], page.page)
                    rendered.append(render(reply, state.mode, today=now.date(), page=page))
                elif reply.details is not None:
                    card = self._finder.card(reply.details, session=session)
                    rendered.append(render(reply, state.mode, today=now.date(), card=card))
                else:
                    rendered.append(render(reply, state.mode, today=now.date()))
            for reply in replies:
                if reply.action is Action.REPORT_PROBLEM and reply.problem is not None:
                    file_report(session, reply.problem[0], reply.problem[1], channel, now, reporter=key)
            if any(r.action is Action.DELETE_DATA for r in replies):
                store.forget(session, key)
                forget_reports(session, key)
                return TurnResult(state.mode, rendered, deleted=True)
            store.save(session, key, channel, state.to_json(), now, self._keep)
            return TurnResult(state.mode, rendered)

    def forget(self, channel: str, sender: str) -> None:
        with session_scope(self._engine) as session:
            store.forget(session, self.key(channel, sender))


def purge_idle(engine: Engine, clock: Clock = utc_now) -> int:
    """Delete every conversation whose state has expired (idle past ``conversation_days``)."""
    with session_scope(engine) as session:
        return store.purge_expired(session, clock())
