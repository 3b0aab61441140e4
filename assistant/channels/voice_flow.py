"""What the voice line does with one thing a caller said or pressed during a call.

A call greets briefly and listens. Speech goes to the same conversation as every channel
(easy-read wording, three results a page); the keypad offers the common moves (1 hear it again,
2 more, 3 get these by text, 0 talk to a person), announced once, with the first results.
Silence or a transcript too unsure to act on gets a gentle "please say it again", then the
keypad offer, then a person. Texting the results needs a clear yes (said, or 1) to a clear
question; the number the call came from is used for that one send and never kept.

The caller's number is the conversation's sender id, so only its HMAC is stored. A withheld
number is no identity at all (every withheld caller would share one conversation): such a call
is its own conversation, keyed by its CallSid, and is never texted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session
from twilio.base.exceptions import TwilioException

from assistant.boundary import inbound_text
from assistant.channels import optouts, voice_calls, voice_twiml
from assistant.channels.sms_format import compact_card
from assistant.channels.sms_send import SmsSender, e164
from assistant.channels.voice_calls import CallRecord, Line
from assistant.channels.voice_replies import ENDS_CALL, MAX_READ, reply_lines
from assistant.channels.voice_speech import AGAIN, LOW_CONFIDENCE, MAX_SPEECH, NO, TEXT_ME, YES, said, say
from assistant.content import text
from assistant.conversation import store
from assistant.conversation.runtime import Clock, Conversations
from assistant.engine.replies import Inbound
from assistant.engine.state import State
from assistant.matching.results import Finder
from assistant.rendering.text import Rendered, contact_for

CHANNEL = "voice"
MODE = "easy"  # a caller cannot read back: always the shortest, plainest wording
MAX_MISSES = 3  # silences in a row before a person takes over: retry, keypad, person
# Twilio's stand-ins for a withheld number (they spell ANONYMOUS, RESTRICTED, BLOCKED, UNKNOWN
# and UNAVAILABLE on a keypad), and anything else that is not a number.
WITHHELD = frozenset({"+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"})
_NUMBER = re.compile(r"\+[1-9]\d{7,14}")
KEY_AGAIN, KEY_MORE, KEY_TEXT, KEY_PERSON = "1", "2", "3", "0"
KEY_YES, KEY_NO = "1", "2"
_log = logging.getLogger(__name__)
# What a step comes to: sentences to say while listening for the next answer, or finished TwiML
# (putting the call through to a person, or saying goodbye).
Outcome = list[Line] | str


@dataclass(frozen=True, slots=True)
class Heard:
    """One request of a call: who, which step, and what came with it (all capped already)."""

    call_sid: str
    caller: str  # the number it came from, or "" when withheld
    step: int
    speech: str = ""
    confidence: float | None = None
    digits: str = ""
    dial_status: str = ""  # how putting the call through to a person went: "completed", "no-answer"...

    @property
    def identity(self) -> str:
        """The conversation's sender id: the number, or the call itself when withheld."""
        return self.caller or f"call:{self.call_sid}"

    @property
    def silent(self) -> bool:
        unsure = self.confidence is not None and self.confidence < LOW_CONFIDENCE
        return not self.digits and (not self.speech.strip() or unsure)


def caller_number(raw: str) -> str:
    """The caller's number in E.164, or "" when it is withheld or not a number."""
    return raw if _NUMBER.fullmatch(raw) and raw not in WITHHELD else ""


