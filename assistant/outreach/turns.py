"""During a conversation turn: store what the engine asked for (a reminder, a follow-up, an
answer to one) or cancel it, and word the confirmation with the date the reminder will go.

The runtime calls :meth:`Outreach.act` on the turn's replies, inside the turn's transaction, with
the raw sender id: it is encrypted here and never stored in clear. Channels that cannot reach the
person later (the web widget, the terminal) are not ``reachable``, so the engine offers nothing
there and says reminders work by text, WhatsApp or Telegram.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from assistant.directory.models import Service, ServiceTerm
from assistant.engine.replies import Action, Inbound, RemindWhen, Reply
from assistant.engine.state import State
from assistant.matching.results import Card, Finder
from assistant.outreach.crypto import Cipher, cipher
from assistant.outreach.models import FollowUp, FollowUpAnswer, Outbound, Reminder, forget_outreach
from assistant.outreach.schedule import (
    FOLLOW_UP_AFTER,
    LONDON,
    day_words,
    follow_up_time,
    local_day,
    plan_reminder,
    week_of,
)
from assistant.rendering.words import clock
from assistant.settings import Settings

REACHABLE = frozenset({"sms", "telegram", "whatsapp"})  # channels a message can be sent on later
# How long after the person's last message a channel still lets us write: WhatsApp's customer
# service window (``channels.whatsapp_send.WINDOW``). A reminder due later could never be sent.
WINDOWS = {"whatsapp": dt.timedelta(hours=24)}
MAX_REMINDERS = 5  # pending reminders one person may hold: storage cannot be filled by one sender
ACTIVITY_PREFIX = "activity-"
Pending = TypeVar("Pending", bound=Outbound)
OUTREACH = frozenset({Action.REMIND, Action.FOLLOW_UP, Action.FOLLOW_UP_ANSWER, Action.CANCEL_OUTREACH})


class Outreach:
    def __init__(self, settings: Settings, finder: Finder) -> None:
        self._cipher = cipher(settings)  # None: reminders off (no REMINDER_KEY outside development)
        # An approved WhatsApp template reaches people after the window closes (whatsapp_send.py).
        self._windows = {} if settings.twilio_whatsapp_template else WINDOWS
        self._finder = finder

    def inbound(self, channel: str, inbound: Inbound) -> Inbound:
        """The message, saying whether this channel can reach the person later."""
        reachable = self._cipher is not None and channel in REACHABLE
        window = self._windows.get(channel)
        in_a_week = reachable and (window is None or window > FOLLOW_UP_AFTER)
        return replace(inbound, reachable=reachable, reachable_in_a_week=in_a_week)

    def act(
        self,
        session: Session,
        replies: list[Reply],
        channel: str,
        sender: str,
        key: str,
        state: State,
        now: dt.datetime,
    ) -> list[Reply]:
        """The replies, with the outreach ones done and worded (a reminder's date filled in)."""
        if not any(r.action in OUTREACH for r in replies):
            return replies
        turn = _Turn(session, channel, sender, key, state, now)
        return [self._act(turn, r) if r.action in OUTREACH else r for r in replies]

    def _act(self, turn: _Turn, reply: Reply) -> Reply:
        if reply.action is Action.CANCEL_OUTREACH:
            forget_outreach(turn.session, turn.key)
            return reply
        if reply.outreach is None:
            return reply
        service_id, value = reply.outreach
        if reply.action is Action.FOLLOW_UP_ANSWER:
            turn.session.add(_answer(turn.session, service_id, value, turn.state, turn.now))
            return reply
        if self._cipher is None:
            return Reply("remind.no_channel")
        if reply.action is Action.FOLLOW_UP:
            turn.session.execute(delete(FollowUp).where(col(FollowUp.key) == turn.key))  # one at a time
            turn.session.add(turn.pending(FollowUp, self._cipher, service_id, follow_up_time(turn.now)))
            return reply
        card = self._finder.card(service_id, session=turn.session)
        if card is None:
            return Reply("details.gone")
        return self._remind(turn, card, RemindWhen(value), self._cipher)

    def _remind(self, turn: _Turn, card: Card, when: RemindWhen, sealer: Cipher) -> Reply:
        plan = plan_reminder(card, when, turn.now)
        if plan is None:
            contact = next((c for c in (card.phone, card.email, card.url) if c), None)
            if contact is None:
                return Reply("remind.no_schedule_no_contact", params=(("name", card.name),))
            return Reply("remind.no_schedule", params=(("name", card.name), ("contact", contact)))
        window = self._windows.get(turn.channel)
        if window is not None and plan.send_at > turn.now + window:
            return Reply("remind.outside_window", params=(("name", card.name), ("date", day_words(plan.session))))
        mine = col(Reminder.key) == turn.key
        same = mine & (col(Reminder.service_id) == card.id)
        turn.session.execute(delete(Reminder).where(same))  # asking again moves the reminder
        held = turn.session.exec(select(func.count()).select_from(Reminder).where(mine)).one()
        if held >= MAX_REMINDERS:
            return Reply("remind.too_many")
        turn.session.add(turn.pending(Reminder, sealer, card.id, plan.send_at))
        local = plan.send_at.astimezone(LONDON)
        params = (("name", card.name), ("date", local_day(plan.send_at)), ("time", clock(local.time())))
        return Reply("remind.set", params=params)


class _Turn:
    """What one turn's outreach work needs: where to write, who for, and when."""

    def __init__(self, session: Session, channel: str, sender: str, key: str, state: State, now: dt.datetime) -> None:
        self.session, self.channel, self.sender, self.key, self.state, self.now = (
            session,
            channel,
            sender,
            key,
            state,
            now,
        )

    def pending(self, table: type[Pending], sealer: Cipher, service_id: str, send_at: dt.datetime) -> Pending:
        """A reminder or follow-up row for this person: the address sealed, never in clear."""
        address = sealer.seal(self.sender)
        return table(channel=self.channel, key=self.key, address=address, service_id=service_id, send_at=send_at)


def _answer(session: Session, service_id: str, answer: str, state: State, now: dt.datetime) -> FollowUpAnswer:
    """The answer as it is counted: the listing's activities and council area, the person's needs
    and the week. No key, address or listing id: nothing points back to the person."""
    activities = session.exec(
        select(ServiceTerm.term_id).where(
            col(ServiceTerm.service_id) == service_id, col(ServiceTerm.term_id).startswith(ACTIVITY_PREFIX)
        )
    ).all()
    service = session.get(Service, service_id)
    return FollowUpAnswer(
        activities=",".join(sorted(set(activities)))[:255],
        needs=",".join(sorted(state.profile.needs))[:255],
        area=((service.area if service else "") or "")[:64],
        answer="yes" if answer == "yes" else "no",
        week=week_of(now),
    )
