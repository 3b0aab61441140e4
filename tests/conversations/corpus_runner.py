"""Run the conversation corpus (``corpus/*.toml``) as people use Dayfinder: text in, replies out.

Each conversation is a list of messages a person types and what they need. The runner sends the
messages one by one through :class:`Conversations` (store, engine, matcher, rendering) over a
freshly loaded sample directory, collects the result cards it shows, and checks the person's
needs against the listings behind those cards, looked up read-only in the same database.

Expectations (``[conversation.expect]``), all optional:

* ``area``: local authority every shown result is in, unless the result is online;
* ``interests``: activity codes; at least one of the top 3 results has one of them;
* ``needs``: need codes; at least one of the top 3 results serves all of them;
* ``access``: access or support codes the best in-person results have;
* ``age``: the person's age, which every shown result accepts (its minimum and maximum age);
* ``max_price`` / ``free``: every shown result costs at most this (its own price) / nothing;
* ``when``: slots such as ``"SA"``, ``"weekend"``, ``"weekday morning"``, ``"evening"``; the best
  results have a session matching one of them (so ``["weekend", "evening"]`` is "weekends or evenings");
* ``not_days``: day codes the person cannot do; the best results meet on some other day;
* ``online``: every shown result is online (true);
* ``by_turn``: the first results appear at or before this turn (1-based);
* ``no_results``: no result cards at any turn (a place Dayfinder does not cover);
* ``reply_contains`` / ``reply_absent``: text some reply must / no reply may carry (any case);
* ``mode``: the wording mode after the last turn (``"easy"`` after "easy read").

Result checks apply to the last cards shown in the conversation. Area, budget and online are hard
rules for every card; days, times and access hold for the first three cards, or for as many as the
directory has listings meeting them (the rest may be widened, as the matcher's ladder does).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.conversation.runtime import Conversations
from assistant.directory.db import make_engine
from assistant.directory.models import Service, ServiceTerm
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.engine.replies import Inbound
from assistant.matching.cards import load_cards
from assistant.matching.matcher import Matcher
from assistant.matching.results import Card
from assistant.settings import PROJECT_DIR, Settings

CORPUS = Path(__file__).parent / "corpus"
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
AREAS = ("Central Bedfordshire", "Waltham Forest", "Dorset", "Solihull", "Sefton")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
DAY_WORDS = {"weekday": WEEKDAYS, "weekend": ("SA", "SU"), **{d: (d,) for d in (*WEEKDAYS, "SA", "SU")}}
PARTS = ("morning", "afternoon", "evening")
EXPECT_KEYS = {
    "area", "interests", "needs", "access", "age", "max_price", "free", "when", "not_days", "online",
    "by_turn", "no_results", "reply_contains", "reply_absent", "mode",
}  # fmt: skip
SCRIPT_KEYS = {"id", "persona", "style", "area", "page_size", "turns", "expect", "note"}
TOP = 3


@dataclass(frozen=True, slots=True)
class Expect:
    area: str | None = None
    interests: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    access: tuple[str, ...] = ()
    age: int | None = None
    max_price: float | None = None
    free: bool = False
    when: tuple[str, ...] = ()
    not_days: tuple[str, ...] = ()
    online: bool = False
    by_turn: int | None = None
    no_results: bool = False
    reply_contains: tuple[str, ...] = ()
    reply_absent: tuple[str, ...] = ()
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Script:
    """One scripted conversation: who is writing, where, the messages and what they need."""

    file: str
    id: str
    persona: str
    style: str
    area: str
    turns: tuple[str, ...]
    expect: Expect
    page_size: int = 5


@dataclass(frozen=True, slots=True)
class Sitting:
    """One regular session of a listing: its days and opening times."""

    days: frozenset[str]
    opens: dt.time | None
    closes: dt.time | None


@dataclass(frozen=True, slots=True)
class Listing:
    """What the checks need to know about one listing."""

    id: str
    name: str
    area: str | None
    online: bool
    activities: frozenset[str]
    needs: frozenset[str]
    access: frozenset[str]
    price: float | None
    sessions: tuple[Sitting, ...]
    min_age: int | None = None
    max_age: int | None = None


@dataclass(slots=True)
class Outcome:
    script: Script
    failures: list[tuple[int, str, str]] = field(default_factory=list)  # (turn, class, why)
    transcript: list[tuple[int, str, str]] = field(default_factory=list)  # (turn, reply key, text)

    @property
    def passed(self) -> bool:
        return not self.failures


def load_corpus(folder: Path = CORPUS) -> list[Script]:
    """Every conversation in ``folder``; unknown keys are errors, so a typo cannot hide a check."""
    scripts: list[Script] = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for raw in data.get("conversation", []):
            scripts.append(_script(path.name, raw))
    ids = [s.id for s in scripts]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate conversation ids: {sorted(duplicates)}")
    return scripts


def _script(file: str, raw: dict[str, Any]) -> Script:
    where = f"{file}: {raw.get('id', '?')}"
    if unknown := set(raw) - SCRIPT_KEYS:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    expect: dict[str, Any] = dict(raw.get("expect", {}))
    if unknown := set(expect) - EXPECT_KEYS:
        raise ValueError(f"{where}: unknown expect keys {sorted(unknown)}")
    for key in ("interests", "needs", "access", "when", "not_days", "reply_contains", "reply_absent"):
        expect[key] = tuple(expect.get(key, ()))
    for slot in expect["when"]:
        _slot(slot)
    if expect.get("area") is not None and expect["area"] not in AREAS:
        raise ValueError(f"{where}: unknown area {expect['area']!r}")
    if raw.get("area") not in (*AREAS, "none"):
        raise ValueError(f"{where}: conversation area must be one of {AREAS} or 'none'")
    turns = tuple(raw["turns"])
    if not turns or not all(isinstance(t, str) for t in turns):
        raise ValueError(f"{where}: turns must be a list of messages")
    return Script(
        file=file,
        id=raw["id"],
        persona=raw["persona"],
        style=raw["style"],
        area=raw["area"],
        turns=turns,
        expect=Expect(**expect),
        page_size=raw.get("page_size", 5),
    )


def _slot(slot: str) -> tuple[tuple[str, ...], str | None]:
    """``"weekday morning"`` -> (weekday codes, "morning"); either half may be missing."""
    days: tuple[str, ...] = ()
    part = None
    for word in slot.split():
        if word in DAY_WORDS:
            days = DAY_WORDS[word]
        elif word in PARTS:
            part = word
        else:
            raise ValueError(f"unknown slot word {word!r} in {slot!r}")
    return days, part


def open_directory(folder: Path) -> Engine:
    """A fresh SQLite database in ``folder`` holding the sample directory."""
    engine = make_engine(f"sqlite:///{folder / 'corpus.sqlite3'}")
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    return engine


def load_listings(engine: Engine) -> dict[str, Listing]:
    """Every active listing's area, terms, price and sessions, read from the directory."""
    with Session(engine) as session:
        services = {s.id: s for s in session.exec(select(Service).where(col(Service.status) == "active"))}
        terms: dict[str, set[str]] = {sid: set() for sid in services}
        for link in session.exec(select(ServiceTerm)):
            if link.service_id in terms:
                terms[link.service_id].add(link.term_id)
        cards = load_cards(session, list(services))
    return {sid: _listing(services[sid], card, terms[sid]) for sid, card in cards.items()}


