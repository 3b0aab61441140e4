"""Results open with one header line: the intro, one widening's own sentence, or several
widenings said together, never a stack of "nothing matched" lines."""

from __future__ import annotations

import pytest

from assistant.content import keys
from assistant.engine.replies import Reply
from assistant.matching.results import ResultsPage, Widening
from assistant.rendering.text import render
from assistant.rendering.widened import clause, header
from tests.rendering.cards import TODAY, card

RADIUS = Widening("radius", (("was", "3"), ("now", "8")))
RELATED = Widening("related")
MODES = ("plain", "easy")


def results(*widened: Widening, mode: str = "plain") -> list[str]:
    page = ResultsPage([card(id="a"), card(id="b", name="Chair Yoga")], total=2, page=0, page_size=3)
    page.widened.extend(widened)
    return render(Reply("results"), mode, today=TODAY, page=page).text.split("\n")


@pytest.mark.parametrize("mode", MODES)
def test_several_widenings_are_one_header_sentence(mode: str) -> None:
    lines = results(RADIUS, RELATED, mode=mode)
    assert lines[1].startswith("1. ") and lines[2].startswith("2. ")  # one line, then the cards
    assert lines[0].count(":") == 1 and lines[0].endswith(":")
    assert "8 miles" in lines[0]
    assert "nothing" not in lines[0].lower()


def test_several_widenings_read_as_a_sentence() -> None:
    assert results(RADIUS, RELATED)[0] == (
        "To find enough, I have included places up to 8 miles away and similar activities:"
    )


def test_one_widening_keeps_its_own_sentence() -> None:
    assert results(RADIUS)[0] == "Nothing matched within 3 miles. These are within 8 miles:"


def test_nothing_widened_gives_the_intro() -> None:
    assert results()[0] == "Here are some activities that may suit:"


def test_the_same_widening_twice_is_said_once() -> None:
    said = header([RADIUS, Widening("radius_on.SA", (("was", "3"), ("now", "8"))), RELATED], "plain")
    assert said.count("8 miles") == 1


@pytest.mark.parametrize("key", keys("matching"))
@pytest.mark.parametrize("mode", MODES)
def test_every_widening_has_a_short_form_for_the_header(key: str, mode: str) -> None:
    """A widening the ladder can say on its own must also fit in the one-sentence header."""
    widening = Widening(key, (("was", "3"), ("now", "8")))
    said = clause(widening, mode)
    assert said and "{" not in said and ":" not in said
