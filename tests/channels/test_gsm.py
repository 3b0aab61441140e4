"""GSM-7 safety and segment counting, against the GSM 03.38 limits."""

from __future__ import annotations

import pytest

from assistant.channels.gsm import encoding, gsm_safe, is_gsm, length, segments


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ("It\u2019s \u201cfree\u201d \u2013 really\u2026", 'It\'s "free" - really...'),
        ("Café in Ŵrexham", "Café in Wrexham"),  # é is GSM-7; ŵ is not, w is
        ("ça va", "ca va"),  # lower-case ç is not GSM-7 (only Ç is)
        ("Swimming 🏊‍♀️ on Saturdays 👍🏽", "Swimming on Saturdays"),
        ("Price: £5 • weekly", "Price: £5 - weekly"),
        ("10\u00a0am\tto 2pm", "10 am to 2pm"),
        ("Hello 😀.", "Hello."),
    ],
)
def test_typography_and_emoji_are_replaced(given: str, sent: str) -> None:
    assert gsm_safe(given) == sent
    assert is_gsm(gsm_safe(given))


def test_letters_of_other_scripts_are_kept_and_cost_ucs2() -> None:
    urdu = "ڈے سینٹر"
    assert gsm_safe(urdu) == urdu
    assert encoding(urdu) == "UCS-2"


@pytest.mark.parametrize(("size", "expected"), [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)])
def test_gsm7_segments(size: int, expected: int) -> None:
    assert segments("a" * size) == expected


@pytest.mark.parametrize(("size", "expected"), [(70, 1), (71, 2), (134, 2), (135, 3)])
def test_ucs2_segments(size: int, expected: int) -> None:
    assert segments("ڈ" * size) == expected


def test_extension_characters_count_twice_and_are_never_split() -> None:
    assert length("€[]") == 6
    assert segments("€" * 80) == 1  # 160 septets
    assert segments("a" + "€" * 80) == 2
    assert segments("a" * 152 + "€" + "a" * 153) == 3  # the escape pair moves to the next part


def test_a_surrogate_pair_is_two_units_in_ucs2() -> None:
    assert length("ڈ𝒜") == 3
