"""Scripted conversations (data files in ``scripts/``) run through the whole runtime:
store, engine, interim finder over the curated sample directory, and rendering.

Each script is TOML: a name, an optional ``[settings]`` and a list of ``[[turns]]``, each with
``say`` and any of: ``keys`` (the exact reply keys, in order), ``has_keys`` (keys that must be
among them), ``contains``/``absent`` (text that must / must not appear in the replies, any
case), ``results_at_least`` and ``result_names`` (substrings of result names).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from assistant.conversation.runtime import Conversations
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.engine.replies import Inbound
from assistant.matching.matcher import Matcher
from assistant.settings import PROJECT_DIR, Settings

SCRIPTS = sorted((Path(__file__).parent / "scripts").glob("*.toml"))
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('scripts') / 'dir.sqlite3'}")
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    yield engine
    engine.dispose()


def test_there_are_at_least_forty_scripts() -> None:
    assert len(SCRIPTS) >= 40


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_script(path: Path, directory: Engine) -> None:
    script: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    conversations = Conversations(directory, Matcher(directory), Settings(), clock=lambda: NOW)
    sender = path.stem
    for number, turn in enumerate(script["turns"], 1):
        where = f"{path.name} turn {number} ({turn['say']!r})"
        result = conversations.turn("test", sender, Inbound(turn["say"]), page_size=script.get("page_size", 5))
        keys = [r.key for r in result.replies]
        said = "\n".join(r.text for r in result.replies)
        if "keys" in turn:
            assert keys == turn["keys"], f"{where}: keys {keys}\n{said}"
        for key in turn.get("has_keys", []):
            assert key in keys, f"{where}: {key} not in {keys}\n{said}"
        for text in turn.get("contains", []):
            assert text.lower() in said.lower(), f"{where}: {text!r} not in\n{said}"
        for text in turn.get("absent", []):
            assert text.lower() not in said.lower(), f"{where}: {text!r} should not be in\n{said}"
        cards = [c for r in result.replies for c in r.cards]
        if "results_at_least" in turn:
            assert len(cards) >= turn["results_at_least"], f"{where}: {len(cards)} results\n{said}"
        for name in turn.get("result_names", []):
            assert any(name.lower() in c.name.lower() for c in cards), f"{where}: no result named {name!r}\n{said}"
    conversations.forget("test", sender)
