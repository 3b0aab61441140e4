"""What the voice line says is fit to be heard, and what it hears is read carefully."""

from __future__ import annotations

import pytest

from assistant.channels.voice import read_form, step_of
from assistant.channels.voice_flow import caller_number
from assistant.channels.voice_speech import MAX_SPEECH, said, spoken


@pytest.mark.parametrize(
    ("written", "heard"),
    [
        ("Phone 07700 900404.", "Phone 0 7 7 0 0, 9 0 0 4 0 4."),
        ("Call 01632960901", "Call 0 1 6 3 2, 9 6 0 9 0 1"),
        ("Call 999. Call Samaritans free on 116 123.", "Call 9 9 9. Call Samaritans free on 1 1 6, 1 2 3."),
        ("£3.60 each time, transport £7 a day", "3 pounds 60 each time, transport 7 pounds a day"),
        ("£1 or £0.50", "1 pound or 50 pence"),
        ("Saturday 8:30am to 9:30am. 1.6 miles away.", "Saturday 8:30am to 9:30am. 1.6 miles away."),
        ("Last checked March 2025.", "Last checked March 2025."),
        ("He is 84, near B91 1AA on 19 December.", "He is 84, near B91 1AA on 19 December."),
        ("Contact: 01632 960901, club@example.org, https://example.org/club.", "Contact: 0 1 6 3 2, 9 6 0 9 0 1"),
        ("Tea & cake (bring £2) - all welcome", "Tea and cake, bring 2 pounds, all welcome"),
        ("Here are some things you might like:", "Here are some things you might like."),
        ("100% fun", "100 percent fun"),
    ],
)
def test_text_is_made_fit_to_be_spoken(written: str, heard: str) -> None:
    assert spoken(written) == heard


def test_a_transcript_is_tidied_for_the_lines_own_words() -> None:
    assert said("Yes, please.") == "yes please"
    assert said("  Say that AGAIN! ") == "say that again"
    assert len(said("la " * 1000)) <= MAX_SPEECH


@pytest.mark.parametrize("withheld", ["+266696687", "+7378742833", "anonymous", "", "Restricted", "+44 7700"])
def test_a_withheld_or_odd_number_is_no_number(withheld: str) -> None:
    assert caller_number(withheld) == ""


def test_a_number_is_a_number() -> None:
    assert caller_number("+447700900123") == "+447700900123"


def test_every_field_read_is_capped_and_confidence_must_be_a_number() -> None:
    heard = read_form(
        {"CallSid": "CA" + "1" * 200, "From": "+447700900123", "SpeechResult": "x" * 5000, "Digits": "12345"}, 3
    )
    assert len(heard.call_sid) <= 64 and len(heard.speech) == MAX_SPEECH and heard.digits == "1"
    assert heard.confidence is None and not heard.silent
    assert read_form({"SpeechResult": "yes", "Confidence": "nan"}, 1).silent
    assert read_form({"SpeechResult": "yes", "Confidence": "rubbish"}, 1).silent
    assert read_form({"SpeechResult": "yes", "Confidence": "0.01"}, 1).silent
    assert not read_form({"SpeechResult": "yes", "Confidence": "0.87"}, 1).silent
    assert not read_form({"SpeechResult": "yes", "Confidence": "0"}, 1).silent  # a model that gives none
    assert read_form({"SpeechResult": "   "}, 1).silent
    assert not read_form({"Digits": "0"}, 1).silent


@pytest.mark.parametrize(("query", "step"), [({}, 0), ({"step": "4"}, 4), ({"step": "-1"}, 0), ({"step": "9" * 40}, 0)])
def test_the_step_marker_is_read_safely(query: dict[str, str], step: int) -> None:
    assert step_of(query) == step
