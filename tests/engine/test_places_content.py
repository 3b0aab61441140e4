"""Help texts and examples name only places Dayfinder covers: an example that says "near Luton"
invites a search that can only end in "I don't have listings for Luton"."""

from __future__ import annotations

import re

import pytest

from assistant.content import keys, text
from assistant.directory.gazetteer import load_gazetteer
from assistant.directory.places import normalise_name
from tests.content.test_easy_read import PUBLIC_FILES

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:le[ -])?[A-Z][a-z]+)*")


def named_places() -> list[tuple[str, str]]:
    """Every capitalised name in the public sentences that the gazetteer knows, with where it is."""
    gazetteer = load_gazetteer()
    found = []
    for file in PUBLIC_FILES:
        for key in keys(file):
            for mode in ("plain", "easy"):
                for name in _CAPITALISED.findall(text(file, key, mode)):
                    info = gazetteer.name_info(normalise_name(name))
                    if info is not None and (info.served or info.notable):
                        found.append((f"{file}:{key}:{mode}", name))
    return found


def test_the_examples_name_some_places() -> None:
    assert any(name == "Dunstable" for _, name in named_places())


@pytest.mark.parametrize(("where", "name"), named_places())
def test_every_place_named_in_help_and_examples_is_served(where: str, name: str) -> None:
    info = load_gazetteer().name_info(normalise_name(name))
    assert info is not None and info.served, where
