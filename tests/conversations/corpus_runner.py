"""Run the conversation corpus (``corpus/*.toml``) as people use Dayfinder: text in, replies out.

Each conversation is a list of messages a person types and what they need. The runner sends the
messages one by one through :class:`Conversations` (store, engine, matcher, rendering) over a
freshly loaded sample directory, collects the result cards it shows, and checks the person's
needs against the listings behind those cards, looked up read-only in the same database.

Each ``corpus/*.toml`` file holds ``[[conversation]]`` tables: ``id``, ``persona`` (who is writing:
carer-dementia, family-carer, carer-break, learning-disability, autism, mental-health,
older-person, physical-sensory, staff), ``style`` (step-by-step, all-at-once, change-of-mind,
edge), ``area`` (the council area it is set in, or "none"), ``turns`` (the messages), optional
``note`` and ``page_size`` (3 as by SMS, 5 by default), and ``expect``.

Expectations (``expect``), all optional:

* ``area``: local authority every shown result is in, unless the result is online;
* ``interests``: activity codes; at least one of the top 3 results has one of them;
* ``needs``: need codes; at least one of the top 3 results serves all of them;
* ``access``: access or support codes the best in-person results have;
* ``age``: the person's age, which every shown result accepts (its minimum and maximum age);
* ``max_price`` / ``free``: every shown result costs at most this (its own price) / nothing;
* ``when``: slots such as ``"SA"``, ``"weekend"``, ``"weekday morning"``, ``"evening"``; the best
  results have a session matching one of them (so ``["weekend", "evening"]`` is "weekends or evenings");
* ``not_days``: day codes the person cannot do; the best results meet on some other day;
* ``online``: the best results are online (true);
* ``by_turn``: the first results appear at or before this turn (1-based);
* ``no_results``: no result cards at any turn (a place Dayfinder does not cover);
* ``reply_contains`` / ``reply_absent``: text some reply must / no reply may carry (any case);
* ``mode``: the wording mode after the last turn (``"easy"`` after "easy read").

Result checks apply to the last cards shown in the conversation. Area, budget and age are hard
rules for every card; online, days, times and access hold for the first three cards, or for as
many as the directory has listings meeting them and the interests (the rest may be widened, as
the matcher's ladder does, saying what they do not meet).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from assistant.conversation.runtime import Conversations
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.engine.replies import Inbound
from assistant.matching.matcher import Matcher
from assistant.settings import PROJECT_DIR, Settings
from tests.conversations.corpus_checks import (
    AREAS,
    Expect,
    Listing,
    fitting,
    load_listings,
    parse_slot,
    satisfiable,
    shown_problems,
)

__all__ = ["AREAS", "Outcome", "Script", "load_corpus", "load_listings", "open_directory", "run_corpus", "satisfiable"]

CORPUS = Path(__file__).parent / "corpus"
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
EXPECT_KEYS = set(Expect.__dataclass_fields__)
SCRIPT_KEYS = {"id", "persona", "style", "area", "page_size", "turns", "expect", "note"}


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


@dataclass(slots=True)
class Transcript:
    """What Dayfinder said: every reply by turn, when results first and last appeared."""

    replies: list[tuple[int, str, str]] = field(default_factory=list)  # (turn, reply key, text)
    first_results: int | None = None
    last_cards: list[str] = field(default_factory=list)
    last_results: int = 0
    mode: str = "plain"

    def last_keys(self) -> str:
        last = self.replies[-1][0] if self.replies else 0
        return "+".join(key for turn, key, _ in self.replies if turn == last)


@dataclass(slots=True)
class Outcome:
    script: Script
    transcript: Transcript
    failures: list[tuple[int, str, str]] = field(default_factory=list)  # (turn, class, why)

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
    for slot in (*expect["when"], *expect["not_days"]):
        parse_slot(slot)
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


def open_directory(folder: Path) -> Engine:
    """A fresh SQLite database in ``folder`` holding the sample directory."""
    engine = make_engine(f"sqlite:///{folder / 'corpus.sqlite3'}")
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    return engine


def converse(script: Script, conversations: Conversations) -> tuple[Transcript, str | None]:
    """Send the script's messages one by one; a crash ends the conversation and is returned."""
    seen = Transcript()
    sender = f"corpus-{script.id}"
    conversations.forget("corpus", sender)
    number = 0
    try:
        for number, message in enumerate(script.turns, 1):
            result = conversations.turn("corpus", sender, Inbound(message), page_size=script.page_size)
            seen.mode = result.mode
            seen.replies.extend((number, r.key, r.text) for r in result.replies)
            cards = [c.id for r in result.replies for c in r.cards]
            if cards:
                seen.first_results = seen.first_results or number
                seen.last_cards, seen.last_results = cards, number
    except Exception as error:  # a crash fails this conversation, not the whole run
        return seen, f"turn {number}: {type(error).__name__}: {error}"
    finally:
        conversations.forget("corpus", sender)
    return seen, None


def judge(script: Script, seen: Transcript, listings: dict[str, Listing]) -> list[tuple[int, str, str]]:
    """Every way what Dayfinder said falls short of what the person needed: (turn, class, why)."""
    expect, end = script.expect, len(script.turns)
    failures: list[tuple[int, str, str]] = []
    for text in expect.reply_contains:
        if not any(text.lower() in said.lower() for _, _, said in seen.replies):
            failures.append((end, "reply-text", f"no reply says {text!r}"))
    for text in expect.reply_absent:
        if hit := next((turn for turn, _, said in seen.replies if text.lower() in said.lower()), None):
            failures.append((hit, "reply-text", f"reply says {text!r}"))
    if expect.mode and seen.mode != expect.mode:
        failures.append((end, "mode", f"mode is {seen.mode}, not {expect.mode}"))
    first = seen.first_results
    if expect.no_results:
        if first:
            failures.append((first, "unwanted-results", "showed results for a place it does not cover"))
        return failures
    if first is None:
        return [*failures, (end, "no-results", f"no results at all; it ended on {seen.last_keys()}")]
    if expect.by_turn and first > expect.by_turn:
        failures.append((expect.by_turn, "late", f"first results at turn {first}, not by {expect.by_turn}"))
    shown = [listings[i] for i in seen.last_cards if i in listings]
    fits = fitting(expect, listings.values())
    failures.extend((seen.last_results, kind, why) for kind, why in shown_problems(expect, shown, fits))
    return failures


def run_corpus(engine: Engine, scripts: Sequence[Script]) -> list[Outcome]:
    """Run every script over ``engine``'s directory and judge each conversation."""
    conversations = Conversations(engine, Matcher(engine), Settings(), clock=lambda: NOW)
    listings = load_listings(engine)
    outcomes = []
    for script in scripts:
        seen, crash = converse(script, conversations)
        failures = [(len(script.turns), "error", crash)] if crash else judge(script, seen, listings)
        outcomes.append(Outcome(script, seen, failures))
    return outcomes
