"""``dayfinder reminders send``: send every reminder and follow-up that is due, then delete it.

Safe to run twice at once. Due rows are claimed in a short transaction (``SELECT ... FOR UPDATE
SKIP LOCKED`` on PostgreSQL, so a second job passes over rows the first is claiming; SQLite lets
one writer at a time claim): claiming moves the row's send time a lease ahead, so nobody else
sees it as due while it is being sent, and no lock is held while a platform is called. Once sent
the row is deleted, and with it the only copy of the address. A send that fails is due again
on the next run, ``MAX_ATTEMPTS`` times in all; a reminder more than ``REMINDER_LATE`` late, or a
follow-up more than 14 days after it was asked for, is dropped unsent. A channel that says the
message may not be sent (the person sent STOP, blocked the bot, or is outside WhatsApp's 24-hour
window) drops it too. Logs name the channel and the error's class, never an address or a text.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine
from sqlmodel import Session, col, delete, select, update
from telegram import Bot
from telegram.error import BadRequest, Forbidden

from assistant.channels.sms_send import SmsNotConfiguredError, SmsSender
from assistant.channels.whatsapp_send import WhatsAppNotConfiguredError, WhatsAppSender
from assistant.content import text
from assistant.conversation import store
from assistant.directory.db import session_scope
from assistant.engine.state import State
from assistant.matching.cards import load_cards
from assistant.matching.results import Card
from assistant.outreach.crypto import AddressUnreadableError, Cipher
from assistant.outreach.models import FollowUp, Outbound, Reminder
from assistant.outreach.schedule import FOLLOW_UP_AFTER, day_words, session_after
from assistant.rendering.words import clock
from assistant.settings import Settings

LOG = logging.getLogger("dayfinder.outreach")
MAX_ATTEMPTS = 3  # sends tried before a message is dropped
LEASE = dt.timedelta(minutes=15)  # a claimed row is not due again for this long (a crashed job's rows come back)
BATCH = 20  # rows claimed in one transaction
REMINDER_LATE = dt.timedelta(hours=12)  # later than this a reminder is no use
FOLLOW_UP_KEEP = dt.timedelta(days=14)  # a follow-up is kept at most this long after it was asked for
TABLES: tuple[type[Outbound], ...] = (Reminder, FollowUp)
LATE: dict[type[Outbound], dt.timedelta] = {Reminder: REMINDER_LATE, FollowUp: FOLLOW_UP_KEEP - FOLLOW_UP_AFTER}
KINDS: dict[type[Outbound], str] = {Reminder: "reminder", FollowUp: "follow-up"}


class ChannelSender(Protocol):
    def send(self, to: str, message: str) -> bool:
        """True once sent; False when it may not be sent (the message is dropped); raises when it
        failed and might go through later (the message is tried again next run)."""
        ...


@dataclass
class RunResult:
    sent: int = 0
    failed: int = 0  # tried again next run
    dropped: int = 0
    waiting: int = 0  # its channel has no sender configured


@dataclass(frozen=True, slots=True)
class Claimed:
    table: type[Outbound]
    id: int
    channel: str
    key: str
    address: str
    service_id: str
    send_at: dt.datetime  # as it was before the lease
    attempts: int

    @property
    def kind(self) -> str:
        return KINDS[self.table]


class SendJob:
    def __init__(
        self, engine: Engine, sealer: Cipher, senders: Mapping[str, ChannelSender], *, conversation_days: int = 30
    ) -> None:
        self._engine = engine
        self._sealer = sealer
        self._senders = senders
        self._keep = dt.timedelta(days=conversation_days)

    def run(self, now: dt.datetime) -> RunResult:
        """Send everything due at ``now``; what happened, in counts."""
        result = RunResult()
        for table in TABLES:
            after = 0
            while claimed := self._claim(table, now, after, result):
                after = claimed[-1].id
                for item in claimed:
                    self._deliver(item, now, result)
        return result

    def _claim(self, table: type[Outbound], now: dt.datetime, after: int, result: RunResult) -> list[Claimed]:
        with session_scope(self._engine, for_update=True) as session:
            query = select(table).where(col(table.send_at) <= now, col(table.id) > after)
            query = query.order_by(col(table.id)).limit(BATCH)
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            claimed = []
            for row in session.exec(query).all():
                send_at = _aware(row.send_at)
                if send_at + LATE[table] < now:
                    session.delete(row)
                    result.dropped += 1
                    LOG.info(text("staff/outreach", "log.dropped", kind=KINDS[table], channel=row.channel, why="late"))
                    continue
                assert row.id is not None
                claimed.append(
                    Claimed(table, row.id, row.channel, row.key, row.address, row.service_id, send_at, row.attempts)
                )
                row.send_at = now + LEASE
                session.add(row)
            return claimed

    def _deliver(self, item: Claimed, now: dt.datetime, result: RunResult) -> None:
        sender = self._senders.get(item.channel)
        if sender is None:  # e.g. WhatsApp not set up here: leave it due, untried, until it is late
            self._release(item, item.attempts)
            result.waiting += 1
            return
        try:
            address = self._sealer.open(item.address)
        except AddressUnreadableError:
            self._drop(item, "unreadable", result)
            return
        message = self._message(item, now)
        if message is None:
            self._drop(item, "listing gone", result)
            return
        try:
            sent = sender.send(address, message)
        except Exception as exc:  # any platform failure: tried again next run, a bounded number of times
            attempt = item.attempts + 1
            LOG.warning(
                text(
                    "staff/outreach",
                    "log.failed",
                    kind=item.kind,
                    channel=item.channel,
                    error=type(exc).__name__,
                    attempt=attempt,
                    limit=MAX_ATTEMPTS,
                )
            )
            if attempt >= MAX_ATTEMPTS:
                self._drop(item, "failed", result)
            else:
                self._release(item, attempt)
                result.failed += 1
            return
        if not sent:
            self._drop(item, "refused by the channel", result)
            return
        self._sent(item, now)
        result.sent += 1

    def _message(self, item: Claimed, now: dt.datetime) -> str | None:
        """The text to send, in the person's wording mode (easy read stays easy read)."""
        with Session(self._engine) as session:
            card = load_cards(session, [item.service_id]).get(item.service_id)
            row = store.load(session, item.key, now, lock=False)
        if card is None:
            return None
        mode = State.from_json(row.state if row else None).mode
        if item.table is FollowUp:
            return text("outreach", "follow_up.ask", mode, name=card.name)
        return reminder_text(card, item.send_at, mode)

    def _sent(self, item: Claimed, now: dt.datetime) -> None:
        """Delete the row (the address with it). After a follow-up, the conversation expects the
        answer: YES or NO is kept, anything else carries on as usual."""
        with session_scope(self._engine, for_update=True) as session:
            gone = session.execute(delete(item.table).where(col(item.table.id) == item.id))
            if item.table is not FollowUp or not getattr(gone, "rowcount", 0):
                return  # a reminder; or cancelled while it was being sent: start nothing new
            row = store.load(session, item.key, now, lock=True, channel=item.channel)
            state = State.from_json(row.state if row else None)
            state = state.model_copy(update={"follow_up": item.service_id, "started": state.started or now})
            store.save(session, item.key, item.channel, state.to_json(), now, self._keep)

    def _release(self, item: Claimed, attempts: int) -> None:
        """Due again from its own time, for the next run."""
        with session_scope(self._engine) as session:
            session.execute(
                update(item.table).where(col(item.table.id) == item.id).values(send_at=item.send_at, attempts=attempts)
            )

    def _drop(self, item: Claimed, why: str, result: RunResult) -> None:
        with session_scope(self._engine) as session:
            session.execute(delete(item.table).where(col(item.table.id) == item.id))
        result.dropped += 1
        LOG.info(text("staff/outreach", "log.dropped", kind=item.kind, channel=item.channel, why=why))


