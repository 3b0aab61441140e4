"""``POST /api/chat``: the JSON conversation API behind the web widget.

Sessions are tokens the server issues and signs (``chat_sessions``); the client keeps one and
sends it back, with no cookies. One the server did not issue starts a new conversation. The
token is the sender id, so only its HMAC is ever stored. After "delete my data" the answer says
``deleted: true`` (the widget then clears what it kept in the browser) and carries a new session.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from assistant.boundary import MAX_TEXT, inbound_text
from assistant.conversation.runtime import Conversations
from assistant.engine.replies import Inbound
from assistant.matching.results import Card
from assistant.rendering.audience import audience
from assistant.rendering.cards import cost, when
from assistant.rendering.text import Rendered
from assistant.settings import Settings
from assistant.web import chat_sessions
from assistant.web.errors import friendly
from assistant.web.ratelimit import RateLimiter

CHANNEL = "web"
PAGE_SIZE = 5

router = APIRouter()


class ChatRequest(BaseModel):
    session: str | None = Field(default=None, max_length=64, pattern=chat_sessions.PATTERN)
    text: str = Field(max_length=MAX_TEXT)
    mode: Literal["plain", "easy"] | None = None


class OptionOut(BaseModel):
    label: str
    value: str


class CardOut(BaseModel):
    id: str
    name: str
    summary: str
    for_whom: str = ""  # "for adults with a learning disability", when it is for a particular need
    when: str
    cost: str
    distance_miles: float | None
    phone: str | None
    url: str | None
    last_checked: str | None


class ReplyOut(BaseModel):
    text: str
    options: list[OptionOut] = []
    results: list[CardOut] = []


class ChatResponse(BaseModel):
    session: str
    mode: str
    replies: list[ReplyOut]
    deleted: bool = False


def card_out(card: Card, mode: str, today: dt.date | None) -> CardOut:
    return CardOut(
        id=card.id,
        name=card.name,
        summary=card.summary,
        when=when(card, mode, today),
        for_whom=audience(card, mode),
        cost=cost(card, mode),
        distance_miles=round(card.distance_miles, 1) if card.distance_miles is not None else None,
        phone=card.phone,
        url=card.url,
        last_checked=card.last_checked.isoformat() if card.last_checked else None,
    )


def reply_out(reply: Rendered, mode: str) -> ReplyOut:
    return ReplyOut(
        text=reply.text,
        options=[OptionOut(label=o.label, value=o.value) for o in reply.options],
        results=[card_out(c, mode, reply.today) for c in reply.cards if reply.key == "results"],
    )


def get_conversations(request: Request) -> Conversations:
    conversations: Conversations = request.app.state.conversations
    return conversations


@router.post("/api/chat", response_model=ChatResponse, responses={429: {}, 413: {}, 422: {}})
def chat(
    body: ChatRequest, request: Request, conversations: Annotated[Conversations, Depends(get_conversations)]
) -> Response:
    """One turn of the conversation. Send ``session: null`` to start; send back the session you get
    (one this server did not issue starts a new conversation)."""
    settings: Settings = request.app.state.settings
    session = chat_sessions.verified(settings, body.session) or chat_sessions.issue(settings)
    limits: tuple[RateLimiter, RateLimiter] = request.app.state.chat_limits
    client = request.client.host if request.client else "unknown"
    if not limits[0].allow(f"ip:{client}") or not limits[1].allow(f"session:{session}"):
        return friendly(429, "too_many", body.mode or "plain")
    result = conversations.turn(
        CHANNEL, session, Inbound(text=inbound_text(body.text)), page_size=PAGE_SIZE, mode=body.mode
    )
    response = ChatResponse(
        session=chat_sessions.issue(settings) if result.deleted else session,
        mode=result.mode,
        replies=[reply_out(r, result.mode) for r in result.replies],
        deleted=result.deleted,
    )
    # Serialised once, here: returned as a model, FastAPI would validate it again against
    # ``response_model`` before encoding it (the schema still documents it).
    status = 503 if result.failed else 200  # 503: the database is unreachable; the client may retry
    return Response(response.model_dump_json(), status_code=status, media_type="application/json")