@dataclass(frozen=True, slots=True)
class VoiceCall:
    """Answer one step of a call with TwiML (blocking: run it in a thread)."""

    engine: Engine
    conversations: Conversations
    finder: Finder
    secret: str  # the runtime's HMAC key, for the per-call record's id
    action_url: str  # this webhook's public address, where each <Gather> sends its answer
    voice: str  # Twilio's name for the text-to-speech voice
    texts: Callable[[], SmsSender] | None  # a sender of texts; None when texting is not set up
    clock: Clock

    def key(self, heard: Heard) -> str:
        """The caller's conversation key: an HMAC, the only identity anything is stored under."""
        return self.conversations.key(CHANNEL, heard.identity)

    def answer(self, heard: Heard) -> str:
        key = self.key(heard)
        record_id = voice_calls.call_id(self.secret, heard.call_sid)
        record = voice_calls.load(self.engine, record_id)
        outcome, record, deleted = self._answer(heard, record, key)
        if not deleted:
            voice_calls.save(self.engine, record_id, key, record, self.clock())
        if isinstance(outcome, str):
            return outcome
        return voice_twiml.listen(outcome, self._next(heard), self.voice)

    def _next(self, heard: Heard) -> str:
        """Where the caller's next answer goes. The step marker tells a retry of this request from
        the next answer; the conversation itself is never in the URL."""
        return f"{self.action_url}?step={heard.step + 1}"

    def end(self, heard: Heard) -> None:
        """The call is over: forget its conversation and everything kept for it."""
        self.conversations.forget(CHANNEL, heard.identity)
        optouts.forget_answers(self.engine, self.key(heard))

    def _answer(self, heard: Heard, record: CallRecord, key: str) -> tuple[Outcome, CallRecord, bool]:
        if heard.dial_status:  # back from a person: they talked, or nobody answered
            return self._after_person(heard.dial_status, self._state(key)), record, False
        if heard.step == 0:  # a new call: a new search, nothing carried over from an earlier one
            self.conversations.forget(CHANNEL, heard.identity)
            lines = [self._line("greeting"), self._line("ask_first")]
            return lines, record.model_copy(update={"last": lines, "misses": 0}), False
        if heard.silent:
            return self._missed(heard, record, key)
        record = record.model_copy(update={"misses": 0})
        if record.asked_to_text:
            record = record.model_copy(update={"asked_to_text": False})
            words = said(heard.speech)
            if heard.digits == KEY_YES or (not heard.digits and words in YES):
                return self._send_texts(heard, key), record, False
            if heard.digits == KEY_NO or (not heard.digits and words in NO):
                return [self._line("text_not_sent"), self._line("next")], record, False
        move = heard.digits or _spoken_move(said(heard.speech))
        if move == KEY_AGAIN:
            return record.last or [self._line("ask_first")], record, False
        if move == KEY_TEXT:
            return self._offer_texts(heard, record, key)
        if move == KEY_PERSON:
            return self._person(heard, self._state(key)), record, False
        if move == KEY_MORE:
            return self._turn(heard, record, key, "more")
        if heard.digits:
            return [self._line("unknown_key"), *self._keypad()], record, False
        return self._turn(heard, record, key, heard.speech[:MAX_SPEECH])

    def _turn(self, heard: Heard, record: CallRecord, key: str, words: str) -> tuple[Outcome, CallRecord, bool]:
        result = self.conversations.turn(
            CHANNEL, heard.identity, Inbound(text=inbound_text(words)), page_size=MAX_READ, mode=MODE
        )
        if result.deleted:
            optouts.forget_answers(self.engine, key)
            return voice_twiml.goodbye([self._line("deleted")], self.voice), record, True
        state = self._state(key)
        if any(reply.key == "person" for reply in result.replies):
            return self._person(heard, state), record, False
        lines = reply_lines(result.replies, state.profile, MODE)
        if any(reply.key in ENDS_CALL for reply in result.replies):
            return voice_twiml.goodbye(lines, self.voice), record, False
        if _has_results(result.replies) and not record.keypad_told:
            lines += self._keypad()
            record = record.model_copy(update={"keypad_told": True})
        return lines, record.model_copy(update={"last": lines}), False

    def _missed(self, heard: Heard, record: CallRecord, key: str) -> tuple[Outcome, CallRecord, bool]:
        """Silence, or words too unsure to act on: ask again, then offer the keypad, then a person."""
        misses = record.misses + 1
        record = record.model_copy(update={"misses": misses})
        if misses >= MAX_MISSES:
            return self._person(heard, self._state(key)), record.model_copy(update={"misses": 0}), False
        if misses == MAX_MISSES - 1:
            record = record.model_copy(update={"keypad_told": True})
            return [self._line("keypad_offer"), *self._keypad()], record, False
        return [self._line("retry")], record, False

    def _offer_texts(self, heard: Heard, record: CallRecord, key: str) -> tuple[Outcome, CallRecord, bool]:
        if not heard.caller:
            return [self._line("text_hidden"), self._line("next")], record, False
        if self.texts is None:
            return [self._line("text_off"), self._line("next")], record, False
        if not self._state(key).shown:
            return [self._line("text_nothing")], record, False
        return [self._line("text_ask")], record.model_copy(update={"asked_to_text": True}), False

    def _send_texts(self, heard: Heard, key: str) -> list[Line]:
        """Text the results last read to the number this request came from; the number is used for
        this send only (the opt-out check looks it up by its HMAC)."""
        if self.texts is None or not heard.caller:
            return [self._line("text_off"), self._line("next")]
        today = self.clock().date()
        cards = [card for service_id in self._state(key).shown if (card := self.finder.card(service_id))]
        if not cards:
            return [self._line("text_nothing")]
        lines = [compact_card(card, number, MODE, today) for number, card in enumerate(cards, 1)]
        try:
            sent = self.texts().send(heard.caller, "\n".join([text("voice", "text_heading", MODE), *lines]))
        except (TwilioException, OSError) as exc:  # Twilio refused it, or could not be reached
            _log.warning("voice: a text of results could not be sent: %s", type(exc).__name__)
            return [self._line("text_failed"), self._line("next")]
        said_back = "text_opted_out" if sent.opted_out else "text_sent"
        return [self._line(said_back), self._line("next")]

    def _person(self, heard: Heard, state: State) -> str:
        contact = _contact(state)
        lines = [Line(text=say("dial", MODE, name=contact["name"], hours=contact["hours"]))]
        return voice_twiml.dial(lines, e164(contact["phone"]), self._next(heard), self.voice)

    def _after_person(self, status: str, state: State) -> str:
        if status == "completed":
            return voice_twiml.goodbye([self._line("goodbye")], self.voice)
        contact = _contact(state)
        failed = Line(text=say("dial_failed", MODE, name=contact["name"], phone=contact["phone"]))
        return voice_twiml.goodbye([failed], self.voice)

    def _state(self, key: str) -> State:
        with Session(self.engine) as session:
            row = store.load(session, key, self.clock(), lock=False)
            return State.from_json(row.state if row else None)

    def _keypad(self) -> list[Line]:
        return [self._line("keypad")]

    @staticmethod
    def _line(key: str) -> Line:
        return Line(text=say(key, MODE))


def _spoken_move(words: str) -> str:
    """The keypad move a caller said in words ("say that again", "text me"), or ""."""
    if words in AGAIN:
        return KEY_AGAIN
    if words in TEXT_ME:
        return KEY_TEXT
    return ""


def _contact(state: State) -> dict[str, str]:
    """Who "talk to a person" reaches: the caller's council, or the default."""
    place = state.profile.place
    return contact_for(place.local_authority if place else None)


def _has_results(replies: list[Rendered]) -> bool:
    return any(reply.key == "results" and reply.cards for reply in replies)
