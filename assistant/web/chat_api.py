"""``POST /api/chat``: the JSON conversation API behind the web widget.

Sessions are opaque random tokens the client keeps and sends back; no cookies. The token is
the sender id, so only its HMAC is ever stored.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from assistant.conversation.runtime import Conversations
from assistant.engine.replies import Inbound
from assistant.matching.results import Card
from assistant.rendering.cards import cost, when
from assistant.rendering.text import Rendered
from assistant.web.errors import friendly
from assistant.web.ratelimit import RateLimiter

CHANNEL = "web"
PAGE_SIZE = 5
MAX_TEXT = 1000

router = APIRouter()


class ChatRequest(BaseModel):
    session: str | None = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    text: str = Field(max_length=MAX_TEXT)
    mode: Literal["plain", "easy"] | None = None


class OptionOut(BaseModel):
    label: str
    value: str


class CardOut(BaseModel):
    id: str
    name: str
    summary: str
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


def card_out(card: Card, mode: str) -> CardOut:
    return CardOut(
        id=card.id,
        name=card.name,
        summary=card.summary,
        when=when(card, mode),
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
        results=[card_out(c, mode) for c in reply.cards if reply.key == "results"],
    )


def get_conversations(request: Request) -> Conversations:
    conversations: Conversations = request.app.state.conversations
    return conversations


@router.post("/api/chat", response_model=ChatResponse, responses={429: {}, 413: {}, 422: {}})
def chat(
    body: ChatRequest, request: Request, conversations: Annotated[Conversations, Depends(get_conversations)]
) -> ChatResponse | JSONResponse:
    """One turn of the conversation. Send ``session: null`` to start; send back the session you get."""
    session = body.session or secrets.token_urlsafe(18)
    limits: tuple[RateLimiter, RateLimiter] = request.app.state.chat_limits
    client = request.client.host if request.client else "unknown"
    if not limits[0].allow(f"ip:{client}") or not limits[1].allow(f"session:{session}"):
        return friendly(429, "too_many", body.mode or "plain")
    result = conversations.turn(
        CHANNEL, session, Inbound(text=body.text), page_size=PAGE_SIZE, mode=body.mode
    )
    response = ChatResponse(
        session=session, mode=result.mode, replies=[reply_out(r, result.mode) for r in result.replies]
    )
    if result.failed:  # the database is unreachable: say so kindly, and let the client retry
        return JSONResponse(status_code=503, content=response.model_dump())
    return response