def reminder_text(card: Card, send_at: dt.datetime, mode: str) -> str:
    """ "Reminder from Dayfinder: Knit and Natter is on Tuesday 15 December at 10am. To check it
    is still on: 01632 960001. Reply cancel my reminder to stop reminders." """
    upcoming = session_after(card, send_at)
    if upcoming is None:
        head = text("outreach", "reminder.unknown", mode, name=card.name)
    else:
        day, opens = upcoming
        key, params = ("reminder.at", {"time": clock(opens)}) if opens else ("reminder.on", {})
        head = text("outreach", key, mode, name=card.name, day=day_words(day), **params)
    contact = next((c for c in (card.phone, card.email, card.url) if c), None)
    lines = [head]
    if contact:
        lines.append(text("outreach", "reminder.contact", mode, contact=contact))
    lines.append(text("outreach", "reminder.cancel", mode))
    return " ".join(lines)


class TelegramSender:
    """The bot's ``send_message`` through the configured Bot API base URL."""

    def __init__(self, token: str, base_url: str) -> None:
        self._token = token
        self._base_url = base_url

    def send(self, to: str, message: str) -> bool:
        return asyncio.run(self._send(int(to), message))

    async def _send(self, chat_id: int, message: str) -> bool:
        try:
            async with Bot(self._token, base_url=self._base_url) as bot:
                await bot.send_message(chat_id, message)
        except (Forbidden, BadRequest):  # blocked the bot, or the chat is gone: it will not go later
            return False
        return True


class SmsReminderSender:
    """``sms_send.SmsSender``, saying False for a number that has opted out."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self._sender = SmsSender(settings, engine)

    def send(self, to: str, message: str) -> bool:
        return not self._sender.send(to, message).opted_out


def channel_senders(settings: Settings, engine: Engine) -> dict[str, ChannelSender]:
    """A sender for each channel whose settings are present; a channel without one waits."""
    senders: dict[str, ChannelSender] = {}
    with contextlib.suppress(SmsNotConfiguredError):
        senders["sms"] = SmsReminderSender(settings, engine)
    with contextlib.suppress(WhatsAppNotConfiguredError):
        senders["whatsapp"] = WhatsAppSender(settings, engine)
    if settings.telegram_bot_token:
        senders["telegram"] = TelegramSender(
            settings.telegram_bot_token.get_secret_value(), settings.telegram_api_base_url
        )
    return senders


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything stored here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
