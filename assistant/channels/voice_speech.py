"""Make text fit to be spoken on the phone, and read what a caller said.

A text-to-speech voice reads whatever it is given: a web address comes out letter by letter,
"£3.60" as "pound sign three point six zero", a phone number as "seven billion...". Every
sentence the voice line says passes through :func:`spoken` first, which drops addresses and
symbols, says money in words and spaces phone numbers digit by digit so that a caller can write
them down. What a caller says arrives as Twilio's transcript; :func:`said` tidies it for
comparing with the few words the line itself listens for (yes, no, say that again, text me).
"""

from __future__ import annotations

import re

from assistant.content import text

MAX_SPEECH = 500  # characters of a transcript read: a long sentence; anything more is noise
# Twilio's transcript confidence, 0 to 1: below this the line asks again rather than guess.
LOW_CONFIDENCE = 0.2

_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\S+", re.IGNORECASE)
_POUNDS = re.compile(r"£(\d+)(?:\.(\d\d))?")
_PENCE_ONLY = re.compile(r"\b0 pounds (\d\d)\b")
# A run of digit groups that is not part of a word, price, time or decimal: a phone number,
# 999, 116 123 or 85258. Two digits or fewer (ages, dates, "3 pounds 60") are said as numbers.
_DIGITS = re.compile(r"(?<![\w.:£])\+?\d+(?: \d+)*(?![\w:%]|\.\d| ?%)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SYMBOLS = {"&": " and ", "%": " percent", "/": " or ", "+": " plus "}
_DROPPED = re.compile(r"[*#_|<>\[\]{}~^=\"\u2022]")
_BREAKS = re.compile(r"(?:\s*(?:[()\u2013\u2014]|(?<=\s)-(?=\s))\s*)+")  # brackets and dashes: a breath
_COLON_END = re.compile(r":\s*$")
_SPACES = re.compile(r"\s+")
# What is left of "phone, email, web" without the last two, or of a bracket after a comma.
_EMPTY_CLAUSE = re.compile(r"(?:\s*,)+\s*([.,?!]|$)|(?<=,)(?:\s*,)+")
_PUNCTUATION = re.compile(r"[^\w\s']")

YES = frozenset({"yes", "yes please", "yeah", "yep", "yup", "ok", "okay", "please", "go on", "sure", "please do"})
NO = frozenset({"no", "no thanks", "no thank you", "nope", "don't", "do not", "not now"})
AGAIN = frozenset({"again", "say that again", "say it again", "repeat", "repeat that", "pardon", "sorry what"})
TEXT_ME = frozenset({"text me", "text me these", "text them", "send me a text", "text me them", "send them"})


def spoken(sentence: str) -> str:
    """``sentence`` as it should be read aloud: no addresses or symbols, money in words, phone
    numbers digit by digit ("07700 900404" -> "0 7 7 0 0, 9 0 0 4 0 4")."""
    words = _ADDRESS.sub("", sentence)
    words = _POUNDS.sub(_pounds, words)
    words = _PENCE_ONLY.sub(lambda m: f"{int(m.group(1))} pence", words)
    words = _DIGITS.sub(_digit_by_digit, words)
    for symbol, word in _SYMBOLS.items():
        words = words.replace(symbol, word)
    words = _BREAKS.sub(", ", _DROPPED.sub(" ", words))
    words = _COLON_END.sub(".", words.replace("\n", ". "))
    words = _EMPTY_CLAUSE.sub(r"\1", _SPACES.sub(" ", words))
    return words.replace(" .", ".").replace(" ,", ",").replace("..", ".").strip()


def _pounds(match: re.Match[str]) -> str:
    pounds, pence = match.group(1), match.group(2)
    word = "pound" if pounds == "1" else "pounds"
    return f"{pounds} {word} {pence}" if pence and pence != "00" else f"{pounds} {word}"


def _digit_by_digit(match: re.Match[str]) -> str:
    number = match.group(0)
    digits = number.replace(" ", "").lstrip("+")
    if len(digits) < 3 or _YEAR.fullmatch(number):
        return number
    groups = number.lstrip("+").split(" ") if " " in number else _groups(digits)
    return ", ".join(" ".join(group) for group in groups)


def _groups(digits: str) -> list[str]:
    """A number written without spaces, grouped as it is said: 01632960901 -> 01632 960901."""
    if len(digits) >= 10 and digits.startswith("0"):
        return [digits[:5], digits[5:]]
    if len(digits) >= 11 and digits.startswith("44"):
        return [digits[:2], digits[2:6], digits[6:]]
    return [digits]


def said(transcript: str) -> str:
    """A transcript tidied for matching the line's own words: "Yes, please." -> "yes please"."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", transcript[:MAX_SPEECH].lower())).strip()


def either(choices: list[str], mode: str) -> str:
    """ "for me. Or for my son" in easy read; "a, b, or c" in plain."""
    if len(choices) <= 1:
        return "".join(choices)
    return say("or", mode, first=", ".join(choices[:-1]), last=choices[-1])


def say(key: str, mode: str, **params: object) -> str:
    """A sentence of ``content/voice.toml``, fit to be spoken."""
    return spoken(text("voice", key, mode, **params))
