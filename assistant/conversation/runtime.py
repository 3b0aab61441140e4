"""One turn of a conversation, end to end: load state, run the engine, search, render, save.

Channels call :meth:`Conversations.turn` with their sender id; only its HMAC reaches storage.
Two messages from one person at once never lose an update, and no lock is held across every
person's turns:

- within a process, a person's turns take a lock striped by their key, so they run one after
  the other while everyone else's run alongside;
- across processes on PostgreSQL, the turn's first statement locks and reads the person's row
  (:func:`~assistant.conversation.store.claim`) and the turn runs in that one transaction;
- on SQLite, which has one writer at a time, the turn reads and searches in a read transaction
  and then writes in a short one, taken one at a time in the process (so a turn's search never
  waits behind another's write), after checking that no other process wrote the person's state
  meanwhile; if one did, the turn starts again from what it wrote.

Each turn checks the directory's version once (:mod:`assistant.directory.cache`), so the facts
every turn re-reads come from memory until the directory changes.
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
from sqlmodel import Session

from assistant.conversation import store
from assistant.curation.problems_queue import file_report, forget_reports
from assistant.directory import cache
from assistant.directory.db import session_scope
from assistant.engine.dialogue import handle, remember_results
from assistant.engine.replies import Action, Inbound, Reply, SearchRequest
from assistant.engine.state import State
from assistant.matching.events import record_search
from assistant.matching.results import Card, Finder, ResultsPage
from assistant.outreach.models import forget_outreach
from assistant.outreach.turns import Outreach
from assistant.rendering.text import Rendered, render
from assistant.settings import Settings

Clock = Callable[[], dt.datetime]
LOCK_STRIPES = 1024  # two people sharing a stripe wait for each other: keep it rare
WARM_UP = "knitting for me near Biggleswde on Saturday mornings under £5"  # touches every reader
ATTEMPTS = 3  # SQLite: a turn whose person another process answered meanwhile starts again this often
SEARCHES_HELD = 2000  # result pages held in memory per process (a few MB)
_log = logging.getLogger(__name__)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Clash(Exception):
    """SQLite: another process wrote this person's state while the turn was searching."""


