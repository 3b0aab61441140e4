"""By text message a results reply holds three results: a basic phone shows more badly."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.channels.sms_helpers import say

NUMBERED = re.compile(r"^(\d+)\. ", re.M)


def results_by_text(client: TestClient, sender: str, first: str) -> list[str]:
    replies = say(client, sender, first)
    for _ in range(6):
        if NUMBERED.search("\n".join(replies)):
            return replies
        replies = say(client, sender, "no")
    return replies


def test_a_text_message_results_reply_shows_three_results(client: TestClient, sender: str) -> None:
    replies = results_by_text(client, sender, "a social club for my dad in Solihull")
    assert NUMBERED.findall("\n".join(replies)) == ["1", "2", "3"]


def test_more_by_text_shows_the_next_three(client: TestClient, sender: str) -> None:
    first = results_by_text(client, sender, "a social club for my dad in Solihull")
    shown = re.findall(r"^\d+\. ([^:]+):", "\n".join(first), re.M)
    more = "\n".join(say(client, sender, "more"))
    again = re.findall(r"^\d+\. ([^:]+):", more, re.M)
    assert len(again) == 3 and not set(again) & set(shown)
