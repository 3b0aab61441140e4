"""Every listing in the sample directory makes a card that fits a phone screen and tells the truth
about when it meets."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.channels.sms_format import compact_card
from assistant.directory.models import Service
from assistant.matching.cards import load_cards
from assistant.matching.results import Card
from assistant.rendering.cards import CARD_LIMIT, card_lines

TODAY = dt.date(2026, 12, 7)
FAR_AWAY = (54.5, -3.0)  # the Lake District: every distance has three digits, the longest it can be


@pytest.fixture(scope="module")
def every_card(sample_engine: Engine) -> list[Card]:
    with Session(sample_engine) as session:
        ids = list(session.exec(select(Service.id)))
        return list(load_cards(session, ids, FAR_AWAY).values())


@pytest.mark.parametrize("mode", ["plain", "easy"])
def test_every_sample_card_fits_in_200_characters(every_card: list[Card], mode: str) -> None:
    assert len(every_card) >= 300
    too_long = [line for c in every_card if len(line := card_lines(c, 5, mode, TODAY)) > CARD_LIMIT]
    assert too_long == []


@pytest.mark.parametrize("mode", ["plain", "easy"])
def test_every_sample_text_message_card_fits_in_200_characters(every_card: list[Card], mode: str) -> None:
    too_long = [line for c in every_card if len(line := compact_card(c, 3, mode, TODAY)) > CARD_LIMIT]
    assert too_long == []


def test_every_monthly_sample_card_says_monthly_and_its_next_date(every_card: list[Card]) -> None:
    monthly = [c for c in every_card if any(m.rule.monthly for m in c.sessions)]
    assert len(monthly) >= 40
    for c in monthly:
        line = card_lines(c, 1, "plain", TODAY)
        assert "of the month" in line and "next on " in line, line


def test_day_centres_with_a_transport_charge_say_it(every_card: list[Card]) -> None:
    charged = [c for c in every_card if c.transport_cost]
    assert len(charged) >= 4
    assert all("transport £7 a day" in card_lines(c, 1, "plain", TODAY) for c in charged)
