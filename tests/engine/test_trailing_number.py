"""``trailing_number``: "report 2" read in one pass, exactly as the pattern it replaced read it.

The pattern ``^(?P<words>.*?)\\s*(?:number|no\\.?|result|#)?\\s*(?P<number>\\d{1,2})\\W*$`` (case
folded) backtracked cubically: "report", 1,000 spaces and "x" took seconds, 2,000 spaces over
half a minute. It stays here as the oracle, run only on short strings.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.engine.text import trailing_number

ORACLE = re.compile(r"^(?P<words>.*?)\s*(?:number|no\.?|result|#)?\s*(?P<number>\d{1,2})\W*$", re.IGNORECASE)
PIECES = [
    "report", "Report ", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "number", "NUMBER", "No.", "no", "result",
    "re\u017fult", "#", ".", "!", "?", "_", "1", "2", "45", "\u0661", "\u00b2", "x", "\u00e9", "o", "nuMber",
]  # fmt: skip


def oracle(text: str) -> tuple[str, int] | None:
    found = ORACLE.match(text)
    return (found.group("words"), int(found.group("number"))) if found else None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_reads_every_message_as_the_old_pattern_did(text: str) -> None:
    assert trailing_number(text) == oracle(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=12))
def test_reads_any_short_text_as_the_old_pattern_did(text: str) -> None:
    assert trailing_number(text) == oracle(text)


def test_a_long_run_of_spaces_is_read_without_backtracking() -> None:
    assert trailing_number("report" + " " * 50_000 + "x") is None
    assert trailing_number("report" + " " * 50_000 + "number 2!") == ("report", 2)