def _listing(service: Service, card: Card, terms: set[str]) -> Listing:
    return Listing(
        id=service.id,
        name=service.name,
        area=service.area,
        online=service.attendance in ("online", "both"),
        activities=frozenset(t for t in terms if t.startswith("activity-")),
        needs=frozenset(t for t in terms if t.startswith("need-")),
        access=frozenset(card.access),
        price=card.cost_amount,
        sessions=tuple(Sitting(frozenset(m.days), m.opens, m.closes) for m in card.sessions),
        min_age=service.minimum_age,
        max_age=service.maximum_age,
    )


def _in_part(session: Sitting, part: str | None) -> bool:
    if part is None:
        return True
    opens, closes = session.opens, session.closes
    if opens is None:
        return False
    end = closes or opens
    if part == "morning":
        return opens < dt.time(12)
    if part == "afternoon":
        return opens < dt.time(17) and end > dt.time(12)
    return end > dt.time(17, 30) or opens >= dt.time(17)


def meets_when(listing: Listing, slots: Sequence[str]) -> bool:
    for session in listing.sessions:
        for slot in slots:
            days, part = _slot(slot)
            if (not days or session.days & set(days)) and _in_part(session, part):
                return True
    return False


def avoids_days(listing: Listing, days: Sequence[str]) -> bool:
    return any(session.days - set(days) for session in listing.sessions)


def _item_problems(expect: Expect, item: Listing) -> list[tuple[str, str]]:
    """Hard rules every shown result keeps: the area (unless online), the budget, online, age."""
    problems: list[tuple[str, str]] = []
    if expect.area and not item.online and item.area != expect.area:
        problems.append(("wrong-area", f"{item.name!r} is in {item.area}, not {expect.area}"))
    if expect.online and not item.online:
        problems.append(("not-online", f"{item.name!r} is not online"))
    limit = 0.0 if expect.free else expect.max_price
    if limit is not None and (item.price is None or item.price > limit):
        problems.append(("price", f"{item.name!r} costs £{item.price}, over £{limit:g}"))
    if expect.age is not None and not (item.min_age or 0) <= expect.age <= (item.max_age or 200):
        problems.append(("age", f"{item.name!r} is for ages {item.min_age}-{item.max_age}, not {expect.age}"))
    return problems