@dataclass(slots=True)
class _Found:
    """What a turn's replies asked to look up, read before the turn writes anything."""

    page_size: int
    pages: list[tuple[SearchRequest, ResultsPage]]
    cards: dict[str, Card | None]

    def page(self, search: SearchRequest) -> ResultsPage | None:
        return next((page for asked, page in self.pages if asked is search), None)


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
        self._outreach = Outreach(settings, finder)  # reminders and the follow-up
        # A person's turns one after the other within this process (see the module's docstring).
        self._locks = [Lock() for _ in range(LOCK_STRIPES)]
        self._one_writer = engine.dialect.name != "postgresql"  # SQLite: read, then write apart
        self._writing = Lock()  # SQLite: this process's writes one at a time, never its searches

    def warm(self) -> None:
        """Load what understanding a message needs (the gazetteer, the lexicon: a second or two)
        before the first turns arrive, rather than in the first turn each of them."""
        handle(State(), Inbound(text=WARM_UP), self._clock())

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
                return self._turn(channel, key, inbound, page_size, mode, sender)
        except Clash:
            _log.warning("a %s turn clashed %d times with another process; asked to try again", channel, ATTEMPTS)
            return self._try_again(mode)
        except (DBAPIError, PoolTimeout) as exc:  # down, or every pooled connection busy for too long
            _log.warning("database unavailable during a %s turn: %s", channel, type(exc).__name__)
            return self._try_again(mode)

    def _try_again(self, mode: str | None) -> TurnResult:
        return TurnResult(
            mode or "plain", [render(Reply("try_again"), mode or "plain", today=self._clock().date())], failed=True
        )

    def _turn(
        self, channel: str, key: str, inbound: Inbound, page_size: int, mode: str | None, sender: str
    ) -> TurnResult:
        now = self._clock()
        if not self._one_writer:  # PostgreSQL: one transaction, the person's row locked from the start
            with session_scope(self._engine) as session, cache.turn(session):
                held = store.claim(session, key, now, channel)
                state, replies = self._understand(held, inbound, mode, channel, now)
                found = self._look_up(session, replies, page_size)
                return self._finish(session, held, state, replies, found, channel, key, sender, now)
        for _attempt in range(ATTEMPTS):
            with session_scope(self._engine) as session, cache.turn(session):
                held = store.peek(session, key, now)
                state, replies = self._understand(held, inbound, mode, channel, now)
                found = self._look_up(session, replies, page_size)
            with self._writing, session_scope(self._engine, for_update=True) as session:
                if store.unchanged(session, key, held):
                    return self._finish(session, held, state, replies, found, channel, key, sender, now)
        raise Clash

    def _understand(
        self, held: store.Held, inbound: Inbound, mode: str | None, channel: str, now: dt.datetime
    ) -> tuple[State, list[Reply]]:
        state = State.from_json(held.state or None)
        if mode in ("plain", "easy"):
            state = state.model_copy(update={"mode": mode})
        return handle(state, self._outreach.inbound(channel, inbound), now)

    def _look_up(self, session: Session, replies: list[Reply], page_size: int) -> _Found:
        """The pages and cards the replies ask for: read before anything is written (on SQLite,
        outside the one writer's turn)."""
        found = _Found(page_size, [], {})
        for reply in replies:
            if reply.search is not None:
                found.pages.append((reply.search, self._search(session, reply.search, page_size)))
            elif reply.details is not None:
                found.cards[reply.details] = self._finder.card(reply.details, session=session)
        return found

    def _search(self, session: Session, search: SearchRequest, page_size: int) -> ResultsPage:
        """A page of results, held in memory until the directory changes: "more", "back" and the
        same search asked again (a retried message, the next person asking the same) are not searched
        afresh. Only the profile, never who asked, is the key."""
        pages = cache.memo(session).recent("runtime.pages", SEARCHES_HELD)
        asked = (search.profile.model_dump_json(), search.page, page_size, dt.date.today(), self._clock().date())
        page: ResultsPage | None = pages.get(asked)
        if page is None:
            page = self._finder.search(search.profile, search.page, page_size, session=session)
            pages.put(asked, page)
        return page

    def _finish(
        self,
        session: Session,
        held: store.Held,
        state: State,
        replies: list[Reply],
        found: _Found,
        channel: str,
        key: str,
        sender: str,
        now: dt.datetime,
    ) -> TurnResult:
        """Render the replies and write what the turn changed, in the transaction that writes."""
        replies = self._outreach.act(session, replies, channel, sender, key, state, now)
        rendered: list[Rendered] = []
        for reply in replies:
            if reply.key == "results.refine" and rendered and rendered[-1].key != "results":
                continue  # nothing was found: narrowing it down would not help
            if reply.search is not None:
                page = found.page(reply.search) or self._search(session, reply.search, found.page_size)
                if reply.search.page == 0:  # one anonymous event a search, not one a page
                    record_search(session, profile=reply.search.profile, page=page, channel=channel, today=now.date())
                state = remember_results(state, [c.id for c in page.cards], page.page)
                rendered.append(render(reply, state.mode, today=now.date(), page=page))
            elif reply.details is not None:
                card = (
                    found.cards[reply.details]
                    if reply.details in found.cards
                    else self._finder.card(reply.details, session=session)
                )
                rendered.append(render(reply, state.mode, today=now.date(), card=card))
            else:
                rendered.append(render(reply, state.mode, today=now.date()))
        for reply in replies:
            if reply.action is Action.REPORT_PROBLEM and reply.problem is not None:
                file_report(session, reply.problem[0], reply.problem[1], channel, now, reporter=key)
        if any(r.action is Action.DELETE_DATA for r in replies):
            store.forget(session, key)
            forget_reports(session, key)
            forget_outreach(session, key)
            return TurnResult(state.mode, rendered, deleted=True)
        store.write(session, key, channel, state.to_json(), now, self._keep, held)
        return TurnResult(state.mode, rendered)

    def forget(self, channel: str, sender: str) -> None:
        with session_scope(self._engine) as session:
            store.forget(session, self.key(channel, sender))


def purge_idle(engine: Engine, clock: Clock = utc_now) -> int:
    """Delete every conversation whose state has expired (idle past ``conversation_days``)."""
    with session_scope(engine) as session:
        return store.purge_expired(session, clock())
