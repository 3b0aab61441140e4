"""Easy read follows the UK easy-read guidance, checked with textstat (pinned in pyproject)."""

from __future__ import annotations

import re
import string

import pytest
import textstat

from assistant.content import keys, text

PUBLIC_FILES = (
    "chat",
    "cards",
    "web",
    "widget",
    "web_ui",
    "channels",
    "matching",
    "handout",
    "problems",
    "places",
    "voice",
    "outreach",
)
MAX_WORDS = 15
MAX_SENTENCES = 5


def easy_strings() -> list[tuple[str, str]]:
    found = []
    for file in PUBLIC_FILES:
        for key in keys(file):
            value = text(file, key, "easy")
            filled = string.Formatter().vformat(value, (), _Example())
            found.append((f"{file}:{key}", filled))
    return found


class _Example(dict[str, str]):
    """Fills {placeholders} with a short ordinary word, as a real reply would."""

    def __missing__(self, key: str) -> str:
        return {"phone": "01632 960001", "amount": "5", "number": "1", "miles": "2"}.get(key, "Luton")


def sentences(value: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", value.strip()) if s]


@pytest.mark.parametrize(("key", "value"), easy_strings())
def test_every_easy_read_sentence_is_short(key: str, value: str) -> None:
    long = [s for s in sentences(value) if len(s.split()) > MAX_WORDS]
    assert not long, f"{key}: {long}"


@pytest.mark.parametrize(("key", "value"), easy_strings())
def test_every_easy_read_reply_has_at_most_five_sentences(key: str, value: str) -> None:
    assert len(sentences(value)) <= MAX_SENTENCES, key


def test_the_easy_read_corpus_is_easy_to_read() -> None:
    corpus = " ".join(value if value.rstrip().endswith((".", "?", "!")) else value + "."
                      for _, value in easy_strings())
    assert textstat.flesch_reading_ease(corpus) >= 80
    assert textstat.flesch_kincaid_grade(corpus) <= 4


def test_every_public_key_has_a_plain_and_an_easy_form() -> None:
    for file in PUBLIC_FILES:
        for key in keys(file):
            assert text(file, key, "plain") and text(file, key, "easy"), f"{file}:{key}"
