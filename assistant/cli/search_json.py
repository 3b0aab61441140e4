"""The JSON ``dayfinder search --json`` prints: one document for every outcome.

Every outcome has a ``status`` (see :class:`~assistant.conversation.one_text.Outcome`, plus
``error``) and a ``messages`` list holding what a person would have been told, in plain words.
Results also carry what was understood, what the search widened to find them, and for each
result the wishes it does not meet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.content import text
from assistant.conversation.one_text import TextSearch
from assistant.engine.state import Profile
from assistant.matching.relax import step_of
from assistant.rendering.text import render
from assistant.rendering.widened import note

ERROR = "error"
_SETS = ("days", "avoid_days", "parts_of_day", "must_haves")


def search_document(found: TextSearch, unmet: Mapping[str, Sequence[str]], mode: str, today: dt.date) -> dict[str, Any]:
    """The JSON document for one message's search."""
    document: dict[str, Any] = {
        "status": found.outcome.value,
        "messages": [render(reply, mode, today=today).text for reply in found.said],
        "understood": understood(found.profile),
    }
    if found.choices:  # the places a name could mean, or the nearest area served
        document["choices"] = list(found.choices)
    page = found.page
    if page is not None:
        document["widened"] = [
            {
                "step": step_of(w.key),
                "key": w.key,
                "params": dict(w.params),
                "text": note(w, mode),
            }
            for w in page.widened
        ]
        document["total"] = page.total
        document["results"] = [
            {**dataclasses.asdict(card), "unmet": list(unmet.get(card.id, ()))} for card in page.cards
        ]
    return document


def error_document(detail: str) -> dict[str, Any]:
    return {"status": ERROR, "messages": [text("staff/cli", "error.search", detail=detail)]}


def understood(profile: Profile) -> dict[str, Any]:
    """The profile as JSON, sets sorted so the same message always prints the same document."""
    data = profile.model_dump(mode="json")
    for name in _SETS:
        data[name] = sorted(data[name])
    return data


def dumps(document: Mapping[str, Any]) -> str:
    return json.dumps(document, indent=1, default=str, ensure_ascii=False)
