"""What every turn re-reads from the directory, held in memory per process for one directory version.

A search reads each candidate's facts (its service row, terms, sessions, prices, venues' access)
and a "tell me more" reads a card: the same few hundred listings, turn after turn. They change
only when the directory does, and every change to the listings bumps one number
(:mod:`assistant.directory.version`). So each process keeps, per database, a :class:`Memo` of
such facts for the version it last saw. A turn checks the version once (:func:`turn`): if it
moved, a new, empty memo replaces the old one (turns still running keep theirs, so a turn never
mixes two versions); reads outside a turn (the CLI, staff pages) check it themselves
(:func:`memo`). Another process's import or curator's edit is thus seen by the next turn here.

Only facts about listings are held, never anything about a person.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from threading import Lock
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlmodel import Session

from assistant.directory import version


class Memo:
    """Named tables of facts, valid for one directory version of one database."""

    def __init__(self, directory_version: int) -> None:
        self.version = directory_version
        self._tables: dict[str, dict[Any, Any]] = {}

    def table(self, name: str) -> dict[Any, Any]:
        """The table ``name`` (created empty on first use). Callers store immutable values only."""
        return self._tables.setdefault(name, {})

    def recent(self, name: str, size: int) -> Recent:
        """The table ``name`` holding only the ``size`` most recently used entries."""
        table = self._tables.setdefault(name, {})
        found = table.get(Recent)
        if found is None:
            found = table[Recent] = Recent(size)
        return found


class Recent:
    """A bounded table of the most recently used entries, for keys that never stop coming (such as
    every search profile people ask for)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[Any, Any] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Any) -> Any | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            if len(self._entries) > self._size:
                self._entries.popitem(last=False)


class _Held:
    """The memo one process holds for one database."""

    def __init__(self) -> None:
        self.memo = Memo(-1)
        self.lock = Lock()

    def refresh(self, session: Session) -> Memo:
        """The memo for the version the database holds now (one single-row read)."""
        now = version.current(session)
        with self.lock:
            if self.memo.version != now:
                self.memo = Memo(now)
            return self.memo


_held: WeakKeyDictionary[Engine, _Held] = WeakKeyDictionary()
_held_lock = Lock()
_this_turn: ContextVar[tuple[Engine, Memo] | None] = ContextVar("directory_memo", default=None)


def _engine(session: Session) -> Engine:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def _of(engine: Engine) -> _Held:
    with _held_lock:
        held = _held.get(engine)
        if held is None:
            held = _held[engine] = _Held()
        return held


@contextmanager
def turn(session: Session) -> Iterator[Memo]:
    """Check the directory version once for a turn; :func:`memo` inside it reuses what was checked."""
    engine = _engine(session)
    checked = _of(engine).refresh(session)
    token = _this_turn.set((engine, checked))
    try:
        yield checked
    finally:
        _this_turn.reset(token)


def memo(session: Session) -> Memo:
    """The memo for ``session``'s database: the one this turn checked, else checked now."""
    engine = _engine(session)
    checked = _this_turn.get()
    if checked is not None and checked[0] is engine:
        return checked[1]
    return _of(engine).refresh(session)
