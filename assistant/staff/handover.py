"""Handing a shortlist to the person: the text message staff send, and the record kept of it.

The text uses the SMS channel's compact card lines (when, where, cost, phone), so what arrives
reads like a Dayfinder reply. The number goes to Twilio and into an HMAC (the key opt-outs are
kept under), never into the database or a log. Tests swap Twilio's HTTP client by setting
``app.state.sms_http_client``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from assistant.channels.sms import CHANNEL
from assistant.channels.sms_format import compact_card
from assistant.channels.sms_send import SmsNotConfiguredError, SmsSender, e164
from assistant.content import text
from assistant.conversation.store import user_key
from assistant.matching.cards import load_cards
from assistant.matching.results import Card
from assistant.settings import Settings
from assistant.staff.users import StaffUser, record_handover

MAX_SHORTLIST = 10
UK_MOBILE = re.compile(r"^\+447\d{9}$")


@dataclass(frozen=True, slots=True)
class Outcome:
    """The content key saying what happened (in ``content/staff/ui.toml``), and texts sent."""

    key: str
    messages: int = 0


def shortlist(engine: Engine, ids: Sequence[str]) -> list[Card]:
    """The chosen listings that exist, in the order chosen, at most ``MAX_SHORTLIST``."""
    wanted = [i for i in dict.fromkeys(ids) if 0 < len(i) <= 200][:MAX_SHORTLIST]
    with Session(engine) as session:
        cards = load_cards(session, wanted)
    return [cards[i] for i in wanted if i in cards]


def sms_text(cards: Sequence[Card], today: dt.date, mode: str = "plain") -> str:
    lines = [text("handout", "sms.intro", mode)]
    lines += [compact_card(card, number, mode, today) for number, card in enumerate(cards, 1)]
    lines.append(text("handout", "sms.outro", mode))
    return "\n".join(lines)


def uk_mobile(number: str) -> str | None:
    """The number in E.164 when it is a UK mobile (the only numbers staff may text), else None."""
    if not re.fullmatch(r"[\d\s()+-]{10,20}", number.strip()):
        return None
    normal = e164(number)
    return normal if UK_MOBILE.match(normal) else None


def send(
    settings: Settings, engine: Engine, user: StaffUser, cards: Sequence[Card], number: str, http_client: object
) -> Outcome:
    """Text the shortlist to ``number`` and record who sent what (blocking: run it in a thread)."""
    to = uk_mobile(number)
    if to is None:
        return Outcome("send.bad_phone")
    try:
        sender = SmsSender(settings, engine, http_client=http_client)
    except SmsNotConfiguredError:
        return Outcome("send.not_configured")
    sent = sender.send(to, sms_text(cards, dt.datetime.now(dt.UTC).date()))
    if sent.opted_out:
        return Outcome("send.opted_out")
    key = user_key(settings.identity_secret.get_secret_value(), CHANNEL, to)
    assert user.id is not None
    record_handover(engine, user.id, [c.id for c in cards], CHANNEL, key, dt.datetime.now(dt.UTC))
    return Outcome("send.sent", len(sent.message_sids))
