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

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)
