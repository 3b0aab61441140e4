"""Turn the engine's replies into text and options, in plain or easy read."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.engine.replies import Reply
from assistant.matching.results import Card, ResultsPage
from assistant.rendering.cards import card_details, card_lines
from assistant.rendering.summary import describe
from assistant.rendering.widened import header
from assistant.rendering.words import say
from assistant.settings import get_settings


@dataclass(frozen=True, slots=True)
class RenderedOption:
    label: str
    value: str


@dataclass(slots=True)
class Rendered:
    key: str  # the content key it was worded from, for channels and tests
    text: str
    options: list[RenderedOption] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    today: dt.date | None = None  # the date the reply was worded for: channels re-word cards with it


@lru_cache(maxsize=1)
def _contacts() -> dict[str, dict[str, str]]:
    with (get_settings().directory_data_dir / "contacts.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {"": data["default"], **data.get("areas", {})}


def contact_for(area: str | None) -> dict[str, str]:
    contacts = _contacts()
    return contacts.get(area or "", contacts[""])


def render(
    reply: Reply, mode: str, *, today: dt.date, page: ResultsPage | None = None, card: Card | None = None
) -> Rendered:
    params = dict(reply.params)
    options = [
        RenderedOption(say(f"option.{o.label}", mode, **dict(o.params)), o.value) for o in reply.options
    ]
    if reply.key == "understood" and reply.summary is not None:
        return Rendered(reply.key, say("understood", mode, summary=describe(reply.summary, mode)), options)
    if reply.key == "person":
        return Rendered(reply.key, say("person", mode, **contact_for(params.get("area"))), options)
    if reply.key == "safeguarding.abuse":
        contact = contact_for(params.get("area"))
        words = say(reply.key, mode, council=contact["council"], phone=contact["safeguarding_phone"])
        return Rendered(reply.key, words, options)
    if reply.key == "results" and page is not None:
        return _results(page, mode, today, params.get("area"), options)
    if reply.key == "details":
        if card is None:
            return Rendered("details.gone", say("details.gone", mode))
        return Rendered(reply.key, "\n".join(card_details(card, mode, today)), cards=[card], today=today)
    if reply.key.startswith("ask.") and params.pop("who", None) == "self":
        return Rendered(reply.key, say(reply.key.replace("ask.", "ask_self.", 1), mode), options)
    return Rendered(reply.key, say(reply.key, mode, **params) if params else say(reply.key, mode), options)


def _results(
    page: ResultsPage, mode: str, today: dt.date, area: str | None, if_none: list[RenderedOption]
) -> Rendered:
    """A results page; ``if_none`` are the engine's options for when nothing at all was found."""
    if not page.cards:
        if page.page == 0:
            contact = say("person", mode, **contact_for(area))
            return Rendered("results.none", f"{say('results.none', mode)} {contact}", if_none)
        return Rendered("results.no_more", say("results.no_more", mode))
    first = 1  # numbered per page, as the person replies with the number they see
    lines = [header(page.widened, mode)]
    lines += [card_lines(c, first + i, mode, today) for i, c in enumerate(page.cards)]
    lines.append(say("results.next_steps", mode))
    options = [RenderedOption(say("option.more", mode), "more")] if page.has_more else []
    return Rendered("results", "\n".join(lines), options, list(page.cards), today)
