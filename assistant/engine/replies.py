"""What goes into and comes out of the engine: channel-free values that a renderer words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.engine.state import Profile


@dataclass(frozen=True, slots=True)
class Inbound:
    """One message from a person. ``latitude``/``longitude`` come from a shared location."""

    text: str = ""
    latitude: float | None = None
    longitude: float | None = None
    # The runtime says whether this channel can reach the person later (text, WhatsApp, Telegram):
    # only then are reminders and a follow-up offered. The engine never learns which channel it is.
    reachable: bool = False
    # ...and whether a message a week later can reach them too (WhatsApp's 24-hour window cannot).
    reachable_in_a_week: bool = False


@dataclass(frozen=True, slots=True)
class Option:
    """A short answer the person can tap or type (its number works too)."""

    label: str  # a content key under "option."
    value: str  # what choosing it sends back as text
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """Ask the runtime to search the directory and show page ``page`` of the results."""

    profile: Profile
    page: int = 0


class Action(StrEnum):
    """Something the runtime must do beyond speaking."""

    DELETE_DATA = "delete_data"
    OPT_OUT = "opt_out"
    REPORT_PROBLEM = "report_problem"  # file ``Reply.problem`` in the curators' queue
    REMIND = "remind"  # store a reminder: ``Reply.outreach`` is (service id, RemindWhen value)
    FOLLOW_UP = "follow_up"  # consent given: store a follow-up about ``Reply.outreach[0]``
    FOLLOW_UP_ANSWER = "follow_up_answer"  # keep ``Reply.outreach`` (service id, yes/no), with no key
    CANCEL_OUTREACH = "cancel_outreach"  # "cancel my reminder": drop the person's reminders and follow-up


class RemindWhen(StrEnum):
    """When a reminder goes, relative to the listing's next session."""

    DAY_BEFORE = "day_before"
    MORNING_OF = "morning_of"


@dataclass(frozen=True, slots=True)
class Reply:
    """One message to send: a content key, its parameters, options, and work for the runtime."""

    key: str
    params: tuple[tuple[str, str], ...] = ()
    options: tuple[Option, ...] = ()
    search: SearchRequest | None = None
    details: str | None = None  # a service id to describe in full
    summary: Profile | None = None  # what was just understood, to say back
    action: Action | None = None
    problem: tuple[str, str] | None = None  # (service id, what is wrong) for REPORT_PROBLEM
    outreach: tuple[str, str] | None = None  # (service id, when or answer) for the outreach actions

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)