def _fit_problems(expect: Expect, item: Listing) -> list[tuple[str, str]]:
    """Wishes the best results keep: days and times, access; later ones may be widened."""
    problems: list[tuple[str, str]] = []
    if expect.access and not item.online and not set(expect.access) <= item.access:
        problems.append(("access", f"{item.name!r} lacks {sorted(set(expect.access) - item.access)}"))
    if expect.when and not meets_when(item, expect.when):
        problems.append(("when", f"{item.name!r} does not meet {list(expect.when)}"))
    if expect.not_days and not avoids_days(item, expect.not_days):
        problems.append(("when", f"{item.name!r} meets only on {list(expect.not_days)}"))
    return problems


def shown_problems(expect: Expect, shown: Sequence[Listing], fitting: int = TOP) -> list[tuple[str, str]]:
    """What is wrong with the results shown, as (class, why) pairs; empty when they meet the need.

    Every result keeps the hard rules; the first ``min(3, fitting)`` keep the days, times and
    access too, where ``fitting`` is how many listings in the directory could; at least one of
    the top 3 has one of the interests, and one serves all the needs."""
    problems = [p for item in shown for p in _item_problems(expect, item)]
    problems += [p for item in shown[: min(TOP, fitting)] for p in _fit_problems(expect, item)]
    top = shown[:TOP]
    if expect.interests and not any(item.activities & set(expect.interests) for item in top):
        problems.append(("interests", f"none of the top {TOP} is {list(expect.interests)}"))
    if expect.needs and not any(set(expect.needs) <= item.needs for item in top):
        problems.append(("needs", f"none of the top {TOP} serves {list(expect.needs)}"))
    return problems


def fitting(expect: Expect, listings: Iterable[Listing]) -> int:
    """How many listings keep both the hard rules and the days, times and access."""
    return sum(not _item_problems(expect, i) and not _fit_problems(expect, i) for i in listings)


def satisfiable(expect: Expect, listings: Iterable[Listing]) -> bool:
    """Whether one listing alone meets every result expectation, so a correct assistant can pass."""
    if expect.no_results:
        return not (expect.interests or expect.needs or expect.area)
    return any(not shown_problems(expect, [item]) for item in listings)


def run_script(script: Script, conversations: Conversations, listings: dict[str, Listing]) -> Outcome:
    """Send the script's messages and check what came back."""
    outcome = Outcome(script)
    expect = script.expect
    sender = f"corpus-{script.id}"
    conversations.forget("corpus", sender)
    first_results: int | None = None
    last_cards: list[str] = []
    last_turn = 0
    mode = "plain"
    said: list[tuple[int, str]] = []
    keys: list[str] = []
    try:
        for number, message in enumerate(script.turns, 1):
            result = conversations.turn("corpus", sender, Inbound(message), page_size=script.page_size)
            mode = result.mode
            said.extend((number, r.text) for r in result.replies)
            outcome.transcript.extend((number, r.key, r.text) for r in result.replies)
            keys = [r.key for r in result.replies]
            cards = [c.id for r in result.replies for c in r.cards]
            if cards:
                first_results = first_results or number
                last_cards, last_turn = cards, number
    except Exception as error:  # a crash is a failure of this conversation, not of the run
        outcome.failures.append((len(said), "error", f"{type(error).__name__}: {error}"))
        return outcome
    finally:
        conversations.forget("corpus", sender)
    end = len(script.turns)
    for text in expect.reply_contains:
        if not any(text.lower() in s.lower() for _, s in said):
            outcome.failures.append((end, "reply-text", f"no reply says {text!r}"))
    for text in expect.reply_absent:
        if hit := next((n for n, s in said if text.lower() in s.lower()), None):
            outcome.failures.append((hit, "reply-text", f"reply says {text!r}"))
    if expect.mode and mode != expect.mode:
        outcome.failures.append((end, "mode", f"mode is {mode}, not {expect.mode}"))
    if expect.no_results:
        if first_results:
            outcome.failures.append((first_results, "unwanted-results", "showed results for a place not covered"))
        return outcome
    if first_results is None:
        outcome.failures.append((end, "no-results", f"no results in the whole conversation; it ended on {'+'.join(keys)}"))
        return outcome
    if expect.by_turn and first_results > expect.by_turn:
        outcome.failures.append((expect.by_turn, "late", f"first results at turn {first_results}, not by turn {expect.by_turn}"))
    shown = [listings[i] for i in last_cards if i in listings]
    fits = fitting(expect, listings.values())
    outcome.failures.extend((last_turn, kind, why) for kind, why in shown_problems(expect, shown, fits))
    return outcome


def run_corpus(engine: Engine, scripts: Sequence[Script]) -> list[Outcome]:
    conversations = Conversations(engine, Matcher(engine), Settings(), clock=lambda: NOW)
    listings = load_listings(engine)
    return [run_script(script, conversations, listings) for script in scripts]
