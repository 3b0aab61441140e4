"""``assistant.boundary``: the text every channel hands the conversation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.boundary import MAX_CHANNEL_TEXT, inbound_text, storable, unsafe


def test_runs_of_spaces_tabs_and_invisible_controls_become_one_space() -> None:
    assert inbound_text("  knitting \t\t\x00\x07  for   me \x85 ") == "knitting for me"


def test_lines_are_kept_and_blank_ones_dropped() -> None:
    assert inbound_text("report 2\r\n\r\n\n  the times   are wrong \n") == "report 2\nthe times are wrong"


def test_a_long_message_is_cut_after_it_is_tidied() -> None:
    padded = "swimming" + " " * 2000 + "near Luton" + " x" * 4000
    said = inbound_text(padded)
    assert said.startswith("swimming near Luton x x") and len(said) == MAX_CHANNEL_TEXT


@given(st.text(max_size=3000))
def test_nothing_unsafe_or_over_long_is_ever_passed_on(raw: str) -> None:
    said = inbound_text(raw)
    assert not unsafe(said) and len(said) <= MAX_CHANNEL_TEXT and said == said.strip()
    assert "  " not in said and "\n\n" not in said
    said.encode("utf-8")  # storable in any database


def test_an_id_keeps_everything_but_nuls_and_surrogates() -> None:
    assert storable("SM\x00ab\ud800c") == "SMabc" and not unsafe(storable("\udfff\x00"))
